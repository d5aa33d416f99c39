"""Where to go when something happens: one card per situation, and the widget that picks it.

A situation's card (``card``) says, for what happened and when (Japan time): the first screen to open, who handles
it, how soon to act and the limit as a Japan-time date and hour (weekends and public holidays count), what to
prepare, what not to do, and whether the phone desk is even open then — each line with the badges of the facts it
rests on, and the detail behind 「詳しく」. A line that only another country's Amazon help supports says so.

``deadline_at`` is the pure computation behind the card:

>>> from helpers.core.clock import japan_tz
>>> from datetime import datetime
>>> sunday_night = datetime(2026, 12, 6, 22, 0, tzinfo=japan_tz())
>>> deadline_at(get("WHEN-BUYER-PROBLEM"), sunday_night)
datetime.datetime(2026, 12, 8, 22, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Tokyo'))

``what_happened()`` (also ``triage()``) is the widget: the learner picks what happened and when (a date picker and
an hour, defaulting to now) and gets the card; no typing is needed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from helpers import hours
from helpers.core import data, registry
from helpers.core.cards import CAUTION_ORDER, badge, badge_key, details, fact_card, fact_details
from helpers.core.clock import Clock, format_japan_time, in_japan, japan_tz, now_in_japan
from helpers.core.controls import plan_toggle
from helpers.core.render import (
    CHOICES_CLASS,
    EMPTY,
    PALETTE,
    WIDGET_CSS,
    RichText,
    block,
    bullets,
    heading,
    join,
    mark,
    para,
    span,
    status,
    strong,
)
from helpers.core.view import View

OTHER_COUNTRY_ONLY = frozenset({"official-other"})


def situations() -> tuple[data.Situation, ...]:
    """Every situation of ``data/situations.toml``, in its order."""
    return data.load_situations()


def get(situation_id: str) -> data.Situation:
    """The situation with this id (``WHEN-…``)."""
    for situation in situations():
        if situation.id == situation_id:
            return situation
    raise ValueError(
        f"「{situation_id}」という場面はありません。"
        f"{' / '.join(s.id for s in situations())} のどれかを指定してください。"
    )


def _said(situation: data.Situation, text: str) -> str:
    """A situation's text with the facts it quotes by name (``{SAFE-T.values.days}``) filled in."""
    return registry.registry().resolve(text, f"situations.toml: {situation.id}")


# ---------------------------------------------------------------- the deadline (pure)


def deadline_length(situation: data.Situation) -> int | None:
    """The limit's length in its unit (hours or days), from the fact it quotes; None when no limit is known."""
    if situation.deadline.amount is None:
        return None
    return int(_said(situation, situation.deadline.amount))


def deadline_at(situation: data.Situation, happened: datetime) -> datetime | None:
    """The limit as a Japan-time moment, counted from ``happened`` in calendar time (weekends and holidays count);
    None when no limit is known."""
    length = deadline_length(situation)
    if length is None:
        return None
    start = in_japan(happened)
    try:
        return start + timedelta(**{situation.deadline.unit: length})
    except OverflowError:
        raise ValueError("期限が日付の範囲を外れます。ふつうの日時を選んでください。") from None


def days_off_between(start: datetime, end: datetime) -> list[str]:
    """The weekends and public holidays from the day after ``start`` to ``end``'s day: 「12月6日（日）」…"""
    names, day = [], start.date() + timedelta(days=1)
    while day <= end.date() and len(names) < 40:
        if day.weekday() >= 5 or hours.holiday_name(day):
            names.append(f"{day.month}月{day.day}日（{'月火水木金土日'[day.weekday()]}）")
        day += timedelta(days=1)
    return names


# ---------------------------------------------------------------- lines of the card


def other_country_only(fact_ids) -> bool:
    """Whether every fact named rests only on another country's official help (beside the article)."""
    records = [registry.get(f) for f in fact_ids]
    return bool(records) and all({s.kind for s in r.sources} - {"article"} == OTHER_COUNTRY_ONLY for r in records)


