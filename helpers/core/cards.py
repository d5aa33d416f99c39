"""How a fact is shown: its status badge, its card (statement, caution, note, sources), and a one-line note.

A fact that is ``changed`` or ``unverified`` is always shown with the article's version *and* its caution beside it.
The words of each mark come from ``data/vocabulary.toml``, the colours from the palette.
"""

from __future__ import annotations

from collections.abc import Iterable

from helpers.core import data, registry
from helpers.core.render import PALETTE, STATUS_COLOURS, RichText, block, join, pill, span


def badge(status: str, opinion: bool = False) -> RichText:
    """Return the mark the kit puts beside a fact of this status (and the author's-opinion mark)."""
    words = data.load_vocabulary()
    marks = [pill(words.statuses[status].label, STATUS_COLOURS[status])]
    if opinion:
        marks.append(pill(words.opinion.label, STATUS_COLOURS["opinion"]))
    return join(marks, " ", " ")


def record_badge(record) -> RichText:
    return badge(record.status, getattr(record, "opinion", False))


def caution(record) -> RichText:
    """The record's caution with its label (▲ 注意 / ？ 注意), or nothing."""
    if not getattr(record, "caution", None):
        return RichText("", "")
    label = data.load_vocabulary().statuses[record.status].caution
    return span(span(f"{label}: ", bold=True), record.caution, tone=STATUS_COLOURS[record.status])


def fact_card(record, title: str | None = None, statement: str | None = None) -> RichText:
    """Show one fact: its statement, status, caution (if changed or unverified), note and sources."""
    title = title or record.title
    statement = statement or record.statement
    lead = data.say("cards.article_says") if record.caution else ""
    colour = STATUS_COLOURS[record.status]
    provenance = data.say("cards.provenance", sources=" / ".join(record.sources),
                          verified_on=record.verified_on.isoformat(), id=record.id)
    parts = [block(span(title, bold=True), " ", record_badge(record)),
             block(lead, statement, style="margin:.3em 0")]
    if record.caution:
        parts.append(block(caution(record), style="margin:.3em 0"))
    for field in ("note", "unknown"):
        if getattr(record, field, None):
            parts.append(block(span(data.say(f"cards.{field}_label") + ": ", bold=True), getattr(record, field),
                               style="margin:.3em 0"))
    parts.append(block(provenance, style="font-size:85%"))
    body = join(parts)
    html = f'<div style="border-left:4px solid {PALETTE[colour]};padding:.2em .8em;margin:.5em 0">{body.html}</div>'
    text = "\n".join(["■ " + body.text.splitlines()[0]] + ["  " + line for line in body.text.splitlines()[1:]])
    return RichText(html, text)


def fact_cards(fact_ids: Iterable[str]) -> RichText:
    """Show several facts of the registry, in the given order."""
    return join([fact_card(registry.get(fact_id)) for fact_id in fact_ids])


def fact_note(record) -> RichText:
    """One line about a fact: its title, badge and any caution (the feedback of a question, a key point)."""
    line = span(record.title, " ", record_badge(record))
    if record.caution:
        line = line + " " + caution(record)
    return line
