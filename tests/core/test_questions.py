"""The question engine (``helpers.core.questions``): how an answer is judged (a choice by its text or its index, empty
answers, typed answers through quotes, spaces, width, case and dashes, known mistakes), answers quoted from facts,
and the exercise widget with its static fallback. Run on every exercise of data/exercises.toml; what each exercise
says is checked in ``tests/course/test_exercises.py``."""

from __future__ import annotations

import dataclasses

import pytest

from helpers.core import data, progress, questions, registry

ALL = questions.exercise_questions()


@pytest.fixture(params=ALL, ids=lambda q: q.id)
def q(request):
    return request.param


def exercise(exercise_id: str) -> data.Question:
    return next(q for q in ALL if q.id == exercise_id)


@pytest.mark.parametrize("choice", [q for q in ALL if q.is_choice], ids=lambda q: q.id)
def test_a_choice_may_be_given_by_its_text_or_its_index(choice):
    assert questions.judge(choice, choice.options[choice.answer]).passed
    assert questions.judge(choice, choice.answer).passed
    assert questions.judge(choice, "どの選択肢でもない").text == data.say("questions.not_an_option")


def test_empty_answer_is_not_judged(q):
    result = questions.judge(q, "")
    assert not result.passed and result.text == data.say("questions.empty")


@pytest.mark.parametrize(
    "typed",
    ["「Get Support」", "“Get Support”", " get support ", "GET SUPPORT", "Get　Support", "Ｇｅｔ Ｓｕｐｐｏｒｔ"],
)
def test_text_answers_tolerate_quotes_spaces_width_and_case(typed):
    assert questions.judge(exercise("03-english-label"), typed).passed


def test_known_mistakes_are_recognised_through_quotes_and_spaces():
    label = exercise("03-english-label").mistakes[1]
    assert label.say in questions.judge(exercise("03-english-label"), f"「{label.answer}」 ").text


def test_digit_answers_tolerate_full_width_and_dashes():
    after = data.load_vocabulary().practice_numbers[1].after_81
    full = after.translate(str.maketrans("0123456789-", "０１２３４５６７８９ー"))
    for typed in (after, after.replace("-", ""), full, after.replace("-", " ")):
        assert questions.judge(exercise("07-plus81"), typed).passed, typed


def test_feedback_messages_never_mention_code():
    """The same feedback shows under the buttons, where `hint()` would mean nothing."""
    for key in ("questions.wrong", "questions.try_again", "questions.look_for", "questions.empty"):
        assert "()" not in data.say(key)


def test_an_answer_quoted_from_a_fact_follows_the_fact():
    raw = next(q for q in data.load_exercises() if q.id == "03-english-label")
    procedure = registry.get("PROC-SELLER-CENTRAL")
    step = dataclasses.replace(procedure.steps[0], labels=(data.Label("ヘルプを開く", "Open Help"),))
    changed = dataclasses.replace(procedure, step=(step, *procedure.steps[1:]))
    reg = registry.Registry({"procedures.toml": [changed], "facts.toml": [registry.get("SC-LABELS-EN")]})
    resolved = questions.resolve(raw, "exercises.toml", reg)
    assert questions.judge(resolved, "Open Help").passed
    assert not questions.judge(resolved, procedure.first_label.en).passed


def test_the_pure_judge_records_nothing():
    question = ALL[0]
    questions.judge(question, question.accept[0] if question.accept else question.answer)
    assert progress.load()[0] == {}


def test_widget_checks_hints_and_solves(q):
    exercise = questions.Exercise(q)
    c = exercise.controls
    c["check"].click()
    assert data.say("questions.empty") in c["feedback"].value
    c["answer"].value = q.answer if q.is_choice else q.accept[0]
    c["check"].click()
    assert data.say("questions.right") in c["feedback"].value
    assert exercise.answer == c["answer"].value, "the model keeps what the learner entered"
    c["hint"].click()
    assert data.say("questions.hint_label") in c["feedback"].value
    c["solution"].click()
    assert data.say("questions.solution_label") in c["feedback"].value


def test_static_fallback_shows_the_question_but_not_the_answer(q):
    bundle = questions.Exercise(q)._repr_mimebundle_()
    assert q.question in bundle["text/plain"] and q.explanation not in bundle["text/plain"]