def facts_marks(fact_ids) -> RichText:
    """The badge a line gets — the most cautious of its facts' badges — and ※ when only another country's Amazon
    help says so (the card explains ※ once)."""
    keys = {badge_key(registry.get(f)) for f in fact_ids}
    if not keys:
        return EMPTY
    marks = [badge(next(k for k in CAUTION_ORDER if k in keys))]
    if other_country_only(fact_ids):
        marks.append(span(data.say("situations.other_country_mark"), style="font-size:85%"))
    return join(marks, " ", " ")


def line(situation: data.Situation, item: data.Line | str, fact_ids=()) -> RichText:
    """One line of the card with the marks of the facts it rests on."""
    text, facts = (item.text, item.facts) if isinstance(item, data.Line) else (item, fact_ids)
    return join([span(_said(situation, text)), facts_marks(facts)], " ", " ")


def label_view(label: data.ScreenLabel) -> RichText:
    """A label on the way: 「パフォーマンス」（英語の画面では “Performance”）, or the English label alone."""
    if label.ja:
        shown = mark(f"「{label.ja}」")
        if label.en:
            shown = shown + span(data.say("walkthrough.english_label", en=label.en), style="font-size:90%")
        if label.reported:
            shown = shown + span(data.say("situations.reported"), style="font-size:85%")
        return shown
    return mark(f"“{label.en}”") + span(data.say("situations.english_only"), style="font-size:85%")


def first_screen_view(situation: data.Situation) -> RichText:
    screen = situation.first_screen
    path = join([label_view(label) for label in screen.path], " → ", " → ")
    parts = [join([span(screen.site + ": "), path, facts_marks(screen.facts)], "", " ")]
    if screen.note:
        parts.append(block(_said(situation, screen.note), style="font-size:90%"))
    return join(parts)


def who_view(situation: data.Situation) -> RichText:
    """Who handles it, and how they are reached: the situation's own note, or the handler's general one."""
    name = data.load_vocabulary().handlers[situation.who.handler]
    how = _said(situation, situation.who.note) if situation.who.note else name.how
    return join([strong(name.ja), span(how), facts_marks(situation.who.facts)], " ", " ")


def _unit(situation: data.Situation) -> str:
    return data.say(f"situations.units.{situation.deadline.unit}")


def deadline_view(situation: data.Situation, happened: datetime | None = None) -> RichText:
    """How soon to act, and the limit: a Japan-time date and hour when ``happened`` is given."""
    deadline = situation.deadline
    act = _said(situation, deadline.act)
    if happened is not None and deadline.amount is not None and "その日のうちに" in deadline.act:
        local = in_japan(happened)
        act += data.say(
            "situations.same_day", day=f"{local.month}月{local.day}日（{'月火水木金土日'[local.weekday()]}）"
        )
    parts = [join([span(act, bold=True), facts_marks(deadline.facts)], " ", " ")]
    length = deadline_length(situation)
    if length is not None:
        fields = {"starts": _said(situation, deadline.starts), "amount": length, "unit": _unit(situation)}
        if happened is None:
            parts.append(block(data.say("situations.limit_relative", **fields)))
        else:
            limit = deadline_at(situation, happened)
            parts.append(block(strong(data.say("situations.limit_at", limit=format_japan_time(limit), **fields))))
            off = days_off_between(in_japan(happened), limit)
            if off:
                parts.append(block(data.say("situations.days_off", days="、".join(off)), style="font-size:90%"))
    if deadline.note:
        parts.append(block(_said(situation, deadline.note), style="font-size:90%"))
    return join(parts)


def phone_view(situation: data.Situation, at: datetime | None = None) -> RichText:
    """Whether the phone desk is even open then, and whether this situation needs it at all."""
    parts = [line(situation, situation.phone)]
    if at is not None:
        parts.insert(0, span(hours.phone_line(at)))
    return join(parts, " ", " ")


