"""The class's hub (tests/hub): a real JupyterHub and proxy on 127.0.0.1, run as root with one system user per
person, as on a real server. Without root, Node.js, the hub set (``python3 kit.py hub setup``, which
``python3 kit.py test`` runs) or Chromium, the hub tests are skipped and the reason is printed at the end."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in ("tools", "hub"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))


def hub_problem() -> str | None:
    """Why a real hub cannot run here, or ``None``."""
    import hub

    if importlib.util.find_spec("jupyterhub") is None or importlib.util.find_spec("nativeauthenticator") is None:
        return "the hub set is not installed (python3 kit.py hub setup)"
    problem = hub.root_problem() or hub.node_problem()
    if problem:
        return "not root on Linux" if "root" in problem or "Linux" in problem else "no Node.js 20+ with npm"
    if not hub.PROXY.exists():
        return "configurable-http-proxy is not installed in build/hub-tools (python3 kit.py hub setup)"
    if hub.unreadable_for_learners():
        return "the kit's folder is not readable by other system users (see tools/hub.py unreadable_for_learners)"
    if not Path(os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")).exists() or not shutil.which("useradd"):
        return "Chromium or useradd is missing"
    return None


def pytest_terminal_summary(terminalreporter):
    """Say at the end of the run whether the real hub ran (a conftest below the root cannot add to the header)."""
    problem = hub_problem()
    terminalreporter.write_line(f"hub tests (tests/hub, a real JupyterHub and proxy): "
                                f"{'SKIPPED: ' + problem if problem else 'run'}", yellow=bool(problem))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hub/" in item.nodeid.replace("\\", "/") and "real_hub" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.hub)
            item.add_marker(pytest.mark.browser)
