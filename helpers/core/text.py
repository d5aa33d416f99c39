"""The characters people write in and between numbers, and how one character folds to its plain form.

One table per kind of character, shared by ``helpers.forms`` (what a form accepts) and ``helpers.redaction``
(what a mask must cover), so that a dash or an invisible character that the one knows, the other knows too.

- ``FORM_DASHES``  what people type for "-" in a number; ``forms.normalize`` folds them to "-"
- ``DASHES``       ``FORM_DASHES`` and more look-alikes typed between digits; redaction reads them all as "-"
- ``is_invisible`` whether a character shows nothing (a format character, or one of ``EXTRA_INVISIBLE``)
- ``LINE_BREAKS``, ``MIDDLE_DOTS``, ``SLASHES``, ``KANJI_DIGITS``: other look-alikes, one table per kind
- ``width_folded`` one character folded by width: full-width to ASCII, any decimal digit to 0-9, a space to " "

>>> is_invisible(chr(0x200B)), is_invisible(chr(0xFE0F)), is_invisible("-")
(True, True, False)
>>> width_folded("５"), width_folded("Ａ"), width_folded("ｰ"), width_folded(chr(0x3000)), width_folded("①")
('5', 'A', 'ー', ' ', '①')
"""

from __future__ import annotations

import unicodedata

# Characters people type for "-" in numbers. NFKC maps the full-width hyphen-minus to "-" and the half-width
# prolonged sound mark to "ー", but leaves these alone; "ー" is what Japanese IMEs often insert in numbers.
FORM_DASHES = "-‐‑‒–—―−－ーｰ﹣⁃˗➖"
# FORM_DASHES, then more look-alikes that people and IMEs type between digits. The wave dash 〜 and the
# full-width tilde ～ are not dashes: they mark ranges (10〜20個).
DASHES = FORM_DASHES + "\u2e3a\u2e3b\ufe58\u2500\u2501\u23af\u058a\u05be\u2e17\u2e40\u1806\u30a0"
LINE_BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
MIDDLE_DOTS = "・･·•∙⋅‧"
SLASHES = "/／⁄∕"
# Kanji numerals and the digit each stands for; ○ and ◯ are written for 〇.
KANJI_DIGITS = {
    "〇": "0",
    "○": "0",
    "◯": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}

# Invisible characters beyond Unicode's format characters (category Cf, all invisible): combining grapheme
# joiner, Hangul fillers, Mongolian free variation selectors, variation selectors.
EXTRA_INVISIBLE = frozenset(
    [0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180B, 0x180C, 0x180D, 0x180F]
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)


def is_invisible(ch: str) -> bool:
    """Whether ``ch`` shows nothing: a format character (zero-width, BOM, bidi marks, soft hyphen…) or one of
    ``EXTRA_INVISIBLE``."""
    return unicodedata.category(ch) == "Cf" or ord(ch) in EXTRA_INVISIBLE


# Code point ranges whose characters may be invisible or fold by width (the rest of Unicode folds to itself).
FOLDING_RANGES = [
    (0x0000, 0x4E00),
    (0xA000, 0xAC00),
    (0xD7B0, 0xD800),
    (0xF900, 0x10000),
    (0x10000, 0x20000),
    (0xE0000, 0xE1000),
]


def width_folded(ch: str) -> str | None:
    """Return ``ch`` folded to one plain character, or None when it is invisible.

    Any decimal digit folds to its ASCII digit and any space to " "; otherwise a character folds as NFKC folds
    it when that gives one other character that is not a digit: circled and superscript digits (①, ²) stay
    what they are. Unassigned, private-use and surrogate code points stay too.
    """
    if is_invisible(ch):
        return None
    category = unicodedata.category(ch)
    if category == "Nd":
        return chr(48 + unicodedata.decimal(ch))
    if category == "Zs":
        return " "
    if category in ("Cn", "Co", "Cs"):
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and not "0" <= folded <= "9":
        return folded
    return ch
