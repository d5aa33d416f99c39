"""Step-by-step walkthroughs of the contact procedures in ``data/procedures.toml``.

``walkthrough(procedure_id)`` returns an undisplayed model: ``.steps``, ``.step`` (0-based), ``.next()`` and
``.back()`` drive it, ``.controls`` holds its widgets, and displaying it in Jupyter shows the widget, with a
static HTML and text version of the whole procedure for readers without a kernel.
"""

from __future__ import annotations

from datetime import timedelta

from helpers import data, facts, forms, progress
from helpers.display import RichText, esc, heading, join, widget_bundle
from helpers.hours import Clock, format_japan_time, now_in_japan

PLANS = {"professional": "大口出品（Professional）", "individual": "小口出品（Individual）"}
RULE_SITUATIONS = {"individual_plan": "小口出品の場合", "topic_without_phone_chat": "選んだ項目に電話・チャットがない場合"}
_OK, _NG = "#1a7f37", "#cf222e"


def walkthrough(procedure_id: str, clock: Clock = now_in_japan) -> Walkthrough:
    """Build the walkthrough of one procedure; ``clock`` fixes "now" for the e-mail reply estimate."""
    procedure = facts.get(procedure_id)
    if not isinstance(procedure, data.Procedure):
        raise ValueError(f"「{procedure_id}」は手順（PROC-…）の id ではありません。")
    return Walkthrough(procedure, clock)


# ---------------------------------------------------------------- pure rendering


def label_text(label: data.Label) -> str:
    """Return a UI label as the learner should look for it, with the English label where known."""
    return f"「{label.ja}」" + (f"（英語の画面では “{label.en}”）" if label.en else "")


def instruction(step: data.Step) -> RichText:
    """Return the step's instruction with its UI labels highlighted."""
    html, text = esc(step.instruction), step.instruction
    missing = []
    for label in step.labels:
        quoted = f"「{label.ja}」"
        marked = f'<mark style="background:#fff3b0;color:#000"><strong>{esc(quoted)}</strong></mark>'
        if label.en:
            marked += f'<span style="font-size:90%">（英語の画面では “{esc(label.en)}”）</span>'
        if esc(quoted) in html:
            html = html.replace(esc(quoted), marked, 1)
            text = text.replace(quoted, label_text(label), 1)
        else:
            missing.append((marked, label_text(label)))
    if missing:
        html += "<br>探す表示: " + " ".join(m for m, _ in missing)
        text += " 探す表示: " + " ".join(t for _, t in missing)
    return RichText(html, text)


def offered_methods(procedure: data.Procedure, plan: str, topic_offers_phone_chat: bool):
    """Return (offered, refused) contact methods of the procedure's last step for a situation.

    ``refused`` pairs each method that is not offered with the rule that removes it, as the data says.
    """
    step = choose_step(procedure)
    active = [r for r in procedure.rules
              if (r.when == "individual_plan" and plan == "individual")
              or (r.when == "topic_without_phone_chat" and not topic_offers_phone_chat)]
    offered, refused = [], []
    for choice in step.methods if step else ():
        rule = next((r for r in active if choice.method not in r.offer), None)
        if rule:
            refused.append((choice, rule))
        else:
            offered.append(choice)
    return tuple(offered), tuple(refused)


def choose_step(procedure: data.Procedure) -> data.Step | None:
    """Return the step where the learner chooses a contact method, if the procedure has one."""
    return next((s for s in procedure.steps if s.kind == "choose_method"), None)


