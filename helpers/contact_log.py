"""The seller's own contact log: read it as Excel saves it, refuse bad rows with reasons, compare channels.

A log is a CSV file with the columns of ``data/contact_log_template.csv`` (Japanese or English headers):
日時 (Japan time), 方法 (チャット / メール / 電話, or chat / email / phone), 内容, 返信までの分, 解決 (はい /
いいえ), ケースID. Files may be UTF-8, UTF-8 with BOM, or Shift_JIS (cp932) as Excel saves them. Every
step is vectorised: there is no Python loop over rows.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import unicodedata
from pathlib import Path

from helpers.core import data
from helpers.core.data import DATA_DIR
from helpers.core.optional import needs_pandas
from helpers.core.render import EMPTY, PALETTE, RichText, alert, join, para, shown_name, strong, styled
from helpers.core.view import View

SAMPLE = DATA_DIR / "sample_contact_log.csv"
TEMPLATE = DATA_DIR / "contact_log_template.csv"

# canonical name: (Japanese header, English header, required)
COLUMNS = {
    "datetime": ("日時", "datetime", True),
    "channel": ("方法", "channel", True),
    "topic": ("内容", "topic", False),
    "minutes_to_first_reply": ("返信までの分", "minutes_to_first_reply", True),
    "resolved": ("解決", "resolved", True),
    "case_id": ("ケースID", "case_id", False),
}
RESOLVED = {
    "はい": True,
    "解決": True,
    "解決済み": True,
    "済": True,
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "○": True,
    "いいえ": False,
    "未解決": False,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
    "×": False,
}
# Tried in order on the rows the previous formats could not read (Excel writes 2026/11/27 10:05).
DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


@dataclasses.dataclass(frozen=True)
class ContactLog:
    """A read log: ``frame`` holds the accepted rows, typed; ``rejected`` each refused row with its reason."""

    frame: object
    rejected: object  # the first refused rows (at most SHOWN_REJECTED), as read, with their line and reasons
    source: str
    rejected_total: int = 0

    @property
    def total(self) -> int:
        return len(self.frame) + self.rejected_total

    def summary(self) -> RichText:
        text = data.say("contact_log.summary", source=self.source, total=self.total, read=len(self.frame))
        if self.rejected_total > len(self.rejected):
            text += data.say("contact_log.many_rejected", rejected=self.rejected_total, shown=len(self.rejected))
        elif self.rejected_total:
            text += data.say("contact_log.some_rejected", rejected=self.rejected_total)
        else:
            text += data.say("contact_log.none_rejected")
        return para(text)


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


def channel_spellings() -> dict[str, str]:
    """Every way a log may name a channel (folded), from the vocabulary: its name, English name and aliases."""
    spellings = {}
    for key, term in data.load_vocabulary().channels.items():
        for name in (key, term.ja, term.en or key, *term.aliases):
            spellings[_fold(name)] = key
    return spellings


def _encoding(head: bytes) -> str:
    """Guess the encoding from the start of a file: UTF-8 (pandas drops a BOM itself), else Shift_JIS."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp932"


HEAD_BYTES = 65536
SHOWN_REJECTED = 50  # refused rows shown with their reasons; the rest are only counted


def read_log(path) -> ContactLog:
    """Read a contact log CSV; raise only ``ValueError`` (in Japanese) for anything that cannot be read as a log."""
    try:
        path = Path(path)
        name = shown_name(path.name or str(path))
    except TypeError:
        raise ValueError('ファイルの場所を文字で指定してください（例: contact_log.report("記録.csv")）。') from None
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except FileNotFoundError:
        raise ValueError(f"ファイル「{name}」が見つかりません。ファイルの場所と名前を確かめてください。") from None
    except (IsADirectoryError, PermissionError):
        raise ValueError(f"「{name}」を開けません。CSV ファイルを指定してください。") from None
    except (OSError, ValueError):  # a path through a file, a name too long, a symlink loop, a NUL in the path
        raise ValueError(
            f"「{name}」を開けません。ファイルの場所と名前を確かめて、CSV ファイルを指定してください。"
        ) from None
    return _read(lambda: path, head, name)


def read_log_bytes(content: bytes, name: str = "アップロードしたファイル") -> ContactLog:
    """Read a contact log from the bytes of a CSV file (e.g. an upload)."""
    if not isinstance(content, (bytes, bytearray, memoryview)):
        raise ValueError("CSV ファイルの中身（バイト列）を渡してください。")
    content = bytes(content)
    return _read(lambda: io.BytesIO(content), content[:HEAD_BYTES], shown_name(str(name)))


