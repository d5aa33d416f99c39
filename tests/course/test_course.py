"""The course layer: one lesson identity from the manifest, the lesson handle, navigation, progress per lesson."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from helpers import course, facts, quiz
from helpers.core import data, progress, questions, registry
from support import ROOT, read_notebook, stored_notebooks

LESSONS = course.lessons()


def shown_text(notebook: dict) -> str:
    """Everything the stored notebook shows as output (what a reader sees), as plain text."""
    return "\n".join(
        "".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
        for c in notebook["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )


def test_manifest_and_notebook_files_agree():
    assert sorted(lesson.file for lesson in LESSONS) == [p.name for p in stored_notebooks()]
    assert [lesson.id for lesson in LESSONS] == sorted(lesson.id for lesson in LESSONS), "numbered in order"


def test_a_lesson_is_named_by_one_id_everywhere():
    for lesson in LESSONS:
        assert course.lesson(lesson.id).file == f"{lesson.id}.ipynb"
    with pytest.raises(ValueError, match="lessons.toml"):
        course.lesson("03_seller_central.ipynb")
    with pytest.raises(ValueError, match="03_seller_central"):
        course.lesson("03")


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
    for before, after in itertools.pairwise(LESSONS):
        link = course.lesson(before.id).next()
        assert f'href="{after.file}"' in link.html and after.title in link.text
    assert data.say("course.last_lesson") in course.lesson(LESSONS[-1].id).next().text


def test_lesson_list_links_every_notebook():
    shown = course.lesson_list()
    for lesson in LESSONS:
        assert f'href="{lesson.file}"' in shown.html and lesson.title in shown.text


def test_every_lesson_but_the_start_and_the_quiz_has_objectives_key_points_and_exercises():
    for lesson in LESSONS:
        handle = course.lesson(lesson.id)
        assert lesson.objectives, lesson.id
        if lesson.id != "00_start" and not lesson.quiz:
            assert lesson.key_points and handle.exercises(), lesson.id


def test_key_points_say_what_to_do_and_name_their_facts_with_status():
    for lesson in LESSONS:
        shown = course.lesson(lesson.id).key_points().text
        for point in lesson.key_points:
            assert registry.registry().resolve(point.do) in shown
            for fact_id in point.facts:
                record = registry.get(fact_id)
                assert record.title in shown
                assert facts.record_badge(record).text in shown
            assert not any(registry.get(f).statement in point.do for f in point.facts), "not the statement again"


def test_key_points_quote_facts_rather_than_restate_them():
    shown = course.lesson("01_when_to_contact").key_points().text
    hours = registry.get("ATOZ-48H").values["reply_within_hours"]
    assert f"{hours}時間以内" in shown


def test_only_the_appendix_comes_after_the_quiz():
    quiz_at = next(n for n, lesson in enumerate(LESSONS) if lesson.quiz)
    assert all(lesson.appendix for lesson in LESSONS[quiz_at + 1 :])
    assert not any(lesson.appendix for lesson in LESSONS[:quiz_at])


def test_the_order_starts_with_why_and_warns_before_phone_practice():
    order = [lesson.id for lesson in LESSONS]
    position = {lesson_id: n for n, lesson_id in enumerate(order)}
    with_walkthrough = {p: lesson.id for lesson in LESSONS for p in lesson.walkthroughs}
    phone_practice = position[with_walkthrough["PROC-BUYER-PHONE"]]
    warned = min(
        position[lesson.id] for lesson in LESSONS if any("TEL-SCAM" in point.facts for point in lesson.key_points)
    )
    assert warned < phone_practice, "the numbers and the scam warning come before any phone practice"
    assert position[with_walkthrough["PROC-BUYER"]] > max(
        position[with_walkthrough["PROC-SELLER-CENTRAL"]], position[with_walkthrough["PROC-SELLER-APP"]]
    )
    when = min(
        position[lesson.id]
        for lesson in LESSONS
        if any(f.startswith(("WHEN-", "ATOZ-")) for point in lesson.key_points for f in point.facts)
    )
    assert when < position[with_walkthrough["PROC-SELLER-CENTRAL"]], "where to go when something happens: early"


def stored_text(lesson_id: str) -> str:
    """The text a reader of a stored notebook sees in its outputs."""
    notebook = read_notebook(ROOT / "notebooks" / f"{lesson_id}.ipynb")
    return "".join(
        "".join(out.get("data", {}).get("text/plain", out.get("text", "")))
        for cell in notebook["cells"]
        for out in cell.get("outputs", [])
    )


def markdown_of(lesson_id: str) -> str:
    notebook = read_notebook(ROOT / "notebooks" / f"{lesson_id}.ipynb")
    return "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_says_how_long_it_takes_at_the_top(lesson):
    first = read_notebook(ROOT / "notebooks" / lesson.file)["cells"]
    first_output = next(out for cell in first for out in cell.get("outputs", []))
    text = "".join(first_output["data"]["text/plain"])
    assert text.startswith(data.say("course.minutes", minutes=lesson.minutes))


def test_the_start_welcomes_in_few_words_with_the_times_and_a_way_in_for_someone_in_trouble():
    start = LESSONS[0]
    shown = stored_text(start.id)
    assert len(shown) <= 2500, len(shown)
    total = sum(lesson.minutes for lesson in LESSONS if not lesson.appendix)
    assert course.course_minutes() == total and data.say("course.total", minutes=total) in shown
    for lesson in LESSONS:
        assert f"{lesson.id[:2]} {lesson.title}" + data.say("course.list_minutes", minutes=lesson.minutes) in shown
    first_aid = next(lesson for lesson in LESSONS if lesson.first_aid)
    assert data.say("course.first_aid") in shown and f'href="{first_aid.file}"' in course.first_aid().html
    assert [lesson.id for lesson in LESSONS if lesson.first_aid] == [LESSONS[1].id], "right after 00"
    for moved in (
        facts.glossary().text.splitlines()[0],
        data.load_vocabulary().badges["official"].meaning,
        data.say("hours.now_button"),
        "確認日",
    ):
        assert moved not in shown, f"{moved!r} belongs to the lesson that uses it"
    assert "ボタン" in markdown_of(start.id), "00 says how to use the buttons"


def test_the_desk_is_introduced_once_with_its_other_names():
    names = registry.get("DESK-NAMES").values
    intro = course.desk_name().text
    assert all(name in intro for name in names.values())
    shown = [
        lesson.id
        for lesson in LESSONS
        if names["app_name"] in stored_text(lesson.id)
        and names["en"] in stored_text(lesson.id)
        and "、英語の画面では" in stored_text(lesson.id)
    ]
    assert shown == [LESSONS[0].id]


def test_the_buyer_route_has_no_more_text_than_the_seller_routes():
    """A last resort, framed as 「セラーセントラルにログインできないとき」, keeps every walkthrough but not more prose."""
    with_walkthrough = {p: lesson for lesson in LESSONS for p in lesson.walkthroughs}
    buyer, seller = with_walkthrough["PROC-BUYER"], with_walkthrough["PROC-SELLER-CENTRAL"]
    assert "ログインできない" in buyer.title
    assert len(markdown_of(buyer.id)) <= len(markdown_of(seller.id))


def test_the_readme_states_the_pass_mark_of_the_manifest():
    mark = quiz.pass_mark()
    assert mark == 80 and "8割" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_exercises_come_in_data_order_for_their_lesson():
    handle = course.lesson("03_seller_central")
    assert [e.id for e in handle.exercises()] == [
        q.id for q in questions.exercise_questions() if q.lesson == "03_seller_central"
    ]


# ---------------------------------------------------------------- progress per lesson


WALKED = next(lesson for lesson in LESSONS if lesson.walkthroughs)


def test_progress_table_counts_what_is_done_per_lesson(fresh_progress):
    progress.record(progress.key("walkthrough", WALKED.walkthroughs[0]))
    exercise = course.lesson(WALKED.id).exercises()[0]
    progress.record(progress.key("exercise", exercise.id))
    progress.record(quiz.quiz().progress_item, {"score": 17, "total": 21})
    table = course.progress_table().text
    first = next(line for line in table.splitlines() if line.startswith(WALKED.title))
    assert data.say("course.progress.walkthroughs", done=1, total=len(WALKED.walkthroughs)) in first
    total = len(course.lesson(WALKED.id).exercises())
    assert data.say("course.progress.exercises", done=1, total=total) in first
    assert data.say("course.progress.quiz", best=17, total=21) in table


def test_progress_view_reads_the_file_again_on_refresh(fresh_progress):
    view = course.progress_view()
    before = view.controls["view"].value
    progress.record(progress.key("walkthrough", WALKED.walkthroughs[0]))
    view.controls["refresh"].click()
    assert view.controls["view"].value != before


def test_progress_view_stored_version_shows_nobodys_progress(fresh_progress):
    progress.record(quiz.quiz().progress_item, {"score": 17, "total": 21})
    bundle = course.progress_view()._repr_mimebundle_()
    assert "17" not in bundle["text/plain"] and "17" not in bundle["text/html"]
    assert json.loads(fresh_progress.read_text(encoding="utf-8"))["items"]
