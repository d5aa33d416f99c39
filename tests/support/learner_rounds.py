"""A learner's rounds on a lesson page, and what the accessibility tests check after each (tests/browser): the
page as first loaded, then after empty and wrong answers, every walkthrough clicked to its end, hints, solutions.

The layout rule (``browser.overflowing``): at 1280 x 800 nothing may be wider than its box -- no output area,
widget box, label, button or table scrolls sideways or is clipped. At 768 px wide a table may scroll inside its own
scroller (that is how wide tables are built), but no text may be clipped and nothing else may scroll.

The feedback rule (``where_the_eye_is``): the learner presses a button that is in the middle of the screen; what
it brings must be announced (inside role=status or role=alert), be on screen, and start at most ``NEAR_PX`` below
that button (or below the field whose error it is). Problems are collected round by round and reported together.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers import forms
from helpers.core import data, questions
from tools import browser

CONTROL_ROLES = ("button", "textbox", "checkbox", "radio", "combobox", "slider", "spinbutton", "listbox")
MAY_BE_CONTROLS = "button, input, select, textarea, [contenteditable], [role]"  # the elements that can have them
NEAR_PX = 80  # feedback starts at most this far below the control the learner just used (about two rows of buttons)
ANNOUNCED = "[role=status], [role=alert]"


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


def course_questions(lesson):
    return [q for q in questions.exercise_questions() if q.lesson == lesson.id]


def wrong_answer(question) -> int | str:
    """A wrong answer: the next option of a choice, else a known mistake, else a made-up word."""
    if question.is_choice:
        return (question.answer + 1) % len(question.options)
    return question.mistakes[0].answer if question.mistakes else "わからない"


def give(block, question, answer) -> None:
    """Answer in a question's widget as a learner does: pick the option, or type and press Enter."""
    if question.is_choice:
        block.get_by_role("radio").nth(answer).check()
    else:
        field = block.get_by_role("textbox")
        browser.clear(field)
        if answer:
            browser.type_keys(field, answer, delay_ms=10)
        field.press("Enter")


# Scrolled to the middle, then again until it stays there: the same place twice, each time after the layout (two
# animation frames). Cells JupyterLab draws as they come into view change height and move what is below them.
MIDDLE_JS = """async el => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  let last = null;
  for (let i = 0; i < 20; i++) {
    const box = el.getBoundingClientRect();
    const centred = (box.width || box.height) && Math.abs(box.y + box.height / 2 - innerHeight / 2) < innerHeight / 4;
    if (centred && box.y === last) return;
    if (!centred) el.scrollIntoView({block: 'center'});
    last = centred ? box.y : null;
    await frames();
  }
}"""


def where_the_eye_is(feedback, control, says: str) -> list[str]:
    """Wait until the feedback says ``says``; return what is wrong with it: not announced (role status or alert),
    not on screen, or not right under the control the learner just used."""
    expect(feedback).to_contain_text(says)
    shown = feedback.get_by_text(says[:20]).first
    problems = []
    if not feedback.locator(ANNOUNCED).filter(has_text=says[:20]).count():
        problems.append(f"「{says[:20]}」 is not announced (no role=status or role=alert around it)")
    try:
        expect(shown).to_be_in_viewport()
    except AssertionError:
        box, height = shown.bounding_box(), shown.page.viewport_size["height"]
        problems.append(
            f"「{says[:20]}」 is off screen (at {box['y']:.0f}px in a window {height}px high, its control at "
            f"{control.bounding_box()['y']:.0f}px): the learner must scroll to find it"
        )
    box, at = shown.bounding_box(), control.bounding_box()
    below = box["y"] - (at["y"] + at["height"])
    if not -2 <= below <= NEAR_PX:
        problems.append(f"「{says[:20]}」 appears {below:.0f}px below its control, not next to it")
    return problems


def in_the_middle(control) -> None:
    """Scroll the control to the middle of the screen, and again until it stays there: JupyterLab may still be
    scrolling to the cell of the button pressed just before (a learner is never that quick)."""
    control.evaluate(MIDDLE_JS)


def press(block, name: str, feedback, says: str) -> list[str]:
    """Press a button in the middle of the screen, where a learner who just answered has it, and check the
    feedback it brings (which replaces what was there before)."""
    button = block.get_by_role("button", name=name)
    before = feedback.inner_text()
    in_the_middle(button)
    button.click()
    if before.strip():
        expect(feedback).not_to_have_text(before)
    return [f"after 「{name}」: {problem}" for problem in where_the_eye_is(feedback, button, says)]