def _read(open_source, head: bytes, name: str) -> ContactLog:
    import re
    import warnings

    import numpy as np
    import pandas as pd

    encoding = _encoding(head)
    options = {"keep_default_na": False, "na_values": [""], "skipinitialspace": True, "index_col": False}
    unreadable = ValueError(f"{name}: ファイルを読めませんでした。もう一度選び直してください。")
    not_csv = ValueError(
        f'{name}: CSV として読めません（閉じていない「"」がある、文字コードか区切りの形が違う、'
        "など）。Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直してください。"
    )
    try:
        header = pd.read_csv(open_source(), nrows=0, encoding=encoding, **options).columns
    except pd.errors.EmptyDataError:
        raise ValueError(f"{name}: ファイルが空です。1行目に見出し（{_headers()}）を書いてください。") from None
    except (UnicodeDecodeError, pd.errors.ParserError):
        raise not_csv from None
    except OSError:
        raise unreadable from None
    header = [str(c).strip() for c in header]
    columns = _match_columns(header, name)
    position = {canonical: header.index(column) for canonical, column in columns.items()}
    # Fields are read by position, with one spare after the header's: a trailing comma is harmless, text there
    # refuses the row, and a row longer still is skipped by the parser, which names its line.
    spare = len(header)
    # Text as text; the date and the spare field, only parsed or tested, as plain objects (quicker to build);
    # minutes left to the parser's own (fast) number inference and checked in _validate.
    dtypes = (
        dict.fromkeys(range(spare), "str")
        | {position[c]: "category" for c in ("channel", "resolved")}
        | {position["datetime"]: object, spare: object}
    )
    del dtypes[position["minutes_to_first_reply"]]
    for attempt in dict.fromkeys([encoding, "cp932"]):  # a file that turns out not to be UTF-8 later on
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                raw = pd.read_csv(
                    open_source(),
                    encoding=attempt,
                    header=None,
                    skiprows=1,
                    names=range(spare + 1),
                    dtype=dtypes,
                    on_bad_lines="warn",
                    **options,
                )
            break
        except pd.errors.EmptyDataError:
            raw = pd.DataFrame(columns=range(spare + 1))
            break
        except UnicodeDecodeError:
            continue
        except pd.errors.ParserError:  # e.g. a quotation mark that is never closed
            raise not_csv from None
        except OSError:
            raise unreadable from None
    else:
        raise ValueError(
            f"{name}: 文字コードが途中で変わっているため読めません。UTF-8 か Shift_JIS の"
            "どちらかで保存し直してください。"
        )
    skipped = np.array(
        [
            int(number)
            for warning in caught
            if issubclass(warning.category, pd.errors.ParserWarning)
            for number in re.findall(r"Skipping line (\d+)", str(warning.message))
        ],
        dtype=np.int64,
    )
    if raw.empty and not len(skipped):
        raise ValueError(f"{name}: データの行がありません。2行目から、1件の問い合わせを1行に書いてください。")
    picked = raw[[position[c] for c in columns] + [spare]].set_axis([*columns, "extra"], axis=1)
    lines = np.arange(2, len(raw) + len(skipped) + 2)  # line 1 is the header
    if len(skipped):
        lines = lines[~np.isin(lines, skipped, assume_unique=True)]
    return _validate(picked, lines, skipped, name)


def _headers() -> str:
    return "、".join(ja for ja, _, _ in COLUMNS.values())


def _match_columns(header, name: str) -> dict[str, str]:
    """Map canonical names to the file's own headers (Japanese or English, any width or case)."""
    found = {}
    for column in header:
        for canonical, (ja, en, _) in COLUMNS.items():
            if _fold(column) in (_fold(ja), _fold(en)):
                found.setdefault(canonical, column)
    missing = [f"{ja}（{en}）" for c, (ja, en, required) in COLUMNS.items() if required and c not in found]
    if missing:
        raise ValueError(
            f"{name}: 必要な列がありません: {'、'.join(missing)}。1行目の見出しを"
            f" {_headers()} にしてください（ひな形: contact_log_template.csv）。"
        )
    return found


def _codes(column, names: dict, targets: list):
    """Map a categorical column through ``names`` (folded text -> target) to codes of ``targets``; -1 = unknown."""
    import numpy as np

    lookup = [targets.index(names[_fold(c)]) if _fold(c) in names else -1 for c in column.cat.categories]
    return np.array(lookup + [-1], dtype=np.int8)[column.cat.codes.to_numpy()]  # code -1 (empty) -> last


