"""Contact hours in Japan time, and the "can I request a call now?" widget.

Every time is judged in Japan time (``Asia/Tokyo``), whatever the machine's own time zone. Japan's public
holidays (substitute holidays included) come from the maintained ``jpholiday`` library. Whether the phone desk
works on weekends and public holidays is not known: on those days the answer names the day and says so.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

from helpers.core import data
from helpers.core.cards import fact_card
from helpers.core.clock import WEEKDAYS_JA, Clock, format_japan_time, in_japan, japan_tz, now_in_japan
from helpers.core.render import RichText, alert, block, join, para, status
from helpers.core.view import View


def hours_record(channel: str) -> data.Hours:
    """Return the hours of a channel ("phone" or "written") from ``data/hours.csv``."""
    return next(h for h in data.load_hours() if h.channel == channel)


def format_range(record: data.Hours) -> str:
    """Return "9:00〜18:00", or "24時間" for a channel open all day."""
    if (record.opens, record.closes) == (0, 24 * 60):
        return data.say("hours.all_day")
    return f"{_clock(record.opens)}〜{_clock(record.closes)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def holiday_name(day: date) -> str | None:
    """Return the Japanese name of the public holiday on ``day`` (substitute holidays included), else None.

    >>> holiday_name(date(2026, 11, 23))
    '勤労感謝の日'
    >>> holiday_name(date(2026, 11, 24)) is None
    True
    """
    import jpholiday

    if isinstance(day, datetime):
        day = in_japan(day).date()
    if not isinstance(day, date):
        raise ValueError("日付（date）を渡してください。")
    try:
        return jpholiday.is_holiday_name(day) or None
    except (OverflowError, ValueError):  # the calendar's last days
        raise ValueError("祝日は西暦9999年12月30日までの日付で調べられます。ふつうの日付を渡してください。") from None


def day_not_known(local: datetime) -> str | None:
    """Name the day when it is one whose phone hours are not known (a weekend or a public holiday), else None."""
    holiday = holiday_name(local.date())
    if holiday:
        return data.say("hours.holiday", name=holiday)
    if local.weekday() >= 5:
        return data.say("hours.weekend", weekday=WEEKDAYS_JA[local.weekday()])
    return None


def is_phone_open(at: datetime) -> bool:
    """Tell whether ``at`` falls within the phone hours of ``data/hours.csv``, judged in Japan time.

    Opening time is included and closing time excluded. ``at`` may be in any time zone but must be aware;
    a naive datetime raises ``ValueError``. Weekdays and holidays are not considered: nobody knows them.
    """
    local = in_japan(at)
    record = hours_record("phone")
    moment = (local.hour * 60 + local.minute, local.second, local.microsecond)
    return (record.opens, 0, 0) <= moment < (record.closes, 0, 0)


def phone_state(at: datetime) -> str:
    """The phone desk at ``at``: ``"open"``, ``"closed"``, or ``"unknown"`` on a day whose hours nobody knows."""
    local = in_japan(at)
    if day_not_known(local):
        return "unknown"
    return "open" if is_phone_open(local) else "closed"


def phone_line(at: datetime) -> str:
    """One sentence on the phone desk at ``at`` (Japan time), for a situation's card.

    >>> from helpers.core.clock import japan_tz
    >>> phone_line(datetime(2026, 12, 6, 22, tzinfo=japan_tz()))
    '日本時間 12月6日（日）22:00 は日曜日で、電話を受け付けているかは分かっていません（平日の受付 9:00〜18:00）。'
    """
    local = in_japan(at)
    return data.say(
        f"hours.line_{phone_state(local)}",
        time=format_japan_time(local),
        day=day_not_known(local),
        hours=format_range(hours_record("phone")),
    )


def hours_table() -> RichText:
    """Show the contact hours of ``data/hours.csv`` with each fact's status and notes."""
    return join(
        [
            fact_card(h, title=data.say("hours.card_title", channel=h.channel_ja, hours=format_range(h)))
            for h in data.load_hours()
        ]
    )


