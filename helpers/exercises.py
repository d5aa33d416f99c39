"""Practice exercises in the style of Kaggle's learntools: ``q.check(answer)``, ``q.hint()``, ``q.solution()``.

Answers are checked here, from the data, never by code the learner has to read. An exercise also displays
itself as a small widget (question, answer box, 「答え合わせ」「ヒント」「解答を見る」), so a learner can
answer without typing code.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable

from helpers import data, facts, forms, progress
from helpers.display import RichText, esc, widget_bundle

_OK, _NG, _INFO = "#1a7f37", "#cf222e", "#0969da"


@dataclasses.dataclass(frozen=True)
class CheckResult(RichText):
    """The feedback of ``check()``: shown in the notebook, with ``passed`` for tests and progress."""

    passed: bool = False


def _result(passed: bool, message: str, colour: str) -> CheckResult:
    return CheckResult(f'<div role="status" style="color:{colour}">{esc(message)}</div>', message, passed)


@dataclasses.dataclass(frozen=True)
class Exercise:
    """One question, its checker (returns None when right, or what is wrong), a hint and a solution."""

    id: str
    question: str
    judge: Callable[[str], str | None]
    hint_text: str
    answer: str
    explanation: str
    wrong_example: str
    options: tuple[str, ...] = ()

    def check(self, answer: str = "") -> CheckResult:
        """Check an answer and say what is right or wrong with it."""
        if not isinstance(answer, str) or not answer.strip():
            return _result(False, "答えがまだ入力されていません。答えを入力（または選択）してから、もう一度確かめてください。", _INFO)
        problem = self.judge(answer)
        if problem is None:
            progress.safely_record(f"exercise:{self.id}")
            return _result(True, f"正解です！ {self.explanation}", _OK)
        return _result(False, f"もう一度考えてみましょう。{problem} 分からないときは hint() でヒントを見られます。", _NG)

    def hint(self) -> RichText:
        """Return a hint that does not give the answer away."""
        return RichText(f'<div style="color:{_INFO}"><strong>ヒント:</strong> {esc(self.hint_text)}</div>',
                        f"ヒント: {self.hint_text}")

    def solution(self) -> RichText:
        """Return the answer with its explanation."""
        text = f"解答: {self.answer} — {self.explanation}"
        return RichText(f"<div><strong>解答:</strong> {esc(self.answer)} — {esc(self.explanation)}</div>", text)

    def static(self) -> RichText:
        lines = [f"問題: {self.question}"] + [f"  ・{o}" for o in self.options]
        html = f"<div><strong>問題:</strong> {esc(self.question)}"
        if self.options:
            html += "<ul>" + "".join(f"<li>{esc(o)}</li>" for o in self.options) + "</ul>"
        return RichText(html + "</div>", "\n".join(lines))

    def widget(self):
        """Build the answering widget (undisplayed)."""
        import ipywidgets as w

        if self.options:
            box = w.RadioButtons(options=self.options, value=None, description="答え",
                                 layout=w.Layout(width="max-content"))
        else:
            box = w.Text(description="答え", placeholder="ここに答えを入力", continuous_update=False)
        feedback = w.HTML()
        buttons = {
            "check": w.Button(description="答え合わせ", icon="check", tooltip="入力した答えが正しいかを確かめます"),
            "hint": w.Button(description="ヒント", icon="lightbulb-o", tooltip="ヒントを表示します"),
            "solution": w.Button(description="解答を見る", icon="eye", tooltip="解答と解説を表示します"),
        }
        buttons["check"].on_click(lambda _b: setattr(feedback, "value", self.check(box.value or "").html))
        buttons["hint"].on_click(lambda _b: setattr(feedback, "value", self.hint().html))
        buttons["solution"].on_click(lambda _b: setattr(feedback, "value", self.solution().html))
        question = w.HTML(f"<strong>問題:</strong> {esc(self.question)}")
        view = w.VBox([question, box, w.HBox(list(buttons.values())), feedback])
        view.controls = {"answer": box, "feedback": feedback, **buttons}
        return view

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget(), self.static())


# ---------------------------------------------------------------- answer matching


def _fold(text: str) -> str:
    """Fold width, quotes, spaces and punctuation so that 「サポートを受ける」 matches サポートを受ける."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in "「」『』\"'“”‘’ 　。、.,").lower()


