"""Facts as the learner meets them: cards with status and caution, the glossary, and the legend of the marks.

The registry itself (every record by id) is part of the engine, ``helpers.core.registry``; ``get`` is here too so
that a notebook or a test can look a fact up where it shows it.
"""

from __future__ import annotations

from helpers.core import data
from helpers.core.cards import (
    badge,
    badge_key,
    badge_with_action,
    caution,
    fact_card,
    fact_cards,
    fact_details,
    fact_note,
    fact_ref,
    record_badge,
)
from helpers.core.registry import get, registry, status_of
from helpers.core.render import RichText, join, para, span, table

__all__ = [
    "badge",
    "badge_key",
    "badge_with_action",
    "caution",
    "fact_card",
    "fact_cards",
    "fact_details",
    "fact_note",
    "fact_ref",
    "get",
    "glossary",
    "legend",
    "record_badge",
    "registry",
    "status_of",
]


def legend(example: str = "SC-LOCATION") -> RichText:
    """Explain the four badges (what each means and what to do), with one outdated fact shown as the kit shows it."""
    words = data.load_vocabulary()
    columns = [data.say(f"facts.legend_columns.{c}") for c in ("mark", "action", "meaning")]
    rows = [(badge(key), span(mark.action, bold=True), mark.meaning) for key, mark in words.badges.items()]
    return join([table(columns, rows), para(data.say("facts.legend_example")), fact_card(get(example))])


def glossary() -> RichText:
    """The words a new seller meets, what they mean, and the status of the fact behind each."""
    columns = [data.say(f"facts.glossary_columns.{c}") for c in ("term", "meaning", "fact")]
    rows = []
    for term in data.load_glossary():
        name = term.term + "".join(f"（{also}）" for also in term.also) + (f" “{term.en}”" if term.en else "")
        rows.append((span(name, bold=True), term.meaning, fact_ref(get(term.fact))))
    return table(columns, rows)
