"""Stored notebooks are clean golden files: what nbval compares, and what GitHub shows without a kernel."""

from __future__ import annotations

import re

import pytest
from support import read_notebook, stored_notebooks

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MACHINE_PATH = re.compile(r"(/root/|/home/|/Users/|/tmp/|[A-Za-z]:\\\\|site-packages|\.venv)")
NOTEBOOKS = stored_notebooks()


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def outputs(nb):
    return [o for c in code_cells(nb) for o in c.get("outputs", [])]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def nb(request):
    return read_notebook(request.param)


def test_there_are_notebooks():
    assert NOTEBOOKS


def test_no_saved_widget_state(nb):
    assert "widgets" not in nb["metadata"]
    assert not any(WIDGET_VIEW in o.get("data", {}) for o in outputs(nb)), "live widget views are not stored"


def test_no_execution_timestamps_or_machine_metadata(nb):
    assert not any("execution" in c["metadata"] for c in nb["cells"])
    assert nb["metadata"]["language_info"] == {"name": "python"}


def test_executed_top_to_bottom_in_one_clean_run(nb):
    counts = [c["execution_count"] for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1))


def test_no_error_outputs(nb):
    assert not [o for o in outputs(nb) if o["output_type"] == "error"]


def test_no_machine_paths_in_outputs(nb):
    for output in outputs(nb):
        text = str(output.get("text", "")) + str(output.get("data", {}))
        assert not MACHINE_PATH.search(text), text[:200]


def test_every_rich_output_has_a_static_html_and_text_version(nb):
    for output in outputs(nb):
        if output["output_type"] in ("display_data", "execute_result"):
            assert {"text/html", "text/plain"} <= output["data"].keys()


def test_ignored_outputs_say_why(nb):
    for cell in code_cells(nb):
        tags = cell["metadata"].get("tags", [])
        if "nbval-ignore-output" in tags or "nbval-skip" in tags:
            assert re.search(r"^# .*(なぜ|reason|because|理由)", "".join(cell["source"]), re.M), cell["source"]


def test_starts_with_a_title_and_imports_the_helpers(nb):
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    assert "from helpers import" in "".join(code_cells(nb)[0]["source"])


def test_notebooks_do_not_touch_sys_path(nb):
    assert not any("sys.path" in "".join(c["source"]) for c in code_cells(nb))
