"""The learner's progress: finished walkthroughs, passed exercises and quiz scores, in a small JSON file.

The file lives outside the repository, in the user's data folder (``platformdirs``), never in a notebook;
``KIT_PROGRESS_FILE`` or the ``path`` arguments point elsewhere (tests do). A missing or unreadable file
means starting afresh, with a message; every write replaces the file atomically, so a crash mid-write
leaves what was already recorded intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from helpers.display import RichText, esc, widget_bundle

ENV = "KIT_PROGRESS_FILE"
APP = "amazon-seller-support-kit"
VERSION = 1


def default_path() -> Path:
    """Return the progress file: ``$KIT_PROGRESS_FILE``, else the user's data folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False) / "progress.json"


def load(path: Path | None = None) -> tuple[dict, str | None]:
    """Return the recorded items and, when the file could not be used, a message saying so."""
    path = Path(path or default_path())
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}, _set_aside(path)
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, dict) or not all(isinstance(v, dict) for v in items.values()):
        return {}, _set_aside(path)
    return items, None


def _set_aside(path: Path) -> str:
    """Keep an unreadable file beside the new one, so nothing is thrown away."""
    kept = path.with_name(path.name + ".broken")
    try:
        os.replace(path, kept)
    except OSError:
        return "進み具合の記録が読めなかったため、最初から記録します。"
    return f"進み具合の記録が読めなかったため、最初から記録します（読めなかったファイルは {kept.name} として残しました）。"


def record(item: str, detail: dict | None = None, path: Path | None = None, now: datetime | None = None) -> None:
    """Record that ``item`` (e.g. ``"exercise:01-first-label"``) was finished, keeping earlier records."""
    path = Path(path or default_path())
    items, _ = load(path)
    entry = {"done_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"), **(detail or {})}
    if "score" in entry:
        entry["best"] = max(entry["score"], items.get(item, {}).get("best", 0))
    items[item] = entry
    _write_atomically(path, {"version": VERSION, "items": items})


def _write_atomically(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def safely_record(item: str, detail: dict | None = None) -> None:
    """Record progress from a widget or a check; a file that cannot be written never stops the lesson."""
    try:
        record(item, detail)
    except OSError:
        pass


def table(path: Path | None = None) -> RichText:
    """Show, per notebook, how many walkthroughs, exercises and quiz questions are done."""
    from helpers import data, exercises, quiz

    items, message = load(path)
    rows, lines = [], []
    for lesson in data.load_lessons():
        number = lesson.file[:2]
        parts = []
        walks = lesson.walkthroughs
        if walks:
            done = sum(f"walkthrough:{w}" in items for w in walks)
            parts.append(f"手順 {done}/{len(walks)}")
        try:
            questions = exercises.for_lesson(number)
        except ValueError:
            questions = ()
        if questions:
            done = sum(f"exercise:{q.id}" in items for q in questions)
            parts.append(f"練習問題 {done}/{len(questions)}")
        if number == quiz.LESSON and "quiz" in items:
            parts.append(f"クイズ 最高 {items['quiz'].get('best', 0)}/{items['quiz'].get('total', '?')} 点")
        elif number == quiz.LESSON:
            parts.append("クイズ 未挑戦")
        status = "、".join(parts) or "—"
        rows.append(f"<tr><td style='text-align:left'>{esc(lesson.title)}</td>"
                    f"<td style='text-align:left'>{esc(status)}</td></tr>")
        lines.append(f"{lesson.title}: {status}")
    head = f"<p>{esc(message)}</p>" if message else ""
    html = (head + "<table><thead><tr><th style='text-align:left'>ノートブック</th>"
            "<th style='text-align:left'>終わったもの</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return RichText(html, "\n".join(([message] if message else []) + lines))


class ProgressView:
    """The progress table as a widget with a refresh button; its stored version never shows personal data."""

    def __init__(self, path: Path | None = None):
        import ipywidgets as w

        self.path = path
        self.view = w.HTML()
        self.refresh_button = w.Button(description="最新の状態にする", icon="refresh",
                                       tooltip="ほかのノートブックで進めた分も含めて、表を読み直します")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.controls = {"refresh": self.refresh_button}
        self.widget = w.VBox([self.view, self.refresh_button])
        self.refresh()

    def refresh(self) -> None:
        self.shown = table(self.path)
        self.view.value = self.shown.html

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        text = ("あなたの進み具合 — ノートブックを実行すると、ここに終わった手順・練習問題・クイズの得点が"
                "表示されます（記録はこのパソコンの中だけにあり、ノートブックには保存されません）。")
        return widget_bundle(self.widget, RichText(f"<p>{esc(text)}</p>", text))


def progress_view(path: Path | None = None) -> ProgressView:
    """Build the progress widget for the start notebook."""
    return ProgressView(path)
