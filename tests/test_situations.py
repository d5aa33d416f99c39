"""Triage over the article's three situations, and the pre-call checklist."""

from __future__ import annotations

import pytest

from helpers import channels, data, facts, preparation, situations

SITUATIONS = data.load_situations()


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.id)
def test_triage_shows_what_to_do_article_view_correction_risks_and_channel(situation):
    triage = situations.triage()
    triage.controls["situation"].value = situation.id
    shown = triage.view.value
    for item in (*situation.what_to_do, *situation.risks, situation.article_view, *situation.beyond):
        assert facts.esc(item) in shown
    if situation.caution:
        assert facts.esc(situation.caution) in shown and "▲ 注意" in shown
    best = channels.recommend(channels.comparison_frame(), **situation.recommend).iloc[0]["方法"]
    assert f"おすすめの方法: {best}" in shown and facts.esc(situation.recommend_why) in shown


def test_official_corrections_are_shown():
    text = situations.situation_view(facts.get("WHEN-CANCEL")).text
    assert "注文管理" in text and "記事の内容: " in text
    text = situations.situation_view(facts.get("WHEN-FEEDBACK")).text
    assert "60日" in text
    text = situations.situation_view(facts.get("WHEN-RETURNS")).text
    assert "SAFE-T" in text and "30日" in text


def test_urgent_cancellation_recommends_a_fast_channel():
    ranked = channels.recommend(channels.comparison_frame(), **facts.get("WHEN-CANCEL").recommend)
    assert ranked.iloc[0]["方法"] in ("電話", "チャット")


def test_triage_static_version_shows_all_situations():
    bundle = situations.triage()._repr_mimebundle_()
    for s in SITUATIONS:
        assert s.title in bundle["text/plain"]


def test_bad_recommend_weights_are_rejected(write):
    text = (data.DATA_DIR / "situations.toml").read_text(encoding="utf-8").replace(
        "recommend = { record = 2, speed = 1, nuance = 1 }", "recommend = { record = 5, speed = 1, nuance = 1 }", 1)
    with pytest.raises(ValueError, match="「recommend」"):
        data.load_situations.__wrapped__(write("situations.toml", text))


# ---------------------------------------------------------------- checklist

CARD = "4111 1111 1111 1111"


def test_checklist_becomes_ready_when_everything_is_there():
    c = preparation.checklist()
    assert not c.ready and "【未】 ショップ名" in c.view.value
    c.controls["shop"].value = "さくら雑貨店"
    c.controls["last4"].value = "１２３４"
    c.controls["what"].value = "11月27日、返品が20件届いた"
    assert c.ready and c.controls["last4"].value == "1234"
    assert "準備ができました" in c.view.value and facts.esc(facts.get("TEL-SCAM").statement) in c.view.value


def test_card_field_never_keeps_or_shows_more_than_four_digits():
    c = preparation.checklist()
    c.controls["last4"].value = CARD
    assert c.controls["last4"].value == "" and c.last4 == ""
    assert "下4桁だけ" in c.view.value and "1111" not in c.view.value
    assert not any("1111" in str(v) for v in vars(c).values() if isinstance(v, str))
    c.controls["last4"].value = "9876"
    assert c.last4 == "9876" and "下4桁だけ" not in c.view.value


def test_order_number_is_tidied_or_explained_and_optional():
    c = preparation.checklist()
    c.controls["order"].value = "TBA12345"
    assert "注文番号は数字だけ" in c.view.value and c.controls["order"].value == "TBA12345"
    c.controls["order"].value = "２４９ー１２３４５６７ー１２３４５６７"
    assert "注文番号（249-1234567-1234567）" in c.view.value
    c.controls["order"].value = ""
    assert "【済】 注文番号（あれば）" in c.view.value


def test_checklist_stored_version_has_no_input():
    bundle = preparation.checklist()._repr_mimebundle_()
    assert "チェックリスト" in bundle["text/plain"] and "application/vnd.jupyter.widget-view+json" in bundle
