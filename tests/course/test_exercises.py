"""Exercises: data judged by the question engine; each passes on its solution and fails on a wrong answer."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest

from helpers import channels, contact_log, course, drafts, forms
from helpers.core import data, progress, questions, registry
from support import ROOT, read_notebook

ALL = questions.exercise_questions()


def wrong_answers(q: data.Question) -> list:
    if q.is_choice:
        return [i for i in range(len(q.options)) if i != q.answer]
    return [m.answer for m in q.mistakes] + ["まったく違う答え"]


@pytest.fixture(params=ALL, ids=lambda q: q.id)
def q(request):
    return request.param


def test_every_exercise_belongs_to_a_lesson_of_the_manifest(q):
    assert q.lesson in {lesson.id for lesson in course.lessons()}
    assert q.hint and q.explanation


def test_passes_on_its_solution(q):
    answer = q.answer if q.is_choice else q.accept[0]
    result = questions.judge(q, answer)
    assert result.passed and result.text.startswith(data.say("questions.right"))
    assert q.explanation in result.text


def test_fails_on_every_wrong_answer_without_giving_the_answer_away(q):
    for wrong in wrong_answers(q):
        result = questions.judge(q, wrong)
        assert not result.passed and result.text.startswith(data.say("questions.wrong"))
        assert q.explanation not in result.text and questions.right_answer(q) not in result.text


@pytest.mark.parametrize("choice", [q for q in ALL if q.is_choice], ids=lambda q: q.id)
def test_every_wrong_option_teaches_why_it_is_wrong(choice):
    reasons = []
    for index in wrong_answers(choice):
        shown = questions.judge(choice, index).text
        reason = choice.why[index]
        assert reason and reason in shown and data.say("questions.try_again") in shown
        reasons.append(reason)
    assert len(set(reasons)) == len(reasons), "each wrong option has its own reason"


@pytest.mark.parametrize("typed", [q for q in ALL if not q.is_choice], ids=lambda q: q.id)
def test_a_typed_answer_that_misses_gets_where_to_look_never_the_answer(typed):
    shown = questions.judge(typed, "まったく違う答え").text
    assert data.say("questions.look_for", where=typed.look_for) in shown
    assert not any(questions.fold(a) in questions.fold(typed.look_for) for a in typed.accept if len(a) > 2)


def test_known_mistakes_get_their_own_explanation(q):
    for mistake in q.mistakes:
        assert mistake.say in questions.judge(q, mistake.answer).text


def test_hint_does_not_give_the_answer_away(q):
    hint = questions.hint_of(q).text
    assert hint.startswith(data.say("questions.hint_label")) and questions.right_answer(q) not in hint


def test_solution_explains_with_the_tested_facts(q):
    shown = questions.solution_of(q).text
    assert questions.right_answer(q) in shown and q.explanation in shown
    for fact_id in q.facts:
        assert registry.get(fact_id).title in shown


# ---------------------------------------------------------------- answers that are facts move with the facts


def exercise(exercise_id: str) -> data.Question:
    return next(q for q in ALL if q.id == exercise_id)


def right(question: data.Question) -> str:
    return question.options[question.answer]


def test_the_individual_plan_answer_comes_from_the_procedure_rule():
    offered = registry.get("PROC-SELLER-CENTRAL").only_offers["individual_plan"]
    plan = data.load_vocabulary().plans["individual"].ja
    assert right(exercise("03-individual-plan")).startswith(f"{plan}では、{'・'.join(offered)}しか")


def test_computed_answers_match_the_code():
    for exercise_id, situation in [
        ("04-nuance-and-speed", {"record": 0, "speed": 2, "nuance": 2}),
        ("04-individual-plan", {"speed": 2, "plan": "individual"}),
    ]:
        assert right(exercise(exercise_id)) == channels.rank(**situation)[0]["channel"], exercise_id
    table = contact_log.compare(contact_log.read_log(contact_log.SAMPLE))
    email = data.load_vocabulary().channels["email"].ja
    count = table.loc[email, data.say("contact_log.compare_columns.count")]
    rate = table.loc[email, data.say("contact_log.compare_columns.resolved_rate")]
    solved = exercise("10-log-rate")
    assert solved.accept == (str(round(count * rate)),) and f"{count}件" in solved.explanation
    assert f"{rate:.0%}" in solved.explanation
    practice = data.load_vocabulary().practice_numbers[1]
    assert questions.judge(exercise("07-plus81"), forms.callback_number(practice.domestic)).passed
    hours = registry.get("ATOZ-48H").values["reply_within_hours"]
    due = datetime(2026, 12, 4, 20, 0) + timedelta(hours=hours)  # a Friday at 20:00
    assert right(exercise("01-buyer-problem-deadline")).startswith(
        f"{'月火水木金土日'[due.weekday()]}曜日の{due.hour}時"
    )


def test_the_masking_exercise_applies_the_rule_to_data_of_its_own():
    """Not the worked example again: an e-mail address and a card number, all invented, and another order number.

    The card number is named, not printed (the notebook guard refuses any card-like number in a stored notebook);
    here the test card 4111 1111 1111 1111 stands for it.
    """
    masked = exercise("06-what-gets-masked")
    mail = re.search(r"[\w.]+@example\.com", masked.question)[0]
    order = re.search(r"\d{3}-\d{7}-\d{7}", masked.question)[0]
    assert "カード" in masked.question
    worked = drafts.redaction_example().text
    assert mail not in worked and order not in worked, "the learner must not meet the example again"
    card = "4111 1111 1111 1111"
    shown = drafts.redact(f"ご連絡は {mail} へお願いします。カードは {card} です。注文番号は {order} です。")
    assert mail not in shown and card not in shown and order in shown
    assert right(masked).startswith("メールアドレスとカード番号は伏せ字") and "注文番号は残る" in right(masked)


def test_nothing_an_exercise_shows_would_be_refused_in_a_stored_notebook(tmp_path):
    """The notebooks store each exercise as text: no phone, card or e-mail the notebook guard refuses."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from tools import notebook_guard

    cells = []
    for n, question in enumerate(ALL, 1):
        cell = new_code_cell("q", execution_count=n)
        text = "\n".join([questions.question_view(question).text, question.hint, question.explanation])
        cell.outputs = [new_output("execute_result", data={"text/plain": text}, execution_count=n)]
        cells.append(cell)
    target = tmp_path / "exercises.ipynb"
    target.write_text(json.dumps(new_notebook(cells=cells)), encoding="utf-8")
    assert notebook_guard.problems(target) == []