def channel_rule_view(plan: str = "professional", at: datetime | None = None) -> RichText:
    """The three-line rule for reaching テクニカルサポート, with the lines that fit the plan and the hour marked."""
    words = data.load_vocabulary()
    urgent_possible = at is not None and hours.phone_state(at) == "open"
    items = []
    for rule in data.load_channel_rules():
        channels = "か".join(words.channels[m].ja for m in rule.use)
        when = registry.registry().resolve(rule.when, f"situations.toml: {rule.id}")
        fits = (rule.case == "individual_plan" and plan == "individual") or (
            rule.case == "urgent_in_hours" and urgent_possible and plan != "individual"
        )
        text = data.say("situations.rule", when=when, channels=channels)
        items.append(
            join(
                [
                    strong(text) if fits else span(text),
                    span(data.say("situations.rule_fits"), tone="ok") if fits else EMPTY,
                    facts_marks(rule.facts),
                ],
                " ",
                " ",
            )
        )
    return join([para(strong(data.say("situations.rule_heading"))), bullets(items)])


def checklist(situation: data.Situation) -> RichText:
    """What to prepare, as boxes to tick."""
    return bullets([span("☐ ", line(situation, item)) for item in situation.prepare], style="list-style:none")


def dont_list(situation: data.Situation) -> RichText:
    return bullets(
        [span(span("✕ ", tone="error"), line(situation, item)) for item in situation.dont], style="list-style:none"
    )


def steps_view(situation: data.Situation) -> RichText:
    """What to do next, case by case."""
    parts = []
    for branch in situation.steps:
        if branch.when:
            parts.append(para(span(data.say("situations.when", when=_said(situation, branch.when)), bold=True)))
        parts.append(bullets([line(situation, do, branch.facts) for do in branch.do], ordered=True))
    return join(parts)


def _row(name: str, content: RichText) -> RichText:
    """One part of the card: its name, and the content indented under it."""
    return join([block(strong(name), style="margin-top:.5em"), block(content, style="margin-left:1em")])


def card(situation_id: str, at: datetime | None = None, plan: str = "professional") -> RichText:
    """The one card for a situation that happened at ``at`` (Japan time; None: a card that holds for any time)."""
    situation = get(situation_id)
    if at is not None:
        at = in_japan(at)
    plan = data.load_vocabulary().check_plan(plan)
    words = data.say
    parts = [heading(situation.title, level=4)]
    if at is not None:
        parts.append(block(words("situations.happened_at", time=format_japan_time(at))))
    parts += [
        _row(words("situations.first_screen"), first_screen_view(situation)),
        _row(words("situations.who"), who_view(situation)),
        _row(words("situations.deadline"), deadline_view(situation, at)),
        _row(words("situations.prepare"), checklist(situation)),
        _row(words("situations.dont"), dont_list(situation)),
        _row(words("situations.phone"), phone_view(situation, at)),
    ]
    if situation.who.handler == "tech_support" or situation.phone_needed:
        parts.append(_row(words("situations.channel"), channel_rule_view(plan, at)))
    if situation.steps:
        parts.append(_row(words("situations.steps"), steps_view(situation)))
    if situation.from_article:
        parts.append(
            _row(
                words("situations.article_view"),
                join(
                    [
                        fact_card(situation, title=words("situations.article_view")),
                        para(strong(words("situations.risks"))),
                        bullets([_said(situation, r) for r in situation.risks]),
                    ]
                ),
            )
        )
    fact_ids = list(dict.fromkeys(registry.situation_references(situation)))
    if any(other_country_only([f]) for f in fact_ids):
        parts.append(block(data.say("situations.other_country"), style="font-size:90%;margin-top:.5em"))
    parts.append(fact_details(registry.get(f) for f in fact_ids))
    body = join(parts)
    return RichText(
        f'<div class="kit-card" style="border:2px solid {PALETTE["border"]};border-radius:6px;'
        f'padding:.4em .9em;margin:.5em 0">{body.html}</div>',
        body.text,
    )


def situation_view(situation: data.Situation, plan: str = "professional", at: datetime | None = None) -> RichText:
    """Show one situation's card (kept for the lessons and checks that name a situation record)."""
    return card(situation.id, at, plan)


def overview() -> RichText:
    """Every situation's card that holds for any time, each folded under its title: the reader without a kernel."""
    return join([details(s.title, card(s.id), small=False) for s in situations()])


# ---------------------------------------------------------------- the widget


