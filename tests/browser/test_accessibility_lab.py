"""Every output of every lesson in JupyterLab passes axe-core with no serious or critical violation, every control
has a name, feedback appears where the eye is, and the outputs fit -- as first loaded and again after a learner has
used every walkthrough and exercise (support/learner_rounds.py: the rounds and the rules). The app's pages:
test_accessibility.py.
"""

from __future__ import annotations

import pytest

from helpers.core import data
from support.learner_rounds import MAY_BE_CONTROLS, as_a_learner, nameless_controls, screen_problems
from tools import browser

LESSONS = data.load_lessons()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_output_in_jupyterlab_is_accessible_and_fits(lab, lab_page, artifacts, lesson):
    lab_page.set_viewport_size({"width": 1280, "height": 800})
    browser.open_notebook(lab_page, lab, lesson.file)
    browser.run_all(lab_page)
    browser.wait_for_widgets(lab_page)
    problems, feedback = {}, []
    for round_ in as_a_learner(lab_page, lesson, feedback):
        outputs = lab_page.locator(f".jp-OutputArea-output:has({MAY_BE_CONTROLS})")
        found = feedback + [f"no name: {c}" for i in range(outputs.count()) for c in nameless_controls(outputs.nth(i))]
        found += screen_problems(lab_page, artifacts, f"lab-{lesson.id}-{round_}", ".jp-OutputArea-output", lab=True)
        feedback.clear()
        if found:
            problems[round_] = found
    assert problems == {}, "\n".join(f"{round_}: {line}" for round_, lines in problems.items() for line in lines)
