"""Every notebook, run in Japanese JupyterLab in Chromium: no errors, every widget shown, every walkthrough
clicked to its end and back, then every text field typed into as a person types -- one key at a time, full-width
digits, through a Japanese IME (support/typing_plans.py; the same in the app: test_typing.py). Each notebook is run
once here for all of it: opening and running it costs seconds of the machine's time."""

from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest

from helpers import facts
from helpers.core import data
from support.pages import STDERR, click_through
from support.typing_plans import has_text_fields, type_into_every_field
from tools import browser

LESSONS = data.load_lessons()


def test_japanese_font_is_installed():
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout
    assert "IPA" in fonts, "install fonts-ipafont-gothic, or Japanese renders as boxes"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_notebook_runs_in_japanese_jupyterlab(lab, lab_page, artifacts, lesson):
    browser.open_notebook(lab_page, lab, lesson.file)
    assert lab_page.locator(".lm-MenuBar-itemLabel", has_text="ファイル").count() == 1, "the UI is in Japanese"
    browser.run_all(lab_page)
    browser.wait_for_widgets(lab_page)  # every widget output draws its widget

    assert lab_page.locator(STDERR).count() == 0, lab_page.locator(STDERR).all_inner_texts()
    assert lab_page.get_by_text("Error displaying widget").count() == 0
    assert lab_page.get_by_text("Loading widget...").count() == 0

    walks = lab_page.locator(".kit-walkthrough")
    assert walks.count() == len(lesson.walkthroughs)
    for index in range(walks.count()):
        walks.nth(index).scroll_into_view_if_needed()
        assert click_through(walks.nth(index)) == len(facts.get(lesson.walkthroughs[index]).steps)
    lab_page.screenshot(path=artifacts / f"lab-{lesson.id}.png", full_page=False)

    # Back at their first steps, the walkthroughs show the fields a learner meets first, as on a page just run.
    done = type_into_every_field(lab_page, lab_page.locator(".jp-OutputArea-output"))
    assert bool(done) == has_text_fields(lesson), done
    assert lab_page.locator(STDERR).count() == 0, lab_page.locator(STDERR).all_inner_texts()
    if done:
        lab_page.screenshot(path=artifacts / f"typing-lab-{lesson.id}.png", full_page=True)
    assert not lab_page.console.errors


def test_phone_step_shows_what_follows_plus81(lab, lab_page, artifacts):
    browser.open_notebook(lab_page, lab, browser.notebook_with("PROC-BUYER-PHONE"))
    browser.run_all(lab_page)
    phone = lab_page.get_by_role("textbox", name=data.say("walkthrough.phone_label"))
    phone.scroll_into_view_if_needed()
    browser.type_keys(phone, "０９０ー１１１１ー２２２２")
    phone.press("Enter")
    result = lab_page.locator(".kit-phone-result")
    result.get_by_text("90-1111-2222", exact=True).wait_for(timeout=5000)
    assert "+81" in result.inner_text()
    lab_page.screenshot(path=artifacts / "lab-phone-step.png")
    phone.press("Control+A")
    phone.press("Backspace")
    browser.type_keys(phone, "0120-111-222")
    lab_page.get_by_role("button", name=data.say("walkthrough.check_phone")).click()
    result.get_by_text("フリーダイヤル", exact=False).wait_for(timeout=5000)
    assert not lab_page.console.errors


def test_settings_come_from_the_environment(lab):
    def default(plugin: str, key: str):
        url = f"{lab}/lab/api/settings/{plugin}?token={browser.TOKEN}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)["schema"]["properties"][key]["default"]

    assert default("@jupyterlab/translation-extension:plugin", "locale") == "ja_JP"
    assert default("@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
    assert default("@jupyterlab/apputils-extension:notification", "checkForUpdates") is False
