"""The form helpers: every rule by example, and properties over messy Japanese-keyboard input."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import forms
from helpers.core import data
from support.strategies import VALID_NUMBERS, messy

JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龠]")


def refused(function, text) -> str:
    with pytest.raises(ValueError) as info:
        function(text)
    message = str(info.value)
    assert JAPANESE.search(message), "messages are in Japanese"
    return message


# ---------------------------------------------------------------- callback_number


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("090-1111-2222", "90-1111-2222"),  # the article's example
        ("03-1234-5678", "3-1234-5678"),  # Tokyo: one-digit area code
        ("06-6123-4567", "6-6123-4567"),
        ("011-222-3333", "11-222-3333"),  # Sapporo: two-digit area code
        ("0466-12-3456", "466-12-3456"),  # three-digit area code
        ("050-1234-5678", "50-1234-5678"),  # IP phone
        ("070-1234-5678", "70-1234-5678"),
        ("080-2345-6789", "80-2345-6789"),
        ("09011112222", "90-1111-2222"),  # bare digits get their real grouping
        ("０９０－１１１１－２２２２", "90-1111-2222"),  # full-width digits and hyphen
        ("０９０ー１１１１ー２２２２", "90-1111-2222"),  # katakana long-vowel mark, as IMEs type it
        ("090‐1111–2222", "90-1111-2222"),  # hyphen and en dash
        ("090—1111―2222", "90-1111-2222"),  # em dash and horizontal bar
        ("090−1111ｰ2222", "90-1111-2222"),  # minus sign and half-width prolonged mark
        (" 090 1111 2222 ", "90-1111-2222"),
        ("090　1111　2222", "90-1111-2222"),  # ideographic spaces
        ("090-1111-2222\n", "90-1111-2222"),
        ("03(1234)5678", "3-1234-5678"),
        ("（03）1234-5678", "3-1234-5678"),
        ("+81 90-1111-2222", "90-1111-2222"),
        ("+81-90-1111-2222", "90-1111-2222"),
        ("+8190-1111-2222", "90-1111-2222"),
        ("+81 090-1111-2222", "90-1111-2222"),  # the stray 0 after +81
        ("+81 (0)90 1111 2222", "90-1111-2222"),
        ("＋８１　９０ー１１１１ー２２２２", "90-1111-2222"),
    ],
)
def test_callback_number(typed, expected):
    assert forms.callback_number(typed) == expected


@pytest.mark.parametrize(
    "typed, says",
    [
        ("", "入力されていません"),
        ("   ", "入力されていません"),
        ("090-abcd-2222", "数字"),
        ("TEL 090-1111-2222", "数字"),
        ("090-1111-222", "形"),  # one digit short
        ("0901111222233", "桁数"),
        ("090-1111", "桁数"),
        ("9011112222", "0から始まります"),  # already without its 0, but no +81
        ("+1 650 253 0000", "日本（+81）以外"),
        ("+44 20 7946 0000", "日本（+81）以外"),
        ("0120-111-222", "フリーダイヤル"),
        ("0800-123-4567", "フリーダイヤル"),
        ("0570-000-123", "ナビダイヤル"),
        ("020-1234-5678", "この種類の番号"),
        ("0990-123-456", "この種類の番号"),
    ],
)
def test_callback_number_refusals_say_what_to_type(typed, says):
    assert says in refused(forms.callback_number, typed)


@pytest.mark.parametrize("typed", ["070-1234-5678", "0120-111-222", "abc"])
def test_messages_never_repeat_the_number(typed):
    try:
        forms.callback_number(typed)
    except ValueError as exc:
        assert typed not in str(exc)


def article_forms():
    """Every way a learner might type one of the article's numbers: as printed, +81, after +81, full width."""
    for record in data.load_phone_numbers():
        national = record.number
        yield record, national
        yield record, "+81-" + national[1:]
        yield record, national[1:]
        yield record, national.translate(str.maketrans("0123456789-", "０１２３４５６７８９ー"))


@pytest.mark.parametrize("record, typed", list(article_forms()), ids=lambda v: getattr(v, "id", v))
def test_the_articles_numbers_are_refused_as_not_the_learners_own(record, typed):
    message = refused(forms.callback_number, typed)
    assert "記事" in message and "あなたの電話番号ではありません" in message and record.number not in message
    assert "あなた自身の" in message, "it says what to type instead"


def test_the_articles_international_form_is_the_same_number():
    tel011 = next(n for n in data.load_phone_numbers() if n.id == "TEL-011")
    assert tel011.international.replace("-", "") == "+81" + tel011.number.replace("-", "")[1:]


@pytest.mark.parametrize("number", data.load_vocabulary().practice_numbers, ids=lambda n: n.domestic)
def test_practice_numbers_are_valid_invented_mobile_numbers(number):
    assert forms.callback_number(number.domestic) == number.after_81
    assert forms.article_number(number.domestic.replace("-", "")) is None


@pytest.mark.parametrize(
    "typed, changes",
    [
        ("090-1111-2222", ()),
        ("０９０－１１１１－２２２２", ("full_width",)),
        ("090ー1111ー2222", ("long_vowel",)),
        ("090–1111—2222", ("dash",)),
        ("090 1111\n2222", ("space",)),
        ("０９０ー１１１１ー２２２２", ("full_width", "long_vowel")),
    ],
)
def test_tidied_names_what_the_checker_changed(typed, changes):
    assert forms.tidied(typed) == changes


# ---------------------------------------------------------------- order_number


