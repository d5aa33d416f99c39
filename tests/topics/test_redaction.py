"""helpers.redaction.redact(): every class of personal number masked in every way people write it; everything else kept.

Examples for each class, then properties: generated phones, cards and e-mail addresses inside random
Japanese text, written with random separators of every kind, never survive; generated order numbers, ISBNs,
barcodes, dates, prices and postal codes are never touched; random text never raises, is kept outside the
masks, and redact is idempotent.
"""

from __future__ import annotations

import os
import re
import unicodedata

import phonenumbers
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import forms
from helpers.redaction import CARD_MASK, DASHES, EMAIL_MASK, PHONE_MASK, redact

P, E, C = PHONE_MASK, EMAIL_MASK, CARD_MASK
# REDACT_EXAMPLES=5000 pytest ... runs every property with that many examples.
SCALE = os.environ.get("REDACT_EXAMPLES")


def examples(n: int) -> int:
    return int(SCALE) if SCALE else n


KIT_DASHES = forms.DASHES
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
KANJI = str.maketrans("0123456789", "〇一二三四五六七八九")
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
              "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


def to_full_width(text: str) -> str:
    """ASCII letters, digits and symbols to their full-width forms (NFKC folds them back)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


# ---------------------------------------------------------------- examples: phones


@pytest.mark.parametrize("text, expected", [
    # (the everyday forms are in tests/test_drafts.py, through drafts.redact)
    ("注文249-1234567-1234567／携帯０８０ー２３４５ー６７８９", f"注文249-1234567-1234567／携帯{P}"),
    # separators
    ("090 1111 2222", P), ("090   1111   2222", P), ("090.1111.2222", P), ("090/1111/2222", P),
    ("090・1111・2222", P), ("090･1111･2222", P), ("090\u30001111\u30002222", P),
    ("090 - 1111 - 2222", P), ("03 (1234) 5678", P), ("(03)1234-5678", P), ("（０３）１２３４－５６７８", P),
    ("090-1111-\n2222", P), ("090\n1111\n2222", P), ("090-1111-\r\n2222", P), ("090一1111一2222", P),
    # full-width and kanji digits
    ("０９０１１１１２２２２", P), ("〇九〇・一一一一・二二二二", P), ("〇九〇一一一一二二二二", P),
    ("〇九〇ー一一一一ー二二二二", P), ("〇三（一二三四）五六七八", P),
    # other Japanese numbers
    ("03-1234-5678", P), ("06-6123-4567", P), ("011-330-3000", P), ("0466-12-3456", P), ("050-1234-5678", P),
    ("0120-999-373", P), ("0570-000-123", P), ("0800-123-4567", P),
    ("090-0000-0000", P),  # not a valid number, but written as one: masked all the same
    ("0 9 0 1 1 1 1 2 2 2 2", P),
    # international
    ("+81 90-1111-2222", P), ("+81-90-1111-2222", P), ("+8190-1111-2222", P), ("+81 090-1111-2222", P),
    ("+81 (0)90-1111-2222", P), ("+81 (0)90 1111 2222", P), ("+81 3 1234 5678", P), ("(+81) 90-1111-2222", P),
    ("0081-90-1111-2222", P), ("0081 3 1234 5678", P), ("81 90-1111-2222", P), ("81-3-1234-5678", P),
    ("+1 415 555 0100", P), ("+1 (415) 555-0100", P), ("+14155550100", P), ("+44 20 7946 0958", P),
    ("+44 (0)20 7946 0958", P), ("010-1-415-555-0100", P), ("＋４４　２０　７９４６　０９５８", P),
    ("002546000000", P),  # 12 digits like a tracking number, but 00 + a valid number abroad: privacy first
    # in text
    ("TEL090-1111-2222", f"TEL{P}"), ("電話(090-1111-2222)まで", f"電話({P})まで"),
    ("090-1111-2222一本で", f"{P}一本で"), ("携帯:090-1111-2222、自宅:03-1234-5678。", f"携帯:{P}、自宅:{P}。"),
    ("2026-11-27\n090-1111-2222", f"2026-11-27\n{P}"), ("12 090-1111-2222", f"12 {P}"),
    ("0312345678 1234567", f"{P} 1234567"), ("08 0081-3-1163-7225", f"08 {P}"),
    ("03-1000-2030 123456789012", f"{P} 123456789012"), ("090-1234-5678 12345678901", f"{P} 12345678901"),
    ("〒060-0001 011-222-3333", f"〒060-0001 {P}"), ("郵便番号 123-4567 090-1111-2222", f"郵便番号 123-4567 {P}"),
])
def test_phone_numbers_are_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("dash", sorted(set(DASHES)))
def test_every_dash_look_alike_separates_a_phone_number(dash):
    assert redact(f"電話{dash}090{dash}1111{dash}2222{dash}です") == f"電話{dash}{P}{dash}です"


def test_the_kits_dashes_are_all_known():
    assert set(KIT_DASHES) <= set(DASHES)


@pytest.mark.parametrize("invisible", INVISIBLES)
def test_invisible_characters_between_and_inside_groups(invisible):
    i = invisible
    assert redact(f"電話は0{i}90{i}-{i}1111-22{i}22です") == f"電話は{P}です"
    assert redact(f"電話は{i}090-1111-2222{i}です") == f"電話は{i}{P}{i}です", "kept outside the mask"
    assert redact(f"mail: ta{i}ro@exa{i}mple.com") == f"mail: {E}"
    assert redact(f"4111{i}1111{i}1111{i}1111") == C


def test_the_mask_replaces_the_whole_span_and_nothing_else():
    text = "前\u200b(03)\u200b1234\u00ad-5678\u200b後"
    assert redact(text) == f"前\u200b{P}\u200b後"


# ---------------------------------------------------------------- examples: e-mail addresses


@pytest.mark.parametrize("text, expected", [
    ("連絡先 taro@example.com まで", f"連絡先 {E} まで"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", E),
    ("mail a.b@example.co.jp、", f"mail {E}、"),
    ("山田@例え.jp", E),
    ("taro@例え.テスト", E),
    ("taro@例え.テストです", f"{E}です"),
    ("連絡先は山田@例え.jpです", f"連絡先は{E}です"),
    ("連絡先はtaro@example.comです", f"連絡先は{E}です"),
    ("メールはユーザー@例え.jpへ", f"メールは{E}へ"),
    ("やまだ@例え.jp", E),
    ("shop+info@example.com", E),
    ("first.last_01@mail.example.ne.jp", E),
    ("09011112222@docomo.ne.jp", E),
    ("taro@example.com.", f"{E}."),
    ("「taro@example.com」", f"「{E}」"),
    ("taro＠example．com", E),
    ("taro﹫example.com", E),
    ("ｔａｒｏ＠例え．ｊｐ", E),
    ("a@b@example.com", f"a@{E}"),
])
def test_email_addresses_are_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "単価@500円", "2個@1.5kg", "@yamada さん", "メールは後で送ります", "a@b", "x @ y . com", "@",
])
def test_at_signs_that_are_not_addresses_are_kept(text):
    assert redact(text) == text


# ---------------------------------------------------------------- examples: cards


@pytest.mark.parametrize("text, expected", [
    ("カード 4111 1111 1111 1111 で払った", f"カード {C} で払った"),
    ("４１１１－１１１１－１１１１－１１１１", C),
    ("4111111111111111", C),
    ("4111.1111.1111.1111", C),
    ("4111・1111・1111・1111", C),
    ("4111\u30001111\u30001111\u30001111", C),
    ("4111 1111\n1111 1111", C),
    ("5555 5555 5555 4444", C),
    ("3782 822463 10005", C),      # Amex 4-6-5
    ("3056 930902 5904", C),       # Diners 4-6-4
    ("3530 1113 3330 0000", C),    # JCB
    ("3782 82246310005", C),       # any grouping, standing alone
    ("41 1111 1111 1111 11", C),
    ("4222222222222", C),          # 13 digits, not a barcode
    ("四一一一 一一一一 一一一一 一一一一", C),
    ("カード4111111111111111、電話090-1111-2222", f"カード{C}、電話{P}"),
    ("1000000000 4000-0000-0000-0002 1000000000", f"1000000000 {C} 1000000000"),
    ("4111111111111111 12/28", f"{C} 12/28"),
])
def test_card_numbers_are_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "4111 1111 1111 1112",  # fails the Luhn check
    "1234 5678 9012 3456",
    "3.14159265358979",     # a decimal
])
def test_numbers_failing_the_card_rules_are_kept(text):
    assert redact(text) == text


# ---------------------------------------------------------------- examples: kept


@pytest.mark.parametrize("text", [
    # order numbers, in every form forms.order_number accepts
    "注文番号 249-1234567-1234567 の件", "２４９ー１２３４５６７ー１２３４５６７", "249ー1234567ー1234567",
    "249 1234567 1234567", "249–1234567—1234567", "24912345671234567", "２４９１２３４５６７１２３４５６７",
    "249-1234567\n1234567", "249\u200b-1234567-1234567", "D01-1234567-1234567", "D01 1234567 1234567",
    "デジタル注文 D01-0000000-0000000", "090-1111111-1111111", "2491234567 1234567", "2491234567-1234567",
    "249 12345671234567", "0901111111-1111111",
    # ISBN, JAN/EAN
    "ISBN978-4-06-519981-7", "978-4-06-519981-7", "9784065199817", "4-06-519981-X", "0-306-40615-2",
    "ISBN 0306406152", "JAN 4901234567894", "4901234567894", "4 901234 567894", "4512345678901",
    "JANコード 4006381333931", "EAN: 4006381333931",
    # dates, times, prices, postal codes
    "2026-11-27", "2026/11/27", "2026.11.27", "2026年11月27日", "２０２６－１１－２７", "二〇二六年十一月二十七日",
    "2026-11-27 10:05", "10:05", "１０：０５", "¥12,800", "12,800円", "1,234,567円", "￥1,234,567", "〒100-0001",
    "100-0001", "〒１００－０００１", "〒 100 0001", "〒1000001",
    # quantities, case ids, tracking numbers
    "30件", "下4桁は1234です", "在庫 1200 個", "12345678901", "1234567890", "ケースID 12345678901 について",
    "追跡番号 123456789012", "1234-5678-9012", "TBA123456789012", "3 5 7 9 11 13 15", "100 200 300 400 500",
    "0.5 0.25 0.125", "192.168.100.200", "v1.2.3",
    # text
    "", "よろしくお願いします🙇", "第一回 二三日中に", "一一〇番", "〇〇様", "ＡＢＣ－１２３", "#9110",
])
def test_kept_exactly(text):
    assert redact(text) == text


def test_everything_together():
    text = ("注文249-1234567-1234567（2026/11/27 10:05、¥12,800）、電話090-1111-2222、"
            "mail a.b@example.co.jp、カード4111111111111111、〒100-0001、JAN 4901234567894")
    assert redact(text) == (f"注文249-1234567-1234567（2026/11/27 10:05、¥12,800）、電話{P}、"
                            f"mail {E}、カード{C}、〒100-0001、JAN 4901234567894")


@pytest.mark.parametrize("value", [None, 123, b"090-1111-2222", ["090-1111-2222"]])
def test_non_text_is_a_value_error(value):
    with pytest.raises(ValueError, match="^文字で入力してください。$"):
        redact(value)


# ---------------------------------------------------------------- generators

JAPANESE = st.text(alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのはまやらわをん"
                            "アイウエオカキクケコサシスセソタチツテトナニヌネノハマヤラワヲンー"
                            "電話番号件名連絡先様注文返品商品配送確認問合せ、。「」：！？　 \n",
                   max_size=30)
SEPARATORS = list(DASHES) + [" ", "  ", "   ", "\u3000", "\u3000\u3000", ".", "/", "・", "", "\n", "-\n",
                             " \n", "\n ", " - "]


JOINERS = list(DASHES) + [".", "/", "・", ""]  # separators that are not spaces


def _written(groups: list[str], draw, kanji: bool | None = None, uniform: bool = False) -> str:
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
    return _with_invisibles("".join(pieces), draw)


def _with_invisibles(text: str, draw) -> str:
    """Insert invisible characters strictly inside ``text`` (never before its first or after its last)."""
    if len(text) < 2 or draw(st.integers(0, 2)) == 0:
        return text
    chars = list(text)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(1, len(chars) - 1))
        chars.insert(at, draw(st.sampled_from(INVISIBLES)))
    return "".join(chars)


def _valid_jp(national: str) -> bool:
    number = phonenumbers.parse(national, "JP")
    return phonenumbers.is_valid_number(number)


def _digits(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


JP_NUMBERS = st.one_of(  # groups of valid Japanese numbers, national form
    st.tuples(st.sampled_from(["070", "080", "090"]), _digits(4), _digits(4)),
    st.tuples(st.sampled_from(["03", "06"]), _digits(4), _digits(4)),
    st.tuples(st.sampled_from(["011", "045", "052", "092", "075"]), _digits(3), _digits(4)),
    st.tuples(st.sampled_from(["0466", "0467", "0178"]), _digits(2), _digits(4)),
    st.tuples(st.just("050"), _digits(4), _digits(4)),
    st.tuples(st.sampled_from(["0120", "0570"]), _digits(3), _digits(3)),
).map(list).filter(lambda g: _valid_jp("".join(g)))


@st.composite
def phone_numbers(draw, uniform: bool = False) -> str:
    """A phone number as people write it (with one separator throughout if ``uniform``)."""
    kind = draw(st.sampled_from(["national", "national", "parens", "plus81", "plus81_zero", "0081", "foreign"]))
    if kind == "foreign":
        groups = draw(st.one_of(
            st.tuples(st.just("1"), st.sampled_from(["415", "212", "650", "206"]),
                      st.sampled_from(["555", "253", "882", "693"]), _digits(4)),
            st.tuples(st.just("44"), st.just("20"), st.sampled_from(["7946", "7123", "3123"]), _digits(4)),
        ).map(list).filter(lambda g: phonenumbers.is_valid_number(phonenumbers.parse("+" + "".join(g)))))
        return "+" + _written(groups, draw, kanji=False, uniform=uniform)
    groups = draw(JP_NUMBERS)
    if kind == "national":
        return _written(groups, draw, uniform=uniform)
    if kind == "parens":
        open_, close = draw(st.sampled_from([("(", ")"), ("（", "）")]))
        sep = draw(st.sampled_from(JOINERS if uniform else SEPARATORS))
        return _with_invisibles(f"{open_}{groups[0]}{close}{groups[1]}{sep}{groups[2]}"
                                .translate(FULL_WIDTH if draw(st.booleans()) else {}), draw)
    rest = [groups[0][1:]] + groups[1:]
    if kind == "plus81":
        return draw(st.sampled_from(["+", "＋"])) + _written(["81"] + rest, draw, kanji=False, uniform=uniform)
    if kind == "plus81_zero":
        return "+81 (0)" + _written(rest, draw, kanji=False, uniform=uniform)
    return _written(["0081"] + rest, draw, kanji=False, uniform=uniform)


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def _ean_ok(digits: str) -> bool:
    total = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


@st.composite
def card_numbers(draw, uniform: bool = False) -> str:
    """A Luhn-valid card number, grouped as printed or not at all, with random separators (one throughout
    if ``uniform``)."""
    prefix, length, grouping = draw(st.sampled_from([
        ("4", 16, [4, 4, 4, 4]), ("51", 16, [4, 4, 4, 4]), ("2221", 16, [4, 4, 4, 4]),
        ("35", 16, [4, 4, 4, 4]), ("37", 15, [4, 6, 5]), ("36", 14, [4, 6, 4]),
        ("4", 13, [4, 4, 4, 1]), ("62", 19, [4, 4, 4, 4, 3]), ("4", 16, [16]),
    ]))
    body = prefix + draw(_digits(length - len(prefix) - 1))
    number = _luhn_complete(body)
    assume(not (length == 13 and _ean_ok(number) and number[:2] in ("45", "49")))  # a barcode by rule
    groups, at = [], 0
    for size in grouping:
        groups.append(number[at:at + size])
        at += size
    return _written(groups, draw, uniform=uniform)


ASCII_ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
UNICODE_ATOM = st.text(alphabet="山田太郎花子佐藤鈴木カタナユーザ", min_size=1, max_size=5).filter(
    lambda s: s[0] != "ー")


@st.composite
def email_addresses(draw) -> str:
    local = draw(st.one_of(
        st.lists(ASCII_ATOM, min_size=1, max_size=3).map(lambda atoms: draw(st.sampled_from([".", "_", "+", "-"]))
                                                          .join(atoms)),
        UNICODE_ATOM))
    labels = draw(st.lists(st.one_of(ASCII_ATOM, st.sampled_from(["例え", "テスト", "会社", "mail-box"])),
                           min_size=1, max_size=3))
    tld = draw(st.sampled_from(["com", "jp", "net", "info", "テスト", "コム", "ストア"]))
    address = local + "@" + ".".join(labels + [tld])
    if draw(st.booleans()):
        address = to_full_width(address)
    return _with_invisibles(address, draw)


# ---------------------------------------------------------------- properties: masked


def _digits_of(text: str) -> str:
    """Every digit in ``text``, of any script, kanji numerals included."""
    return "".join(str("〇一二三四五六七八九".index(ch)) if ch in "〇一二三四五六七八九"
                   else str(unicodedata.decimal(ch)) for ch in text
                   if ch in "〇一二三四五六七八九" or unicodedata.category(ch) == "Nd")


PROPERTY = settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.filter_too_much])


@PROPERTY
@given(number=phone_numbers(), before=JAPANESE, after=JAPANESE)
def test_any_phone_number_in_text_is_masked(number, before, after):
    text = f"{before}電話は{number}です{after}"
    assert redact(text) == f"{before}電話は{P}です{after}"


@PROPERTY
@given(first=phone_numbers(), second=phone_numbers(), gap=st.sampled_from([" ", "、", "\n", "　", " / "]))
def test_two_phone_numbers_side_by_side_are_both_masked(first, second, gap):
    out = redact(f"電話{first}{gap}{second}まで")
    assert _digits_of(out) == "", out


@PROPERTY
@given(number=card_numbers(), before=JAPANESE, after=JAPANESE)
def test_any_card_number_in_text_is_masked(number, before, after):
    text = f"{before}カード番号{number}で{after}"
    assert redact(text) == f"{before}カード番号{C}で{after}"


@PROPERTY
@given(address=email_addresses(), before=JAPANESE, after=JAPANESE,
       left=st.sampled_from([" ", "：", "「", "は", "\n", "、"]), right=st.sampled_from([" ", "」", "。", "まで", "\n"]))
def test_any_email_address_in_text_is_masked(address, before, after, left, right):
    text = f"{before}{left}{address}{right}{after}"
    assert redact(text) == f"{before}{left}{E}{right}{after}"


# ---------------------------------------------------------------- properties: kept


def _sep(draw, choices=("-", " ", "ー", "－", "—", "‐", "")):
    return draw(st.sampled_from(choices))


@st.composite
def order_numbers(draw) -> str:
    """An order number (they never start with 0) in a form forms.order_number accepts."""
    digits = draw(st.sampled_from("123456789")) + draw(_digits(16))
    sep1, sep2 = _sep(draw), _sep(draw)
    # The documented exception: 249 + space + 14 digits passing Luhn is a number and a card.
    assume(not (sep1 == " " and sep2 == "" and _luhn_complete(digits[3:16]) == digits[3:]))
    order = f"{digits[:3]}{sep1}{digits[3:10]}{sep2}{digits[10:]}"
    if draw(st.booleans()):
        order = order.translate(FULL_WIDTH)
    if draw(st.integers(0, 4)) == 0:
        order = "D" + order[1:] if order[0].isascii() else order
    return order


@st.composite
def isbns(draw) -> str:
    """ISBN-13 (bare or in 5 groups: 978-4-06-519981-7) or ISBN-10 in 4 groups (4-06-519981-X)."""
    if draw(st.booleans()):
        body = draw(st.sampled_from(["978", "979"])) + draw(_digits(9))
        digits = body + str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10)
        sep = _sep(draw, ("-", " ", "", "ー"))
        cut = draw(st.integers(5, 11))
        return sep.join([digits[:3], digits[3], digits[4:cut], digits[cut:12], digits[12]])
    body = draw(_digits(9))
    check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
    cut = draw(st.integers(2, 8))
    return f"{body[0]}-{body[1:cut]}-{body[cut:]}-{'X' if check == 10 else check}"


@st.composite
def jans(draw) -> str:
    body = draw(st.sampled_from(["45", "49"])) + draw(_digits(10))
    return body + str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10)


@st.composite
def dates(draw) -> str:
    y, m, d = draw(st.integers(1990, 2099)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    form = draw(st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m:02d}.{d:02d}", "{y}年{m}月{d}日",
                                 "{y}-{m:02d}-{d:02d} {h}:{mi:02d}", "{y}/{m:02d}/{d:02d} {h:02d}:{mi:02d}"]))
    text = form.format(y=y, m=m, d=d, h=draw(st.integers(0, 23)), mi=draw(st.integers(0, 59)))
    return text.translate(FULL_WIDTH) if draw(st.booleans()) else text


@st.composite
def prices(draw) -> str:
    amount = draw(st.integers(0, 99_999_999))
    return draw(st.sampled_from(["¥{:,}", "{:,}円", "￥{:,}", "税込{:,}円"])).format(amount)


@st.composite
def postal_codes(draw) -> str:
    code = f"{draw(_digits(3))}{_sep(draw, ('-', 'ー', '－'))}{draw(_digits(4))}"
    return draw(st.sampled_from(["〒", "〒 ", "郵便番号"])) + code


@st.composite
def plain_numbers(draw) -> str:
    """Quantities, case ids (10-11 digits, not starting with 0), tracking numbers (12 digits, not starting with
    00: those read as an international number, 00CC ..., and are masked), times."""
    return draw(st.one_of(
        st.integers(0, 99_999).map(lambda n: f"{n}個"),
        st.integers(1_000_000_000, 99_999_999_999).map(str),
        _digits(12).filter(lambda digits: not digits.startswith("00")),
        st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]}:{t[1]:02d}"),
    ))


KEPT = st.one_of(order_numbers(), isbns(), jans(), dates(), prices(), postal_codes(), plain_numbers())


@PROPERTY
@given(items=st.lists(st.tuples(KEPT, JAPANESE.filter(lambda s: s.strip())), min_size=1, max_size=5),
       before=JAPANESE)
def test_order_numbers_isbns_barcodes_dates_prices_postal_codes_are_kept(items, before):
    text = before + "".join(f"「{item}」{words}" for item, words in items)
    assert redact(text) == text


@PROPERTY
@given(item=st.one_of(order_numbers(), isbns(), jans(), dates(), postal_codes()), phone=phone_numbers(),
       gap=st.sampled_from([" ", "  ", "、", "\n", "　"]))
def test_a_kept_number_right_next_to_a_phone_number(item, phone, gap):
    assert redact(f"件{item}{gap}{phone}") == f"件{item}{gap}{P}"


@PROPERTY
@given(item=KEPT, phone=phone_numbers(uniform=True), card=card_numbers(uniform=True),
       gap=st.sampled_from([" ", "、", "\n", "　", "  "]))
def test_phone_and_card_digits_never_survive_next_to_other_numbers(item, phone, card, gap):
    """Whatever number stands next to them, with only a space between, no digit of the phone or the card is
    left: the digits left are the neighbours' (a neighbour may be masked with them, never the other way
    round). Each number here is written with one joiner (dash, dot, slash, ・ or none) throughout: when a
    number's own groups are also separated by spaces or line breaks, where it ends among space-separated
    neighbours is a guess (see the module docstring)."""
    out = redact(f"件{item}{gap}{phone}{gap}{item}{gap}{card}{gap}{item}")
    left = re.split(f"{re.escape(P)}|{re.escape(C)}", out)
    item_digits = _digits_of(item)
    for piece in left:
        digits = _digits_of(piece)
        assert digits in ("", item_digits, item_digits * 2) or item_digits.startswith(digits) \
            or item_digits.endswith(digits), out


# ---------------------------------------------------------------- properties: any text


def _kept_outside_masks(text: str, out: str) -> bool:
    """``out`` is ``text`` with some non-empty spans replaced by masks: the pieces between masks appear in
    ``text`` in order, the first at its start and the last at its end."""
    pieces = re.split(f"{re.escape(P)}|{re.escape(E)}|{re.escape(C)}", out)
    if len(pieces) == 1:
        return out == text
    if not text.startswith(pieces[0]) or not text.endswith(pieces[-1]):
        return False
    at = len(pieces[0])
    for piece in pieces[1:-1]:
        found = text.find(piece, at + 1)
        if found < 0:
            return False
        at = found + len(piece)
    return at < len(text) - len(pieces[-1]) + 1


MESSY = st.text(alphabet=st.sampled_from(list("0123456789０１２３４５６７８９〇一二三四五六七八九+＋()（）:：-ー－—‐ 　\n\t"
                                              "aあ📞@＠.．・/x") + INVISIBLES))
FRAGMENTS = st.one_of(phone_numbers(), card_numbers(), email_addresses(), KEPT, JAPANESE, MESSY)


@settings(max_examples=examples(500), deadline=None)
@given(text=st.one_of(st.text(), MESSY))
def test_random_text_never_raises_and_is_kept_outside_masks(text):
    out = redact(text)
    assert isinstance(out, str)
    assert _kept_outside_masks(text, out)


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@＠﹫")))
def test_text_without_digits_or_at_signs_is_unchanged(text):
    assert redact(text) == text


@PROPERTY
@given(parts=st.lists(FRAGMENTS, max_size=8), joiners=st.lists(st.sampled_from(["", " ", "、", "\n", "  "]),
                                                               min_size=8, max_size=8))
def test_idempotent(parts, joiners):
    text = "".join(p + j for p, j in zip(parts, joiners))
    once = redact(text)
    assert redact(once) == once
    assert _kept_outside_masks(text, once)


@settings(max_examples=examples(500), deadline=None)
@given(text=st.one_of(st.text(), MESSY))
def test_idempotent_on_random_text(text):
    once = redact(text)
    assert redact(once) == once
