"""Learner records: the small file a learner hands in to a trainer, and a folder of them read as one table.

A record is JSON (``SCHEMA``, ``VERSION`` 1) and holds nothing but this::

    {"schema": "amazon-seller-support-kit/learner-record", "version": 1, "kit_version": "0.1.0",
     "name": "練習 花子",                      # optional: a display name the learner typed, or null
     "created_at": "2026-12-02",               # the day it was saved (Japan time)
     "lessons": {"01_when_to_contact": "2026-12-01", ...},    # lessons done, with the day each was finished
     "quiz": {"score": 30, "total": 36, "passed": true, "missed": ["Q05"], "done_at": "2026-12-02"}}   # or null

No typed answers, drafts, phone or card numbers ever go into it. ``helpers.course.learner_record`` builds one from
the learner's progress; ``read_folder`` (``helpers.course.read_cohort``) reads a trainer's folder of them.

Records come from the wild, so they are data nobody trusts: a file that is not JSON, truncated, too big, of
another schema or version, with a field of the wrong kind, or the same learner twice is refused with its reason in
Japanese — never a traceback — and a name is kept as text (control characters removed, 40 characters at most), so
that markup in it is shown, never run. Reading is one pass over the files and one DataFrame at the end.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from helpers.core import data
from helpers.core.optional import needs_pandas
from helpers.core.render import EMPTY, PALETTE, RichText, alert, bullets, join, para, shown_name, span, strong, styled
from helpers.core.view import View

SCHEMA = "amazon-seller-support-kit/learner-record"
VERSION = 1
MAX_BYTES = 64_000  # a real record is well under 2 KB
NAME_MAX = 40
MAX_FILES = 5_000
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
QUESTION_ID = re.compile(r"[A-Za-z0-9-]{1,20}")


def kit_version() -> str:
    """The kit's version, from its installed metadata (the same in the desktop kit and the browser edition)."""
    from importlib import metadata

    try:
        return metadata.version("amazon-seller-support-kit")
    except metadata.PackageNotFoundError:
        return "0"


def clean_name(name) -> str | None:
    """A display name as the kit keeps it: text only, no control or invisible characters, spaces folded,
    at most 40 characters; None when nothing is left."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise ValueError("名前は文字で入力してください。")
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in name
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") or ch.isspace()
    )
    kept = " ".join(kept.split())
    return kept[:NAME_MAX] or None


def make(lessons: dict[str, str], quiz: dict | None, name=None, today: date | None = None) -> dict:
    """A record from the lessons done (id → day) and the quiz's result (or None); ``today`` in Japan time."""
    from helpers.core.clock import now_in_japan

    return {
        "schema": SCHEMA,
        "version": VERSION,
        "kit_version": kit_version(),
        "name": clean_name(name),
        "created_at": (today or now_in_japan().date()).isoformat(),
        "lessons": dict(lessons),
        "quiz": quiz,
    }


def problem(document) -> str | None:
    """What makes a document not a record of this kit (in Japanese), or None."""
    if not isinstance(document, dict):
        return data.say("records.not_a_record")
    if document.get("schema") != SCHEMA:
        return data.say("records.not_a_record")
    if document.get("version") != VERSION:
        return data.say("records.other_version", version=shown_name(str(document.get("version"))), expected=VERSION)
    name = document.get("name")
    if name is not None and not isinstance(name, str):
        return data.say("records.bad_field", field="name")
    lessons = document.get("lessons")
    if (
        not isinstance(lessons, dict)
        or len(lessons) > 200
        or not all(isinstance(k, str) and isinstance(v, str) and DAY.fullmatch(v) for k, v in lessons.items())
    ):
        return data.say("records.bad_field", field="lessons")
    quiz = document.get("quiz")
    if quiz is not None:
        numbers = [quiz.get(k) if isinstance(quiz, dict) else None for k in ("score", "total")]
        if not (
            isinstance(quiz, dict)
            and all(isinstance(n, int) and not isinstance(n, bool) for n in numbers)
            and 0 <= numbers[0] <= numbers[1] <= 1000
            and isinstance(quiz.get("passed"), bool)
            and isinstance(quiz.get("missed"), list)
            and len(quiz["missed"]) <= numbers[1]
            and all(isinstance(q, str) and QUESTION_ID.fullmatch(q) for q in quiz["missed"])
            and isinstance(quiz.get("done_at"), str)
            and DAY.fullmatch(quiz["done_at"])
        ):
            return data.say("records.bad_field", field="quiz")
    return None


