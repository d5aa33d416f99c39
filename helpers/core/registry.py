"""The fact registry: every fact-bearing record of ``data/`` by id, with every cross-reference checked.

A record is reachable by its FACTS.md id (``get("SC-SMALL")``). Texts may name a record's value as
``{ID.path}`` (``{PROC-SELLER-CENTRAL.first_label.ja}``, ``{E164.values.example_domestic}``); ``resolve()``
fills them in, so a question or an explanation moves with the fact it quotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from helpers.core import data

TEMPLATE = re.compile(r"\{([A-Za-z][A-Za-z0-9-]*)((?:\.[A-Za-z0-9_]+)*)\}")
JOINER = "・"


class Registry:
    """Records by id, built from named files of records; duplicate ids and dangling references are refused."""

    def __init__(self, files: Mapping[str, Iterable[Any]], names: Mapping[str, Any] | None = None):
        """``files``: records by file name; ``names``: other things texts may quote (``{vocabulary.…}``)."""
        self._names = dict(names or {})
        self._records: dict[str, Any] = {}
        origin: dict[str, str] = {}
        for file, records in files.items():
            for record in records:
                if record.id in self._records:
                    raise ValueError(
                        f"id 「{record.id}」 が {origin[record.id]} と {file} の両方にあります。"
                        "どちらかの id を変えてください。"
                    )
                self._records[record.id] = record
                origin[record.id] = file

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._records

    def __iter__(self):
        return iter(self._records.values())

    def get(self, record_id: str):
        """Return the record with this id."""
        try:
            return self._records[record_id]
        except KeyError:
            raise KeyError(f"id 「{record_id}」 の情報はありません。") from None

    def check_references(self, references: Iterable[tuple[str, str, str]]) -> None:
        """Refuse any (file, record id, referenced id) whose referenced id is not in the registry."""
        for file, record_id, ref in references:
            if ref not in self._records:
                raise ValueError(
                    f"{file}: レコード {record_id}: 参照している id 「{ref}」 が data/ のどこにもありません。"
                )

    def resolve(self, text: str, where: str = "") -> str:
        """Fill in every ``{ID.path}`` of ``text`` with the value it names; refuse a reference that leads nowhere."""

        def value(match: re.Match) -> str:
            root, path = match[1], [p for p in match[2].split(".") if p]
            found: Any = self._records.get(root, self._names.get(root, _MISSING))
            if found is _MISSING:
                raise ValueError(f"{where}: 「{match[0]}」 の id 「{root}」 が data/ のどこにもありません。")
            for part in path:
                found = _step(found, part)
                if found is _MISSING:
                    raise ValueError(f"{where}: 「{match[0]}」 の 「{part}」 がありません。")
            if isinstance(found, tuple) and all(isinstance(v, str) for v in found):
                return JOINER.join(found)
            if isinstance(found, (str, int)) and not isinstance(found, bool):
                return str(found)
            raise ValueError(f"{where}: 「{match[0]}」 は文字か数ではありません。もっと先まで書いてください。")

        return TEMPLATE.sub(value, text)


_MISSING = object()


def _step(found: Any, part: str) -> Any:
    if isinstance(found, Mapping):
        return found.get(part, _MISSING)
    if isinstance(found, tuple):
        return found[int(part)] if part.isdigit() and int(part) < len(found) else _MISSING
    if part.startswith("_"):
        return _MISSING
    return getattr(found, part, _MISSING)


def situation_references(situation: data.Situation) -> list[str]:
    """The fact ids a situation's card and steps rest on."""
    parts = [
        situation.first_screen,
        situation.who,
        situation.deadline,
        situation.phone,
        *situation.prepare,
        *situation.dont,
        *situation.steps,
    ]
    return list(situation.facts) + [ref for part in parts for ref in part.facts]


