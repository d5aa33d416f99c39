"""The learner's progress store: a small JSON file of finished items. It knows nothing of lessons.

An item is ``"<kind>:<id>"`` (``key("walkthrough", "PROC-SELLER-APP")``) with when it was done and any detail
(a score). The file lives outside the repository, in the user's data folder (``platformdirs``), never in a
notebook; ``KIT_PROGRESS_FILE`` or the ``path`` arguments point elsewhere (tests do). A missing or unreadable file
means starting afresh, with a message; every write replaces the file atomically, so a crash mid-write leaves
what was already recorded intact. Views record where the learner acts; nothing here is called by a pure check.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

ENV = "KIT_PROGRESS_FILE"
APP = "amazon-seller-support-kit"
VERSION = 1


def key(kind: str, item_id: str) -> str:
    """The name under which an item is recorded, e.g. ``"exercise:01-first-label"``."""
    return f"{kind}:{item_id}"


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
    """Record that ``item`` was finished, keeping earlier records; a score keeps the best one as ``best``."""
    path = Path(path or default_path())
    items, _ = load(path)
    entry = {"done_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"), **(detail or {})}
    if "score" in entry:
        entry["best"] = max(entry["score"], items.get(item, {}).get("best", 0))
    items[item] = entry
    _write_atomically(path, {"version": VERSION, "items": items})


def _write_atomically(path: Path, document: dict) -> None:
    import tempfile

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
    """Record from a widget: a file that cannot be written never stops the lesson."""
    try:
        record(item, detail)
    except OSError:
        pass
