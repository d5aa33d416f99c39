"""The final quiz: enough fair questions from data covering every section, feedback and score."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

import pytest

from helpers import facts, forms, quiz
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


def test_in_four_option_questions_the_right_answer_takes_every_position():
    four = [q for q in QUESTIONS if len(q.options) == 4]
    positions = Counter(q.answer for q in four)
    assert set(positions) == {0, 1, 2, 3} and max(positions.values()) <= 0.4 * len(four), positions


def display_width(text: str) -> int:
    """Columns as the learner sees them: a full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def right_is_longest(q) -> bool:
    """Whether the right option is as long as the longest one (a tie counts), in characters or in columns."""
    right = q.options[q.answer]
    return any(measure(right) >= max(map(measure, q.options)) for measure in (len, display_width))


def test_the_longest_option_is_the_right_one_at_most_40_percent_of_the_time():
    longest = [q.id for q in QUESTIONS if right_is_longest(q)]
    assert len(longest) <= 0.4 * len(QUESTIONS), longest


def test_ties_count_as_longest():
    q = QUESTIONS[0]
    tied = dataclasses.replace(q, options=("あいう", "かきく", "さし"), answer=0)
    assert right_is_longest(tied)
    assert right_is_longest(dataclasses.replace(tied, options=("ABCD", "あいう", "さし"), answer=1))  # wider, shorter
    assert not right_is_longest(dataclasses.replace(tied, answer=2))


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
    twin = dataclasses.replace(QUESTIONS[0], facts=exercise.facts, question="まったく別の聞き方をした問題です。",
                               options=("ほかの答え", questions.right_answer(exercise) + "。", "もう1つの答え"), answer=1)
    assert [found[2].startswith("same answer") for found in repeats([twin], [exercise])] == [True]
    unrelated = dataclasses.replace(twin, facts=("JST",))
    assert not repeats([unrelated], [exercise]), "a shared fact is needed: 「電話」 may answer many questions"


ARTICLE_NUMBERS = [n.number for n in data.load_phone_numbers()]


def test_the_articles_numbers_appear_only_as_numbers_not_to_call():
    """FACTS.md: shown as history, titled as numbers not to call, each with the scam warning; never typed."""
    for q in QUESTIONS:
        texts = [q.question, *q.options, q.explanation]
        if any(number in text for number in ARTICLE_NUMBERS for text in texts):
            assert "TEL-SCAM" in q.facts and "かけてはいけない" in q.question, q.id
            assert not any(number in option for number in ARTICLE_NUMBERS for option in q.options), q.id
            scam = facts.get("TEL-SCAM")
            for shown in (quiz.feedback(q, q.answer).text, quiz.feedback(q, (q.answer + 1) % len(q.options)).text):
                assert scam.title in shown and scam.statement in shown, q.id


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
