"""The README's privacy promises, checked in each notebook's own kernel: the one nbval runs (``notebook_checks.py``).

``WATCH`` is run in the kernel before the notebook's first cell: an audit hook records every file write, rename,
deletion and folder creation made while kit code (the ``helpers`` the kernel imports) is on the stack, and every
network connection. ``act()`` is run after its last cell: it notes whether pandas or numpy were imported, then acts
as a careless learner (types text full of private data into every text field the notebook shows, uploads a log,
presses every button), notes it again, and prints a report as JSON: what was written, what every widget shows and
what every field holds. The functions below the code say what a report must satisfy, one promise each;
``tests/notebooks/test_promises.py`` maps the README's promises to them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Invented private data: a phone number, an e-mail address, a test card number, and markup.
PHONE, EMAIL, CARD = "090-8765-4321", "hanako.private@example.jp", "4111 1111 1111 1111"
TYPED = f"電話 {PHONE}、メール {EMAIL}、カード {CARD} <img src=x onerror=alert(1)>"
PRIVATE = ("8765-4321", "87654321", "hanako.private", "4111 1111", "4111111111111111", "<img src=x")
UPLOAD = f"日時,方法,内容,返信までの分,解決,ケースID\n2026-11-20 10:05,チャット,{TYPED},5,はい,{CARD}\n"

WATCH = r"""
import os as _os, sys as _sys
from importlib.util import find_spec as _find_spec
_sys.dont_write_bytecode = True  # Python's own caches are not the kit's writes
# The kit's code: wherever this kernel imports helpers from (found, not imported).
_KIT = _os.path.join(_find_spec("helpers").submodule_search_locations[0], "")
del _find_spec
_kit_events = []
_WRITE_FLAGS = _os.O_WRONLY | _os.O_RDWR | _os.O_CREAT | _os.O_APPEND | _os.O_TRUNC
_CHANGES = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.truncate", "os.symlink", "os.link", "os.chmod",
            "os.chown", "os.utime", "shutil.rmtree", "shutil.move", "shutil.copyfile"}

def _kit_on_stack(_sys=_sys, _KIT=_KIT):
    frame = _sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(_KIT):
            return True
        frame = frame.f_back
    return False

def _kit_audit(event, args, _CHANGES=_CHANGES, _WRITE_FLAGS=_WRITE_FLAGS, _on_stack=_kit_on_stack,
               _events=_kit_events):
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int):  # a file descriptor already opened (and seen) by os.open
            return
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITE_FLAGS)
    elif event in _CHANGES:  # a rename names both ends
        path, writes = " -> ".join(str(a) for a in args[:2] if isinstance(a, (str, bytes, _os.PathLike))), True
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):  # from anything, kit or not
        _events.append([event, repr(args[1:])])
        return
    else:
        return
    if writes and _on_stack():
        _events.append([event, str(path)])

_sys.addaudithook(_kit_audit)
del _kit_audit  # the hook keeps its own references; nothing of it is left for the notebook to see
"""

ACT = r"""
import json as _json, sys as _sys
import ipywidgets as _w
from ipywidgets.widgets.widget import _instances

_loaded = sorted(m for m in ("pandas", "numpy") if _sys.modules.get(m) is not None)
_TYPED = __TYPED__
_widgets = list(_instances.values())
_seen = len(_widgets)
_typed = 0
for _field in [x for x in _widgets if isinstance(x, (_w.Text, _w.Textarea)) and not x.disabled]:
    _field.value = _TYPED          # what the learner's browser sends on Enter or on leaving the field
    _typed += 1
for _upload in [x for x in _widgets if isinstance(x, _w.FileUpload)]:
    from datetime import datetime as _dt, timezone as _tz
    _content = __UPLOAD__.encode("utf-8")
    _upload.value = ({"name": "log.csv", "type": "text/csv", "size": len(_content), "content": memoryview(_content),
                      "last_modified": _dt.now(_tz.utc)},)
_pressed = 0
for _button in [x for x in _widgets if isinstance(x, _w.Button) and not x.disabled]:
    _button.click()
    _pressed += 1
