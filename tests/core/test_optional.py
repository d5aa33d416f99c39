"""``helpers.core.optional``: without pandas (the browser edition offline), every view a pandas lesson shows says what
to do instead of raising, and the lesson's objectives say it first. Checked on the views themselves, with pandas and
numpy hidden in a fresh interpreter; the notebooks themselves run under nbval, with pandas."""

from __future__ import annotations

import json

import pytest

from helpers.core import data, optional
from support import without_pandas

PANDAS_LESSONS = [lesson.id for lesson in data.load_lessons() if lesson.pandas]

# Every view lessons 04 and 10 show (their code cells), by the name printed below.
VIEWS = r"""
from helpers import channels, contact_log, course
from helpers.core import optional
views = {f"{lesson}.objectives": lambda lesson=lesson: course.lesson(lesson).objectives() for lesson in LESSONS}
views |= {
    "channels.comparison_table": channels.comparison_table,
    "channels.constraints_table": channels.constraints_table,
    "channels.weights_table": channels.weights_table,
    "channels.recommender": lambda: channels.recommender().static(),
    "channels.ranking_table": lambda: channels.ranking_table(channels.rank(record=2, speed=1, nuance=0,
                                                                           cannot_phone_at_work=True)),
    "contact_log.template_table": contact_log.template_table,
    "contact_log.report": lambda: contact_log.report(contact_log.SAMPLE),
    "contact_log.uploader": lambda: contact_log.uploader().static(),
    "contact_log.uploader.show": lambda: contact_log.uploader().show([{"name": "log.csv", "content": b"x"}]),
}
shown = {"pandas_available": optional.pandas_available()}
for name, view in views.items():
    try:
        shown[name] = view().text
    except Exception as exc:
        shown[name] = f"raised {type(exc).__name__}: {exc}"
print(json.dumps(shown, ensure_ascii=False))
"""
# Views that need no pandas at all (the ranking is pure Python) and the widgets' static versions.
WITHOUT_PANDAS_ANYWAY = {"channels.recommender", "channels.ranking_table", "contact_log.uploader"}


@pytest.fixture(scope="module")
def shown_without_pandas() -> dict[str, str]:
    printed, loaded = without_pandas.run(f"import json\nLESSONS = {PANDAS_LESSONS!r}\n" + VIEWS)
    assert loaded == [], "nothing imported pandas or numpy"
    return json.loads(printed)


def test_without_pandas_the_kit_knows_it(shown_without_pandas):
    assert shown_without_pandas["pandas_available"] is False and PANDAS_LESSONS


def test_without_pandas_no_view_of_a_pandas_lesson_raises(shown_without_pandas):
    raised = {name: text for name, text in shown_without_pandas.items() if str(text).startswith("raised ")}
    assert raised == {}


def test_without_pandas_every_view_that_needs_it_says_what_to_do(shown_without_pandas):
    missing = data.say("course.pandas_missing")
    for name, text in shown_without_pandas.items():
        if name != "pandas_available":
            assert (missing in text) == (name not in WITHOUT_PANDAS_ANYWAY), name


def test_every_view_that_needs_pandas_in_the_pandas_lessons_modules_is_checked():
    """A new @needs_pandas view of channels or contact_log must be added to VIEWS above."""
    from helpers import channels, contact_log

    wrapper = optional.needs_pandas(lambda: None).__code__
    wrapped = {
        f"{module.__name__.removeprefix('helpers.')}.{name}"
        for module in (channels, contact_log)
        for name, value in vars(module).items()
        if getattr(value, "__code__", None) is wrapper and not name.startswith("_")
    }
    assert wrapped and wrapped <= {line.split('"')[1] for line in VIEWS.splitlines() if line.startswith('    "')}


# ---------------------------------------------------------------- the decorator itself


@pytest.mark.parametrize("name", optional.NEEDED)
def test_a_view_that_finds_no_pandas_shows_what_to_do(name):
    def view():
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    assert optional.needs_pandas(view)().text == optional.pandas_missing().text == data.say("course.pandas_missing")


def test_any_other_missing_module_is_not_hidden():
    def view():
        raise ModuleNotFoundError("No module named 'something_else'", name="something_else")

    with pytest.raises(ModuleNotFoundError):
        optional.needs_pandas(view)()


def test_with_pandas_a_view_is_itself():
    assert optional.pandas_available() and optional.needs_pandas(lambda: "shown")() == "shown"
