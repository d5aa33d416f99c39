"""Every text field typed as a person types: one key at a time, full-width digits, and through a Japanese IME
(composition, then the commit), in the app here. In JupyterLab every notebook's fields are typed into by
test_jupyterlab.py, on the lesson run a second time there (support/typing_plans.py: the plans, for both)."""

from __future__ import annotations

import pytest

from support.pages import open_app
from support.typing_plans import type_into_every_field
from tools import browser


@pytest.mark.parametrize(
    "notebook", [browser.notebook_with("PROC-BUYER-PHONE"), "02_phone_safety.ipynb", "06_case_draft.ipynb"]
)
def test_typing_works_the_same_in_the_app(app, page, artifacts, notebook):
    open_app(page, app, notebook)
    browser.settle(page)
    assert type_into_every_field(page, page.locator(".jp-OutputArea-output"))
    page.screenshot(path=artifacts / f"typing-app-{notebook.removesuffix('.ipynb')}.png", full_page=True)
    assert not page.console.errors
