"""The final quiz: at least 15 questions from data covering every section, feedback and score."""

from __future__ import annotations

import pytest

from helpers import facts, quiz
from helpers.core import data

QUESTIONS = data.load_quiz()


def test_at_least_15_questions_covering_every_section_of_facts_md():
    assert len(QUESTIONS) >= 15
    assert {q.section for q in QUESTIONS} == set(range(1, 10))


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_is_tied_to_existing_facts(question):
    for fact_id in question.facts:
        facts.get(fact_id)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_feedback_explains_and_shows_the_facts_status(question):
    right = quiz.feedback(question, question.answer)
    assert right.text.startswith("正解です") and question.explanation in right.text
    for fact_id in question.facts:
        record = facts.get(fact_id)
        assert facts.badge(record.status).text in right.text
        if record.caution:
            assert record.caution in right.text
    wrong = quiz.feedback(question, (question.answer + 1) % len(question.options))
    assert wrong.text.startswith("残念") and question.options[question.answer] in wrong.text


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
    block = (game.widget, game.controls[QUESTIONS[0].id])[1]
    block["check"].click()
    assert "選んでから" in block["feedback"].value
    block["choice"].value = QUESTIONS[0].answer
    block["check"].click()
    assert "正解です" in block["feedback"].value
    assert f"得点: 1 / {len(QUESTIONS)}" in game.controls["score"].value


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
facts = ["HOURS-PHONE"]
question = "?"
options = ["a", "b"]
answer = 2
explanation = "e"
"""
    with pytest.raises(ValueError, match="「answer」"):
        data.load_quiz.__wrapped__(write("quiz.toml", bad))
