"""The learner's progress store: a small JSON file of finished items. It knows nothing of lessons.

An item is ``"<kind>:<id>"`` (``key("walkthrough", "PROC-SELLER-APP")``) with when it was done and any detail
(a score). The file lives outside the repository, in the user's data folder (``platformdirs``), never in a
notebook; ``KIT_PROGRESS_FILE`` or the ``path`` arguments point elsewhere (tests do).

The store can never do harm:

- only a regular file is read or replaced: a folder, a device, a FIFO or anything else is refused with a
  message and left exactly as it was; a symbolic link keeps working (its target is updated, the link kept);
- reads are capped at ``MAX_BYTES``;
- a file that is not what the kit wrote (not JSON, the wrong shape, too deeply nested, lone surrogates, too
  big) means starting afresh with a message; the file is kept beside the new one under a name of its own,
  never overwriting an earlier copy;
- every write replaces the file atomically, and a file lock around read-modify-write means two kernels
  recording at once lose nothing (the browser edition has no file locks: see ``_locked``);
- views record through ``safely_record``, which never raises;
- a valid file in a folder the kit cannot write is still read and shown, with a message that new progress
  cannot be recorded there.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from datetime import datetime
from pathlib import Path

ENV = "KIT_PROGRESS_FILE"
APP = "amazon-seller-support-kit"
VERSION = 1
MAX_BYTES = 1_000_000  # the kit's own file stays far below this (a few kilobytes)
LOCK_TIMEOUT_SECONDS = 10
AFRESH = "進み具合の記録が読めなかったため、最初から記録します"


def key(kind: str, item_id: str) -> str:
    """The name under which an item is recorded, e.g. ``"exercise:01-first-label"``."""
    return f"{kind}:{item_id}"


def default_path() -> Path:
    """Return the progress file: ``$KIT_PROGRESS_FILE``, else the user's data folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False) / "progress.json"


class Refused(ValueError):
    """The progress file's location cannot be used (not a regular file, or not reachable); nothing was touched."""


class ReadOnly(Refused):
    """The progress file's folder cannot be written (no lock can be taken there): it can still be read."""


READ_ONLY = "この場所には新しい進み具合を記録できません（フォルダーに書き込めません）。ここまでの記録は表示しています。"


def load(path: Path | None = None) -> tuple[dict, str | None]:
    """Return the recorded items and, when the file could not be used, a message saying so.

    A valid file in a folder the kit cannot write is still read (every write replaces the file whole, so a read
    without the lock sees a complete file) and shown, with the message that nothing new can be recorded there.
    """
    try:
        target = _target(path)
        if not target.exists():
            return {}, None
        with _locked(target):
            return _load(target, set_aside=True)
    except ReadOnly:
        try:
            items, message = _load(target, set_aside=False)
        except Refused as exc:
            return {}, str(exc)
        return items, message or READ_ONLY
    except Refused as exc:
        return {}, str(exc)


def record(item: str, detail: dict | None = None, path: Path | None = None, now: datetime | None = None) -> str | None:
    """Record that ``item`` was finished, keeping earlier records; a score keeps the best one as ``best``.

    Returns a message when an unusable file had to be set aside first (recording then starts afresh), or, on the
    class's JupyterHub, when the progress could not be sent to the trainers (``exchange.publish``). Raises
    ``Refused`` (a ``ValueError``) when the location cannot be used; nothing is touched then.
    """
    target = _target(path)
    entry = {"done_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"), **(detail or {})}
    with _locked(target):
        items, message = _load(target)
        if "score" in entry:
            entry["best"] = max(entry["score"], items.get(item, {}).get("best", 0))
        items[item] = entry
        _write_atomically(target, document := {"version": VERSION, "items": items})
    from helpers.core import exchange  # on the class's JupyterHub, trainers see it too; elsewhere nothing happens

    return message or exchange.publish(document)


