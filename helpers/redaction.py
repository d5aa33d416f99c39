"""Mask phone numbers, e-mail addresses and card numbers in free text; keep everything else as written.

``redact(text)`` returns ``text`` with every phone number replaced by ``［電話番号］``, every e-mail address by
``［メールアドレス］`` and every payment-card number by ``［カード番号］``. Outside the masked spans the text is
kept character for character; a mask replaces the whole original span, including separators and invisible
characters inside it. ``redact`` of anything that is not a ``str`` raises ``ValueError("文字で入力してください。")``.

Masked
------
* Phone numbers, whatever the separators between the digit groups: spaces (several, ideographic U+3000 too),
  dots, slashes, 「・」, parentheses (``03(1234)5678``, ``(03)1234-5678``), every dash look-alike in
  ``DASHES`` (``－ ー ｰ – — ― − ➖`` ...), 「一」 used as a dash between Arabic digits, one line break, and
  invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks ...) anywhere.
  Digits may be full-width or kanji numerals (``〇九〇・一一一一・二二二二``, ``〇九〇一一一一二二二二``).
  - Japanese national numbers: ``0`` + 9 or 10 digits (``090-1111-2222``, ``03-1234-5678``, ``0120-999-373``),
    valid for ``phonenumbers``, or not valid but written like one (bare, or 2-4 groups: ``090-0000-0000``).
  - International: ``+CC ...`` (``+81 90-1111-2222``, ``+81 (0)90 ...``, ``+1 415 555 0100``,
    ``+44 20 7946 0958``; valid, or possible for its country), ``00CC ...`` (``0081-90-1111-2222``) and
    ``010 CC ...`` (Japan's international prefix), valid.
  - ``81`` without ``+`` only when ``81`` is a group of its own followed by a valid Japanese number
    (``81 90-1111-2222``); a bare ``8190...`` run is left alone, as case ids and tracking numbers start so.
* E-mail addresses with ASCII or Unicode local parts and domains (``taro@example.com``, ``山田@例え.jp``,
  ``taro@例え.テスト``), full-width letters, ``＠``/``﹫``, invisible characters inside. The domain needs a dot
  and a top-level domain of 2+ letters of one script (so ``単価@500円`` and ``2個@1.5kg`` stay). The local part
  is the run of letters, digits and ``.!#$%&'*+/=?^_`{|}~-`` before the ``@``; it stops at spaces,
  punctuation and hiragana: in ``連絡先はtaro@example.com`` only ``taro@example.com`` is masked (in
  ``連絡先taro@...`` the kanji go too: over-masking is the safe side). ``09011112222@docomo.ne.jp`` is an
  e-mail address.
* Card numbers: 13-19 digits passing the Luhn check, not starting with 0: bare, or in groups whose first has
  4 or more digits (``4111 1111 1111 1111``, ``4111-1111-1111-1111``, Amex/Diners ``3782 822463 10005``,
  ``3782 82246310005``), or in any grouping with a group of 4 or more digits when they are all the digits
  of their stretch (``41 1111 1111 1111 11``).

Kept (never masked)
-------------------
* Amazon order numbers: 3-7-7 with any separators, 17 bare digits, or partly bare (``249 12345671234567``,
  ``2491234567-1234567``), full-width too, and digital orders ``D01-1234567-1234567``. Exceptions, with a
  space between two groups: ``0312345678 1234567`` is a phone number and a number, and 3 digits then 14
  that pass Luhn (``100 36000000000008``) are a number and a card.
* ISBN-13 (978/979, valid check digit; bare, ``978-4065199817`` or ``978-4-06-519981-7``), ISBN-10 in 4 groups
  with a valid check digit (``4-06-519981-X``, ``0-306-40615-2``) or after the word ISBN; JAN/EAN-13 barcodes:
  a 13-digit number with a valid EAN check digit that starts with 45/49 (bare or 1-6-6), or that follows
  「JAN」「EAN」「ISBN」「バーコード」「商品コード」, is a barcode even when it also passes Luhn (13-digit
  cards are old Visa numbers; a JAN starting 45/49 is far likelier).
* Dates (``2026-11-27``, ``2026/11/27``, ``2026.11.27``, ``2026年11月27日``), times (``10:05``), prices
  (``¥12,800``, ``1,234,567円``), postal codes (``〒100-0001``, ``100-0001``), quantities, tracking numbers
  (12 digits; one that starts with 00 and reads as ``00CC ...`` is masked as an international number, since
  the two cannot be told apart and privacy comes first), case ids (a 10-11 digit number not starting with 0;
  one that starts with 0 is a phone number: Japanese numbers are 0 + 9-10 digits, case ids do not start with 0), and all other text.

Rules for the ambiguous cases
-----------------------------
* Digit groups belong to one stretch when they are separated by at most 6 separator characters
  (`` -./・()`` and dash/space look-alikes) with at most one line break; a blank line splits numbers.
* A run of 3 or more single-digit groups joined by the same separator (``0 9 0 1 1 1 1 ...``) is read as
  one group.
* A bare run of more than 19 digits is some other identifier and is never split into a phone or card.
* Kanji numerals glued to Arabic digits end a number (``090-1111-2222一本``), except a single 一 between
  Arabic digits, which is a dash (``090一1111一2222``). ○ and ◯ are read as 〇.
* In a stretch, protected forms (order numbers, ISBN, barcodes, dates, postal codes after 〒/郵便番号) are
  found first; no phone or card is taken across them. A card in any grouping that makes up all the digits
  between them is masked. Then, of all the ways to read the rest as non-overlapping phone numbers and cards,
  the heaviest wins: a number weighs its digits, three times for a valid phone number, twice for a card whose
  groups break where printed cards do (4-4-4-4, 4-6-5, bare), less 20 for each end cutting through groups
  joined by a dash, dot or slash (numbers are delimited by spaces, line breaks or text). Ties go to the
  leftmost number. What is left next to a new mask is read again on its own (so redact is idempotent), and
  a card in any grouping that is all that is left between masks is masked.
* Up to 3 digits followed by a phone number (``10:05 090-...``'s 05, ``3 090-...``) are never read as a card.
* Limitation: when a number's own groups are separated by spaces or line breaks and another bare number
  follows after a space (``090 1111 2222 1234 5678 9012``), where one ends is the weights' guess; a few
  digits can end up in the wrong mask or outside it. Numbers written with dashes, dots, slashes or 「・」
  are delimited reliably.

Examples
--------
>>> redact("電話は０９０ー１１１１ー２２２２です")
'電話は［電話番号］です'
>>> redact("注文番号 249-1234567-1234567 の件")
'注文番号 249-1234567-1234567 の件'
>>> redact("連絡先 taro@example.com、カード 4111 1111 1111 1111")
'連絡先 ［メールアドレス］、カード ［カード番号］'
>>> redact("〇九〇・一一一一・二二二二 か +1 415 555 0100 へ")
'［電話番号］ か ［電話番号］ へ'
>>> redact("JAN 4901234567894、〒100-0001、2026/11/27 10:05、¥12,800")
'JAN 4901234567894、〒100-0001、2026/11/27 10:05、¥12,800'

Runs in linear time: one ``str.translate`` folds the text to a view of the same length (minus invisible
characters, whose positions are kept in a small index map), and possessive, anchored regular expressions find
the candidates; ``phonenumbers`` is only asked about a few candidate windows (at most 19 digits each) and its
answers are cached. ``phonenumbers.PhoneNumberMatcher`` is not used: it takes over 0.6 s on 100 KB of
``"1 "`` and does not know our separators.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

import phonenumbers

from helpers.core.text import (DASHES, FOLDING_RANGES, FORM_DASHES, KANJI_DIGITS, LINE_BREAKS, MIDDLE_DOTS,
                               SLASHES, is_invisible, width_folded)

__all__ = ["CARD_MASK", "DASHES", "EMAIL_MASK", "PHONE_MASK", "redact"]

PHONE_MASK = "［電話番号］"
EMAIL_MASK = "［メールアドレス］"
CARD_MASK = "［カード番号］"


@functools.cache
def _fold_table() -> tuple[dict[int, str | None], re.Pattern, re.Pattern]:
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
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                       for a, b in pairs)

    bmp = [r for r in ranges if r[1] < 0x10000]
    return table, re.compile(f"[{char_class(bmp)}]+"), re.compile(f"[{char_class(ranges)}]+")

# ---------------------------------------------------------------- patterns on the folded view

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
_HARMLESS = re.compile(r"(?:19|20)[0-9]{2}([-/.])[0-9]{1,2}\1[0-9]{1,2}(?: [0-9]{1,2})?"
                       r"|[0-9]{3}[- ][0-9]{7}[- ][0-9]{7}|[0-9]{17}")
_KANJI_DIGIT = re.compile("[" + "".join(KANJI_DIGITS) + "]")
_ARABIC_DIGIT = re.compile(r"[0-9０-９]")
# The domain of an e-mail address, from the @: labels, then a top-level domain of letters of one script.
_EMAIL_DOMAIN = re.compile(
    r"@(?:[\w-]++\.)+"
    r"(?:[A-Za-z]{2,}+"                         # com, jp
    r"|[\u30a1-\u30fa][\u30a1-\u30fa-]++"       # テスト, コム
    r"|[\u4e00-\u9fff]{2,}+"                    # 中国
    r"|[\u3041-\u3096]{2,}+"                    # みんな
    r"|[^\W\d_\x00-\u02ff\u3040-\u30ff\u4e00-\u9fff]{2,}+)")  # рф, 한국
_LOCAL_PUNCT = frozenset(".!#$%&'*+/=?^_`{|}~-")
_LOCAL_MAX = 256

_MAX_ITEM_DIGITS = 19   # the longest card; no phone or card is longer
_CONTEXT_BARCODE = ("ISBN", "JAN", "EAN", "GTIN", "UPC", "バーコード", "商品コード")
_CONTEXT_POSTAL = ("〒", "郵便", "ZIP", "POSTAL")


def redact(text: str) -> str:
    """Mask phone numbers, e-mail addresses and card numbers; keep order numbers and all other text.

    See the module docstring for what is masked and kept, and the rules for ambiguous cases.
    """
    if not isinstance(text, str):
        raise ValueError("文字で入力してください。")
    if not text:
        return text
    view = text.translate(_fold_table()[0])
    to_orig = _position_map(text, view)
    spans: list[tuple[int, int, str]] = []
    if "@" in view:
        _find_emails(view, spans)
        if spans:
            pieces, last = [], 0
            for start, end, _mask in spans:
                pieces += [view[last:start], "\x00" * (end - start)]
                last = end
            pieces.append(view[last:])
            view = "".join(pieces)
    _find_numbers(view, text, to_orig, spans)
    if not spans:
        return text
    out, last = [], 0
    for start, end, mask in sorted((to_orig(s), to_orig(e - 1) + 1, m) for s, e, m in spans):
        out += [text[last:start], mask]
        last = end
    out.append(text[last:])
    return "".join(out)


def _position_map(text: str, view: str):
    """Return a function from a position in the view (invisible characters deleted) to one in ``text``."""
    if len(view) == len(text):
        return _identity
    starts: list[int] = []
    removed_before: list[int] = []
    removed = 0
    _, invisible_bmp, invisible_all = _fold_table()
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


# ---------------------------------------------------------------- e-mail addresses


def _find_emails(view: str, spans: list) -> None:
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


# ---------------------------------------------------------------- numbers


def _find_numbers(view: str, text: str, to_orig, spans: list) -> None:
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
            first = groups[0][0] == start
            _classify(view, groups, plus if first else None, paren if first else None, spans)


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
    if not any(len(g[2]) > _MAX_ITEM_DIGITS for g in groups):
        return parts
    out = []
    for part in parts:
        current = []
        for group in part:
            if len(group[2]) > _MAX_ITEM_DIGITS:  # a longer digit run is an identifier: a barrier
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


# ---------------------------------------------------------------- classification of a cluster

_FREE, _KEPT, _MASKED = 0, 1, 2


def _classify(view: str, groups, plus, paren, spans: list) -> None:
    """Find the protected forms, phones and cards among the digit groups of one cluster."""
    n = len(groups)
    starts, ends, digit_strings = zip(*groups)
    sizes = list(map(len, digit_strings))
    sums = list(itertools.accumulate(sizes, initial=0))  # sums[k]: digits before group k
    if sums[-1] < (7 if plus is not None else 10):
        return
    index_of_sum = dict(zip(sums, itertools.count()))  # the sums strictly increase
    seps = list(map(view.__getitem__, map(slice, ends, starts[1:])))
    state = [_FREE] * n
    cluster = (groups, sizes, sums, index_of_sum, seps, plus, paren, "".join(digit_strings))
    # 1. Protected forms first, anywhere in the cluster. Only groups that can start one are looked at.
    postal_mark = _context(view, groups[0][0], _CONTEXT_POSTAL, 8)
    far = n + 9  # "no group there"
    ends = index_of_sum.get
    candidates = [k for k, (size, following, base) in enumerate(zip(sizes, sizes[1:] + [99], sums))
                  if k == 0 or (size == 4 and following <= 2)  # a date, a postal code
                  or ends(base + 17, far) - k <= 3 or ends(base + 16, far) - k <= 3  # orders
                  or ends(base + 13, far) - k <= 5  # ISBN-13, JAN/EAN-13
                  or ends(base + 10, -9) - k == 4]  # ISBN-10
    next_free = 0
    for k in candidates:
        if k < next_free:
            continue
        last = _protected_end(view, cluster, k, postal_mark)
        if last >= 0:
            state[k:last + 1] = [_KEPT] * (last + 1 - k)
            next_free = last + 1
    # 2. A card in any grouping that makes up a whole stretch between protected forms ("3782 82246310005").
    kept = [i for i, s in enumerate(state) if s == _KEPT] + [n]
    previous = -1
    for blocked in kept:
        k, j = previous + 1, blocked - 1
        previous = blocked
        if k <= j and j - k < 8 and _whole_card(cluster, k, j):
            state[k:j + 1] = [_MASKED] * (j + 1 - k)
            spans.append((_span_start(cluster, k, j), groups[j][1], CARD_MASK))
    # 3. Phones and cards in each stretch between the protected forms (see _best_reading). What is left next
    # to a new mask is read again as a stretch of its own, as redact() would read it in its output.
    total = sums[-1]
    candidates = [k for k, (size, group, base) in enumerate(zip(sizes, groups, sums))
                  if state[k] == _FREE and (
                      (group[2][0] == "0" and (base + 10 in index_of_sum or base + 11 in index_of_sum
                                               or group[2][1:2] == "0"))  # a national or international number
                      or (size >= 4 and base + 13 <= total  # a card: a group ends 13-19 digits on
                          and sums[bisect.bisect_left(sums, base + 13, k)] <= base + _MAX_ITEM_DIGITS)
                      or group[2] == "81" or (k == 0 and plus is not None))]
    soft = [" " in sep or "\n" in sep for sep in seps]  # where a separator can end a number (see _soft)
    stretches = []
    previous = -1
    for blocked_at in [i for i, s in enumerate(state) if s != _FREE] + [n]:
        if previous + 1 < blocked_at:
            stretches.append((previous + 1, blocked_at - 1))
        previous = blocked_at
    masked = False
    for _round in range(_MAX_ROUNDS):
        again = []
        for a, b in stretches:
            chosen = _best_reading(cluster, soft, candidates, state, a, b)
            for k, j, mask in chosen:
                state[k:j + 1] = [_MASKED] * (j + 1 - k)
                spans.append((_span_start(cluster, k, j), groups[j][1], mask))
            if chosen:
                masked = True
                left = a
                for k, j, _mask in chosen:
                    if left < k:
                        again.append((left, k - 1))
                    left = j + 1
                if left <= b:
                    again.append((left, b))
        if not again:
            break
        stretches = again
    # 4. Again 2. on what is left between protected forms and masks ("400000000000000/2 4000 0000 0000 0002").
    if masked:
        previous = -1
        for blocked_at in [i for i, s in enumerate(state) if s != _FREE] + [n]:
            k, j = previous + 1, blocked_at - 1
            previous = blocked_at
            if k <= j and j - k < 8 and _whole_card(cluster, k, j):
                spans.append((_span_start(cluster, k, j), groups[j][1], CARD_MASK))


_MAX_ROUNDS = 8
_CUT = 20  # what cutting through a number written with dashes, dots, slashes... costs a reading


def _best_reading(cluster, soft, candidates, state, a, b) -> list[tuple[int, int, str]]:
    """The phone numbers and cards to mask among the free groups a..b, as (first, last, mask).

    Of all the ways to read the groups as non-overlapping numbers, the one with the highest weight, then the
    fewest numbers; ties go to the leftmost number. A number weighs its digits, three times for a valid phone
    number, twice for a card in its usual grouping, less 20 for each end that cuts through groups joined by a
    dash, dot, slash... (not by a space or a line break): numbers are delimited by spaces. So
    "08 0081-3-1163-7225" is 08 and a phone number, not 0800-813-1163 and 7225; "+81-6-0000 1175 2512973994"
    is a phone number and a case id even if 1175 2512973994 passes Luhn; in "1000000000 4000-0000-0000-0002"
    the card is 4000-0000-0000-0002, not 1000000000 4000 0000. An end next to a mask or the end of the
    cluster cuts nothing; an end next to a protected form does, as it will in the output.
    """
    groups, sizes, sums, _index, seps, plus, _paren, _joined = cluster
    n = len(groups)
    lo = bisect.bisect_left(candidates, a)
    hi = bisect.bisect_right(candidates, b)
    starts = [k for k in candidates[lo:hi] if state[k] == _FREE]
    if not starts:
        return []
    soft_left = a == 0 or state[a - 1] == _MASKED
    soft_right = b == n - 1 or state[b + 1] == _MASKED
    # best_from[p - a]: the best reading of groups p..b, as (weight, -count); filled from the right.
    best_from: list[tuple[int, int]] = [(0, 0)] * (b - a + 2)
    choice: dict[int, tuple[int, str]] = {}
    score = (0, 0)  # the best from the start after k, which was just done
    done = b + 1
    for k in reversed(starts):
        best_from[k + 1 - a:done - a] = [score] * (done - k - 1)
        done = k
        chosen = None
        first = groups[k][2]
        if first[0] == "0" or (k == 0 and plus is not None) or first == "81":
            items = [(j, valid, PHONE_MASK) for j, valid in _phone_windows(cluster, k, b)]
        else:
            items = []
        if first[0] != "0" and sizes[k] >= 4:
            items += [(j, usual, CARD_MASK) for j, usual in _card_windows(cluster, k, b)]
        if not items:
            best_from[k - a] = score
            continue
        cut_before = (k > a or not soft_left) and k > 0 and not soft[k - 1]
        base = sums[k]
        for j, strong, mask in items:
            weight = (sums[j + 1] - base) * (1 + strong + (strong and mask is PHONE_MASK))
            if cut_before:
                weight -= _CUT
            if (j < b or not soft_right) and j < n - 1 and not soft[j]:
                weight -= _CUT
            if weight <= 0:
                continue
            rest = best_from[j + 1 - a]
            option = (rest[0] + weight, rest[1] - 1)
            if option > score or (option == score and not chosen):  # a tie: the leftmost number
                score, chosen = option, (j, mask)
        best_from[k - a] = score
        if chosen:
            choice[k] = chosen
    out = []
    position = a
    while True:
        i = bisect.bisect_left(starts, position)
        if i == len(starts):
            break
        k = starts[i]
        if k in choice:
            j, mask = choice[k]
            out.append((k, j, mask))
            position = j + 1
        else:
            position = k + 1
    return out


def _soft(sep: str) -> bool:
    """Whether a separator can end a number: it has a space or a line break."""
    return " " in sep or "\n" in sep


def _whole_card(cluster, k, j) -> bool:
    """Whether groups k..j, a whole stretch of their cluster, are a card number in any grouping."""
    groups, sizes, sums, _index, seps, plus, _paren, _joined = cluster
    total = sums[j + 1] - sums[k]
    if not 13 <= total <= _MAX_ITEM_DIGITS or groups[k][2][0] == "0" or (k == 0 and plus is not None):
        return False
    if max(sizes[k:j + 1]) < 4 or (j == k + 1 and seps[k] == "." and sizes[k] <= 3):  # 3.14159265358979
        return False
    if not _luhn_ok("".join(g[2] for g in groups[k:j + 1])):
        return False
    # "10:05 090-1111-2222", "3 090-1111-2222": up to 3 digits and then a phone number are not a card.
    m = k + 1
    while m <= j and sums[m] - sums[k] <= 3:
        first = groups[m][2]
        if (first[0] == "0" or first == "81") and any(w == j for w, _ in _phone_windows(cluster, m, j)):
            return False
        m += 1
    return True


def _span_start(cluster, first, last) -> int:
    """Where a mask starts: the first digit, or a '+' / an opening parenthesis that belongs to the number."""
    groups, _sizes, _sums, _index, seps, plus, paren, _joined = cluster
    start = groups[first][0]
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


def _context(view: str, start: int, words, width: int = 16) -> bool:
    """Whether one of ``words`` is written in the ``width`` characters before ``start``."""
    before = view[max(0, start - width):start].upper()
    return any(word in before for word in words)


def _protected_end(view, cluster, k, postal_mark) -> int:
    """Index of the last group of a protected form starting at group k, or -1."""
    groups, sizes, sums, index_of_sum, seps, _plus, _paren, _joined = cluster
    base = sums[k]
    start = groups[k][0]
    # Amazon order numbers: 3-7-7 (any separators), bare, or partly bare (249 12345671234567,
    # 2491234567-1234567); digital orders D01-1234567-1234567.
    forms = [(17, (3, 10))]
    if start and view[start - 1] in "Dd":
        forms.append((16, (2, 9)))
    for total, cuts in forms:
        after = index_of_sum.get(base + total)
        if after is None or after - k > 3 or not all(sums[i] - base in cuts for i in range(k + 1, after)):
            continue
        if after == k + 2 and _soft(seps[k]):
            # With a space, two numbers unless neither can be a phone or card: "0312345678 1234567" is a phone
            # number and another number, "100 36000000000008" a quantity and a card.
            if groups[k][2][0] == "0" if sums[k + 1] - base == cuts[1] else _luhn_ok(groups[k + 1][2]):
                continue
        return after - 1
    # 13 digits: ISBN-13 (978/979); JAN/EAN-13 bare or 1-6-6, or after a context word.
    after = index_of_sum.get(base + 13)
    if after is not None and after - k <= 5:
        digits = "".join(g[2] for g in groups[k:after])
        if _ean_ok(digits):
            # ISBN-13 bare, 978-4065199817, or 978-4-06-519981-7 (ending in the check digit alone).
            if digits[:3] in ("978", "979") and (after - k == 1 or (
                    sizes[k] == 3 and (after - k == 2 or sizes[after - 1] == 1))):
                return after - 1
            if digits[:2] in ("45", "49") and (after - k == 1 or sizes[k:after] == [1, 6, 6]):
                return after - 1
            if k == 0 and _context(view, start, _CONTEXT_BARCODE):
                return after - 1
    # ISBN-10: four groups ending in the check digit, or after the word ISBN.
    after = index_of_sum.get(base + 10)
    if after is not None and ((after - k == 4 and sizes[after - 1] == 1 and _unit(seps, k, after - 1))
                              or (k == 0 and after - k <= 4 and _context(view, start, ("ISBN",)))):
        if _isbn10_ok("".join(g[2] for g in groups[k:after])):
            return after - 1
    # Dates: 2026-11-27, 2026/11/27, 2026.11.27.
    if (sizes[k] == 4 and k + 2 < len(groups) and sizes[k + 1] <= 2 and sizes[k + 2] <= 2
            and seps[k] == seps[k + 1] and seps[k] in ("-", "/", ".")
            and "1900" <= groups[k][2] <= "2099" and 1 <= int(groups[k + 1][2]) <= 12
            and 1 <= int(groups[k + 2][2]) <= 31):
        return k + 2
    # Postal codes after 〒 or 郵便番号: 〒100-0001, 〒 100 0001, 〒1000001.
    if postal_mark and k == 0:
        if sizes[k] == 3 and k + 1 < len(groups) and sizes[k + 1] == 4:
            return k + 1
        if sizes[k] == 7:
            return k
    return -1


def _unit(seps, first, last) -> bool:
    """Whether groups first..last are joined by one and the same separator, and their neighbours by another
    (4-06-519981-X is one ISBN-10; in "0466-01-8900 978-0-..." the groups 01 8900 978 0 are not)."""
    inner = set(seps[first:last])
    if len(inner) != 1:
        return not inner
    sep = inner.pop()
    return (first == 0 or seps[first - 1] != sep) and (last == len(seps) or seps[last] != sep)


def _phone_windows(cluster, k, limit) -> list[tuple[int, bool]]:
    """The phone numbers starting at group k (not past ``limit``): (index of the last group, valid).

    Valid numbers per ``phonenumbers``; also, not valid, numbers after a '+' that are possible, and Japanese
    numbers only written like one ("090-0000-0000").
    """
    groups, sizes, sums, index_of_sum, seps, plus, _paren, joined = cluster
    first = groups[k][2]
    windows = []
    # International: +CC, 00CC, 010 CC, or 81 as its own group.
    strip, japan_only = None, False
    if k == 0 and plus is not None:
        strip = 0
    elif first.startswith("010") and (len(first) > 3 or k < limit):
        strip = 3
    elif first.startswith("00") and (len(first) > 2 or k < limit):
        strip = 2
    elif first == "81" and k < limit and "." not in seps[k]:
        strip, japan_only = 0, True
    if strip is not None:
        for j in range(k, limit + 1):
            total = sums[j + 1] - sums[k] - strip
            if total > 17:
                break
            if total < 7:
                continue
            status = _international_status(joined[sums[k] + strip:sums[j + 1]], japan_only)
            if status == 2:
                windows.append((j, not japan_only))  # 81 without + is weak evidence
            elif status == 1 and k == 0 and plus is not None:
                windows.append((j, False))
    # Japanese national numbers: 0 + 9-10 digits.
    if first[0] == "0" and first[1:2] != "0":
        base = sums[k]
        for total in (10, 11):
            after = index_of_sum.get(base + total)
            if after is None or after > limit + 1:
                continue
            if _valid_japanese(joined[base:base + total]):
                windows.append((after - 1, True))
            elif after - k <= 4 and _phone_like(sizes[k:after]) and "." not in "".join(seps[k:after - 1]):
                windows.append((after - 1, False))
    return windows


def _phone_like(sizes) -> bool:
    if len(sizes) == 1:
        return True
    return (2 <= len(sizes) <= 4 and 2 <= sizes[0] <= 5 and 3 <= sizes[-1] <= 4
            and all(1 <= s <= 4 for s in sizes[1:-1]))


def _card_windows(cluster, k, limit) -> list[tuple[int, bool]]:
    """The card numbers starting at group k (not past ``limit``): (index of the last group, usual grouping).

    13-19 digits passing Luhn, in at most 8 groups, the first of 4 or more digits. Usual groupings break only
    where a printed card does: after 4, 8, 12, 16 digits (ending in 1-4 digits or in whole groups of 4), or
    after 4 and 10 (Amex, Diners); so bare digits, 4111 1111 1111 1111, 41111111 1111 1111,
    3782 822463 10005. Other groupings count less (3782 82246310005, 1000000000 0081, 1111 2222 1234567890).
    Two groups joined by a dot only as 4 + the rest: 12345.67890123456 is a decimal.
    """
    groups, sizes, sums, _index, seps, _plus, _paren, joined = cluster
    if sizes[k] < 4:
        return []
    found = []
    base = sums[k]
    by_fours, by_amex = True, sizes[k] == 4
    for j in range(k, min(limit, k + 7) + 1):
        total = sums[j + 1] - base
        if total > _MAX_ITEM_DIGITS:
            break
        if j > k:
            cut = sums[j] - base
            by_fours = by_fours and cut % 4 == 0
            by_amex = by_amex and cut in (4, 10)
        if total < 13 or (j == k + 1 and seps[k] == "." and sizes[k] != 4):
            continue
        if _luhn_ok(joined[base:sums[j + 1]]):
            last = sizes[j]  # a printed card ends in a group of 1-4 digits (or several groups run together)
            found.append((j, (by_fours and (last <= 4 or last % 4 == 0)) or by_amex))
    return found


# ---------------------------------------------------------------- check digits and phonenumbers

_DOUBLED = str.maketrans("0123456789", "0246813579")  # the digit sum of 2 × d


@functools.lru_cache(maxsize=16384)  # long pastes repeat the same groups (4111 4111 …)
def _luhn_ok(digits: str) -> bool:
    backwards = digits[::-1]
    kept, doubled = backwards[0::2], backwards[1::2].translate(_DOUBLED)
    return (sum(kept.encode()) + sum(doubled.encode()) - 48 * len(digits)) % 10 == 0


def _ean_ok(digits: str) -> bool:
    odd, even = digits[0:12:2], digits[1:12:2]
    total = sum(odd.encode()) - 48 * 6 + 3 * (sum(even.encode()) - 48 * 6)
    return (10 - total % 10) % 10 == ord(digits[12]) - 48


def _isbn10_ok(digits: str) -> bool:
    return sum((10 - i) * (ord(ch) - 48) for i, ch in enumerate(digits)) % 11 == 0


@functools.lru_cache(maxsize=8192)
def _valid_japanese(digits: str) -> bool:
    try:
        number = phonenumbers.parse(digits, "JP")
    except phonenumbers.NumberParseException:
        return False
    return number.country_code == 81 and phonenumbers.is_valid_number(number)


@functools.lru_cache(maxsize=8192)
def _international_status(digits: str, japan_only: bool) -> int:
    """2 when "+digits" is a valid number, 1 when only a possible one, 0 otherwise."""
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return 0
    if japan_only and number.country_code != 81:
        return 0
    if phonenumbers.is_valid_number(number):
        return 2
    return 1 if not japan_only and phonenumbers.is_possible_number(number) else 0
