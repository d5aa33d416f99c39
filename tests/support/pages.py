"""What the browser tests do on a page as a learner does, shared by them (tests/browser): open a lesson in the
app, click through a walkthrough, save the record, answer the quiz, use 「何が起きた？」."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from helpers import course, quiz, situations
from helpers.core import data
from tools import browser

STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def open_app(page, app, notebook: str) -> None:
    page.goto(f"{app}/voila/render/{notebook}")
    page.locator(".jupyter-widgets").first.wait_for(timeout=90_000)


def step_label(walkthrough) -> str:
    return walkthrough.locator(".kit-step-label").text_content().strip()


def click_through(walkthrough) -> int:
    """Click 「次へ」 to the last step and 「戻る」 back to the first; return the number of steps."""
    first = step_label(walkthrough)
    total = int(first.split("/")[1])
    assert first.startswith("ステップ 1 /")
    forward, back = (walkthrough.locator("button", has_text=t).last for t in ("次へ", "戻る"))
    expect(back).to_be_disabled()
    for n in range(2, total + 1):
        forward.click()
        walkthrough.locator(".kit-step-label", has_text=f"ステップ {n} / {total}").wait_for(timeout=5000)
    expect(forward).to_be_disabled()
    expect(back).to_be_enabled()
    for n in range(total - 1, 0, -1):
        back.click()
        walkthrough.locator(".kit-step-label", has_text=f"ステップ {n} / {total}").wait_for(timeout=5000)
    expect(back).to_be_disabled()
    return total


def save_the_record(page, name: str) -> dict:
    """Fill in the name (replacing what is there), make the record and download it; return the saved JSON."""
    view = page.locator(".kit-recordview").last
    view.scroll_into_view_if_needed()
    field = view.get_by_role("textbox", name=data.say("course.record.name_label"))
    browser.clear(field)
    browser.type_keys(field, name)
    view.get_by_role("button", name=data.say("course.record.make")).click()
    expect(view.locator("[role=status]")).to_contain_text(f"名前「{name}」")  # the learner checks the name first
    link = view.get_by_role("link", name=data.say("course.record.download"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == course.RECORD_FILE
    return json.loads(download.value.path().read_text(encoding="utf-8"))


def pass_the_quiz(page) -> None:
    for question in quiz.quiz().questions:
        block = page.locator(".kit-quiz").first
        block.get_by_role("radio", name=question.options[question.answer], exact=True).first.check()
        block.get_by_role("button", name=data.say("questions.check_button")).nth(
            [q.id for q in quiz.quiz().questions].index(question.id)
        ).click()
    expect(page.locator(".kit-quiz").first).to_contain_text(data.say("quiz.finished").strip(" —"))


def use_the_finder(page, artifacts=None, name: str = "") -> None:
    """Pick an A-to-z claim, Sunday 6 December 2026, 22 o'clock; check the card as the learner reads it."""
    finder = page.locator(".kit-triage").first
    finder.scroll_into_view_if_needed()
    claim = situations.get("WHEN-ATOZ")
    finder.get_by_role("radio", name=claim.title).check()
    date = finder.get_by_label(data.say("situations.date_label"))
    date.fill("2026-12-06")  # what the date picker sets; a keyboard user types the same digits into it
    finder.get_by_label(data.say("situations.hour_label")).select_option(
        label=data.say("situations.hour_option", hour=22)
    )
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