_widgets = list(_instances.values())
_shown = {}
for _x in _widgets:
    if isinstance(_x, _w.HTML):
        _shown.setdefault("HTML", []).append(_x.value)
    elif isinstance(_x, _w.Output):
        _shown.setdefault("Output", []).append(_json.dumps(_x.outputs, ensure_ascii=False))
    elif isinstance(_x, (_w.Text, _w.Textarea)):
        _shown.setdefault("fields", []).append([_x.description or _x.placeholder, _x.value])
print(_json.dumps({"watched": "_kit_events" in globals(), "events": globals().get("_kit_events", []),
                   "shown": _shown, "widgets": _seen, "typed": _typed, "pressed": _pressed,
                   "loaded_before_acting": _loaded,
                   "loaded_after_acting": sorted(m for m in ("pandas", "numpy") if _sys.modules.get(m) is not None)},
                  ensure_ascii=False))
"""


def act(typed: str = TYPED, upload: str = UPLOAD) -> str:
    """The careless learner's code, typing ``typed`` and uploading ``upload``."""
    return ACT.replace("__TYPED__", repr(typed)).replace("__UPLOAD__", repr(upload))


def run_in_kernel(kernel, code: str, timeout: float = 120) -> str:
    """Run ``code`` in a running nbval kernel (as nbval's own coverage support does) and return what it printed."""
    msg_id = kernel.execute_cell_input(code, allow_stdin=False)
    kernel.await_reply(msg_id, timeout=timeout)
    printed = []
    while True:
        msg = kernel.get_message(stream="iopub", timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        content = msg["content"]
        if msg["msg_type"] == "stream" and content["name"] == "stdout":
            printed.append(content["text"])
        elif msg["msg_type"] == "error":
            raise RuntimeError(f"{content['ename']}: {content['evalue']}\n" + "\n".join(content["traceback"]))
        elif msg["msg_type"] == "status" and content["execution_state"] == "idle":
            return "".join(printed)


def report_of(printed: str, progress_file: Path) -> dict:
    """The report ``act`` printed, with the progress file the notebook's kernel used."""
    return {**json.loads(printed), "progress": progress_file}


# ---------------------------------------------------------------- what a report must satisfy (one promise each)


def the_kit_writes_nothing_but_the_progress_file(report: dict) -> None:
    folder = str(report["progress"].parent)
    for event, where in report["events"]:
        if event.startswith("socket."):
            continue
        ends = where.split(" -> ")
        assert all(e == folder or e.startswith(str(report["progress"])) for e in ends), (event, where)


def private_text_typed_anywhere_is_never_shown_back(report: dict) -> None:
    for kind in ("HTML", "Output"):
        for shown in report["shown"].get(kind, []):
            leaked = [p for p in PRIVATE if p in shown]
            assert not leaked, (kind, leaked, shown[:300])


def no_field_keeps_more_than_four_digits_of_a_card(report: dict) -> None:
    for label, value in report["shown"].get("fields", []):
        if "下4桁" in (label or ""):
            assert len(re.sub(r"\D", "", value)) <= 4, (label, value)


def the_progress_file_holds_only_finished_items(report: dict) -> None:
    path = report["progress"]
    if not path.exists():
        return
    content = path.read_text(encoding="utf-8")
    assert not [p for p in PRIVATE if p in content]
    items = json.loads(content)["items"]
    assert all(re.fullmatch(r"(walkthrough|exercise|quiz):[\w-]+", key) for key in items), items
    assert all(set(entry) <= {"done_at", "score", "total", "best"} for entry in items.values()), items


def no_notebook_makes_a_network_connection(report: dict) -> None:
    assert [e for e in report["events"] if e[0].startswith("socket.")] == []


def an_uploaded_log_stays_in_memory(report: dict) -> None:
    """For a notebook with the log uploader: the upload was read, and nothing was written for it."""
    assert any("log.csv: 1行のうち、1行を読み込みました" in html for html in report["shown"]["HTML"])
    assert [e for e in report["events"] if not e[0].startswith("socket.")] == []


def a_lesson_without_pandas_never_imports_it(report: dict) -> None:
    """For a lesson with ``pandas = false`` (what the browser edition runs without the internet): neither its cells
    nor any button of it imports pandas or numpy."""
    assert report["loaded_before_acting"] == [] and report["loaded_after_acting"] == []
