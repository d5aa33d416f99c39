"""Every fact of the kit by id, and how a fact and its status are shown to the learner."""

from __future__ import annotations

import functools
import types
from collections.abc import Iterable, Mapping

from helpers import data
from helpers.display import RichText, esc, join

# How each status is marked. Symbols are chosen from JIS fonts so they render wherever Japanese does.
STATUS_MARKS: Mapping[str, tuple[str, str, str]] = types.MappingProxyType({
    # status: (badge text, colour, meaning for the learner)
    "confirmed": ("確認済み", "#1a7f37", "公式ページを含む複数の情報源で確かめられた情報です。"),
    "article": ("記事の情報", "#0969da", "もとの記事だけが書いていて、否定する情報もないものです。記事の情報として紹介します。"),
    "changed": ("▲ 変更あり", "#bc4c00", "新しい情報源と食い違っている情報です。記事の内容と、いま分かっている注意を並べて示します。"),
    "unverified": ("？ 未確認", "#cf222e", "裏付けがなく、疑わしい点がある情報です。注意して扱ってください。"),
})
OPINION_MARK = ("筆者の意見", "#8250df", "事実ではなく、記事の筆者の考えです。ルールではありません。")
CAUTION_LABEL = {"changed": "▲ 注意", "unverified": "？ 注意"}


@functools.cache
def registry() -> Mapping[str, object]:
    """Return every fact-bearing record of ``data/`` by id, after checking ids and cross-references."""
    records: dict[str, object] = {}
    origin: dict[str, str] = {}
    loaders = (data.load_facts, data.load_hours, data.load_phone_numbers, data.load_situations,
               data.load_procedures)
    for loader in loaders:
        file = loader.__name__.removeprefix("load_")
        for record in loader():
            if record.id in records:
                raise ValueError(f"id 「{record.id}」 が {origin[record.id]} と {file} の両方にあります。"
                                 "どちらかの id を変えてください。")
            records[record.id] = record
            origin[record.id] = file
    references = []
    for procedure in data.load_procedures():
        refs = list(procedure.facts) + [rule.fact for rule in procedure.rules]
        for step in procedure.steps:
            refs += list(step.facts) + [m.procedure for m in step.methods if m.procedure]
        references += [("procedures.toml", procedure.id, ref) for ref in refs]
    references += [("quiz.toml", q.id, ref) for q in data.load_quiz() for ref in q.facts]
    references += [("lessons.toml", lesson.file, ref) for lesson in data.load_lessons()
                   for ref in lesson.key_points + lesson.walkthroughs]
    for file, record_id, ref in references:
        if ref not in records:
            raise ValueError(f"data/{file}: レコード {record_id}: 参照している id 「{ref}」 が data/ のどこにもありません。")
    return types.MappingProxyType(records)


def get(fact_id: str):
    """Return the record with this id."""
    try:
        return registry()[fact_id]
    except KeyError:
        raise KeyError(f"id 「{fact_id}」 の情報はありません。") from None


def _pill(label: str, colour: str) -> RichText:
    return RichText(f'<span style="background:{colour};color:#fff;border-radius:4px;padding:0 .45em;'
                    f'font-size:90%;white-space:nowrap">{esc(label)}</span>', f"[{label}]")


def badge(status: str, opinion: bool = False) -> RichText:
    """Return the mark the kit puts beside a fact of this status."""
    marks = [STATUS_MARKS[status]] + ([OPINION_MARK] if opinion else [])
    return join([_pill(label, colour) for label, colour, _ in marks], " ", " ")


def fact_card(record, title: str | None = None, statement: str | None = None) -> RichText:
    """Show one fact: its statement, status, caution (if changed or unverified), note and sources."""
    title = title or record.title
    statement = statement or record.statement
    mark = badge(record.status, getattr(record, "opinion", False))
    colour = STATUS_MARKS[record.status][1]
    lead = "記事の内容: " if record.caution else ""
    html = [f'<div style="border-left:4px solid {colour};padding:.2em .8em;margin:.5em 0">',
            f"<div><strong>{esc(title)}</strong> {mark.html}</div>",
            f'<div style="margin:.3em 0">{esc(lead)}{esc(statement)}</div>']
    text = [f"■ {title} {mark.text}", f"  {lead}{statement}"]
    if record.caution:
        label = CAUTION_LABEL[record.status]
        html.append(f'<div style="margin:.3em 0;color:{colour}"><strong>{label}:</strong> {esc(record.caution)}</div>')
        text.append(f"  {label}: {record.caution}")
    if getattr(record, "note", None):
        html.append(f'<div style="margin:.3em 0"><strong>補足:</strong> {esc(record.note)}</div>')
        text.append(f"  補足: {record.note}")
    provenance = f"出典: {' / '.join(record.sources)}（確認日 {record.verified_on.isoformat()}、ID {record.id}）"
    html.append(f'<div style="font-size:85%;opacity:.8">{esc(provenance)}</div></div>')
    text.append(f"  {provenance}")
    return RichText("\n".join(html), "\n".join(text))


def fact_cards(fact_ids: Iterable[str]) -> RichText:
    """Show several facts, in the given order."""
    return join([fact_card(get(fact_id)) for fact_id in fact_ids])


def legend(example: str = "SC-LOCATION") -> RichText:
    """Explain the marks, with one changed fact shown as the kit shows it everywhere."""
    rows = [(_pill(label, colour), meaning) for label, colour, meaning in [*STATUS_MARKS.values(), OPINION_MARK]]
    left = 'style="text-align:left"'  # JupyterLab right-aligns output tables by default
    html = [f"<table><thead><tr><th {left}>印</th><th {left}>意味</th></tr></thead><tbody>"]
    html += [f"<tr><td {left}>{mark.html}</td><td {left}>{esc(meaning)}</td></tr>" for mark, meaning in rows]
    html.append("</tbody></table>")
    text = ["印の意味:"] + [f"  {mark.text} {meaning}" for mark, meaning in rows]
    card = fact_card(get(example))
    html += ["<p>たとえば「変更あり」の情報は、次のように記事の内容と注意を並べて表示します。</p>", card.html]
    text += ["", "例（変更ありの情報の表示）:", card.text]
    return RichText("\n".join(html), "\n".join(text))
