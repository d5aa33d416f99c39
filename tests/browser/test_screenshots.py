"""The README's screenshots: what a learner sees, made in the browser.

They go to test-artifacts/ in every test run; ``python3 kit.py screenshots`` (KIT_README_SCREENSHOTS=1)
writes them to docs/images/, the committed copies the README shows.
"""

from __future__ import annotations

import os

import pytest

from support.pages import open_app
from tools import browser


@pytest.fixture
def target(artifacts):
    folder = browser.ROOT / "docs" / "images" if os.environ.get("KIT_README_SCREENSHOTS") == "1" else artifacts
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_walkthrough_in_japanese_jupyterlab(lab, lab_page, target):
    browser.open_notebook(lab_page, lab, browser.notebook_with("PROC-SELLER-CENTRAL"))
    browser.run_all(lab_page)
    walk = lab_page.locator(".kit-walkthrough").first
    for _ in range(4):
        walk.locator("button", has_text="次へ").click()
    walk.locator(".kit-step-label", has_text="ステップ 5 / 5").wait_for()
    walk.locator("button", has_text="小口出品").click()
    walk.get_by_text("選べません").first.wait_for()
    walk.locator(".kit-step-label").scroll_into_view_if_needed()
    lab_page.evaluate("() => document.activeElement && document.activeElement.blur()")
    lab_page.screenshot(path=target / "walkthrough-jupyterlab.png")
    assert lab_page.locator(".lm-MenuBar-itemLabel", has_text="ファイル").count() == 1
    assert not lab_page.console.errors


def test_phone_step_in_the_app(app, page, target):
    open_app(page, app, browser.notebook_with("PROC-BUYER-PHONE"))
    phone = page.get_by_placeholder("例: 090-1111-2222")
    phone.wait_for(timeout=60_000)
    browser.type_keys(phone, "０９０ー１１１１ー２２２２")
    phone.press("Enter")
    page.locator(".kit-phone-result").get_by_text("90-1111-2222", exact=True).wait_for()
    page.locator(".kit-walkthrough", has=phone).scroll_into_view_if_needed()
    page.screenshot(path=target / "walkthrough-voila.png")
    assert not page.console.errors
