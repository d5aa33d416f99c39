"""Stale facts: judged with an injected clock, listed in the start notebook and by a command.

The rules are tested on records with fixed dates, so re-checking a fact of the kit (and moving its
``verified_on``) never breaks a test.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from helpers import facts, freshness
from helpers.core import data
from helpers.core.clock import japan_tz

pytestmark = pytest.mark.zone  # every test here judges dates in Japan time (kit.py test runs them in another zone)

OLD = data.Fact(
    id="X-OLD",
    section=1,
    title="古い情報",
    statement="s",
    status="article",
    sources=("s",),
    verified_on=date(2026, 2, 28),
)
LEAP = dataclasses.replace(OLD, id="X-LEAP", title="うるう日の情報", verified_on=date(2028, 2, 29))
RECORDS = [OLD, LEAP]


def jst(*args):
    return datetime(*args, tzinfo=japan_tz())


def test_a_record_is_due_the_day_after_its_first_anniversary():
    assert freshness.stale(jst(2027, 2, 28, 23, 59), RECORDS) == []
    assert freshness.stale(jst(2027, 3, 1, 0, 0), RECORDS) == [OLD]
    assert freshness.stale(jst(2029, 3, 1, 0, 0), RECORDS) == [OLD, LEAP], "29 February is due after 28 February"


def test_the_report_lists_each_due_record_with_its_date():
    text = freshness.report(jst(2027, 3, 1, 0, 0), RECORDS).text
    assert "確認から1年以上たった情報が 1 件あります" in text and "X-OLD（古い情報）: 確認日 2026-02-28" in text
    assert "いちばん古い確認日: 2026-02-28" in freshness.report(jst(2026, 3, 1, 0, 0), RECORDS).text


def test_judged_in_japan_time():
    assert freshness.stale(datetime(2027, 2, 28, 15, 30, tzinfo=UTC), RECORDS)  # already 1 March in Japan
    assert not freshness.stale(datetime(2027, 2, 28, 14, 59, tzinfo=UTC), RECORDS)


def test_every_fact_of_the_kit_and_every_comparison_row_is_dated():
    records = freshness.checked_records()
    assert {r.id for r in records} >= {r.id for r in facts.registry()} | {"speed"}
    newest = max(r.verified_on for r in records)
    after = jst(newest.year + 2, 1, 1, 0, 0)
    assert len(freshness.stale(after)) == len(records), "everything is due two years after its last check"


def test_start_notebook_view_uses_the_clock_but_stores_only_dates():
    oldest = freshness.oldest()
    late = freshness.freshness_view(clock=lambda: jst(oldest.year + 2, 1, 1, 9, 0))
    assert "1年以上" in late.widget.value
    early = freshness.freshness_view(clock=lambda: jst(oldest.year, oldest.month, oldest.day, 9, 0))
    assert late._repr_mimebundle_()["text/plain"] == early._repr_mimebundle_()["text/plain"]
    assert oldest.isoformat() in early._repr_mimebundle_()["text/plain"]


def test_command_prints_the_count_and_never_fails():
    out = subprocess.run([sys.executable, "-m", "helpers.freshness"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("facts_due_for_recheck: ")


def test_main_lists_due_facts(capsys):
    oldest = min(freshness.checked_records(), key=lambda r: r.verified_on)
    assert freshness.main(now=jst(oldest.verified_on.year, 1, 1, 0, 0) + timedelta(days=800)) == 0
    out = capsys.readouterr().out
    assert f"{oldest.id}: verified_on {oldest.verified_on.isoformat()}" in out
