"""The benchmark script runs and prints one ``name: value`` line per figure (its figures are not tested)."""

from __future__ import annotations

import re


def load_bench():
    from bench import run

    return run


def test_contact_log_figures_print_name_value_lines(capsys):
    load_bench().contact_log_figures(sizes=(("tiny", 300, 1),), refused=("small", 200))
    lines = capsys.readouterr().out.strip().splitlines()
    names = [line.split(":")[0] for line in lines]
    assert names == [
        "contact_log_tiny_seconds",
        "contact_log_tiny_bare_seconds",
        "contact_log_tiny_ratio",
        "contact_log_refused_small_seconds",
        "contact_log_refused_small_peak_mb",
        "contact_log_refused_small_file_mb",
    ]
    assert all(re.fullmatch(r"[a-z0-9_]+: [0-9]+\.[0-9]+( \(±[0-9]+\.[0-9]+, [0-9]+ pairs\))?", line) for line in lines)
    assert lines[2].endswith("1 pairs)"), "a ratio says how many pairs it is the median of"


def test_a_ratio_is_the_median_of_alternating_pairs():
    bench = load_bench()
    calls = []
    ratio = bench.paired(lambda: calls.append("kit"), lambda: calls.append("bare"), 4, warm_up=0)
    assert calls == ["kit", "bare", "bare", "kit", "kit", "bare", "bare", "kit"] and ratio.pairs == 4
    assert str(ratio).startswith(f"{ratio.value:.2f} (±") and str(ratio).endswith("4 pairs)")


def test_the_cohort_figure_reads_a_class(capsys):
    load_bench().cohort_figures(learners=20, pairs=1)
    names = [line.split(":")[0] for line in capsys.readouterr().out.strip().splitlines()]
    assert names == ["cohort_20_seconds", "cohort_20_bare_seconds", "cohort_20_ratio"]


def test_synthetic_log_is_a_valid_log(tmp_path):
    from helpers import contact_log

    path = tmp_path / "log.csv"
    load_bench().write_log(path, 500)
    log = contact_log.read_log(path)
    assert len(log.frame) == 500 and log.rejected.empty
