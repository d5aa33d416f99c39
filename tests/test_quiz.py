"""The final quiz: enough fair questions from data covering every section, feedback and score."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers import facts, quiz
from helpers.core import data, questions

QUESTIONS = quiz.Quiz().questions  # as the learner sees them
STATUS_WORDS = [m.label.split()[-1] for status, m in data.load_vocabulary().statuses.items()
                if status in data.NEEDS_CAUTION]


def test_at_least_21_questions_covering_every_section_of_facts_md():
    assert len(QUESTIONS) >= 21
    assert {q.section for q in QUESTIONS} == set(range(1, 10))


def test_a_question_asks_which_claim_is_changed_or_unverified():
    asking = [q for q in QUESTIONS if any(word in q.question for word in STATUS_WORDS)
              or any(facts.get(f).status in data.NEEDS_CAUTION for f in q.facts)]
    assert any(any(word in q.question for word in STATUS_WORDS) for q in asking)


def test_the_contract_options_and_a_zero_based_answer():
    for q in QUESTIONS:
        assert isinstance(q.answer, int) and 0 <= q.answer < len(q.options) and len(q.options) >= 3


def test_no_option_position_holds_more_than_40_percent_of_the_right_answers():
    positions = Counter(q.answer for q in QUESTIONS)
    assert max(positions.values()) <= 0.4 * len(QUESTIONS), positions


def test_the_longest_option_is_the_right_one_at_most_40_percent_of_the_time():
    longest = [q.id for q in QUESTIONS if sum(len(o) >= len(q.options[q.answer]) for o in q.options) == 1]
    assert len(longest) <= 0.4 * len(QUESTIONS), longest


def test_no_question_repeats_an_exercise():
    from difflib import SequenceMatcher

    for q in QUESTIONS:
        for e in questions.exercise_questions():
            asked = SequenceMatcher(None, q.question, e.question).ratio()
            assert asked < 0.6, (q.id, e.id, round(asked, 2))


def test_no_question_uses_the_articles_numbers_for_typing():
    practice = data.load_vocabulary().practice_numbers
    q08 = next(q for q in QUESTIONS if q.id == "Q08")
    assert practice[0].domestic in q08.question


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_feedback_explains_and_shows_the_facts_status(question):
    right = quiz.feedback(question, question.answer)
    assert right.text.startswith(data.say("questions.right")) and question.explanation in right.text
    for fact_id in question.facts:
        record = facts.get(fact_id)
        assert facts.record_badge(record).text in right.text
        if facts.caution(record).text:
            assert record.caution in right.text if record.caution else facts.caution(record).text in right.text
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
facts = ["HOURS-PHONE"]
question = "?"
options = ["a", "b"]
answer = 2
explanation = "e"
"""
    with pytest.raises(ValueError, match="「answer」"):
        data.load_quiz.__wrapped__(write("quiz.toml", bad))