def safely_record(item: str, detail: dict | None = None) -> str | None:
    """Record from a widget: never raises, so a file that cannot be used never stops the lesson.

    Returns what the learner should know: why nothing could be recorded, or that an unusable file was set aside.
    """
    try:
        return record(item, detail)
    except Refused as exc:
        return str(exc)
    except Exception:
        return "進み具合を記録できませんでした（レッスンはそのまま続けられます）。"


# ---------------------------------------------------------------- the file itself


def _target(path) -> Path:
    """The file to read and replace: the link's target for a symbolic link; refuse anything not a regular file."""
    try:
        target = Path(os.path.realpath(Path(path or default_path())))
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except (OSError, ValueError, TypeError, RuntimeError):
        raise Refused(
            f"進み具合の記録の場所（{ENV}）が使えないため、記録しません。ふつうのファイルの場所を指定してください。"
        ) from None
    if not stat.S_ISREG(mode):
        raise Refused(
            "進み具合の記録の場所がふつうのファイルではないため、読み書きしません（そのまま残しています）。"
            f"{ENV} にはファイルの場所を指定してください。"
        )
    return target


@contextlib.contextmanager
def _locked(target: Path):
    """Hold a lock beside the file around read-modify-write.

    In the browser edition (Pyodide) there is no file locking, and a soft lock file could outlive its kernel in
    the browser's storage and block every later record: there each write still replaces the whole file at once.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise Refused(f"進み具合の記録のフォルダーを使えないため、記録しません（{ENV} を確かめてください）。") from None
    if sys.platform == "emscripten":
        yield
        return
    import filelock

    lock = filelock.FileLock(str(target) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise Refused("ほかのノートブックが進み具合を記録中のため、今回は記録しません。") from None
    except OSError:
        raise ReadOnly(
            f"進み具合の記録のフォルダーに書き込めないため、記録しません（{ENV} を確かめてください）。"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _load(target: Path, set_aside: bool = True) -> tuple[dict, str | None]:
    """Read the file (the caller holds the lock); a file that is not the kit's is set aside (or, where nothing can
    be written, left alone and not read)."""
    try:
        handle = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return {}, None
    except OSError:
        raise Refused("進み具合の記録を開けないため、記録しません。") from None
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # changed since it was looked at
            raise Refused(
                "進み具合の記録の場所がふつうのファイルではないため、読み書きしません（そのまま残しています）。"
            )
        content = file.read(MAX_BYTES + 1)
    items = _items(content)
    if items is None:
        if not set_aside:
            raise Refused("進み具合の記録が読めません（書き込めないフォルダーなので、そのままにしています）。")
        return {}, _set_aside(target)
    return items, None


def _items(content: bytes) -> dict | None:
    """The recorded items if ``content`` is a file the kit wrote, else ``None``."""
    if len(content) > MAX_BYTES:
        return None
    try:
        document = json.loads(content.decode("utf-8"))
        json.dumps(document, ensure_ascii=False).encode("utf-8")  # lone surrogates cannot be written back
    except (UnicodeError, ValueError, RecursionError):
        return None
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, dict):
        return None
    for entry in items.values():
        if not isinstance(entry, dict) or not all(
            isinstance(v, (str, int, float, bool)) or v is None for v in entry.values()
        ):
            return None
        if any(
            k in entry and (isinstance(entry[k], bool) or not isinstance(entry[k], (int, float)))
            for k in ("score", "best")
        ):
            return None
    return items


def _set_aside(target: Path) -> str:
    """Keep a file that is not the kit's beside the new one, under a name no earlier copy has; when it cannot be
    kept, refuse rather than overwrite it."""
    import secrets

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for _ in range(10):
        kept = target.with_name(f"{target.name}.broken-{stamp}-{secrets.token_hex(3)}")
        if kept.exists():
            continue
        try:
            os.rename(target, kept)
        except OSError:
            break
        return f"{AFRESH}（読めなかったファイルは {kept.name} として残しました）。"
    raise Refused("進み具合の記録が読めず、別の名前で残すこともできないため、そのままにして記録しません。")


def _write_atomically(path: Path, document: dict) -> None:
    import tempfile

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