def methods_view(procedure: data.Procedure, plan: str, topic_offers_phone_chat: bool) -> RichText:
    """Show which methods the last step offers in this situation, and why the others are not there."""
    step = choose_step(procedure)
    if step is None or not step.methods:
        return RichText("", "")
    offered, refused = offered_methods(procedure, plan, topic_offers_phone_chat)
    html, text = ["<div><strong>この画面で選べる方法</strong><ul>"], ["この画面で選べる方法:"]
    for choice in offered:
        follow = ""
        if choice.procedure:
            follow = f" → 続きは「{facts.get(choice.procedure).title}」の手順へ"
        html.append(f'<li><span style="color:{_OK}">○</span> {esc(choice.ja)}{esc(follow)}</li>')
        text.append(f"  ○ {choice.ja}{follow}")
    for choice, rule in refused:
        reason = facts.get(rule.fact)
        html.append(f'<li><span style="color:{_NG}">×</span> {esc(choice.ja)} — 選べません'
                    f"（{esc(reason.title)}、{facts.badge(reason.status).html}）</li>")
        text.append(f"  × {choice.ja} — 選べません（{reason.title}、{facts.badge(reason.status).text}）")
    html.append("</ul></div>")
    return RichText("\n".join(html), "\n".join(text))


def step_view(procedure: data.Procedure, index: int) -> RichText:
    """Show one step: number, title, instruction with labels, notes, and the facts behind it."""
    step = procedure.steps[index]
    head = f"ステップ {index + 1} / {len(procedure.steps)}: {step.title}"
    body = instruction(step)
    html = ["<div>" + heading(esc(head), 4), f'<p style="font-size:110%">{body.html}</p>']
    text = [head, f"  {body.text}"]
    if step.notes:
        html.append("<ul>" + "".join(f"<li>{esc(n)}</li>" for n in step.notes) + "</ul>")
        text += [f"  ・{n}" for n in step.notes]
    if step.facts:
        cards = facts.fact_cards(step.facts)
        html.append(cards.html)
        text.append(cards.text)
    html.append("</div>")
    return RichText("\n".join(html), "\n".join(text))


def header_view(procedure: data.Procedure) -> RichText:
    """Show the procedure's title, status, summary and any caution that applies to all of it."""
    mark = facts.badge(procedure.status)
    html = [heading(f"{esc(procedure.title)} {mark.html}", 3), f"<p>{esc(procedure.summary)}</p>"]
    text = [f"{procedure.title} {mark.text}", procedure.summary]
    if procedure.caution:
        label = facts.CAUTION_LABEL[procedure.status]
        colour = facts.STATUS_MARKS[procedure.status][1]
        html.append(f'<p style="color:{colour}"><strong>{label}:</strong> {esc(procedure.caution)}</p>')
        text.append(f"{label}: {procedure.caution}")
    if procedure.note:
        html.append(f"<p><strong>補足:</strong> {esc(procedure.note)}</p>")
        text.append(f"補足: {procedure.note}")
    if procedure.facts:
        cards = facts.fact_cards(procedure.facts)
        html.append(cards.html)
        text.append(cards.text)
    return RichText("\n".join(html), "\n".join(text))


def phone_result(typed: str) -> RichText:
    """Show what to type after the form's +81 for the number typed, or what to fix."""
    try:
        after = forms.callback_number(typed)
    except ValueError as exc:
        return RichText(f'<div role="alert" style="color:{_NG}">{esc(exc)}</div>', f"入力を確認してください: {exc}")
    box = "border:1px solid #888;border-radius:3px;padding:.1em .5em;background:#f6f8fa;color:#000"
    return RichText(f'<div role="status">フォームの <span style="{box}">+81</span> の後ろに入力する番号: '
                    f'<span style="{box}"><strong>{esc(after)}</strong></span></div>',
                    f"フォームの +81 の後ろに入力する番号: {after}")


def email_result(order: str, product: str, details: str, now) -> RichText:
    """Check the e-mail form's three fields and say by when a reply can be expected, in Japan time."""
    problems = []
    try:
        canonical = forms.order_number(order)
    except ValueError as exc:
        problems.append(f"注文番号: {exc}")
    if not product.strip():
        problems.append("商品の名前: 入力されていません。問い合わせたい商品の名前を入力してください。")
    if not details.strip():
        problems.append("お問い合わせ内容: 入力されていません。何が起きて、何をしてほしいかを書いてください。")
    if problems:
        return RichText(f'<ul role="alert" style="color:{_NG}">' + "".join(f"<li>{esc(p)}</li>" for p in problems)
                        + "</ul>", "\n".join(problems))
    reply = facts.get("BUYER-MAIL-12H")
    hours = reply.values["reply_within_hours"]
    due_text = format_japan_time(now + timedelta(hours=hours))
    text = (f"入力は送信できる形になっています（注文番号 {canonical}）。いま「メール送信」を押した場合、"
            f"返信の目安は {due_text} ごろまでです（{reply.title}）。")
    return RichText(f'<div role="status"><span style="color:{_OK}">○</span> {esc(text)} '
                    f"{facts.badge(reply.status).html}</div>", f"{text} {facts.badge(reply.status).text}")


