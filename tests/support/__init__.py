"""Helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def stored_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_sources(notebook: str) -> list[str]:
    """The source of each code cell of a stored notebook (``03_seller_central.ipynb``)."""
    return [
        "".join(c["source"]) for c in read_notebook(ROOT / "notebooks" / notebook)["cells"] if c["cell_type"] == "code"
    ]
