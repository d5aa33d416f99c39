"""Getting ready to phone: the article's old numbers shown as history, and the pre-call checklist.

What the learner types stays in this notebook's memory only; the card field never keeps or shows more than
the last four digits (anything longer is cleared at once, with a message).
"""

from __future__ import annotations

from helpers import forms
from helpers.core import data, registry
from helpers.core.cards import details, fact_card
from helpers.core.render import RichText, alert, block, bullets, join, para, span, status, strong
from helpers.core.view import View

FIELDS = ("shop", "last4", "order", "what")


def scam_warning() -> RichText:
    """The scam warning (TEL-SCAM), as it stands beside the phone numbers the kit shows."""
    return block(
        span(data.say("preparation.scam_label") + ": ", bold=True),
        registry.get("TEL-SCAM").statement,
        tone="error",
        style="margin:.3em 0 1em 0",
    )


def old_numbers() -> RichText:
    """The article's phone numbers, once, as history a learner will meet in old blogs: folded under a title that
    says not to call them, with the scam warning beside it (open only when the learner wants to look)."""
    cards = join([para(data.say("preparation.old_numbers_intro")), *map(fact_card, data.load_phone_numbers())])
    return join([details(data.say("preparation.old_numbers_title"), cards), scam_warning()])


class Checklist(View):
    """The pre-call checklist (PREP-ID): shop name, last four digits, order number, what happened and when.

    Nothing is judged while the learner types: the card field only refuses, at once, anything longer than four
    digits (it is cleared, never shown or kept); the order number is checked when the learner leaves its field or
    presses Enter, and everything when they press the button. Messages appear under their own field.
    """

    def __init__(self):
        self.values = dict.fromkeys(FIELDS, "")  # as kept: last4 only when it is exactly four digits
        self.notes: dict[str, RichText] = {}  # what to show under each field
        self.typed_last4 = ""  # what the card field holds (never more than four digits)
        self.last4_asked = False  # the learner has asked for a check of the card field
        self._clearing = False

    def set_field(self, name: str, typed: str) -> None:
        """Keep a field's value as the learner types it."""
        if name == "last4":
            return self.type_last4(typed)
        if name == "order":
            return self.set_order(typed)
        self.values[name] = typed
        self._refresh()

    def type_last4(self, typed: str) -> None:
        """Follow the card field as it is typed: anything longer than four digits is cleared at once, with a
        message; a shorter or unfinished entry is kept quietly until the learner asks for a check. Once they have
        asked, four digits are confirmed as they arrive: a key typed just before the click can reach the kernel after
        it (ipywidgets holds a busy kernel's field updates back, not its clicks)."""
        digits = "".join(ch for ch in forms.normalize_or_empty(typed) if ch.isdigit())
        if len(digits) > forms.CARD_DIGITS:
            self.typed_last4, self.values["last4"] = "", ""
            self.notes["last4"] = alert(forms.last4_problem(typed))
        else:
            self.typed_last4 = typed
            self.values["last4"] = forms.card_last4_or_empty(typed)
            if self.values["last4"]:
                self.notes.pop("last4", None)
                if self.last4_asked:
                    return self.check_last4()
        self._refresh()

    def check_last4(self) -> None:
        """Say what is wrong with the card field, or confirm it (the learner asked)."""
        self.last4_asked = True
        if not self.typed_last4.strip():
            self.notes.pop("last4", None)
        elif self.values["last4"]:
            self.typed_last4 = self.values["last4"]  # the field now shows the tidied digits
            self.notes["last4"] = status(span("○", tone="ok"), " ", data.say("preparation.last4_ok"))
        else:
            self.notes["last4"] = alert(forms.last4_problem(self.typed_last4))
        self._refresh()

    def set_order(self, typed: str) -> None:
        """Tidy the order number, or say what is wrong with it (the field keeps what was typed)."""
        self.values["order"] = ""
        self.notes.pop("order", None)
        if typed.strip():
            try:
                self.values["order"] = forms.order_number(typed)
            except ValueError as exc:
                self.values["order"] = None  # typed, but not an order number
                self.notes["order"] = alert(str(exc))
            else:
                self.notes["order"] = status(
                    span("○", tone="ok"), " ", data.say("walkthrough.order_ok", order=self.values["order"])
                )
        self._refresh()

    def check(self) -> RichText:
        """Check the card field and the order number (the button), and return the summary."""
        self.check_last4()
        return self.summary()

    def items(self) -> list[tuple[bool, str]]:
        v = self.values
        return [
            (bool(v["shop"].strip()), data.say("preparation.items.shop")),
            (bool(v["last4"]), data.say("preparation.items.last4") + (f"（{v['last4']}）" if v["last4"] else "")),
            (
                v["order"] is not None,
                f"{data.say('preparation.order_short')}（{v['order']}）"
                if v["order"]
                else data.say("preparation.items.order"),
            ),
            (bool(v["what"].strip()), data.say("preparation.items.what")),
        ]

    @property
    def ready(self) -> bool:
        return all(done for done, _ in self.items())

    def summary(self) -> RichText:
        done, todo = data.say("preparation.done"), data.say("preparation.todo")
        rows = bullets(
            [f"{done if ok else todo} {label}" for ok, label in self.items()], style="list-style:none;padding-left:0"
        )
        condition = para(strong(data.say("preparation.condition") + ": "), registry.get("PREP-ID").note)
        footer = (
            para(strong(data.say("preparation.ready")), " ", registry.get("TEL-SCAM").statement)
            if self.ready
            else para(data.say("preparation.not_ready", done=done))
        )
        return status(join([rows, condition, footer]))

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        controls = {
            "shop": w.Text(
                description=data.say("preparation.items.shop"),
                style=style,
                placeholder=data.say("preparation.placeholders.shop"),
            ),
            "last4": w.Text(
                description=data.say("preparation.items.last4"),
                style=style,
                placeholder=data.say("preparation.placeholders.last4"),
                tooltip=data.say("preparation.last4_tooltip"),
            ),
            "order": w.Text(
                description=data.say("preparation.items.order"),
                style=style,
                continuous_update=False,
                placeholder=data.say("common.example", example=registry.get("ORDER-ID").values["example"]),
            ),
            "what": w.Textarea(
                description=data.say("preparation.items.what"),
                style=style,
                layout=w.Layout(width="auto", max_width="40em"),
            ),
        }

        def typed(change, name):
            if not self._clearing:
                self.set_field(name, change["new"])

        for name, control in controls.items():
            control.observe(lambda change, name=name: typed(change, name), names="value")
        notes = {name: w.HTML() for name in ("last4", "order")}
        check = w.Button(
            description=data.say("preparation.check_button"),
            icon="check",
            tooltip=data.say("preparation.check_tooltip"),
        )
        check.on_click(lambda _b: self.check())
        summary = w.HTML()
        children = [w.HTML(alert(data.say("preparation.practice_only")).html)]
        for name, control in controls.items():
            children += [control] + ([notes[name]] if name in notes else [])
        return (
            w.VBox([*children, check, summary]),
            {**controls, **{f"{name}_note": note for name, note in notes.items()}, "check": check, "summary": summary},
        )

    def _render(self) -> None:
        field = self._controls["last4"]
        if field.value != self.typed_last4:
            self._clearing = True
            try:  # a refused entry never stays in the field; after a check the field shows the tidied digits
                field.value = self.typed_last4
            finally:
                self._clearing = False
        for name in ("last4", "order"):
            self._controls[f"{name}_note"].value = self.notes[name].html if name in self.notes else ""
        self._controls["summary"].value = self.summary().html

    def static(self) -> RichText:
        return join(
            [
                para(data.say("preparation.static", fact=registry.get("PREP-ID").title)),
                para(strong(data.say("preparation.practice_only"))),
            ]
        )


def checklist() -> Checklist:
    """Build the pre-call checklist."""
    return Checklist()
