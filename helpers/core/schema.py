"""Turn raw TOML/CSV records into validated, frozen dataclasses.

A record type is a frozen dataclass whose annotations are its schema: a field without a default is required,
``Literal`` lists the allowed words, ``tuple[X, ...]`` is a list (``"a; b"`` in a CSV cell), a nested dataclass is
a table, ``Mapping`` is a free table. A record may define ``check()`` returning ``(field, how to fix)``. Every
problem raises ``ValueError`` naming the file, the record and the field, in Japanese, so that whoever edits the
data knows what to fix.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

# Markers for fields stored as text but meaning something stricter.
NonEmpty = "non-empty"  # a list that must hold at least one item
ClockTime = "hh:mm"  # a time of day, 00:00 to 24:00, kept as minutes after midnight


class Where:
    """The file and record a value came from, for error messages."""

    def __init__(self, name: str, record: str):
        self.name, self.record = name, record

    def fail(self, field: str, problem: str) -> typing.NoReturn:
        raise ValueError(f"{self.name}: レコード {self.record} の項目 「{field}」: {problem}")


def read_text(path: Path, name: str) -> str:
    """Read a UTF-8 data file (a BOM is allowed)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"{name}: ファイルが見つかりません。") from None
    except UnicodeDecodeError:
        raise ValueError(f"{name}: UTF-8 として読めません。UTF-8 で保存し直してください。") from None


def load_toml(path: Path, name: str, table: str, cls: type) -> tuple:
    """Load the ``[[table]]`` records of a TOML file as ``cls`` records."""
    import tomllib

    try:
        document = tomllib.loads(read_text(path, name))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: TOML の書き方に誤りがあります（{exc}）。") from None
    raws = document.get(table)
    if not isinstance(raws, list) or not raws:
        raise ValueError(f"{name}: [[{table}]] のレコードが1つもありません。")
    return build_all(name, cls, [(f"#{n}", raw) for n, raw in enumerate(raws, start=1)])


def load_toml_table(path: Path, name: str, cls: type) -> Any:
    """Load a whole TOML file as one ``cls`` record (a file of named tables, not a list)."""
    import tomllib

    try:
        document = tomllib.loads(read_text(path, name))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: TOML の書き方に誤りがあります（{exc}）。") from None
    return build(cls, document, name, "(ファイル全体)")


def load_csv(path: Path, name: str, cls: type) -> tuple:
    """Load a CSV file whose header names ``cls`` fields, one record per row."""
    import csv

    rows = list(csv.reader(read_text(path, name).splitlines()))
    if not rows:
        raise ValueError(f"{name}: ファイルが空です。見出しの行とデータの行を書いてください。")
    header, body = rows[0], [row for row in rows[1:] if any(cell.strip() for cell in row)]
    known = {f.name for f in dataclasses.fields(cls)}
    for column in header:
        if column not in known:
            raise ValueError(f"{name}: 見出しの列 「{column}」 は使えません。使える列: {', '.join(sorted(known))}")
    records = []
    for line, row in enumerate(body, start=2):
        if len(row) != len(header):
            Where(name, f"{line}行目").fail(
                "(行全体)", f"列の数が {len(row)} です。見出しと同じ {len(header)} 列にしてください。"
            )
        raw = {column: cell.strip() for column, cell in zip(header, row) if cell.strip()}
        records.append((f"{line}行目", raw))
    if not records:
        raise ValueError(f"{name}: データの行が1つもありません。")
    return build_all(name, cls, records)


def build_all(name: str, cls: type, raws: list[tuple[str, Any]]) -> tuple:
    """Build every record and refuse duplicate ids within the file."""
    records, seen = [], {}
    for label, raw in raws:
        record = build(cls, raw, name, label)
        key = getattr(record, "id", None)
        if key is not None:
            if key in seen:
                Where(name, record_name(label, raw)).fail(
                    "id" if "id" in raw else next(iter(raw)),
                    f"「{key}」 は {seen[key]} と重複しています。別の id にしてください。",
                )
            seen[key] = label
        records.append(record)
    return tuple(records)


