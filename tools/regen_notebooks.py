"""Re-execute the kit's notebooks and store clean outputs: the golden files that ``pytest --nbval`` compares.

Run through ``python3 kit.py regen`` (all notebooks of the manifest) or with notebook paths as arguments.
Also usable as a cleaner without executing: ``--clean-only`` (what the pre-commit hook runs).

What "clean" means:
- no widget state (``metadata.widgets``) and no live-widget views in outputs: a stored widget output keeps
  only its static HTML and text, which JupyterLab, GitHub and nbviewer show until the cell is run again
  (nbval never compares widget views, so strict comparison still holds);
- no execution timestamps, no machine-specific notebook metadata; execution counts 1, 2, 3, … in order.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove widget state, live-widget views, timestamps and machine-specific metadata, in place."""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("metadata", {}).pop(WIDGET_VIEW, None)
    return nb


def execute(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel of this environment, away from the user's progress."""
    os.environ["KIT_PROGRESS_FILE"] = str(Path(tempfile.mkdtemp(prefix="kit-regen-")) / "progress.json")
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def manifest_notebooks() -> list[Path]:
    """The lessons of the manifest, then the trainer's notebooks (notebooks/trainer)."""
    from helpers.core.data import load_lessons

    return [NOTEBOOKS / lesson.file for lesson in load_lessons()] + sorted((NOTEBOOKS / "trainer").glob("*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook of the manifest")
    parser.add_argument("--clean-only", action="store_true", help="clean without executing")
    args = parser.parse_args(argv)
    for path in args.notebooks or manifest_notebooks():
        nb = nbformat.read(path, as_version=4) if args.clean_only else execute(path)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        if errors and not args.clean_only:
            print(f"{path.name}: a cell raised {errors[0].get('ename')}; outputs not stored", file=sys.stderr)
            return 1
        nbformat.write(clean(nb), path)
        print(f"{'cleaned' if args.clean_only else 'regenerated'}: {path.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
