"""The bad-input catalogue (``support/bad_inputs.py``): messy input as people really type it, across every form, the
contact-log reader and the data loaders, each with its expected result or its Japanese message; and fuzzing showing
that the normalisers and validators raise nothing but ``ValueError``."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import contact_log, drafts, forms, hours
from helpers.core import questions
from support.bad_inputs import CATALOGUE, Err, H, facts_file, hours_file, japan_time, log, progress_file

JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龠]")


def in_any_zone(entry):
    """Japan time and the contact log's dates are judged again in another zone (the `zone` marker)."""
    name, function = entry[:2]
    return pytest.param(*entry, marks=pytest.mark.zone) if function is japan_time or name.startswith("log ") else entry


@pytest.mark.parametrize(
    "name, function, text, expected", [in_any_zone(c) for c in CATALOGUE], ids=[c[0] for c in CATALOGUE]
)
def test_catalogue(name, function, text, expected):
    if isinstance(expected, Err):
        with pytest.raises(ValueError) as info:
            function(text)
        message = str(info.value)
        assert expected.says in message and JAPANESE.search(message), message
        assert len(message) < 400, "messages stay short, and never repeat a long input"
    else:
        assert function(text) == expected


def test_catalogue_is_large_and_covers_every_kind_of_input():
    assert len(CATALOGUE) >= 50
    functions = {c[1] for c in CATALOGUE}
    for f in (
        forms.callback_number,
        forms.order_number,
        forms.card_last4,
        drafts.redact,
        log,
        facts_file,
        hours_file,
        japan_time,
        progress_file,
    ):
        assert f in functions


# ---------------------------------------------------------------- fuzzing

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow])
TYPED = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789０１２３４５６７８９+＋()（）:：時分-ー－—‐ 　\n\taあ📞"
            "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u202e\u00a0"
            "〇一二三九・/／.@＠\u2028\u2029\u034f\ufe0fDd"
        )
    )
)


@FUZZ
@given(text=st.one_of(st.text(), TYPED))
@pytest.mark.parametrize(
    "function",
    [
        forms.normalize,
        forms.callback_number,
        forms.order_number,
        forms.card_last4,
        hours.parse_time_of_day,
        drafts.redact,
    ],
)
def test_normalisers_and_validators_raise_only_value_error(function, text):
    try:
        function(text)
    except ValueError as exc:
        assert JAPANESE.search(str(exc))


FIELD = st.one_of(
    st.sampled_from(
        ["2026-11-27 10:05", "チャット", "電話", "5", "True", "はい", "", " ", '"', '""', "\r", "\n", "\x00", "<b>"]
    ),
    st.text(max_size=8),
)
ROWS = st.lists(st.lists(FIELD, max_size=9).map(",".join), max_size=8).map(lambda rows: H + "\n".join(rows))


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: (H + t).encode()),
        ROWS.map(str.encode),
        ROWS.map(lambda t: t.encode("cp932", "replace")),
    )
)
def test_contact_log_reader_raises_only_value_error(content):
    try:
        contact_log.read_log_bytes(content, "fuzz.csv")
    except ValueError as exc:
        assert JAPANESE.search(str(exc))


@given(path=st.one_of(st.text(max_size=300), st.none(), st.integers(), st.binary(max_size=40)))
def test_contact_log_paths_raise_only_value_error(path):
    try:
        contact_log.read_log(path)
    except ValueError as exc:
        assert JAPANESE.search(str(exc)) and len(str(exc)) < 200


@given(text=st.text(max_size=300))
@pytest.mark.parametrize("loader", [facts_file, hours_file])
def test_data_loaders_raise_only_value_error(loader, text):
    try:
        loader(text)
    except ValueError as exc:
        assert JAPANESE.search(str(exc))


@given(answer=st.text())
def test_exercise_checks_never_crash(answer):
    for q in questions.exercise_questions():
        assert questions.judge(q, answer).text
