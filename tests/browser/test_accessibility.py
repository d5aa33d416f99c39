"""The app reads as an app (no code, no code-only instructions), every page passes axe-core with no serious or
critical violation, every control has a name, the keyboard works, feedback appears where the eye is, and the
screens fit -- as first loaded and again after a learner has used every walkthrough and exercise
(support/learner_rounds.py: the rounds and the rules). The same for every output in JupyterLab:
test_accessibility_lab.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers.core import data
from support.code_only import code_only_in
from support.learner_rounds import as_a_learner, course_questions, screen_problems, where_the_eye_is, wrong_answer
from support.pages import open_app
from tools import browser

LESSONS = data.load_lessons()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_app_page_is_code_free_accessible_and_fits(app, page, artifacts, lesson):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, app, lesson.file)
    browser.settle(page)
    shown = page.locator("body").inner_text()
    assert code_only_in(shown) == [], "code-only text in the app"
    assert page.locator(".cm-editor, .jp-InputArea-editor").count() == 0
    if course_questions(lesson):
        assert data.say("course.how_to_answer", count=len(course_questions(lesson))) in shown
    problems, feedback = {}, []
    for round_ in as_a_learner(page, lesson, feedback):
        found = feedback + screen_problems(page, artifacts, f"app-{lesson.id}-{round_}", None)
        feedback.clear()
        if found:
            problems[round_] = found
    assert problems == {}, "\n".join(f"{round_}: {line}" for round_, lines in problems.items() for line in lines)
    assert not page.console.errors


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
    # An exercise answered by typing: from its field, Tab goes to 「答え合わせ」 and Space presses it.
    lesson = next(lesson for lesson in LESSONS if lesson.file == browser.notebook_with("PROC-SELLER-CENTRAL"))
    index, question = next((i, q) for i, q in enumerate(course_questions(lesson)) if not q.is_choice)
    exercise = page.locator(".kit-exercise").nth(index)
    field = exercise.get_by_role("textbox")
    browser.type_keys(field, wrong_answer(question))
    page.keyboard.press("Tab")
    check = exercise.get_by_role("button", name=data.say("questions.check_button"))
    assert check.evaluate("el => el === document.activeElement"), "Tab from the answer goes to 「答え合わせ」"
    page.keyboard.press(" ")
    assert where_the_eye_is(exercise, check, data.say("questions.wrong")) == []
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
        data.load_vocabulary().practice_numbers[0].after_81
    )


def test_the_layout_check_sees_inside_widgets(page):
    """The layout check finds what scrolls or is clipped inside a widget, not only a too-wide output area."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.set_content("""<div class="jp-OutputArea-output" style="width:600px">
      <div class="widget-box" style="overflow:auto;width:300px"><div style="width:500px">広い中身</div></div>
      <div class="widget-label" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;width:80px">
        選んだ項目に電話・チャットが表示されない</div>
      <div class="scroller" style="overflow-x:auto;width:300px"><table style="width:500px"><tr><td>表</td></tr>
        </table></div>
      <p>収まる文</p></div>""")
    found = browser.overflowing(page)
    assert len(found) == 3, found
    assert found[0].startswith("scrolls") and ".widget-box" in found[0] and "広い中身" in found[0]
    assert found[1].startswith("clipped") and ".widget-label" in found[1] and "選んだ項目" in found[1]
    assert ".scroller" in found[2]
    assert browser.overflowing(page, tables_may_scroll=True) == found[:2], "a table may scroll in its own box"
    page.set_viewport_size({"width": 500, "height": 800})
    assert browser.overflowing(page, tables_may_scroll=True)[-1].startswith("page scrolls")
