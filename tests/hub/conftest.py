"""The class's hub (tests/hub): a real JupyterHub and proxy on 127.0.0.1, run as root with one system user per
person, as on a real server. Without root, Node.js, the hub set (``python3 kit.py hub setup``, which
``python3 kit.py test`` runs) or Chromium, the hub tests are skipped and the reason is printed at the end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools import hub

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "hub") not in sys.path:  # the hub's own modules (hub_cohort, …), as jupyterhub_config.py finds them
    sys.path.insert(0, str(ROOT / "hub"))


def pytest_terminal_summary(terminalreporter):
    """Say at the end of the run whether the real hub ran (a conftest below the root cannot add to the header)."""
    problem = hub.real_hub_problem()
    terminalreporter.write_line(
        f"hub tests (tests/hub, a real JupyterHub and proxy): {'SKIPPED: ' + problem if problem else 'run'}",
        yellow=bool(problem),
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hub/" in item.nodeid.replace("\\", "/") and "real_hub" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.hub)
            item.add_marker(pytest.mark.browser)
