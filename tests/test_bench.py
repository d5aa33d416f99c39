"""The benchmark script runs and prints one ``name: value`` line per figure (its figures are not tested)."""

from __future__ import annotations

import importlib.util
import re

from support import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_contact_log_figures_print_name_value_lines(capsys):
    load_bench().contact_log_figures(sizes=(("tiny", 300, 1),), refused=("small", 200))
    lines = capsys.readouterr().out.strip().splitlines()
    names = [line.split(":")[0] for line in lines]
    assert names == ["contact_log_tiny_seconds", "contact_log_tiny_bare_seconds", "contact_log_tiny_ratio",
                     "contact_log_refused_small_seconds", "contact_log_refused_small_peak_mb",
                     "contact_log_refused_small_file_mb"]
    assert all(re.fullmatch(r"[a-z0-9_]+: [0-9]+\.[0-9]+", line) for line in lines)


def test_synthetic_log_is_a_valid_log(tmp_path):
    from helpers import contact_log

    path = tmp_path / "log.csv"
    load_bench().write_log(path, 500)
    log = contact_log.read_log(path)
    assert len(log.frame) == 500 and log.rejected.empty