@pytest.mark.parametrize(
    "typed",
    [
        "249-1234567-1234567",
        "24912345671234567",
        "２４９－１２３４５６７－１２３４５６７",
        "２４９ー１２３４５６７ー１２３４５６７",
        "249 1234567 1234567",
        " 249‐1234567―1234567\n",
        "249−1234567−1234567",
    ],
)
def test_order_number(typed):
    assert forms.order_number(typed) == "249-1234567-1234567"


@pytest.mark.parametrize(
    "typed",
    [
        "D01-1234567-1234567",
        "d01-1234567-1234567",
        "Ｄ０１－１２３４５６７－１２３４５６７",
        "D011234567-1234567",
        "D0112345671234567",
    ],
)
def test_a_digital_orders_number_keeps_its_d(typed):
    assert forms.order_number(typed) == "D01-1234567-1234567"


def test_the_order_numbers_form_comes_from_the_fact(monkeypatch):
    import dataclasses
    import types

    from helpers.core import registry

    real = registry.get
    changed = dataclasses.replace(real("ORDER-ID"), values=types.MappingProxyType({"example": "12-345"}))
    monkeypatch.setattr(registry, "get", lambda record_id: changed if record_id == "ORDER-ID" else real(record_id))
    assert forms.order_number("12345") == "12-345"
    assert "5桁" in refused(forms.order_number, "1234") and "2桁-3桁" in refused(forms.order_number, "1234")


@pytest.mark.parametrize("ch", ["\u034f", "\u3164", "\ufe0f", "\u180b", "\U000e0100"])
def test_invisible_characters_beyond_format_characters_are_dropped(ch):
    assert forms.order_number(f"249-1234567{ch}-1234567") == "249-1234567-1234567"
    assert "invisible" in forms.tidied(f"090{ch}1111")


@pytest.mark.parametrize(
    "typed, says",
    [
        ("", "入力されていません"),
        ("249-1234567-123456", "16桁"),
        ("249-1234567-12345678", "18桁"),
        ("2491234567123456", "16桁"),
        ("249-ABCDEFG-1234567", "数字だけ"),
        ("TBA123456789012", "追跡番号"),  # an Amazon Logistics tracking ID
        ("1234-5678-9012", "追跡番号"),  # a 12-digit carrier tracking number
        ("D01-1234567-123456", "17桁"),
        ("DX1-1234567-1234567", "数字だけ"),
    ],
)
def test_order_number_refusals(typed, says):
    assert says in refused(forms.order_number, typed)


# ---------------------------------------------------------------- card_last4

CARD = "4111 1111 1111 1111"


@pytest.mark.parametrize("typed", ["1234", "１２３４", " 1234 ", "12-34"])
def test_card_last4(typed):
    assert forms.card_last4(typed) == "1234"


@pytest.mark.parametrize(
    "typed, says",
    [
        (CARD, "下4桁だけ"),
        ("12345", "下4桁だけ"),
        ("123", "4桁の数字"),
        ("", "4桁の数字"),
        ("12a4", "数字だけ"),
    ],
)
def test_card_last4_refusals(typed, says):
    assert says in refused(forms.card_last4, typed)


def test_refused_card_number_is_not_echoed_nor_kept_in_the_error():
    with pytest.raises(ValueError) as info:
        forms.card_last4(CARD)
    error = info.value
    assert "1111" not in str(error) and "4111" not in repr(error.args)
    assert error.__context__ is None and error.__cause__ is None
    assert error.__suppress_context__


# ---------------------------------------------------------------- properties


@given(number=VALID_NUMBERS, data=st.data())
def test_any_valid_number_survives_messy_typing(number, data):
    expected = forms.callback_number(number)
    assert expected == number[1:]
    assert forms.callback_number(messy(number, data.draw)) == expected
    assert forms.callback_number("+81 " + messy(number[1:], data.draw)) == expected


@given(body=st.tuples(st.integers(0, 999), st.integers(0, 9_999_999), st.integers(0, 9_999_999)), data=st.data())
def test_any_order_number_survives_messy_typing(body, data):
    canonical = f"{body[0]:03d}-{body[1]:07d}-{body[2]:07d}"
    assert forms.order_number(messy(canonical, data.draw)) == canonical


@given(text=st.text())
@pytest.mark.parametrize("function", [forms.callback_number, forms.order_number, forms.card_last4])
def test_no_input_raises_anything_but_value_error(function, text):
    try:
        result = function(text)
    except ValueError as exc:
        assert JAPANESE.search(str(exc))
    else:
        assert re.fullmatch(r"[0-9-]+", result, re.ASCII)


@given(text=st.text(alphabet=st.sampled_from("0123456789０１２３４５６７８９+＋()（）" + forms.DASHES + " \u3000")))
@pytest.mark.parametrize("function", [forms.callback_number, forms.order_number, forms.card_last4])
def test_digit_like_input_raises_only_value_error(function, text):
    with contextlib.suppress(ValueError):
        function(text)


@pytest.mark.parametrize("function", [forms.callback_number, forms.order_number, forms.card_last4])
@pytest.mark.parametrize("value", [None, 1234, b"1234"])
def test_non_text_is_a_value_error(function, value):
    with pytest.raises(ValueError):
        function(value)


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202c\u2066\u2069"


@given(cuts=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(INVISIBLE)), max_size=6))
def test_invisible_characters_anywhere_change_nothing_but_are_named(cuts):
    def sprinkle(text):
        for position, ch in sorted(cuts, reverse=True):
            text = text[:position] + ch + text[position:]
        return text

    for function, text in (
        (forms.callback_number, "０９０ー１１１１ー２２２２"),
        (forms.order_number, "249-1234567-1234567"),
        (forms.card_last4, "1234"),
    ):
        typed = sprinkle(text)
        assert function(typed) == function(text)
        assert ("invisible" in forms.tidied(typed)) == (typed != text)