def references(procedures, questions, lessons, situations=(), glossary=()) -> list[tuple[str, str, str]]:
    """Every (file, record id, referenced id) the data makes outside its own record."""
    found = []
    for procedure in procedures:
        refs = list(procedure.facts) + [rule.fact for rule in procedure.rules]
        for step in procedure.steps:
            refs += list(step.facts) + [m.procedure for m in step.methods if m.procedure]
        found += [("procedures.toml", procedure.id, ref) for ref in refs]
    found += [(file, q.id, ref) for file, q in questions for ref in q.facts]
    for lesson in lessons:
        refs = [ref for point in lesson.key_points for ref in point.facts] + list(lesson.walkthroughs)
        found += [("lessons.toml", lesson.id, ref) for ref in refs]
    for situation in situations:
        found += [("situations.toml", situation.id, ref) for ref in situation_references(situation)]
    found += [("glossary.toml", term.term, term.fact) for term in glossary]
    return found


# How far a status is from "take it as it is": a procedure is shown no milder than its steps' facts.
SEVERITY = {"confirmed": 0, "article": 1, "changed": 2, "unverified": 3}


def status_of(record, reg: Registry | None = None) -> str:
    """The status the learner sees: a procedure's own, or the worst of its steps' facts if that is worse."""
    steps = getattr(record, "steps", None)
    if not steps or not isinstance(steps[0], data.Step):
        return record.status
    reg = reg or registry()
    statuses = [record.status] + [reg.get(ref).status for step in steps for ref in step.facts]
    return max(statuses, key=SEVERITY.__getitem__)


def changed_steps(record, reg: Registry | None = None) -> list:
    """The facts of a procedure's steps that make it look worse than its own status (what its caution names)."""
    reg = reg or registry()
    own = SEVERITY[record.status]
    facts = [reg.get(ref) for step in getattr(record, "steps", ()) for ref in step.facts]
    return list({f.id: f for f in facts if SEVERITY[f.status] > own}.values())


def labels_of(record) -> tuple[tuple[str, str], ...]:
    """The Seller Central labels a record quotes, each with its English label (``vocabulary.seller_labels``)."""
    known = data.load_vocabulary().seller_labels
    return tuple((ja, known[ja]) for ja in getattr(record, "labels", ()) if ja in known)


@functools.cache
def registry() -> Registry:
    """The kit's registry, from ``data/``, with every reference and every ``{ID.path}`` checked."""
    # The article's three situations are facts of FACTS.md (WHEN-…); the others are built from the facts they name.
    articles = [s for s in data.load_situations() if s.from_article]
    built = Registry(
        {
            "facts.toml": data.load_facts(),
            "hours.csv": data.load_hours(),
            "phone_numbers.csv": data.load_phone_numbers(),
            "situations.toml": articles,
            "procedures.toml": data.load_procedures(),
        },
        names={"vocabulary": data.load_vocabulary()},
    )
    questions = [("quiz.toml", q) for q in data.load_quiz()] + [("exercises.toml", q) for q in data.load_exercises()]
    built.check_references(
        references(data.load_procedures(), questions, data.load_lessons(), data.load_situations(), data.load_glossary())
    )
    built.check_references(
        ("situations.toml", rule.id, ref) for rule in data.load_channel_rules() for ref in rule.facts
    )
    known = data.load_vocabulary().seller_labels
    for record in built:
        for label in getattr(record, "labels", ()):
            if label not in known:
                raise ValueError(
                    f"{record.id}: labels の 「{label}」 が vocabulary.toml の seller_labels にありません。"
                    "英語の表示が分かっている表示だけを書いてください。"
                )
    for situation in data.load_situations():
        amount = situation.deadline.amount
        if amount is not None and not built.resolve(amount, f"situations.toml: {situation.id}").isdigit():
            raise ValueError(
                f"situations.toml: レコード {situation.id} の項目 「deadline.amount」: 情報の値が整数ではありません。"
            )
    for rule in data.load_channel_rules():
        built.resolve(rule.when, f"situations.toml: {rule.id}")
    lessons = {lesson.id for lesson in data.load_lessons()}
    for file, question in questions:
        if question.lesson is not None and question.lesson not in lessons:
            raise ValueError(
                f"{file}: レコード {question.id}: lesson 「{question.lesson}」 が lessons.toml にありません。"
            )
    return built


def get(record_id: str):
    """Return the record of the kit with this id."""
    return registry().get(record_id)