def record_name(label: str, raw: Any) -> str:
    if isinstance(raw, dict):
        for key in ("id", "feature", "title"):
            if isinstance(raw.get(key), str):
                return f"{label} ({raw[key]})"
    return label


def build(cls: type, raw: Any, name: str, label: str):
    """Build one record of ``cls`` from a raw table, converting and checking every field."""
    where = Where(name, record_name(label, raw))
    if not isinstance(raw, dict):
        where.fail("(レコード)", "表（キー = 値 の組）で書いてください。")
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    for key in raw:
        if key not in fields:
            where.fail(key, f"この項目はありません。使える項目: {', '.join(fields)}")
    values = {}
    for field_name, field in fields.items():
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        if field_name not in raw:
            if required:
                where.fail(field_name, "必須の項目がありません。")
            continue
        values[field_name] = convert(raw[field_name], hints[field_name], where, field_name)
    record = cls(**values)
    problem = record.check() if hasattr(record, "check") else None
    if problem:
        where.fail(*problem)
    return record


def convert(value: Any, hint: Any, where: Where, name: str) -> Any:
    """Convert one raw value to the annotated type, or fail naming the field."""
    marker = None
    if typing.get_origin(hint) is Annotated:
        hint, marker = typing.get_args(hint)[0], typing.get_args(hint)[1]
    origin, args = typing.get_origin(hint), typing.get_args(hint)

    if origin in (types.UnionType, typing.Union):  # "X | None": None only means "absent"; "int | str": either
        options = [a for a in args if a is not type(None)]
        if len(options) > 1:
            kinds = {int: int, str: str}
            for option in options:
                if isinstance(value, kinds.get(option, object)) and not isinstance(value, bool):
                    return convert(value, option, where, name)
            where.fail(name, "数か文字列を書いてください。")
        hint = options[0]
        origin, args = typing.get_origin(hint), typing.get_args(hint)

    if marker == ClockTime:
        return clock_minutes(value, where, name)
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
        return to_date(value, where, name)
    if dataclasses.is_dataclass(hint):
        return build(hint, value, where.name, f"{where.record} の {name}")
    if origin is tuple:
        item_hint = args[0]
        if isinstance(value, str):  # CSV cells hold lists as "a; b; c"
            value = [part.strip() for part in value.split(";") if part.strip()]
        if not isinstance(value, list):
            where.fail(name, "リスト（[ ... ]）で書いてください。")
        if marker == NonEmpty and not value:
            where.fail(name, "空のリストは使えません。少なくとも1つ書いてください。")
        if dataclasses.is_dataclass(item_hint):
            parse = getattr(item_hint, "parse", None)  # a table may also be written as text ("kind: title")
            return tuple(
                build(
                    item_hint,
                    parse(item) if parse and isinstance(item, str) else item,
                    where.name,
                    f"{where.record} の {name} #{n}",
                )
                for n, item in enumerate(value, start=1)
            )
        return tuple(convert(item, item_hint, where, name) for item in value)
    if origin in (Mapping, dict):
        if not isinstance(value, dict):
            where.fail(name, "表（{ キー = 値 }）で書いてください。")
        if args and args[1] is not Any:
            value = {key: convert(item, args[1], where, f"{name}.{key}") for key, item in value.items()}
        return types.MappingProxyType(dict(value))
    raise TypeError(f"unsupported field type {hint!r} for {name}")  # a bug in a record class, not in data


def to_date(value: Any, where: Where, name: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    where.fail(name, f"{value!r} は日付として読めません。2026-11-26 のように 年-月-日 で書いてください。")


def clock_minutes(value: Any, where: Where, name: str) -> int:
    match = re.fullmatch(r"([0-9]{2}):([0-9]{2})", value) if isinstance(value, str) else None
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if (hours < 24 and minutes < 60) or (hours, minutes) == (24, 0):
            return hours * 60 + minutes
    where.fail(name, f"{value!r} は時刻として読めません。09:00 のように 時:分 を半角で書いてください（24:00 まで）。")
