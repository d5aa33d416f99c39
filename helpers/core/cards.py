"""How a fact is shown: one of four badges, its card (statement, caution, notes), and the detail behind 「詳しく」.

The learner sees at most four badges (FACTS.md "What the learner sees"), each saying what to do, computed from the
status and the kinds of the sources (``badge_key``):

- 「古い・誤りの可能性」 — ``changed`` or ``unverified``: the caution beside it is what to follow;
- 「筆者の意見」 — the article author's opinion;
- 「公式で確認」 — an ``official-jp`` source (an Amazon Japan page) is listed;
- 「要確認」 — everything else: only the article, blogs, forums, firms or another country's official help say so.

The detail (status word, sources with their kinds, the date it was checked, the id) sits behind a 「詳しく」 toggle:
a native ``<details>`` element, which works without a kernel (GitHub), in the app, in the browser edition and by
keyboard. A changed or unverified fact always shows the article's version *and* its caution. A procedure is shown
with the worst status of its steps' facts when that is worse than its own, and says which steps changed. The words
come from ``data/vocabulary.toml``, the colours from the palette.
"""

from __future__ import annotations

from collections.abc import Iterable

from helpers.core import data, registry
from helpers.core.render import BADGE_COLOURS, EMPTY, PALETTE, RichText, block, join, pill, span, strong

OFFICIAL_KIND = "official-jp"


def is_official(record) -> bool:
    """Whether an Amazon Japan page (``official-jp``) is listed among the record's sources."""
    return any(source.kind == OFFICIAL_KIND for source in getattr(record, "sources", ()))


CAUTION_ORDER = ("outdated", "opinion", "check", "official")  # most cautious first


def badge_key(record) -> str:
    """Which of the four badges a record gets: ``outdated``, ``opinion``, ``official`` or ``check``."""
    if registry.status_of(record) in data.NEEDS_CAUTION:
        return "outdated"
    if getattr(record, "opinion", False):
        return "opinion"
    return "official" if is_official(record) else "check"


def badge(key: str) -> RichText:
    """The badge itself: its words on its colour (the words carry the meaning, never the colour alone)."""
    return pill(data.load_vocabulary().badges[key].label, BADGE_COLOURS[key])


def record_badge(record) -> RichText:
    """The record's badge."""
    return badge(badge_key(record))


def badge_with_action(record) -> RichText:
    """The record's badge followed by what to do, in a word: [要確認] 画面かヘルプで確かめてから."""
    key = badge_key(record)
    action = data.load_vocabulary().badges[key].action
    return join([badge(key), span(action, style="font-size:85%")], " ", " ")


def caution_text(record) -> str | None:
    """The caution the learner sees: the record's own, or, for a procedure, which of its steps changed."""
    if getattr(record, "caution", None):
        return record.caution
    changed = registry.changed_steps(record)
    if changed:
        return data.say("cards.steps_changed", facts="、".join(f.title for f in changed))
    return None


def caution(record) -> RichText:
    """The caution with its heading (いま分かっていること / 注意), or nothing; an Amazon Japan page behind the
    correction is said beside the heading."""
    text = caution_text(record)
    if not text:
        return EMPTY
    status = registry.status_of(record)
    heading = data.load_vocabulary().statuses[status].caution
    label = (
        span(heading, " ", badge("official"), ": ", bold=True)
        if is_official(record)
        else span(f"{heading}: ", bold=True)
    )
    return span(label, text, tone=BADGE_COLOURS["outdated"])


def english_labels(record) -> RichText:
    """The English Seller Central labels of the labels a record quotes: 「注文管理」 = “Manage Orders”."""
    pairs = registry.labels_of(record)
    if not pairs:
        return EMPTY
    shown = "、".join(f"「{ja}」 = “{en}”" for ja, en in pairs)
    return span(data.say("cards.english_labels") + ": " + shown)


def detail_lines(record) -> list[str]:
    """What sits behind 「詳しく」: the status word, each source with its kind, the date it was checked, the id."""
    words = data.load_vocabulary()
    status = words.statuses[registry.status_of(record)].label
    sources = " / ".join(f"［{words.source_kinds[s.kind]}］{s.title}" for s in record.sources)
    return [
        data.say("cards.detail", status=status, verified_on=record.verified_on.isoformat(), id=record.id),
        data.say("cards.sources", sources=sources),
    ]


def details(summary: str, body: RichText, small: bool = True) -> RichText:
    """A native toggle (``<details>``): closed by default, opened by click or keyboard, readable without a kernel.

    Its text form keeps a short body on the summary's line and indents a longer one under it.
    """
    size = "font-size:85%;" if small else ""
    html = (
        f'<details style="margin:.2em 0"><summary style="cursor:pointer">{span(summary).html}</summary>'
        f'<div style="{size}margin:.2em 0 .2em 1em">{body.html}</div></details>'
    )
    lines = body.text.splitlines()
    if len(lines) <= 3:
        return RichText(html, f"{summary}: " + " ／ ".join(lines))
    return RichText(html, f"{summary}:\n" + "\n".join("    " + line for line in lines))


def fact_details(records: Iterable) -> RichText:
    """「詳しく」 for one or more facts: each fact's title and its detail lines."""
    records = list(records)
    titled = len(records) > 1
    body = join([join([block(strong(r.title)) if titled else EMPTY, *map(block, detail_lines(r))]) for r in records])
    return details(data.say("cards.more"), body)


def fact_card(record, title: str | None = None, statement: str | None = None) -> RichText:
    """Show one fact: its title and badge with its action, statement, caution, notes, and 「詳しく」."""
    title = title or record.title
    statement = statement or record.statement
    lead = data.say("cards.article_says") if record.status in data.NEEDS_CAUTION else ""
    parts = [
        block(span(title, bold=True), " ", badge_with_action(record)),
        block(lead, statement, style="margin:.3em 0"),
    ]
    if caution_text(record):
        parts.append(block(caution(record), style="margin:.3em 0"))
    for field in ("note", "unknown"):
        if getattr(record, field, None):
            parts.append(
                block(
                    span(data.say(f"cards.{field}_label") + ": ", bold=True),
                    getattr(record, field),
                    style="margin:.3em 0",
                )
            )
    labels = english_labels(record)
    if labels:
        parts.append(block(labels, style="margin:.3em 0"))
    parts.append(fact_details([record]))
    body = join(parts)
    html = (
        f'<div style="border-left:4px solid {PALETTE[BADGE_COLOURS[badge_key(record)]]};padding:.2em .8em;'
        f'margin:.5em 0">{body.html}</div>'
    )
    lines = body.text.splitlines()
    return RichText(html, "\n".join(["■ " + lines[0]] + ["  " + line for line in lines[1:]]))


def fact_cards(fact_ids: Iterable[str]) -> RichText:
    """Show several facts of the registry, in the given order."""
    return join([fact_card(registry.get(fact_id)) for fact_id in fact_ids])


def fact_ref(record) -> RichText:
    """A short reference to a fact shown elsewhere in full: its title and badge."""
    return span(record.title, " ", record_badge(record))


def fact_note(record) -> RichText:
    """One line about a fact: its title, badge and any caution (the feedback of a question)."""
    line = span(record.title, " ", record_badge(record))
    if caution_text(record):
        line = line + " " + caution(record)
    return line
