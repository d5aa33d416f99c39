"""The browser edition without a browser: no pandas unless a lesson uses it, and the kit's wheel carries its data.

In the browser edition numpy and pandas are the only packages that come from the internet, so every notebook whose
lesson does not say ``pandas = true`` must run without them, and those that do must say what to do when pandas
could not be downloaded. The site itself is built and used in Chromium by ``tests/browser/test_browser_edition.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import nbformat
import pytest
from nbclient import NotebookClient
from support import ROOT

from helpers.core import data

BLOCK = r"""
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
REPORT = ("import json as _json, sys as _sys\n"
          "print(_json.dumps(sorted(m for m in ('pandas', 'numpy') if _sys.modules.get(m) is not None)))")


def run_without_pandas(notebook: str) -> tuple[list[dict], list[str]]:
    """Run a notebook with pandas and numpy unimportable; return its outputs and the modules loaded anyway."""
    nb = nbformat.read(ROOT / "notebooks" / f"{notebook}.ipynb", as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(BLOCK))
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for cell in nb.cells[1:-1] if cell.cell_type == "code" for o in cell.outputs]
    loaded = json.loads("".join(o["text"] for o in nb.cells[-1].outputs if o.get("name") == "stdout"))
    return outputs, loaded


def problems(outputs: list[dict]) -> list[str]:
    return [o.get("ename") or "".join(o.get("text", "")) for o in outputs
            if o["output_type"] == "error" or o.get("name") == "stderr"]


LESSONS = data.load_lessons()


@pytest.mark.parametrize("lesson", [r.id for r in LESSONS if not r.pandas])
def test_lessons_without_pandas_never_import_it(lesson):
    outputs, loaded = run_without_pandas(lesson)
    assert problems(outputs) == [] and loaded == []


@pytest.mark.parametrize("lesson", [r.id for r in LESSONS if r.pandas])
def test_lessons_with_pandas_say_what_to_do_when_it_is_missing(lesson):
    outputs, _ = run_without_pandas(lesson)
    assert problems(outputs) == []
    shown = "".join(o.get("data", {}).get("text/plain", "") if isinstance(o.get("data", {}).get("text/plain"), str)
                    else "".join(o.get("data", {}).get("text/plain", [])) for o in outputs)
    assert data.say("course.pandas_missing") in shown


def test_the_pandas_lessons_import_pandas_where_the_browser_edition_sees_it():
    """The browser edition's kernel downloads a package for the imports written in a cell, not for imports inside
    the kit's functions: each pandas lesson imports pandas in its first code cell, and no other lesson does."""
    for record in LESSONS:
        nb = nbformat.read(ROOT / "notebooks" / f"{record.id}.ipynb", as_version=4)
        first = next(c for c in nb.cells if c.cell_type == "code").source
        everywhere = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert ("import pandas" in first) == record.pandas and ("import pandas" in everywhere) == record.pandas


def test_importing_every_helper_needs_neither_pandas_nor_numpy():
    modules = sorted(p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
                     for p in (ROOT / "helpers").rglob("*.py"))
    script = BLOCK + f"\nimport importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n" + REPORT
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


# ---------------------------------------------------------------- the kit as a wheel

def test_the_kits_wheel_carries_every_data_file_and_finds_it(tmp_path):
    from tools import build_lite

    wheel = build_lite.kit_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site-packages")
    assert {f"helpers/_data/{p.name}" for p in (ROOT / "data").iterdir() if p.is_file()} <= names
    assert "helpers/core/data.py" in names and not any(n.startswith("data/") for n in names)
    script = "from helpers.core import data; print(data.DATA_DIR); print(len(data.load_facts()))"
    installed = str(tmp_path / "site-packages")
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {installed!r}); " + script],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == str(tmp_path / "site-packages" / "helpers" / "_data") and int(out[1]) == len(data.load_facts())
