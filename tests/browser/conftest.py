"""Browser tests: JupyterLab and Voilà served on 127.0.0.1, driven in Debian's Chromium by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tools import browser

ROOT = Path(__file__).resolve().parents[2]

ARTIFACTS = ROOT / "test-artifacts"

# Browser console messages that are not failures, each with its reason. Anything else fails the test.
CONSOLE_ALLOWED = [
    # Voilà's page asks a CDN for its icon font; this machine (and a learner's offline PC) cannot reach it.
    ("Failed to load resource", "cdn.jsdelivr.net"),
    ("Failed to load resource", "unpkg.com"),
    # Voilà's file list asks the browser's usual /favicon.ico, which Voilà does not serve (404).
    ("Failed to load resource", "/favicon.ico"),
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def context(playwright):
    with browser.chromium(playwright=playwright) as ctx:
        yield ctx


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    with browser.jupyterlab(tmp_path_factory.mktemp("lab")) as base:
        yield base


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    with browser.voila(tmp_path_factory.mktemp("voila")) as base:
        yield base


class Console:
    """Collect console errors and page errors of a page; report those not on the allow-list."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

    def _console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if any(text in message.text and host in url for text, host in CONSOLE_ALLOWED):
            return
        self.errors.append(f"{message.text} ({url})")


@pytest.fixture
def page(context):
    page = context.new_page()
    page.console = Console(page)
    yield page
    page.close()


@pytest.fixture(scope="session")
def shared_lab_page() -> dict:
    """Holds the session's JupyterLab page (see ``lab_page``)."""
    return {}


@pytest.fixture
def lab_page(context, shared_lab_page):
    """A page for a test in JupyterLab: one page for the session, because loading JupyterLab costs seconds of the
    machine's time and opening a notebook in it under one. The test opens its notebook with
    ``browser.open_notebook``; afterwards every document is closed and its kernel shut down, so the next test starts
    with nothing open, the window at its first size and no console errors. A test that broke the page leaves it to
    be replaced."""
    page = shared_lab_page.get("page")
    if page is None or page.is_closed():
        page = shared_lab_page["page"] = context.new_page()
        page.console, page.first_size = Console(page), page.viewport_size
    # Pages opened since (each app test's own page) went on top of it. Left behind them, JupyterLab here took tens
    # of seconds, with the machine idle, to run a notebook and to answer a click (the page still said it was
    # visible); brought to the front, as the tab a learner works in is, it takes about one.
    page.bring_to_front()
    page.set_viewport_size(page.first_size)
    page.console.errors.clear()
    yield page
    try:
        if page.url.startswith("http"):
            browser.close_documents(page)
    except PlaywrightError:
        page.close()
