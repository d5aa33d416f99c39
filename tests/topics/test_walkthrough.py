"""Walkthroughs: every procedure of the data, clicked headless to its end and back."""

from __future__ import annotations

import pytest

from helpers import facts
from helpers.core import data
from helpers.core.render import esc
from helpers.walkthrough import Walkthrough, procedure_view, walkthrough
from support import ROOT, read_notebook

PROCEDURES = [p.id for p in data.load_procedures()]


def shown(w: Walkthrough) -> str:
    return w.controls["step"].value


def test_every_procedure_is_walked_through_in_the_notebook_the_manifest_names():
    reachable = set()
    for lesson in data.load_lessons():
        notebook = read_notebook(ROOT / "notebooks" / lesson.file)
        shown = "\n".join(
            "".join(o.get("data", {}).get("text/plain", "")) for c in notebook["cells"] for o in c.get("outputs", [])
        )
        for procedure_id in lesson.walkthroughs:
            assert procedure_view(facts.get(procedure_id)).text in shown, (lesson.id, procedure_id)
        reachable |= set(lesson.walkthroughs)
    assert reachable == set(PROCEDURES), f"procedures without a walkthrough: {set(PROCEDURES) - reachable}"


@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_model_holds_the_steps_from_data(procedure_id):
    w = walkthrough(procedure_id)
    assert w.steps == facts.get(procedure_id).steps and w.step == 0


@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_click_to_the_end_and_back(procedure_id):
    w = walkthrough(procedure_id)
    n = len(w.steps)
    assert (w.controls["back"].disabled and not w.controls["next"].disabled) or n == 1
    for expected in range(1, n):
        w.controls["next"].click()
        assert w.step == expected
        assert f"ステップ {expected + 1} / {n}" in w.controls["label"].value
        assert f'<progress max="{n}" value="{expected + 1}"' in w.controls["label"].value
        assert w.steps[expected].title in shown(w)
    assert w.at_end and w.controls["next"].disabled and not w.controls["back"].disabled
    w.next()
    assert w.step == n - 1, "next() is a no-op at the last step"
    for expected in reversed(range(n - 1)):
        w.controls["back"].click()
        assert w.step == expected
    w.back()
    assert w.step == 0 and w.controls["back"].disabled


def test_step_shows_exact_label_highlighted_with_english_label():
    w = walkthrough("PROC-SELLER-CENTRAL")
    assert "<mark" in shown(w) and "「サポートを受ける」" in shown(w) and "“Get Support”" in shown(w)
    w.next()
    assert "「問い合わせ」" in shown(w) and "英語の画面" not in shown(w), "no English label is invented"


@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_every_caution_of_a_step_fact_is_visible_at_that_step(procedure_id):
    w = walkthrough(procedure_id)
    for index, step in enumerate(w.steps):
        for fact_id in step.facts:
            record = facts.get(fact_id)
            if record.caution:
                assert esc(record.caution) in shown(w), (procedure_id, index, fact_id)
        w.next()


def test_procedure_caution_is_shown_in_the_header():
    w = walkthrough("PROC-BUYER")
    assert esc(facts.get("PROC-BUYER").caution) in w.controls["header"].value
    assert esc(facts.get("BUYER-SCOPE").title) in w.controls["header"].value


def test_step_notes_are_shown():
    w = walkthrough("PROC-SELLER-CENTRAL")
    assert esc(w.steps[0].notes[0]) in shown(w)


# ---------------------------------------------------------------- branches


def at_choice(procedure_id: str) -> Walkthrough:
    w = walkthrough(procedure_id)
    while w.current.kind != "choose_method":
        w.next()
    return w


@pytest.mark.parametrize(
    "plan, topic_offers, offered",
    [
        ("professional", True, ("email", "phone", "chat")),
        ("individual", True, ("email",)),  # SC-SMALL
        ("professional", False, ("email",)),  # SC-TOPIC
        ("individual", False, ("email",)),
    ],
)
def test_plan_and_topic_decide_the_offered_methods(plan, topic_offers, offered):
    w = at_choice("PROC-SELLER-CENTRAL")
    w.controls["plan"].value = plan
    w.controls["topic"].value = not topic_offers
    assert w.offered() == offered
    for method in ("email", "phone", "chat"):
        label = {"email": "Eメール", "phone": "電話", "chat": "チャット"}[method]
        mark = "○" if method in offered else "×"
        assert f"{mark}</span> {label}" in w.controls["methods"].value


def test_individual_plan_names_the_reason_from_data():
    w = at_choice("PROC-SELLER-CENTRAL")
    w.set_situation(plan="individual")
    assert w.controls["plan"].value == "individual"
    assert facts.get("SC-SMALL").title in w.controls["methods"].value


