"""Step-by-step walkthroughs of the contact procedures in ``data/procedures.toml``.

``walkthrough(procedure_id)`` returns an undisplayed model: ``.steps``, ``.step`` (0-based), ``.next()`` and
``.back()`` drive it, ``.controls`` holds its widgets, and displaying it in Jupyter shows the widget, with a
static HTML and text version of the whole procedure for readers without a kernel.

A walkthrough is made of small views, one per kind of step: the ``Navigator`` (where the learner is), the
``MethodChoice`` (the plan and topic, and the methods offered), the ``PhoneCheck`` (what goes after +81) and the
``EmailForm``. Pure functions above them render what each shows.
"""

from __future__ import annotations

from helpers import forms
from helpers.core import data, progress, registry
from helpers.core.cards import caution, caution_text, fact_cards, record_badge
from helpers.core.controls import plan_toggle, topic_checkbox
from helpers.core.render import (
    EMPTY,
    RichText,
    alert,
    block,
    bullets,
    field,
    heading,
    join,
    mark,
    meter,
    para,
    span,
    status,
    strong,
)
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
                parts[n : n + 1] = [before, label_text(label), after]
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
        return EMPTY
    situation = EMPTY
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
        items.append(
            span(
                span("×", tone="error"),
                " ",
                choice.ja,
                " — ",
                data.say("walkthrough.not_offered", reason=reason.title),
                " ",
                record_badge(reason),
            )
        )
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
        return EMPTY
    done = "、".join(data.say(f"walkthrough.tidied.{change}") for change in changes)
    return block(data.say("walkthrough.tidied_note", done=done), tone="warning")


def phone_result(typed: str) -> RichText:
    """Show what to type after the form's +81 for the number typed, or what to fix."""
    try:
        after = forms.callback_number(typed)
    except ValueError as exc:
        return alert(str(exc))
    return status(block(data.say("walkthrough.after_plus81"), " ", field("+81"), " ", field(after)), tidy_note(typed))


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
        checks["order"] = (
            True,
            status(
                block(span("○", tone="ok"), " ", data.say("walkthrough.order_ok", order=canonical)),
                tidy_note(fields["order"]),
            ),
        )
    problems = {
        "product": "入力されていません。問い合わせたい商品の名前を入力してください。",
        "details": "入力されていません。何が起きて、何をしてほしいかを書いてください。",
    }
    for name, problem in problems.items():
        checks[name] = (
            (False, alert(f"{labels[name]}: {problem}"))
            if not fields[name].strip()
            else (True, status(span("○", tone="ok"), " ", data.say("walkthrough.field_ok")))
        )
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
    return status(
        span("○", tone="ok"),
        " ",
        data.say(
            "walkthrough.email_ready", order=canonical, hours=reply.values["reply_within_hours"], fact=reply.title
        ),
        " ",
        record_badge(reply),
    )


def procedure_view(procedure: data.Procedure) -> RichText:
    """Show the whole procedure at once: the static version read without a kernel."""
    parts = [header_view(procedure)] + [step_view(procedure, i) for i in range(len(procedure.steps))]
    parts.append(methods_view(procedure, "professional", True))
    words = data.load_vocabulary()
    for rule, labels in zip(procedure.rules, procedure.only_offers.values()):
        parts.append(
            para(
                data.say(
                    "walkthrough.rule_line",
                    situation=words.rules[rule.when],
                    offered="・".join(labels),
                    fact=registry.get(rule.fact).title,
                )
            )
        )
    if any(s.kind == "phone_input" for s in procedure.steps):
        example = registry.get("E164").values["example_domestic"]
        parts.append(
            para(data.say("walkthrough.phone_example", example=example), " ", strong(forms.callback_number(example)))
        )
    parts.append(para(span(data.say("walkthrough.static_note"), style="font-style:italic")))
    return join(parts)


# ---------------------------------------------------------------- the views: one per kind of step


