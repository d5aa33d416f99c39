"""How a fact is shown: its status badge, its card (statement, caution, notes, sources), and a one-line note.

A fact that is ``changed`` or ``unverified`` is always shown with the article's version *and* its caution beside
it. A procedure is shown with the worst status of its steps' facts when that is worse than its own, and says
which steps changed. The 「公式」 mark appears only where an official source is listed; every source is shown
with its kind. Seller Central labels a fact quotes get their English label beside them. The words of each mark
come from ``data/vocabulary.toml``, the colours from the palette.
"""

from __future__ import annotations

from collections.abc import Iterable

from helpers.core import data, registry
from helpers.core.render import PALETTE, STATUS_COLOURS, RichText, block, join, pill, span


def badge(status: str, opinion: bool = False, official: bool = False) -> RichText:
    """Return the marks the kit puts beside a fact of this status (and the official and opinion marks)."""
    words = data.load_vocabulary()
    marks = [pill(words.statuses[status].label, STATUS_COLOURS[status])]
    if official:
        marks.append(pill(words.official.label, "ok"))
    if opinion:
        marks.append(pill(words.opinion.label, STATUS_COLOURS["opinion"]))
    return join(marks, " ", " ")


def is_official(record) -> bool:
    """Whether an official source (an Amazon help page or API documentation) is listed for the record."""
    return any(source.kind == "official" for source in getattr(record, "sources", ()))


def record_badge(record) -> RichText:
    """The record's marks. For a changed or unverified record the official mark goes with its caution instead:
    there, the official source backs the correction, not the article's version."""
    status = registry.status_of(record)
    official = is_official(record) and status not in data.NEEDS_CAUTION
    return badge(status, getattr(record, "opinion", False), official)


def caution_text(record) -> str | None:
    """The caution the learner sees: the record's own, or, for a procedure, which of its steps changed."""
    if getattr(record, "caution", None):
        return record.caution
    changed = registry.changed_steps(record)
    if changed:
        return data.say("cards.steps_changed", facts="、".join(f.title for f in changed))
    return None


def caution(record) -> RichText:
    """The caution with its label (▲ 注意 / ？ 注意), or nothing."""
    text = caution_text(record)
    if not text:
        return RichText("", "")
    status = registry.status_of(record)
    words = data.load_vocabulary()
    label = span(f"{words.statuses[status].caution}: ", bold=True)
    if is_official(record):
        label = span(words.statuses[status].caution, " ", pill(words.official.label, "ok"), ": ", bold=True)
    return span(label, text, tone=STATUS_COLOURS[status])


def english_labels(record) -> RichText:
    """The English Seller Central labels of the labels a record quotes: 「注文管理」 = “Manage Orders”."""
    pairs = registry.labels_of(record)
    if not pairs:
        return RichText("", "")
    shown = "、".join(f"「{ja}」 = “{en}”" for ja, en in pairs)
    return span(data.say("cards.english_labels") + ": " + shown)


def sources_line(record) -> str:
    kinds = data.load_vocabulary().source_kinds
    sources = " / ".join(f"［{kinds[s.kind]}］{s.title}" for s in record.sources)
    return data.say("cards.provenance", sources=sources, verified_on=record.verified_on.isoformat(), id=record.id)


def fact_card(record, title: str | None = None, statement: str | None = None) -> RichText:
    """Show one fact: its statement, status, caution (if changed or unverified), notes and sources."""
    title = title or record.title
    statement = statement or record.statement
    status = registry.status_of(record)
    lead = data.say("cards.article_says") if record.status in data.NEEDS_CAUTION else ""
    parts = [block(span(title, bold=True), " ", record_badge(record)),
             block(lead, statement, style="margin:.3em 0")]
    if caution_text(record):
        parts.append(block(caution(record), style="margin:.3em 0"))
    for field in ("note", "unknown"):
        if getattr(record, field, None):
            parts.append(block(span(data.say(f"cards.{field}_label") + ": ", bold=True), getattr(record, field),
                               style="margin:.3em 0"))
    labels = english_labels(record)
    if labels:
        parts.append(block(labels, style="margin:.3em 0"))
    parts.append(block(sources_line(record), style="font-size:85%"))
    body = join(parts)
    html = (f'<div style="border-left:4px solid {PALETTE[STATUS_COLOURS[status]]};padding:.2em .8em;margin:.5em 0">'
            f"{body.html}</div>")
    lines = body.text.splitlines()
    return RichText(html, "\n".join(["■ " + lines[0]] + ["  " + line for line in lines[1:]]))


def fact_cards(fact_ids: Iterable[str]) -> RichText:
    """Show several facts of the registry, in the given order."""
    return join([fact_card(registry.get(fact_id)) for fact_id in fact_ids])


def fact_ref(record) -> RichText:
    """A short reference to a fact shown elsewhere in full: its title and marks."""
    return span(record.title, " ", record_badge(record))


def fact_note(record) -> RichText:
    """One line about a fact: its title, marks and any caution (the feedback of a question)."""
    line = span(record.title, " ", record_badge(record))
    if caution_text(record):
        line = line + " " + caution(record)
    return line
