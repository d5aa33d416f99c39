"""Python as the browser edition runs it before pandas is downloaded: pandas and numpy cannot be imported.

``run(script)`` runs ``script`` in a fresh interpreter of this environment, from the kit's folder (so the helpers
under test are imported), with both hidden, and returns what it printed followed by the JSON list of the two that
were imported anyway (``[]`` when neither was): ``stdout, loaded = run(...)``.
"""

from __future__ import annotations

import json
import subprocess
import sys

from support import ROOT

HIDE = r"""
import sys as _sys

class _Hidden:
    # As in the browser edition before pandas is downloaded: pandas and numpy are not installed.
    def __init__(self, finder):
        self.finder = finder
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pandas", "numpy"):
            return None
        return self.finder.find_spec(name, path, target)
    def __getattr__(self, name):
        return getattr(self.finder, name)

_sys.meta_path[:] = [_Hidden(f) for f in _sys.meta_path]
"""
LOADED = (
    "import json as _json, sys as _sys\n"
    "print(_json.dumps(sorted(m for m in ('pandas', 'numpy') if _sys.modules.get(m) is not None)))"
)


def run(script: str) -> tuple[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", HIDE + "\n" + script + "\n" + LOADED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    printed, _, last = out.rstrip("\n").rpartition("\n")
    return printed, json.loads(last)
