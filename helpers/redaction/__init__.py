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

Parts
-----
``fold`` (the view of the text and the map back to it), ``emails``, ``clusters`` (the digit groups of the view,
one ``Cluster`` record each), ``protected`` (the forms that are kept), ``readings`` (phone and card windows
and the heaviest reading), ``numbers`` (the phases that classify a cluster), ``checks`` (check digits and
``phonenumbers``) and ``masks``. The character tables are the engine's: ``helpers.core.text``.
"""

from __future__ import annotations

from helpers.core.text import DASHES, FORM_DASHES, is_invisible  # noqa: F401 - public names of this module
from helpers.redaction.emails import find_emails
from helpers.redaction.fold import view_of
from helpers.redaction.masks import CARD_MASK, EMAIL_MASK, PHONE_MASK
from helpers.redaction.numbers import find_numbers

__all__ = ["CARD_MASK", "DASHES", "EMAIL_MASK", "PHONE_MASK", "redact"]


def redact(text: str) -> str:
    """Mask phone numbers, e-mail addresses and card numbers; keep order numbers and all other text.

    See the module docstring for what is masked and kept, and the rules for ambiguous cases.
    """
    if not isinstance(text, str):
        raise ValueError("文字で入力してください。")
    if not text:
        return text
    view, to_orig = view_of(text)
    spans: list[tuple[int, int, str]] = []  # (start, end, mask) in the view
    if "@" in view:
        find_emails(view, spans)
        # Addresses are blanked out of the view (its length kept), so that their digits are not read as numbers
        # (09011112222@docomo.ne.jp).
        view = _spliced(view, [(start, end, "\x00" * (end - start)) for start, end, _mask in spans])
    find_numbers(text, view, to_orig, spans)
    if not spans:
        return text
    return _spliced(text, sorted((to_orig(start), to_orig(end - 1) + 1, mask) for start, end, mask in spans))


def _spliced(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """Return ``text`` with each span (start, end, replacement), in order and not overlapping, replaced."""
    pieces, last = [], 0
    for start, end, replacement in replacements:
        pieces += [text[last:start], replacement]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
