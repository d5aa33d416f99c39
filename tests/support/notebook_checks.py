"""A pytest plugin that runs every notebook once per pass: nbval's run is also the one the promises are checked on.

nbval (``--nbval``) starts one kernel per notebook, runs its cells as items ``notebooks/<name>.ipynb::Cell <n>`` and
compares their outputs with the stored ones. This plugin (registered by ``tests/conftest.py``) adds to that run,
through nbval's own kernel interface (the one its coverage support uses):

- each notebook's kernel gets a progress file of its own, as ``kit.py regen`` gives it, so that no notebook sees
  what another one recorded, whatever worker or order it runs in, and sends it nowhere (no class hub);
- before the notebook's first cell, the audit hook of ``promise_probe.WATCH`` is installed in that kernel;
- after its last cell, one more item, ``notebooks/<name>.ipynb::promises`` (same file, so ``--dist loadfile`` keeps
  it on the worker that ran the cells, right after them), acts as a careless learner in the same kernel
  (``promise_probe.act``) and checks the report against every promise of ``promise_probe``, and, for a lesson
  with ``pandas = false``, that neither its cells nor its buttons imported pandas or numpy.

A plugin object rather than hooks in ``conftest.py``: pytest calls a conftest's item hooks only for items below its
folder, and the notebooks are not below ``tests/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell, IPyNbFile

from helpers.core import data, exchange, progress
from support import ROOT, promise_probe

LESSONS = {lesson.file: lesson for lesson in data.load_lessons()}


def set_environ(values: dict[str, str | None]) -> None:
    """Set environment variables; None removes one."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


class Promises(pytest.Item):
    """The README's privacy promises, checked in the kernel nbval just ran a notebook in."""

    def __init__(self, *, checks, **kwargs):
        super().__init__(**kwargs)
        self.checks = checks

    def runtest(self):
        notebook: IPyNbFile = self.parent
        if not self.checks.ran.get(notebook.nodeid):
            pytest.skip("none of this notebook's cells ran in this session")
        kernel = notebook.kernel
        if kernel is None or not kernel.is_alive():
            raise AssertionError("the notebook's kernel is not running (a cell before timed out or crashed it)")
        report = promise_probe.report_of(
            promise_probe.run_in_kernel(kernel, promise_probe.act()), self.checks.progress_file(notebook)
        )
        assert report["watched"], "the audit hook was installed before the notebook's first cell"
        assert report["widgets"] >= 1 and report["pressed"] >= 1, "the probe sees the notebook's widgets"
        source = "\n".join(cell.source for cell in notebook.nb.cells if cell.cell_type == "code")
        if "preparation.checklist()" in source:
            assert any("下4桁" in (label or "") for label, _ in report["shown"].get("fields", [])), (
                "the probe typed into the card field of the checklist"
            )
        for promise in self.promises(notebook, source):
            promise(report)

    def promises(self, notebook: IPyNbFile, source: str) -> list:
        """The promises that apply to this notebook (``source``: its code)."""
        promises = [
            promise_probe.the_kit_writes_nothing_but_the_progress_file,
            promise_probe.private_text_typed_anywhere_is_never_shown_back,
            promise_probe.no_field_keeps_more_than_four_digits_of_a_card,
            promise_probe.the_progress_file_holds_only_finished_items,
            promise_probe.no_notebook_makes_a_network_connection,
        ]
        if "contact_log.uploader()" in source:
            promises.append(promise_probe.an_uploaded_log_stays_in_memory)
        lesson = LESSONS.get(notebook.path.name) if notebook.path.parent == ROOT / "notebooks" else None
        if lesson is not None and not lesson.pandas:
            promises.append(promise_probe.a_lesson_without_pandas_never_imports_it)
        return promises

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, AssertionError):
            return f"{self.parent.path.name}: a promise is broken\n{excinfo.getrepr(style='short')}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.parent.name}::promises"


class NotebookChecks:
    """Registered by tests/conftest.py when nbval runs: see the module's docstring."""

    def __init__(self, session_dir: Path):
        self.session_dir = session_dir
        self.ran: dict[str, bool] = {}  # notebook nodeid -> whether any of its cells ran

    def progress_file(self, notebook: IPyNbFile) -> Path:
        """The notebook's own progress file, in a folder of its own that exists (as the learner's data folder)."""
        path = self.session_dir / "notebooks" / notebook.nodeid.replace("/", "__") / "progress.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    @pytest.hookimpl(tryfirst=True)  # before -k and -m deselect, so that they apply to the added items too
    def pytest_collection_modifyitems(self, items):
        notebooks: dict[IPyNbFile, int] = {}
        for index, item in enumerate(items):
            if isinstance(item, IPyNbCell):
                notebooks[item.parent] = index  # the last cell of each notebook
        for notebook, last in sorted(notebooks.items(), key=lambda pair: pair[1], reverse=True):
            items.insert(last + 1, Promises.from_parent(notebook, name="promises", checks=self))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        notebook = item.parent if isinstance(item, (IPyNbCell, Promises)) else None
        starting = notebook is not None and notebook.kernel is None  # nbval starts its kernel in this setup
        if starting:  # the kernel inherits this process's environment when it starts
            kernel_env = {progress.ENV: str(self.progress_file(notebook)), exchange.URL_ENV: None}  # sent nowhere
            saved = {name: os.environ.get(name) for name in kernel_env}
            set_environ(kernel_env)
        try:
            result = yield
        finally:
            if starting:
                set_environ(saved)
        if starting:
            promise_probe.run_in_kernel(notebook.kernel, promise_probe.WATCH)
        if isinstance(item, IPyNbCell):
            self.ran[notebook.nodeid] = True
        return result
