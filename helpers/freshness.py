"""Tell when the kit's facts are getting old: every fact carries the date it was last checked.

python -m helpers.freshness      # print the facts due for re-checking (what CI shows; never fails)
"""

from __future__ import annotations

import sys
from datetime import date, datetime

from helpers.core import data, registry
from helpers.core.clock import Clock, in_japan, now_in_japan
from helpers.core.render import RichText, block, bullets, para, status, strong
from helpers.core.view import View

MAX_AGE_YEARS = 1


def checked_records() -> list:
    """Every dated record: the facts of the registry and the rows of the channel comparison."""
    return list(registry.registry()) + list(data.load_channels())


def _due(verified: date) -> date:
    try:
        return verified.replace(year=verified.year + MAX_AGE_YEARS)
    except ValueError:  # 29 February
        return verified.replace(year=verified.year + MAX_AGE_YEARS, day=28)


def stale(now: datetime, records: list | None = None) -> list:
    """Return the records (by default, all the kit's) last checked more than a year before ``now`` (aware)."""
    today = in_japan(now).date()
    records = checked_records() if records is None else records
    return sorted((r for r in records if _due(r.verified_on) < today), key=lambda r: r.verified_on)


def oldest(records: list | None = None) -> date:
    return min(r.verified_on for r in (checked_records() if records is None else records))


def report(now: datetime, records: list | None = None) -> RichText:
    """Say which facts are due for re-checking, or that none is."""
    due = stale(now, records)
    if not due:
        return status(data.say("freshness.all_fresh", oldest=oldest(records).isoformat()))
    lines = [data.say("freshness.line", id=r.id, title=r.title, verified_on=r.verified_on.isoformat()) for r in due]
    return block(strong(data.say("freshness.some_stale", count=len(due))), bullets(lines), role="alert", tone="warning")


class FreshnessView(View):
    """The start notebook's warning: judged with ``clock`` when run; a stored copy only gives the dates."""

    def __init__(self, clock: Clock = now_in_japan):
        self.report = report(clock())

    def _build(self):
        import ipywidgets as w

        return w.HTML(self.report.html), {}

    def static(self) -> RichText:
        return para(data.say("freshness.static", oldest=oldest().isoformat()))


def freshness_view(clock: Clock = now_in_japan) -> FreshnessView:
    """Build the warning about facts that are more than a year old."""
    return FreshnessView(clock)


def main(now: datetime | None = None) -> int:
    """Print the facts due for re-checking; always succeed (CI shows it, it does not fail on it)."""
    due = stale(now or now_in_japan())
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    print(f"facts_due_for_recheck: {len(due)}")
    for record in due:
        print(f"  {record.id}: verified_on {record.verified_on.isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