class Navigator(View):
    """Where the learner is in a procedure: the step shown, 「次へ」 and 「戻る」.

    Reaching the last step by pressing 「次へ」 is recorded as progress (``progress_item``); ``next()`` in code
    records nothing, so that checks run from outside never write to a learner's file.
    """

    def __init__(self, procedure: data.Procedure, moved=lambda: None):
        self.procedure, self.step, self._moved = procedure, 0, moved

    @property
    def progress_item(self) -> str:
        return progress.key("walkthrough", self.procedure.id)

    @property
    def at_start(self) -> bool:
        return self.step == 0

    @property
    def at_end(self) -> bool:
        return self.step == len(self.procedure.steps) - 1

    def go(self, step: int) -> None:
        self.step = max(0, min(step, len(self.procedure.steps) - 1))
        self._refresh()
        self._moved()

    def clicked_next(self) -> None:
        if not self.at_end:
            self.go(self.step + 1)
            if self.at_end:
                self._record(self.progress_item)
                self._refresh()

    def _build(self):
        import ipywidgets as w

        back = w.Button(
            description=data.say("walkthrough.back"), icon="arrow-left", tooltip=data.say("walkthrough.back_tooltip")
        )
        forward = w.Button(
            description=data.say("walkthrough.next"),
            icon="arrow-right",
            button_style="primary",
            tooltip=data.say("walkthrough.next_tooltip"),
        )
        back.on_click(lambda _b: self.go(self.step - 1))
        forward.on_click(lambda _b: self.clicked_next())
        label, shown = w.HTML(), w.HTML()
        label.add_class("kit-step-label")
        controls = {"back": back, "next": forward, "label": label, "step": shown, "buttons": w.HBox([back, forward])}
        return w.VBox([label, shown]), controls

    def _render(self) -> None:
        c = self._controls
        c["back"].disabled, c["next"].disabled = self.at_start, self.at_end
        c["step"].value = step_view(self.procedure, self.step).html
        c["label"].value = step_counter(self.step, len(self.procedure.steps)).html + self.progress_note.html

    def static(self) -> RichText:
        return join([step_view(self.procedure, i) for i in range(len(self.procedure.steps))])


class MethodChoice(View):
    """The step where a method is chosen: the seller's plan and topic (where the procedure's rules depend on them)
    and the methods offered, with the reason for each one that is not."""

    def __init__(self, procedure: data.Procedure):
        self.procedure = procedure
        self.plan = "professional"
        self.topic_offers_phone_chat = True

    def set_situation(self, plan: str | None = None, topic_offers_phone_chat: bool | None = None) -> None:
        if plan is not None:
            self.plan = data.load_vocabulary().check_plan(plan)
        if topic_offers_phone_chat is not None:
            self.topic_offers_phone_chat = bool(topic_offers_phone_chat)
        self._refresh()

    def offered(self) -> tuple[str, ...]:
        return tuple(c.method for c in offered_methods(self.procedure, self.plan, self.topic_offers_phone_chat)[0])

    def shown(self) -> RichText:
        return methods_view(self.procedure, self.plan, self.topic_offers_phone_chat)

    def _build(self):
        import ipywidgets as w

        controls = {"methods": w.HTML()}
        if self.procedure.rules:  # the seller's situation matters only where a rule narrows the methods
            controls["plan"] = plan_toggle(self.plan, lambda plan: self.set_situation(plan=plan))
            controls["topic"] = topic_checkbox(
                self.topic_offers_phone_chat, lambda offers: self.set_situation(topic_offers_phone_chat=offers)
            )
        return w.VBox(list(controls.values())[1:] + [controls["methods"]]), controls

    def _render(self) -> None:
        c = self._controls
        c["methods"].value = self.shown().html
        if "plan" in c:
            c["plan"].value, c["topic"].value = self.plan, not self.topic_offers_phone_chat

    def static(self) -> RichText:
        return self.shown()


