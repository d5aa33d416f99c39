"""The learner's record saved as a browser download, as a learner would, in the code-free app: pass the quiz, type a
name, make the record, click the link; after a passed quiz the certificate is offered too, and it is clearly the
kit's, not Amazon's. The record alone: in JupyterLab test_jupyterlab.py, in the browser edition
test_browser_edition.py."""

from __future__ import annotations

from helpers import records
from helpers.core import data
from support.pages import open_app, pass_the_quiz, save_the_record

QUIZ_LESSON = next(lesson.file for lesson in data.load_lessons() if lesson.quiz)


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
