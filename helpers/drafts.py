"""Case drafts for tech support, with the redaction that keeps personal numbers out of them.

``redact(text)`` (from ``helpers.redaction``) masks phone numbers, e-mail addresses and card numbers however they
are written, and keeps order numbers and everything else exactly as written.
"""

from __future__ import annotations

from helpers import forms
from helpers.core import data, registry
from helpers.core.render import EMPTY, RichText, alert, join, para, preformatted, status, strong
from helpers.core.view import View
from helpers.redaction import CARD_MASK, EMAIL_MASK, PHONE_MASK, redact

__all__ = [
    "CARD_MASK",
    "EMAIL_MASK",
    "PHONE_MASK",
    "DraftBuilder",
    "case_draft",
    "draft_builder",
    "draft_problems",
    "redact",
    "redaction_example",
]


def draft_problems(what_happened: str, order: str, request: str) -> dict[str, str]:
    """What is missing or wrong in each part of a case draft (``what``, ``order``, ``request``); empty when none."""
    problems = {}
    if not what_happened.strip():
        problems["what"] = f"「{data.say('drafts.labels.what')}」を書いてください（いつ、何が起きたか）。"
    if order.strip():
        try:
            forms.order_number(order)
        except ValueError as exc:
            problems["order"] = f"{data.say('drafts.labels.order')}: {exc}"
    if not request.strip():
        problems["request"] = f"「{data.say('drafts.labels.request')}」を書いてください。"
    return problems


def case_situations() -> tuple[data.Situation, ...]:
    """The situations for which a case goes to テクニカルサポート (those with a ``case_subject``)."""
    return tuple(s for s in data.load_situations() if s.case_subject)


def case_draft(situation_id: str, what_happened: str, order: str, request: str) -> RichText:
    """Build a case text (subject, what happened, order number, what you ask for), redacted.

    Raises ``ValueError`` in Japanese when a part is missing or the order number is not one.
    """
    situation = next((s for s in case_situations() if s.id == situation_id), None)
    if situation is None:
        raise ValueError(
            f"「{situation_id}」はケースを出す場面（WHEN-…）の id ではありません。"
            f"{' / '.join(s.id for s in case_situations())} のどれかを指定してください。"
        )
    problems = draft_problems(what_happened, order, request)
    if problems:
        raise ValueError(" ".join(problems.values()))
    canonical = forms.order_number(order) if order.strip() else None
    subject = situation.case_subject + (data.say("drafts.subject_order", order=canonical) if canonical else "")
    body = data.say(
        "drafts.body",
        what=what_happened.strip(),
        order=canonical or data.say("drafts.no_order"),
        request=request.strip(),
    )
    text = redact(data.say("drafts.subject", subject=subject) + "\n\n" + body)
    return preformatted(text)


def redaction_example() -> RichText:
    """A sentence as a learner might write it, and the same sentence as the draft shows it."""
    example = data.say(
        "drafts.example",
        phone=registry.get("E164").values["example_domestic"],
        order=registry.get("ORDER-ID").values["example"],
    )
    return join(
        [
            para(strong(data.say("drafts.example_before") + ": "), example),
            para(strong(data.say("drafts.example_after") + ": "), redact(example)),
        ]
    )


class DraftBuilder(View):
    """The case-draft widget: the learner's inputs in, a redacted case text out; nothing is kept after the session.

    Nothing is judged while the learner types; each field's problem shows under it when they press the button.
    """

    def __init__(self):
        self.situations = case_situations()
        self.fields = {"situation": self.situations[0].id, "what": "", "order": "", "request": ""}
        self.problems: dict[str, str] = {}
        self.message = EMPTY
        self.draft = ""

    def set_field(self, name: str, value: str) -> None:
        """Keep what the learner typed or chose; nothing is built until they ask."""
        self.fields[name] = value

    def build(self) -> RichText:
        """Build the draft from the fields, or say what is missing (under each field and by the button)."""
        f = self.fields
        self.problems = draft_problems(f["what"], f["order"], f["request"])
        if self.problems:
            self.message = alert(data.say("drafts.fix_fields"))
        else:
            self.message = status(data.say("drafts.ready"))
            self.draft = case_draft(f["situation"], f["what"], f["order"], f["request"]).text
        self._refresh()
        return self.message

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        wide = w.Layout(width="auto", max_width="40em")
        controls = {
            "situation": w.Dropdown(
                options=[(s.title, s.id) for s in self.situations],
                value=self.fields["situation"],
                description=data.say("drafts.labels.situation"),
                style=style,
            ),
            "what": w.Textarea(
                description=data.say("drafts.labels.what"),
                style=style,
                layout=wide,
                placeholder=data.say("drafts.placeholders.what"),
                continuous_update=False,
            ),
            "order": w.Text(
                description=data.say("drafts.labels.order"),
                style=style,
                continuous_update=False,
                placeholder=data.say("common.example", example=registry.get("ORDER-ID").values["example"]),
            ),
            "request": w.Textarea(
                description=data.say("drafts.labels.request"),
                style=style,
                layout=wide,
                placeholder=data.say("drafts.placeholders.request"),
                continuous_update=False,
            ),
        }
        notes = {name: w.HTML() for name in ("what", "order", "request")}
        children = []
        for name, control in controls.items():
            control.observe(lambda change, name=name: self.set_field(name, change["new"]), names="value")
            children += [control] + ([notes[name]] if name in notes else [])
        build = w.Button(
            description=data.say("drafts.build_button"), icon="pencil", tooltip=data.say("drafts.build_tooltip")
        )
        build.on_click(lambda _b: self.build())
        message = w.HTML()
        draft = w.Textarea(
            description=data.say("drafts.labels.draft"),
            style=style,
            layout=w.Layout(width="auto", max_width="40em", height="18em"),
        )
        return (
            w.VBox([*children, build, message, draft]),
            {
                **controls,
                **{f"{name}_note": note for name, note in notes.items()},
                "build": build,
                "message": message,
                "draft": draft,
            },
        )

    def _render(self) -> None:
        self._controls["message"].value = self.message.html
        self._controls["draft"].value = self.draft
        for name in ("what", "order", "request"):
            problem = self.problems.get(name)
            self._controls[f"{name}_note"].value = alert(problem).html if problem else ""

    def static(self) -> RichText:
        return para(data.say("drafts.static"))


def draft_builder() -> DraftBuilder:
    """Build the case-draft widget."""
    return DraftBuilder()
