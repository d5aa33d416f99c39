"""Load the kit's data files, validating every record on load.

One loader per file in ``data/``. Each record type is a frozen dataclass whose annotations are its schema:
a field without a default is required, ``Literal`` lists the allowed words, ``tuple[X, ...]`` is a list.
Any problem raises ``ValueError`` naming the file, the record and the field, in Japanese, so that whoever
edits the data knows what to fix.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
import tomllib
import types
import typing
from datetime import date
from pathlib import Path
from collections.abc import Mapping
from typing import Annotated, Any, Literal

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

Status = Literal["article", "confirmed", "changed", "unverified"]
STATUSES: tuple[str, ...] = typing.get_args(Status)
NEEDS_CAUTION = frozenset({"changed", "unverified"})
Method = Literal["email", "phone", "chat"]

# Markers for fields stored as text but meaning something stricter.
NonEmpty = "non-empty"      # a list that must hold at least one item
ClockTime = "hh:mm"         # a time of day, 00:00 to 24:00, kept as minutes after midnight


# ---------------------------------------------------------------- record types


@dataclasses.dataclass(frozen=True)
class Fact:
    """One fact the kit teaches (``data/facts.toml``)."""

    id: str
    section: int
    title: str
    statement: str
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    caution: str | None = None
    note: str | None = None
    opinion: bool = False
    values: Mapping[str, Any] = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))

    def check(self) -> tuple[str, str] | None:
        if not 1 <= self.section <= 9:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜9 を書いてください。"
        return None


@dataclasses.dataclass(frozen=True)
class Hours:
    """When a channel takes contact, in Japan time (``data/hours.csv``)."""

    id: str
    channel: Literal["written", "phone"]
    channel_ja: str
    opens: Annotated[int, ClockTime]
    closes: Annotated[int, ClockTime]
    statement: str
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    note: str | None = None
    caution: str | None = None

    @property
    def title(self) -> str:
        return f"{self.channel_ja}の受付時間"

    def check(self) -> tuple[str, str] | None:
        if self.opens >= self.closes:
            return "closes", "終了時刻は開始時刻より後にしてください。"
        return None


@dataclasses.dataclass(frozen=True)
class PhoneNumber:
    """A phone number the article lists (``data/phone_numbers.csv``)."""

    id: str
    number: str
    kind_ja: str
    statement: str
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    international: str | None = None
    caution: str | None = None

    @property
    def title(self) -> str:
        return f"記事の電話番号（{self.kind_ja}）{self.number}"

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}", self.number):
            return "number", "「0120-999-373」のように半角数字とハイフンで書いてください。"
        return None


ChannelValue = Literal["yes", "no", "na"]
SpeedValue = Literal["real_time", "fairly_fast", "slowest"]
SPEED_FEATURE = "speed"


@dataclasses.dataclass(frozen=True)
class ChannelFeature:
    """One row of the article's channel comparison, CHAN-COMPARE (``data/channels.csv``)."""

    feature: str
    label_ja: str
    label_en: str
    chat: str
    email: str
    phone: str
    desirable: Literal["yes", "no"]
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    caution: str | None = None

    @property
    def id(self) -> str:
        return self.feature

    @property
    def title(self) -> str:
        return self.label_ja

    def check(self) -> tuple[str, str] | None:
        allowed = typing.get_args(SpeedValue if self.feature == SPEED_FEATURE else ChannelValue)
        for channel in ("chat", "email", "phone"):
            if getattr(self, channel) not in allowed:
                return channel, f"{getattr(self, channel)!r} は使えません。{' / '.join(allowed)} のどれかを書いてください。"
        return None


@dataclasses.dataclass(frozen=True)
class Label:
    """An Amazon UI label, quoted exactly; the English Seller Central label where known."""

    ja: str
    en: str | None = None


@dataclasses.dataclass(frozen=True)
class MethodChoice:
    """A contact method offered at a procedure's last step, and the sub-procedure it leads to."""

    method: Method
    ja: str
    procedure: str | None = None


