"""Answers that cannot be guessed: the rules, checked on every choice question as the learner sees it.

Across the exercises and the quiz together: no option position holds more than 40 % of the right answers (and,
within a lesson of three or more questions, no position holds all of them); the longest option — ties count, in
characters or in display columns — is right in at most one question in three; hedged options are right in about as
many questions as they are wrong. And a learner who guesses by any of these habits fails the quiz.
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from collections import Counter

import pytest

from helpers import quiz
from helpers.core import questions

EXERCISES = [q for q in questions.exercise_questions() if q.is_choice]
QUIZ = list(quiz.Quiz().questions)
ALL = EXERCISES + QUIZ
HEDGES = ("分かっていない", "ことがある", "ことも", "とは限らない", "かもしれない", "場合がある")


def display_width(text: str) -> int:
    """Columns as the learner sees them: a full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def right_is_longest(q) -> bool:
    """Whether the right option is as long as the longest one (a tie counts), in characters or in columns."""
    right = q.options[q.answer]
    return any(measure(right) >= max(map(measure, q.options)) for measure in (len, display_width))


def hedged(text: str) -> bool:
    return any(h in text for h in HEDGES)


def test_no_position_holds_more_than_40_percent_of_the_right_answers():
    positions = Counter(q.answer for q in ALL)
    assert max(positions.values()) <= 0.4 * len(ALL), positions


def test_within_a_lesson_no_position_holds_all_the_right_answers():
    by_lesson: dict[str, list[int]] = {}
    for q in EXERCISES:
        by_lesson.setdefault(q.lesson, []).append(q.answer)
    by_lesson["quiz"] = [q.answer for q in QUIZ]
    for lesson, answers in by_lesson.items():
        if len(answers) >= 3:
            assert len(set(answers)) > 1, lesson


def test_the_longest_option_is_right_in_at_most_one_question_in_three():
    longest = [q.id for q in ALL if right_is_longest(q)]
    assert len(longest) <= len(ALL) / 3, longest


def test_ties_count_as_longest():
    q = QUIZ[0]
    tied = dataclasses.replace(q, options=("あいう", "かきく", "さし"), answer=0)
    assert right_is_longest(tied)
    assert right_is_longest(dataclasses.replace(tied, options=("ABCD", "あいう", "さし"), answer=1))  # wider, shorter
    assert not right_is_longest(dataclasses.replace(tied, answer=2))


def test_hedged_options_are_right_about_as_often_as_they_are_wrong():
    right = [q.id for q in ALL if hedged(q.options[q.answer])]
    wrong = [q.id for q in ALL if any(hedged(o) for i, o in enumerate(q.options) if i != q.answer)]
    assert right and wrong
    assert abs(len(right) - len(wrong)) <= max(2, (len(right) + len(wrong)) // 4), (right, wrong)


def score(pick) -> int:
    """How many quiz questions a strategy ``pick(question) -> option index`` gets right."""
    return sum(pick(q) == q.answer for q in QUIZ)


STRATEGIES = {
    "first": lambda q: 0,
    "second": lambda q: 1,
    "last": lambda q: len(q.options) - 1,
    "longest": lambda q: max(range(len(q.options)), key=lambda i: display_width(q.options[i])),
    "shortest": lambda q: min(range(len(q.options)), key=lambda i: display_width(q.options[i])),
    "hedged": lambda q: next((i for i, o in enumerate(q.options) if hedged(o)), 0),
}


@pytest.mark.parametrize("name", STRATEGIES)
def test_a_learner_who_guesses_by_habit_fails_the_quiz(name):
    assert 100 * score(STRATEGIES[name]) / len(QUIZ) < quiz.pass_mark() - 20, name


def test_a_learner_who_guesses_at_random_fails_the_quiz():
    rng = random.Random(19)
    scores = [score(lambda q: rng.randrange(len(q.options))) for _ in range(200)]
    assert max(scores) < quiz.pass_mark() * len(QUIZ) / 100
