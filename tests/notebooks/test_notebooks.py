"""Stored notebooks are clean golden files: what nbval compares, and what GitHub shows without a kernel.

The privacy guard (tools/notebook_guard.py) fails on saved widget state, error outputs, personal data and
machine paths; its own tests build offending notebooks in code.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from support import ROOT, read_notebook, stored_notebooks

from tools import notebook_guard

NOTEBOOKS = stored_notebooks()


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def outputs(nb):
    return [o for c in code_cells(nb) for o in c.get("outputs", [])]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def path(request):
    return request.param


def test_there_are_notebooks():
    assert NOTEBOOKS


def test_privacy_guard_passes(path):
    assert notebook_guard.problems(path) == []


def test_no_machine_specific_metadata(path):
    assert read_notebook(path)["metadata"]["language_info"] == {"name": "python"}


def test_executed_top_to_bottom_in_one_clean_run(path):
    counts = [c["execution_count"] for c in code_cells(read_notebook(path))]
    assert counts == list(range(1, len(counts) + 1))


def test_every_rich_output_has_a_static_html_and_text_version(path):
    for output in outputs(read_notebook(path)):
        if output["output_type"] in ("display_data", "execute_result"):
            assert {"text/html", "text/plain"} <= output["data"].keys()


def test_ignored_outputs_say_why(path):
    for cell in code_cells(read_notebook(path)):
        tags = cell["metadata"].get("tags", [])
        if "nbval-ignore-output" in tags or "nbval-skip" in tags:
            assert re.search(r"^# .*(なぜ|reason|because|理由)", "".join(cell["source"]), re.M), cell["source"]


def test_starts_with_a_title_and_imports_the_helpers(path):
    nb = read_notebook(path)
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    assert "from helpers import" in "".join(code_cells(nb)[0]["source"])


def test_notebooks_do_not_touch_sys_path(path):
    assert not any("sys.path" in "".join(c["source"]) for c in code_cells(read_notebook(path)))


# ---------------------------------------------------------------- the guard catches what it must


def guarded(tmp_path, cells, metadata=None) -> list[str]:
    nb = new_notebook(cells=cells, metadata=metadata or {})
    target = tmp_path / "nb.ipynb"
    nbformat.write(nb, target)
    return notebook_guard.problems(target)


def shown(text: str):
    cell = new_code_cell("x", execution_count=1)
    cell.outputs = [new_output("execute_result", data={"text/plain": text}, execution_count=1)]
    return cell


@pytest.mark.parametrize("text, kind", [
    ("折り返しは 080-2345-6789 に", "電話番号"),
    ("折り返しは ０８０ー２３４５ー６７８９ に", "電話番号"),
    ("mail: seller@gmail.com", "メールアドレス"),
    ("card 4111 1111 1111 1111", "カード番号"),
])
def test_guard_catches_personal_data(tmp_path, text, kind):
    assert any(kind in p for p in guarded(tmp_path, [shown(text)]))


@pytest.mark.parametrize("text", [
    "例: 090-1111-2222 → 90-1111-2222", "0120-999-373、011-330-3000、022-745-0015、+81-11-330-3000",
    "練習用の番号 080-3333-4444 → 80-3333-4444、070-5555-6666",
    "taro@example.com", "注文番号 249-1234567-1234567", "2026-11-27 10:05",
])
def test_guard_allows_the_articles_numbers_examples_and_order_numbers(tmp_path, text):
    assert guarded(tmp_path, [shown(text)]) == []


def test_guard_catches_widget_state_errors_timestamps_and_paths(tmp_path):
    error = new_code_cell("1/0", execution_count=1)
    error.outputs = [new_output("error", ename="ZeroDivisionError", evalue="", traceback=[])]
    timed = new_code_cell("1", execution_count=2, metadata={"execution": {"iopub.execute_input": "2026"}})
    view = new_code_cell("w", execution_count=3)
    view.outputs = [new_output("display_data", data={notebook_guard.WIDGET_VIEW: {"model_id": "abc"},
                                                     "text/plain": "w"})]
    found = guarded(tmp_path, [error, timed, view, shown("/home/hanako/kit/data.csv"),
                               new_markdown_cell("C:\\\\Users\\\\hanako")],
                    metadata={"widgets": {"state": {}}})
    text = "\n".join(found)
    for expected in ("metadata.widgets", "error output", "timestamps", "live-widget view", "machine path"):
        assert expected in text


def test_guard_command_reports_and_fails(tmp_path, capsys):
    nb = new_notebook(cells=[shown("call 080-2345-6789")])
    nbformat.write(nb, tmp_path / "bad.ipynb")
    assert notebook_guard.main([str(tmp_path / "bad.ipynb")]) == 1
    assert "電話番号" in capsys.readouterr().out
    assert notebook_guard.main([str(p) for p in NOTEBOOKS]) == 0