def procedure_view(procedure: data.Procedure) -> RichText:
    """Show the whole procedure at once: the static version read without a kernel."""
    parts = [header_view(procedure)] + [step_view(procedure, i) for i in range(len(procedure.steps))]
    methods = methods_view(procedure, "professional", True)
    if methods.text:
        parts.append(methods)
    for rule in procedure.rules:
        offered = "・".join(c.ja for c in choose_step(procedure).methods if c.method in rule.offer)
        line = f"{RULE_SITUATIONS[rule.when]}: {offered}のみ（{facts.get(rule.fact).title}）"
        parts.append(RichText(f"<p>{esc(line)}</p>", line))
    if any(s.kind == "phone_input" for s in procedure.steps):
        example = facts.get("E164").values
        parts.append(RichText(f"<p>入力の例: {esc(example['example_domestic'])} → +81 の後ろに "
                              f"<strong>{esc(forms.callback_number(example['example_domestic']))}</strong></p>",
                              f"入力の例: {example['example_domestic']} → +81 の後ろに "
                              f"{forms.callback_number(example['example_domestic'])}"))
    parts.append(RichText("<p><em>ノートブックを実行すると、「戻る」「次へ」で1ステップずつ進めます。</em></p>",
                          "（ノートブックを実行すると、「戻る」「次へ」で1ステップずつ進めます。）"))
    return join(parts)


# ---------------------------------------------------------------- the model and its widget


