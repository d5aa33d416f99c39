"""The learner's record (what is in it, and nothing else), the certificate, and a class of records from the wild."""

from __future__ import annotations

import json

import pytest

from helpers import course, quiz, records
from helpers.core import data, progress


def finish(lesson_id: str) -> None:
    handle = course.lesson(lesson_id)
    for view in [*handle.walkthroughs(), *handle.exercises()]:
        progress.record(view.progress_item)


def sit_quiz(right: int) -> quiz.Quiz:
    game = quiz.quiz()
    for n, q in enumerate(game.questions):
        game.answer(q.id, q.answer if n < right else (q.answer + 1) % len(q.options))
    return game


# ---------------------------------------------------------------- the record


@pytest.mark.zone
def test_a_record_holds_the_lessons_done_with_their_days_and_the_quiz_and_nothing_else(fresh_progress):
    finish("03_seller_central")
    game = sit_quiz(len(quiz.quiz().questions) - 1)
    record = course.learner_record("練習 花子")
    assert set(record) == {"schema", "version", "kit_version", "name", "created_at", "lessons", "quiz"}
    assert record["schema"] == records.SCHEMA and record["version"] == records.VERSION
    assert record["kit_version"] == records.kit_version() and record["name"] == "練習 花子"
    assert set(record["lessons"]) == {"03_seller_central", "09_final_quiz"}
    assert set(record["quiz"]) == {"score", "total", "passed", "missed", "done_at"}
    assert record["quiz"]["score"] == game.score and record["quiz"]["missed"] == list(game.missed)
    assert record["quiz"]["passed"] == game.passed
    assert records.problem(record) is None


@pytest.mark.zone
def test_a_lesson_is_done_only_when_every_item_of_it_is(fresh_progress):
    handle = course.lesson("03_seller_central")
    progress.record(handle.walkthroughs()[0].progress_item)
    assert "03_seller_central" not in course.learner_record()["lessons"]
    finish("03_seller_central")
    assert "03_seller_central" in course.learner_record()["lessons"]


def test_nothing_the_learner_typed_gets_into_the_record(fresh_progress):
    """Typed answers, drafts, phone and card numbers stay in the notebook's memory."""
    from helpers import walkthrough

    w = walkthrough.walkthrough("PROC-BUYER-PHONE")
    w.check_phone("080-3333-4444")
    q = course.lesson("07_buyer").exercises()[0]
    q.check("70-5555-6666")
    text = json.dumps(course.learner_record(), ensure_ascii=False)
    for typed in ("3333", "5555", "4444", "6666"):
        assert typed not in text


def test_a_phone_number_or_an_e_mail_address_typed_as_the_name_is_masked(fresh_progress):
    record = course.learner_record("花子 090-8765-4321 hanako.private@example.com")
    assert record["name"] == "花子 ［電話番号］ ［メールアドレス］"


def test_an_empty_or_strange_name_is_kept_as_plain_text():
    assert records.clean_name("  ") is None and records.clean_name(None) is None
    assert records.clean_name("練習\u200b 花子\n") == "練習 花子"
    assert len(records.clean_name("あ" * 100)) == records.NAME_MAX
    with pytest.raises(ValueError, match="名前"):
        records.clean_name(123)


@pytest.mark.zone
def test_the_record_view_makes_a_download_and_a_certificate_only_after_a_pass(fresh_progress):
    view = course.record_view()
    view.controls["name"].value = "練習 <b>花子</b>"
    view.controls["make"].click()
    shown = view.controls["view"].value
    assert f'download="{course.RECORD_FILE}"' in shown and course.CERTIFICATE_FILE not in shown
    sit_quiz(len(quiz.quiz().questions))
    view.controls["make"].click()
    shown = view.controls["view"].value
    assert f'download="{course.CERTIFICATE_FILE}"' in shown and "<b>花子" not in shown
    assert "名前「練習 &lt;b&gt;花子&lt;/b&gt;」" in shown, "the name the record holds, shown escaped"
    page = course.certificate(view.record)
    assert "&lt;b&gt;花子" in page and "Amazon が発行したものではなく" in page and records.kit_version() in page


