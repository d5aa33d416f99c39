"""Contact hours in Japan time, and the "can I phone now?" widget.

Every time is judged in Japan time (``Asia/Tokyo``), whatever the machine's own time zone. Weekends and
public holidays are not known to the kit: the answers say so instead of guessing.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from helpers import data
from helpers.display import RichText, alert, esc, join, widget_bundle
from helpers.facts import fact_card

WEEKDAYS_JA = "月火水木金土日"
Clock = Callable[[], datetime]


@functools.cache
def japan_tz() -> ZoneInfo:
    """Return the Japan time zone (UTC+9, no daylight saving time)."""
    return ZoneInfo("Asia/Tokyo")


def now_in_japan() -> datetime:
    """Return the current time in Japan: the default clock of the widgets."""
    return datetime.now(japan_tz())


def hours_record(channel: str) -> data.Hours:
    """Return the hours of a channel ("phone" or "written") from ``data/hours.csv``."""
    return next(h for h in data.load_hours() if h.channel == channel)


def format_range(record: data.Hours) -> str:
    """Return "9:00〜18:00", or "24時間" for a channel open all day."""
    if (record.opens, record.closes) == (0, 24 * 60):
        return "24時間"
    return f"{_clock(record.opens)}〜{_clock(record.closes)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_japan_time(at: datetime) -> str:
    """Return "日本時間 11月27日（金）10:05" for an aware datetime."""
    local = _in_japan(at)
    return f"日本時間 {local.month}月{local.day}日（{WEEKDAYS_JA[local.weekday()]}）{local.hour}:{local.minute:02d}"


def _in_japan(at: datetime) -> datetime:
    if not isinstance(at, datetime):
        raise ValueError("日時（datetime）を渡してください。")
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("タイムゾーンのない日時は判定できません。"
                         "datetime.now(ZoneInfo('Asia/Tokyo')) のようにタイムゾーン付きで渡してください。")
    return at.astimezone(japan_tz())


def is_phone_open(at: datetime) -> bool:
    """Tell whether ``at`` falls within the phone hours of ``data/hours.csv``, judged in Japan time.

    Opening time is included and closing time excluded. ``at`` may be in any time zone but must be aware;
    a naive datetime raises ``ValueError``. Weekdays and holidays are not considered: nobody knows them.
    """
    local = _in_japan(at)
    record = hours_record("phone")
    moment = (local.hour * 60 + local.minute, local.second, local.microsecond)
    return (record.opens, 0, 0) <= moment < (record.closes, 0, 0)


def hours_table() -> RichText:
    """Show the contact hours of ``data/hours.csv`` with each fact's status and notes."""
    return join([fact_card(h, title=f"{h.channel_ja}: {format_range(h)}（日本時間）") for h in data.load_hours()])


def phone_answer(at: datetime) -> RichText:
    """Say whether the phone desk takes calls at ``at``, and what is not known about that day."""
    local = _in_japan(at)
    phone, written = hours_record("phone"), hours_record("written")
    weekday = WEEKDAYS_JA[local.weekday()]
    when = format_japan_time(local)
    weekend = local.weekday() >= 5
    if is_phone_open(local) and weekend:
        verdict, colour = f"時刻は電話の受付時間（{format_range(phone)}）の内側ですが、今日は{weekday}曜日です。", "#bc4c00"
    elif is_phone_open(local):
        verdict, colour = f"電話の受付時間内です（受付 {format_range(phone)}）。", "#1a7f37"
    else:
        verdict, colour = (f"電話の受付時間外です（受付 {format_range(phone)}）。"
                       f"{written.channel_ja}は{format_range(written)}送れます。"), "#cf222e"
        minutes = phone.opens - (local.hour * 60 + local.minute)
        if minutes > 0:
            wait = f"{minutes // 60}時間{minutes % 60}分" if minutes >= 60 else f"{minutes}分"
            verdict += f"受付開始まで、あと{wait}です。"
    if weekend:
        unknown = f"今日は{weekday}曜日です。土日・祝日に電話を受け付けているかは分かっていません。"
    else:
        unknown = "祝日かどうかはこのキットでは判定しません。祝日に電話を受け付けているかは分かっていません。"
    html = (f'<div role="status" aria-live="polite"><div>{esc(when)}</div>'
            f'<div style="font-weight:bold;color:{colour}">{esc(verdict)}</div>'
            f"<div>{esc(unknown)}</div></div>")
    return RichText(html, f"{when}\n{verdict}\n{unknown}")


def parse_time_of_day(text: str) -> time:
    """Read a time of day as a learner types it: "17:30", "１７：３０", "17時30分", "9時"."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    match = (re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", cleaned, re.ASCII)
             or re.fullmatch(r"([0-9]{1,2})時(?:([0-9]{1,2})分?)?", cleaned, re.ASCII))
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError("時刻は「17:30」や「17時30分」のように入力してください（0:00〜23:59）。")


class PhoneChecker:
    """The "can I phone now?" widget: a model with controls and the current answer, displayed on demand."""

    def __init__(self, clock: Clock = now_in_japan):
        import ipywidgets as w

        self.clock = clock
        self.now_button = w.Button(description="今の時刻で確認", icon="phone",
                                   tooltip="日本時間の現在時刻で、電話の受付時間内かを確認します")
        self.time_input = w.Text(description="時刻を指定", placeholder="例: 17:30", continuous_update=False,
                                 tooltip="日本時間の時刻を入力して Enter キーを押すと、その時刻で確認します",
                                 style={"description_width": "initial"})
        self.answer_view = w.HTML()
        self.controls = {"now": self.now_button, "time": self.time_input}
        self.now_button.on_click(lambda _button: self.check_now())
        self.time_input.observe(lambda change: self.check_text(change["new"]), names="value")
        self.widget = w.VBox([self.now_button, self.time_input, self.answer_view])
        self.check_now()

    @property
    def answer(self) -> RichText:
        return self._answer

    def _show(self, answer: RichText) -> None:
        self._answer = answer
        self.answer_view.value = answer.html

    def check_now(self) -> None:
        """Answer for the clock's current time."""
        self._show(phone_answer(self.clock()))

    def check_text(self, text: str) -> None:
        """Answer for a time of day typed by the learner, today in Japan; explain bad input instead."""
        if not text.strip():
            return self.check_now()
        try:
            wanted = parse_time_of_day(text)
        except ValueError as exc:
            return self._show(alert(exc))
        today = self.clock().astimezone(japan_tz())
        self._show(phone_answer(today.replace(hour=wanted.hour, minute=wanted.minute, second=0, microsecond=0)))

    def static(self) -> RichText:
        """What a reader without a kernel sees: the hours, and how the widget is used."""
        phone = hours_record("phone")
        text = (f"いま電話できる？ — 電話の受付は {format_range(phone)}（日本時間）です。"
                "ノートブックを実行すると、ここで現在時刻（日本時間）や指定した時刻で確認できます。"
                "土日・祝日に受け付けているかは分かっていません。")
        return RichText(f"<p>{esc(text)}</p>", text)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())


def phone_checker(clock: Clock = now_in_japan) -> PhoneChecker:
    """Build the "can I phone now?" widget; pass ``clock`` to fix the time (tests, examples)."""
    return PhoneChecker(clock)
