"""Progress: recorded outside the repository, atomically, and never lost to a bad file."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import course, quiz, walkthrough
from helpers.core import data, progress

WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_default_file_is_in_the_users_data_folder_not_the_repository(monkeypatch):
    from support import ROOT

    monkeypatch.delenv(progress.ENV)
    path = progress.default_path()
    assert path.name == "progress.json" and progress.APP in str(path)
    assert ROOT not in path.parents


def test_environment_variable_overrides_the_path(fresh_progress):
    assert progress.default_path() == fresh_progress


@pytest.mark.zone
def test_record_and_load(fresh_progress):
    progress.record(progress.key("exercise", "01-first-label"), now=WHEN)
    items, message = progress.load()
    assert message is None and items["exercise:01-first-label"]["done_at"] == "2026-11-27T10:00:00+00:00"
    assert json.loads(fresh_progress.read_text(encoding="utf-8"))["version"] == progress.VERSION


def test_missing_file_starts_afresh_silently(tmp_path):
    assert progress.load(tmp_path / "none.json") == ({}, None)


def kept_copies(path):
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name + ".broken-"))


CORRUPT = {
    "not JSON": b"{not json",
    "not UTF-8": b"\xff\xfe\x00",
    "empty": b"",
    "a list": b"[1, 2]",
    "items a list": b'{"items": [1]}',
    "an entry not a table": b'{"items": {"x": 3}}',
    "an entry holding a table": b'{"items": {"x": {"done_at": {"y": 1}}}}',
    "a score as text": b'{"items": {"quiz": {"score": "9", "best": 3}}}',
    "a score as true": b'{"items": {"quiz": {"score": true}}}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "lone surrogate": b'{"items": {"\\ud800": {"done_at": "x"}}}',
    "lone surrogate in a value": b'{"items": {"x": {"done_at": "\\udfff"}}}',
    "too big": b'{"items": {"x": {"done_at": "' + b"a" * (progress.MAX_BYTES + 10) + b'"}}}',
}


@pytest.mark.zone
@pytest.mark.parametrize("kind", list(CORRUPT))
def test_a_file_not_the_kits_starts_afresh_with_a_message_and_is_kept(fresh_progress, kind):
    content = CORRUPT[kind]
    fresh_progress.parent.mkdir(parents=True)
    fresh_progress.write_bytes(content)
    items, message = progress.load()
    assert items == {} and "最初から記録します" in message
    [kept] = kept_copies(fresh_progress)
    assert kept.read_bytes() == content and kept.name in message
    progress.record("quiz", {"score": 3, "total": 21})
    assert "quiz" in progress.load()[0]


@pytest.mark.zone
def test_every_corrupt_copy_keeps_its_own_name(fresh_progress):
    fresh_progress.parent.mkdir(parents=True)
    for n in range(3):
        fresh_progress.write_bytes(b"{broken %d" % n)
        assert "最初から記録します" in progress.load()[1]
    assert sorted(p.read_bytes() for p in kept_copies(fresh_progress)) == [b"{broken 0", b"{broken 1", b"{broken 2"]


def test_a_corrupt_file_that_cannot_be_set_aside_is_never_overwritten(fresh_progress, monkeypatch):
    fresh_progress.parent.mkdir(parents=True)
    fresh_progress.write_bytes(b"{mine")

    def refuse(*args):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(progress.os, "rename", refuse)
    assert "記録しません" in progress.load()[1]
    assert progress.safely_record("quiz") is not None
    assert fresh_progress.read_bytes() == b"{mine"


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
    left = sorted(p.name for p in fresh_progress.parent.iterdir())
    assert left == ["progress.json", "progress.json.lock"], "no temporary file left"


def test_an_unwritable_location_never_stops_the_lesson(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(progress.ENV, str(blocker / "progress.json"))  # its parent is a file
    assert "記録しません" in progress.safely_record("exercise:01-first-label")
    q = course.lesson("03_seller_central").exercises()[0]
    assert q.check(q.question.answer).passed


def test_finishing_a_walkthrough_is_recorded():
    w = walkthrough.walkthrough("PROC-SELLER-APP")
    assert "walkthrough:PROC-SELLER-APP" not in progress.load()[0]
    while not w.at_end:
        w.next()
    assert "walkthrough:PROC-SELLER-APP" not in progress.load()[0], "the model alone records nothing"
    w.back()
    w.controls["next"].click()  # where the learner acts
    assert "walkthrough:PROC-SELLER-APP" in progress.load()[0]


def test_finishing_the_quiz_records_the_score():
    game = quiz.quiz()
    for question in game.questions:
        game.answer(question.id, question.answer)
    entry = progress.load()[0][quiz.quiz().progress_item]
    assert entry["score"] == entry["total"] == len(game.questions)


def test_progress_table_counts_per_notebook():
    q = course.lesson("03_seller_central").exercises()[0]
    q.check(q.question.answer)
    w = walkthrough.walkthrough("PROC-SELLER-CENTRAL")
    while not w.at_end:
        w.controls["next"].click()
    text = course.progress_table().text
    assert "セラーセントラルから問い合わせる / 手順 1/1、練習問題 1/3" in text
    assert "まとめのクイズ / クイズ 未挑戦" in text


def test_a_corrupt_file_set_aside_while_recording_is_told_beside_the_action(fresh_progress):
    fresh_progress.parent.mkdir(parents=True)
    fresh_progress.write_text("{oops", encoding="utf-8")
    q = course.lesson("03_seller_central").exercises()[0]
    q.controls["answer"].value = q.question.answer
    q.controls["check"].click()
    assert "最初から記録します" in q.controls["feedback"].value
    assert list(fresh_progress.parent.glob("progress.json.broken-*"))
    assert "exercise:" + q.id in progress.load()[0] and progress.load()[1] is None


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


# ---------------------------------------------------------------- never harmful (#13)


def special_files(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep me", encoding="utf-8")
    fifo = tmp_path / "a-fifo"
    os.mkfifo(fifo)
    link_to_folder = tmp_path / "link-to-folder"
    link_to_folder.symlink_to(folder)
    return {"folder": folder, "FIFO": fifo, "device": Path("/dev/null"), "link to a folder": link_to_folder}


def snapshot(path: Path):
    info = os.lstat(path)
    inside = sorted((p.name, p.read_bytes()) for p in path.iterdir()) if path.is_dir() else None
    return info.st_mode, info.st_ino, info.st_mtime_ns, inside


@pytest.mark.parametrize("kind", ["folder", "FIFO", "device", "link to a folder"])
def test_anything_but_a_regular_file_is_refused_and_left_as_it_was(tmp_path, monkeypatch, kind):
    path = special_files(tmp_path)[kind]
    before = snapshot(path)
    parent_before = sorted(p.name for p in path.parent.iterdir())
    monkeypatch.setenv(progress.ENV, str(path))
    items, message = progress.load()
    assert items == {} and "ふつうのファイルではない" in message
    with pytest.raises(progress.Refused):
        progress.record("quiz", {"score": 1})
    assert "ふつうのファイルではない" in progress.safely_record("quiz")
    assert snapshot(path) == before and sorted(p.name for p in path.parent.iterdir()) == parent_before
    assert "ふつうのファイルではない" in course.progress_table().text


@pytest.mark.parametrize("value", ["bad\0name", "x" * 5000])
def test_an_impossible_location_is_refused_with_a_message(value):
    assert progress.load(value)[1]
    with pytest.raises(progress.Refused):
        progress.record("quiz", path=value)


def test_reads_are_capped(fresh_progress):
    import tracemalloc

    fresh_progress.parent.mkdir(parents=True)
    with fresh_progress.open("wb") as file:
        file.truncate(10_000_000_000)  # a 10 GB file (sparse: it takes no disk space)
    tracemalloc.start()
    try:
        message = progress.load()[1]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "最初から記録します" in message and peak < 3 * progress.MAX_BYTES


def test_a_symlink_keeps_working_and_its_target_is_updated(tmp_path, monkeypatch):
    real = tmp_path / "real" / "progress.json"
    real.parent.mkdir()
    progress.record("exercise:a", path=real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    monkeypatch.setenv(progress.ENV, str(link))
    progress.record("exercise:b")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert set(progress.load(real)[0]) == {"exercise:a", "exercise:b"} == set(progress.load()[0])


def test_a_dangling_symlink_creates_its_target(tmp_path, monkeypatch):
    real = tmp_path / "later.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    monkeypatch.setenv(progress.ENV, str(link))
    progress.record("exercise:a")
    assert link.is_symlink() and "exercise:a" in json.loads(real.read_text(encoding="utf-8"))["items"]


def _record_many(path: str, prefix: str, count: int) -> None:
    for n in range(count):
        progress.record(f"exercise:{prefix}-{n}", path=Path(path))


def test_concurrent_writers_lose_nothing(fresh_progress):
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_many, args=(str(fresh_progress), name, 25)) for name in "abcd"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    items, message = progress.load()
    assert message is None and len(items) == 100


def test_a_lock_held_elsewhere_refuses_instead_of_waiting_forever(fresh_progress, monkeypatch):
    import filelock

    monkeypatch.setattr(progress, "LOCK_TIMEOUT_SECONDS", 0.2)
    fresh_progress.parent.mkdir(parents=True)
    with filelock.FileLock(str(fresh_progress) + ".lock"):
        import threading

        result = []
        thread = threading.Thread(target=lambda: result.append(progress.safely_record("quiz")))
        thread.start()
        thread.join(10)
    assert result and "記録中" in result[0]


def test_recording_from_a_lesson_never_raises(monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("anything at all")

    monkeypatch.setattr(progress, "_write_atomically", explode)
    assert progress.safely_record("quiz")
    w = walkthrough.walkthrough("PROC-SELLER-APP")
    while not w.at_end:
        w.controls["next"].click()
    assert "記録できません" in w.controls["label"].value
    game = quiz.quiz()
    for question in game.questions:
        game.answer(question.id, question.answer)


def test_in_the_browser_edition_no_lock_file_is_left_to_block_later_records(fresh_progress, monkeypatch):
    """Pyodide has no file locking; a soft lock file could outlive its kernel in the browser's storage."""
    monkeypatch.setattr(progress.sys, "platform", "emscripten")
    for n in range(3):
        assert progress.safely_record(f"exercise:{n}") is None
    assert sorted(p.name for p in fresh_progress.parent.iterdir()) == ["progress.json"]
    assert len(progress.load()[0]) == 3


def test_a_valid_file_in_a_folder_the_kit_cannot_write_is_still_read_and_shown(fresh_progress, monkeypatch):
    """An adversarial probe found it shown as empty: the lock file cannot be made there, so nothing was read."""
    progress.record("walkthrough:PROC-SELLER-APP")
    progress.record("quiz", {"score": 30, "total": 36})

    def read_only_folder(self, *args, **kwargs):
        raise PermissionError("read-only folder")

    import filelock

    monkeypatch.setattr(filelock.FileLock, "acquire", read_only_folder)
    items, message = progress.load()
    assert set(items) == {"walkthrough:PROC-SELLER-APP", "quiz"} and message == progress.READ_ONLY
    table = course.progress_table().text
    walked = data.say("course.progress.walkthroughs", done=1, total=1)
    assert progress.READ_ONLY in table and walked in table
    assert "書き込めない" in progress.safely_record("exercise:01-atoz-sunday")
    assert "exercise:01-atoz-sunday" not in progress.load()[0], "nothing new is written there"
