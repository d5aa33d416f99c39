"""The question engine: one engine for the exercises of every lesson and for the final quiz.

Questions are data (``data/exercises.toml``, ``data/quiz.toml``). Here they are resolved (``{ID.path}`` filled in
from the registry, a right option named by its text turned into its index), judged by pure functions
(``judge``, ``hint_of``, ``solution_of``), and put in front of the learner by ``Exercise``: the view a notebook
holds, as in learntools, which records a passed exercise where the learner acts.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Callable

from helpers.core import data, progress, registry
from helpers.core.cards import fact_note
from helpers.core.render import (
    CHOICES_CLASS,
    EMPTY,
    WIDGET_CSS,
    RichText,
    block,
    bullets,
    join,
    para,
    span,
    status,
    strong,
)
from helpers.core.view import View

_QUOTES_AND_SPACES = "「」『』\"'“”‘’ 　。、.,"


@dataclasses.dataclass(frozen=True)
class Feedback(RichText):
    """What a check says, with ``passed`` for tests and progress."""

    passed: bool = False


# ---------------------------------------------------------------- resolution


def resolve(question: data.Question, file: str, reg: registry.Registry | None = None) -> data.Question:
    """Fill in every ``{ID.path}`` of a question and turn a right option named by its text into its index."""
    reg = reg or registry.registry()
    where = f"{file}: レコード {question.id}"

    def fill(text: str | None) -> str | None:
        return reg.resolve(text, where) if text else text

    options = tuple(fill(o.text if isinstance(o, data.Option) else o) for o in question.options)
    why = tuple(fill(o.why) if isinstance(o, data.Option) else None for o in question.options)
    if len(set(options)) != len(options):
        raise ValueError(f"{where}: 情報を埋めると、同じ選択肢が2つになります。")
    answer = question.answer
    if isinstance(answer, str):
        answer = fill(answer)
        if answer not in options:
            raise ValueError(f"{where}: 正解「{answer}」が選択肢の中にありません。")
        answer = options.index(answer)
    return dataclasses.replace(
        question,
        question=fill(question.question),
        explanation=fill(question.explanation),
        options=options,
        why=why,
        answer=answer,
        accept=tuple(fill(a) for a in question.accept),
        hint=fill(question.hint),
        look_for=fill(question.look_for),
        mistakes=tuple(data.Mistake(fill(m.answer), fill(m.say)) for m in question.mistakes),
        placeholder=fill(question.placeholder),
    )


@functools.cache
def quiz_questions() -> tuple[data.Question, ...]:
    """The final quiz, resolved."""
    return tuple(resolve(q, "quiz.toml") for q in data.load_quiz())


@functools.cache
def exercise_questions() -> tuple[data.Question, ...]:
    """Every exercise, resolved, in the order of ``exercises.toml``."""
    return tuple(resolve(q, "exercises.toml") for q in data.load_exercises())


# ---------------------------------------------------------------- judging (pure)


def fold(text: str) -> str:
    """Fold width, case, quotes, spaces and punctuation: 「サポートを受ける」 matches ｻﾎﾟｰﾄを受ける."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in _QUOTES_AND_SPACES).lower()


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isascii() and ch.isdigit())


MATCHERS: dict[str, Callable[[str], str]] = {"text": fold, "digits": _digits}


def _same(question: data.Question, typed: str, expected: str) -> bool:
    key = MATCHERS[question.match]
    return bool(key(typed)) and key(typed) == key(expected)


def chosen_index(question: data.Question, answer: int | str) -> int | None:
    """The option an answer picks: its index, or the option whose text it matches; None if none."""
    if isinstance(answer, int) and not isinstance(answer, bool):
        return answer if 0 <= answer < len(question.options) else None
    return next((i for i, option in enumerate(question.options) if fold(option) == fold(answer)), None)


def right_answer(question: data.Question) -> str:
    return question.options[question.answer] if question.is_choice else question.accept[0]


def tested_facts(question: data.Question) -> RichText:
    """The facts a question tests, each with its status and any caution."""
    notes = [fact_note(registry.get(fact_id)) for fact_id in question.facts]
    return join([span(data.say("questions.facts_heading"), bold=True), bullets(notes)], "", "\n")


def judge(question: data.Question, answer: int | str | None, reveal: bool = False) -> Feedback:
    """Judge an answer: right (with the explanation and the tested facts), a known mistake, or wrong.

    ``reveal`` (the quiz) names the right answer after a wrong one; exercises let the learner try again.
    """
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return _feedback(status(data.say("questions.empty"), tone="info"), passed=False)
    index = None
    if question.is_choice:
        index = chosen_index(question, answer)
        if index is None:
            return _feedback(status(data.say("questions.not_an_option"), tone="info"), passed=False)
        passed = index == question.answer
    else:
        passed = any(_same(question, str(answer), accepted) for accepted in question.accept)
    if passed:
        verdict = span(data.say("questions.right"), tone="ok", bold=True)
        shown = join([block(verdict, " ", question.explanation), tested_facts(question)])
        return _feedback(status(shown), passed=True)
    reason = why_wrong(question, index if question.is_choice else str(answer))
    if reveal:
        verdict = span(data.say("questions.wrong_reveal", answer=right_answer(question)), tone="error", bold=True)
        shown = join(
            [
                block(span(data.say("questions.wrong"), tone="error", bold=True), " ", reason),
                block(verdict, " ", question.explanation),
                tested_facts(question),
            ]
        )
    else:
        again = data.say("questions.try_again") if question.is_choice else ""
        shown = block(
            span(data.say("questions.wrong"), tone="error", bold=True), " ", reason, " " if again else "", again
        )
    return _feedback(status(shown), passed=False)


