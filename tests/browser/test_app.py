"""The code-free app (Voilà, ``kit.py app``), each lesson's page loaded once and used there as a learner uses it:
loading a page runs its notebook in a new kernel, which costs seconds of the machine's time, so one load serves
every check, and each part is reported on its own (pytest's subtests):

- **reads as an app**: no code and no code-only instructions (support/code_only.py);
- **walkthroughs**: each clicked to its end and back;
- **accessibility**: every page passes axe-core with no serious or critical violation, every control has a name,
  feedback appears where the eye is, and the screens fit -- as first loaded and again after each of a learner's
  rounds (support/learner_rounds.py: the rounds and the rules);
- **the 「何が起きた？」 card**, in the lesson that has it (support/pages.py ``use_the_finder``).

Then the keyboard and the announced results. The same lessons in JupyterLab: test_jupyterlab.py; typing in the app:
test_typing.py; the app's server (its file list, the start page's link, idle kernels culled): test_voila.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import facts
from helpers.core import data
from support.code_only import code_lines, code_only_in
from support.learner_rounds import as_a_learner, course_questions, screen_problems, where_the_eye_is, wrong_answer
from support.pages import click_through, open_app, use_the_finder
from tools import browser

LESSONS = data.load_lessons()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_each_lesson_in_the_code_free_app(app, page, artifacts, subtests, lesson):
    page.set_viewport_size({"width": 1280, "height": 800})  # the size the layout rule is checked at
    open_app(page, app, lesson.file)
    walks = page.locator(".kit-walkthrough")
    if lesson.walkthroughs:
        walks.nth(len(lesson.walkthroughs) - 1).wait_for(timeout=60_000)
    browser.settle(page)
    shown = page.locator("body").inner_text()
    assert code_only_in(shown) == [], "code-only text in the app"
    assert [line for line in code_lines(lesson.file) if line in shown] == [], "code in the app"
    assert page.locator(".cm-editor, .jp-InputArea-editor").count() == 0
    if course_questions(lesson):
        assert data.say("course.how_to_answer", count=len(course_questions(lesson))) in shown

    with subtests.test("walkthroughs"):
        assert walks.count() == len(lesson.walkthroughs)
        for index, procedure_id in enumerate(lesson.walkthroughs):
            walks.nth(index).scroll_into_view_if_needed()
            assert click_through(walks.nth(index)) == len(facts.get(procedure_id).steps)
        if lesson.walkthroughs:
            page.screenshot(path=artifacts / f"voila-{lesson.id}.png")

    with subtests.test("accessibility"):
        problems, feedback = {}, []
        for round_ in as_a_learner(page, lesson, feedback):
            found = feedback + screen_problems(page, artifacts, f"app-{lesson.id}-{round_}", None)
            feedback.clear()
            if found:
                problems[round_] = found
        assert problems == {}, "\n".join(f"{round_}: {line}" for round_, lines in problems.items() for line in lines)

    if lesson.first_aid:
        with subtests.test("「何が起きた？」"):
            use_the_finder(page, artifacts, "voila")
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
    browser.clear(field)
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
