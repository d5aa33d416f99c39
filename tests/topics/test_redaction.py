"""helpers.redaction.redact(): every class of personal number masked in every way people write it; everything else kept.

Examples for each class, then properties: generated phones, cards and e-mail addresses inside random
Japanese text, written with random separators of every kind, never survive; generated order numbers, ISBNs,
barcodes, dates, prices and postal codes are never touched; random text never raises, is kept outside the
masks, and redact is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import forms
from helpers.redaction import CARD_MASK, DASHES, EMAIL_MASK, PHONE_MASK, redact
from support.strategies import (
    FRAGMENTS,
    FULL_WIDTH,
    INVISIBLES,
    JAPANESE_TEXT,
    KEPT,
    MESSY,
    VALID_NUMBERS,
    card_numbers,
    dates,
    email_addresses,
    isbns,
    jans,
    order_numbers,
    phone_numbers,
    postal_codes,
    written_uniformly,
)

P, E, C = PHONE_MASK, EMAIL_MASK, CARD_MASK
KIT_DASHES = forms.DASHES


# ---------------------------------------------------------------- examples: phones


@pytest.mark.parametrize(
    "text, expected",
    [
        # (the everyday forms are in tests/topics/test_drafts.py, through drafts.redact)
        ("注文249-1234567-1234567／携帯０８０ー２３４５ー６７８９", f"注文249-1234567-1234567／携帯{P}"),
        # separators
        ("090 1111 2222", P),
        ("090   1111   2222", P),
        ("090.1111.2222", P),
        ("090/1111/2222", P),
        ("090・1111・2222", P),
        ("090･1111･2222", P),
        ("090\u30001111\u30002222", P),
        ("090 - 1111 - 2222", P),
        ("03 (1234) 5678", P),
        ("(03)1234-5678", P),
        ("（０３）１２３４－５６７８", P),
        ("090-1111-\n2222", P),
        ("090\n1111\n2222", P),
        ("090-1111-\r\n2222", P),
        ("090一1111一2222", P),
        # full-width and kanji digits
        ("０９０１１１１２２２２", P),
        ("〇九〇・一一一一・二二二二", P),
        ("〇九〇一一一一二二二二", P),
        ("〇九〇ー一一一一ー二二二二", P),
        ("〇三（一二三四）五六七八", P),
        # other Japanese numbers
        ("03-1234-5678", P),
        ("06-6123-4567", P),
        ("011-330-3000", P),
        ("0466-12-3456", P),
        ("050-1234-5678", P),
        ("0120-999-373", P),
        ("0570-000-123", P),
        ("0800-123-4567", P),
        ("090-0000-0000", P),  # not a valid number, but written as one: masked all the same
        ("0 9 0 1 1 1 1 2 2 2 2", P),
        # international
        ("+81 90-1111-2222", P),
        ("+81-90-1111-2222", P),
        ("+8190-1111-2222", P),
        ("+81 090-1111-2222", P),
        ("+81 (0)90-1111-2222", P),
        ("+81 (0)90 1111 2222", P),
        ("+81 3 1234 5678", P),
        ("(+81) 90-1111-2222", P),
        ("0081-90-1111-2222", P),
        ("0081 3 1234 5678", P),
        ("81 90-1111-2222", P),
        ("81-3-1234-5678", P),
        ("+1 415 555 0100", P),
        ("+1 (415) 555-0100", P),
        ("+14155550100", P),
        ("+44 20 7946 0958", P),
        ("+44 (0)20 7946 0958", P),
        ("010-1-415-555-0100", P),
        ("＋４４　２０　７９４６　０９５８", P),
        ("002546000000", P),  # 12 digits like a tracking number, but 00 + a valid number abroad: privacy first
        # in text
        ("TEL090-1111-2222", f"TEL{P}"),
        ("電話(090-1111-2222)まで", f"電話({P})まで"),
        ("090-1111-2222一本で", f"{P}一本で"),
        ("携帯:090-1111-2222、自宅:03-1234-5678。", f"携帯:{P}、自宅:{P}。"),
        ("2026-11-27\n090-1111-2222", f"2026-11-27\n{P}"),
        ("12 090-1111-2222", f"12 {P}"),
        ("0312345678 1234567", f"{P} 1234567"),
        ("¥100 00815010000000 ¥100", f"¥100 {P} ¥100"),  # 3 + 14 digits, not an order number: a price and a phone
        ("08 0081-3-1163-7225", f"08 {P}"),
        ("03-1000-2030 123456789012", f"{P} 123456789012"),
        ("090-1234-5678 12345678901", f"{P} 12345678901"),
        ("〒060-0001 011-222-3333", f"〒060-0001 {P}"),
        ("郵便番号 123-4567 090-1111-2222", f"郵便番号 123-4567 {P}"),
    ],
)
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


@pytest.mark.parametrize(
    "text, expected",
    [
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
    ],
)
def test_email_addresses_are_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "単価@500円",
        "2個@1.5kg",
        "@yamada さん",
        "メールは後で送ります",
        "a@b",
        "x @ y . com",
        "@",
    ],
)
def test_at_signs_that_are_not_addresses_are_kept(text):
    assert redact(text) == text


# ---------------------------------------------------------------- examples: cards


@pytest.mark.parametrize(
    "text, expected",
    [
        ("カード 4111 1111 1111 1111 で払った", f"カード {C} で払った"),
        ("４１１１－１１１１－１１１１－１１１１", C),
        ("4111111111111111", C),
        ("4111.1111.1111.1111", C),
        ("4111・1111・1111・1111", C),
        ("4111\u30001111\u30001111\u30001111", C),
        ("4111 1111\n1111 1111", C),
        ("5555 5555 5555 4444", C),
        ("3782 822463 10005", C),  # Amex 4-6-5
        ("3056 930902 5904", C),  # Diners 4-6-4
        ("3530 1113 3330 0000", C),  # JCB
        ("3782 82246310005", C),  # any grouping, standing alone
        ("41 1111 1111 1111 11", C),
        ("4222222222222", C),  # 13 digits, not a barcode
        ("四一一一 一一一一 一一一一 一一一一", C),
        ("カード4111111111111111、電話090-1111-2222", f"カード{C}、電話{P}"),
        ("1000000000 4000-0000-0000-0002 1000000000", f"1000000000 {C} 1000000000"),
        ("4111111111111111 12/28", f"{C} 12/28"),
    ],
)
def test_card_numbers_are_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails the Luhn check
        "1234 5678 9012 3456",
        "3.14159265358979",  # a decimal
    ],
)
def test_numbers_failing_the_card_rules_are_kept(text):
    assert redact(text) == text


# ---------------------------------------------------------------- examples: kept


@pytest.mark.parametrize(
    "text",
    [
        # order numbers, in every form forms.order_number accepts
        "注文番号 249-1234567-1234567 の件",
        "２４９ー１２３４５６７ー１２３４５６７",
        "249ー1234567ー1234567",
        "249 1234567 1234567",
        "249–1234567—1234567",
        "24912345671234567",
        "２４９１２３４５６７１２３４５６７",
        "249-1234567\n1234567",
        "249\u200b-1234567-1234567",
        "D01-1234567-1234567",
        "D01 1234567 1234567",
        "デジタル注文 D01-0000000-0000000",
        "090-1111111-1111111",
        "2491234567 1234567",
        "2491234567-1234567",
        "249 12345671234567",
        "0901111111-1111111",
        # ISBN, JAN/EAN
        "ISBN978-4-06-519981-7",
        "978-4-06-519981-7",
        "9784065199817",
        "4-06-519981-X",
        "0-306-40615-2",
        "ISBN 0306406152",
        "JAN 4901234567894",
        "4901234567894",
        "4 901234 567894",
        "4512345678901",
        "JANコード 4006381333931",
        "EAN: 4006381333931",
        # dates, times, prices, postal codes
        "2026-11-27",
        "2026/11/27",
        "2026.11.27",
        "2026年11月27日",
        "２０２６－１１－２７",
        "二〇二六年十一月二十七日",
        "2026-11-27 10:05",
        "10:05",
        "１０：０５",
        "¥12,800",
        "12,800円",
        "1,234,567円",
        "￥1,234,567",
        "〒100-0001",
        "100-0001",
        "〒１００－０００１",
        "〒 100 0001",
        "〒1000001",
        # quantities, case ids, tracking numbers
        "30件",
        "下4桁は1234です",
        "在庫 1200 個",
        "12345678901",
        "1234567890",
        "ケースID 12345678901 について",
        "追跡番号 123456789012",
        "1234-5678-9012",
        "TBA123456789012",
        "3 5 7 9 11 13 15",
        "100 200 300 400 500",
        "0.5 0.25 0.125",
        "192.168.100.200",
        "v1.2.3",
        # text
        "",
        "よろしくお願いします🙇",
        "第一回 二三日中に",
        "一一〇番",
        "〇〇様",
        "ＡＢＣ－１２３",
        "#9110",
    ],
)
def test_kept_exactly(text):
    assert redact(text) == text


def test_everything_together():
    text = (
        "注文249-1234567-1234567（2026/11/27 10:05、¥12,800）、電話090-1111-2222、"
        "mail a.b@example.co.jp、カード4111111111111111、〒100-0001、JAN 4901234567894"
    )
    assert redact(text) == (
        f"注文249-1234567-1234567（2026/11/27 10:05、¥12,800）、電話{P}、"
        f"mail {E}、カード{C}、〒100-0001、JAN 4901234567894"
    )


@pytest.mark.parametrize("value", [None, 123, b"090-1111-2222", ["090-1111-2222"]])
def test_non_text_is_a_value_error(value):
    with pytest.raises(ValueError, match="^文字で入力してください。$"):
        redact(value)


# ---------------------------------------------------------------- properties: masked


def _digits_of(text: str) -> str:
    """Every digit in ``text``, of any script, kanji numerals included."""
    return "".join(
        str("〇一二三四五六七八九".index(ch)) if ch in "〇一二三四五六七八九" else str(unicodedata.decimal(ch))
        for ch in text
        if ch in "〇一二三四五六七八九" or unicodedata.category(ch) == "Nd"
    )


PROPERTY = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@PROPERTY
@given(number=phone_numbers(), before=JAPANESE_TEXT, after=JAPANESE_TEXT)
def test_any_phone_number_in_text_is_masked(number, before, after):
    text = f"{before}電話は{number}です{after}"
    assert redact(text) == f"{before}電話は{P}です{after}"


@PROPERTY
@given(first=phone_numbers(), second=phone_numbers(), gap=st.sampled_from([" ", "、", "\n", "　", " / "]))
def test_two_phone_numbers_side_by_side_are_both_masked(first, second, gap):
    out = redact(f"電話{first}{gap}{second}まで")
    assert _digits_of(out) == "", out


@given(first=VALID_NUMBERS, second=VALID_NUMBERS, data=st.data())
def test_two_numbers_each_written_with_one_separator_side_by_side_are_two_masks(first, second, data):
    """Even when both numbers are written with spaces between their groups, a space between them gives two masks."""
    text = f"{written_uniformly(first, data.draw)} {written_uniformly(second, data.draw)}"
    assert redact(text) == f"{P} {P}"


@PROPERTY
@given(number=card_numbers(), before=JAPANESE_TEXT, after=JAPANESE_TEXT)
def test_any_card_number_in_text_is_masked(number, before, after):
    text = f"{before}カード番号{number}で{after}"
    assert redact(text) == f"{before}カード番号{C}で{after}"


@PROPERTY
@given(
    address=email_addresses(),
    before=JAPANESE_TEXT,
    after=JAPANESE_TEXT,
    left=st.sampled_from([" ", "：", "「", "は", "\n", "、"]),
    right=st.sampled_from([" ", "」", "。", "まで", "\n"]),
)
def test_any_email_address_in_text_is_masked(address, before, after, left, right):
    text = f"{before}{left}{address}{right}{after}"
    assert redact(text) == f"{before}{left}{E}{right}{after}"


# ---------------------------------------------------------------- properties: kept


@PROPERTY
@given(
    items=st.lists(st.tuples(KEPT, JAPANESE_TEXT.filter(lambda s: s.strip())), min_size=1, max_size=5),
    before=JAPANESE_TEXT,
)
def test_order_numbers_isbns_barcodes_dates_prices_postal_codes_are_kept(items, before):
    text = before + "".join(f"「{item}」{words}" for item, words in items)
    assert redact(text) == text


@given(body=st.tuples(st.integers(0, 999), st.integers(0, 9_999_999), st.integers(0, 9_999_999)), wide=st.booleans())
def test_order_numbers_as_printed_are_kept_whatever_their_digits(body, wide):
    """Any 3-7-7 order number with hyphens, half- or full-width, even one starting with 0 (unlike the order numbers
    generated above): 090-1111111-1111111 is an order number, not a phone number."""
    order = f"{body[0]:03d}-{body[1]:07d}-{body[2]:07d}"
    order = order.translate(FULL_WIDTH) if wide else order
    text = f"注文番号 {order} について"
    assert redact(text) == text


@PROPERTY
@given(
    item=st.one_of(order_numbers(), isbns(), jans(), dates(), postal_codes()),
    phone=phone_numbers(),
    gap=st.sampled_from([" ", "  ", "、", "\n", "　"]),
)
def test_a_kept_number_right_next_to_a_phone_number(item, phone, gap):
    assert redact(f"件{item}{gap}{phone}") == f"件{item}{gap}{P}"


@PROPERTY
@given(
    item=KEPT,
    phone=phone_numbers(uniform=True),
    card=card_numbers(uniform=True),
    gap=st.sampled_from([" ", "、", "\n", "　", "  "]),
)
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
        assert (
            digits in ("", item_digits, item_digits * 2)
            or item_digits.startswith(digits)
            or item_digits.endswith(digits)
        ), out


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


@given(text=st.one_of(st.text(), MESSY))
def test_random_text_never_raises_and_is_kept_outside_masks(text):
    out = redact(text)
    assert isinstance(out, str)
    assert _kept_outside_masks(text, out)


@given(text=st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@＠﹫")))
def test_text_without_digits_or_at_signs_is_unchanged(text):
    assert redact(text) == text


@PROPERTY
@given(
    parts=st.lists(FRAGMENTS, max_size=8),
    joiners=st.lists(st.sampled_from(["", " ", "、", "\n", "  "]), min_size=8, max_size=8),
)
def test_idempotent(parts, joiners):
    text = "".join(p + j for p, j in zip(parts, joiners))
    once = redact(text)
    assert redact(once) == once
    assert _kept_outside_masks(text, once)


@given(text=st.one_of(st.text(), MESSY))
def test_idempotent_on_random_text(text):
    once = redact(text)
    assert redact(once) == once
