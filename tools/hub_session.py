"""A person using the class's hub in Chromium: set a password, log in, reach the first lesson.

Shared by the hub tests (tests/hub) and the hub figures of bench/run.py; the browser itself comes from
tools/browser.py (Debian's Chromium through Playwright).
"""

from __future__ import annotations

import contextlib
import time

from tools import browser


@contextlib.contextmanager
def one_chromium(playwright):
    """One headless Chromium (Debian's, the kit's flags) for everyone in a class: each person gets a context of
    their own (``person``), with cookies of their own, as separate browsers would have, for less CPU."""
    if not browser.CHROMIUM.exists():
        raise RuntimeError(f"{browser.CHROMIUM} is missing: install it with `apt-get install -y chromium`")
    chromium = playwright.chromium.launch(
        executable_path=str(browser.CHROMIUM), headless=True, args=browser.CHROMIUM_FLAGS
    )
    try:
        yield chromium
    finally:
        chromium.close()


def person(chromium):
    """A new page in a browser context of its own (a person's own cookies), in Japanese."""
    return chromium.new_context(locale="ja-JP", viewport={"width": 1300, "height": 1000}).new_page()


def sign_up(page, base: str, name: str, password: str) -> str:
    """Set ``name``'s own password on the hub's first-login page; return the message shown."""
    page.goto(f"{base}/hub/signup")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.fill("#password_confirmation_input", password)
    page.click("#signup_submit")
    return page.locator("[role=alert]").first.inner_text()


def submit_login(page, base: str, name: str, password: str, next_url: str = "") -> None:
    """Fill in the login page and send it, without waiting for the server to start. ``next_url``: where to go
    once the server runs (``/user/<name>/lab/tree/...``) instead of the class's default page."""
    import urllib.parse

    page.goto(f"{base}/hub/login" + (f"?next={urllib.parse.quote(next_url)}" if next_url else ""))
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit", no_wait_after=True)


def login_error(page) -> str:
    page.locator(".login_error").wait_for(timeout=10_000)
    return page.locator(".login_error").inner_text()


def wait_for_first_lesson(page, name: str, timeout: float = 120_000) -> float:
    """Wait until JupyterLab shows the start notebook with an idle kernel; return the monotonic time it did."""
    page.wait_for_url(f"**/user/{name}/lab/**", timeout=timeout)
    browser.wait_for_kernel(page, timeout)
    return time.monotonic()


def run_first_lesson(page, name: str, timeout: float = 120_000) -> None:
    """Run every cell of the open notebook (the first lesson) and wait until all have run."""
    browser.run_all(page, timeout)
