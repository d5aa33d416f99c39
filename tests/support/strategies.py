"""Hypothesis strategies shared by the tests: numbers and addresses written the way people type them.

Form input (``tests/topics/test_forms.py``): ``VALID_NUMBERS`` and ``messy``. Free text to redact
(``tests/topics/test_redaction.py``): ``phone_numbers``, ``card_numbers``, ``email_addresses`` (masked) and ``KEPT``
(order numbers, ISBNs, barcodes, dates, prices, postal codes and plain numbers, never masked), written with random
separators, full-width or kanji digits and invisible characters.
"""

from __future__ import annotations

import phonenumbers
from hypothesis import assume
from hypothesis import strategies as st

from helpers import forms
from helpers.redaction import DASHES

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
KANJI = str.maketrans("0123456789", "〇一二三四五六七八九")
INVISIBLES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


def to_full_width(text: str) -> str:
    """ASCII letters, digits and symbols to their full-width forms (NFKC folds them back)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


# ---------------------------------------------------------------- numbers typed into a form

DASH_OR_SPACE = st.sampled_from(list(forms.DASHES) + [" ", "\u3000", "\t", ""])

VALID_NUMBERS = st.one_of(  # valid Japanese numbers in their national form, 090-1234-5678
    st.tuples(st.sampled_from(["070", "080", "090"]), st.integers(1000, 9999), st.integers(0, 9999)).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]:04d}"
    ),
    st.tuples(st.sampled_from(["03", "06"]), st.integers(1000, 9999), st.integers(0, 9999)).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]:04d}"
    ),
    st.integers(1000, 9999).map(lambda n: f"050-{n}-1234"),
)


def messy(canonical: str, draw) -> str:
    """Re-type a number: any digit may become full-width, any gap any dash look-alike or space."""
    out = []
    for ch in canonical:
        if ch == "-":
            out.append(draw(DASH_OR_SPACE))
        else:
            out.append(ch.translate(FULL_WIDTH) if draw(st.booleans()) else ch)
            if draw(st.integers(0, 9)) == 0:
                out.append(draw(DASH_OR_SPACE))
    return "".join(out)


def written_uniformly(number: str, draw) -> str:
    """Write a number as people do: any digit full- or half-width, each group break one dash look-alike,
    a space or nothing (the same one throughout)."""
    sep = draw(st.sampled_from(list(forms.DASHES) + [" ", "\u3000", ""]))
    return "".join(sep if ch == "-" else (ch.translate(FULL_WIDTH) if draw(st.booleans()) else ch) for ch in number)


# ---------------------------------------------------------------- free text around the numbers

JAPANESE_TEXT = st.text(
    alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのはまやらわをん"
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハマヤラワヲンー"
    "電話番号件名連絡先様注文返品商品配送確認問合せ、。「」：！？　 \n",
    max_size=30,
)
SEPARATORS = list(DASHES) + [
    " ",
    "  ",
    "   ",
    "\u3000",
    "\u3000\u3000",
    ".",
    "/",
    "・",
    "",
    "\n",
    "-\n",
    " \n",
    "\n ",
    " - ",
]


JOINERS = list(DASHES) + [".", "/", "・", ""]  # separators that are not spaces


def written_groups(groups: list[str], draw, kanji: bool | None = None, uniform: bool = False) -> str:
    """Write digit groups as people do: random separators (if ``uniform``, one joiner for the whole number),
    digits full- or half-width (or all kanji), invisible characters anywhere inside."""
    if kanji is None:
        kanji = draw(st.integers(0, 5)) == 0
    same = draw(st.sampled_from(JOINERS))
    pieces = []
    for i, group in enumerate(groups):
        if i:
            pieces.append(same if uniform else draw(st.sampled_from(SEPARATORS)))
        if kanji:
            pieces.append(group.translate(KANJI))
        else:
            pieces.append("".join(ch.translate(FULL_WIDTH) if draw(st.booleans()) else ch for ch in group))
    return with_invisibles("".join(pieces), draw)


def with_invisibles(text: str, draw) -> str:
    """Insert invisible characters strictly inside ``text`` (never before its first or after its last)."""
    if len(text) < 2 or draw(st.integers(0, 2)) == 0:
        return text
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(1, len(chars) - 1))
        chars.insert(at, draw(st.sampled_from(INVISIBLES)))
    return "".join(chars)


def valid_jp(national: str) -> bool:
    number = phonenumbers.parse(national, "JP")
    return phonenumbers.is_valid_number(number)


def digits(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


# ---------------------------------------------------------------- masked: phones, cards, e-mail addresses

JP_NUMBERS = (
    st.one_of(  # groups of valid Japanese numbers, national form
        st.tuples(st.sampled_from(["070", "080", "090"]), digits(4), digits(4)),
        st.tuples(st.sampled_from(["03", "06"]), digits(4), digits(4)),
        st.tuples(st.sampled_from(["011", "045", "052", "092", "075"]), digits(3), digits(4)),
        st.tuples(st.sampled_from(["0466", "0467", "0178"]), digits(2), digits(4)),
        st.tuples(st.just("050"), digits(4), digits(4)),
        st.tuples(st.sampled_from(["0120", "0570"]), digits(3), digits(3)),
    )
    .map(list)
    .filter(lambda g: valid_jp("".join(g)))
)


@st.composite
def phone_numbers(draw, uniform: bool = False) -> str:
    """A phone number as people write it (with one separator throughout if ``uniform``)."""
    kind = draw(st.sampled_from(["national", "national", "parens", "plus81", "plus81_zero", "0081", "foreign"]))
    if kind == "foreign":
        groups = draw(
            st.one_of(
                st.tuples(
                    st.just("1"),
                    st.sampled_from(["415", "212", "650", "206"]),
                    st.sampled_from(["555", "253", "882", "693"]),
                    digits(4),
                ),
                st.tuples(st.just("44"), st.just("20"), st.sampled_from(["7946", "7123", "3123"]), digits(4)),
            )
            .map(list)
            .filter(lambda g: phonenumbers.is_valid_number(phonenumbers.parse("+" + "".join(g))))
        )
        return "+" + written_groups(groups, draw, kanji=False, uniform=uniform)
    groups = draw(JP_NUMBERS)
    if kind == "national":
        return written_groups(groups, draw, uniform=uniform)
    if kind == "parens":
        open_, close = draw(st.sampled_from([("(", ")"), ("（", "）")]))
        sep = draw(st.sampled_from(JOINERS if uniform else SEPARATORS))
        return with_invisibles(
            f"{open_}{groups[0]}{close}{groups[1]}{sep}{groups[2]}".translate(
                FULL_WIDTH if draw(st.booleans()) else {}
            ),
            draw,
        )
    rest = [groups[0][1:]] + groups[1:]
    if kind == "plus81":
        return draw(st.sampled_from(["+", "＋"])) + written_groups(["81"] + rest, draw, kanji=False, uniform=uniform)
    if kind == "plus81_zero":
        return "+81 (0)" + written_groups(rest, draw, kanji=False, uniform=uniform)
    return written_groups(["0081"] + rest, draw, kanji=False, uniform=uniform)


def luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def ean_ok(digits: str) -> bool:
    total = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


@st.composite
def card_numbers(draw, uniform: bool = False) -> str:
    """A Luhn-valid card number, grouped as printed or not at all, with random separators (one throughout
    if ``uniform``)."""
    prefix, length, grouping = draw(
        st.sampled_from(
            [
                ("4", 16, [4, 4, 4, 4]),
                ("51", 16, [4, 4, 4, 4]),
                ("2221", 16, [4, 4, 4, 4]),
                ("35", 16, [4, 4, 4, 4]),
                ("37", 15, [4, 6, 5]),
                ("36", 14, [4, 6, 4]),
                ("4", 13, [4, 4, 4, 1]),
                ("62", 19, [4, 4, 4, 4, 3]),
                ("4", 16, [16]),
            ]
        )
    )
    body = prefix + draw(digits(length - len(prefix) - 1))
    number = luhn_complete(body)
    assume(not (length == 13 and ean_ok(number) and number[:2] in ("45", "49")))  # a barcode by rule
    groups, at = [], 0
    for size in grouping:
        groups.append(number[at : at + size])
        at += size
    return written_groups(groups, draw, uniform=uniform)


ASCII_ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
UNICODE_ATOM = st.text(alphabet="山田太郎花子佐藤鈴木カタナユーザ", min_size=1, max_size=5).filter(
    lambda s: s[0] != "ー"
)


@st.composite
def email_addresses(draw) -> str:
    local = draw(
        st.one_of(
            st.lists(ASCII_ATOM, min_size=1, max_size=3).map(
                lambda atoms: draw(st.sampled_from([".", "_", "+", "-"])).join(atoms)
            ),
            UNICODE_ATOM,
        )
    )
    labels = draw(
        st.lists(st.one_of(ASCII_ATOM, st.sampled_from(["例え", "テスト", "会社", "mail-box"])), min_size=1, max_size=3)
    )
    tld = draw(st.sampled_from(["com", "jp", "net", "info", "テスト", "コム", "ストア"]))
    address = local + "@" + ".".join(labels + [tld])
    if draw(st.booleans()):
        address = to_full_width(address)
    return with_invisibles(address, draw)


# ---------------------------------------------------------------- kept: numbers that are not personal


def separator(draw, choices=("-", " ", "ー", "－", "—", "‐", "")):
    return draw(st.sampled_from(choices))


@st.composite
def order_numbers(draw) -> str:
    """An order number (they never start with 0) in a form forms.order_number accepts."""
    number = draw(st.sampled_from("123456789")) + draw(digits(16))
    sep1, sep2 = separator(draw), separator(draw)
    # The documented exception: 249 + space + 14 digits passing Luhn is a number and a card.
    assume(not (sep1 == " " and sep2 == "" and luhn_complete(number[3:16]) == number[3:]))
    order = f"{number[:3]}{sep1}{number[3:10]}{sep2}{number[10:]}"
    if draw(st.booleans()):
        order = order.translate(FULL_WIDTH)
    if draw(st.integers(0, 4)) == 0:
        order = "D" + order[1:] if order[0].isascii() else order
    return order


@st.composite
def isbns(draw) -> str:
    """ISBN-13 (bare or in 5 groups: 978-4-06-519981-7) or ISBN-10 in 4 groups (4-06-519981-X)."""
    if draw(st.booleans()):
        body = draw(st.sampled_from(["978", "979"])) + draw(digits(9))
        whole = body + str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10)
        sep = separator(draw, ("-", " ", "", "ー"))
        cut = draw(st.integers(5, 11))
        return sep.join([whole[:3], whole[3], whole[4:cut], whole[cut:12], whole[12]])
    body = draw(digits(9))
    check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
    cut = draw(st.integers(2, 8))
    return f"{body[0]}-{body[1:cut]}-{body[cut:]}-{'X' if check == 10 else check}"


@st.composite
def jans(draw) -> str:
    body = draw(st.sampled_from(["45", "49"])) + draw(digits(10))
    return body + str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10)


@st.composite
def dates(draw) -> str:
    y, m, d = draw(st.integers(1990, 2099)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    form = draw(
        st.sampled_from(
            [
                "{y}-{m:02d}-{d:02d}",
                "{y}/{m}/{d}",
                "{y}.{m:02d}.{d:02d}",
                "{y}年{m}月{d}日",
                "{y}-{m:02d}-{d:02d} {h}:{mi:02d}",
                "{y}/{m:02d}/{d:02d} {h:02d}:{mi:02d}",
            ]
        )
    )
    text = form.format(y=y, m=m, d=d, h=draw(st.integers(0, 23)), mi=draw(st.integers(0, 59)))
    return text.translate(FULL_WIDTH) if draw(st.booleans()) else text


@st.composite
def prices(draw) -> str:
    amount = draw(st.integers(0, 99_999_999))
    return draw(st.sampled_from(["¥{:,}", "{:,}円", "￥{:,}", "税込{:,}円"])).format(amount)


@st.composite
def postal_codes(draw) -> str:
    code = f"{draw(digits(3))}{separator(draw, ('-', 'ー', '－'))}{draw(digits(4))}"
    return draw(st.sampled_from(["〒", "〒 ", "郵便番号"])) + code


@st.composite
def plain_numbers(draw) -> str:
    """Quantities, case ids (10-11 digits, not starting with 0), tracking numbers (12 digits, not starting with
    00: those read as an international number, 00CC ..., and are masked), times."""
    return draw(
        st.one_of(
            st.integers(0, 99_999).map(lambda n: f"{n}個"),
            st.integers(1_000_000_000, 99_999_999_999).map(str),
            digits(12).filter(lambda twelve: not twelve.startswith("00")),
            st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]}:{t[1]:02d}"),
        )
    )


KEPT = st.one_of(order_numbers(), isbns(), jans(), dates(), prices(), postal_codes(), plain_numbers())


# ---------------------------------------------------------------- anything at all

MESSY = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３４５６７８９〇一二三四五六七八九+＋()（）:：-ー－—‐ 　\n\taあ📞@＠.．・/x") + INVISIBLES
    )
)
FRAGMENTS = st.one_of(phone_numbers(), card_numbers(), email_addresses(), KEPT, JAPANESE_TEXT, MESSY)
