"""Facts as the learner meets them: cards with status and caution, and the legend of the status marks.

The registry itself (every record by id) is part of the engine, ``helpers.core.registry``; ``get`` is here too so
that a notebook or a test can look a fact up where it shows it.
"""

from __future__ import annotations

from helpers.core import data
from helpers.core.cards import badge, caution, fact_card, fact_cards, fact_note
from helpers.core.registry import get, registry
from helpers.core.render import RichText, join, para, pill, table, STATUS_COLOURS

__all__ = ["badge", "caution", "fact_card", "fact_cards", "fact_note", "get", "legend", "registry"]


def legend(example: str = "SC-LOCATION") -> RichText:
    """Explain the marks, with one changed fact shown as the kit shows it everywhere."""
    words = data.load_vocabulary()
    marks = [(status, words.statuses[status]) for status in data.STATUSES] + [("opinion", words.opinion)]
    rows = [(pill(mark.label, STATUS_COLOURS[status]), mark.meaning) for status, mark in marks]
    columns = [data.say("facts.legend_columns.mark"), data.say("facts.legend_columns.meaning")]
    return join([table(columns, rows), para(data.say("facts.legend_example")), fact_card(get(example))])