@dataclasses.dataclass(frozen=True)
class Step:
    """One step of a contact procedure."""

    title: str
    instruction: str
    labels: tuple[Label, ...] = ()
    notes: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    kind: Literal["action", "choose_method", "phone_input", "email_form"] = "action"
    methods: tuple[MethodChoice, ...] = ()


@dataclasses.dataclass(frozen=True)
class Rule:
    """A situation that narrows the contact methods a procedure's last step offers."""

    when: Literal["individual_plan", "topic_without_phone_chat"]
    offer: Annotated[tuple[Method, ...], NonEmpty]
    fact: str


@dataclasses.dataclass(frozen=True)
class Procedure:
    """A contact procedure and its ordered steps (``data/procedures.toml``)."""

    id: str
    title: str
    summary: str
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    step: Annotated[tuple[Step, ...], NonEmpty]
    caution: str | None = None
    note: str | None = None
    facts: tuple[str, ...] = ()
    rule: tuple[Rule, ...] = ()

    @property
    def statement(self) -> str:
        return self.summary

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.step

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.rule


@dataclasses.dataclass(frozen=True)
class Situation:
    """A situation in which tech support is the one to contact (``data/situations.toml``)."""

    id: str
    title: str
    case_subject: str
    example: str
    article_view: str
    what_to_do: Annotated[tuple[str, ...], NonEmpty]
    risks: Annotated[tuple[str, ...], NonEmpty]
    status: Status
    sources: Annotated[tuple[str, ...], NonEmpty]
    verified_on: date
    caution: str | None = None
    beyond: tuple[str, ...] = ()
    values: Mapping[str, Any] = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))
    recommend: Mapping[str, Any] = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))
    recommend_why: str | None = None

    @property
    def statement(self) -> str:
        return self.article_view

    def check(self) -> tuple[str, str] | None:
        if set(self.recommend) - {"record", "speed", "nuance"}:
            return "recommend", "使えるのは record / speed / nuance だけです。"
        if any(v not in (0, 1, 2) for v in self.recommend.values()):
            return "recommend", "重みは 0・1・2 のどれかにしてください。"
        if bool(self.recommend) != bool(self.recommend_why):
            return "recommend_why", "recommend を書いたら、その理由（recommend_why）も書いてください。"
        return None


@dataclasses.dataclass(frozen=True)
class Lesson:
    """A notebook of the kit, in the manifest's order (``data/lessons.toml``)."""

    file: str
    title: str
    summary: str
    objectives: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    walkthroughs: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.file

    def check(self) -> tuple[str, str] | None:
        if not re.fullmatch(r"[0-9]{2}_[a-z0-9_]+\.ipynb", self.file):
            return "file", "「01_seller_central.ipynb」のように、2桁の番号_英小文字.ipynb で書いてください。"
        return None


@dataclasses.dataclass(frozen=True)
class Question:
    """A question of the final quiz (``data/quiz.toml``), tied to the facts it tests."""

    id: str
    section: int
    facts: Annotated[tuple[str, ...], NonEmpty]
    question: str
    options: Annotated[tuple[str, ...], NonEmpty]
    answer: int
    explanation: str

    def check(self) -> tuple[str, str] | None:
        if len(self.options) < 2:
            return "options", "選択肢を2つ以上書いてください。"
        if len(set(self.options)) != len(self.options):
            return "options", "同じ選択肢が2回書かれています。"
        if not 0 <= self.answer < len(self.options):
            return "answer", f"0〜{len(self.options) - 1} のどれか（正解の選択肢の番号、0から数える）を書いてください。"
        if not 1 <= self.section <= 9:
            return "section", f"{self.section} は範囲外です。FACTS.md の節番号 1〜9 を書いてください。"
        return None


# ---------------------------------------------------------------- loaders


@functools.cache
def load_facts(path: Path = DATA_DIR / "facts.toml") -> tuple[Fact, ...]:
    """Load and validate ``facts.toml``."""
    return _load_toml(Path(path), "fact", Fact)


@functools.cache
def load_procedures(path: Path = DATA_DIR / "procedures.toml") -> tuple[Procedure, ...]:
    """Load and validate ``procedures.toml``."""
    return _load_toml(Path(path), "procedure", Procedure)


