"""Exercises: data judged by the question engine; each passes on its solution and fails on a wrong answer."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from helpers import channels, contact_log, course, drafts, forms
from helpers.core import data, progress, questions, registry

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


@pytest.mark.parametrize("choice", [q for q in ALL if q.is_choice], ids=lambda q: q.id)
def test_a_choice_may_be_given_by_its_text_or_its_index(choice):
    assert questions.judge(choice, choice.options[choice.answer]).passed
    assert questions.judge(choice, choice.answer).passed
    assert questions.judge(choice, "どの選択肢でもない").text == data.say("questions.not_an_option")


def test_fails_on_every_wrong_answer_without_giving_the_answer_away(q):
    for wrong in wrong_answers(q):
        result = questions.judge(q, wrong)
        assert not result.passed and result.text.startswith(data.say("questions.wrong"))
        assert q.explanation not in result.text


def test_known_mistakes_get_their_own_explanation(q):
    for mistake in q.mistakes:
        assert mistake.say in questions.judge(q, mistake.answer).text


def test_empty_answer_is_not_judged(q):
    result = questions.judge(q, "")
    assert not result.passed and result.text == data.say("questions.empty")


def test_hint_does_not_give_the_answer_away(q):
    hint = questions.hint_of(q).text
    assert hint.startswith(data.say("questions.hint_label")) and questions.right_answer(q) not in hint


def test_solution_explains_with_the_tested_facts(q):
    shown = questions.solution_of(q).text
    assert questions.right_answer(q) in shown and q.explanation in shown
    for fact_id in q.facts:
        assert registry.get(fact_id).title in shown


def test_feedback_messages_never_mention_code():
    """The same feedback shows under the buttons, where `hint()` would mean nothing."""
    for key in ("questions.wrong", "questions.hint_reminder", "questions.empty"):
        assert "()" not in data.say(key)


# ---------------------------------------------------------------- answers that are facts move with the facts


def exercise(exercise_id: str) -> data.Question:
    return next(q for q in ALL if q.id == exercise_id)


def right(question: data.Question) -> str:
    return question.options[question.answer]


def test_an_answer_quoted_from_a_fact_follows_the_fact():
    raw = next(q for q in data.load_exercises() if q.id == "03-english-label")
    procedure = registry.get("PROC-SELLER-CENTRAL")
    step = dataclasses.replace(procedure.steps[0], labels=(data.Label("ヘルプを開く", "Open Help"),))
    changed = dataclasses.replace(procedure, step=(step, *procedure.steps[1:]))
    reg = registry.Registry({"procedures.toml": [changed], "facts.toml": [registry.get("SC-LABELS-EN")]})
    resolved = questions.resolve(raw, "exercises.toml", reg)
    assert questions.judge(resolved, "Open Help").passed
    assert not questions.judge(resolved, procedure.first_label.en).passed


def test_the_individual_plan_answer_comes_from_the_procedure_rule():
    offered = registry.get("PROC-SELLER-CENTRAL").only_offers["individual_plan"]
    assert right(exercise("03-individual-plan")) == "・".join(offered)


def test_computed_answers_match_the_code():
    for exercise_id, situation in [("04-nuance-and-speed", {"record": 0, "speed": 2, "nuance": 2}),
                                   ("04-individual-plan", {"speed": 2, "plan": "individual"})]:
        assert right(exercise(exercise_id)) == channels.rank(**situation)[0]["channel"], exercise_id
    table = contact_log.compare(contact_log.read_log(contact_log.SAMPLE))
    assert right(exercise("10-log-rate")) == table[data.say("contact_log.compare_columns.resolved_rate")].idxmax()
    practice = data.load_vocabulary().practice_numbers[1]
    assert questions.judge(exercise("07-plus81"), forms.callback_number(practice.domestic)).passed
    masked = exercise("06-what-gets-masked")
    typed = masked.question.split("「")[2].split("」")[0]
    phone, order = data.load_vocabulary().practice_numbers[0].domestic, registry.get("ORDER-ID").values["example"]
    assert phone in typed and order in typed
    shown = drafts.redact(typed)
    assert phone not in shown and order in shown and right(masked).startswith("電話番号は伏せ字")
    hours = registry.get("ATOZ-48H").values["reply_within_hours"]
    due = datetime(2026, 11, 30, 10, 0) + timedelta(hours=hours)  # a Monday
    assert right(exercise("08-atoz-deadline")).startswith(f"{'月火水木金土日'[due.weekday()]}曜日の{due:%H:%M}")


def test_no_exercise_uses_the_articles_numbers():
    numbers = [n.number for n in data.load_phone_numbers()]
    for question in ALL:
        texts = [question.question, *question.options, *question.accept, question.explanation or ""]
        assert not any(number in text for number in numbers for text in texts), question.id


def test_no_hint_names_an_option_or_the_answer():
    for question in ALL:
        for option in question.options or question.accept:
            assert option not in question.hint, question.id


# ---------------------------------------------------------------- the view a notebook holds


def test_a_passed_check_is_recorded_a_failed_one_is_not():
    view = course.lesson("05_seller_app").exercises()[0]
    key = progress.key("exercise", view.id)
    view.check(next(iter(wrong_answers(view.question))))
    assert key not in progress.load()[0]
    view.check(view.question.answer)
    assert key in progress.load()[0]


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


@pytest.mark.parametrize("typed", ["「評価の管理」", "評価の管理", " 評価の管理 ", "feedback manager", "Feedback　Manager"])
def test_text_answers_tolerate_quotes_spaces_and_case(typed):
    assert questions.judge(exercise("01-feedback-first"), typed).passed


def test_digit_answers_tolerate_full_width_and_dashes():
    after = data.load_vocabulary().practice_numbers[1].after_81
    full = after.translate(str.maketrans("0123456789-", "０１２３４５６７８９ー"))
    for typed in (after, after.replace("-", ""), full, after.replace("-", " ")):
        assert questions.judge(exercise("07-plus81"), typed).passed, typed