class Triage(View):
    """What happened, and when? Pick both (and your selling plan); get the one card, no typing needed."""

    def __init__(self, clock: Clock = now_in_japan):
        self.clock = clock
        self.situations = situations()
        self.chosen: str | None = None
        self.plan = "professional"
        now = in_japan(clock())
        self.day: date = now.date()
        self.hour: int = now.hour

    @property
    def at(self) -> datetime:
        """When it happened, in Japan time (the chosen day and hour, on the hour)."""
        return datetime(self.day.year, self.day.month, self.day.day, self.hour, tzinfo=japan_tz())

    def show(self, situation_id: str | None) -> RichText:
        """Choose what happened (by id) and return the card."""
        if situation_id is not None:
            get(situation_id)
        self.chosen = situation_id
        self._refresh()
        return self.shown()

    choose = show

    def set_time(self, day: date | None = None, hour: int | None = None) -> RichText:
        """Set when it happened: a date and an hour in Japan time (what is not given stays)."""
        if day is not None:
            if not isinstance(day, date) or isinstance(day, datetime) or not 1 <= day.year <= 9998:
                raise ValueError(data.say("situations.date_missing"))
            self.day = day
        if hour is not None:
            if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
                raise ValueError("時は 0〜23 のどれかを選んでください。")
            self.hour = hour
        self._refresh()
        return self.shown()

    def set_plan(self, plan: str) -> RichText:
        """Set the learner's selling plan; the way to reach テクニカルサポート follows it."""
        self.plan = data.load_vocabulary().check_plan(plan)
        self._refresh()
        return self.shown()

    def shown(self) -> RichText:
        if self.chosen is None:
            return para(data.say("situations.choose_prompt"))
        return card(self.chosen, self.at, self.plan)

    def _build(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        choice = w.RadioButtons(
            options=[(s.title, s.id) for s in self.situations],
            value=self.chosen,
            description=data.say("situations.choice_label"),
            style=style,
            layout=w.Layout(width="auto"),
        )
        choice.add_class(CHOICES_CLASS)
        day = w.DatePicker(value=self.day, description=data.say("situations.date_label"), style=style)
        hour = w.Dropdown(
            options=[(data.say("situations.hour_option", hour=h), h) for h in range(24)],
            value=self.hour,
            description=data.say("situations.hour_label"),
            style=style,
            layout=w.Layout(width="auto"),
        )
        plan = plan_toggle(self.plan, self.set_plan)
        choice.observe(lambda change: self.show(change["new"]), names="value")
        day.observe(lambda change: self._day_picked(change["new"]), names="value")
        hour.observe(lambda change: self.set_time(hour=change["new"]), names="value")
        note = w.HTML()
        view = w.HTML()
        view.add_class("kit-card-view")
        when = w.HBox([day, hour], layout=w.Layout(flex_flow="row wrap"))
        root = w.VBox([w.HTML(WIDGET_CSS), choice, when, note, plan, view])
        return root, {"situation": choice, "date": day, "hour": hour, "plan": plan, "note": note, "view": view}

    def _day_picked(self, day) -> None:
        """A cleared or impossible date keeps the last good one and says what to do."""
        try:
            if day is None:
                raise ValueError(data.say("situations.date_missing"))
            self.set_time(day=day)
            self._note = EMPTY
        except ValueError as exc:
            self._note = status(str(exc), tone="error")
        self._refresh()

    _note: RichText = EMPTY

    def _render(self) -> None:
        c = self._controls
        c["view"].value = self.shown().html
        c["note"].value = self._note.html
        c["situation"].value, c["hour"].value, c["plan"].value = self.chosen, self.hour, self.plan
        if c["date"].value != self.day and self._note is EMPTY:
            c["date"].value = self.day

    def static(self) -> RichText:
        """Every situation's card, for any time, folded under its title: what a reader without a kernel sees."""
        return join([para(data.say("situations.static_note")), overview()])


def what_happened(clock: Clock = now_in_japan) -> Triage:
    """Build the "what happened?" widget; ``clock`` fixes "now" (tests, examples)."""
    return Triage(clock)


def triage(clock: Clock = now_in_japan) -> Triage:
    """Build the "what happened?" widget (the name earlier lessons and checks use)."""
    return Triage(clock)


def japan_time(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Japan time, for worked examples: ``japan_time(2026, 12, 6, 22)`` is a Sunday at 22:00."""
    return datetime(year, month, day, hour, minute, tzinfo=japan_tz())