def test_a_name_changed_after_the_record_was_made_is_in_the_record(fresh_progress):
    """A name typed just before 「記録を作る」 may reach the kernel after the click: the record follows the field."""
    view = course.record_view()
    view.controls["name"].value = "練習 花"
    view.controls["make"].click()
    view.controls["name"].value = "練習 花子"
    assert view.record["name"] == "練習 花子" and "名前「練習 花子」" in view.controls["view"].value
    view.controls["name"].value = ""
    assert view.record["name"] is None and data.say("course.record.no_name") in view.controls["view"].value


@pytest.mark.zone
def test_a_record_made_on_the_hub_from_a_progress_document_is_the_same_record(fresh_progress):
    finish("01_when_to_contact")
    document = json.loads(fresh_progress.read_text(encoding="utf-8"))
    assert course.record_from_progress(document, "x")["lessons"] == course.learner_record("x")["lessons"]


# ---------------------------------------------------------------- a class of records from the wild


def good(name="練習 花子", **changes) -> dict:
    record = records.make(
        {"01_when_to_contact": "2026-11-20"},
        {"score": 30, "total": 36, "passed": True, "missed": ["Q05"], "done_at": "2026-11-21"},
        name,
    )
    record.update(changes)
    return record


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=False).encode())
    return path


@pytest.mark.parametrize(
    "content, says",
    [
        (b"not json at all", "JSON として読めません"),
        (json.dumps(good()).encode()[:-20], "JSON として読めません"),  # truncated
        (b"{" + b" " * (records.MAX_BYTES + 10) + b"}", "大きすぎます"),  # huge
        (json.dumps(good(version=2)).encode(), "版が違います"),  # another version
        (json.dumps({"hello": "world"}).encode(), "このキットの記録ではありません"),  # another schema
        (json.dumps(good(lessons=["01"])).encode(), "「lessons」"),
        (
            json.dumps(
                good(quiz={"score": 40, "total": 36, "passed": True, "missed": [], "done_at": "2026-11-21"})
            ).encode(),
            "「quiz」",
        ),
        ("練習".encode("cp932"), "UTF-8 ではありません"),
        (b"[" * 100_000, "大きすぎます"),
        (b"[" * 5_000 + b"]" * 5_000, "JSON として読めません"),  # nested too deep
    ],
)
def test_a_file_that_is_not_a_good_record_is_refused_with_its_reason(tmp_path, content, says):
    write(tmp_path, "ok.json", good("練習 太郎"))
    write(tmp_path, "bad.json", content)
    cohort = course.read_cohort(tmp_path)
    assert cohort.frame["name"].tolist() == ["練習 太郎"]
    assert cohort.rejected["file"].tolist() == ["bad.json"] and says in cohort.rejected["reason"].iloc[0]


def test_the_same_learner_twice_is_refused_naming_the_other_file(tmp_path):
    write(tmp_path, "a.json", good())
    write(tmp_path, "b.json", good())
    cohort = course.read_cohort(tmp_path)
    assert len(cohort.frame) == 1 and "a.json" in cohort.rejected["reason"].iloc[0]


def test_markup_in_a_name_or_a_file_name_is_shown_not_run(tmp_path):
    write(tmp_path, "<script>.json", good('<img src=x onerror="alert(1)">'))
    cohort = course.read_cohort(tmp_path)
    shown = records.report(cohort).html
    assert "<img" not in shown and "&lt;img" in shown and "<script>" not in shown


def test_a_folder_that_is_not_there_is_a_japanese_value_error(tmp_path):
    with pytest.raises(ValueError, match="フォルダー"):
        course.read_cohort(tmp_path / "nothing")
    with pytest.raises(ValueError, match="フォルダー"):
        course.read_cohort(write(tmp_path, "a.json", good()))


def test_the_sample_class_is_invented_and_what_the_kit_writes(tmp_path):
    from tools import sample_cohort

    stored = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in records.SAMPLE.glob("*.json")}
    assert stored == sample_cohort.records(), "run `python3 -m tools.sample_cohort`"
    assert all(r["name"].startswith(("練習", "見本")) for r in stored.values())
    cohort = course.read_cohort(records.SAMPLE)
    assert cohort.rejected.empty and len(cohort.frame) == len(stored)


