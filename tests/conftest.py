"""Shared test fixtures and settings, and the one place that keeps every test run off the learner's own progress file.

Shared code that is not a fixture lives in ``tests/support`` (a package, on the path as ``support``); no test module
imports another.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from nbval.plugin import IPyNbCell

from helpers.core import exchange, progress
from support import ROOT

# Hypothesis: how many examples each property tries; no test sets its own count. `quick` is every run's (`kit.py test`,
# plain `pytest`): Hypothesis' own default, which keeps the properties of forms, redaction and bad input to about
# half a minute on one core. `thorough` is `pytest --hypothesis-profile=thorough` (`kit.py test --thorough`): twenty
# times as many, four times the most any test asked for before the profiles. Failures found are replayed first from
# Hypothesis' example database (.hypothesis/) on the next run, whichever profile.
settings.register_profile("quick", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile("quick")

_SESSION_DIR: Path | None = None


def pytest_configure(config):
    """Point the progress file of this run (and of the notebook kernels nbval starts) at a throw-away folder; with
    nbval, check the promises in each notebook's kernel after its cells (support/notebook_checks.py)."""
    global _SESSION_DIR
    _SESSION_DIR = Path(tempfile.mkdtemp(prefix="kit-test-progress-"))
    config._kit_saved_progress_env = os.environ.get(progress.ENV)
    os.environ[progress.ENV] = str(_SESSION_DIR / "progress.json")
    if config.getoption("nbval", default=False):
        from support.notebook_checks import NotebookChecks

        config.pluginmanager.register(NotebookChecks(_SESSION_DIR), "kit-notebook-checks")


def pytest_unconfigure(config):
    saved = getattr(config, "_kit_saved_progress_env", None)
    if saved is None:
        os.environ.pop(progress.ENV, None)
    else:
        os.environ[progress.ENV] = saved
    if _SESSION_DIR is not None:
        shutil.rmtree(_SESSION_DIR, ignore_errors=True)


# Beyond tests/, where no module can mark its own tests: the docstring examples of the modules of Japan time.
ZONE_EXAMPLES = {"helpers/core/clock.py", "helpers/hours.py", "helpers/situations.py"}


# kit.py test shares the browser tests out to its two workers file by file (each file on one worker, its module
# fixtures made once: the browser edition's site, the class's hub), in this order, the rest after them. pytest-xdist
# hands a worker its next file as soon as it has two tests or fewer left (a worker holds its last test until it knows
# what follows), so the browser edition, a single test, takes the app with it: one worker runs JupyterLab then the
# hub, the other the browser edition then the app (about 360 s each on two cores), and the short files fill the end.
BROWSER_FILES_FIRST = (
    "test_jupyterlab.py",
    "test_browser_edition.py",
    "test_app.py",
    "test_hub.py",
)


def pytest_collection_modifyitems(config, items):
    """Mark `zone` (kit.py test runs these again under another time zone and language) every notebook cell nbval
    runs, for a notebook shows times, dates and deadlines, and the examples of the modules of Japan time. The tests
    under tests/ carry the marker themselves. The longest browser files go first, in the order of
    ``BROWSER_FILES_FIRST``; within a file, and among the others, the order stays."""
    for item in items:
        if isinstance(item, IPyNbCell) or (
            isinstance(item, pytest.DoctestItem) and item.path.relative_to(ROOT).as_posix() in ZONE_EXAMPLES
        ):
            item.add_marker(pytest.mark.zone)
    first = BROWSER_FILES_FIRST
    items.sort(key=lambda item: first.index(item.path.name) if item.path.name in first else len(first))


@pytest.fixture
def write(tmp_path):
    """Write a data file into a temporary folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def fresh_progress(tmp_path, monkeypatch):
    """Give every test its own, empty progress file, sent nowhere (even when the tests run on the class's hub)."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv(progress.ENV, str(path))
    monkeypatch.delenv(exchange.URL_ENV, raising=False)
    return path


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright of the session (the sync API allows one per thread), for tests/browser and tests/hub."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running
