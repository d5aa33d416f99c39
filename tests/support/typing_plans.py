"""How a person fills in each text field of the kit, and what they must see: used in JupyterLab and in the app.

Every text field a notebook shows must have a plan here (the tests fail on a field without one). A plan types one
key at a time (``browser.type_keys``) or through a Japanese IME (``browser.ime_compose``), never with ``fill``,
and checks that nothing is judged or cleared while the learner is still typing.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from helpers.core import data, questions, registry
from support import code_sources
from tools import browser

FULL_WIDTH = str.maketrans("0123456789-:", "０１２３４５６７８９ー：")
PRACTICE = data.load_vocabulary().practice_numbers
ORDER = registry.get("ORDER-ID").values["example"]
# Readings a learner types for answers written in kanji (what the IME composes before converting).
READINGS = {"評価の管理": ["ひょうか", "ひょうかの", "ひょうかのかんり", "評価の管理"]}


def has_text_fields(lesson: data.Lesson) -> bool:
    """Whether a lesson shows a text field: a form step, a typed exercise, or a widget with fields."""
    source = "\n".join(code_sources(lesson.file))
    steps = [step.kind for p in lesson.walkthroughs for step in registry.get(p).steps]
    return (
        any(kind in ("phone_input", "email_form") for kind in steps)
        or any(not q.is_choice for q in data.load_exercises() if q.lesson == lesson.id)
        or any(call in source for call in ("checklist()", "draft_builder()", "phone_checker()", "record_view()"))
    )


def full_width(text: str) -> str:
    return text.translate(FULL_WIDTH)


def button(view, key: str):
    return view.get_by_role("button", name=data.say(key))  # the name starts with the icon's glyph


def view_of(field) -> str:
    """The kit view a field belongs to (its ``kit-…`` class)."""
    return field.evaluate("""el => { for (let n = el; n; n = n.parentElement) {
        const c = [...(n.classList || [])].find(c => /^kit-(walkthrough|checklist|draftbuilder|exercise|phonechecker|recordview)$/.test(c));
        if (c) return c; } return ''; }""")


# ---------------------------------------------------------------- the walkthroughs' phone and e-mail steps


def walkthrough_phone(page, view, field):
    practice = PRACTICE[0]
    result = view.locator(".kit-phone-result")
    browser.type_keys(field, full_width(practice.domestic))
    expect(result).to_have_text("")  # nothing judged while typing
    button(view, "walkthrough.check_phone").click()
    expect(result).to_contain_text(practice.after_81)
    expect(result).to_contain_text(data.say("walkthrough.tidied.full_width"))
    expect(result).to_contain_text(data.say("walkthrough.tidied.long_vowel"))
    browser.clear(field)
    browser.ime_compose(page, field, ["０", "０７", "０７０"], "０７０")
    browser.type_keys(field, full_width(PRACTICE[1].domestic)[3:])
    field.press("Enter")
    expect(result).to_contain_text(PRACTICE[1].after_81)


def walkthrough_order(page, view, field):
    browser.type_keys(field, full_width(ORDER))
    field.press("Tab")
    note = view.locator(".widget-html").filter(has_text=data.say("walkthrough.order_ok", order=ORDER))
    expect(note).to_have_count(0)  # judged only when the learner asks
    button(view, "walkthrough.check_email").click()
    expect(view).to_contain_text(data.say("walkthrough.order_ok", order=ORDER))


def walkthrough_product(page, view, field):
    browser.ime_compose(page, field, ["す", "すい", "すいと", "すいとう"], "水筒")
    field.press("Tab")
    button(view, "walkthrough.check_email").click()
    expect(view).to_contain_text(data.say("walkthrough.field_ok"))


def walkthrough_details(page, view, field):
    browser.type_keys(field, "届いた商品が、注文したものと違いました。")
    field.press("Tab")
    button(view, "walkthrough.check_email").click()
    expect(view).to_contain_text("入力は送信できる形になっています")


# ---------------------------------------------------------------- the "can I request a call now?" widget


def phone_checker_time(page, view, field):
    answer = view.locator(".widget-html").last
    expect(answer).to_have_text(re.compile(r"\S"))  # the answer for now, as the learner first reads it
    before = answer.text_content()
    browser.type_keys(field, "１７：３０")
    assert answer.text_content() == before, f"nothing judged while typing: {before!r} -> {answer.text_content()!r}"
    button(view, "hours.time_button").click()
    expect(answer).to_contain_text("17:30")


# ---------------------------------------------------------------- the pre-call checklist


def checklist_shop(page, view, field):
    browser.ime_compose(page, field, ["さ", "さく", "さくら", "さくらざっかてん"], "さくら雑貨店")
    expect(view).to_contain_text(f"{data.say('preparation.done')} {data.say('preparation.items.shop')}")


def checklist_last4(page, view, field):
    # The checklist always shows its practice-only warning as an alert; the refusal of a fifth digit is another.
    refusal = view.locator("[role=alert]", has_text="下4桁だけ")
    for n, key in enumerate("1234", start=1):
        field.press_sequentially(key, delay=40) if n > 1 else browser.type_keys(field, key)
        page.wait_for_timeout(150)
        expect(field).to_have_value("1234"[:n])  # never cleared while typing
        expect(refusal).to_have_count(0)
    field.press_sequentially("5", delay=40)
    expect(field).to_have_value("")  # a fifth digit: cleared at once, never shown
    expect(refusal).to_have_count(1)
    browser.type_keys(field, "９８７６")
    button(view, "preparation.check_button").click()
    expect(field).to_have_value("9876")
    expect(view).to_contain_text(data.say("preparation.last4_ok"))


def checklist_order(page, view, field):
    browser.type_keys(field, full_width(ORDER))
    field.press("Tab")
    expect(view).to_contain_text(data.say("walkthrough.order_ok", order=ORDER))


def checklist_what(page, view, field):
    browser.ime_compose(page, field, ["へんぴん", "へんぴんがとどいた"], "返品が届いた")
    browser.type_keys(field, "（11月27日）")
    expect(view).to_contain_text(f"{data.say('preparation.done')} {data.say('preparation.items.what')}")


# ---------------------------------------------------------------- the case draft


def draft_what(page, view, field):
    browser.type_keys(field, "11月27日、注文した商品と違うものが届いたと連絡がありました。")
    field.press("Tab")


def draft_order(page, view, field):
    browser.type_keys(field, "12345")
    field.press("Tab")
    expect(view.locator("[role=alert]")).to_have_count(0)  # judged only when the learner asks
    button(view, "drafts.build_button").click()
    expect(view.locator("[role=alert]").first).to_be_visible()
    expect(view).to_contain_text("注文番号は17桁です")
    browser.clear(field)
    browser.type_keys(field, full_width(ORDER))
    field.press("Tab")


def draft_request(page, view, field):
    browser.ime_compose(page, field, ["こうかん", "こうかんをおねがい"], "交換をお願い")
    browser.type_keys(field, "したいです。")
    field.press("Tab")
    button(view, "drafts.build_button").click()
    expect(view).to_contain_text(data.say("drafts.ready"))


def draft_text(page, view, field):
    assert ORDER in field.input_value() and "交換をお願いしたいです。" in field.input_value()
    field.click()
    field.press("Control+End")  # to the end of the draft, as a person adding a line would
    field.press_sequentially("以上です。", delay=40)
    assert field.input_value().endswith("以上です。"), "the learner can still edit the draft before copying it"


# ---------------------------------------------------------------- the learner's record


def record_name(page, view, field):
    browser.ime_compose(page, field, ["れ", "れんしゅう", "れんしゅうたろう"], "練習太郎")
    browser.type_keys(field, "（2組）")
    link = view.get_by_role("link", name=data.say("course.record.download"))
    expect(link).to_have_count(0)  # nothing made while typing
    button(view, "course.record.make").click()
    expect(link).to_have_count(1)
    expect(field).to_have_value("練習太郎（2組）")  # the name stays as typed


# ---------------------------------------------------------------- exercises answered by typing


def exercise_answer(page, view, field):
    asked = view.locator(".widget-html").first.inner_text()
    question = next(q for q in questions.exercise_questions() if not q.is_choice and q.question in asked)
    answer = question.accept[0]
    if answer in READINGS:
        browser.ime_compose(page, field, READINGS[answer][:-1], READINGS[answer][-1])
    else:
        browser.type_keys(field, full_width(answer) if question.match == "digits" else answer)
    assert view.locator("[role=status]").count() == 0, "nothing judged while typing"
    button(view, "questions.check_button").click()
    expect(view).to_contain_text(data.say("questions.right"))


PLANS = {
    ("kit-walkthrough", "phone_label"): walkthrough_phone,
    ("kit-phonechecker", "time_label"): phone_checker_time,
    ("kit-checklist", "items.shop"): checklist_shop,
    ("kit-checklist", "items.last4"): checklist_last4,
    ("kit-checklist", "items.order"): checklist_order,
    ("kit-checklist", "items.what"): checklist_what,
    ("kit-draftbuilder", "labels.what"): draft_what,
    ("kit-draftbuilder", "labels.order"): draft_order,
    ("kit-draftbuilder", "labels.request"): draft_request,
    ("kit-draftbuilder", "labels.draft"): draft_text,
    ("kit-exercise", "answer_label"): exercise_answer,
    ("kit-recordview", "name_label"): record_name,
}
PREFIX = {
    "kit-walkthrough": "walkthrough.",
    "kit-phonechecker": "hours.",
    "kit-checklist": "preparation.",
    "kit-draftbuilder": "drafts.",
    "kit-exercise": "questions.",
    "kit-recordview": "course.record.",
}
EMAIL_LABELS = dict(
    zip(("order", "product", "details"), (label.ja for label in registry.get("PROC-BUYER-EMAIL").steps[0].labels))
)
EMAIL_PLANS = {
    EMAIL_LABELS["order"]: walkthrough_order,
    EMAIL_LABELS["product"]: walkthrough_product,
    EMAIL_LABELS["details"]: walkthrough_details,
}


def plan_for(view: str, label: str):
    """The plan for a field, by its view and its label; None when the kit has no plan for it."""
    if view == "kit-walkthrough" and label in EMAIL_PLANS:
        return EMAIL_PLANS[label]
    for (plan_view, key), plan in PLANS.items():
        if plan_view == view and data.say(PREFIX[view] + key) == label:
            return plan
    return None


def type_into_every_field(page, scope) -> list[str]:
    """Fill in every text field under ``scope`` with its plan; return the fields done (view: label)."""
    fields = scope.locator(browser.TEXT_FIELDS)
    done = []
    for index in range(fields.count()):
        field = fields.nth(index)
        if not field.is_visible():
            continue
        view, label = view_of(field), browser.field_label(field)
        plan = plan_for(view, label)
        assert plan, f"no typing plan for the text field 「{label}」 ({view}): add one to typing_plans.py"
        field.scroll_into_view_if_needed()
        container = field.locator(
            f"xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' {view} ')][1]"
        )
        plan(page, container, field)
        done.append(f"{view}: {label}")
    return done
