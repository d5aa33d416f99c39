"""「何が起きた？」 used as a seller would, with no typing: a choice, the date picker, an hour — in the code-free
app and in JupyterLab (the browser edition runs it in tests/browser/test_browser_edition.py). The card's deadline is
the Japan-time date and hour, its 「詳しく」 opens by keyboard, and nothing on it spills out or is clipped."""

from __future__ import annotations

from tools import browser
from playwright.sync_api import expect
from test_voila import open_app

from helpers import situations
from helpers.core import data

LESSON = next(lesson.file for lesson in data.load_lessons() if lesson.first_aid)
SUNDAY_22 = situations.japan_time(2026, 12, 6, 22)


def use_the_finder(page, artifacts=None, name: str = "") -> None:
    """Pick an A-to-z claim, Sunday 6 December 2026, 22 o'clock; check the card as the learner reads it."""
    finder = page.locator(".kit-triage").first
    finder.scroll_into_view_if_needed()
    claim = situations.get("WHEN-ATOZ")
    finder.get_by_role("radio", name=claim.title).check()
    date = finder.get_by_label(data.say("situations.date_label"))
    date.fill("2026-12-06")  # what the date picker sets; a keyboard user types the same digits into it
    finder.get_by_label(data.say("situations.hour_label")).select_option(label=data.say("situations.hour_option",
                                                                                          hour=22))
    card = finder.locator(".kit-card")
    expect(card).to_contain_text("日本時間 12月8日（火）22:00")
    expect(card).to_contain_text("日本時間 12月6日（日）22:00")
    expect(card).to_contain_text("電話は要りません")
    for part in ("first_screen", "who", "deadline", "prepare", "dont", "phone"):
        expect(card).to_contain_text(data.say(f"situations.{part}"))
    more = card.locator("summary", has_text=data.say("cards.more")).last
    more.focus()
    more.press("Enter")
    expect(card.locator("details").last).to_have_attribute("open", "")
    expect(card).to_contain_text("ATOZ-WHERE")
    assert browser.overflowing(page, ".kit-card") == []
    if artifacts is not None:
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(artifacts / f"{name}-card-atoz-sunday.png"))


def test_the_card_in_the_code_free_app(app, page, artifacts):
    open_app(page, app, LESSON)
    use_the_finder(page, artifacts, "voila")
    assert "situations.what_happened(" not in page.content(), "no code is shown"
    assert not page.console.errors


def test_the_card_in_jupyterlab(lab, page, artifacts):
    browser.open_notebook(page, lab, LESSON)
    browser.run_all(page)
    use_the_finder(page, artifacts, "lab")
    assert not page.console.errors