@dataclasses.dataclass(frozen=True)
class Cohort:
    """A class read from records: ``frame`` has one row per learner, ``rejected`` each refused file and why."""

    frame: object
    rejected: object
    source: str

    def summary(self) -> RichText:
        text = data.say("records.summary", source=self.source, read=len(self.frame), rejected=len(self.rejected))
        return para(text)


def _read_one(name: str, content: bytes):
    """(row, None) for a good record, (None, reason) otherwise."""
    if len(content) > MAX_BYTES:
        return None, data.say("records.too_big", limit=MAX_BYTES // 1000)
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, data.say("records.not_utf8")
    except (ValueError, RecursionError):
        return None, data.say("records.not_json")
    reason = problem(document)
    if reason:
        return None, reason
    return document, None


def _frames(named) -> tuple:
    """Read records given as (file name, bytes) pairs — an upload, or a folder's files: (frame, rejected)."""
    import pandas as pd

    lesson_ids = [lesson.id for lesson in data.load_lessons()]
    rows, rejected, seen = [], [], {}
    for file, content in named:
        shown = shown_name(file)
        document, reason = _read_one(file, content)
        if document is not None:
            name = clean_name(document["name"]) or shown.rsplit(".", 1)[0]
            identity = name.casefold()
            if identity in seen:
                document, reason = None, data.say("records.duplicate", other=seen[identity])
            else:
                seen[identity] = shown
        if document is None:
            rejected.append({"file": shown, "reason": reason})
            continue
        quiz = document["quiz"] or {}
        done = document["lessons"]
        rows.append(
            {
                "name": name,
                "file": shown,
                "kit_version": str(document.get("kit_version", ""))[:20],
                **{lesson: done.get(lesson) for lesson in lesson_ids},
                "quiz_score": quiz.get("score"),
                "quiz_total": quiz.get("total"),
                "passed": quiz.get("passed", False),
                "missed": tuple(quiz.get("missed", ())),
                "started": bool(done) or bool(quiz),
            }
        )
    columns = ["name", "file", "kit_version", *lesson_ids, "quiz_score", "quiz_total", "passed", "missed", "started"]
    frame = pd.DataFrame(rows, columns=columns).astype({"quiz_score": float, "quiz_total": float})
    frame["quiz_percent"] = (100 * frame["quiz_score"] / frame["quiz_total"]).round()
    return frame, pd.DataFrame(rejected, columns=["file", "reason"])


def read_folder(folder) -> Cohort:
    """Read every ``*.json`` file of a folder (not its subfolders) as a learner record.

    A folder that does not exist or is not a folder is a Japanese ``ValueError``; a file that is not a record is
    refused with its reason in ``rejected``.
    """
    import os

    path = Path(folder)
    if not path.is_dir():
        raise ValueError(data.say("records.no_folder", folder=shown_name(str(folder))))
    with os.scandir(path) as entries:
        files = sorted(e.name for e in entries if e.name.lower().endswith(".json") and e.is_file())[:MAX_FILES]

    def contents():
        for name in files:
            try:
                with open(os.path.join(path, name), "rb") as handle:
                    yield name, handle.read(MAX_BYTES + 1)
            except OSError:
                yield name, b"\0"  # refused below as not JSON: unreadable

    frame, rejected = _frames(contents())
    return Cohort(frame, rejected, data.say("records.folder", folder=shown_name(path.name or str(path))))


def read_uploads(files) -> Cohort:
    """Read the records a trainer uploaded (ipywidgets' upload dicts)."""
    frame, rejected = _frames((f["name"], bytes(f["content"])) for f in files)
    return Cohort(frame, rejected, data.say("records.uploaded"))


def from_documents(documents: dict[str, dict], source: str) -> Cohort:
    """Read records already in memory, by name (the class's hub hands them over), checked like files."""
    named = (
        (f"{name}.json", json.dumps(document, ensure_ascii=False).encode("utf-8"))
        for name, document in documents.items()
    )
    frame, rejected = _frames(named)
    return Cohort(frame, rejected, source)


# ---------------------------------------------------------------- what the trainer sees


def lesson_columns() -> dict[str, str]:
    """The lessons that can be finished (they have something to record), with their titles."""
    return {
        lesson.id: lesson.title
        for lesson in data.load_lessons()
        if lesson.walkthroughs or lesson.quiz or any(q.lesson == lesson.id for q in data.load_exercises())
    }


def lesson_mark(lesson_id: str) -> str:
    """A lesson's number as a column head: ① for 01 (two digits in a row of heads would read like a phone number)."""
    number = int(lesson_id[:2])
    return chr(0x2460 + number - 1) if 1 <= number <= 20 else lesson_id[:2]


@needs_pandas
def completion_table(cohort: Cohort) -> RichText:
    """Who has done which lesson: one row per learner, a mark and the day for each lesson done."""
    import pandas as pd

    frame = cohort.frame
    if frame.empty:
        return para(data.say("records.empty"))
    lessons = lesson_columns()
    done, todo = data.say("records.done_mark"), data.say("records.todo_mark")
    shown = pd.DataFrame(
        {
            lesson_mark(lesson): [
                f"{done} {day[5:].replace('-', '/')}" if isinstance(day, str) else todo for day in frame[lesson]
            ]
            for lesson in lessons
        }
    )
    shown.insert(0, data.say("records.columns.name"), frame["name"].tolist())
    shown[data.say("records.columns.quiz")] = [
        f"{int(s)}/{int(t)}（{data.say('records.passed') if p else data.say('records.not_passed')}）"
        if s == s
        else todo
        for s, t, p in zip(frame["quiz_score"], frame["quiz_total"], frame["passed"])
    ]
    css = shown.map(
        lambda v: (
            f"background-color:{PALETTE['good_bg']};color:{PALETTE['text']}"
            if isinstance(v, str) and (v.startswith(done) or v.endswith(f"（{data.say('records.passed')}）"))
            else ""
        )
    )
    styler = shown.style.set_uuid("cohort").apply(lambda _: css, axis=None)
    legend = "、".join(f"{lesson_mark(lesson)} {title}" for lesson, title in lessons.items())
    return join(
        [
            styled(styler, caption=data.say("records.completion_caption"), hide_index=True),
            para(span(legend, style="font-size:90%")),
        ]
    )


@needs_pandas
def score_chart(cohort: Cohort) -> RichText:
    """The quiz scores as a bar chart (learners per band of 10 %) with the pass mark, and the pass rate."""
    import pandas as pd

    taken = cohort.frame.dropna(subset=["quiz_percent"])
    if taken.empty:
        return para(data.say("records.no_quiz"))
    mark = next(lesson.pass_mark for lesson in data.load_lessons() if lesson.quiz)
    bands = list(range(0, 100, 10))
    counts = [
        int(((taken["quiz_percent"] >= low) & ((taken["quiz_percent"] < low + 10) | (low == 90))).sum())
        for low in bands
    ]
    label = data.say("records.columns.band")
    chart = pd.DataFrame(
        {
            label: [f"{low}〜{low + 9 if low < 90 else 100}%" for low in bands],
            data.say("records.columns.learners"): counts,
            data.say("records.columns.pass_band"): [
                data.say("records.pass_band") if low >= mark else "" for low in bands
            ],
        }
    )
    styler = chart.style.set_uuid("scores").bar(
        subset=[data.say("records.columns.learners")], color=PALETTE["bar_count"], vmin=0, props="width:14em;"
    )
    passed = int(taken["passed"].sum())
    rate = data.say(
        "records.pass_rate", passed=passed, taken=len(taken), percent=round(100 * passed / len(taken)), mark=mark
    )
    return join(
        [styled(styler, caption=data.say("records.chart_caption", mark=mark), hide_index=True), para(strong(rate))]
    )


def missed_questions(cohort: Cohort, top: int = 5) -> RichText:
    """The quiz questions missed most, with the lesson to revisit for each."""
    from collections import Counter

    from helpers.core import questions

    counts = Counter(q for missed in cohort.frame["missed"] for q in missed)
    if not counts:
        return para(data.say("records.none_missed"))
    asked = {q.id: q for q in questions.quiz_questions()}
    titles = {lesson.id: lesson.title for lesson in data.load_lessons()}
    items = [
        data.say("records.missed_line", n=n, question=asked[q].question, lesson=titles.get(asked[q].lesson, ""))
        for q, n in counts.most_common()
        if q in asked
    ][:top]
    return join([para(strong(data.say("records.missed_heading"))), bullets(items)])


def not_started(cohort: Cohort) -> RichText:
    """Who has not started: no lesson done, no quiz."""
    names = cohort.frame.loc[~cohort.frame["started"], "name"].tolist()
    if not names:
        return para(data.say("records.everyone_started"))
    return join([para(strong(data.say("records.not_started_heading", n=len(names)))), bullets(names)])


def rejected_view(cohort: Cohort) -> RichText:
    if cohort.rejected.empty:
        return EMPTY
    items = [f"{row.file}: {row.reason}" for row in cohort.rejected.itertuples()]
    return join([para(strong(data.say("records.rejected_heading", n=len(items)))), bullets(items)])


def report(cohort: Cohort) -> RichText:
    """Everything a trainer reads about a class, in the order they read it."""
    return join(
        [
            cohort.summary(),
            rejected_view(cohort),
            completion_table(cohort),
            score_chart(cohort),
            missed_questions(cohort),
            not_started(cohort),
        ]
    )


SAMPLE = data.DATA_DIR / "sample_cohort"
ENV = "KIT_COHORT_DIR"


def default_folder() -> Path:
    """The folder the cohort view reads first: ``$KIT_COHORT_DIR``, else the sample class of invented learners."""
    import os

    return Path(os.environ[ENV]) if os.environ.get(ENV) else SAMPLE


class CohortView(View):
    """The trainer's view of a class: the report of what ``reader`` returns (by default the records in ``folder``,
    else ``default_folder()``), read again with a button, or of the records the trainer uploads."""

    def __init__(self, folder=None, reader=None):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.reader = reader or (lambda: read_folder(self.folder))
        self.shown = EMPTY

    def read(self) -> RichText:
        """Read the class again and show its report (or what to do when it cannot be read)."""
        try:
            self.shown = report(self.reader())
        except ValueError as exc:
            self.shown = alert(str(exc))
        self._refresh()
        return self.shown

    def upload(self, files) -> RichText:
        """Show the report of the uploaded records (they stay in this notebook's memory only)."""
        if files:
            self.shown = report(read_uploads(files))
            self._refresh()
        return self.shown

    def _build(self):
        import ipywidgets as w

        reload = w.Button(
            description=data.say("records.reload_button"),
            icon="refresh",
            tooltip=data.say("records.reload_tooltip"),
            layout=w.Layout(width="auto"),
        )
        reload.on_click(lambda _button: self.read())
        upload = w.FileUpload(
            accept=".json",
            multiple=True,
            description=data.say("records.upload_button"),
            tooltip=data.say("records.upload_tooltip"),
            layout=w.Layout(width="auto"),
        )
        upload.observe(lambda change: self.upload(change["new"]), names="value")
        view = w.HTML()
        if self.shown is EMPTY:
            self.read()
        return w.VBox([w.HBox([reload, upload]), view]), {"reload": reload, "upload": upload, "view": view}

    def _render(self) -> None:
        self._controls["view"].value = self.shown.html

    def static(self) -> RichText:
        return self.shown if self.shown is not EMPTY else self.read()
