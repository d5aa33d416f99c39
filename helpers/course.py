"""The course: the notebooks in the order of the manifest ``data/lessons.toml``, and what frames each lesson.

A notebook starts with ``lesson = course.lesson("03_seller_central")`` and then asks the handle for its
objectives, exercises, key points and the link to the next lesson; all of it comes from ``data/``. The progress
table (which walkthroughs, exercises and quiz each lesson has, and which are done) is put together here, on top of
the progress store, which knows nothing of lessons.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import quiz, records, redaction
from helpers.core import data, exchange, optional, progress, questions, registry
from helpers.core.cards import fact_ref
from helpers.core.clock import in_japan
from helpers.core.render import EMPTY, RichText, block, bullets, esc, join, link, para, status, strong, table
from helpers.core.view import View


def lessons() -> tuple[data.Lesson, ...]:
    """The lessons in the order a learner takes them."""
    return data.load_lessons()


def lesson(lesson_id: str) -> Lesson:
    """The handle of one lesson, by its id (the notebook's file name without ``.ipynb``)."""
    for index, record in enumerate(lessons()):
        if record.id == lesson_id:
            return Lesson(record, index)
    raise ValueError(
        f"「{lesson_id}」は data/lessons.toml にありません。"
        f"{' / '.join(r.id for r in lessons())} のどれかを指定してください。"
    )


class Lesson:
    """What frames one notebook: objectives, exercises, key points, how to answer, and where to go next."""

    def __init__(self, record: data.Lesson, index: int):
        self.record, self.index = record, index
        self.id, self.title, self.file = record.id, record.title, record.file

    def objectives(self) -> RichText:
        """How long the lesson takes, and what the learner will be able to do after it."""
        parts = [
            para(strong(data.say("course.minutes", minutes=self.record.minutes))),
            para(strong(data.say("course.objectives"))),
            bullets(self.record.objectives),
        ]
        if self.record.pandas and not optional.pandas_available():
            parts.append(optional.pandas_missing())
        return join(parts)

    def walkthroughs(self) -> tuple:
        """The lesson's walkthroughs, in the manifest's order: ``(seller_central,) = lesson.walkthroughs()``."""
        from helpers import walkthrough  # here: lessons without a walkthrough never load the phone-number library

        return tuple(walkthrough.walkthrough(procedure_id) for procedure_id in self.record.walkthroughs)

    def questions(self) -> tuple[data.Question, ...]:
        return tuple(q for q in questions.exercise_questions() if q.lesson == self.id)

    def exercises(self) -> tuple[questions.Exercise, ...]:
        """The lesson's exercises, in the order of ``data/exercises.toml``: ``q1, q2 = lesson.exercises()``."""
        return tuple(questions.Exercise(q) for q in self.questions())

    def how_to_answer(self) -> RichText:
        """How the exercises are answered with their buttons (the app shows only this)."""
        return para(data.say("course.how_to_answer", count=len(self.questions())))

    def how_to_answer_in_code(self) -> RichText:
        """How to answer in code cells instead (``q1.check("…")``): for JupyterLab, never shown in the app."""
        return para(data.say("course.answer_with_code"))

    def key_points(self) -> RichText:
        """What to do after the notebook, each with the facts it rests on (shown in full above) and their marks."""
        items = [
            join(
                [
                    strong(registry.registry().resolve(point.do, f"lessons.toml: {self.id}")),
                    block(
                        data.say("course.based_on") + ": ",
                        join([fact_ref(registry.get(f)) for f in point.facts], "、", "、"),
                        style="font-size:90%",
                    ),
                ],
                "",
                " ",
            )
            for point in self.record.key_points
        ]
        return join([para(strong(data.say("course.key_points"))), bullets(items)])

    def next(self) -> RichText:
        """The link to the next lesson of the manifest (or the end of the course)."""
        following = lessons()[self.index + 1] if self.index + 1 < len(lessons()) else None
        if following is None:
            return para(data.say("course.last_lesson"))
        return para(data.say("course.next"), " ", link(following.title, following.file))


def course_minutes() -> int:
    """The whole course's time in minutes, the optional appendix left out."""
    return sum(r.minutes for r in lessons() if not r.appendix)


def lesson_list() -> RichText:
    """The notebooks with links, minutes and summaries, and the whole course's time, from the manifest."""
    items = [
        join(
            [
                link(f"{r.id[:2]} {r.title}", r.file),
                data.say("course.list_minutes", minutes=r.minutes),
                " — ",
                r.summary,
            ],
            "",
            "",
        )
        for r in lessons()
    ]
    return join([bullets(items), para(strong(data.say("course.total", minutes=course_minutes())))])


def first_aid() -> RichText:
    """The way in for someone in trouble right now: a link to the lesson the manifest marks ``first_aid``."""
    record = next(r for r in lessons() if r.first_aid)
    return para(
        strong(data.say("course.first_aid")),
        " ",
        link(f"{record.id[:2]} {record.title}", record.file),
        data.say("course.list_minutes", minutes=record.minutes),
    )


def desk_name() -> RichText:
    """The one name the kit uses for the seller support desk, introduced once with its other names (DESK-NAMES)."""
    names = registry.get("DESK-NAMES").values
    return para(data.say("course.desk_name", **names), " ", fact_ref(registry.get("DESK-NAMES")))


# ---------------------------------------------------------------- progress, per lesson


def lesson_progress(record: data.Lesson, items: dict) -> str:
    """What is done in one lesson, e.g. "手順 1/1、練習問題 2/2": each of its views says what it records."""
    handle = lesson(record.id)
    parts = []
    for kind, views in (("walkthroughs", handle.walkthroughs()), ("exercises", handle.exercises())):
        if views:
            done = sum(view.progress_item in items for view in views)
            parts.append(data.say(f"course.progress.{kind}", done=done, total=len(views)))
    if record.quiz:
        entry = items.get(quiz.Quiz().progress_item)
        parts.append(
            data.say("course.progress.quiz", best=entry.get("best", 0), total=entry.get("total", "?"))
            if entry
            else data.say("course.progress.quiz_not_taken")
        )
    return "、".join(parts) or "—"


def progress_table(path: Path | None = None) -> RichText:
    """Per notebook, how many walkthroughs, exercises and quiz questions are done."""
    items, message = progress.load(path)
    rows = [(r.title, lesson_progress(r, items)) for r in lessons()]
    columns = [data.say("course.progress.columns.lesson"), data.say("course.progress.columns.done")]
    return join([para(message) if message else EMPTY, table(columns, rows)])


class ProgressView(View):
    """The progress table with a refresh button; its stored version never shows anyone's progress."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.shown = EMPTY

    def refresh(self) -> RichText:
        """Read the progress file again (other notebooks may have recorded since)."""
        self.shown = progress_table(self.path)
        self._refresh()
        return self.shown

    def _build(self):
        import ipywidgets as w

        view = w.HTML()
        button = w.Button(
            description=data.say("course.progress.refresh"),
            icon="refresh",
            tooltip=data.say("course.progress.refresh_tooltip"),
        )
        button.on_click(lambda _b: self.refresh())
        self.refresh()
        return w.VBox([view, button]), {"view": view, "refresh": button}

    def _render(self) -> None:
        self._controls["view"].value = self.shown.html

    def static(self) -> RichText:
        return para(data.say("course.progress.static"))


def progress_view(path: Path | None = None) -> ProgressView:
    """Build the progress widget for the start notebook."""
    return ProgressView(path)


# ---------------------------------------------------------------- the learner's record, and a class of them


def _day(done_at: str) -> str:
    """The Japan-time day of a recorded moment ("2026-12-02T09:30:00+09:00" → "2026-12-02")."""
    from datetime import datetime

    try:
        return in_japan(datetime.fromisoformat(done_at)).date().isoformat()
    except (TypeError, ValueError):
        return str(done_at)[:10]


def record_from_progress(document: dict, name: str | None = None) -> dict:
    """A learner record (``helpers.records``) from a progress document (``{"items": {...}}``) or its items: the
    lessons whose every walkthrough, exercise and quiz is done, each with the day its last one was, and the quiz.
    A phone number, e-mail address or card number in ``name`` is masked as in a case draft."""
    items = document.get("items", document) if isinstance(document, dict) else {}
    done = {}
    for record in lessons():
        handle = lesson(record.id)
        views = [*handle.walkthroughs(), *handle.exercises(), *([quiz.Quiz()] if record.quiz else [])]
        if views and all(view.progress_item in items for view in views):
            done[record.id] = max(_day(items[view.progress_item].get("done_at", "")) for view in views)
    entry = items.get(quiz.Quiz().progress_item)
    result = None
    if entry and isinstance(entry.get("score"), int) and isinstance(entry.get("total"), int):
        missed = [q for q in str(entry.get("missed", "")).split(",") if q]
        result = {
            "score": entry["score"],
            "total": entry["total"],
            "passed": 100 * entry["score"] >= quiz.pass_mark() * entry["total"],
            "missed": missed,
            "done_at": _day(entry.get("done_at", "")),
        }
    if isinstance(name, str):  # the record promises no phone number, e-mail address or card number, names included
        name = redaction.redact(name)
    return records.make(done, result, name)


def learner_record(name: str | None = None) -> dict:
    """The record the learner hands in, built from their progress now; ``name`` is an optional display name."""
    items, _message = progress.load()
    return record_from_progress(items, name)


def read_cohort(folder) -> records.Cohort:
    """Read a folder of learner records: ``.frame`` (one row per learner) and ``.rejected`` (file, reason)."""
    return records.read_folder(folder)


def class_cohort(folder=None) -> records.Cohort:
    """The class a trainer sees first. On the class's JupyterHub (``helpers.core.exchange``), every learner's
    progress as their servers sent it — nobody downloads or hands in anything; elsewhere, the records in
    ``folder`` (by default ``$KIT_COHORT_DIR``, else the sample class). A Japanese ``ValueError`` says what to do
    when neither can be read."""
    if folder is None and exchange.configured():
        learners = exchange.fetch_all()
        documents = {name: record_from_progress(document, name) for name, document in learners.items()}
        return records.from_documents(documents, data.say("records.hub"))
    return read_cohort(records.default_folder() if folder is None else folder)


def cohort_view(folder=None) -> records.CohortView:
    """The trainer's cohort view of ``class_cohort(folder)``: read again with its button, or of uploaded records."""
    return records.CohortView(folder, reader=lambda: class_cohort(folder))


def certificate(record: dict) -> str:
    """A printable certificate page (HTML) for a passed quiz: clearly the kit's, not Amazon's."""
    quiz_result = record["quiz"]
    fields = {
        "name": esc(record["name"] or data.say("course.record.no_name")),
        "day": esc(quiz_result["done_at"]),
        "score": quiz_result["score"],
        "total": quiz_result["total"],
        "version": esc(record["kit_version"]),
    }
    return data.say("course.record.certificate_html", **fields)


class RecordView(View):
    """Make the learner's record to hand in: an optional name, then a download link (and the certificate after a
    pass). Only what the record shows is in it; nothing is sent anywhere — the browser saves the file."""

    def __init__(self):
        self.name = ""
        self.record: dict | None = None
        self.message = EMPTY

    def make(self, name: str | None = None) -> dict:
        """Build the record from the progress now (the button)."""
        if name is not None:
            self.name = name
        self.record = learner_record(self.name)
        self._refresh()
        return self.record

    def rename(self, name: str) -> None:
        """The name field changed: a record already made is made again, so that the link always saves the name in
        the field (a name typed just before the click may reach the kernel after it)."""
        self.name = name
        if self.record is not None:
            self.make()

    def shown(self) -> RichText:
        if self.record is None:
            return para(data.say("course.record.prompt"))
        record = self.record
        payload = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        parts = [
            para(
                data.say(
                    "course.record.contains",
                    name=record["name"] or data.say("course.record.no_name"),
                    lessons=len(record["lessons"]),
                    quiz=data.say("course.record.quiz", score=record["quiz"]["score"], total=record["quiz"]["total"])
                    if record["quiz"]
                    else data.say("course.record.no_quiz"),
                )
            ),
            para(download(data.say("course.record.download"), RECORD_FILE, "application/json", payload)),
        ]
        if record["quiz"] and record["quiz"]["passed"]:
            page = certificate(record).encode("utf-8")
            parts.append(para(download(data.say("course.record.certificate"), CERTIFICATE_FILE, "text/html", page)))
        return status(join(parts))

    def _build(self):
        import ipywidgets as w

        name = w.Text(
            description=data.say("course.record.name_label"),
            placeholder=data.say("course.record.name_placeholder"),
            style={"description_width": "initial"},
        )
        name.observe(lambda change: self.rename(change["new"]), names="value")
        button = w.Button(
            description=data.say("course.record.make"),
            icon="file-text-o",
            tooltip=data.say("course.record.make_tooltip"),
        )
        button.on_click(lambda _b: self.make())
        view = w.HTML()
        return w.VBox([name, button, view]), {"name": name, "make": button, "view": view}

    def _render(self) -> None:
        self._controls["view"].value = self.shown().html

    def static(self) -> RichText:
        return para(data.say("course.record.static"))


RECORD_FILE = "kit-record.json"
CERTIFICATE_FILE = "kit-certificate.html"


def download(words: str, file: str, mime: str, content: bytes) -> RichText:
    """A link that saves ``content`` as ``file`` in the browser (a data: URL): the same in JupyterLab, the app and the
    browser edition, with nothing sent anywhere."""
    import base64

    href = f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"
    return RichText(
        f'<a download="{esc(file)}" href="{href}" style="text-decoration:underline">{esc(words)}</a>', words
    )


def record_view() -> RecordView:
    """Build the widget that makes the learner's record (and, after a pass, the certificate)."""
    return RecordView()