def test_the_report_shows_completion_the_score_chart_the_questions_missed_and_who_has_not_started():
    cohort = course.read_cohort(records.SAMPLE)
    shown = records.report(cohort).text
    for key in ("completion_caption", "missed_heading"):
        assert data.say(f"records.{key}") in shown
    assert data.say("records.chart_caption", mark=quiz.pass_mark()) in shown
    assert "合格率" in shown and data.say("records.not_started_heading", n=1) in shown


def test_the_cohort_view_reads_kit_cohort_dir_and_takes_uploads(tmp_path, monkeypatch):
    write(tmp_path, "a.json", good("練習 一郎"))
    monkeypatch.setenv(records.ENV, str(tmp_path))
    view = records.CohortView()
    assert "練習 一郎" in view.controls["view"].value
    upload = [
        {"name": "b.json", "content": json.dumps(good("練習 二郎")).encode()},
        {"name": "c.json", "content": b"oops"},
    ]
    view.upload(upload)
    assert "練習 二郎" in view.controls["view"].value and "c.json" in view.controls["view"].value


def test_a_class_before_anyone_took_the_quiz_shows_who_did_what_and_no_chart(tmp_path):
    write(tmp_path, "a.json", good("練習 一郎", quiz=None))
    write(tmp_path, "b.json", good("練習 二郎", lessons={}, quiz=None))
    shown = records.report(course.read_cohort(tmp_path)).text
    assert data.say("records.no_quiz") in shown and data.say("records.not_started_heading", n=1) in shown


# ---------------------------------------------------------------- the class on the hub


def on_the_hub(monkeypatch, learners):
    """The class's hub as the trainer's server sees it: the exchange answers with these progress documents."""
    from helpers.core import exchange

    monkeypatch.setattr(exchange, "configured", lambda: True)
    monkeypatch.setattr(exchange, "fetch_all", lambda: learners() if callable(learners) else learners)


@pytest.mark.zone
def test_on_the_hub_the_class_is_every_learners_progress_and_the_button_reads_it_again(monkeypatch):
    handle = course.lesson("03_seller_central")
    lesson_done = {
        view.progress_item: {"done_at": "2026-12-02T10:00:00+09:00"}
        for view in [*handle.walkthroughs(), *handle.exercises()]
    }
    first = handle.walkthroughs()[0].progress_item
    class_now = {"hub1": {"version": 1, "items": {first: lesson_done[first]}}, "hub2": {"version": 1, "items": {}}}
    on_the_hub(monkeypatch, lambda: class_now)
    cohort = course.class_cohort()
    assert cohort.frame["name"].tolist() == ["hub1", "hub2"] and cohort.rejected.empty
    assert cohort.frame["03_seller_central"].isna().all(), "a lesson is done only when all of it is"
    assert data.say("records.hub") in records.report(cohort).text

    view = course.cohort_view()
    assert "hub2" in view.controls["view"].value
    class_now["hub1"]["items"] = lesson_done
    view.controls["reload"].click()
    assert course.class_cohort().frame.set_index("name").loc["hub1", "03_seller_central"] == "2026-12-02"
    assert "✓ 12/02" in view.controls["view"].value


def test_on_the_hub_an_unreachable_exchange_is_a_japanese_message_in_the_view(monkeypatch):
    from helpers.core import exchange

    def refuse():
        raise exchange.Unavailable("研修用のハブにつながりませんでした。")

    on_the_hub(monkeypatch, refuse)
    with pytest.raises(ValueError, match="ハブ"):
        course.class_cohort()
    view = course.cohort_view()
    assert "研修用のハブにつながりませんでした" in view.static().html and "Traceback" not in view.static().text


def test_off_the_hub_the_class_is_the_folder_or_the_sample(tmp_path, monkeypatch):
    monkeypatch.delenv(records.ENV, raising=False)
    assert len(course.class_cohort().frame) == len(list(records.SAMPLE.glob("*.json")))
    write(tmp_path, "a.json", good("練習 一郎"))
    assert course.class_cohort(tmp_path).frame["name"].tolist() == ["練習 一郎"]
