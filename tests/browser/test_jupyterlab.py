"""Each lesson, run once in Japanese JupyterLab in Chromium and used there as a learner uses it: opening and running
a notebook costs seconds of the machine's time, so one run serves every check, and each part is reported on its own
(pytest's subtests):

- **runs**: no error, every widget drawn, the UI in Japanese;
- **walkthroughs**: each clicked to its end and back;
- **accessibility**: every output passes axe-core with no serious or critical violation, every control has a name,
  feedback appears where the eye is, and the outputs fit -- as first loaded and again after each of a learner's
  rounds (support/learner_rounds.py: the rounds and the rules);
- **typing**: a lesson with text fields run again (a learner who runs it again gets fresh widgets), then every text
  field typed as a person types -- one key at a time, full-width digits, through a Japanese IME
  (support/typing_plans.py); a lesson without any shows none;
- **the 「何が起きた？」 card** and **the record** (a browser download), in the lessons that have them
  (support/pages.py).

The same lessons in the code-free app: test_app.py (typing there: test_typing.py). ``pytest tests/browser -k 03``
runs lesson 03 in both.
"""

from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest

from helpers import facts, records
from helpers.core import data
from support.learner_rounds import MAY_BE_CONTROLS, as_a_learner, nameless_controls, screen_problems
from support.pages import STDERR, click_through, save_the_record, use_the_finder
from support.typing_plans import has_text_fields, type_into_every_field
from tools import browser

LESSONS = data.load_lessons()


def test_japanese_font_is_installed():
    fonts = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout
    assert "IPA" in fonts, "install fonts-ipafont-gothic, or Japanese renders as boxes"


def runs_with_every_widget(page) -> None:
    """Run every cell with JupyterLab's 「すべてのセルを実行」 and check that nothing failed and every widget shows."""
    browser.run_all(page)
    browser.wait_for_widgets(page)  # every widget output draws its widget
    assert page.locator(STDERR).count() == 0, page.locator(STDERR).all_inner_texts()
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.get_by_text("Loading widget...").count() == 0


def accessibility_problems(page, artifacts, lesson) -> dict[str, list[str]]:
    """The page as first loaded and after each of a learner's rounds: what is wrong, round by round."""
    problems, feedback = {}, []
    for round_ in as_a_learner(page, lesson, feedback):
        outputs = page.locator(f".jp-OutputArea-output:has({MAY_BE_CONTROLS})")
        found = feedback + [f"no name: {c}" for i in range(outputs.count()) for c in nameless_controls(outputs.nth(i))]
        found += screen_problems(page, artifacts, f"lab-{lesson.id}-{round_}", ".jp-OutputArea-output", lab=True)
        feedback.clear()
        if found:
            problems[round_] = found
    return problems


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_notebook_runs_in_japanese_jupyterlab(lab, lab_page, artifacts, subtests, lesson):
    page = lab_page
    page.set_viewport_size({"width": 1280, "height": 800})  # the size the layout rule is checked at
    browser.open_notebook(page, lab, lesson.file)
    assert page.locator(".lm-MenuBar-itemLabel", has_text="ファイル").count() == 1, "the UI is in Japanese"
    runs_with_every_widget(page)

    with subtests.test("walkthroughs"):
        walks = page.locator(".kit-walkthrough")
        assert walks.count() == len(lesson.walkthroughs)
        for index in range(walks.count()):
            walks.nth(index).scroll_into_view_if_needed()
            assert click_through(walks.nth(index)) == len(facts.get(lesson.walkthroughs[index]).steps)
        page.screenshot(path=artifacts / f"lab-{lesson.id}.png")

    with subtests.test("accessibility"):
        problems = accessibility_problems(page, artifacts, lesson)
        assert problems == {}, "\n".join(f"{round_}: {line}" for round_, lines in problems.items() for line in lines)

    with subtests.test("typing"):
        if has_text_fields(lesson):
            runs_with_every_widget(page)  # fresh widgets: every walkthrough at its first step, every field empty
        done = type_into_every_field(page, page.locator(".jp-OutputArea-output"))
        assert bool(done) == has_text_fields(lesson), done
        assert page.locator(STDERR).count() == 0, page.locator(STDERR).all_inner_texts()
        if done:
            page.screenshot(path=artifacts / f"typing-lab-{lesson.id}.png", full_page=True)

    if lesson.first_aid:
        with subtests.test("「何が起きた？」"):
            use_the_finder(page, artifacts, "lab")
    if page.locator(".kit-recordview").count():
        with subtests.test("record"):  # a browser download; markup in the name is shown as text, never run
            record = save_the_record(page, "<b>練習</b> 太郎")
            assert record["name"] == "<b>練習</b> 太郎" and records.problem(record) is None
            assert "<b>練習</b>" not in page.locator(".kit-recordview").inner_html()
    assert not page.console.errors


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
    browser.clear(phone)
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
