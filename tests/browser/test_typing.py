"""Every text field of every notebook, typed as a person types: one key at a time, full-width digits, and
through a Japanese IME (composition, then the commit), in Japanese JupyterLab and in the app."""

from __future__ import annotations

import pytest

from helpers.core import data, registry
from support import ROOT, read_notebook
from support.pages import STDERR, open_app
from support.typing_plans import type_into_every_field
from tools import browser

LESSONS = data.load_lessons()


def has_text_fields(lesson: data.Lesson) -> bool:
    """Whether a lesson shows a text field: a form step, a typed exercise, or a widget with fields."""
    source = "\n".join(
        "".join(c["source"])
        for c in read_notebook(ROOT / "notebooks" / lesson.file)["cells"]
        if c["cell_type"] == "code"
    )
    steps = [step.kind for p in lesson.walkthroughs for step in registry.get(p).steps]
    return (
        any(kind in ("phone_input", "email_form") for kind in steps)
        or any(not q.is_choice for q in data.load_exercises() if q.lesson == lesson.id)
        or any(call in source for call in ("checklist()", "draft_builder()", "phone_checker()", "record_view()"))
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_text_field_takes_typing_and_ime_input_in_jupyterlab(lab, lab_page, artifacts, lesson):
    browser.open_notebook(lab_page, lab, lesson.file)
    browser.run_all(lab_page)
    browser.wait_for_widgets(lab_page)
    done = type_into_every_field(lab_page, lab_page.locator(".jp-OutputArea-output"))
    assert bool(done) == has_text_fields(lesson), done
    assert lab_page.locator(STDERR).count() == 0, lab_page.locator(STDERR).all_inner_texts()
    if done:
        lab_page.screenshot(path=artifacts / f"typing-lab-{lesson.id}.png", full_page=True)
    assert not lab_page.console.errors


@pytest.mark.parametrize(
    "notebook", [browser.notebook_with("PROC-BUYER-PHONE"), "02_phone_safety.ipynb", "06_case_draft.ipynb"]
)
def test_typing_works_the_same_in_the_app(app, page, artifacts, notebook):
    open_app(page, app, notebook)
    browser.settle(page)
    assert type_into_every_field(page, page.locator(".jp-OutputArea-output"))
    page.screenshot(path=artifacts / f"typing-app-{notebook.removesuffix('.ipynb')}.png", full_page=True)
    assert not page.console.errors