class Walkthrough:
    """A procedure walked step by step; the widget mirrors the model's state."""

    def __init__(self, procedure: data.Procedure, clock: Clock = now_in_japan):
        import ipywidgets as w

        self.procedure = procedure
        self.steps = procedure.steps
        self.step = 0
        self.clock = clock
        self.plan = "professional"
        self.topic_offers_phone_chat = True

        n = len(self.steps)
        back = w.Button(description="戻る", icon="arrow-left", tooltip="前のステップに戻ります")
        forward = w.Button(description="次へ", icon="arrow-right", button_style="primary",
                           tooltip="次のステップに進みます")
        back.on_click(lambda _b: self.back())
        forward.on_click(lambda _b: self.next())
        progress = w.IntProgress(min=0, max=n, description="進み具合", style={"description_width": "initial"})
        plan = w.ToggleButtons(options=[(label, key) for key, label in PLANS.items()], value=self.plan,
                               description="出品プラン", tooltips=["大口出品の場合", "小口出品の場合"],
                               style={"description_width": "initial", "button_width": "auto"})
        topic = w.Checkbox(value=False, description="選んだ項目に電話・チャットが表示されない", indent=False,
                           layout=w.Layout(width="auto"))
        plan.observe(lambda c: self.set_situation(plan=c["new"]), names="value")
        topic.observe(lambda c: self.set_situation(topic_offers_phone_chat=not c["new"]), names="value")
        phone = w.Text(description="自分の電話番号", placeholder="例: 090-1111-2222", continuous_update=False,
                       tooltip="自分の電話番号を入力して Enter キーを押すと、+81 の後ろに入れる形を表示します",
                       style={"description_width": "initial"})
        phone.observe(lambda c: self.check_phone(c["new"]), names="value")
        order = w.Text(description="注文番号", placeholder="例: 249-1234567-1234567",
                       style={"description_width": "initial"})
        product = w.Text(description="商品の名前", style={"description_width": "initial"})
        details = w.Textarea(description="お問い合わせ内容", placeholder="何が起きて、何をしてほしいか",
                             style={"description_width": "initial"}, layout=w.Layout(width="95%"))
        check_mail = w.Button(description="入力を確認する", icon="check",
                              tooltip="3つの欄を確認し、返信の目安の時刻を表示します（実際には送信しません）")
        check_mail.on_click(lambda _b: self.check_email())

        self.controls = {"back": back, "next": forward, "progress": progress, "plan": plan, "topic": topic,
                         "phone": phone, "order": order, "product": product, "details": details,
                         "check_email": check_mail}
        self.views = {name: w.HTML() for name in ("header", "step", "label", "methods", "phone", "email")}
        self.views["header"].value = header_view(procedure).html
        self._areas = {
            "choose_method": w.VBox([plan, topic, self.views["methods"]]) if procedure.rules
            else w.VBox([self.views["methods"]]),
            "phone_input": w.VBox([phone, self.views["phone"]]),
            "email_form": w.VBox([order, product, details, check_mail, self.views["email"]]),
        }
        self._area = w.VBox()
        self.widget = w.VBox([self.views["header"], w.HBox([progress, self.views["label"]]), self.views["step"],
                              self._area, w.HBox([back, forward])])
        # Stable hooks for the browser tests and for anyone styling the kit.
        self.widget.add_class("kit-walkthrough")
        self.views["label"].add_class("kit-step-label")
        self.views["phone"].add_class("kit-phone-result")
        self._render()

    # --- state changes (each updates the widget)

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
            self._render()
            if self.at_end:
                progress.safely_record(f"walkthrough:{self.procedure.id}")

    def back(self) -> None:
        """Go to the previous step; does nothing at the first step."""
        if not self.at_start:
            self.step -= 1
            self._render()

    def set_situation(self, plan: str | None = None, topic_offers_phone_chat: bool | None = None) -> None:
        """Set the learner's plan and whether the chosen topic offers phone/chat; the offered methods follow."""
        if plan is not None:
            if plan not in PLANS:
                raise ValueError(f"出品プランは {' / '.join(PLANS)} のどちらかです。")
            self.plan = plan
        if topic_offers_phone_chat is not None:
            self.topic_offers_phone_chat = topic_offers_phone_chat
        self.controls["plan"].value = self.plan
        self.controls["topic"].value = not self.topic_offers_phone_chat
        self.views["methods"].value = self.methods().html

    def methods(self) -> RichText:
        """What the last step offers in the current situation."""
        if self.current.kind == "choose_method" and not self.current.methods:
            return RichText("", "")
        return methods_view(self.procedure, self.plan, self.topic_offers_phone_chat)

    def offered(self) -> tuple[str, ...]:
        """The methods (``email``, ``phone``, ``chat``) offered in the current situation."""
        return tuple(c.method for c in offered_methods(self.procedure, self.plan, self.topic_offers_phone_chat)[0])

    def check_phone(self, typed: str) -> RichText:
        """Show what goes after +81 for the number typed (the phone step)."""
        result = phone_result(typed) if typed.strip() else RichText("", "")
        self.views["phone"].value = result.html
        return result

    def check_email(self) -> RichText:
        """Check the three fields of the e-mail step and show the expected reply time."""
        c = self.controls
        result = email_result(c["order"].value, c["product"].value, c["details"].value, self.clock())
        self.views["email"].value = result.html
        return result

    # --- display

    def _render(self) -> None:
        n, c = len(self.steps), self.controls
        c["progress"].value = self.step + 1
        self.views["label"].value = f"<strong>ステップ {self.step + 1} / {n}</strong>"
        self.views["step"].value = step_view(self.procedure, self.step).html
        c["back"].disabled, c["next"].disabled = self.at_start, self.at_end
        self._area.children = (self._areas[self.current.kind],) if self.current.kind in self._areas else ()
        if self.current.kind == "choose_method":
            self.views["methods"].value = self.methods().html

    def static(self) -> RichText:
        """The whole procedure as HTML and text, for readers without a kernel."""
        return procedure_view(self.procedure)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())
