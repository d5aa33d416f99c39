"""The manifest and the notebooks stay in step; the start notebook's list comes from the manifest."""

from __future__ import annotations

from conftest import ROOT, stored_notebooks

from helpers import data, lessons


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
