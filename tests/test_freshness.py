"""Stale facts: judged with an injected clock, listed in the start notebook and by a command."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

from helpers import freshness
from helpers.hours import japan_tz


def jst(*args):
    return datetime(*args, tzinfo=japan_tz())


def test_nothing_is_stale_within_a_year():
    assert freshness.stale(jst(2027, 11, 26, 23, 59)) == []
    assert "すべての情報が、確認から1年以内です" in freshness.report(jst(2027, 11, 26, 12, 0)).text


def test_facts_older_than_a_year_are_listed():
    due = freshness.stale(jst(2027, 11, 27, 0, 0))
    ids = {r.id for r in due}
    assert {"HOURS-PHONE", "SC-SMALL", "TEL-022", "PROC-BUYER", "WHEN-CANCEL"} <= ids
    assert "speed" in ids, "rows of the channel comparison are dated too"
    text = freshness.report(jst(2027, 11, 27, 0, 0)).text
    assert f"確認から1年以上たった情報が {len(due)} 件あります" in text
    assert "HOURS-PHONE（電話の受付時間）: 確認日 2026-11-26" in text


def test_judged_in_japan_time():
    assert freshness.stale(datetime(2027, 11, 26, 15, 30, tzinfo=timezone.utc))  # already the 27th in Japan
    assert not freshness.stale(datetime(2027, 11, 26, 14, 59, tzinfo=timezone.utc))


def test_start_notebook_view_uses_the_clock_but_stores_only_dates():
    late = freshness.freshness_view(clock=lambda: jst(2028, 1, 1, 9, 0))
    assert "1年以上" in late.widget.value
    early = freshness.freshness_view(clock=lambda: jst(2026, 12, 1, 9, 0))
    assert late._repr_mimebundle_()["text/plain"] == early._repr_mimebundle_()["text/plain"]
    assert "2026-11-26" in early._repr_mimebundle_()["text/plain"]


def test_command_prints_the_count_and_never_fails():
    out = subprocess.run([sys.executable, "-m", "helpers.freshness"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("facts_due_for_recheck: ")


def test_main_lists_due_facts(capsys):
    assert freshness.main(now=jst(2028, 1, 1, 0, 0)) == 0
    out = capsys.readouterr().out
    assert "HOURS-PHONE: verified_on 2026-11-26" in out