def _choice(correct: str, explain_wrong: str) -> Callable[[str], str | None]:
    return lambda answer: None if _fold(answer) == _fold(correct) else explain_wrong


# ---------------------------------------------------------------- the exercises, built from data


def _seller_central() -> tuple[Exercise, ...]:
    from helpers.walkthrough import choose_step, offered_methods

    procedure = facts.get("PROC-SELLER-CENTRAL")
    first = procedure.steps[0].labels[0]
    offered, _ = offered_methods(procedure, "individual", True)
    choices = choose_step(procedure).methods
    options = tuple(c.ja for c in choices) + ("・".join(c.ja for c in choices) + "のすべて",)
    small = facts.get("SC-SMALL")
    return (
        Exercise(
            id="01-first-label",
            question="セラーセントラルで問い合わせを始めるとき、最初にクリックする表示（ラベル）は何ですか？",
            judge=_choice(first.ja, "画面の場所ではなく、最初に探すボタンの名前を答えてください。"),
            hint_text="ウォークスルーのステップ1で、黄色で強調されている表示です。",
            answer=f"「{first.ja}」",
            explanation=f"ステップ1で「{first.ja}」をクリックします（英語の画面では “{first.en}”）。"
                        "場所は画面の版によって違うので、名前で探します。",
            wrong_example="ヘルプ",
        ),
        Exercise(
            id="01-individual-plan",
            question="小口出品のあなたが、セラーセントラルで問い合わせ方法を選ぶ画面まで来ました。選べる方法はどれですか？",
            options=options,
            judge=_choice("・".join(c.ja for c in offered), "小口出品では、選べる方法が限られています。"),
            hint_text="ウォークスルーの最後のステップで、出品プランを「小口出品」に切り替えてみましょう。",
            answer="・".join(c.ja for c in offered),
            explanation=f"{small.statement}（{facts.badge(small.status).text}）",
            wrong_example=options[-1],
        ),
    )


def _seller_app() -> tuple[Exercise, ...]:
    app = facts.get("PROC-SELLER-APP")
    correct = next(s.labels[0].ja for s in app.steps if s.labels)
    others = [l.ja for p in data.load_procedures() if p.id != app.id for s in p.steps for l in s.labels]
    options = tuple(dict.fromkeys([others[0], correct, *others[1:]]))[:4]
    return (
        Exercise(
            id="02-app-label",
            question="セラーアプリで左上の三本線のメニューを開いたあと、タップする表示はどれですか？",
            options=options,
            judge=_choice(correct, "それはほかの経路で使う表示です。アプリのウォークスルーのステップ2を見直しましょう。"),
            hint_text="「出品者」という言葉が入った表示です。",
            answer=f"「{correct}」",
            explanation=f"メニューを開いたら「{correct}」をタップし、項目と問い合わせ方法を選びます。",
            wrong_example=options[0],
        ),
    )


