"""The kit's settings (``kit.toml``), shared by ``kit.py``, the tools and the tests. Standard library only.

>>> "--strip_sources=True" in voila_options()
True
>>> chromium().name in ("chromium", "chrome", "google-chrome") or "KIT_CHROMIUM" in os.environ
True
"""

from __future__ import annotations

import functools
import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "kit.toml"
CHROMIUM_ENV = "KIT_CHROMIUM"


@functools.cache
def settings() -> dict:
    """The whole of ``kit.toml``."""
    return tomllib.loads(FILE.read_text(encoding="utf-8"))


def voila_options() -> list[str]:
    """Voilà's options for the code-free app (``kit.py app``, the browser tests)."""
    return list(settings()["app"]["voila_options"])


def chromium() -> Path:
    """The Chromium to drive: ``$KIT_CHROMIUM``, else the one of ``kit.toml``."""
    return Path(os.environ.get(CHROMIUM_ENV) or settings()["browser"]["chromium"])


def japanese_font() -> Path:
    return Path(settings()["browser"]["japanese_font"])


def browser_packages() -> list[str]:
    return list(settings()["browser"]["debian_packages"])


def chromium_flags(offline: bool = False) -> list[str]:
    browser = settings()["browser"]
    return [*browser["flags"], *([browser["offline_flag"]] if offline else [])]


def test_workers() -> int:
    return int(settings()["test"]["workers"])


def other_zone() -> dict[str, str]:
    """The time zone and language of the test command's second pass."""
    return dict(settings()["test"]["other_zone"])
