"""The code-free app mode: Voilà serves the notebooks with the code hidden, walkthroughs work the same."""

from __future__ import annotations

import pytest

from helpers import facts
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
    open_app(page, app, "00_start.ipynb")
    page.get_by_role("button", name=data.say("hours.now_button")).wait_for(timeout=30_000)
    assert "日本時間" in page.locator(".jupyter-widgets").first.text_content() or page.get_by_text("日本時間").count()
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
