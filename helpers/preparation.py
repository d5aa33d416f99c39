"""Getting ready to phone: the article's old numbers shown as history, and the pre-call checklist.

What the learner types stays in this notebook's memory only; the card field never keeps or shows more than
the last four digits (anything longer is cleared at once, with a message).
"""

from __future__ import annotations

from helpers import forms
from helpers.core import data, registry
from helpers.core.cards import fact_card
from helpers.core.render import RichText, alert, block, bullets, join, para, span, strong
from helpers.core.view import View

FIELDS = ("shop", "last4", "order", "what")


def scam_warning() -> RichText:
    """The scam warning (TEL-SCAM), as it stands beside every phone number the kit shows."""
    return block(span(data.say("preparation.scam_label") + ": ", bold=True), registry.get("TEL-SCAM").statement,
                 tone="error", style="margin:0 0 1em 1.2em")


def old_numbers() -> RichText:
    """The article's phone numbers as history a learner will meet in old blogs: numbers not to call."""
    parts = [para(strong(data.say("preparation.old_numbers_intro")))]
    for number in data.load_phone_numbers():
        parts += [fact_card(number), scam_warning()]
    return join(parts)


class Checklist(View):
    """The pre-call checklist (PREP-ID): shop name, last four digits, order number, what happened and when."""

    def __init__(self):
        self.values = dict.fromkeys(FIELDS, "")   # as kept: last4 and order tidied, never a refused entry
        self.notes = dict.fromkeys(FIELDS, "")    # what to fix, per field
        self.typed_last4 = ""                      # what the card field holds now (cleared when refused)
        self._clearing = False

    def set_field(self, name: str, typed: str) -> None:
        """Keep a field's value; the shop name and what happened are kept as typed."""
        if name == "last4":
            return self.set_last4(typed)
        if name == "order":
            return self.set_order(typed)
        self.values[name] = typed
        self._refresh()

    def set_last4(self, typed: str) -> None:
        """Keep the last four digits, or clear the field and say why; longer input is never kept."""
        self.values["last4"], self.notes["last4"], self.typed_last4 = "", "", typed
        if typed.strip():
            try:
                self.values["last4"] = forms.card_last4(typed)
            except ValueError as exc:
                self.notes["last4"] = str(exc)
        self._refresh()

    def set_order(self, typed: str) -> None:
        """Tidy the order number, or say what is wrong with it (the field keeps what was typed)."""
        self.values["order"], self.notes["order"] = "", ""
        if typed.strip():
            try:
                self.values["order"] = forms.order_number(typed)
            except ValueError as exc:
                self.notes["order"] = str(exc)
                self.values["order"] = None  # typed, but not an order number
        self._refresh()

    def items(self) -> list[tuple[bool, str]]:
        v = self.values
        return [
            (bool(v["shop"].strip()), data.say("preparation.items.shop")),
            (bool(v["last4"]), data.say("preparation.items.last4") + (f"（{v['last4']}）" if v["last4"] else "")),
            (v["order"] is not None, f"{data.say('preparation.order_short')}（{v['order']}）" if v["order"]
             else data.say("preparation.items.order")),
            (bool(v["what"].strip()), data.say("preparation.items.what")),
        ]

    @property
    def ready(self) -> bool:
        return all(done for done, _ in self.items())

    def summary(self) -> RichText:
        done, todo = data.say("preparation.done"), data.say("preparation.todo")
        rows = bullets([f"{done if ok else todo} {label}" for ok, label in self.items()],
                       style="list-style:none;padding-left:0")
        notes = join([alert(note) for note in self.notes.values() if note])
        condition = para(strong(data.say("preparation.condition") + ": "), registry.get("PREP-ID").note)
        footer = (para(strong(data.say("preparation.ready")), " ", registry.get("TEL-SCAM").statement) if self.ready
                  else para(data.say("preparation.not_ready", done=done)))
        return join([rows, notes, condition, footer])

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        controls = {
            "shop": w.Text(description=data.say("preparation.items.shop"), style=style,
                           placeholder=data.say("preparation.placeholders.shop")),
            "last4": w.Text(description=data.say("preparation.items.last4"), style=style,
                            placeholder=data.say("preparation.placeholders.last4"),
                            tooltip=data.say("preparation.last4_tooltip")),
            "order": w.Text(description=data.say("preparation.items.order"), style=style,
                            placeholder=data.say("common.example", example=registry.get("ORDER-ID").values["example"])),
            "what": w.Textarea(description=data.say("preparation.items.what"), style=style,
                               layout=w.Layout(width="95%")),
        }
        def typed(change, name):
            if not self._clearing:
                self.set_field(name, change["new"])

        for name, control in controls.items():
            control.observe(lambda change, name=name: typed(change, name), names="value")
        view = w.HTML()
        return w.VBox([*controls.values(), view]), {**controls, "summary": view}

    def _render(self) -> None:
        if self.typed_last4 != self.values["last4"]:
            self.typed_last4 = self.values["last4"]
            self._clearing = True
            try:  # the field shows the tidied digits, and a refused entry never stays in it
                self._controls["last4"].value = self.values["last4"]
            finally:
                self._clearing = False
        self._controls["summary"].value = self.summary().html

    def static(self) -> RichText:
        return para(data.say("preparation.static", fact=registry.get("PREP-ID").title))


def checklist() -> Checklist:
    """Build the pre-call checklist."""
    return Checklist()
