"""Digit clusters: the digit groups of the view that are close enough to make up one number, as records.

``digit_clusters`` finds runs of digit groups joined by separators with possessive, anchored patterns, skips
runs that are only a date or an order number or have too few digits for any phone or card number, splits the
rest where no number can continue (a blank line, kanji numerals glued to Arabic digits, a run of more than 19
digits) and returns a ``Cluster`` of each part. Three or more single digits joined by one separator are one
group.

>>> from helpers.redaction.fold import view_of
>>> def groups(text):
...     return [cluster.digits for cluster in digit_clusters(text, *view_of(text))]
>>> groups("TEL 090-1111-2222、注文 249-1234567-1234567")
[('090', '1111', '2222')]
>>> groups("0 9 0 1 1 1 1 2 2 2 2"), groups("090一1111一2222"), groups("090-1111-2222一本")
([('09011112222',)], [('090', '1111', '2222')], [('090', '1111', '2222')])
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from helpers.core.text import KANJI_DIGITS

MAX_ITEM_DIGITS = 19  # the longest card; no phone or card is longer

_SEP_CHARS = " ./・()\n-"
# A cluster: digit groups joined by separator chunks of at most 6 characters, at least 7 characters long.
# It starts with a character set (fast scan) and every quantifier is possessive: no backtracking.
_CLUSTER = re.compile(r"[0-9](?<![0-9]{2})(?=[0-9 ./・()\n-]{6})[0-9]*+(?:[ ./・()\n-]{1,6}+[0-9]++)*+")
# The digit groups of a cluster; 3 or more single-digit groups in a row ("0 9 0 1 1 1 1") are one token.
# (The same separator throughout: in "…-6 0-1-…" the 6 ends one number and 0-1 starts another.)
_MERGED = re.compile(r"(?<![0-9])[0-9](?P<sep>[ ./・()\n-]{1,6}+)[0-9](?![0-9])(?:(?P=sep)[0-9](?![0-9]))++")
_TOKEN_SPLIT = re.compile(f"({_MERGED.pattern}|[0-9]++)")  # re.split also returns the separator group
_DROP_SEPS = str.maketrans("", "", _SEP_CHARS)
_NON_DIGITS = re.compile(r"[^0-9]+")
_PHONE_START = re.compile(r"(?<![0-9])(?:0|81(?![0-9]))")
# Clusters that are only a date (with the hour of a following time) or only an order number.
_HARMLESS = re.compile(
    r"(?:19|20)[0-9]{2}([-/.])[0-9]{1,2}\1[0-9]{1,2}(?: [0-9]{1,2})?"
    r"|[0-9]{3}[- ][0-9]{7}[- ][0-9]{7}|[0-9]{17}"
)
_KANJI_DIGIT = re.compile("[" + "".join(KANJI_DIGITS) + "]")
_ARABIC_DIGIT = re.compile(r"[0-9０-９]")


class Cluster(NamedTuple):  # a NamedTuple, not a frozen dataclass: a long paste makes thousands of them
    """The digit groups of one cluster of the view (group k is its k-th), and the sums the readings look up."""

    starts: tuple[int, ...]  # where each group starts in the view
    ends: tuple[int, ...]  # where it ends
    digits: tuple[str, ...]  # its digits
    sizes: list[int]  # how many digits it has
    sums: list[int]  # sums[k]: the digits before group k; sums[-1]: all of them
    index_of_sum: dict[int, int]  # k for each sums[k]: n digits from group k end before group index_of_sum[sums[k] + n]
    seps: list[str]  # seps[k]: what separates groups k and k + 1
    soft: list[bool]  # whether seps[k] can end a number: it has a space or a line break
    plus: int | None  # where a "+" before the first group is (+81 …), or None
    paren: int | None  # where an opening parenthesis before the first group is ((03) …), or None
    joined: str  # all the digits: those of groups k..j are joined[sums[k]:sums[j + 1]]

    def digits_of(self, first: int, last: int) -> str:
        """Return the digits of groups first..last."""
        return self.joined[self.sums[first] : self.sums[last + 1]]


def digit_clusters(text: str, view: str, to_orig) -> Iterator[Cluster]:
    """Yield the clusters of ``view`` (``text`` folded, see ``fold``) that may hold a phone or card number."""
    for match in _CLUSTER.finditer(view):
        start, end = match.span()
        plus = paren = None
        if start and view[start - 1] in "+( ":
            plus, paren = _prefix(view, start)
        if plus is None:
            # Fast exits, decided by C code: a lone date or order number; fewer than 10 digits; fewer than
            # 13 digits (no card) and no group that could start a phone number.
            if end - start < 10 or _HARMLESS.fullmatch(view, start, end):
                continue
            digits = end - start - len(_NON_DIGITS.findall(view, start, end))
            if digits < 10 or (digits < 13 and not _PHONE_START.search(view, start, end)):
                continue
        for groups in _split_cluster(view, text, to_orig, start, end):
            first = groups[0][0] == start  # a "+" or "(" before the cluster belongs to its first part only
            cluster = _cluster(view, groups, plus if first else None, paren if first else None)
            if cluster is not None:
                yield cluster


def _cluster(view: str, groups: list[tuple[int, int, str]], plus: int | None, paren: int | None) -> Cluster | None:
    """Return the record of the digit groups (start, end, digits), or None when they have too few digits for a
    phone or card number."""
    starts, ends, digits = zip(*groups)
    sizes = list(map(len, digits))
    sums = list(itertools.accumulate(sizes, initial=0))
    if sums[-1] < (7 if plus is not None else 10):
        return None
    index_of_sum = dict(zip(sums, itertools.count()))  # the sums strictly increase
    seps = list(map(view.__getitem__, map(slice, ends, starts[1:])))
    soft = [" " in sep or "\n" in sep for sep in seps]
    return Cluster(starts, ends, digits, sizes, sums, index_of_sum, seps, soft, plus, paren, "".join(digits))


def _prefix(view: str, start: int) -> tuple[int | None, int | None]:
    """Positions of a '+' and an opening parenthesis just before a cluster ("+81", "(03)", "+ (81)")."""
    plus = paren = None
    i = start - 1
    while i >= 0 and start - i <= 4 and view[i] in "+( ":
        if view[i] == "+" and plus is None:
            plus = i
        elif view[i] == "(" and paren is None:
            paren = i
        i -= 1
    return plus, paren


def _split_cluster(view, text, to_orig, start, end) -> list[list[tuple[int, int, str]]]:
    """The digit groups (start, end, digits) of a cluster, split where numbers cannot continue."""
    # re.split and itertools do the per-group work in C: pieces are "", token, separator, token, ..., "".
    pieces = _TOKEN_SPLIT.split(view[start:end])
    del pieces[2::3]  # the inner separator group
    offsets = list(itertools.accumulate(map(len, pieces), initial=start))
    tokens = pieces[1::2]
    if _MERGED.search(view, start, end):
        tokens = [t if t.isdigit() else t.translate(_DROP_SEPS) for t in tokens]
    groups = list(zip(offsets[1::2], offsets[2::2], tokens))
    parts = [groups]
    o_start, o_end = to_orig(start), to_orig(end - 1) + 1
    if _KANJI_DIGIT.search(text, o_start, o_end) and _ARABIC_DIGIT.search(text, o_start, o_end):
        parts = _split_mixed_scripts(view, text, to_orig, groups)
    if view.count("\n", start, end) >= 2:  # a blank line between two groups ends the number
        split = []
        for part in parts:
            current = [part[0]]
            for group in part[1:]:
                if view.count("\n", current[-1][1], group[0]) >= 2:
                    split.append(current)
                    current = []
                current.append(group)
            split.append(current)
        parts = split
    if max(map(len, tokens)) <= MAX_ITEM_DIGITS:
        return parts
    out = []
    for part in parts:
        current = []
        for group in part:
            if len(group[2]) > MAX_ITEM_DIGITS:  # a longer digit run is an identifier: a barrier
                if current:
                    out.append(current)
                current = []
            else:
                current.append(group)
        if current:
            out.append(current)
    return out


def _split_mixed_scripts(view, text, to_orig, groups):
    """Split groups where kanji numerals touch Arabic digits ("2222一本", "090一1111一2222").

    A single 一 between Arabic digits is a dash; elsewhere a number ends where kanji numerals touch Arabic
    digits, so 一本 after a number stays a word and a kanji-written number glued to an Arabic one is still
    a number of its own.
    """
    parts: list[list] = [[]]
    for start, end, digits in groups:
        if end - start > 64:  # far too long for any item: leave it whole (a barrier)
            parts[-1].append((start, end, digits))
            continue
        kinds = ["k" if text[to_orig(i)] in KANJI_DIGITS else "a" for i in range(start, end)]
        if len(set(kinds)) == 1 or not digits.isdigit() or len(digits) != end - start:
            parts[-1].append((start, end, digits))
            continue
        runs: list[list] = []  # [kind, start, end]
        for i, kind in enumerate(kinds):
            if runs and runs[-1][0] == kind:
                runs[-1][2] = start + i + 1
            else:
                runs.append([kind, start + i, start + i + 1])
        joined = False
        for r, (kind, a, b) in enumerate(runs):
            if kind == "k" and b - a == 1 and text[to_orig(a)] == "一" and 0 < r < len(runs) - 1:
                joined = True  # a dash: the Arabic runs on both sides stay in one number
                continue
            if r and not joined:
                parts.append([])  # where kanji numerals touch Arabic digits, one number ends
            joined = False
            parts[-1].append((a, b, view[a:b]))
    return [p for p in parts if p]
