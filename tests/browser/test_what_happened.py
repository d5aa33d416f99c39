"""「何が起きた？」 used as a seller would, with no typing: a choice, the date picker, an hour — in the code-free
app and in JupyterLab (the browser edition runs it in tests/browser/test_browser_edition.py). The card's deadline is
the Japan-time date and hour, its 「詳しく」 opens by keyboard, and nothing on it spills out or is clipped."""

from __future__ import annotations

from helpers import situations
from helpers.core import data
from support.pages import open_app, use_the_finder
from tools import browser

LESSON = next(lesson.file for lesson in data.load_lessons() if lesson.first_aid)
SUNDAY_22 = situations.japan_time(2026, 12, 6, 22)


def test_the_card_in_the_code_free_app(app, page, artifacts):
    open_app(page, app, LESSON)
    use_the_finder(page, artifacts, "voila")
    assert "situations.what_happened(" not in page.content(), "no code is shown"
    assert not page.console.errors


def test_the_card_in_jupyterlab(lab, lab_page, artifacts):
    browser.open_notebook(lab_page, lab, LESSON)
    browser.run_all(lab_page)
    use_the_finder(lab_page, artifacts, "lab")
    assert not lab_page.console.errors
