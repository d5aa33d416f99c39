"""Results do not depend on the machine's time zone or language: the same script gives the same output
under TZ=UTC, Asia/Tokyo and America/Los_Angeles, with LANG=C and ja_JP.UTF-8.

(`python3 kit.py test` also runs every test marked `zone`, this file and the notebooks included, a second time
under another zone and language.)
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.zone  # the machine's own zone and language are one more of those compared

SCRIPT = r"""
from datetime import datetime, timezone
from helpers import channels, contact_log, freshness, hours, situations
at = datetime(2026, 11, 27, 0, 30, tzinfo=timezone.utc)
print(hours.is_phone_open(at), hours.phone_answer(at).text)
print(hours.phone_checker(clock=lambda: at).answer.text)
print(list(channels.recommend(channels.comparison_frame(), at=at).index))
print(len(freshness.stale(at)), freshness.report(datetime(2027, 11, 27, tzinfo=timezone.utc)).text.splitlines()[0])
print(contact_log.compare(contact_log.read_log(contact_log.SAMPLE)).to_string())
print(contact_log.read_log(contact_log.SAMPLE).frame["datetime"].iloc[0])
print(situations.card("WHEN-BUYER-PROBLEM", at).text)
print(situations.what_happened(clock=lambda: at).at)
"""
ENVIRONMENTS = [(tz, lang) for tz in ("UTC", "Asia/Tokyo", "America/Los_Angeles") for lang in ("C", "ja_JP.UTF-8")]


def run_in(tz: str, lang: str) -> str:
    env = dict(os.environ, TZ=tz, LANG=lang, LC_ALL=lang, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


@pytest.fixture(scope="module")
def reference():
    return run_in("Asia/Tokyo", "ja_JP.UTF-8")


@pytest.mark.parametrize("tz, lang", ENVIRONMENTS)
def test_same_output_in_every_zone_and_language(reference, tz, lang):
    assert run_in(tz, lang) == reference


def test_reference_is_judged_in_japan_time(reference):
    assert reference.startswith("True 日本時間 11月27日（金）9:30")


# ---------------------------------------------------------------- the calendar's edges (#13)

def edges():
    from datetime import date, datetime, timedelta, timezone

    import pandas as pd

    return [datetime.max.replace(tzinfo=timezone.utc), datetime.min.replace(tzinfo=timezone.utc),
            datetime(9999, 12, 31, 15, tzinfo=timezone.utc), datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=12))),
            pd.Timestamp.max.tz_localize("UTC"), pd.Timestamp.min.tz_localize("UTC"), date.max, date.min,
            pd.Timestamp("9999-12-31 15:00", tz="UTC"), pd.Timestamp("9999-12-31 23:59", tz="UTC")]


@pytest.mark.parametrize("at", edges(), ids=repr)
def test_the_calendars_edges_give_japanese_value_errors_or_answers(at):
    import re

    from helpers import freshness, hours, situations
    from helpers.core import clock

    problem = situations.get("WHEN-BUYER-PROBLEM")
    calls = [hours.is_phone_open, hours.phone_answer, hours.holiday_name, clock.format_japan_time, freshness.stale,
             freshness.report, lambda t: situations.deadline_at(problem, t), lambda t: situations.card(problem.id, t)]
    for call in calls:
        try:
            call(at)
        except ValueError as exc:
            assert re.search(r"[ぁ-んァ-ヶ一-龠]", str(exc)), str(exc)
