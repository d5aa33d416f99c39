"""The code-free app mode: Voilà serves the notebooks with the code hidden, walkthroughs work the same."""

from __future__ import annotations

import pytest

from helpers import course, facts
from helpers.core import data
from support.pages import click_through, open_app

WITH_WALKTHROUGHS = [lesson for lesson in data.load_lessons() if lesson.walkthroughs]


def test_tree_lists_every_notebook(app, page):
    page.goto(f"{app}/")
    for lesson in data.load_lessons():
        page.get_by_text(lesson.file).first.wait_for(timeout=30_000)
    assert not page.console.errors


@pytest.mark.parametrize("lesson", WITH_WALKTHROUGHS, ids=lambda lesson: lesson.file)
def test_walkthroughs_work_with_code_hidden(app, page, artifacts, lesson):
    open_app(page, app, lesson.file)
    walks = page.locator(".kit-walkthrough")
    walks.nth(len(lesson.walkthroughs) - 1).wait_for(timeout=60_000)
    assert walks.count() == len(lesson.walkthroughs)
    assert "walkthrough.walkthrough(" not in page.content(), "no code is shown"
    assert page.locator(".cm-editor, .jp-CodeMirrorEditor").count() == 0
    for index, procedure_id in enumerate(lesson.walkthroughs):
        walks.nth(index).scroll_into_view_if_needed()
        assert click_through(walks.nth(index)) == len(facts.get(procedure_id).steps)
    page.screenshot(path=artifacts / f"voila-{lesson.file.removesuffix('.ipynb')}.png")
    assert not page.console.errors


def test_start_page_runs_in_the_app(app, page):
    """00 in the app: the course, the one desk name, the record, and the first-aid link that opens its lesson."""
    open_app(page, app, "00_start.ipynb")
    page.get_by_role("textbox", name=data.say("course.record.name_label")).wait_for(timeout=30_000)
    text = page.locator("body").inner_text()
    assert data.say("course.first_aid") in text and "全体で約" in text
    assert "このキットでは、出品者のための問い合わせ窓口を" in text
    assert "course.lesson(" not in page.content(), "no code is shown"
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
    import time

    from tools import browser

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
