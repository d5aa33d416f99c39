"""Case drafts for tech support, and the redaction that keeps personal numbers out of them.

``redact(text)`` masks phone numbers (any format, full-width included), e-mail addresses and card numbers
in free text, and keeps Amazon order numbers (3-7-7) and everything else exactly as written.
"""

from __future__ import annotations

import re
import unicodedata

from helpers import data, facts, forms
from helpers.display import RichText, alert, esc, widget_bundle

PHONE_MASK = "［電話番号］"
EMAIL_MASK = "［メールアドレス］"
CARD_MASK = "［カード番号］"

_SEP = r"[ \-]"
_ORDER = re.compile(r"(?<![0-9])[0-9]{3}-[0-9]{7}-[0-9]{7}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# 13 to 19 digits, possibly in groups: card numbers (and bank-card-like numbers).
_CARD = re.compile(rf"(?<![0-9])[0-9](?:{_SEP}?[0-9]){{12,18}}(?![0-9])")
# Japanese numbers as people write them: area code (optionally in parentheses), exchange, and a last group of
# 3 or 4 digits, each separated by at most one dash or space; or +81 first. The digit count is checked after.
_GROUPS = r"[0-9]{1,4}\)?[ \-]?\(?[0-9]{1,4}\)?[ \-]?[0-9]{3,4}"
_PHONE = re.compile(rf"(?<![0-9+])(?:\+[ ]?81[ \-]?(?:\(0\)[ \-]?)?\(?0?|\(?0){_GROUPS}(?![0-9])")
# Other countries' numbers written with a leading +.
_FOREIGN = re.compile(r"(?<![0-9])\+[ ]?[0-9]{1,3}(?:[ \-]?\(?[0-9]{1,5}\)?){2,5}(?![0-9])")


def _fold_char(ch: str) -> str:
    """Fold one character to one character, so that positions in the folded text match the original."""
    if ch in forms.DASHES:
        return "-"
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and folded.isascii():
        return folded
    return " " if ch.isspace() else ch


def redact(text: str) -> str:
    """Mask phone numbers, e-mail addresses and card numbers; keep order numbers and all other text."""
    if not isinstance(text, str):
        raise ValueError("文字で入力してください。")
    folded = "".join(_fold_char(ch) for ch in text)
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(text)

    def claim(pattern: re.Pattern, mask: str | None, accept=lambda m: True) -> None:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(taken[start:end]) or not accept(match):
                continue
            taken[start:end] = [True] * (end - start)
            if mask:
                spans.append((start, end, mask))

    claim(_ORDER, None)  # protected first: an order number is never masked
    claim(_EMAIL, EMAIL_MASK)
    claim(_PHONE, PHONE_MASK, _looks_like_japanese_number)  # before cards: two numbers side by side stay two
    claim(_FOREIGN, PHONE_MASK, lambda m: 8 <= _digit_count(m) <= 15)
    claim(_CARD, CARD_MASK)
    for start, end, mask in sorted(spans, reverse=True):
        text = text[:start] + mask + text[end:]
    return text


def _digit_count(match: re.Match) -> int:
    return sum(ch.isdigit() for ch in match.group())


def _looks_like_japanese_number(match: re.Match) -> bool:
    digits = re.sub(r"[^0-9]", "", match.group())
    if digits.startswith("81") and match.group().lstrip().startswith("+"):
        digits = "0" + digits[2:].removeprefix("0")
    return digits.startswith("0") and 10 <= len(digits) <= 11


# ---------------------------------------------------------------- case drafts


def case_draft(situation_id: str, what_happened: str, order: str, request: str) -> RichText:
    """Build a case text (subject, what happened, order number, what you ask for), redacted.

    Raises ``ValueError`` in Japanese when a part is missing or the order number is not one.
    """
    situation = facts.get(situation_id)
    if not isinstance(situation, data.Situation):
        raise ValueError(f"「{situation_id}」は場面（WHEN-…）の id ではありません。")
    problems = []
    if not what_happened.strip():
        problems.append("「起きたこと」を書いてください（いつ、何が起きたか）。")
    if not request.strip():
        problems.append("「お願いしたいこと」を書いてください。")
    try:
        canonical = forms.order_number(order) if order.strip() else None
    except ValueError as exc:
        problems.append(f"注文番号: {exc}")
        canonical = None
    if problems:
        raise ValueError(" ".join(problems))
    order_line = canonical or "（注文番号なし）"
    subject = situation.case_subject + (f"（注文番号 {canonical}）" if canonical else "")
    body = "\n".join([
        "テクニカルサポート ご担当者様",
        "",
        "いつもお世話になっております。次の件についてご相談させてください。",
        "",
        "■ 起きたこと",
        what_happened.strip(),
        "",
        "■ 注文番号",
        order_line,
        "",
        "■ お願いしたいこと",
        request.strip(),
        "",
        "どうぞよろしくお願いいたします。",
    ])
    text = redact(f"件名: {subject}\n\n{body}")
    return RichText(f"<pre style='white-space:pre-wrap'>{esc(text)}</pre>", text)


class DraftBuilder:
    """The case-draft widget: the learner's inputs in, a redacted case text out; nothing is kept."""

    def __init__(self):
        import ipywidgets as w

        situations = data.load_situations()
        style = {"description_width": "initial"}
        wide = w.Layout(width="95%")
        self.controls = {
            "situation": w.Dropdown(options=[(s.title, s.id) for s in situations], description="場面", style=style),
            "what": w.Textarea(description="起きたこと", placeholder="いつ、何が起きたか", style=style, layout=wide),
            "order": w.Text(description="注文番号", placeholder="例: 249-1234567-1234567", style=style),
            "request": w.Textarea(description="お願いしたいこと", placeholder="Amazon にしてほしいこと",
                                  style=style, layout=wide),
            "build": w.Button(description="下書きを作る", icon="pencil",
                              tooltip="入力からケースの下書きを作ります。電話番号やメールアドレスは伏せ字になります"),
        }
        self.draft = w.Textarea(description="下書き", layout=w.Layout(width="95%", height="18em"), style=style,
                                disabled=False)
        self.message = w.HTML()
        self.controls["build"].on_click(lambda _b: self.build())
        self.widget = w.VBox([*self.controls.values(), self.message, self.draft])

    def build(self) -> None:
        c = self.controls
        try:
            draft = case_draft(c["situation"].value, c["what"].value, c["order"].value, c["request"].value)
        except ValueError as exc:
            self.message.value = alert(exc).html
            return
        self.message.value = ("<div role='status'>下書きができました。電話番号・メールアドレス・カード番号は"
                              "伏せ字にしてあります。内容を確かめてから、コピーして使ってください。</div>")
        self.draft.value = draft.text

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        text = ("ケースの下書きを作る — ノートブックを実行すると、場面・起きたこと・注文番号・お願いしたいことを"
                "入力して下書きを作れます。電話番号・メールアドレス・カード番号は自動で伏せ字になります。")
        return widget_bundle(self.widget, RichText(f"<p>{esc(text)}</p>", text))


def draft_builder() -> DraftBuilder:
    """Build the case-draft widget."""
    return DraftBuilder()