def _validate(raw, lines, skipped, name: str) -> ContactLog:
    """Type and check every row (``lines``: each row's line in the file; ``skipped``: lines with too many fields)."""
    import numpy as np
    import pandas as pd

    # The common format runs on every row; the others only on rows still unread that look like a date and time
    # once folded (full-width digits) and stripped of stray spaces.
    when = pd.to_datetime(raw["datetime"], format=DATETIME_FORMATS[0], errors="coerce")
    unread = when.isna() & raw["datetime"].notna()
    if unread.any():
        texts = raw.loc[unread, "datetime"].str.normalize("NFKC").str.strip()
        texts = texts[texts.str.fullmatch(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?")]
        for fmt in DATETIME_FORMATS:
            parsed = pd.to_datetime(texts, format=fmt, errors="coerce")
            when.loc[parsed.index[parsed.notna()]] = parsed.dropna()
            texts = texts[parsed.isna()]
    names = data.load_vocabulary().channel_names()
    channel = _codes(raw["channel"], channel_spellings(), list(names))
    resolved = _codes(raw["resolved"], RESOLVED, [False, True])
    minutes = _minutes(raw["minutes_to_first_reply"])

    problems = {
        "日時が読めません（2026-11-27 10:05 のように書いてください）": when.isna().to_numpy(),
        f"方法が分かりません（{'・'.join(names)} のどれかにしてください）": channel < 0,
        "返信までの分が数字ではありません（半角の数字で書いてください）": ~np.isfinite(minutes),
        "返信までの分がマイナスです（0以上にしてください）": minutes < 0,
        "解決が分かりません（はい・いいえ のどちらかにしてください）": resolved < 0,
        TOO_MANY_FIELDS: raw["extra"].notna().to_numpy(),
    }
    bad = np.logical_or.reduce(list(problems.values()))

    frame = pd.DataFrame(
        {
            "datetime": when,
            "channel": pd.Categorical.from_codes(np.where(bad, -1, channel), categories=list(names)),
            "topic": raw.get("topic", ""),
            "minutes_to_first_reply": minutes,
            "resolved": resolved == 1,
            "case_id": raw.get("case_id", ""),
        }
    )
    # Reasons for the first refused rows only: a huge file of refused rows is summarised in bounded memory.
    shown = [
        (lines[row], "、".join(text for text, mask in problems.items() if mask[row]), raw.iloc[row])
        for row in np.flatnonzero(bad)[:SHOWN_REJECTED]
    ]
    shown += [(line, TOO_MANY_FIELDS, None) for line in skipped[:SHOWN_REJECTED]]
    shown = sorted(shown, key=lambda entry: entry[0])[:SHOWN_REJECTED]
    kept = frame.loc[~bad].reset_index(drop=True) if bad.any() else frame
    return ContactLog(frame=kept, rejected=_rejected(shown), source=name, rejected_total=int(bad.sum()) + len(skipped))


def _minutes(column):
    """Minutes as floats (NaN where not a number). The parser has already read an all-number column; a column it
    read as True/False is not minutes; text (full-width digits typed with a Japanese keyboard) is folded."""
    import numpy as np
    import pandas as pd

    if column.dtype.kind in "iuf":
        return column.to_numpy(dtype=float)
    if column.dtype.kind == "b":
        return np.full(len(column), np.nan)
    text = column.astype("str").where(column.notna())
    minutes = pd.to_numeric(text, errors="coerce")
    typed = minutes.isna() & text.notna()
    if typed.any():
        minutes.loc[typed] = pd.to_numeric(text[typed].str.normalize("NFKC").str.strip(), errors="coerce")
    return minutes.to_numpy(dtype=float)


TOO_MANY_FIELDS = "見出しより列が多くあります（区切りのコンマが多すぎないか、内容にコンマがないか確かめてください）"


def _as_written(cell):
    """A cell as the file had it: minutes the parser read as 5.0 are shown as 5."""
    return int(cell) if isinstance(cell, float) and cell.is_integer() else cell


def _rejected(shown):
    """The refused rows as read (line, reason, cells), as a table with Japanese headers."""
    import pandas as pd

    headers = {c: COLUMNS[c][0] for c in COLUMNS}
    records = [
        {
            "行": int(line),
            "理由": reason,
            **({headers[c]: _as_written(cells[c]) for c in headers if c in cells} if cells is not None else {}),
        }
        for line, reason, cells in shown
    ]
    present = [h for c, h in headers.items() if any(c in cells for _, _, cells in shown if cells is not None)]
    return pd.DataFrame(records, columns=["行", "理由", *present], dtype=object).fillna("")


def compare(log: ContactLog):
    """Compare the channels of a log: count, median minutes to the first reply, resolution rate."""
    grouped = log.frame.groupby("channel", observed=False)
    result = grouped.agg(
        count=("minutes_to_first_reply", "size"),
        median_minutes=("minutes_to_first_reply", "median"),
        resolved_rate=("resolved", "mean"),
    )
    result.index = result.index.map(data.load_vocabulary().channel_names())
    result.index.name = COLUMNS["channel"][0]
    return result.rename(
        columns={c: data.say(f"contact_log.compare_columns.{c}") for c in ("count", "median_minutes", "resolved_rate")}
    )


def comparison_view(comparison) -> RichText:
    """Show the comparison as bars: shorter waits and higher resolution rates stand out."""
    count, wait, rate = (
        data.say(f"contact_log.compare_columns.{c}") for c in ("count", "median_minutes", "resolved_rate")
    )
    styler = (
        comparison.style.set_uuid("log")
        .bar(subset=[wait], color=PALETTE["bar_wait"], vmin=0)
        .bar(subset=[rate], color=PALETTE["bar_rate"], vmin=0, vmax=1)
        .bar(subset=[count], color=PALETTE["bar_count"], vmin=0)
        .set_table_styles([{"selector": "th, td", "props": "text-align:left;padding:.3em .8em;min-width:8em"}])
    )
    formats = {
        wait: data.say("contact_log.minutes_format"),
        rate: "{:.0%}",
        count: data.say("contact_log.count_format"),
    }
    return styled(
        styler,
        caption=data.say("contact_log.compare_caption"),
        formats=formats,
        na_rep=data.say("contact_log.no_record"),
    )


def rejected_view(log: ContactLog) -> RichText:
    """Show the refused rows with their line numbers and reasons."""
    if log.rejected.empty:
        return EMPTY
    styler = log.rejected.style.set_uuid("rejected").set_table_styles(
        [{"selector": "th, td", "props": "text-align:left;padding:.2em .6em"}]
    )
    return join(
        [
            para(strong(data.say("contact_log.rejected_heading")), data.say("contact_log.rejected_hint")),
            styled(styler, hide_index=True),
        ]
    )


@needs_pandas
def template_table() -> RichText:
    """Describe the columns of a log, as in ``data/contact_log_template.csv``."""
    import pandas as pd

    names = [data.say(f"contact_log.template_columns.{c}") for c in ("ja", "en", "required", "example")]
    frame = pd.DataFrame(
        [
            dict(zip(names, (ja, en, "○" if required else "", data.say(f"contact_log.examples.{c}"))))
            for c, (ja, en, required) in COLUMNS.items()
        ]
    )
    return styled(
        frame.style.set_uuid("template").set_table_styles(
            [{"selector": "th, td", "props": "text-align:left;padding:.2em .6em"}]
        ),
        hide_index=True,
    )


def save_template(path="contact_log_template.csv") -> RichText:
    """Copy the empty template next to the notebook, to open in Excel; an existing file is never overwritten."""
    target = Path(path)
    if target.exists():
        return para(data.say("contact_log.template_exists", name=target.name))
    target.write_bytes(TEMPLATE.read_bytes())
    return para(data.say("contact_log.template_saved", name=target.name))


@needs_pandas
def report(path) -> RichText:
    """Read a log and show everything in one go; a bad file gets its Japanese message, not a traceback."""
    try:
        log = read_log(path)
    except ValueError as exc:
        return alert(str(exc))
    return _report(log)


def _report(log: ContactLog) -> RichText:
    parts = [log.summary()]
    if len(log.frame):
        parts.append(comparison_view(compare(log)))
    parts.append(rejected_view(log))
    return join(parts)


@needs_pandas
def _report_upload(upload: dict) -> RichText:
    try:
        return _report(read_log_bytes(bytes(upload["content"]), upload["name"]))
    except ValueError as exc:
        return alert(str(exc))


class Uploader(View):
    """Choose a CSV file in the browser and see its report; the file stays in the notebook's memory only."""

    def __init__(self):
        self.shown = EMPTY

    def show(self, files) -> RichText:
        """Report on the first uploaded file (a tuple of ipywidgets' upload dicts)."""
        if not files:
            return EMPTY
        first = files[0]
        self.shown = _report_upload(first)
        self._refresh()
        return self.shown

    def _build(self):
        import ipywidgets as w

        upload = w.FileUpload(
            accept=".csv",
            multiple=False,
            description=data.say("contact_log.upload_button"),
            tooltip=data.say("contact_log.upload_tooltip"),
        )
        result = w.HTML()
        upload.observe(lambda change: self.show(change["new"]), names="value")
        return w.VBox([upload, result]), {"upload": upload, "result": result}

    def _render(self) -> None:
        self._controls["result"].value = self.shown.html

    def static(self) -> RichText:
        return para(data.say("contact_log.upload_static"))


def uploader() -> Uploader:
    """Build the upload widget for the seller's own log."""
    return Uploader()