def why_wrong(question: data.Question, answer: int | str) -> str:
    """What a wrong answer gets: the chosen option's own reason, a known mistake's, or where to look — never the
    right answer."""
    if question.is_choice:
        return question.why[answer] or ""
    mistake = next((m for m in question.mistakes if _same(question, answer, m.answer)), None)
    return mistake.say if mistake else data.say("questions.look_for", where=question.look_for)


def _feedback(rich: RichText, passed: bool) -> Feedback:
    return Feedback(rich.html, rich.text, passed)


def hint_of(question: data.Question) -> RichText:
    """A hint that points the way without giving the answer."""
    return block(strong(data.say("questions.hint_label") + ": "), question.hint or "", tone="info")


def solution_of(question: data.Question) -> RichText:
    """The answer and its explanation, with the facts behind it."""
    return join(
        [
            block(
                strong(data.say("questions.solution_label") + ": "), right_answer(question), " — ", question.explanation
            ),
            tested_facts(question),
        ]
    )


def question_view(question: data.Question, number: str | None = None) -> RichText:
    """The question and its options, without the answer: what a reader without a kernel sees."""
    head = para(strong((number or data.say("questions.question_label")) + ": "), question.question)
    if question.is_choice:
        return join([head, bullets(question.options)])
    return head


# ---------------------------------------------------------------- the exercise a learner answers


class Exercise(View):
    """One exercise: ``check(answer)``, ``hint()``, ``solution()`` in code, or the same with its widget's buttons.

    Checking is judged by the pure ``judge``; a passed check is recorded in the progress store, because this is
    where the learner acts.
    """

    def __init__(self, question: data.Question):
        self.question = question
        self.answer: int | str | None = None
        self.shown: RichText = EMPTY

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def progress_item(self) -> str:
        """Where a passed check is recorded."""
        return progress.key("exercise", self.question.id)

    def check(self, answer: int | str | None = "") -> Feedback:
        """Check an answer and say what is right or wrong with it (also under the exercise's buttons).

        An empty answer only gets the reminder back: the code cell that checks "" on a first run leaves the
        widget's feedback alone.
        """
        result = judge(self.question, answer)
        if result.passed:
            self._record(self.progress_item)
        if answer not in (None, "") or self._widget is None:
            self._show(result)
        return result

    def hint(self) -> RichText:
        """Show a hint that does not give the answer away."""
        return self._show(status(hint_of(self.question)))

    def solution(self) -> RichText:
        """Show the answer with its explanation."""
        return self._show(status(solution_of(self.question)))

    def set_answer(self, answer: int | str | None) -> None:
        """Keep what the learner typed or chose (the widget calls this); nothing is judged yet."""
        self.answer = answer

    def _show(self, rich: RichText) -> RichText:
        self.shown = rich
        self._refresh()
        return rich

    def static(self) -> RichText:
        return question_view(self.question)

    def _build(self):
        import ipywidgets as w

        box = answer_input(self.question)
        box.observe(lambda change: self.set_answer(change["new"]), names="value")
        buttons = {
            "check": w.Button(
                description=data.say("questions.check_button"),
                icon="check",
                tooltip=data.say("questions.check_tooltip"),
            ),
            "hint": w.Button(
                description=data.say("questions.hint_label"),
                icon="lightbulb-o",
                tooltip=data.say("questions.hint_tooltip"),
            ),
            "solution": w.Button(
                description=data.say("questions.solution_button"),
                icon="eye",
                tooltip=data.say("questions.solution_tooltip"),
            ),
        }
        buttons["check"].on_click(lambda _b: self._show(self.check(self.answer)))
        buttons["hint"].on_click(lambda _b: self.hint())
        buttons["solution"].on_click(lambda _b: self.solution())
        feedback = w.HTML()
        asked = para(strong(data.say("questions.question_label") + ": "), self.question.question)
        root = w.VBox(
            [
                w.HTML(WIDGET_CSS + asked.html),
                box,
                w.HBox(list(buttons.values()), layout=w.Layout(flex_flow="row wrap")),
                feedback,
            ]
        )
        return root, {"answer": box, "feedback": feedback, **buttons}

    def _render(self) -> None:
        self._controls["feedback"].value = self.shown.html + self.progress_note.html


def answer_input(question: data.Question, description: str | None = None):
    """The field where a question is answered: option buttons for a choice, a text box otherwise."""
    import ipywidgets as w

    label = description or data.say("questions.answer_label")
    if question.is_choice:
        choices = w.RadioButtons(
            options=[(o, i) for i, o in enumerate(question.options)],
            value=None,
            description=label,
            layout=w.Layout(width="auto"),
        )
        choices.add_class(CHOICES_CLASS)
        return choices
    return w.Text(
        description=label,
        placeholder=question.placeholder or data.say("questions.answer_placeholder"),
        continuous_update=False,
    )
