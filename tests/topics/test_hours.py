"""Phone hours are judged in Japan time, whatever zone the datetime or the machine is in."""

from __future__ import annotations

import time as systime
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from helpers import hours
from helpers.core.clock import japan_tz

JST = japan_tz()
UTC = UTC


def jst(*args) -> datetime:
    return datetime(*args, tzinfo=JST)


@pytest.mark.zone
@pytest.mark.parametrize(
    "at, expected",
    [
        (jst(2026, 11, 27, 9, 0), True),  # opening time included
        (jst(2026, 11, 27, 8, 59, 59, 999999), False),
        (jst(2026, 11, 27, 17, 59, 59, 999999), True),
        (jst(2026, 11, 27, 18, 0), False),  # closing time excluded
        (jst(2026, 11, 27, 0, 0), False),
        (jst(2026, 11, 27, 12, 30), True),
    ],
)
def test_phone_hours_boundaries(at, expected):
    assert hours.is_phone_open(at) is expected


@pytest.mark.zone
@pytest.mark.parametrize(
    "at, expected",
    [
        (datetime(2026, 11, 27, 0, 0, tzinfo=UTC), True),  # 9:00 in Japan
        (datetime(2026, 11, 26, 23, 59, tzinfo=UTC), False),  # 8:59 in Japan
        (datetime(2026, 11, 27, 9, 0, tzinfo=UTC), False),  # 18:00 in Japan
        (datetime(2026, 7, 1, 17, 0, tzinfo=ZoneInfo("America/Los_Angeles")), True),  # PDT: 9:00 JST
        (datetime(2026, 12, 1, 16, 0, tzinfo=ZoneInfo("America/Los_Angeles")), True),  # PST: 9:00 JST
        (datetime(2026, 12, 1, 15, 59, tzinfo=ZoneInfo("America/Los_Angeles")), False),
        (datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=1))), False),  # 18:00 JST
    ],
)
def test_any_aware_zone_is_judged_in_japan_time(at, expected):
    assert hours.is_phone_open(at) is expected


class NoOffset(tzinfo):
    def utcoffset(self, dt):
        return None


@pytest.mark.zone
@pytest.mark.parametrize("at", [datetime(2026, 11, 27, 10, 0), datetime(2026, 11, 27, 10, 0, tzinfo=NoOffset())])
def test_naive_datetime_is_refused(at):
    with pytest.raises(ValueError, match="タイムゾーン"):
        hours.is_phone_open(at)


@pytest.mark.zone
@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_machine_time_zone_does_not_matter(monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    retime = getattr(systime, "tzset", lambda: None)  # Windows has no tzset; TZ is then simply ignored
    retime()
    try:
        assert hours.is_phone_open(datetime(2026, 11, 27, 0, 30, tzinfo=UTC))
        checker = hours.phone_checker(clock=lambda: datetime(2026, 11, 27, 1, 0, tzinfo=UTC))
        assert "日本時間 11月27日（金）10:00" in checker.answer.text
    finally:
        monkeypatch.undo()
        retime()


def test_hours_table_renders_hours_from_data():
    table = hours.hours_table().text
    assert "電話: 9:00〜18:00（日本時間）" in table
    assert "24時間" in table
    assert "土日・祝日に電話を受け付けているかは分かっていません" in table


@pytest.mark.parametrize(
    "text, expected",
    [
        ("17:30", (17, 30)),
        ("１７：３０", (17, 30)),
        (" 9:05 ", (9, 5)),
        ("17時30分", (17, 30)),
        ("９時", (9, 0)),
        ("0:00", (0, 0)),
        ("23:59", (23, 59)),
    ],
)
def test_time_of_day_as_typed(text, expected):
    parsed = hours.parse_time_of_day(text)
    assert (parsed.hour, parsed.minute) == expected


@pytest.mark.parametrize("text", ["", "24:00", "17:60", "five", "17-30", "٣:٠٠", "1730", "17:3"])
def test_bad_time_of_day_gets_a_japanese_hint(text):
    with pytest.raises(ValueError, match="17:30"):
        hours.parse_time_of_day(text)


# ---------------------------------------------------------------- the widget


def fixed(at: datetime):
    return lambda: at


@pytest.mark.zone
def test_widget_answers_for_the_injected_clock():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 27, 10, 5)))
    assert "日本時間 11月27日（金）10:05" in checker.answer.text
    assert "電話の受付時間内です（受付 9:00〜18:00）" in checker.answer.text
    assert "祝日に電話を受け付けているかは分かっていません" in checker.answer.text
    assert checker.controls["answer"].value == checker.answer.html


