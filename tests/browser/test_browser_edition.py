"""The browser edition (JupyterLite), built here and used as a new seller would: nothing installed, every host but
127.0.0.1 blocked. Every notebook that needs no pandas runs without an error; a walkthrough clicked to its end is
still recorded after the page is reloaded; nothing but numpy and pandas from Pyodide's CDN is ever asked for."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from helpers import records
from helpers.core import data, registry
from support import ROOT
from support.pages import save_the_record, use_the_finder
from tools import browser, build_lite

WITHOUT_PANDAS = [f"{r.id}.ipynb" for r in data.load_lessons() if not r.pandas]


def lesson_of(notebook: str) -> data.Lesson:
    return next(r for r in data.load_lessons() if f"{r.id}.ipynb" == notebook)


ALLOWED_OFF_SITE = re.compile(re.escape(build_lite.CDN) + r"(numpy|pandas)-[^/]+\.whl")


@pytest.fixture(scope="module")
def site():
    """Build the site from scratch (``kit.py lite``) and serve it on 127.0.0.1."""
    built = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_lite.py")], cwd=ROOT, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert build_lite.check_site() == []
    with browser.static_site(build_lite.OUT) as base:
        yield base


@pytest.fixture(scope="module")
def offline(playwright):
    """A fresh browser profile (empty storage) that can reach nothing but 127.0.0.1."""
    with browser.chromium(width=1280, height=900, offline=True, playwright=playwright) as context:
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        context.requests = requests
        yield context


def test_a_new_seller_goes_through_the_kit_offline_and_keeps_their_progress(site, offline, artifacts):
    page = offline.new_page()
    page.set_default_timeout(180_000)
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))

    page.goto(site + "index.html")
    expect(page.get_by_role("heading", level=1)).to_contain_text("問い合わせ練習キット")
    page.get_by_role("link", name="練習をはじめる").click()
    browser.wait_for_kernel(page)
    expect(page.get_by_role("tab", name=re.compile("00_start"))).to_be_visible()

    for notebook in WITHOUT_PANDAS:
        if notebook != "00_start.ipynb":
            browser.open_in_lab(page, notebook)
        browser.run_all(page, timeout=180_000)
        assert browser.error_outputs(page) == [], notebook
        if lesson_of(notebook).first_aid:
            use_the_finder(page, artifacts, "lite")
        if notebook == "03_seller_central.ipynb":
            walkthrough = browser.walkthroughs(page).first
            next_button = walkthrough.get_by_role("button", name=re.compile(data.say("walkthrough.next")))
            steps = len(registry.get(lesson_of(notebook).walkthroughs[0]).steps)
            for step in range(2, steps + 1):  # each click waits for the step it leads to
                next_button.click()
                expect(walkthrough).to_contain_text(data.say("walkthrough.step_counter", n=step, total=steps))
            expect(next_button).to_be_disabled()
        if notebook == WITHOUT_PANDAS[-1]:
            page.screenshot(path=str(artifacts / "lite-last-notebook.png"))
        # Closed with its kernel once it has done its work (the walkthrough's last click records it), as a learner
        # closes a tab: each notebook open here keeps a Pyodide kernel running in the page, and all of them would
        # start again after the reload (seconds of the machine's time each).
        browser.wait_for_kernel(page)
        browser.close_documents(page)

    browser.wait_for_empty_saved_layout(page)  # else the reload opens the last notebook again, with a kernel
    page.reload()
    browser.open_in_lab(page, "00_start.ipynb")
    browser.run_all(page, timeout=180_000)
    lesson = lesson_of("03_seller_central.ipynb")
    progress = data.say("course.progress.walkthroughs", done=1, total=len(lesson.walkthroughs))
    table = page.locator(".jp-OutputArea-output", has_text=progress).first
    expect(table).to_contain_text(lesson.title)
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lite-progress-after-reload.png"))
    record = save_the_record(page, "練習 花子")  # a browser download, as in the desktop kit
    assert record["name"] == "練習 花子" and records.problem(record) is None

    off_site = [
        url
        for url in offline.requests
        if urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))
    ]
    assert [url for url in off_site if not ALLOWED_OFF_SITE.fullmatch(url)] == []
    assert page_errors == []
    page.close()
