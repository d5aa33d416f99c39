"""Getting ready to phone: the pre-call checklist.

What the learner types stays in this notebook's memory only; the card field never keeps or shows more than
the last four digits (anything longer is cleared at once, with a message).
"""

from __future__ import annotations

from helpers import facts, forms
from helpers.display import RichText, alert, esc, widget_bundle

_OK, _TODO = "【済】", "【未】"


class Checklist:
    """The pre-call checklist (PREP-ID): shop name, last four digits, order number, what happened and when."""

    def __init__(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        self.controls = {
            "shop": w.Text(description="ショップ名", placeholder="セラーセントラルに登録したショップ名", style=style),
            "last4": w.Text(description="カードか口座の下4桁", placeholder="例: 1234", style=style,
                            tooltip="登録したクレジットカードか銀行口座の、最後の4桁だけを入力します"),
            "order": w.Text(description="注文番号（あれば）", placeholder="例: 249-1234567-1234567", style=style),
            "what": w.Textarea(description="何が、いつ起きたか", style=style, layout=w.Layout(width="95%")),
        }
        self.last4 = ""
        self.order = ""
        self._refusing = False
        self.notes = {name: "" for name in self.controls}
        self.view = w.HTML()
        self.controls["last4"].observe(lambda c: self.set_last4(c["new"]), names="value")
        self.controls["order"].observe(lambda c: self.set_order(c["new"]), names="value")
        for name in ("shop", "what"):
            self.controls[name].observe(lambda _c: self._render(), names="value")
        self.widget = w.VBox([*self.controls.values(), self.view])
        self._render()

    def set_last4(self, typed: str) -> None:
        """Keep the last four digits, or clear the field and say why; longer input is never kept."""
        if typed == self.last4 and typed:
            return  # the field showing the tidied digits
        if not typed.strip():
            self.last4 = ""
            if not self._refusing:
                self.notes["last4"] = ""
            return self._render()
        try:
            self.last4, self.notes["last4"] = forms.card_last4(typed), ""
            self.controls["last4"].value = self.last4
        except ValueError as exc:
            self.last4, self.notes["last4"] = "", str(exc)
            self._refusing = True
            self.controls["last4"].value = ""  # what was refused must not stay in the widget
            self._refusing = False
        self._render()

    def set_order(self, typed: str) -> None:
        """Tidy the order number, or say what is wrong with it (the field keeps what was typed)."""
        self.order, self.notes["order"] = "", ""
        if typed.strip():
            try:
                self.order = forms.order_number(typed)
            except ValueError as exc:
                self.notes["order"] = str(exc)
        self._render()

    def items(self) -> list[tuple[bool, str]]:
        c = self.controls
        return [
            (bool(c["shop"].value.strip()), "ショップ名"),
            (bool(self.last4), f"カードか口座の下4桁（{self.last4}）" if self.last4 else "カードか口座の下4桁"),
            (bool(self.order) or not c["order"].value.strip(),
             f"注文番号（{self.order}）" if self.order else "注文番号（あれば）"),
            (bool(c["what"].value.strip()), "何が、いつ起きたか"),
        ]

    @property
    def ready(self) -> bool:
        return all(done for done, _ in self.items())

    def _render(self) -> None:
        rows = "".join(f"<li>{_OK if done else _TODO} {esc(label)}</li>" for done, label in self.items())
        notes = "".join(alert(n).html for n in self.notes.values() if n)
        scam = facts.get("TEL-SCAM")
        footer = (f"<p><strong>準備ができました。</strong> {esc(scam.statement)}</p>" if self.ready
                  else f"<p>すべてが{_OK}になったら準備完了です。</p>")
        self.view.value = f"<ul style='list-style:none;padding-left:0'>{rows}</ul>{notes}{footer}"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        prep = facts.get("PREP-ID")
        text = ("電話の前のチェックリスト — ノートブックを実行すると、ショップ名・下4桁・注文番号・起きたことを"
                f"入力して確認できます。入力はこのノートブックの中だけで使われます。（{prep.title}）")
        return widget_bundle(self.widget, RichText(f"<p>{esc(text)}</p>", text))


def checklist() -> Checklist:
    """Build the pre-call checklist."""
    return Checklist()