def test_no_exercise_uses_the_articles_numbers():
    numbers = [n.number for n in data.load_phone_numbers()]
    for question in ALL:
        texts = [question.question, *question.options, *question.accept, question.explanation or ""]
        assert not any(number in text for number in numbers for text in texts), question.id


def test_no_hint_names_an_option_or_the_answer():
    for question in ALL:
        for option in question.options or question.accept:
            assert option not in question.hint, question.id
            assert len(questions.fold(option)) < 4 or questions.fold(option) not in questions.fold(question.hint)


def test_no_hint_points_at_the_line_that_prints_the_answer():
    """A hint says what to think about, not "step 2" or "the row with the longest bar", where the answer stands."""
    for question in ALL:
        assert not re.search(r"ステップ\s*[0-9０-９]|いちばん長い|の行を", question.hint), question.id


# ---------------------------------------------------------------- no exercise repeats what the learner just saw


def shown_above_the_exercises(lesson_id: str) -> str:
    """Everything the stored notebook shows above its exercises (markdown and outputs), folded for comparison."""
    notebook = read_notebook(ROOT / "notebooks" / f"{lesson_id}.ipynb")
    shown = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and "lesson.exercises()" in source:
            break
        shown.append(source)
        for out in cell.get("outputs", []):
            shown.append("".join(out.get("data", {}).get("text/plain", out.get("text", ""))))
    return questions.fold("\n".join(shown))


LESSONS_WITH_EXERCISES = sorted({q.lesson for q in ALL})


@pytest.mark.parametrize("lesson_id", LESSONS_WITH_EXERCISES)
def test_no_choice_answer_is_copied_from_the_notebook_above(lesson_id):
    """The right option is a conclusion the learner draws, never a line of the worked example or output above.

    Short answers (a channel's name) are left out: they are words, not copied lines. Typed answers are Amazon's
    labels and numbers, which the learner has to produce from a case (checked by the case tests above).
    """
    shown = shown_above_the_exercises(lesson_id)
    assert shown, f"notebooks/{lesson_id}.ipynb shows nothing above its exercises"
    for question in (q for q in ALL if q.lesson == lesson_id and q.is_choice):
        answer = questions.fold(right(question))
        assert len(answer) < 6 or answer not in shown, (question.id, right(question))
        assert questions.fold(question.question) not in shown, question.id


@pytest.mark.parametrize("lesson_id", LESSONS_WITH_EXERCISES)
def test_no_exercise_reuses_the_data_of_a_worked_example_above(lesson_id):
    shown = shown_above_the_exercises(lesson_id)
    for question in (q for q in ALL if q.lesson == lesson_id):
        for item in re.findall(r"[\w.]+@[\w.]+|\d[\d -]{6,}\d", question.question):
            assert questions.fold(item) not in shown, (question.id, item)


def test_card_lines_are_not_answers():
    """Lesson 01's exercises are cases to reason about, not a card's lines read back."""
    lines = [
        questions.fold(line.rstrip("。"))
        for situation in data.load_situations()
        for line in [
            *(do for branch in situation.steps for do in branch.do),
            *(item.text for item in (*situation.prepare, *situation.dont)),
        ]
    ]
    for question in (q for q in ALL if q.lesson == "01_when_to_contact"):
        answer = questions.fold(right(question) if question.is_choice else question.accept[0])
        assert not any(answer in line or line in answer for line in lines), question.id


# ---------------------------------------------------------------- the view a notebook holds


def test_a_passed_check_is_recorded_a_failed_one_is_not():
    view = course.lesson("05_seller_app").exercises()[0]
    key = progress.key("exercise", view.id)
    view.check(next(iter(wrong_answers(view.question))))
    assert key not in progress.load()[0]
    view.check(view.question.answer)
    assert key in progress.load()[0]