def _buyer() -> tuple[Exercise, ...]:
    number = facts.get("TEL-011")  # one of the article's numbers: practice only, reported not connecting
    expected = forms.callback_number(number.number)

    def judge_number(answer: str) -> str | None:
        typed = forms.normalize(answer)
        if typed.replace("-", "") == expected.replace("-", ""):
            return None
        if typed.startswith("0"):
            return "「+81」の欄では、先頭の0を付けません。"
        if typed.startswith("+81") or typed.startswith("81"):
            return "「+81」はもう欄に表示されています。その後ろの部分だけを答えてください。"
        return "数字が合っていません。もとの番号から何を取り除くかを考えましょう。"

    scope = facts.get("BUYER-SCOPE")
    right = "いいえ。出品者サポートの窓口ではないので、正しい窓口へ案内してもらうためだけに使う"
    return (
        Exercise(
            id="03-plus81",
            question=f"練習: 記事に載っている番号 {number.number} を、「+81」と表示された欄に入力するとします。"
                     "「+81」の後ろに何と入力しますか？",
            judge=judge_number,
            hint_text="+81 は日本の国番号です。国番号を付けるときは、番号の先頭の0を取ります。",
            answer=expected,
            explanation=f"{number.number} の先頭の0を取って {expected} と入力します。自分の番号でも同じです。"
                        f"なお、この番号は{number.caution}",
            wrong_example=number.number,
        ),
        Exercise(
            id="03-buyer-scope",
            question="購入者向けのカスタマーサービスに連絡すれば、出品者アカウントの問題を解決してもらえますか？",
            options=("はい。24時間つながるので、出品者の問題も解決してもらえる", right),
            judge=_choice(right, "購入者向けの窓口と、出品者サポートの窓口の違いを思い出しましょう。"),
            hint_text="このノートブックの最初に表示された、購入者向けカスタマーサービスの情報を読み直しましょう。",
            answer=right,
            explanation=f"{scope.statement}（{facts.badge(scope.status).text}）",
            wrong_example="はい。24時間つながるので、出品者の問題も解決してもらえる",
        ),
    )


def _channels() -> tuple[Exercise, ...]:
    from helpers import contact_log
    from helpers.channels import CHANNELS, comparison_frame, recommend

    ranked = recommend(comparison_frame(), record=2, speed=1, nuance=0, cannot_phone_at_work=True)
    best = ranked.iloc[0]
    names = tuple(CHANNELS.values())
    table = contact_log.compare(contact_log.read_log(contact_log.SAMPLE))
    top_rate = table["解決率"].idxmax()
    return (
        Exercise(
            id="04-recommend",
            question="やり取りを記録に残すことを「とても重視」、返事の早さは「少し重視」、ニュアンスは「気にしない」。"
                     "仕事中なので、日中は電話できません。おすすめの1位になる方法はどれですか？",
            options=names,
            judge=_choice(best["方法"], "おすすめの道具で、同じ条件を選んで確かめてみましょう。"),
            hint_text="電話は使えない条件です。残る2つのうち、記録が残り、返事も比較的早いのはどちらでしょう。",
            answer=best["方法"],
            explanation=f"点数の内訳: {best['理由']}。電話は「{ranked.loc['phone', '使えない理由']}」ため使えません。",
            wrong_example=next(n for n in names if n != best["方法"]),
        ),
        Exercise(
            id="04-log-rate",
            question="サンプルの記録（架空のデータ）で、解決率がいちばん高い方法はどれですか？",
            options=names,
            judge=_choice(top_rate, "「解決率」の列のバーがいちばん長い行を探しましょう。"),
            hint_text="「自分の記録で比べる」の表の「解決率」の列を見ます。",
            answer=top_rate,
            explanation=f"サンプルでは{top_rate}の解決率が {table.at[top_rate, '解決率']:.0%} で最も高くなっています。"
                        "ただし架空のデータです。自分の記録で確かめましょう。",
            wrong_example=next(n for n in names if n != top_rate),
        ),
    )


def _preparation() -> tuple[Exercise, ...]:
    prep, scam = facts.get("PREP-ID"), facts.get("TEL-SCAM")
    right = "カードか口座の下4桁"
    options = ("カード番号の全部", right, "ワンタイムコード", "セラーセントラルのパスワード")
    return (
        Exercise(
            id="05-what-to-tell",
            question="電話で本人確認を求められました。伝えてよいものはどれですか？",
            options=options,
            judge=_choice(right, "それは電話で伝えてはいけない情報です。"),
            hint_text="電話の前に用意しておくものを思い出しましょう。伝えるのは、ほんの一部の桁だけです。",
            answer=right,
            explanation=f"{prep.statement} {scam.statement}",
            wrong_example="ワンタイムコード",
        ),
        Exercise(
            id="05-last4",
            question="登録したカードの番号は、最後の4桁が 1234 です。チェックリストの「下4桁」の欄には、"
                     "どう入力しますか？",
            judge=lambda answer: _last4_problem(answer, "1234"),
            hint_text="入れるのは最後の4桁だけです。",
            answer="1234",
            explanation="最後の4桁の 1234 だけを入力します。それより多い桁は、どこにも入力しません。",
            wrong_example="91234",
        ),
    )


