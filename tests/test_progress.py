"""Progress: recorded outside the repository, atomically, and never lost to a bad file."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from helpers import course, quiz, walkthrough
from helpers.core import progress

WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)


def test_default_file_is_in_the_users_data_folder_not_the_repository(monkeypatch):
    from support import ROOT

    monkeypatch.delenv(progress.ENV)
    path = progress.default_path()
    assert path.name == "progress.json" and progress.APP in str(path)
    assert ROOT not in path.parents


def test_environment_variable_overrides_the_path(fresh_progress):
    assert progress.default_path() == fresh_progress


def test_record_and_load(fresh_progress):
    progress.record(progress.key("exercise", "01-first-label"), now=WHEN)
    items, message = progress.load()
    assert message is None and items["exercise:01-first-label"]["done_at"] == "2026-11-27T10:00:00+00:00"
    assert json.loads(fresh_progress.read_text(encoding="utf-8"))["version"] == progress.VERSION


def test_missing_file_starts_afresh_silently(tmp_path):
    assert progress.load(tmp_path / "none.json") == ({}, None)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"items": [1]}',
                                     b'{"items": {"x": 3}}', b""])
def test_corrupt_file_starts_afresh_with_a_message_and_is_kept(fresh_progress, content):
    fresh_progress.parent.mkdir(parents=True)
    fresh_progress.write_bytes(content)
    items, message = progress.load()
    assert items == {} and "最初から記録します" in message
    assert fresh_progress.with_name("progress.json.broken").read_bytes() == content
    progress.record("quiz", {"score": 3, "total": 21})
    assert "quiz" in progress.load()[0]


def test_scores_keep_the_best(fresh_progress):
    progress.record("quiz", {"score": 15, "total": 21})
    progress.record("quiz", {"score": 9, "total": 21})
    entry = progress.load()[0]["quiz"]
    assert entry["score"] == 9 and entry["best"] == 15


def test_a_crash_mid_write_loses_nothing(fresh_progress, monkeypatch):
    progress.record("exercise:01-first-label")
    before = fresh_progress.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(progress.json, "dump", crash)
    with pytest.raises(OSError):
        progress.record("exercise:02-app-label")
    assert fresh_progress.read_bytes() == before
    assert [p.name for p in fresh_progress.parent.iterdir()] == ["progress.json"], "no temporary file left"


def test_an_unwritable_location_never_stops_the_lesson(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(progress.ENV, str(blocker / "progress.json"))  # its parent is a file
    progress.safely_record("exercise:01-first-label")
    q = course.lesson("03_seller_central").exercises()[0]
    assert q.check(q.question.answer).passed


def test_finishing_a_walkthrough_is_recorded():
    w = walkthrough.walkthrough("PROC-SELLER-APP")
    assert "walkthrough:PROC-SELLER-APP" not in progress.load()[0]
    while not w.at_end:
        w.next()
    assert "walkthrough:PROC-SELLER-APP" in progress.load()[0]


def test_finishing_the_quiz_records_the_score():
    game = quiz.quiz()
    for question in game.questions:
        game.answer(question.id, question.answer)
    entry = progress.load()[0][progress.key("quiz", quiz.PROGRESS_ID)]
    assert entry["score"] == entry["total"] == len(game.questions)


def test_progress_table_counts_per_notebook():
    q = course.lesson("03_seller_central").exercises()[0]
    q.check(q.question.answer)
    w = walkthrough.walkthrough("PROC-SELLER-CENTRAL")
    while not w.at_end:
        w.next()
    text = course.progress_table().text
    assert "セラーセントラルから問い合わせる / 手順 1/1、練習問題 1/3" in text
    assert "まとめのクイズ / クイズ 未挑戦" in text


def test_progress_view_shows_a_message_for_a_corrupt_file(fresh_progress):
    fresh_progress.parent.mkdir(parents=True)
    fresh_progress.write_text("{oops", encoding="utf-8")
    view = course.progress_view()
    assert "最初から記録します" in view.controls["view"].value
    bundle = view._repr_mimebundle_()
    assert "最初から" not in bundle["text/plain"], "the stored version never depends on the learner's file"


def test_no_progress_file_inside_the_repository():
    from support import ROOT

    assert not list(ROOT.glob("**/progress.json*"))
    assert os.environ[progress.ENV] != ""
