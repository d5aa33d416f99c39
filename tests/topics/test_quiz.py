"""The final quiz: enough fair questions from data covering every section, feedback and score."""

from __future__ import annotations

import dataclasses
import json
from difflib import SequenceMatcher

import pytest

from helpers import course, facts, forms, quiz
from helpers.core import data, questions

QUESTIONS = quiz.Quiz().questions  # as the learner sees them
OUTDATED = data.load_vocabulary().badges["outdated"].label


def test_at_least_30_questions_covering_every_section_of_facts_md():
    assert len(QUESTIONS) >= 30
    assert {q.section for q in QUESTIONS} == set(data.SECTIONS)


def test_a_question_turns_on_a_claim_that_may_be_outdated():
    """The learner meets old claims in blogs: one question puts an outdated claim in front of them."""
    assert any(
        "古い" in q.question and any(facts.badge_key(facts.get(f)) == "outdated" for f in q.facts) for q in QUESTIONS
    )


def test_the_contract_options_and_a_zero_based_answer():
    for q in QUESTIONS:
        assert isinstance(q.answer, int) and 0 <= q.answer < len(q.options) and len(q.options) >= 3
        assert all(isinstance(o, str) for o in q.options)


def test_every_question_sends_a_miss_to_a_lesson_of_the_manifest():
    lessons = {lesson.id for lesson in course.lessons()}
    assert all(q.lesson in lessons and not course.lesson(q.lesson).record.quiz for q in QUESTIONS)


KIT_WORDS = ("このキット", "印", "バッジ", "筆者", "道具", "伏せ字", "おすすめの道具", "記事の比較")


def test_questions_are_situations_not_facts_about_the_kit():
    """Judgement, not recall: no question asks about the kit, its badges, its tools or the article's author."""
    for q in QUESTIONS:
        assert not any(word in q.question for word in KIT_WORDS), q.id
        for label in [b.label for b in data.load_vocabulary().badges.values()]:
            assert label not in q.question and all(label not in o for o in q.options), q.id


def repeats(quiz_questions, exercises) -> list[tuple[str, str, str]]:
    """Quiz questions that repeat an exercise: in wording, or in substance (the same right answer on a shared fact)."""
    fold, found = questions.fold, []
    for q in quiz_questions:
        for e in exercises:
            if SequenceMatcher(None, q.question, e.question).ratio() >= 0.6:
                found.append((q.id, e.id, "same wording"))
            shared = set(q.facts) & set(e.facts)
            answers = SequenceMatcher(None, fold(questions.right_answer(q)), fold(questions.right_answer(e))).ratio()
            if shared and answers >= 0.6:
                found.append((q.id, e.id, f"same answer on {', '.join(sorted(shared))}"))
    return found


def test_no_question_repeats_an_exercise():
    assert not repeats(QUESTIONS, questions.exercise_questions())


def test_the_repeat_check_sees_a_reworded_question_with_the_same_answer_on_the_same_fact():
    exercise = next(e for e in questions.exercise_questions() if e.is_choice)
    twin = dataclasses.replace(
        QUESTIONS[0],
        facts=exercise.facts,
        question="まったく別の聞き方をした問題です。",
        options=("ほかの答え", questions.right_answer(exercise) + "。", "もう1つの答え"),
        answer=1,
    )
    assert [found[2].startswith("same answer") for found in repeats([twin], [exercise])] == [True]
    unrelated = dataclasses.replace(twin, facts=("JST",))
    assert not repeats([unrelated], [exercise]), "a shared fact is needed: 「電話」 may answer many questions"


ARTICLE_NUMBERS = [n.number for n in data.load_phone_numbers()]


def test_the_articles_numbers_are_never_asked_back():
    """The old numbers are shown once, in the phone lesson; no question shows or asks them."""
    for q in QUESTIONS:
        texts = [q.question, *q.options, q.explanation, *filter(None, q.why)]
        assert not any(number in text for number in ARTICLE_NUMBERS for text in texts), q.id
        assert not any(f in ("TEL-0120", "TEL-011", "TEL-022") for f in q.facts), q.id


def test_the_landline_question_states_the_rule_the_form_checker_applies():
    """Q08 is a landline, not a mobile as in exercise 07-plus81; its answer is what the kit's checker does."""
    (q08,) = [q for q in QUESTIONS if q.id == "Q08"]
    assert "03 で始まる" in q08.question and "先頭の0だけ" in q08.options[q08.answer]
    assert forms.callback_number("03-1111-2222") == "3-1111-2222"  # invented, only here


