"""Case drafts: built from what the learner typed, redacted, with what is missing said; the everyday examples of the
redaction through ``drafts.redact`` (its properties are in tests/topics/test_redaction.py)."""

from __future__ import annotations

import pytest

from helpers import drafts, redaction

P, E, C = drafts.PHONE_MASK, drafts.EMAIL_MASK, drafts.CARD_MASK


@pytest.mark.parametrize(
    "text, expected",
    [
        ("電話は090-1111-2222です", f"電話は{P}です"),
        ("電話は０９０ー１１１１ー２２２２です", f"電話は{P}です"),
        ("電話 09011112222 か 03(1234)5678", f"電話 {P} か {P}"),
        ("090-1111-2222 03-1234-5678", f"{P} {P}"),
        ("+81 90 1111 2222 へ", f"{P} へ"),
        ("＋８１－３－１２３４－５６７８", P),
        ("+1 650 253 0000 (US)", f"{P} (US)"),
        ("連絡先 taro@example.com まで", f"連絡先 {E} まで"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", E),
        ("カード 4111 1111 1111 1111 で払った", f"カード {C} で払った"),
        ("４１１１－１１１１－１１１１－１１１１", C),
        ("注文番号 249-1234567-1234567 の件", "注文番号 249-1234567-1234567 の件"),
        ("２４９ー１２３４５６７ー１２３４５６７", "２４９ー１２３４５６７ー１２３４５６７"),
        (
            "2026-11-27 10:05 に届いた。価格は 12,800円、〒123-4567",
            "2026-11-27 10:05 に届いた。価格は 12,800円、〒123-4567",
        ),
        ("下4桁は1234です", "下4桁は1234です"),
        ("", ""),
    ],
)
def test_redact(text, expected):
    assert drafts.redact(text) == expected


def test_redact_everything_together():
    text = "注文249-1234567-1234567、電話090-1111-2222、mail a.b@example.co.jp、カード4111111111111111"
    assert drafts.redact(text) == f"注文249-1234567-1234567、電話{P}、mail {E}、カード{C}"


def test_drafts_redact_is_the_redaction():
    """A draft is masked by helpers.redaction itself: its properties (tests/topics/test_redaction.py) hold here."""
    assert drafts.redact is redaction.redact
    assert (P, E, C) == (redaction.PHONE_MASK, redaction.EMAIL_MASK, redaction.CARD_MASK)


def test_case_draft_has_subject_what_happened_order_and_request():
    draft = drafts.case_draft(
        "WHEN-CANCEL",
        "11月27日に違う商品が出荷された。連絡先 090-1111-2222",
        "２４９ー１２３４５６７ー１２３４５６７",
        "出荷前なら止めてほしい",
    )
    text = draft.text
    assert text.splitlines()[0] == "件名: 注文のキャンセルについて（至急）（注文番号 249-1234567-1234567）"
    for heading in ("■ 起きたこと", "■ 注文番号", "■ お願いしたいこと"):
        assert heading in text
    assert "090-1111-2222" not in text and P in text
    assert "<pre" in draft.html


def test_case_draft_without_order_number():
    text = drafts.case_draft("WHEN-FEEDBACK", "悪い評価が付いた", "", "削除の基準に当てはまるか確認してほしい").text
    assert "（注文番号なし）" in text


@pytest.mark.parametrize(
    "what, order, ask, says",
    [
        ("", "", "x", "起きたこと"),
        ("x", "", "", "お願いしたいこと"),
        ("x", "TBA123", "y", "注文番号"),
    ],
)
def test_case_draft_says_what_is_missing(what, order, ask, says):
    with pytest.raises(ValueError, match=says):
        drafts.case_draft("WHEN-RETURNS", what, order, ask)


def test_case_draft_unknown_situation():
    with pytest.raises(ValueError, match="場面"):
        drafts.case_draft("SC-SMALL", "x", "", "y")


def test_draft_widget_builds_a_redacted_draft_and_keeps_the_inputs():
    builder = drafts.draft_builder()
    c = builder.controls
    c["what"].value = "返品が30件。私の携帯は ０８０－２３４５－６７８９"
    c["request"].value = "補填を相談したい"
    c["build"].click()
    assert "８０－２３４５" not in builder.controls["draft"].value and P in builder.controls["draft"].value
    assert c["what"].value.endswith("６７８９"), "what the learner typed stays in the box"
    c["order"].value = "12345"
    c["build"].click()
    assert 'role="alert"' in c["message"].value, "the message by the button says something needs fixing"
    assert "注文番号" in c["order_note"].value and c["what_note"].value == "", "and the problem shows under its field"


def test_the_redaction_example_shows_before_and_after_from_data():
    shown = drafts.redaction_example().text
    phone = drafts.registry.get("E164").values["example_domestic"]
    before, after = shown.splitlines()
    assert phone in before and phone not in after and drafts.registry.get("ORDER-ID").values["example"] in after


def test_subject_comes_from_data():
    assert drafts.case_draft("WHEN-RETURNS", "x", "", "y").text.splitlines()[0] == "件名: 理不尽な返品について"
