"""Start a learner's (or trainer's) server on the hub: give them the kit's notebooks, then run jupyterhub-singleuser.

The hub's spawner runs this as the person's own system user, in their home. Notebooks are copied into
``~/notebooks`` only when missing, so a learner's work is never overwritten, and a notebook added to the kit
later still arrives at the next start; trainers also get the cohort view (``~/trainer``). Then the process
becomes ``jupyterhub-singleuser`` with the same arguments. The same script starts servers in the Kubernetes
image (``deploy/kubernetes/Dockerfile``), where ``KIT_ROOT`` points at the kit inside the image.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

KIT_ROOT = Path(os.environ.get("KIT_ROOT") or Path(__file__).resolve().parents[1])
LEARNER_NOTEBOOKS = KIT_ROOT / "notebooks"
TRAINER_NOTEBOOKS = KIT_ROOT / "notebooks" / "trainer"  # the cohort view


def copy_missing(source: Path, target: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Copy the notebooks of ``source`` that ``target`` does not have yet; return their names."""
    copied = []
    if not source.is_dir():
        return copied
    target.mkdir(mode=0o700, exist_ok=True)
    for notebook in sorted(source.glob("*.ipynb")):
        destination = target / notebook.name
        if notebook.name in skip or destination.exists() or destination.is_symlink():
            continue
        shutil.copyfile(notebook, destination)
        copied.append(notebook.name)
    return copied


def main(argv: list[str]) -> None:
    home = Path(os.environ.get("HOME") or Path.home())
    os.umask(0o077)  # whatever the learner creates stays theirs
    copy_missing(LEARNER_NOTEBOOKS, home / "notebooks")
    if os.environ.get("KIT_ROLE") == "trainer":
        copy_missing(TRAINER_NOTEBOOKS, home / "trainer")
    progress = os.environ.get("KIT_PROGRESS_FILE")
    if progress:
        Path(progress).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.execv(sys.executable, [sys.executable, "-m", "jupyterhub.singleuser", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
