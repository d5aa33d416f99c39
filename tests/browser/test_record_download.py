"""The learner's record saved as a browser download, as a learner would: type a name, make the record, click the
link — in the code-free app and in JupyterLab (the browser edition does the same in test_browser_edition.py). After a
passed quiz the certificate is offered too, and it is clearly the kit's, not Amazon's."""

from __future__ import annotations

import json

from tools import browser
from playwright.sync_api import expect
from test_voila import open_app

from helpers import course, quiz, records
from helpers.core import data

QUIZ_LESSON = next(lesson.file for lesson in data.load_lessons() if lesson.quiz)


def save_the_record(page, name: str) -> dict:
    """Fill in the name, make the record and download it; return the saved JSON."""
    view = page.locator(".kit-recordview").last
    view.scroll_into_view_if_needed()
    field = view.get_by_role("textbox", name=data.say("course.record.name_label"))
    browser.type_keys(field, name)
    view.get_by_role("button", name=data.say("course.record.make")).click()
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
            [q.id for q in quiz.quiz().questions].index(question.id)).click()
    expect(page.locator(".kit-quiz").first).to_contain_text(data.say("quiz.finished").strip(" —"))


def test_a_learner_saves_a_record_and_the_certificate_in_the_app(app, page, artifacts):
    open_app(page, app, QUIZ_LESSON)
    pass_the_quiz(page)
    record = save_the_record(page, "練習 花子")
    assert record["schema"] == records.SCHEMA and record["name"] == "練習 花子" and record["quiz"]["passed"]
    link = page.get_by_role("link", name=data.say("course.record.certificate"))
    with page.expect_download() as download:
        link.click()
    certificate = download.value.path().read_text(encoding="utf-8")
    assert "練習 花子" in certificate and "Amazon が発行したものではなく" in certificate
    printed = page.context.new_page()
    printed.set_content(certificate)
    printed.screenshot(path=str(artifacts / "certificate.png"), full_page=True)
    printed.close()
    assert not page.console.errors


def test_a_learner_saves_a_record_in_jupyterlab(lab, page):
    browser.open_notebook(page, lab, "00_start.ipynb")
    browser.run_all(page)
    record = save_the_record(page, "<b>練習</b> 太郎")
    assert record["name"] == "<b>練習</b> 太郎" and records.problem(record) is None
    assert "<b>練習</b>" not in page.locator(".kit-recordview").inner_html()
    assert not page.console.errors
