"""The app reads as an app (no code, no code-only instructions), every page and every output passes axe-core
with no serious or critical violation, every control has a name, the keyboard works, and the screens fit."""

from __future__ import annotations

import re

import browser
import pytest
from playwright.sync_api import expect
from test_voila import open_app

from helpers.core import data, questions

LESSONS = data.load_lessons()
# What only makes sense with code: the app must never show it.
CODE_ONLY = [".check(", "hint()", "solution()", "コードのセル", "# を消して", "Shift + Enter", "セルを実行",
             "セルの実行", data.say("questions.empty"), "ノートブックを実行すると"]
CONTROL_ROLES = ("button", "textbox", "checkbox", "radio", "combobox", "slider", "spinbutton", "listbox")


def nameless_controls(scope) -> list[str]:
    """Controls whose accessible name is empty (axe passes some of them: a placeholder or a tooltip is not a name)."""
    bad = []
    for line in scope.aria_snapshot().splitlines():
        item = line.strip().lstrip("- ")
        role, _, rest = item.partition(" ")
        if role.rstrip(":") in CONTROL_ROLES:
            name = rest.split('"')[1] if rest.startswith('"') else ""
            if not re.sub(r"[\u200b\ue000-\uf8ff\s]", "", name):
                bad.append(line.strip())
    return bad


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_app_page_is_code_free_accessible_and_fits(app, page, artifacts, lesson):
    open_app(page, app, lesson.file)
    page.wait_for_timeout(800)
    shown = page.locator("body").inner_text()
    assert not [text for text in CODE_ONLY if text in shown], "code-only text in the app"
    assert page.locator(".cm-editor, .jp-InputArea-editor").count() == 0
    if any(q.lesson == lesson.id for q in questions.exercise_questions()):
        assert data.say("course.how_to_answer", count=len(course_questions(lesson))) in shown
    assert browser.axe_violations(page) == []
    assert nameless_controls(page.locator("body")) == []
    for width in (1280, 768):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(300)
        assert browser.horizontal_scrolling(page) == [], f"horizontal scrolling at {width}px"
        page.screenshot(path=artifacts / f"app-{width}-{lesson.id}.png", full_page=True)
    assert not page.console.errors


def course_questions(lesson):
    return [q for q in questions.exercise_questions() if q.lesson == lesson.id]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_output_in_jupyterlab_is_accessible_and_fits(lab, page, artifacts, lesson):
    browser.open_notebook(page, lab, lesson.file)
    browser.run_all(page)
    page.locator(".jupyter-widgets").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert browser.axe_violations(page, ".jp-OutputArea-output") == []
    outputs = page.locator(".jp-OutputArea-output")
    for index in range(outputs.count()):
        assert nameless_controls(outputs.nth(index)) == []
    for width in (1280, 768):
        page.set_viewport_size({"width": width, "height": 800})
        if width == 768:  # a narrow window: the learner folds the file browser away
            page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
        page.wait_for_timeout(400)
        assert browser.horizontal_scrolling(page) == [], f"horizontal scrolling at {width}px"
        page.screenshot(path=artifacts / f"lab-{width}-{lesson.id}.png", full_page=False)


def test_the_keyboard_reaches_and_presses_the_walkthrough_and_answer_buttons(app, page):
    open_app(page, app, browser.notebook_with("PROC-SELLER-CENTRAL"))
    walk = page.locator(".kit-walkthrough").first
    forward = walk.get_by_role("button", name=data.say("walkthrough.next"))
    label = walk.locator(".kit-step-label")
    page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(60):  # Tab until the focus is on 「次へ」
        page.keyboard.press("Tab")
        if forward.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches 「次へ」")
    page.keyboard.press("Enter")
    expect(label).to_contain_text("ステップ 2 /")
    page.keyboard.press(" ")
    expect(label).to_contain_text("ステップ 3 /")
    back = walk.get_by_role("button", name=data.say("walkthrough.back"))
    page.keyboard.press("Shift+Tab")
    assert back.evaluate("el => el === document.activeElement"), "Shift+Tab goes back to 「戻る」"
    page.keyboard.press("Enter")
    expect(label).to_contain_text("ステップ 2 /")
    exercise = page.locator(".kit-exercise").first
    check = exercise.get_by_role("button", name=data.say("questions.check_button"))
    check.focus()
    page.keyboard.press("Enter")
    expect(exercise.locator("[role=status]")).to_contain_text(data.say("questions.empty"))
    assert not page.console.errors


def test_results_are_announced(app, page):
    open_app(page, app, browser.notebook_with("PROC-BUYER-PHONE"))
    walk = page.locator(".kit-walkthrough").filter(has=page.locator(".kit-phone-result")).first
    field = walk.get_by_role("textbox", name=data.say("walkthrough.phone_label"))
    browser.type_keys(field, "0120-111-222")
    field.press("Enter")
    expect(walk.locator(".kit-phone-result [role=alert]")).to_contain_text("フリーダイヤル")
    field.press("Control+A")
    field.press("Backspace")
    browser.type_keys(field, data.load_vocabulary().practice_numbers[0].domestic)
    field.press("Enter")
    expect(walk.locator(".kit-phone-result [role=status]")).to_contain_text(
        data.load_vocabulary().practice_numbers[0].after_81)
