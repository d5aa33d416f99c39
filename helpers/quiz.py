"""The final quiz over the whole kit: questions from ``data/quiz.toml``, immediate feedback, a score."""

from __future__ import annotations

from helpers import data, facts, progress
from helpers.display import RichText, esc, join, widget_bundle

LESSON = "08"
_OK, _NG = "#1a7f37", "#cf222e"


def feedback(question: data.Question, choice: int) -> RichText:
    """Say whether ``choice`` (0-based) is right, explain, and show the tested facts with their status."""
    right = choice == question.answer
    verdict = "正解です！" if right else f"残念、正解は「{question.options[question.answer]}」です。"
    notes = []
    for fact_id in question.facts:
        record = facts.get(fact_id)
        mark = facts.badge(record.status, getattr(record, "opinion", False))
        caution = f" {facts.CAUTION_LABEL[record.status]}: {record.caution}" if record.caution else ""
        notes.append((record.title, mark, caution))
    html = [f'<div role="status"><strong style="color:{_OK if right else _NG}">{esc(verdict)}</strong> '
            f"{esc(question.explanation)}<ul>"]
    html += [f"<li>{esc(t)} {m.html}{esc(c)}</li>" for t, m, c in notes]
    html.append("</ul></div>")
    text = [f"{verdict} {question.explanation}"] + [f"  ・{t} {m.text}{c}" for t, m, c in notes]
    return RichText("".join(html), "\n".join(text))


class Quiz:
    """The quiz's model: answers given so far, the score, and a widget with one block per question."""

    def __init__(self, questions: tuple[data.Question, ...] | None = None):
        self.questions = questions or data.load_quiz()
        self.answers: dict[str, int] = {}
        self._widget = None

    @property
    def score(self) -> int:
        return sum(self.answers[q.id] == q.answer for q in self.questions if q.id in self.answers)

    @property
    def finished(self) -> bool:
        return len(self.answers) == len(self.questions)

    def score_text(self) -> str:
        text = f"得点: {self.score} / {len(self.questions)}（回答 {len(self.answers)} 問）"
        if self.finished:
            text += " — すべて答えました。間違えた問題は、解説にあるノートブックを見直しましょう。"
        return text

    def answer(self, question_id: str, choice: int) -> RichText:
        """Answer one question (``choice`` is the 0-based option); the first answer is the one scored."""
        question = next((q for q in self.questions if q.id == question_id), None)
        if question is None:
            raise ValueError(f"「{question_id}」という問題はありません。")
        if not isinstance(choice, int) or not 0 <= choice < len(question.options):
            raise ValueError(f"選択肢の番号は 0〜{len(question.options) - 1} のどれかです。")
        first_time = question.id not in self.answers
        self.answers.setdefault(question.id, choice)
        if first_time and self.finished:
            progress.safely_record("quiz", {"score": self.score, "total": len(self.questions)})
        return feedback(question, choice)

    def static(self) -> RichText:
        """All questions and options, without answers: what a reader without a kernel sees."""
        parts = [RichText(f"<p><strong>問{n}.</strong> {esc(q.question)}</p><ol>"
                          + "".join(f"<li>{esc(o)}</li>" for o in q.options) + "</ol>",
                          f"問{n}. {q.question}\n" + "\n".join(f"  {i}. {o}" for i, o in enumerate(q.options, 1)))
                 for n, q in enumerate(self.questions, start=1)]
        parts.append(RichText("<p><em>ノートブックを実行すると、選んで答え合わせができます。</em></p>",
                              "（ノートブックを実行すると、選んで答え合わせができます。）"))
        return join(parts)

    @property
    def widget(self):
        if self._widget is None:
            self._widget = self._build()
        return self._widget

    def _build(self):
        import ipywidgets as w

        score = w.HTML(f"<strong>{esc(self.score_text())}</strong>")
        blocks = []
        self.controls = {"score": score}
        for n, question in enumerate(self.questions, start=1):
            choice = w.RadioButtons(options=[(o, i) for i, o in enumerate(question.options)], value=None,
                                    layout=w.Layout(width="max-content"), description=f"問{n}")
            button = w.Button(description="答え合わせ", icon="check", tooltip=f"問{n}の答えを確かめます")
            shown = w.HTML()

            def check(_button, question=question, choice=choice, shown=shown):
                if choice.value is None:
                    shown.value = "<span>選択肢を1つ選んでから、答え合わせを押してください。</span>"
                    return
                shown.value = self.answer(question.id, choice.value).html
                score.value = f"<strong>{esc(self.score_text())}</strong>"

            button.on_click(check)
            self.controls[question.id] = {"choice": choice, "check": button, "feedback": shown}
            blocks.append(w.VBox([w.HTML(f"<p><strong>問{n}.</strong> {esc(question.question)}</p>"),
                                  choice, button, shown]))
        return w.VBox([score, *blocks, score])  # the score at the top and again after the last question

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())


def quiz() -> Quiz:
    """Build the final quiz."""
    return Quiz()
