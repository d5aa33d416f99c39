"""Code run inside a notebook's kernel by ``test_promises.py``: it watches, acts as a careless learner, and reports.

``WATCH`` runs first: an audit hook records every file write, rename, deletion and folder creation made while kit
code (``helpers/``) is on the stack, and every network connection. ``ACT`` runs last: it types text full of
private data into every text field the notebook shows, presses every button, and reports as JSON what was
written, where the private data appears, and what every field holds.
"""

WATCH = r"""
import os as _os, sys as _sys
_KIT = _os.path.join(_os.environ["KIT_ROOT"], "helpers") + _os.sep
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
import json as _json
import ipywidgets as _w
from ipywidgets.widgets.widget import _instances

_TYPED = _os.environ["KIT_TYPED"]
_widgets = list(_instances.values())
for _field in [x for x in _widgets if isinstance(x, (_w.Text, _w.Textarea)) and not x.disabled]:
    _field.value = _TYPED          # what the learner's browser sends on Enter or on leaving the field
for _upload in [x for x in _widgets if isinstance(x, _w.FileUpload)]:
    from datetime import datetime as _dt, timezone as _tz
    _content = _os.environ["KIT_UPLOAD"].encode("utf-8")
    _upload.value = ({"name": "log.csv", "type": "text/csv", "size": len(_content), "content": memoryview(_content),
                      "last_modified": _dt.now(_tz.utc)},)
for _button in [x for x in _widgets if isinstance(x, _w.Button) and not x.disabled]:
    _button.click()
_widgets = list(_instances.values())
_shown = {}
for _x in _widgets:
    if isinstance(_x, _w.HTML):
        _shown.setdefault("HTML", []).append(_x.value)
    elif isinstance(_x, _w.Output):
        _shown.setdefault("Output", []).append(_json.dumps(_x.outputs, ensure_ascii=False))
    elif isinstance(_x, (_w.Text, _w.Textarea)):
        _shown.setdefault("fields", []).append([_x.description or _x.placeholder, _x.value])
print(_json.dumps({"events": _kit_events, "shown": _shown}, ensure_ascii=False))
"""