@pytest.mark.zone
def test_widget_outside_hours_says_when_it_opens():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 27, 7, 15)))
    assert "受付時間外" in checker.answer.text and "あと1時間45分" in checker.answer.text


@pytest.mark.zone
def test_widget_says_weekends_are_not_known():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 28, 10, 0)))  # a Saturday
    assert "この日は土曜日です" in checker.answer.text
    assert "土日・祝日に電話を受け付けているかは分かっていません" in checker.answer.text
    assert "受付時間内です" not in checker.answer.text


@pytest.mark.zone
def test_no_countdown_to_an_opening_nobody_knows_of():
    saturday_early = hours.phone_answer(jst(2026, 11, 28, 7, 0)).text
    assert "受付開始まで" not in saturday_early and "この日は土曜日です" in saturday_early
    assert "あと2時間です" in hours.phone_answer(jst(2026, 11, 27, 7, 0)).text  # a Friday: whole hours, no 0分


@pytest.mark.parametrize(
    "day, name",
    [
        (date(2026, 1, 1), "元日"),
        (date(2026, 11, 23), "勤労感謝の日"),
        (date(2026, 9, 22), "国民の休日"),
        (date(2026, 5, 6), "振替休日"),
        (date(2027, 3, 22), "振替休日"),
        (date(2026, 11, 24), None),
        (date(2026, 11, 28), None),  # a Saturday is not a holiday
    ],
)
def test_holiday_names_come_from_the_maintained_calendar(day, name):
    found = hours.holiday_name(day)
    assert found == name if name is None else name in found


def test_holiday_name_refuses_what_is_not_a_date():
    with pytest.raises(ValueError, match="日付"):
        hours.holiday_name("2026-11-23")


@pytest.mark.zone
def test_on_a_public_holiday_the_answer_names_it_and_says_the_hours_are_not_known():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 23, 10, 0)))  # a Monday, 勤労感謝の日
    answer = checker.answer.text
    assert "この日は祝日・休日（勤労感謝の日）です" in answer and "分かっていません" in answer
    assert "電話を依頼できます" not in answer


@pytest.mark.zone
def test_on_a_weekday_within_the_hours_a_call_can_be_requested():
    answer = hours.phone_answer(jst(2026, 11, 24, 10, 0)).text  # a Tuesday
    assert "セラーセントラルから電話を依頼できます" in answer


@pytest.mark.zone
def test_a_holiday_is_judged_in_japan_time():
    evening_before = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # 1:00 on 23 November in Japan
    assert "勤労感謝の日" in hours.phone_answer(evening_before).text


@pytest.mark.zone
def test_button_rechecks_with_the_clock():
    now = [jst(2026, 11, 27, 8, 0)]
    checker = hours.phone_checker(clock=lambda: now[0])
    assert "受付時間外" in checker.answer.text
    now[0] = jst(2026, 11, 27, 9, 0)
    checker.controls["now"].click()
    assert "受付時間内" in checker.answer.text


@pytest.mark.zone
def test_typed_time_is_checked_today_in_japan():
    checker = hours.phone_checker(clock=fixed(datetime(2026, 11, 27, 1, 0, tzinfo=UTC)))
    checker.controls["time"].value = "１８：００"
    assert "日本時間 11月27日（金）18:00" in checker.answer.text and "受付時間外" in checker.answer.text
    checker.controls["time"].value = ""
    assert "10:00" in checker.answer.text


@pytest.mark.zone
def test_bad_typed_time_shows_the_message_and_keeps_the_input():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 27, 10, 0)))
    checker.controls["time"].value = "あした"
    assert "17:30" in checker.answer.text and 'role="alert"' in checker.answer.html
    assert checker.controls["time"].value == "あした"


@pytest.mark.zone
def test_display_bundle_has_live_widget_and_static_fallback():
    bundle = hours.phone_checker(clock=fixed(jst(2026, 11, 27, 10, 0)))._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "9:00〜18:00" in bundle["text/html"] and "9:00〜18:00" in bundle["text/plain"]
    assert "10:00" not in bundle["text/plain"]  # the stored fallback never depends on the clock


def test_controls_are_described_for_keyboard_and_screen_readers():
    checker = hours.phone_checker(clock=fixed(jst(2026, 11, 27, 10, 0)))
    for name in ("now", "time"):
        assert checker.controls[name].description and checker.controls[name].tooltip
    assert 'aria-live="polite"' in checker.answer.html
