"""The course layer: one lesson identity from the manifest, the lesson handle, navigation, progress per lesson."""

from __future__ import annotations

import json
import re

import pytest
from support import ROOT, read_notebook, stored_notebooks

from helpers import course, quiz
from helpers.core import data, progress, questions, registry

LESSONS = course.lessons()


def shown_text(notebook: dict) -> str:
    """Everything the stored notebook shows as output (what a reader sees), as plain text."""
    return "\n".join("".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
                     for c in notebook["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))


def test_manifest_and_notebook_files_agree():
    assert sorted(lesson.file for lesson in LESSONS) == [p.name for p in stored_notebooks()]
    assert [lesson.id for lesson in LESSONS] == sorted(lesson.id for lesson in LESSONS), "numbered in order"


def test_a_lesson_is_named_by_one_id_everywhere():
    for lesson in LESSONS:
        assert course.lesson(lesson.id).file == f"{lesson.id}.ipynb"
    with pytest.raises(ValueError, match="lessons.toml"):
        course.lesson("01_seller_central.ipynb")
    with pytest.raises(ValueError, match="01_seller_central"):
        course.lesson("01")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_each_notebook_names_itself_and_shows_its_frame_from_data(lesson):
    notebook = read_notebook(ROOT / "notebooks" / lesson.file)
    first_code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    assert f'course.lesson("{lesson.id}")' in "".join(first_code["source"])
    handle = course.lesson(lesson.id)
    shown = shown_text(notebook)
    assert handle.objectives().text in shown
    if handle.questions():
        assert handle.how_to_answer().text in shown and handle.key_points().text in shown
    if lesson is not LESSONS[-1]:
        assert handle.next().text in shown


def test_teaching_frame_is_not_copied_into_the_notebooks():
    """The how-to-answer paragraph and the link to the next lesson are generated, never written by hand."""
    for path in stored_notebooks():
        markdown = "\n".join("".join(c["source"]) for c in read_notebook(path)["cells"] if c["cell_type"] == "markdown")
        assert ".check(" not in markdown and not re.search(r"次は「", markdown), path.name


def test_next_follows_the_manifest():
    for before, after in zip(LESSONS, LESSONS[1:]):
        link = course.lesson(before.id).next()
        assert f'href="{after.file}"' in link.html and after.title in link.text
    assert data.say("course.last_lesson") in course.lesson(LESSONS[-1].id).next().text


def test_lesson_list_links_every_notebook():
    shown = course.lesson_list()
    for lesson in LESSONS:
        assert f'href="{lesson.file}"' in shown.html and lesson.title in shown.text


def test_every_lesson_between_start_and_quiz_has_objectives_key_points_and_exercises():
    for lesson in LESSONS[1:-1]:
        handle = course.lesson(lesson.id)
        assert lesson.objectives and lesson.key_points and handle.exercises(), lesson.id
        for fact_id in lesson.key_points:
            assert registry.get(fact_id).title in handle.key_points().text


def test_key_points_show_cautions():
    record = registry.get("SC-LOCATION")
    assert record.caution in course.lesson("01_seller_central").key_points().text


def test_exercises_come_in_data_order_for_their_lesson():
    handle = course.lesson("01_seller_central")
    assert [e.id for e in handle.exercises()] == [q.id for q in questions.exercise_questions()
                                                  if q.lesson == "01_seller_central"]


# ---------------------------------------------------------------- progress per lesson


def test_progress_table_counts_what_is_done_per_lesson(fresh_progress):
    walk = LESSONS[1].walkthroughs[0]
    progress.record(progress.key("walkthrough", walk))
    exercise = course.lesson(LESSONS[1].id).exercises()[0]
    progress.record(progress.key("exercise", exercise.id))
    progress.record(progress.key("quiz", quiz.PROGRESS_ID), {"score": 17, "total": 21})
    table = course.progress_table().text
    first = next(line for line in table.splitlines() if line.startswith(LESSONS[1].title))
    assert data.say("course.progress.walkthroughs", done=1, total=1) in first
    total = len(course.lesson(LESSONS[1].id).exercises())
    assert data.say("course.progress.exercises", done=1, total=total) in first
    assert data.say("course.progress.quiz", best=17, total=21) in table


def test_progress_view_reads_the_file_again_on_refresh(fresh_progress):
    view = course.progress_view()
    before = view.controls["view"].value
    progress.record(progress.key("walkthrough", LESSONS[1].walkthroughs[0]))
    view.controls["refresh"].click()
    assert view.controls["view"].value != before


def test_progress_view_stored_version_shows_nobodys_progress(fresh_progress):
    progress.record(progress.key("quiz", quiz.PROGRESS_ID), {"score": 17, "total": 21})
    bundle = course.progress_view()._repr_mimebundle_()
    assert "17" not in bundle["text/plain"] and "17" not in bundle["text/html"]
    assert json.loads(fresh_progress.read_text(encoding="utf-8"))["items"]