def test_nothing_a_question_shows_would_be_refused_in_a_stored_notebook(tmp_path):
    """Notebook 09 stores the quiz as text: no phone, card or e-mail the notebook guard refuses."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from tools import notebook_guard

    cells = []
    for q in QUESTIONS:
        cell = new_code_cell("quiz", execution_count=len(cells) + 1)
        text = "\n".join([questions.question_view(q).text, q.explanation])
        cell.outputs = [new_output("execute_result", data={"text/plain": text}, execution_count=len(cells) + 1)]
        cells.append(cell)
    target = tmp_path / "quiz.ipynb"
    target.write_text(json.dumps(new_notebook(cells=cells)), encoding="utf-8")
    assert notebook_guard.problems(target) == []


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_feedback_explains_and_shows_the_facts_badges(question):
    right = quiz.feedback(question, question.answer)
    assert right.text.startswith(data.say("questions.right")) and question.explanation in right.text
    for fact_id in question.facts:
        record = facts.get(fact_id)
        assert facts.record_badge(record).text in right.text
        if facts.caution(record).text:
            assert record.caution in right.text if record.caution else facts.caution(record).text in right.text


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_wrong_option_says_why_it_is_wrong_then_names_the_answer(question):
    for index in range(len(question.options)):
        if index == question.answer:
            continue
        shown = quiz.feedback(question, index).text
        assert shown.startswith(data.say("questions.wrong")) and question.why[index] in shown
        assert question.options[question.answer] in shown and question.explanation in shown
    reasons = [question.why[i] for i in range(len(question.options)) if i != question.answer]
    assert len(set(reasons)) == len(reasons), "each wrong option has its own reason"


def test_score_counts_first_answers_only():
    game = quiz.quiz()
    first, second = game.questions[:2]
    game.answer(first.id, first.answer)
    game.answer(second.id, (second.answer + 1) % len(second.options))
    game.answer(second.id, second.answer)  # a second try does not change the score
    assert game.score == 1 and len(game.answers) == 2 and not game.finished
    assert game.score_text().startswith(f"得点: 1 / {len(QUESTIONS)}（回答 2 問）")


def test_bad_answers_are_japanese_value_errors():
    game = quiz.quiz()
    with pytest.raises(ValueError, match="問題はありません"):
        game.answer("Q99", 0)
    with pytest.raises(ValueError, match="選択肢の番号"):
        game.answer(QUESTIONS[0].id, 7)


def test_widget_gives_immediate_feedback_and_updates_the_score():
    game = quiz.quiz()
    block = game.controls[QUESTIONS[0].id]
    block["check"].click()
    assert data.say("quiz.choose_first") in block["feedback"].value
    block["choice"].value = QUESTIONS[0].answer
    block["check"].click()
    assert data.say("questions.right") in block["feedback"].value
    assert f"得点: 1 / {len(QUESTIONS)}" in game.controls["score"].value
    assert game.chosen[QUESTIONS[0].id] == QUESTIONS[0].answer, "the model holds the choice"


def test_static_version_lists_questions_without_answers():
    bundle = quiz.quiz()._repr_mimebundle_()
    for question in QUESTIONS:
        assert question.question in bundle["text/plain"]
        assert question.explanation not in bundle["text/plain"]


def test_bad_quiz_data_is_rejected(write):
    bad = """
[[question]]
id = "Q1"
section = 1
lesson = "02_phone_safety"
facts = ["HOURS-PHONE"]
question = "?"
options = [{ text = "a", why = "w" }, { text = "b", why = "x" }, { text = "c" }]
answer = 3
explanation = "e"
"""
    with pytest.raises(ValueError, match="「answer」"):
        data.load_quiz.__wrapped__(write("quiz.toml", bad))


def answer_all(game, right: int) -> None:
    """Answer the first ``right`` questions right and the rest wrong."""
    for n, q in enumerate(game.questions):
        game.answer(q.id, q.answer if n < right else (q.answer + 1) % len(q.options))


def test_passing_takes_the_pass_mark_of_the_manifest():
    mark = quiz.pass_mark()
    assert mark == next(lesson.pass_mark for lesson in course.lessons() if lesson.quiz) == 80
    needed = -(-mark * len(QUESTIONS) // 100)  # the fewest right answers that reach the mark
    passing, failing = quiz.quiz(), quiz.quiz()
    answer_all(passing, needed)
    answer_all(failing, needed - 1)
    assert passing.passed and not failing.passed
    assert data.say("quiz.passed", percent=passing.percent, pass_mark=mark) in passing.result().text
    assert not quiz.quiz().result(), "no result before every question is answered"


def test_a_fail_names_the_lessons_to_revisit_from_the_questions_missed():
    game = quiz.quiz()
    answer_all(game, 0)
    result = game.result().text
    assert data.say("quiz.not_passed", percent=game.percent, pass_mark=quiz.pass_mark()) in result
    missed = {q.lesson for q in QUESTIONS}
    for lesson in course.lessons():
        assert (lesson.title in result) == (lesson.id in missed)
    assert game.missed == tuple(q.id for q in QUESTIONS)


def test_a_finished_quiz_is_recorded_with_its_score_and_the_questions_missed(fresh_progress):
    from helpers.core import progress

    game = quiz.quiz()
    answer_all(game, len(QUESTIONS) - 2)
    entry = progress.load()[0][quiz.quiz().progress_item]
    assert entry["score"] == len(QUESTIONS) - 2 and entry["total"] == len(QUESTIONS)
    assert entry["missed"] == ",".join(q.id for q in QUESTIONS[-2:])


def test_restart_clears_the_answers_and_the_widget_and_keeps_the_best_score(fresh_progress):
    from helpers.core import progress

    game = quiz.quiz()
    answer_all(game, len(QUESTIONS))
    game.controls["restart"].click()
    assert not game.answers and game.score == 0 and not game.result()
    assert all(game.controls[q.id]["choice"].value is None for q in QUESTIONS)
    answer_all(game, 0)
    assert progress.load()[0][quiz.quiz().progress_item]["best"] == len(QUESTIONS)
