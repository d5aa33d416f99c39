"""The browser edition without a browser: no pandas unless a lesson uses it, and the kit's wheel carries its data.

In the browser edition numpy and pandas are the only packages that come from the internet, so every notebook whose
lesson does not say ``pandas = true`` must run without them, and those that do must say what to do when pandas
could not be downloaded. That a lesson without pandas never imports it is checked in the kernel nbval runs it in
(``notebooks/<name>.ipynb::promises``, ``support/promise_probe.py``); what the pandas views say without it, in
``tests/core/test_optional.py``. The site itself is built and used in Chromium by
``tests/browser/test_browser_edition.py``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import nbformat
from support import ROOT, without_pandas

from helpers.core import data

LESSONS = data.load_lessons()


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
    _, loaded = without_pandas.run(f"import importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n")
    assert loaded == []


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
