"""Tell when the kit's facts are getting old: every fact carries the date it was last checked.

    python -m helpers.freshness      # print the facts due for re-checking (what CI shows; never fails)
"""

from __future__ import annotations

import sys
from datetime import date, datetime

from helpers import data, facts
from helpers.display import RichText, esc, widget_bundle
from helpers.hours import Clock, japan_tz, now_in_japan

MAX_AGE_YEARS = 1


def checked_records() -> list:
    """Every dated record: the facts of the registry and the rows of the channel comparison."""
    return list(facts.registry().values()) + list(data.load_channels())


def _due(verified: date) -> date:
    try:
        return verified.replace(year=verified.year + MAX_AGE_YEARS)
    except ValueError:  # 29 February
        return verified.replace(year=verified.year + MAX_AGE_YEARS, day=28)


def stale(now: datetime) -> list:
    """Return the records last checked more than a year before ``now`` (an aware datetime, Japan time)."""
    today = now.astimezone(japan_tz()).date()
    return sorted((r for r in checked_records() if _due(r.verified_on) < today), key=lambda r: r.verified_on)


def report(now: datetime) -> RichText:
    """Say which facts are due for re-checking, or that none is."""
    due = stale(now)
    oldest = min(r.verified_on for r in checked_records())
    if not due:
        text = f"すべての情報が、確認から1年以内です（いちばん古い確認日: {oldest.isoformat()}）。"
        return RichText(f'<div role="status">{esc(text)}</div>', text)
    head = (f"確認から1年以上たった情報が {len(due)} 件あります。内容が変わっているかもしれません。"
            "実際に問い合わせる前に、セラーセントラルのヘルプで最新の案内を確かめてください。")
    lines = [f"{r.id}（{r.title}）: 確認日 {r.verified_on.isoformat()}" for r in due]
    html = (f'<div role="alert" style="color:#bc4c00"><strong>{esc(head)}</strong><ul>'
            + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul></div>")
    return RichText(html, "\n".join([head] + [f"  ・{line}" for line in lines]))


class FreshnessView:
    """The start notebook's warning: judged with ``clock`` when run; a stored copy only gives the dates."""

    def __init__(self, clock: Clock = now_in_japan):
        import ipywidgets as w

        self.report = report(clock())
        self.widget = w.HTML(self.report.html)

    def static(self) -> RichText:
        oldest = min(r.verified_on for r in checked_records())
        text = (f"情報の確認日: いちばん古いもので {oldest.isoformat()}。確認から1年を過ぎた情報があると、"
                "ノートブックを実行したときにここでお知らせします。")
        return RichText(f"<p>{esc(text)}</p>", text)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return widget_bundle(self.widget, self.static())


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
