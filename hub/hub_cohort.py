"""The class list a trainer writes (``hub/cohort.toml``): who may log in to the hub, and how their servers run.

    [class]
    title = "12月 新任出品者研修"   # shown on the login page (optional)
    default = "lab"                 # what a learner sees first: "lab" (JupyterLab in Japanese) or "app" (no code)
    memory_mb = 1024                # the memory each process of a learner's server may use
    idle_minutes = 60               # a server nobody used for this long is stopped (work is kept)

    [[learner]]
    name = "tanaka"                 # the login name: lower-case letters and digits, starting with a letter
    display = "田中さん"            # optional, shown to trainers

    [[trainer]]
    name = "yamada"

Loaded like every data file of the kit (``helpers.core.schema``): a mistake is a Japanese ``ValueError`` naming
the file, the record and the field. There is no password here, nor anywhere else: each person sets their own.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Literal

from helpers.core import schema

# A hub name becomes a system user ``kit-<name>`` on one server (useradd: at most 32 characters) and part of a
# URL: plain lower-case ASCII only.
NAME = re.compile(r"[a-z][a-z0-9]{0,19}")
SYSTEM_PREFIX = "kit-"
MEMORY_MB = (256, 65536)
IDLE_MINUTES = (5, 1440)


@dataclasses.dataclass(frozen=True)
class Person:
    name: str
    display: str | None = None

    def check(self) -> tuple[str, str] | None:
        if not NAME.fullmatch(self.name):
            return (
                "name",
                f"「{self.name}」 は使えません。半角の小文字と数字で、小文字から始まる20文字以内にしてください"
                "（例: tanaka、sato2）。",
            )
        return None


@dataclasses.dataclass(frozen=True)
class Settings:
    default: Literal["lab", "app"] = "lab"
    memory_mb: int = 1024
    idle_minutes: int = 60
    title: str | None = None

    def check(self) -> tuple[str, str] | None:
        if not MEMORY_MB[0] <= self.memory_mb <= MEMORY_MB[1]:
            return ("memory_mb", f"{MEMORY_MB[0]} から {MEMORY_MB[1]} までの整数（MB）にしてください（例: 1024）。")
        if not IDLE_MINUTES[0] <= self.idle_minutes <= IDLE_MINUTES[1]:
            return (
                "idle_minutes",
                f"{IDLE_MINUTES[0]} から {IDLE_MINUTES[1]} までの整数（分）にしてください（例: 60）。",
            )
        return None


@dataclasses.dataclass(frozen=True)
class Cohort:
    settings: Settings
    learners: tuple[Person, ...]
    trainers: tuple[Person, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.learners + self.trainers)

    def role(self, name: str) -> str | None:
        """``"learner"``, ``"trainer"`` or ``None`` for a name not on the list."""
        if any(p.name == name for p in self.trainers):
            return "trainer"
        if any(p.name == name for p in self.learners):
            return "learner"
        return None


def system_user(name: str) -> str:
    """The system account of a hub user on one server: ``kit-tanaka`` (the prefix keeps clear of real users)."""
    return SYSTEM_PREFIX + name


def load(path: Path, shown: str = "hub/cohort.toml") -> Cohort:
    """Read and check a class list; raise ``ValueError`` naming the file, the record and the field."""
    import tomllib

    try:
        document = tomllib.loads(schema.read_text(Path(path), shown))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{shown}: TOML の書き方に誤りがあります（{exc}）。") from None
    known = {"class", "learner", "trainer"}
    for key in document:
        if key not in known:
            raise ValueError(
                f"{shown}: 「{key}」 は使えません。[class]、[[learner]]、[[trainer]] だけを書いてください。"
            )
    settings = schema.build(Settings, document.get("class", {}), shown, "[class]")
    groups = {}
    for table in ("learner", "trainer"):
        raws = document.get(table)
        if not isinstance(raws, list) or not raws:
            raise ValueError(
                f"{shown}: [[{table}]] のレコードが1つもありません。"
                f'{"受講者" if table == "learner" else "研修担当者"}を少なくとも1人、[[{table}]] と name = "…" で書いてください。'
            )
        groups[table] = [(f"[[{table}]] #{n}", raw) for n, raw in enumerate(raws, start=1)]
    learners = schema.build_all(shown, Person, groups["learner"])
    trainers = schema.build_all(shown, Person, groups["trainer"])
    seen: dict[str, str] = {}
    for table, people in (("learner", learners), ("trainer", trainers)):
        for number, person in enumerate(people, start=1):
            label = f"[[{table}]] #{number} ({person.name})"
            if person.name in seen:
                schema.Where(shown, label).fail(
                    "name", f"「{person.name}」 は {seen[person.name]} と重複しています。1人に1つの名前にしてください。"
                )
            seen[person.name] = label
    return Cohort(settings, learners, trainers)
