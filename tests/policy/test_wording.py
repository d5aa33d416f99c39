"""One voice: the notebooks and every text of data/ use the terminology list's preferred forms."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

import pytest

from helpers.core import data
from support import read_notebook, stored_notebooks

RULES = data.load_vocabulary().terminology
SKIP_FIELDS = {"avoid", "prefer", "why", "aliases", "en", "kind", "id", "sources", "values", "also"}  # not prose
# a learner reads as the kit's own words: `also` lists the other names of a term, `values` are quoted into prose


def strings(value, field: str = ""):
    """Every string a learner may read in a record (recursively), with where it is."""
    if field in SKIP_FIELDS:
        return
    if isinstance(value, str):
        yield field, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name), f.name)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings(item, field if isinstance(key, str) and field else str(key))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item, field)


def data_texts():
    loaders = [
        data.load_facts,
        data.load_hours,
        data.load_phone_numbers,
        data.load_procedures,
        data.load_situations,
        data.load_lessons,
        data.load_quiz,
        data.load_exercises,
        data.load_glossary,
        data.load_channels,
    ]
    for loader in loaders:
        for record in loader():
            for field, text in strings(record):
                yield f"{loader.__name__.removeprefix('load_')}: {getattr(record, 'id', '')}.{field}", text
    for key, text in data.load_texts().items():
        yield f"texts: {key}", text
    vocabulary = data.load_vocabulary()
    for field in ("statuses", "badges", "handlers", "rules", "source_kinds", "plans", "channels"):
        for where, text in strings(getattr(vocabulary, field), field):
            yield f"vocabulary: {where}", text


def notebook_texts():
    for path in stored_notebooks():
        for n, cell in enumerate(read_notebook(path)["cells"]):
            if cell["cell_type"] == "markdown":
                yield f"{path.name} cell {n}", "".join(cell["source"])


def offences(texts):
    found = []
    for where, text in texts:
        for rule in RULES:
            match = re.search(rule.avoid, text)
            if match:
                found.append(f"{where}: 「{match.group()}」 → 「{rule.prefer}」（{rule.why}）")
    return found


def test_the_list_has_rules():
    assert len(RULES) >= 5 and all(rule.prefer and rule.avoid for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.prefer)
def test_a_rule_catches_what_it_names_and_spares_the_preferred_form(rule):
    assert not re.search(rule.avoid, rule.prefer), "the preferred form itself must pass"


def test_the_checker_finds_a_discouraged_form():
    assert offences([("sample", "ブラウザで開いて、今の時刻を確かめて下さい。")])
    assert not offences([("sample", "ブラウザーで開いて、いまの時刻を確かめてください。「今すぐ電話がほしい」今日")])


def test_data_uses_the_preferred_forms():
    found = offences(data_texts())
    assert not found, "\n".join(found)


def test_notebooks_use_the_preferred_forms():
    found = offences(notebook_texts())
    assert not found, "\n".join(found)