def use_exercises(page, lesson, how: str) -> list[str]:
    """Press every exercise's and quiz question's buttons: ``empty`` or ``wrong`` answers, ``hint``, ``solution``;
    return what is wrong with the feedback."""
    exercises, asked = page.locator(".kit-exercise"), course_questions(lesson)
    assert exercises.count() == len(asked), "every exercise of the lesson is on the page"
    check, problems = data.say("questions.check_button"), []
    for index, question in enumerate(asked):
        block = exercises.nth(index)
        feedback = block.locator(":scope > .widget-html").last
        if how in ("empty", "wrong"):
            if how == "wrong" or not question.is_choice:  # an untouched choice is empty already
                give(block, question, wrong_answer(question) if how == "wrong" else "")
            says = data.say("questions.wrong" if how == "wrong" else "questions.empty")
            problems += press(block, check, feedback, says)
        else:
            label = data.say("questions.hint_label" if how == "hint" else "questions.solution_button")
            problems += press(block, label, feedback, data.say(f"questions.{how}_label"))
    quiz = page.locator(".kit-quiz")
    if quiz.count() and how in ("empty", "wrong"):
        blocks = quiz.locator(":scope > .widget-vbox")
        assert blocks.count() == len(questions.quiz_questions())
        for index, question in enumerate(questions.quiz_questions()):
            block, says = blocks.nth(index), data.say("quiz.choose_first")
            if how == "wrong":
                give(block, question, wrong_answer(question))
                says = data.say("questions.wrong_reveal", answer=questions.right_answer(question))
            feedback = block.locator(":scope > .widget-html").last
            problems += [f"quiz {index + 1}: {p}" for p in press(block, check, feedback, says)]
    return problems


def use_walkthrough_inputs(page) -> list[str]:
    """Type a number that is not one into the phone step, and check the e-mail form with its fields empty; return
    what is wrong with the errors shown."""
    problems = []
    for walk in page.locator(".kit-walkthrough").all():
        phone = walk.get_by_role("textbox", name=data.say("walkthrough.phone_label"))
        if phone.count():
            in_the_middle(phone)
            browser.type_keys(phone, "abc", delay_ms=10)
            phone.press("Enter")
            with pytest.raises(ValueError) as refused:
                forms.callback_number("abc")
            problems += where_the_eye_is(walk.locator(".kit-phone-result"), phone, str(refused.value))
        button = walk.get_by_role("button", name=data.say("walkthrough.check_email"))
        if button.count():
            in_the_middle(button)
            button.click()
            for field in walk.get_by_role("textbox").all():  # each field's error right under it
                next_to_it = field.locator(
                    "xpath=ancestor::*[contains(@class,'widget-inline-hbox')][1]/following-sibling::*[1]"
                )
                problems += where_the_eye_is(next_to_it, field, browser.field_label(field))
    return problems


def walk_to_the_end(page) -> None:
    """Click every walkthrough to its last step; at the choosing step switch the plan and tick the topic box, so
    that the methods not offered show with their reasons."""
    for walk in page.locator(".kit-walkthrough").all():
        forward = walk.get_by_role("button", name=data.say("walkthrough.next"))
        while forward.is_enabled():
            label = walk.locator(".kit-step-label").text_content()
            forward.click()
            expect(walk.locator(".kit-step-label")).not_to_have_text(label)
        plans = walk.locator(".widget-toggle-button")
        if plans.count():
            plans.filter(has_text=data.load_vocabulary().plans["individual"].ja).click()
            walk.get_by_role("checkbox", name=data.say("controls.topic_label")).check()
            expect(walk.locator("[role=status]").last).to_contain_text("×")


def as_a_learner(page, lesson, problems: list[str]):
    """Use the page as a learner would, round by round; yield each round's name once its results show. What is
    wrong with the feedback goes into ``problems``."""
    yield "loaded"
    if course_questions(lesson) or page.locator(".kit-quiz, .kit-walkthrough").count():
        problems += use_exercises(page, lesson, "empty") + use_walkthrough_inputs(page)
        yield "empty"
        problems += use_exercises(page, lesson, "wrong")
        walk_to_the_end(page)
        yield "wrong"
    if course_questions(lesson):
        problems += use_exercises(page, lesson, "hint")
        yield "hint"
        problems += use_exercises(page, lesson, "solution")
        yield "solution"


def screen_problems(page, artifacts, name: str, scope: str | None, lab: bool = False) -> list[str]:
    """axe-core's serious and critical violations, nameless controls and what does not fit, at 1280 and 768 px
    wide (a screenshot of each); the page is left at 1280 x 800."""
    problems = [f"axe: {v}" for v in browser.axe_violations(page, scope)]
    if scope is None:
        problems += [f"no name: {c}" for c in nameless_controls(page.locator("body"))]
    left_was_open = lab and not page.evaluate("() => window.jupyterapp.shell.leftCollapsed")
    for width in (1280, 768):
        browser.resize(page, width)
        if lab and width == 768:  # a narrow window: the learner folds the file browser away
            page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
            browser.settle(page)
        problems += [f"{width}px: {line}" for line in browser.overflowing(page, tables_may_scroll=width < 1280)]
        page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=not lab)
    browser.resize(page, 1280)
    if left_was_open:
        page.evaluate("() => window.jupyterapp.shell.expandLeft()")
        browser.settle(page)
    return problems
