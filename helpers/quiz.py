"""The final quiz over the whole kit: questions from ``data/quiz.toml``, immediate feedback, a score, a pass mark.

The questions are judged by the same engine as the exercises (``helpers.core.questions``); here they are put
together as one test: the first answer to each question counts; when every question is answered the result says
whether the learner passed (the quiz lesson's ``pass_mark`` in the manifest) or which lessons to revisit, from the
questions missed; a finished quiz is recorded, under the quiz's id in the manifest, with its score and the ids of
the questions missed.
"""

from __future__ import annotations

from helpers.core import data, progress, questions
from helpers.core.render import EMPTY, WIDGET_CSS, RichText, bullets, join, para, span, status, strong
from helpers.core.view import View


def feedback(question: data.Question, choice: int) -> questions.Feedback:
    """Say whether ``choice`` (0-based) is right, why a wrong one is wrong, and show the tested facts."""
    return questions.judge(question, choice, reveal=True)


def quiz_lesson() -> data.Lesson:
    """The manifest's lesson that holds the quiz (``quiz = "<its id>"``)."""
    return next(lesson for lesson in data.load_lessons() if lesson.quiz)


def pass_mark() -> int:
    """The percentage needed to pass (the quiz lesson's ``pass_mark``)."""
    return quiz_lesson().pass_mark


class Quiz(View):
    """The quiz's model: answers given so far, the score, the result, and a widget with one block per question."""

    def __init__(self, quiz_questions: tuple[data.Question, ...] | None = None):
        self.questions = quiz_questions or questions.quiz_questions()
        self.answers: dict[str, int] = {}  # the first answer to each question: the one scored
        self.chosen: dict[str, int | None] = {}  # what the learner has selected, not yet checked
        self.shown: dict[str, RichText] = {}

    @property
    def progress_item(self) -> str:
        """Where a finished quiz is recorded: its id in the manifest."""
        return progress.key("quiz", quiz_lesson().quiz)

    @property
    def score(self) -> int:
        return sum(self.answers[q.id] == q.answer for q in self.questions if q.id in self.answers)

    @property
    def finished(self) -> bool:
        return len(self.answers) == len(self.questions)

    @property
    def percent(self) -> int:
        """The score as a whole percentage of all questions."""
        return round(100 * self.score / len(self.questions))

    @property
    def passed(self) -> bool:
        """Whether every question is answered and the score reaches the pass mark."""
        return self.finished and self.percent >= pass_mark()

    @property
    def missed(self) -> tuple[str, ...]:
        """The ids of the questions answered wrongly, in the quiz's order."""
        return tuple(q.id for q in self.questions if q.id in self.answers and self.answers[q.id] != q.answer)

    def revisit(self) -> list[tuple[data.Lesson, int]]:
        """The lessons to revisit, in the manifest's order, with how many missed questions point at each."""
        counts: dict[str, int] = {}
        for q in self.questions:
            if q.id in self.missed:
                counts[q.lesson] = counts.get(q.lesson, 0) + 1
        return [(lesson, counts[lesson.id]) for lesson in data.load_lessons() if lesson.id in counts]

    def score_text(self) -> str:
        text = data.say("quiz.score", score=self.score, total=len(self.questions), answered=len(self.answers))
        return text + (data.say("quiz.finished") if self.finished else "")

    def result(self) -> RichText:
        """Passed, or the lessons to revisit; nothing until every question is answered."""
        if not self.finished:
            return EMPTY
        fields = {"percent": self.percent, "pass_mark": pass_mark()}
        if self.passed:
            return status(strong(data.say("quiz.passed", **fields)), tone="ok")
        lessons = [data.say("quiz.revisit", title=lesson.title, missed=n) for lesson, n in self.revisit()]
        return status(strong(data.say("quiz.not_passed", **fields)), bullets(lessons), tone="error")

    def answer(self, question_id: str, choice: int | None) -> RichText:
        """Answer one question (``choice`` is the 0-based option); the first answer is the one scored."""
        question = next((q for q in self.questions if q.id == question_id), None)
        if question is None:
            raise ValueError(f"「{question_id}」という問題はありません。")
        if choice is None:
            shown = status(data.say("quiz.choose_first"), tone="info")
        elif isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(question.options):
            raise ValueError(f"選択肢の番号は 0〜{len(question.options) - 1} のどれかです。")
        else:
            first_time = question.id not in self.answers
            self.answers.setdefault(question.id, choice)
            if first_time and self.finished:
                self._record(
                    self.progress_item,
                    {"score": self.score, "total": len(self.questions), "missed": ",".join(self.missed)},
                )
            shown = feedback(question, choice)
        self.shown[question.id] = shown
        self._refresh()
        return shown

    def restart(self) -> None:
        """Start again from the first question (the best score stays recorded)."""
        self.answers.clear()
        self.shown.clear()
        self.progress_note = EMPTY
        self._refresh()

    def static(self) -> RichText:
        """All questions and options, without answers: what a reader without a kernel sees."""
        parts = [questions.question_view(q, data.say("quiz.number", n=n)) for n, q in enumerate(self.questions, 1)]
        parts.append(para(span(data.say("quiz.static_note", pass_mark=pass_mark()), style="font-style:italic")))
        return join(parts)

    def _build(self):
        import ipywidgets as w

        scores = [w.HTML(), w.HTML()]  # the score at the top and again after the last question
        style = w.HTML(WIDGET_CSS)
        controls: dict = {"score": scores[0], "result": scores[1]}
        blocks = []
        for n, question in enumerate(self.questions, start=1):
            number = data.say("quiz.number", n=n)
            choice = questions.answer_input(question, description=number)
            button = w.Button(
                description=data.say("questions.check_button"),
                icon="check",
                tooltip=data.say("quiz.check_tooltip", number=number),
            )
            shown = w.HTML()
            choice.observe(lambda change, q=question: self.chosen.__setitem__(q.id, change["new"]), names="value")
            button.on_click(lambda _b, q=question: self.answer(q.id, self.chosen.get(q.id)))
            controls[question.id] = {"choice": choice, "check": button, "feedback": shown}
            blocks.append(w.VBox([w.HTML(para(strong(f"{number}. "), question.question).html), choice, button, shown]))
        restart = w.Button(
            description=data.say("quiz.restart"), icon="refresh", tooltip=data.say("quiz.restart_tooltip")
        )
        restart.on_click(lambda _b: self._restart_clicked())
        controls["restart"] = restart
        self._scores = scores
        return w.VBox([style, scores[0], *blocks, scores[1], restart]), controls

    def _restart_clicked(self) -> None:
        self.restart()
        for question in self.questions:
            self._controls[question.id]["choice"].value = None

    def _render(self) -> None:
        head = strong(self.score_text()).html + self.progress_note.html
        self._scores[0].value = head
        self._scores[1].value = head + self.result().html
        for question in self.questions:
            self._controls[question.id]["feedback"].value = self.shown.get(question.id, EMPTY).html


def quiz() -> Quiz:
    """Build the final quiz."""
    return Quiz()
