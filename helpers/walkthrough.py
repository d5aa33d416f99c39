"""Step-by-step walkthroughs of the contact procedures in ``data/procedures.toml``.

``walkthrough(procedure_id)`` returns an undisplayed model: ``.steps``, ``.step`` (0-based), ``.next()`` and
``.back()`` drive it, ``.controls`` holds its widgets, and displaying it in Jupyter shows the widget, with a
static HTML and text version of the whole procedure for readers without a kernel.
"""

from __future__ import annotations


from helpers import forms
from helpers.core import data, progress, registry
from helpers.core.cards import caution, caution_text, fact_cards, record_badge
from helpers.core.render import (RichText, alert, block, bullets, field, heading, join, mark, meter, para, span,
                                 status, strong)
from helpers.core.view import View


def walkthrough(procedure_id: str) -> Walkthrough:
    """Build the walkthrough of one procedure."""
    procedure = registry.get(procedure_id)
    if not isinstance(procedure, data.Procedure):
        raise ValueError(f"「{procedure_id}」は手順（PROC-…）の id ではありません。")
    return Walkthrough(procedure)


# ---------------------------------------------------------------- pure rendering


def label_text(label: data.Label) -> RichText:
    """A UI label as the learner should look for it: highlighted, with the English label where known."""
    shown = mark(f"「{label.ja}」")
    if label.en:
        shown = shown + span(data.say("walkthrough.english_label", en=label.en), style="font-size:90%")
    return shown


def instruction(step: data.Step) -> RichText:
    """The step's instruction with its UI labels highlighted in place (or listed after it)."""
    parts: list = [step.instruction]
    missing = []
    for label in step.labels:
        quoted = f"「{label.ja}」"
        for n, part in enumerate(parts):
            if isinstance(part, str) and quoted in part:
                before, after = part.split(quoted, 1)
                parts[n:n + 1] = [before, label_text(label), after]
                break
        else:
            missing.append(label_text(label))
    shown = join(parts, "", "")
    if missing:
        shown = shown + " " + join([data.say("walkthrough.look_for") + ":", *missing], " ", " ")
    return shown


def offered_methods(procedure: data.Procedure, plan: str, topic_offers_phone_chat: bool):
    """Return (offered, refused) contact methods of the procedure's choosing step for a situation.

    ``refused`` pairs each method that is not offered with the rule that removes it, as the data says.
    """
    step = procedure.choosing_step
    active = [r for r in procedure.rules if r.applies(plan, topic_offers_phone_chat)]
    offered, refused = [], []
    for choice in step.methods if step else ():
        rule = next((r for r in active if choice.method not in r.offer), None)
        if rule:
            refused.append((choice, rule))
        else:
            offered.append(choice)
    return tuple(offered), tuple(refused)


def methods_view(procedure: data.Procedure, plan: str, topic_offers_phone_chat: bool) -> RichText:
    """Show which methods the choosing step offers in this situation, and why the others are not there."""
    step = procedure.choosing_step
    if step is None or not step.methods:
        return RichText("", "")
    situation = RichText("", "")
    if procedure.rules:  # the selected switches in words, not by their colour alone
        words = data.load_vocabulary()
        chosen = [words.plan(plan)] + ([] if topic_offers_phone_chat else [words.rules["topic_without_phone_chat"]])
        situation = para(data.say("walkthrough.situation_chosen", situation="、".join(chosen)))
    offered, refused = offered_methods(procedure, plan, topic_offers_phone_chat)
    items = []
    for choice in offered:
        follow = ""
        if choice.procedure:
            follow = data.say("walkthrough.continues_in", title=registry.get(choice.procedure).title)
        items.append(span(span("○", tone="ok"), " ", choice.ja, follow))
    for choice, rule in refused:
        reason = registry.get(rule.fact)
        items.append(span(span("×", tone="error"), " ", choice.ja, " — ",
                          data.say("walkthrough.not_offered", reason=reason.title), " ", record_badge(reason)))
    return status(join([situation, para(strong(data.say("walkthrough.methods_heading"))), bullets(items)]))


def step_counter(index: int, total: int) -> RichText:
    """Where the learner is: a progress bar with its own accessible name, and the same in words."""
    words = data.say("walkthrough.step_counter", n=index + 1, total=total)
    return meter(index + 1, total, words)


