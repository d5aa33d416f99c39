"""The final quiz over the whole kit: questions from ``data/quiz.toml``, immediate feedback, a score.

The questions are judged by the same engine as the exercises (``helpers.core.questions``); here they are put
together as one test with a score: the first answer to each question counts, and a finished quiz is recorded.
"""

from __future__ import annotations

from helpers.core import data, progress, questions
from helpers.core.render import WIDGET_CSS, RichText, join, para, span, status, strong
from helpers.core.view import View

PROGRESS_ID = "final"


def feedback(question: data.Question, choice: int) -> questions.Feedback:
    """Say whether ``choice`` (0-based) is right, explain, and show the tested facts with their status."""
    return questions.judge(question, choice, reveal=True)


class Quiz(View):
    """The quiz's model: answers given so far, the score, and a widget with one block per question."""

    def __init__(self, quiz_questions: tuple[data.Question, ...] | None = None):
        self.questions = quiz_questions or questions.quiz_questions()
        self.answers: dict[str, int] = {}           # the first answer to each question: the one scored
        self.chosen: dict[str, int | None] = {}     # what the learner has selected, not yet checked
        self.shown: dict[str, RichText] = {}

    @property
    def score(self) -> int:
        return sum(self.answers[q.id] == q.answer for q in self.questions if q.id in self.answers)

    @property
    def finished(self) -> bool:
        return len(self.answers) == len(self.questions)

    def score_text(self) -> str:
        text = data.say("quiz.score", score=self.score, total=len(self.questions), answered=len(self.answers))
        return text + (data.say("quiz.finished") if self.finished else "")

    def answer(self, question_id: str, choice: int | None) -> RichText:
        """Answer one question (``choice`` is the 0-based option); the first answer is the one scored."""
        question = next((q for q in self.questions if q.id == question_id), None)
        if question is None:
            raise ValueError(f"「{question_id}」という問題はありません。")
        if choice is None:
            shown = status(data.say("quiz.choose_first"), tone="info")
        elif not isinstance(choice, int) or not 0 <= choice < len(question.options):
            raise ValueError(f"選択肢の番号は 0〜{len(question.options) - 1} のどれかです。")
        else:
            first_time = question.id not in self.answers
            self.answers.setdefault(question.id, choice)
            if first_time and self.finished:
                self._record(progress.key("quiz", PROGRESS_ID), {"score": self.score, "total": len(self.questions)})
            shown = feedback(question, choice)
        self.shown[question.id] = shown
        self._refresh()
        return shown

    def static(self) -> RichText:
        """All questions and options, without answers: what a reader without a kernel sees."""
        parts = [questions.question_view(q, data.say("quiz.number", n=n)) for n, q in enumerate(self.questions, 1)]
        parts.append(para(span(data.say("quiz.static_note"), style="font-style:italic")))
        return join(parts)

    def _build(self):
        import ipywidgets as w

        scores = [w.HTML(), w.HTML()]  # the score at the top and again after the last question
        style = w.HTML(WIDGET_CSS)
        controls: dict = {"score": scores[0]}
        blocks = []
        for n, question in enumerate(self.questions, start=1):
            number = data.say("quiz.number", n=n)
            choice = questions.answer_input(question, description=number)
            button = w.Button(description=data.say("questions.check_button"), icon="check",
                              tooltip=data.say("quiz.check_tooltip", number=number))
            shown = w.HTML()
            choice.observe(lambda change, q=question: self.chosen.__setitem__(q.id, change["new"]), names="value")
            button.on_click(lambda _b, q=question: self.answer(q.id, self.chosen.get(q.id)))
            controls[question.id] = {"choice": choice, "check": button, "feedback": shown}
            blocks.append(w.VBox([w.HTML(para(strong(f"{number}. "), question.question).html), choice, button, shown]))
        self._scores = scores
        return w.VBox([style, scores[0], *blocks, scores[1]]), controls

    def _render(self) -> None:
        for view in self._scores:
            view.value = strong(self.score_text()).html + self.progress_note.html
        for question_id, shown in self.shown.items():
            self._controls[question_id]["feedback"].value = shown.html


def quiz() -> Quiz:
    """Build the final quiz."""
    return Quiz()
