"""E-mail addresses in the view: a domain with a top-level domain of one script, and the local part before it.

>>> spans = []
>>> find_emails("連絡先はtaro@example.com、単価@500円", spans)
>>> spans
[(4, 20, '［メールアドレス］')]
"""

from __future__ import annotations

import re
import unicodedata

from helpers.redaction.masks import EMAIL_MASK

# The domain of an e-mail address, from the @: labels, then a top-level domain of letters of one script.
_EMAIL_DOMAIN = re.compile(
    r"@(?:[\w-]++\.)+"
    r"(?:[A-Za-z]{2,}+"  # com, jp
    r"|[\u30a1-\u30fa][\u30a1-\u30fa-]++"  # テスト, コム
    r"|[\u4e00-\u9fff]{2,}+"  # 中国
    r"|[\u3041-\u3096]{2,}+"  # みんな
    r"|[^\W\d_\x00-\u02ff\u3040-\u30ff\u4e00-\u9fff]{2,}+)"
)  # рф, 한국
_LOCAL_PUNCT = frozenset(".!#$%&'*+/=?^_`{|}~-")
_LOCAL_MAX = 256


def find_emails(view: str, spans: list) -> None:
    """Add the span (start, end, ``EMAIL_MASK``) of each e-mail address of ``view`` to ``spans``."""
    floor = 0
    for match in _EMAIL_DOMAIN.finditer(view):
        at = match.start()
        start = _local_part_start(view, at, floor)
        if start is not None:
            spans.append((start, match.end(), EMAIL_MASK))
            floor = match.end()


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _is_local_char(ch: str) -> bool:
    if ch.isalnum():
        return not _is_hiragana(ch)
    return ch in _LOCAL_PUNCT or unicodedata.category(ch).startswith("M")


def _local_part_start(view: str, at: int, floor: int) -> int | None:
    """Where the local part ending at ``at`` (the @) starts, or None when there is none."""
    i = at
    low = max(floor, at - _LOCAL_MAX)
    if i > low and _is_hiragana(view[i - 1]):
        while i > low and _is_hiragana(view[i - 1]):
            i -= 1
    else:
        while i > low and _is_local_char(view[i - 1]):
            i -= 1
    while i < at and view[i] in _LOCAL_PUNCT and view[i] != "_":
        i += 1
    return i if i < at else None
