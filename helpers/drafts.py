"""Case drafts for tech support, and the redaction that keeps personal numbers out of them.

``redact(text)`` masks phone numbers (any format, full-width included), e-mail addresses and card numbers
in free text, and keeps Amazon order numbers (3-7-7) and everything else exactly as written.
"""

from __future__ import annotations

import re
import unicodedata

from helpers import forms
from helpers.core import data, registry
from helpers.core.render import RichText, alert, esc, para, status
from helpers.core.view import View

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
    situation = registry.get(situation_id)
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
    subject = situation.case_subject + (data.say("drafts.subject_order", order=canonical) if canonical else "")
    body = data.say("drafts.body", what=what_happened.strip(), order=canonical or data.say("drafts.no_order"),
                    request=request.strip())
    text = redact(data.say("drafts.subject", subject=subject) + "\n\n" + body)
    return RichText(f"<pre style='white-space:pre-wrap'>{esc(text)}</pre>", text)


class DraftBuilder(View):
    """The case-draft widget: the learner's inputs in, a redacted case text out; nothing is kept after the session."""

    def __init__(self):
        self.situations = data.load_situations()
        self.fields = {"situation": self.situations[0].id, "what": "", "order": "", "request": ""}
        self.message = RichText("", "")
        self.draft = ""

    def set_field(self, name: str, value: str) -> None:
        """Keep what the learner typed or chose; nothing is built until they ask."""
        self.fields[name] = value

    def build(self) -> RichText:
        """Build the draft from the fields, or say what is missing."""
        try:
            f = self.fields
            draft = case_draft(f["situation"], f["what"], f["order"], f["request"])
        except ValueError as exc:
            self.message = alert(str(exc))
        else:
            self.message, self.draft = status(data.say("drafts.ready")), draft.text
        self._refresh()
        return self.message

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        wide = w.Layout(width="95%")
        controls = {
            "situation": w.Dropdown(options=[(s.title, s.id) for s in self.situations], value=self.fields["situation"],
                                    description=data.say("drafts.labels.situation"), style=style),
            "what": w.Textarea(description=data.say("drafts.labels.what"), style=style, layout=wide,
                               placeholder=data.say("drafts.placeholders.what")),
            "order": w.Text(description=data.say("drafts.labels.order"), style=style,
                            placeholder=data.say("common.example", example=registry.get("ORDER-ID").values["example"])),
            "request": w.Textarea(description=data.say("drafts.labels.request"), style=style, layout=wide,
                                  placeholder=data.say("drafts.placeholders.request")),
        }
        for name, control in controls.items():
            control.observe(lambda change, name=name: self.set_field(name, change["new"]), names="value")
        build = w.Button(description=data.say("drafts.build_button"), icon="pencil",
                         tooltip=data.say("drafts.build_tooltip"))
        build.on_click(lambda _b: self.build())
        message = w.HTML()
        draft = w.Textarea(description=data.say("drafts.labels.draft"), style=style,
                           layout=w.Layout(width="95%", height="18em"))
        return (w.VBox([*controls.values(), build, message, draft]),
                {**controls, "build": build, "message": message, "draft": draft})

    def _render(self) -> None:
        self._controls["message"].value = self.message.html
        self._controls["draft"].value = self.draft

    def static(self) -> RichText:
        return para(data.say("drafts.static"))


def draft_builder() -> DraftBuilder:
    """Build the case-draft widget."""
    return DraftBuilder()
