"""The channel comparison, the constraints and the recommender."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpers import channels
from helpers.core import data
from helpers.core.clock import japan_tz

FRAME = channels.comparison_frame()
NOON = datetime(2026, 11, 27, 12, 0, tzinfo=japan_tz())
EVENING = datetime(2026, 11, 27, 20, 0, tzinfo=japan_tz())


def test_comparison_frame_matches_the_data():
    rows = data.load_channels()
    assert list(FRAME.index) == [r.feature for r in rows]
    for r in rows:
        assert FRAME.loc[r.feature, ["chat", "email", "phone"]].tolist() == [r.chat, r.email, r.phone]
        assert FRAME.at[r.feature, "desirable"] == (r.desirable == "yes")


def test_comparison_table_has_japanese_headers_marks_and_colours():
    table = channels.comparison_table()
    for header in ("チャット", "メール", "電話", "やり取りが記録に残る（Record of the exchange remains）"):
        assert header in table.text
    assert "リアルタイム（よい点）" in table.text and "なし（気をつけたい点）" in table.text
    assert "あり（気をつけたい点）" in table.text and "あり（よい点）" in table.text


def test_no_symbol_means_the_opposite_of_what_a_japanese_reader_expects():
    """○ is good to a Japanese reader: the comparison writes あり / なし and the verdict, never ○ for a drawback."""
    table = channels.comparison_table()
    assert not any(mark in table.text for mark in "○◎△×")
    assert "background-color:#dafbe1" in table.html.replace(" ", "") and "#ffebe9" in table.html
    assert 'id="T_channels"' in table.html, "a fixed table id keeps stored outputs stable"


def test_undesirable_features_are_red_where_present():
    html = channels.comparison_table().html
    # "may get buried" is present for e-mail (row 4, column 1): bad for the seller
    block = html[html.index("#T_channels_row0_col2") : html.index("}", html.index("#T_channels_row0_col2"))]
    assert "#T_channels_row4_col1" in block and "#ffebe9" in block


def test_constraints_come_from_data():
    text = channels.constraints_table().text
    assert "9:00〜18:00" in text and "HOURS-PHONE" in text and "SC-SMALL" in text and "SC-TOPIC" in text


def ranking(**settings):
    return channels.recommend(FRAME, **settings)


@pytest.mark.zone
@pytest.mark.parametrize(
    "settings, order",
    [
        ({}, ["chat", "phone", "email"]),
        ({"record": 0, "speed": 2, "nuance": 2}, ["phone", "chat", "email"]),
        ({"record": 2, "speed": 0, "nuance": 0}, ["chat", "email", "phone"]),
        ({"record": 0, "speed": 0, "nuance": 0}, ["chat", "email", "phone"]),
        ({"record": 2, "speed": 1, "nuance": 0, "cannot_phone_at_work": True}, ["chat", "email", "phone"]),
        ({"record": 0, "speed": 2, "nuance": 2, "at": EVENING}, ["chat", "email", "phone"]),
        ({"record": 0, "speed": 2, "nuance": 2, "at": NOON}, ["phone", "chat", "email"]),
        ({"plan": "individual", "speed": 2}, ["email", "phone", "chat"]),  # phone and chat tie at 2.5
        ({"topic_offers_phone_chat": False, "nuance": 2}, ["email", "phone", "chat"]),
    ],
)
def test_ranking_for_situations(settings, order):
    assert list(ranking(**settings).index) == order


@pytest.mark.zone
def test_unavailable_channels_stay_with_their_reason():
    ranked = ranking(plan="individual")
    assert len(ranked) == 3
    assert not ranked.loc["phone", "available"] and "SC-SMALL" in ranked.loc["phone", "blockers"]
    assert ranked.loc["email", "available"] and ranked.loc["email", "blockers"] == "—"
    evening = ranking(at=EVENING)
    assert "HOURS-PHONE" in evening.loc["phone", "blockers"]


@pytest.mark.zone
def test_same_inputs_same_ranking():
    first = ranking(record=2, speed=1, nuance=0, at=NOON)
    assert first.equals(ranking(record=2, speed=1, nuance=0, at=NOON))


def test_scores_follow_the_documented_weights():
    ranked = ranking(record=2, speed=1, nuance=0)
    # chat: record yes (2×1) + speed fairly_fast (1×0.5) + casual yes (0.5×1) = 3.0
    assert ranked.loc["chat", "score"] == 3.0
    # email: record (2) + speed slowest (0) + casual (0.5) − buried (0.5) = 2.0
    assert ranked.loc["email", "score"] == 2.0
    # phone: speed real_time (1) − passed around (0.5) = 0.5
    assert ranked.loc["phone", "score"] == 0.5
    assert "やり取りが記録に残る: あり（+2）" in ranked.loc["chat", "reasons"]


def test_ties_follow_the_stated_rule():
    tied = FRAME.copy()
    tied[["chat", "email", "phone"]] = "no"
    tied.loc["speed", ["chat", "email", "phone"]] = "slowest"
    assert list(channels.recommend(tied).index) == ["phone", "chat", "email"]


def test_the_tie_order_follows_the_authors_recommendation_in_data(monkeypatch):
    import dataclasses
    import types

    from helpers.core import registry

    assert registry.get("PREP-RECO").values["recommends"] in data.load_vocabulary().channels
    real = registry.get
    changed = dataclasses.replace(real("PREP-RECO"), values=types.MappingProxyType({"recommends": "email"}))
    monkeypatch.setattr(registry, "get", lambda record_id: changed if record_id == "PREP-RECO" else real(record_id))
    assert channels.tie_order() == ("email", "chat", "phone")


@pytest.mark.zone
def test_ranking_is_pure():
    before = FRAME.copy()
    ranking(record=2, at=NOON)
    assert FRAME.equals(before)


@pytest.mark.parametrize("bad", [{"record": 3}, {"speed": -1}, {"nuance": "とても"}, {"plan": "gold"}])
def test_bad_settings_are_japanese_value_errors(bad):
    with pytest.raises(ValueError, match="[ぁ-ん]"):
        ranking(**bad)


@pytest.mark.zone
def test_naive_time_is_refused():
    with pytest.raises(ValueError, match="タイムゾーン"):
        ranking(at=datetime(2026, 11, 27, 12, 0))


def test_weights_table_documents_every_feature():
    text = channels.weights_table().text
    for label in FRAME["label_ja"]:
        assert label in text


def keys(ranking) -> list[str]:
    return [row["key"] for row in ranking]


@pytest.mark.zone
def test_recommender_widget_updates_on_every_control():
    r = channels.recommender(clock=lambda: EVENING)
    assert keys(r.ranking) == ["chat", "email", "phone"]  # the phone desk is closed at 20:00
    r.controls["use_clock"].value = False
    assert keys(r.ranking) == ["chat", "phone", "email"]
    r.controls["plan"].value = "individual"
    email = channels.channel_names()["email"]
    assert r.ranking[0]["channel"] == email and f"おすすめ: {email}" in r.controls["result"].value
    r.controls["plan"].value = "professional"
    r.controls["speed"].value = 2
    r.controls["nuance"].value = 2
    r.controls["record"].value = 0
    assert keys(r.ranking)[0] == "phone"
    r.controls["cannot_phone_at_work"].value = True
    assert keys(r.ranking)[-1] == "phone" and "仕事中" in r.controls["result"].value
    assert r.settings["cannot_phone_at_work"] is True, "the model holds the state"


def test_the_ranking_needs_no_pandas():
    import subprocess
    import sys

    code = (
        "import sys; from helpers import channels, situations; channels.rank(record=2);"
        "situations.triage().static(); print('pandas' in sys.modules)"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


def test_rank_and_recommend_agree():
    assert keys(channels.rank(record=2, speed=0, nuance=1)) == list(
        channels.recommend(FRAME, record=2, speed=0, nuance=1).index
    )


@pytest.mark.zone
def test_recommender_static_fallback_is_deterministic():
    a = channels.recommender(clock=lambda: NOON)._repr_mimebundle_()
    b = channels.recommender(clock=lambda: EVENING)._repr_mimebundle_()
    assert a["text/plain"] == b["text/plain"] and a["text/html"] == b["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in a


def test_recommender_controls_are_described():
    r = channels.recommender(clock=lambda: NOON)
    assert all(control.description for name, control in r.controls.items() if name != "result")