def _last4_problem(answer: str, expected: str) -> str | None:
    try:
        return None if forms.card_last4(answer) == expected else "最後の4桁を確かめましょう。"
    except ValueError as exc:
        return str(exc)


def _situations() -> tuple[Exercise, ...]:
    cancel = facts.get("WHEN-CANCEL")
    right = "「注文管理」から自分でキャンセルし、購入者に連絡する"
    options = ("すぐにテクニカルサポートに電話してキャンセルしてもらう", right, "購入者からの連絡を待つ")
    return (
        Exercise(
            id="06-cancel-first",
            question="間違えて出品した商品が売れてしまいました。公式の説明に沿うと、まず何をしますか？",
            options=options,
            judge=_choice(right, "記事の考え方と、その横の注意書きを読み比べましょう。"),
            hint_text="場面の一覧で「急いで注文をキャンセルしたいとき」を選び、▲ 注意 を読みましょう。",
            answer=right,
            explanation=f"{cancel.caution}（記事はサポートに頼む方法を挙げていますが、{facts.badge(cancel.status).text}）",
            wrong_example=options[0],
        ),
        Exercise(
            id="06-redact",
            question="ケースの下書きで、自動的に伏せ字になるのはどれですか？",
            options=("注文番号 249-1234567-1234567", "自分の電話番号 090-1111-2222", "商品の名前"),
            judge=_choice("自分の電話番号 090-1111-2222", "伏せ字になるのは、個人につながる番号やアドレスです。"),
            hint_text="注文番号はサポートが調べるのに必要なので、そのまま残ります。",
            answer="自分の電話番号 090-1111-2222",
            explanation="電話番号・メールアドレス・カード番号は伏せ字になり、注文番号はそのまま残ります。",
            wrong_example="注文番号 249-1234567-1234567",
        ),
    )


def _after_support() -> tuple[Exercise, ...]:
    optional = facts.get("REVIEW-OPTIONAL")
    right = "書かなくてもアカウントに影響はない。毎回5を付けるのは記事の筆者の意見"
    options = ("書かないとアカウントに悪い影響がある", right, "必ず5を付けるというルールがある")
    return (
        Exercise(
            id="07-review",
            question="問題が解決し、サポートの評価を求めるメールが届きました。正しいのはどれですか？",
            options=options,
            judge=_choice(right, "「筆者の意見」の印が付いた情報は、ルールではありません。"),
            hint_text="「評価は書かなくてもよい」という情報と、「筆者の意見」の印を見直しましょう。",
            answer=right,
            explanation=f"{optional.statement} 毎回5を付けるのは{facts.badge('article', opinion=True).text}です。",
            wrong_example=options[0],
        ),
    )


_BUILDERS: dict[str, Callable[[], tuple[Exercise, ...]]] = {
    "01": _seller_central,
    "02": _seller_app,
    "03": _buyer,
    "04": _channels,
    "05": _preparation,
    "06": _situations,
    "07": _after_support,
}


def for_lesson(number: str) -> tuple[Exercise, ...]:
    """Return the exercises of a lesson, by its two-digit number ("01", "02", …)."""
    if number not in _BUILDERS:
        raise ValueError(f"「{number}」の練習問題はありません。{' / '.join(_BUILDERS)} のどれかを指定してください。")
    return _BUILDERS[number]()


def all_exercises() -> tuple[Exercise, ...]:
    """Return every exercise of the kit."""
    return tuple(q for number in _BUILDERS for q in for_lesson(number))