def phone_answer(at: datetime) -> RichText:
    """Say whether a call can be requested at ``at`` (Japan time), and what is not known about that day."""
    local = in_japan(at)
    phone, written = hours_record("phone"), hours_record("written")
    special = day_not_known(local)
    fields = {
        "hours": format_range(phone),
        "written": written.channel_ja,
        "written_hours": format_range(written),
        "unknown": phone.unknown,
        "day": special,
    }
    if is_phone_open(local) and special:
        verdict, tone = data.say("hours.open_but_day_not_known", **fields), "warning"
    elif is_phone_open(local):
        verdict, tone = data.say("hours.open", **fields), "ok"
    else:
        verdict, tone = data.say("hours.closed", **fields), "error"
        minutes = phone.opens - (local.hour * 60 + local.minute)
        if minutes > 0 and not special:  # no countdown to an opening nobody knows of
            verdict += data.say("hours.opens_in", wait=_duration(minutes))
    if special:  # name the day once: in the verdict when the time is inside the hours, else here
        unknown = phone.unknown if is_phone_open(local) else data.say("hours.day_unknown", **fields)
    else:
        unknown = data.say("hours.weekday_note", **fields)
    return status(block(format_japan_time(local)), block(verdict, tone=tone, style="font-weight:bold"), block(unknown))


def _duration(minutes: int) -> str:
    """ "2時間", "1時間30分", "45分"."""
    hours, rest = divmod(minutes, 60)
    return (f"{hours}時間" if hours else "") + (f"{rest}分" if rest or not hours else "")


def parse_time_of_day(text: str) -> time:
    """Read a time of day as a learner types it: "17:30", "１７：３０", "17時30分", "9時".

    >>> parse_time_of_day("１７：３０")
    datetime.time(17, 30)
    """
    cleaned = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    match = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", cleaned, re.ASCII) or re.fullmatch(
        r"([0-9]{1,2})時(?:([0-9]{1,2})分?)?", cleaned, re.ASCII
    )
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError("時刻は「17:30」や「17時30分」のように入力してください（0:00〜23:59）。")


class PhoneChecker(View):
    """The "can I phone now?" widget: the answer for now (the clock) or for a time of day the learner types."""

    def __init__(self, clock: Clock = now_in_japan):
        self.clock = clock
        self.typed = ""
        self.answer: RichText = phone_answer(clock())

    def check_now(self) -> RichText:
        """Answer for the clock's current time."""
        self.typed = ""
        return self._show(phone_answer(self.clock()))

    def check_text(self, text: str | None = None) -> RichText:
        """Answer for a time of day typed by the learner (or the one typed before), today in Japan."""
        text = self.typed if text is None else text
        self.typed = text
        if not text.strip():
            return self.check_now()
        try:
            wanted = parse_time_of_day(text)
        except ValueError as exc:
            return self._show(alert(str(exc)))
        today = self.clock().astimezone(japan_tz())
        return self._show(phone_answer(today.replace(hour=wanted.hour, minute=wanted.minute, second=0, microsecond=0)))

    def _show(self, answer: RichText) -> RichText:
        self.answer = answer
        self._refresh()
        return answer

    def _build(self):
        import ipywidgets as w

        now = w.Button(description=data.say("hours.now_button"), icon="phone", tooltip=data.say("hours.now_tooltip"))
        typed = w.Text(
            description=data.say("hours.time_label"),
            placeholder=data.say("hours.time_placeholder"),
            continuous_update=False,
            tooltip=data.say("hours.time_tooltip"),
            style={"description_width": "initial"},
        )
        at = w.Button(
            description=data.say("hours.time_button"), icon="clock-o", tooltip=data.say("hours.time_button_tooltip")
        )
        now.on_click(lambda _button: self.check_now())
        at.on_click(lambda _button: self.check_text())
        typed.observe(lambda change: self.check_text(change["new"]), names="value")
        view = w.HTML()
        row = w.HBox([typed, at], layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([now, row, view]), {"now": now, "time": typed, "check_time": at, "answer": view}

    def _render(self) -> None:
        self._controls["answer"].value = self.answer.html

    def static(self) -> RichText:
        """What a reader without a kernel sees: the hours, and how the widget is used."""
        phone = hours_record("phone")
        return para(data.say("hours.static", hours=format_range(phone), unknown=phone.unknown))


def phone_checker(clock: Clock = now_in_japan) -> PhoneChecker:
    """Build the "can I phone now?" widget; pass ``clock`` to fix the time (tests, examples)."""
    return PhoneChecker(clock)
