"""The manifest and the notebooks stay in step; the start notebook's list comes from the manifest."""

from __future__ import annotations

from support import ROOT, stored_notebooks

from helpers import data, exercises, facts, lessons


def test_manifest_and_notebook_files_agree():
    listed = [lesson.file for lesson in data.load_lessons()]
    on_disk = [path.name for path in stored_notebooks()]
    assert sorted(listed) == on_disk, "data/lessons.toml and notebooks/ list different notebooks"
    assert listed == sorted(listed), "the manifest lists notebooks in their numbered order"


def test_start_notebook_comes_first():
    assert data.load_lessons()[0].file.startswith("00_")


def test_lesson_list_links_every_notebook():
    shown = lessons.lesson_list()
    for lesson in data.load_lessons():
        assert f'href="{lesson.file}"' in shown.html
        assert lesson.title in shown.text
    assert (ROOT / "notebooks" / data.load_lessons()[0].file).exists()


def lesson_notebooks():
    return [lesson for lesson in data.load_lessons() if "01" <= lesson.file[:2] <= "07"]


def test_every_lesson_states_objectives_and_key_points_from_data():
    for lesson in lesson_notebooks():
        assert lesson.objectives and lesson.key_points, lesson.file
        shown = lessons.key_points(lesson.file).text
        for fact_id in lesson.key_points:
            assert facts.get(fact_id).title in shown
        source = (ROOT / "notebooks" / lesson.file).read_text(encoding="utf-8")
        assert f'lessons.objectives(\\"{lesson.file}\\")' in source
        assert f'lessons.key_points(\\"{lesson.file}\\")' in source


def test_every_lesson_has_an_exercise():
    for lesson in lesson_notebooks():
        assert exercises.for_lesson(lesson.file[:2]), lesson.file


def test_key_points_show_cautions():
    shown = lessons.key_points("01_seller_central.ipynb").text
    assert "▲ 注意: " + facts.get("SC-LOCATION").caution in shown


def test_unknown_lesson_file():
    import pytest

    with pytest.raises(ValueError, match="lessons.toml"):
        lessons.lesson("99_nothing.ipynb")
