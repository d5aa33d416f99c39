"""Triage over the article's three situations."""

from __future__ import annotations

import pytest

from helpers import channels, facts, situations
from helpers.core import data
from helpers.core.render import esc

SITUATIONS = data.load_situations()


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.id)
def test_triage_shows_what_to_do_article_view_correction_risks_and_channel(situation):
    triage = situations.triage()
    triage.controls["situation"].value = situation.id
    shown = triage.controls["view"].value
    for item in (*situation.what_to_do, *situation.risks, situation.article_view, *situation.beyond):
        assert esc(item) in shown
    if situation.caution:
        assert esc(situation.caution) in shown and "▲ 注意" in shown
    best = channels.recommend(channels.comparison_frame(), **situation.recommend).iloc[0]["channel"]
    assert esc(data.say("channels.best", channel=best)) in shown and esc(situation.recommend_why) in shown


def test_official_corrections_are_shown():
    text = situations.situation_view(facts.get("WHEN-CANCEL")).text
    assert "注文管理" in text and "記事の内容: " in text
    text = situations.situation_view(facts.get("WHEN-FEEDBACK")).text
    assert "60日" in text
    text = situations.situation_view(facts.get("WHEN-RETURNS")).text
    assert "SAFE-T" in text and "30日" in text


def test_urgent_cancellation_recommends_a_fast_channel():
    ranked = channels.recommend(channels.comparison_frame(), **facts.get("WHEN-CANCEL").recommend)
    assert ranked.index[0] in ("phone", "chat")


def test_triage_static_version_shows_all_situations():
    bundle = situations.triage()._repr_mimebundle_()
    for s in SITUATIONS:
        assert s.title in bundle["text/plain"]


def test_bad_recommend_weights_are_rejected(write):
    text = (data.DATA_DIR / "situations.toml").read_text(encoding="utf-8").replace(
        "recommend = { record = 2, speed = 1, nuance = 1 }", "recommend = { record = 5, speed = 1, nuance = 1 }", 1)
    with pytest.raises(ValueError, match="「recommend」"):
        data.load_situations.__wrapped__(write("situations.toml", text))
