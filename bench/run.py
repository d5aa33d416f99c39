"""Print the kit's performance figures, one ``name: value`` line each. Not a test: figures, not verdicts.

    python3 kit.py bench                      # everything
    python3 kit.py bench --only contact-log   # one group

Ratios compare two things measured side by side in the same run (alternating, best of several repeats), so
that a busy or slow machine changes both sides alike.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(functions: dict, repeats: int) -> dict[str, float]:
    """Time each function ``repeats`` times, alternating between them; return the best time of each."""
    best = {name: float("inf") for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def write_log(path: Path, rows: int, seed: int = 1) -> None:
    """Write a synthetic contact log of ``rows`` rows (invented data)."""
    rng = random.Random(seed)
    channels = ["チャット", "メール", "電話", "chat", "email", "phone"]
    answers = ["はい", "いいえ"]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("日時,方法,内容,返信までの分,解決,ケースID\n")
        for i in range(rows):
            out.write(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d},{channels[i % 6]},"
                      f"（架空）問い合わせ,{rng.randint(0, 900)},{answers[rng.random() < 0.3]},SAMPLE-{i:07d}\n")


CONTACT_LOG_SIZES = (("10k", 10_000, 5), ("100k", 100_000, 3), ("1m", 1_000_000, 3))  # label, rows, repeats


def contact_log_figures(sizes=CONTACT_LOG_SIZES) -> None:
    """The kit's full path (read + validate + compare) over a bare read_csv + groupby on the same file."""
    import pandas as pd

    from helpers import contact_log

    def kit(path):
        return contact_log.compare(contact_log.read_log(path))

    def bare(path):
        frame = pd.read_csv(path)
        return frame.groupby("方法")["返信までの分"].agg(["size", "median"])

    with tempfile.TemporaryDirectory() as folder:
        for label, rows, repeats in sizes:
            path = Path(folder) / f"log_{label}.csv"
            write_log(path, rows)
            times = best_of({"kit": lambda: kit(path), "bare": lambda: bare(path)}, repeats)
            print(f"contact_log_{label}_seconds: {times['kit']:.3f}", flush=True)
            print(f"contact_log_{label}_bare_seconds: {times['bare']:.3f}", flush=True)
            print(f"contact_log_{label}_ratio: {times['kit'] / times['bare']:.2f}", flush=True)


GROUPS = {"contact-log": contact_log_figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(GROUPS), action="append", help="run only these groups")
    args = parser.parse_args(argv)
    for name in args.only or GROUPS:
        GROUPS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
