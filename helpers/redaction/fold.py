"""The view of a text that the patterns read: one plain character for each visible character of the text.

In the view every decimal digit and kanji numeral is 0-9, every dash look-alike "-", every space " ", every line
break "\\n", middle dots "・", slashes "/", full-width letters and signs ASCII; invisible characters are left
out, so the view is the text's length less theirs. ``view_of`` returns the view and a map from a position in the
view back to one in the text.

>>> view, to_orig = view_of("〇九〇ー" + chr(0x200B) + "１１")
>>> view, to_orig(3), to_orig(4)
('090-11', 3, 5)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from helpers.core.text import DASHES, FOLDING_RANGES, KANJI_DIGITS, LINE_BREAKS, MIDDLE_DOTS, SLASHES, width_folded


def view_of(text: str) -> tuple[str, Callable[[int], int]]:
    """Return the view of ``text`` and the map from its positions to positions in ``text``."""
    view = text.translate(fold_table()[0])
    return view, _position_map(text, view)


@functools.cache
def fold_table() -> tuple[dict[int, str | None], re.Pattern, re.Pattern]:
    """The one-character-to-one-character fold (or deletion) used to build the view of the text.

    Returns the ``str.translate`` table and patterns of runs of the deleted (invisible) characters: those of the
    BMP only (a class of BMP characters compiles to a fast bitmap lookup), and all of them. Built on first use,
    so that importing the kit stays quick.
    """
    special: dict[str, str] = {}
    for chars, target in ((DASHES, "-"), (LINE_BREAKS, "\n"), (MIDDLE_DOTS, "・"), (SLASHES, "/"), ("\t\r", " ")):
        special |= dict.fromkeys(chars, target)
    special |= KANJI_DIGITS
    table: dict[int, str | None] = {}
    deleted: list[int] = []
    for low, high in FOLDING_RANGES:
        for cp in range(low, high):
            ch = chr(cp)
            folded = width_folded(ch)
            if folded is None:
                table[cp] = None
                deleted.append(cp)
            elif folded != ch:
                table[cp] = special.get(folded, folded)
    for ch, target in special.items():
        table[ord(ch)] = target
    for cp in [cp for cp, target in table.items() if target is not None and ord(target) == cp]:
        del table[cp]
    ranges: list[list[int]] = []
    for cp in sorted(deleted):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

    def char_class(pairs) -> str:
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in pairs)

    bmp = [r for r in ranges if r[1] < 0x10000]
    return table, re.compile(f"[{char_class(bmp)}]+"), re.compile(f"[{char_class(ranges)}]+")


def _position_map(text: str, view: str) -> Callable[[int], int]:
    """Return a function from a position in the view (invisible characters deleted) to one in ``text``."""
    if len(view) == len(text):
        return _identity
    starts: list[int] = []
    removed_before: list[int] = []
    removed = 0
    _, invisible_bmp, invisible_all = fold_table()
    runs = [m.span() for m in invisible_bmp.finditer(text)]
    if sum(b - a for a, b in runs) != len(text) - len(view):  # invisible characters beyond the BMP too
        runs = [m.span() for m in invisible_all.finditer(text)]
    for a, b in runs:
        starts.append(a - removed)
        removed += b - a
        removed_before.append(removed)

    def to_orig(i: int) -> int:
        k = bisect.bisect_right(starts, i)
        return i + (removed_before[k - 1] if k else 0)

    return to_orig


def _identity(i: int) -> int:
    return i
