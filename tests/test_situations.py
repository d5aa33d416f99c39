"""Triage over the article's three situations, as FACTS.md section 7 now says them."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpers import channels, facts, situations
from helpers.core import data, registry
from helpers.core.clock import japan_tz
from helpers.core.render import esc

SITUATIONS = data.load_situations()
WEEKDAY_NOON = datetime(2026, 11, 26, 12, 0, tzinfo=japan_tz())     # a Thursday
WEEKDAY_EVENING = datetime(2026, 11, 26, 20, 0, tzinfo=japan_tz())


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.id)
def test_triage_shows_what_to_do_article_view_correction_findings_risks_and_channel(situation):
    triage = situations.triage(clock=lambda: WEEKDAY_NOON)
    triage.controls["situation"].value = situation.id
    shown = triage.controls["view"].value
    said = registry.registry().resolve
    for item in (*situation.risks, situation.article_view, *(do for b in situation.steps for do in b.do)):
        assert esc(said(item)) in shown and "{" not in said(item)
    for branch in situation.steps:
        if branch.when:
            assert esc(said(branch.when)) in shown

    for fact_id in situation.facts:
        assert esc(facts.get(fact_id).statement) in shown
    if situation.caution:
        assert esc(situation.caution) in shown and "▲ 注意" in shown
    best = channels.rank(**situation.recommend, at=WEEKDAY_NOON)[0]["channel"]
    assert esc(data.say("channels.best", channel=best)) in shown and esc(situation.recommend_why) in shown


def test_the_safe_t_deadline_follows_the_fact():
    days = facts.get("SAFE-T").values["days"]
    shown = situations.situation_view(registry.get("WHEN-RETURNS")).text
    assert f"返金から{days}日以内に" in shown and f"返金から{days}日の期限" in shown


def test_returns_safe_t_is_filed_by_the_seller_for_seller_fulfilled_refunded_orders():
    text = situations.situation_view(facts.get("WHEN-RETURNS")).text
    safe_t = facts.get("SAFE-T")
    assert safe_t.status == "confirmed" and facts.get("WHEN-RETURNS").status == "article"
    assert "出品者出荷" in text and "自分で SAFE-T 申請" in text and "FBA" in text
    assert f"{safe_t.values['days']}日以内" in text


def test_feedback_starts_with_the_sellers_own_removal_request_and_never_restates_the_old_criterion():
    situation = facts.get("WHEN-FEEDBACK")
    first = situation.steps[0].do[0]
    assert "評価の管理" in first and "自分で" in first
    assert "“Feedback Manager”" in situations.situation_view(situation).text
    outdated = "非があると認める"
    kit_words = [do for b in situation.steps for do in b.do] + [situation.recommend_why, *situation.risks]
    assert outdated in situation.article_view and not any(outdated in w or "非を認め" in w for w in kit_words)


def test_cancellation_distinguishes_seller_fulfilled_fba_and_shipped():
    situation = facts.get("WHEN-CANCEL")
    cases = " / ".join(b.when for b in situation.steps if b.when)
    assert "出品者出荷" in cases and "FBA" in cases and "出荷された" in cases
    text = situations.situation_view(situation).text
    assert "“Manage Orders”" in text and facts.get("CANCEL-SHIPPED").statement in text


@pytest.mark.parametrize("situation", [s for s in SITUATIONS if s.recommend], ids=lambda s: s.id)
def test_the_recommended_channel_follows_the_plan_and_the_hour(situation):
    triage = situations.triage(clock=lambda: WEEKDAY_EVENING)
    triage.show(situation.id)
    triage.controls["plan"].value = "individual"
    email = channels.channel_names()["email"]
    assert esc(data.say("channels.best", channel=email)) in triage.controls["view"].value
    triage.set_plan("professional")
    best = channels.rank(**situation.recommend, at=WEEKDAY_EVENING)[0]
    assert best["key"] != "phone", "outside phone hours the kit never recommends the phone"
    assert esc(data.say("channels.best", channel=best["channel"])) in triage.controls["view"].value


@pytest.mark.parametrize("when", [datetime(2026, 11, 28, 10, 0, tzinfo=japan_tz()), datetime(2026, 1, 1, 10, 0, tzinfo=japan_tz())],
                         ids=["saturday", "new-year"])
def test_on_a_day_whose_phone_hours_are_not_known_the_phone_is_not_recommended(when):
    triage = situations.triage(clock=lambda: when)
    triage.set_plan("professional")
    triage.show("WHEN-CANCEL")
    ranked = channels.rank(**facts.get("WHEN-CANCEL").recommend, at=when)
    phone = next(row for row in ranked if row["key"] == "phone")
    assert ranked[0]["key"] != "phone" and not phone["available"] and "分かっていない" in phone["blockers"]
    assert esc(data.say("channels.best", channel=ranked[0]["channel"])) in triage.controls["view"].value


def test_urgent_cancellation_recommends_a_fast_channel():
    assert channels.rank(**facts.get("WHEN-CANCEL").recommend)[0]["key"] in ("phone", "chat")


def test_triage_static_version_shows_all_situations_and_does_not_depend_on_the_clock():
    a = situations.triage(clock=lambda: WEEKDAY_NOON)._repr_mimebundle_()
    b = situations.triage(clock=lambda: WEEKDAY_EVENING)._repr_mimebundle_()
    assert a["text/plain"] == b["text/plain"]
    for s in SITUATIONS:
        assert s.title in a["text/plain"]


def test_bad_plan_is_a_japanese_value_error():
    with pytest.raises(ValueError, match="出品プラン"):
        situations.triage().set_plan("gold")


def test_bad_recommend_weights_are_rejected(write):
    text = (data.DATA_DIR / "situations.toml").read_text(encoding="utf-8").replace(
        "recommend = { record = 2, speed = 1, nuance = 1 }", "recommend = { record = 5, speed = 1, nuance = 1 }", 1)
    with pytest.raises(ValueError, match="「recommend」"):
        data.load_situations.__wrapped__(write("situations.toml", text))