def step_view(procedure: data.Procedure, index: int) -> RichText:
    """Show one step: number, title, instruction with labels, notes, and the facts behind it."""
    step = procedure.steps[index]
    head = data.say("walkthrough.step_heading", n=index + 1, total=len(procedure.steps), title=step.title)
    parts = [heading(head, level=4), block(instruction(step), tag="p", style="font-size:110%")]
    if step.notes:
        parts.append(bullets(step.notes))
    if step.facts:
        parts.append(fact_cards(step.facts))
    return join(parts)


def header_view(procedure: data.Procedure) -> RichText:
    """Show the procedure's title, status, summary and any caution that applies to all of it."""
    parts = [heading(procedure.title, " ", record_badge(procedure)), para(procedure.summary)]
    if caution_text(procedure):
        parts.append(para(caution(procedure)))
    if procedure.note:
        parts.append(para(strong(data.say("cards.note_label") + ": "), procedure.note))
    if procedure.facts:
        parts.append(fact_cards(procedure.facts))
    return join(parts)


def tidy_note(*typed: str) -> RichText:
    """What the kit's checker tidied in what was typed, and what Amazon's real form may refuse (TYPING)."""
    changes = dict.fromkeys(change for text in typed for change in forms.tidied(text))
    if not changes:
        return RichText("", "")
    done = "、".join(data.say(f"walkthrough.tidied.{change}") for change in changes)
    return block(data.say("walkthrough.tidied_note", done=done), tone="warning")


def phone_result(typed: str) -> RichText:
    """Show what to type after the form's +81 for the number typed, or what to fix."""
    try:
        after = forms.callback_number(typed)
    except ValueError as exc:
        return alert(str(exc))
    return status(block(data.say("walkthrough.after_plus81"), " ", field("+81"), " ", field(after)),
                  tidy_note(typed))


EMAIL_FIELDS = ("order", "product", "details")  # the e-mail form's fields, in the order of its step's labels


def email_checks(step: data.Step, fields: dict[str, str]) -> dict[str, tuple[bool, RichText]]:
    """Check each field of the e-mail form (labelled as on Amazon's form): (right, what to show next to it)."""
    labels = dict(zip(EMAIL_FIELDS, (label.ja for label in step.labels)))
    checks = {}
    try:
        canonical = forms.order_number(fields["order"])
    except ValueError as exc:
        checks["order"] = (False, alert(f"{labels['order']}: {exc}"))
    else:
        checks["order"] = (True, status(block(span("○", tone="ok"), " ",
                                              data.say("walkthrough.order_ok", order=canonical)),
                                        tidy_note(fields["order"])))
    problems = {"product": "入力されていません。問い合わせたい商品の名前を入力してください。",
                "details": "入力されていません。何が起きて、何をしてほしいかを書いてください。"}
    for name, problem in problems.items():
        checks[name] = ((False, alert(f"{labels[name]}: {problem}")) if not fields[name].strip()
                        else (True, status(span("○", tone="ok"), " ", data.say("walkthrough.field_ok"))))
    return checks


def email_result(step: data.Step, fields: dict[str, str]) -> RichText:
    """Check the e-mail form's fields and give the article's rough estimate of the reply time: hours, never a
    clock time, which would read as a deadline."""
    checks = email_checks(step, fields)
    problems = [shown.text for right, shown in checks.values() if not right]
    if problems:
        return alert(bullets(problems))
    canonical = forms.order_number(fields["order"])
    reply = registry.get("BUYER-MAIL-12H")
    return status(span("○", tone="ok"), " ",
                  data.say("walkthrough.email_ready", order=canonical, hours=reply.values["reply_within_hours"],
                           fact=reply.title), " ",
                  record_badge(reply))


def procedure_view(procedure: data.Procedure) -> RichText:
    """Show the whole procedure at once: the static version read without a kernel."""
    parts = [header_view(procedure)] + [step_view(procedure, i) for i in range(len(procedure.steps))]
    parts.append(methods_view(procedure, "professional", True))
    words = data.load_vocabulary()
    for rule, labels in zip(procedure.rules, procedure.only_offers.values()):
        parts.append(para(data.say("walkthrough.rule_line", situation=words.rules[rule.when],
                                   offered="・".join(labels), fact=registry.get(rule.fact).title)))
    if any(s.kind == "phone_input" for s in procedure.steps):
        example = registry.get("E164").values["example_domestic"]
        parts.append(para(data.say("walkthrough.phone_example", example=example), " ",
                          strong(forms.callback_number(example))))
    parts.append(para(span(data.say("walkthrough.static_note"), style="font-style:italic")))
    return join(parts)