@functools.cache
def load_situations(path: Path = DATA_DIR / "situations.toml") -> tuple[Situation, ...]:
    """Load and validate ``situations.toml``."""
    return _load_toml(Path(path), "situation", Situation)


@functools.cache
def load_lessons(path: Path = DATA_DIR / "lessons.toml") -> tuple[Lesson, ...]:
    """Load and validate the manifest ``lessons.toml``."""
    return _load_toml(Path(path), "lesson", Lesson)


@functools.cache
def load_quiz(path: Path = DATA_DIR / "quiz.toml") -> tuple[Question, ...]:
    """Load and validate the quiz ``quiz.toml``."""
    return _load_toml(Path(path), "question", Question)


@functools.cache
def load_hours(path: Path = DATA_DIR / "hours.csv") -> tuple[Hours, ...]:
    """Load and validate ``hours.csv``."""
    return _load_csv(Path(path), Hours)


@functools.cache
def load_phone_numbers(path: Path = DATA_DIR / "phone_numbers.csv") -> tuple[PhoneNumber, ...]:
    """Load and validate ``phone_numbers.csv``."""
    return _load_csv(Path(path), PhoneNumber)


@functools.cache
def load_channels(path: Path = DATA_DIR / "channels.csv") -> tuple[ChannelFeature, ...]:
    """Load and validate ``channels.csv`` (the rows of CHAN-COMPARE)."""
    return _load_csv(Path(path), ChannelFeature)


# ---------------------------------------------------------------- validation machinery


class _Where:
    """The file and record a value came from, for error messages."""

    def __init__(self, path: Path, record: str):
        self.path, self.record = path, record

    def fail(self, field: str, problem: str) -> typing.NoReturn:
        raise ValueError(f"{_display_name(self.path)}: レコード {self.record} の項目 「{field}」: {problem}")


def _display_name(path: Path) -> str:
    try:
        return path.resolve().relative_to(DATA_DIR.parent).as_posix()
    except ValueError:
        return path.name


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"{_display_name(path)}: ファイルが見つかりません。") from None
    except UnicodeDecodeError:
        raise ValueError(f"{_display_name(path)}: UTF-8 として読めません。UTF-8 で保存し直してください。") from None


def _load_toml(path: Path, table: str, cls: type) -> tuple:
    try:
        document = tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{_display_name(path)}: TOML の書き方に誤りがあります（{exc}）。") from None
    raws = document.get(table)
    if not isinstance(raws, list) or not raws:
        raise ValueError(f"{_display_name(path)}: [[{table}]] のレコードが1つもありません。")
    return _build_all(path, cls, [(f"#{n}", raw) for n, raw in enumerate(raws, start=1)])


def _load_csv(path: Path, cls: type) -> tuple:
    rows = list(csv.reader(_read_text(path).splitlines()))
    if not rows:
        raise ValueError(f"{_display_name(path)}: ファイルが空です。見出しの行とデータの行を書いてください。")
    header, body = rows[0], [row for row in rows[1:] if any(cell.strip() for cell in row)]
    known = {f.name for f in dataclasses.fields(cls)}
    for column in header:
        if column not in known:
            raise ValueError(f"{_display_name(path)}: 見出しの列 「{column}」 は使えません。"
                             f"使える列: {', '.join(sorted(known))}")
    records = []
    for line, row in enumerate(body, start=2):
        if len(row) != len(header):
            _Where(path, f"{line}行目").fail("(行全体)", f"列の数が {len(row)} です。見出しと同じ {len(header)} 列にしてください。")
        raw = {column: cell.strip() for column, cell in zip(header, row) if cell.strip()}
        records.append((f"{line}行目", raw))
    if not records:
        raise ValueError(f"{_display_name(path)}: データの行が1つもありません。")
    return _build_all(path, cls, records)


def _build_all(path: Path, cls: type, raws: list[tuple[str, Any]]) -> tuple:
    records, seen = [], {}
    for label, raw in raws:
        record = _build(cls, raw, path, label)
        key = getattr(record, "id", None)
        if key is not None:
            if key in seen:
                _Where(path, _record_name(label, raw)).fail(
                    "id" if "id" in raw else next(iter(raw)),
                    f"「{key}」 は {seen[key]} と重複しています。別の id にしてください。")
            seen[key] = label
        records.append(record)
    return tuple(records)


