"""Japan time: every moment the kit judges is judged in ``Asia/Tokyo``, whatever the machine's own zone.

Clocks are parameters (``clock=``), never globals: widgets take a ``Clock`` so tests and examples fix "now".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, tzinfo

WEEKDAYS_JA = "月火水木金土日"
Clock = Callable[[], datetime]


@functools.cache
def japan_tz() -> tzinfo:
    """Return the Japan time zone (UTC+9, no daylight saving time)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Tokyo")


def now_in_japan() -> datetime:
    """Return the current time in Japan: the default clock of the widgets."""
    return datetime.now(japan_tz())


def in_japan(at: datetime) -> datetime:
    """Return an aware datetime in Japan time; refuse anything else with a Japanese ``ValueError``."""
    if not isinstance(at, datetime):
        raise ValueError("日時（datetime）を渡してください。")
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(
            "タイムゾーンのない日時は判定できません。"
            "datetime.now(ZoneInfo('Asia/Tokyo')) のようにタイムゾーン付きで渡してください。"
        )
    try:
        local = at.astimezone(japan_tz())
    except (OverflowError, ValueError):  # the first or last hours of the calendar; a pandas Timestamp's bounds
        raise ValueError(OUT_OF_RANGE) from None
    if not 1 <= local.year <= 9999:  # a pandas Timestamp may reach the year 10000, which nothing else handles
        raise ValueError(OUT_OF_RANGE)
    return local


OUT_OF_RANGE = "日本時間に直すと扱える日付の範囲を外れます。西暦1年〜9999年の、ふつうの日時を渡してください。"


def format_japan_time(at: datetime) -> str:
    """Return "日本時間 11月27日（金）10:05" for an aware datetime.

    >>> from datetime import timezone
    >>> format_japan_time(datetime(2026, 11, 27, 1, 5, tzinfo=timezone.utc))
    '日本時間 11月27日（金）10:05'
    """
    local = in_japan(at)
    return f"日本時間 {local.month}月{local.day}日（{WEEKDAYS_JA[local.weekday()]}）{local.hour}:{local.minute:02d}"