# ---------------------------------------------------------------- the model and its widget


class Walkthrough(View):
    """A procedure walked step by step; the widget mirrors the model's state."""

    def __init__(self, procedure: data.Procedure):
        self.procedure = procedure
        self.steps = procedure.steps
        self.step = 0
        self.plan = "professional"
        self.topic_offers_phone_chat = True
        self.phone = RichText("", "")
        self.phone_typed = ""
        self.email_fields = dict.fromkeys(EMAIL_FIELDS, "")
        self.email_checks: dict[str, RichText] = {}
        self.email = RichText("", "")

    @property
    def at_start(self) -> bool:
        return self.step == 0

    @property
    def at_end(self) -> bool:
        return self.step == len(self.steps) - 1

    @property
    def current(self) -> data.Step:
        return self.steps[self.step]

    def next(self) -> None:
        """Go to the next step; does nothing at the last step."""
        if not self.at_end:
            self.step += 1
            self._refresh()

    def _next_clicked(self) -> None:
        """The learner pressed 次へ: reaching the end by it is recorded as progress."""
        if not self.at_end:
            self.next()
            if self.at_end:
                self._record(progress.key("walkthrough", self.procedure.id))
                self._refresh()

    def back(self) -> None:
        """Go to the previous step; does nothing at the first step."""
        if not self.at_start:
            self.step -= 1
            self._refresh()

    def set_situation(self, plan: str | None = None, topic_offers_phone_chat: bool | None = None) -> None:
        """Set the learner's plan and whether the chosen topic offers phone/chat; the offered methods follow."""
        if plan is not None:
            self.plan = data.load_vocabulary().check_plan(plan)
        if topic_offers_phone_chat is not None:
            self.topic_offers_phone_chat = topic_offers_phone_chat
        self._refresh()

    def methods(self) -> RichText:
        """What the choosing step offers in the current situation."""
        return methods_view(self.procedure, self.plan, self.topic_offers_phone_chat)

    def offered(self) -> tuple[str, ...]:
        """The methods (``email``, ``phone``, ``chat``) offered in the current situation."""
        return tuple(c.method for c in offered_methods(self.procedure, self.plan, self.topic_offers_phone_chat)[0])

    def check_phone(self, typed: str | None = None) -> RichText:
        """Show what goes after +81 for the number typed (the phone step), or for the one typed before (the button).

        The field sends what was typed only on Enter or when the learner leaves it, so nothing is judged mid-typing.
        """
        if typed is not None:
            self.phone_typed = typed
        self.phone = phone_result(self.phone_typed) if self.phone_typed.strip() else RichText("", "")
        self._refresh()
        return self.phone

    def set_email_field(self, name: str, value: str) -> None:
        """Keep what the learner typed into one of the e-mail form's fields."""
        self.email_fields[name] = value

    def check_email(self) -> RichText:
        """Check the three fields of the e-mail step and show the expected reply time."""
        step = next(s for s in self.steps if s.kind == "email_form")
        self.email_checks = {name: shown for name, (_, shown) in email_checks(step, self.email_fields).items()}
        self.email = email_result(step, self.email_fields)
        self._refresh()
        return self.email

    # --- the widget

    def _build(self):
        import ipywidgets as w

        initial = {"description_width": "initial"}
        back = w.Button(description=data.say("walkthrough.back"), icon="arrow-left",
                        tooltip=data.say("walkthrough.back_tooltip"))
        forward = w.Button(description=data.say("walkthrough.next"), icon="arrow-right", button_style="primary",
                           tooltip=data.say("walkthrough.next_tooltip"))
        back.on_click(lambda _b: self.back())
        forward.on_click(lambda _b: self._next_clicked())
        views = {name: w.HTML() for name in ("header", "label", "step")}
        views["header"].value = header_view(self.procedure).html
        controls = {"back": back, "next": forward, **views}
        self._areas = {}
        kinds = {step.kind for step in self.steps}
        if "choose_method" in kinds:
            controls["methods"] = w.HTML()
            self._areas["choose_method"] = w.VBox([*self._situation_controls(controls, w), controls["methods"]])
        if "phone_input" in kinds:
            controls["phone"] = w.Text(
                description=data.say("walkthrough.phone_label"), continuous_update=False, style=initial,
                placeholder=data.say("common.example", example=registry.get("E164").values["example_domestic"]),
                tooltip=data.say("walkthrough.phone_tooltip"))
            controls["phone"].observe(lambda c: self.check_phone(c["new"]), names="value")
            controls["check_phone"] = w.Button(description=data.say("walkthrough.check_phone"), icon="check",
                                               tooltip=data.say("walkthrough.check_phone_tooltip"),
                                               layout=w.Layout(width="auto"))  # the label is longer than 148 px
            controls["check_phone"].on_click(lambda _b: self.check_phone())
            controls["phone_result"] = w.HTML()
            controls["phone_result"].add_class("kit-phone-result")
            self._areas["phone_input"] = w.VBox([w.HBox([controls["phone"], controls["check_phone"]],
                                                        layout=w.Layout(flex_flow="row wrap")),
                                                 controls["phone_result"]])
        if "email_form" in kinds:
            self._areas["email_form"] = w.VBox(self._email_controls(controls, w))
        self._area = w.VBox()
        root = w.VBox([views["header"], views["label"], views["step"], self._area, w.HBox([back, forward])])
        views["label"].add_class("kit-step-label")
        return root, controls

    def _situation_controls(self, controls: dict, w) -> list:
        """The plan and topic switches, for a procedure whose rules narrow the methods offered."""
        if not self.procedure.rules:
            return []
        plans = data.load_vocabulary().plans
        controls["plan"] = w.ToggleButtons(options=[(f"{t.ja}（{t.en}）", key) for key, t in plans.items()],
                                           value=self.plan, description=data.say("walkthrough.plan_label"),
                                           tooltips=[t.ja for t in plans.values()],
                                           style={"description_width": "initial", "button_width": "auto"})
        controls["topic"] = w.Checkbox(value=not self.topic_offers_phone_chat, indent=False,
                                       description=data.say("walkthrough.topic_label"), layout=w.Layout(width="auto"))
        controls["plan"].observe(lambda c: self.set_situation(plan=c["new"]), names="value")
        controls["topic"].observe(lambda c: self.set_situation(topic_offers_phone_chat=not c["new"]), names="value")
        return [controls["plan"], controls["topic"]]

    def _email_controls(self, controls: dict, w) -> list:
        """The e-mail form's fields, labelled as on Amazon's form, and the button that checks them."""
        step = next(s for s in self.steps if s.kind == "email_form")
        initial = {"description_width": "initial"}
        labels = [label.ja for label in step.labels]
        order_example = data.say("common.example", example=registry.get("ORDER-ID").values["example"])
        controls["order"] = w.Text(description=labels[0], placeholder=order_example, style=initial,
                                   continuous_update=False)
        controls["product"] = w.Text(description=labels[1], style=initial, continuous_update=False)
        controls["details"] = w.Textarea(description=labels[2], placeholder=data.say("walkthrough.details_placeholder"),
                                         style=initial, layout=w.Layout(width="auto", max_width="40em"),
                                         continuous_update=False)
        shown = []
        for name in EMAIL_FIELDS:
            controls[name].observe(lambda c, name=name: self.set_email_field(name, c["new"]), names="value")
            controls[f"{name}_check"] = w.HTML()
            shown += [controls[name], controls[f"{name}_check"]]
        controls["check_email"] = w.Button(description=data.say("walkthrough.check_email"), icon="check",
                                           tooltip=data.say("walkthrough.check_email_tooltip"))
        controls["check_email"].on_click(lambda _b: self.check_email())
        controls["email_result"] = w.HTML()
        return [*shown, controls["check_email"], controls["email_result"]]

    def _render(self) -> None:
        c, n = self._controls, len(self.steps)
        c["back"].disabled, c["next"].disabled = self.at_start, self.at_end
        c["step"].value = step_view(self.procedure, self.step).html
        c["label"].value = step_counter(self.step, n).html + self.progress_note.html
        self._area.children = (self._areas[self.current.kind],) if self.current.kind in self._areas else ()
        shown = {"plan": self.plan, "topic": not self.topic_offers_phone_chat, "methods": self.methods().html,
                 "phone_result": self.phone.html, "email_result": self.email.html,
                 **{f"{name}_check": check.html for name, check in self.email_checks.items()}}
        for name, value in shown.items():
            if name in c:
                c[name].value = value

    def static(self) -> RichText:
        """The whole procedure as HTML and text, for readers without a kernel."""
        return procedure_view(self.procedure)