def _record_name(label: str, raw: Any) -> str:
    if isinstance(raw, dict):
        for key in ("id", "feature", "file", "title"):
            if isinstance(raw.get(key), str):
                return f"{label} ({raw[key]})"
    return label


def _build(cls: type, raw: Any, path: Path, label: str):
    where = _Where(path, _record_name(label, raw))
    if not isinstance(raw, dict):
        where.fail("(レコード)", "表（キー = 値 の組）で書いてください。")
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in fields:
            where.fail(key, f"この項目はありません。使える項目: {', '.join(fields)}")
    values = {}
    for name, field in fields.items():
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        if name not in raw:
            if required:
                where.fail(name, "必須の項目がありません。")
            continue
        values[name] = _convert(raw[name], hints[name], where, name)
    record = cls(**values)
    problem = _check_provenance(record) or (record.check() if hasattr(record, "check") else None)
    if problem:
        where.fail(*problem)
    return record


def _check_provenance(record) -> tuple[str, str] | None:
    status = getattr(record, "status", None)
    if status is None:
        return None
    if status in NEEDS_CAUTION and not record.caution:
        return "caution", f"状態が {status} のレコードには、学習者に見せる注意書き（caution）が必要です。"
    if status not in NEEDS_CAUTION and record.caution:
        return "caution", f"注意書き（caution）は changed / unverified のときだけ書きます（今は {status}）。"
    return None


def _convert(value: Any, hint: Any, where: _Where, name: str) -> Any:
    marker = None
    if typing.get_origin(hint) is Annotated:
        hint, marker = typing.get_args(hint)[0], typing.get_args(hint)[1]
    origin, args = typing.get_origin(hint), typing.get_args(hint)

    if origin in (types.UnionType, typing.Union):  # "X | None": None only means "absent"
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)

    if marker == ClockTime:
        return _clock_minutes(value, where, name)
    if hint is str:
        if not isinstance(value, str) or not value.strip():
            where.fail(name, "空でない文字列を書いてください。")
        return value.strip()
    if origin is Literal:
        if value not in args:
            where.fail(name, f"{value!r} は使えません。{' / '.join(map(str, args))} のどれかを書いてください。")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            where.fail(name, "true か false を書いてください。")
        return value
    if hint is int:
        if isinstance(value, str) and re.fullmatch(r"[0-9]+", value):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            where.fail(name, "半角の整数を書いてください。")
        return value
    if hint is date:
        return _date(value, where, name)
    if origin is tuple:
        item_hint = args[0]
        if isinstance(value, str):  # CSV cells hold lists as "a; b; c"
            value = [part.strip() for part in value.split(";") if part.strip()]
        if not isinstance(value, list):
            where.fail(name, "リスト（[ ... ]）で書いてください。")
        if marker == NonEmpty and not value:
            where.fail(name, "空のリストは使えません。少なくとも1つ書いてください。")
        if dataclasses.is_dataclass(item_hint):
            return tuple(_build(item_hint, item, where.path, f"{where.record} の {name} #{n}")
                         for n, item in enumerate(value, start=1))
        return tuple(_convert(item, item_hint, where, name) for item in value)
    if origin is Mapping:
        if not isinstance(value, dict):
            where.fail(name, "表（{ キー = 値 }）で書いてください。")
        return types.MappingProxyType(dict(value))
    raise TypeError(f"unsupported field type {hint!r} for {name}")  # a bug in a record class, not in data


def _date(value: Any, where: _Where, name: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    where.fail(name, f"{value!r} は日付として読めません。2026-11-26 のように 年-月-日 で書いてください。")


def _clock_minutes(value: Any, where: _Where, name: str) -> int:
    match = re.fullmatch(r"([0-9]{2}):([0-9]{2})", value) if isinstance(value, str) else None
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if (hours < 24 and minutes < 60) or (hours, minutes) == (24, 0):
            return hours * 60 + minutes
    where.fail(name, f"{value!r} は時刻として読めません。09:00 のように 時:分 を半角で書いてください（24:00 まで）。")