class PhoneCheck(View):
    """The phone step: what goes after the form's +81 for a number typed (a practice number)."""

    def __init__(self):
        self.typed = ""
        self.result = EMPTY

    def check(self, typed: str | None = None) -> RichText:
        """Judge what was typed (or what was typed before, for the button). The field sends its value only on Enter
        or when the learner leaves it, so nothing is judged mid-typing."""
        if typed is not None:
            self.typed = typed
        self.result = phone_result(self.typed) if self.typed.strip() else EMPTY
        self._refresh()
        return self.result

    def _build(self):
        import ipywidgets as w

        phone = w.Text(
            description=data.say("walkthrough.phone_label"),
            continuous_update=False,
            style={"description_width": "initial"},
            tooltip=data.say("walkthrough.phone_tooltip"),
            placeholder=data.say("common.example", example=registry.get("E164").values["example_domestic"]),
        )
        phone.observe(lambda change: self.check(change["new"]), names="value")
        button = w.Button(
            description=data.say("walkthrough.check_phone"),
            icon="check",
            tooltip=data.say("walkthrough.check_phone_tooltip"),
            layout=w.Layout(width="auto"),
        )  # the label is longer than a default button
        button.on_click(lambda _b: self.check())
        result = w.HTML()
        result.add_class("kit-phone-result")
        row = w.HBox([phone, button], layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([row, result]), {"phone": phone, "check_phone": button, "phone_result": result}

    def _render(self) -> None:
        self._controls["phone_result"].value = self.result.html

    def static(self) -> RichText:
        example = registry.get("E164").values["example_domestic"]
        return para(data.say("walkthrough.phone_example", example=example), " ", strong(forms.callback_number(example)))


class EmailForm(View):
    """The e-mail step: the form's three fields, labelled as on Amazon's form, checked when the learner asks."""

    def __init__(self, step: data.Step):
        self.step = step
        self.fields = dict.fromkeys(EMAIL_FIELDS, "")
        self.checks: dict[str, RichText] = {}
        self.result = EMPTY

    def set_field(self, name: str, value: str) -> None:
        self.fields[name] = value

    def check(self) -> RichText:
        self.checks = {name: shown for name, (_, shown) in email_checks(self.step, self.fields).items()}
        self.result = email_result(self.step, self.fields)
        self._refresh()
        return self.result

    def _build(self):
        import ipywidgets as w

        initial = {"description_width": "initial"}
        labels = dict(zip(EMAIL_FIELDS, (label.ja for label in self.step.labels)))
        order_example = data.say("common.example", example=registry.get("ORDER-ID").values["example"])
        controls = {
            "order": w.Text(
                description=labels["order"], placeholder=order_example, style=initial, continuous_update=False
            ),
            "product": w.Text(description=labels["product"], style=initial, continuous_update=False),
            "details": w.Textarea(
                description=labels["details"],
                placeholder=data.say("walkthrough.details_placeholder"),
                style=initial,
                layout=w.Layout(width="auto", max_width="40em"),
                continuous_update=False,
            ),
        }
        children = []
        for name in EMAIL_FIELDS:
            controls[name].observe(lambda change, name=name: self.set_field(name, change["new"]), names="value")
            controls[f"{name}_check"] = w.HTML()
            children += [controls[name], controls[f"{name}_check"]]
        controls["check_email"] = w.Button(
            description=data.say("walkthrough.check_email"),
            icon="check",
            tooltip=data.say("walkthrough.check_email_tooltip"),
        )
        controls["check_email"].on_click(lambda _b: self.check())
        controls["email_result"] = w.HTML()
        return w.VBox([*children, controls["check_email"], controls["email_result"]]), controls

    def _render(self) -> None:
        self._controls["email_result"].value = self.result.html
        for name in EMAIL_FIELDS:
            self._controls[f"{name}_check"].value = self.checks.get(name, EMPTY).html

    def static(self) -> RichText:
        return EMPTY


# ---------------------------------------------------------------- the walkthrough: the views put together


class Walkthrough(View):
    """A procedure walked step by step: a navigator, and under it the view of the current step's kind.

    ``.steps``, ``.step``, ``.next()``, ``.back()``, ``set_situation``, ``offered``, ``check_phone`` and
    ``check_email`` drive it in code; ``.controls`` holds every widget of its views by name.
    """

    def __init__(self, procedure: data.Procedure):
        self.procedure = procedure
        self.steps = procedure.steps
        self.navigator = Navigator(procedure, moved=self._refresh)
        kinds = {step.kind for step in self.steps}
        email_step = next((s for s in self.steps if s.kind == "email_form"), None)
        self.parts: dict[str, View] = {}
        if "choose_method" in kinds:
            self.parts["choose_method"] = MethodChoice(procedure)
        if "phone_input" in kinds:
            self.parts["phone_input"] = PhoneCheck()
        if email_step is not None:
            self.parts["email_form"] = EmailForm(email_step)

    # --- navigation

    @property
    def progress_item(self) -> str:
        return self.navigator.progress_item

    @property
    def step(self) -> int:
        return self.navigator.step

    @property
    def at_start(self) -> bool:
        return self.navigator.at_start

    @property
    def at_end(self) -> bool:
        return self.navigator.at_end

    @property
    def current(self) -> data.Step:
        return self.steps[self.step]

    def next(self) -> None:
        """Go to the next step; does nothing at the last step (and records nothing)."""
        self.navigator.go(self.step + 1)

    def back(self) -> None:
        """Go to the previous step; does nothing at the first step."""
        self.navigator.go(self.step - 1)

    # --- the views of the steps

    def _part(self, kind: str):
        if kind not in self.parts:
            raise ValueError(f"この手順（{self.procedure.id}）には、その種類のステップはありません。")
        return self.parts[kind]

    def set_situation(self, plan: str | None = None, topic_offers_phone_chat: bool | None = None) -> None:
        """Set the learner's plan and whether the chosen topic offers phone/chat; the offered methods follow."""
        self._part("choose_method").set_situation(plan, topic_offers_phone_chat)

    def offered(self) -> tuple[str, ...]:
        """The methods (``email``, ``phone``, ``chat``) offered in the current situation."""
        return self.parts["choose_method"].offered() if "choose_method" in self.parts else ()

    def methods(self) -> RichText:
        """What the choosing step offers in the current situation."""
        return self.parts["choose_method"].shown() if "choose_method" in self.parts else EMPTY

    def check_phone(self, typed: str | None = None) -> RichText:
        """Show what goes after +81 for the number typed (the phone step), or for the one typed before."""
        return self._part("phone_input").check(typed)

    def set_email_field(self, name: str, value: str) -> None:
        """Keep what the learner typed into one of the e-mail form's fields."""
        self._part("email_form").set_field(name, value)

    def check_email(self) -> RichText:
        """Check the three fields of the e-mail step and give the rough estimate of the reply time."""
        return self._part("email_form").check()

    @property
    def plan(self) -> str:
        return self.parts["choose_method"].plan if "choose_method" in self.parts else "professional"

    @property
    def topic_offers_phone_chat(self) -> bool:
        return self.parts["choose_method"].topic_offers_phone_chat if "choose_method" in self.parts else True

    # --- the widget

    def _build(self):
        import ipywidgets as w

        header = w.HTML(header_view(self.procedure).html)
        controls = {"header": header, **self.navigator.controls}
        for part in self.parts.values():
            controls.update(part.controls)
        self._area = w.VBox()
        root = w.VBox([header, self.navigator.widget, self._area, self.navigator.controls["buttons"]])
        return root, controls

    def _render(self) -> None:
        kind = self.current.kind
        self._area.children = (self.parts[kind].widget,) if kind in self.parts else ()

    def static(self) -> RichText:
        """The whole procedure as HTML and text, for readers without a kernel."""
        return procedure_view(self.procedure)
