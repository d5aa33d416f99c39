"""Shared test fixtures."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from helpers import progress

# Progress is recorded outside the repository; tests (and the notebook kernels nbval starts, which inherit
# this environment) write to a throw-away file, never to the user's own.
os.environ[progress.ENV] = str(Path(tempfile.mkdtemp(prefix="kit-progress-")) / "progress.json")


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
    """Give every test its own, empty progress file."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv(progress.ENV, str(path))
    return path
