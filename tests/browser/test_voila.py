"""The code-free app's server (Voilà with the README's options): it lists every notebook, the start page's first-aid
link opens its lesson, and the kernel of a closed page is culled. Each lesson's page: test_app.py."""

from __future__ import annotations

import time

from helpers import course
from helpers.core import data
from support.pages import open_app
from tools import browser


def test_tree_lists_every_notebook(app, page):
    page.goto(f"{app}/")
    for lesson in data.load_lessons():
        page.get_by_text(lesson.file).first.wait_for(timeout=30_000)
    assert not page.console.errors


def test_start_page_runs_in_the_app(app, page):
    """00 in the app: the course, the one desk name, the record, and the first-aid link that opens its lesson."""
    open_app(page, app, "00_start.ipynb")
    page.get_by_role("textbox", name=data.say("course.record.name_label")).wait_for(timeout=30_000)
    text = page.locator("body").inner_text()
    assert data.say("course.first_aid") in text and "全体で約" in text
    assert "このキットでは、出品者のための問い合わせ窓口を" in text
    first_aid = next(record for record in course.lessons() if record.first_aid)
    paragraph = page.get_by_role("paragraph").filter(has_text=data.say("course.first_aid"))
    with page.expect_popup() as opened:
        paragraph.get_by_role("link", name=f"{first_aid.id[:2]} {first_aid.title}").click()
    lesson = opened.value
    lesson.wait_for_url(f"**/voila/render/{first_aid.file}", timeout=30_000)
    lesson.locator(".jupyter-widgets").first.wait_for(timeout=90_000)
    assert not page.console.errors


def test_kernel_of_a_closed_page_is_culled(tmp_path, context):
    """The README's app options, with the culling times shortened so that the test is quick."""
    fast = ("--MappingKernelManager.cull_interval=1", "--MappingKernelManager.cull_idle_timeout=3")
    with browser.voila(tmp_path, *fast) as base:
        page = context.new_page()
        open_app(page, base, browser.notebook_with("PROC-SELLER-APP"))
        page.close()
        log = tmp_path / "voila.log"
        deadline = time.monotonic() + 30
        while "Culling kernel" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Culling kernel" in log.read_text(encoding="utf-8")
