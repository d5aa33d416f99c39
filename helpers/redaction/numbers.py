"""Phone and card numbers in the view, read cluster by cluster around the protected forms.

Each cluster (see ``clusters``) is classified in four phases, each group ending up free, kept or masked:

1. protected forms (order numbers, ISBN, barcodes, dates, postal codes) are kept, anywhere in the cluster;
2. a stretch of free groups between them that is a card in any grouping is masked ("3782 82246310005");
3. each stretch of free groups is read as its heaviest reading (see ``readings.best_reading``), and what is
   left next to a new mask is read again as a stretch of its own, as ``redact`` would read it in its output;
4. phase 2 again, between protected forms and masks ("400000000000000/2 4000 0000 0000 0002").

>>> from helpers.redaction.fold import view_of
>>> def masked(text):
...     view, to_orig = view_of(text)
...     spans = []
...     find_numbers(text, view, to_orig, spans)
...     return [view[start:end] for start, end, _mask in spans]
>>> masked("2026-11-27 090-1111-2222 / 3782 82246310005")
['090-1111-2222', '3782 82246310005']
"""

from __future__ import annotations

import itertools

from helpers.redaction.clusters import Cluster, digit_clusters
from helpers.redaction.masks import CARD_MASK
from helpers.redaction.protected import protected_end, protected_starts
from helpers.redaction.readings import FREE, KEPT, MASKED, best_reading, reading_starts, whole_card

_MAX_ROUNDS = 8  # of reading again what is left next to new masks


def find_numbers(text: str, view: str, to_orig, spans: list) -> None:
    """Add the span (start, end, mask) of each phone and card number of ``view`` to ``spans``."""
    for cluster in digit_clusters(text, view, to_orig):
        _classify(view, cluster, spans)


def _classify(view: str, cluster: Cluster, spans: list) -> None:
    """Find the protected forms, phones and cards among the digit groups of one cluster."""
    state = [FREE] * len(cluster.starts)
    _keep_protected_forms(view, cluster, state)
    _mask_whole_cards(cluster, state, spans)
    if _mask_best_readings(cluster, state, spans):  # only new masks make new stretches
        _mask_whole_cards(cluster, state, spans)


def _keep_protected_forms(view: str, cluster: Cluster, state: list[int]) -> None:
    """Mark the groups of each protected form as kept, from left to right (phase 1)."""
    next_free = 0
    for k in protected_starts(cluster):
        if k < next_free:
            continue
        last = protected_end(view, cluster, k)
        if last >= 0:
            state[k : last + 1] = [KEPT] * (last + 1 - k)
            next_free = last + 1


def _mask_whole_cards(cluster: Cluster, state: list[int], spans: list) -> None:
    """Mask each stretch of free groups that is a card in any grouping (phases 2 and 4)."""
    for k, j in _free_stretches(state):
        if j - k < 8 and whole_card(cluster, k, j):
            _mask(cluster, state, spans, k, j, CARD_MASK)


def _mask_best_readings(cluster: Cluster, state: list[int], spans: list) -> bool:
    """Mask the best reading of each stretch of free groups, then of what is left (phase 3); whether any was."""
    candidates = reading_starts(cluster, state)
    if not candidates:
        return False
    stretches = _free_stretches(state)
    masked = False
    for _round in range(_MAX_ROUNDS):
        again = []
        for a, b in stretches:
            chosen = best_reading(cluster, candidates, state, a, b)
            for k, j, mask in chosen:
                _mask(cluster, state, spans, k, j, mask)
            if chosen:
                masked = True
                again += _free_stretches(state, a, b)
        if not again:
            break
        stretches = again
    return masked


def _free_stretches(state: list[int], a: int = 0, b: int | None = None) -> list[tuple[int, int]]:
    """Return the stretches (first, last) of free groups among groups a..b (all): the runs between blocked groups."""
    if b is None:
        b = len(state) - 1
    here = state[a : b + 1]
    if not any(here):  # FREE is 0: all free, the common case
        return [(a, b)]
    stretches = []
    first = a
    for blocked in itertools.compress(range(a, b + 1), here):  # the groups not free
        if first < blocked:
            stretches.append((first, blocked - 1))
        first = blocked + 1
    if first <= b:
        stretches.append((first, b))
    return stretches


def _mask(cluster: Cluster, state: list[int], spans: list, first: int, last: int, mask: str) -> None:
    """Mark groups first..last masked, and add the span that covers them to ``spans``."""
    state[first : last + 1] = [MASKED] * (last + 1 - first)
    spans.append((_span_start(cluster, first, last), cluster.ends[last], mask))


def _span_start(cluster: Cluster, first: int, last: int) -> int:
    """Where a mask starts: the first digit, or a '+' / an opening parenthesis that belongs to the number."""
    seps, plus, paren = cluster.seps, cluster.plus, cluster.paren
    start = cluster.starts[first]
    inner = "".join(seps[first:last])
    closes_inside = ")" in inner and "(" not in inner.split(")")[0]
    if first == 0:
        if plus is not None and (paren is None or paren > plus or closes_inside):
            start = plus
        if paren is not None and closes_inside:
            start = min(start, paren)
    else:
        before = seps[first - 1]
        stripped = before.rstrip(" ")
        if stripped.endswith("(") and closes_inside:
            start -= len(before) - len(stripped) + 1
    return start
