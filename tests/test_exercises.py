"""Exercises: each check passes on its solution and fails on a wrong answer; the widgets work headless."""

from __future__ import annotations

import re

import pytest
from support import read_notebook, stored_notebooks

from helpers import exercises

ALL = exercises.all_exercises()


@pytest.fixture(params=ALL, ids=lambda q: q.id)
def q(request):
    return request.param


def test_check_passes_on_the_solution(q):
    result = q.check(q.answer)
    assert result.passed and result.text.startswith("正解です")


def test_check_fails_on_a_wrong_answer(q):
    result = q.check(q.wrong_example)
    assert not result.passed and "hint()" in result.text


def test_empty_answer_is_not_judged(q):
    result = q.check("")
    assert not result.passed and "まだ入力されていません" in result.text


def test_hint_does_not_give_the_answer_away(q):
    assert q.hint().text.startswith("ヒント:") and q.answer not in q.hint().text


def test_solution_explains(q):
    assert q.answer in q.solution().text and q.explanation in q.solution().text


def test_options_contain_the_answer_and_the_wrong_example(q):
    if q.options:
        assert len(set(q.options)) == len(q.options) >= 2
        assert q.check(next(o for o in q.options if q.judge(o) is None)).passed
        assert q.wrong_example in q.options


def test_widget_checks_hints_and_solves(q):
    view = q.widget()
    c = view.controls
    c["check"].click()
    assert "まだ入力されていません" in c["feedback"].value
    c["answer"].value = q.options[[q.judge(o) for o in q.options].index(None)] if q.options else q.answer
    c["check"].click()
    assert "正解です" in c["feedback"].value
    c["hint"].click()
    assert "ヒント" in c["feedback"].value
    c["solution"].click()
    assert "解答" in c["feedback"].value


def test_static_fallback_shows_the_question_but_not_the_answer(q):
    bundle = q._repr_mimebundle_()
    assert q.question in bundle["text/plain"] and "解答" not in bundle["text/plain"]


@pytest.mark.parametrize("typed", ["「サポートを受ける」", "サポートを受ける", " ｻﾎﾟｰﾄを受ける ".replace("ｻﾎﾟｰﾄ", "サポート")])
def test_text_answers_tolerate_quotes_and_spaces(typed):
    first_label = next(q for q in ALL if q.id == "01-first-label")
    assert first_label.check(typed).passed


@pytest.mark.parametrize("typed, says", [("011-330-3000", "先頭の0"), ("+81-11-330-3000", "+81"),
                                         ("11-330-3001", "数字が合っていません")])
def test_plus81_feedback_says_what_is_wrong(typed, says):
    plus81 = next(q for q in ALL if q.id == "03-plus81")
    assert says in plus81.check(typed).text
    assert plus81.check("11-3303000").passed and plus81.check("１１ー３３０ー３０００").passed


def test_unknown_lesson():
    with pytest.raises(ValueError, match="練習問題はありません"):
        exercises.for_lesson("99")


def test_every_lesson_notebook_with_exercises_uses_them():
    for path in stored_notebooks():
        number = path.name[:2]
        source = "".join("".join(c["source"]) for c in read_notebook(path)["cells"])
        calls = re.findall(r'exercises\.for_lesson\("(\d\d)"\)', source)
        assert calls in ([], [number])
        if calls:
            for n in range(1, len(exercises.for_lesson(number)) + 1):
                assert f"q{n}.check(" in source and f"q{n}.hint()" in source and f"q{n}.solution()" in source