def test_rules_follow_the_data():
    for procedure in data.load_procedures():
        for rule in procedure.rules:
            w = at_choice(procedure.id)
            if rule.when == "individual_plan":
                w.set_situation(plan="individual")
            else:
                w.set_situation(topic_offers_phone_chat=False)
            assert set(w.offered()) == set(rule.offer)


def test_branch_controls_only_where_the_procedure_branches():
    central = walkthrough("PROC-SELLER-CENTRAL")
    assert central.controls["plan"] in central.parts["choose_method"].widget.children
    buyer = at_choice("PROC-BUYER")
    assert "plan" not in buyer.controls and "topic" not in buyer.controls
    assert "購入者として: 電話" in buyer.controls["methods"].value


def test_bad_plan_is_a_japanese_value_error():
    with pytest.raises(ValueError, match="出品プラン"):
        walkthrough("PROC-SELLER-CENTRAL").set_situation(plan="gold")


def test_app_route_says_its_methods_are_not_known():
    w = at_choice("PROC-SELLER-APP")
    assert "記事に書かれていません" in shown(w) and w.offered() == ()


# ---------------------------------------------------------------- the phone and e-mail steps


def test_phone_step_turns_a_typed_number_into_what_follows_plus81():
    w = walkthrough("PROC-BUYER-PHONE")
    assert w.current.kind == "phone_input" and not w.controls["phone"].continuous_update
    w.controls["phone"].value = "０９０ー１１１１ー２２２２"
    assert "<strong>90-1111-2222</strong>" in w.controls["phone_result"].value
    w.controls["phone"].value = "0120-111-222"
    assert 'role="alert"' in w.controls["phone_result"].value and "フリーダイヤル" in w.controls["phone_result"].value
    assert w.controls["phone"].value == "0120-111-222", "what the learner typed stays in the box"
    w.controls["phone"].value = "011-330-3000"
    assert "記事に Amazon の番号として載っていた" in w.controls["phone_result"].value


def test_the_phone_step_says_what_it_tidied_and_what_amazons_form_may_refuse():
    w = walkthrough("PROC-BUYER-PHONE")
    assert "全角" not in w.check_phone("090-1111-2222").text
    shown = w.check_phone("０９０ー１１１１ー２２２２").text
    assert "全角の数字を半角に直しました" in shown and "「ー」（長音記号）をハイフンに直しました" in shown
    assert "受け付けられないことがあります" in shown


def test_email_step_validates_and_gives_the_buyer_desks_rough_estimate_not_a_deadline():
    w = walkthrough("PROC-BUYER-EMAIL")
    c = w.controls
    c["order"].value, c["product"].value, c["details"].value = (
        "２４９ー１２３４５６７ー１２３４５６７",
        "水筒",
        "届いた商品が違う",
    )
    c["check_email"].click()
    result = w.controls["email_result"].value
    hours = facts.get("BUYER-MAIL-12H").values["reply_within_hours"]
    assert "249-1234567-1234567" in result and f"ふつう{hours}時間ほど" in result and "購入者向けの窓口" in result
    assert "日本時間" not in result and "約束ではありません" in result


def test_email_step_lists_every_problem():
    w = walkthrough("PROC-BUYER-EMAIL")
    w.controls["order"].value = "TBA123"
    w.check_email()
    result = w.controls["email_result"].value
    assert "注文番号:" in result and "商品の名前:" in result and "お問い合わせ内容:" in result


def test_unknown_procedure_id():
    with pytest.raises(KeyError):
        walkthrough("PROC-NOPE")
    with pytest.raises(ValueError, match="手順"):
        walkthrough("SC-SMALL")


# ---------------------------------------------------------------- display


@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_display_has_widget_and_whole_procedure_as_static_fallback(procedure_id):
    w = walkthrough(procedure_id)
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    for index, step in enumerate(w.steps):
        assert f"ステップ {index + 1} / {len(w.steps)}: {step.title}" in bundle["text/plain"]
        assert esc(step.title) in bundle["text/html"]


@pytest.mark.parametrize(
    "procedure_id, named",
    [
        ("PROC-BUYER-PHONE", ("back", "next", "phone")),
        ("PROC-BUYER-EMAIL", ("back", "next", "check_email")),
        ("PROC-SELLER-CENTRAL", ("back", "next")),
    ],
)
def test_buttons_and_inputs_have_descriptions_and_tooltips(procedure_id, named):
    w = walkthrough(procedure_id)
    for name in named:
        assert w.controls[name].description and w.controls[name].tooltip
    for name in ("plan", "topic", "order", "product", "details", "check_phone"):
        if name in w.controls:
            assert w.controls[name].description


def test_the_email_fields_are_labelled_as_on_amazons_form():
    w = walkthrough("PROC-BUYER-EMAIL")
    labels = [label.ja for label in w.steps[0].labels]
    assert [w.controls[name].description for name in ("order", "product", "details")] == labels
