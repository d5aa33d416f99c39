"""The project's setup: one pinned dependency list, the README's commands, CI, and an installed package."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import tomllib

import pytest
from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def load_kit():
    spec = importlib.util.spec_from_file_location("kit", ROOT / "kit.py")
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    return kit


def pins() -> dict[str, str]:
    lines = [l.split(";")[0].strip() for l in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    assert all("==" in l for l in lines), "every requirement is pinned exactly"
    return {normalize(l.split("==")[0]): l.split("==")[1] for l in lines}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_layout_of_the_design_card():
    for name in ("notebooks", "helpers", "data", "tests"):
        assert (ROOT / name).is_dir(), name
    for name in ("environment.yml", "README.md", "requirements.txt", "pyproject.toml", ".ci/run", "kit.py",
                 "data/README.md"):
        assert (ROOT / name).is_file(), name


def test_environment_yml_uses_the_same_pinned_list():
    expected = load_kit().render_environment_yml()
    assert (ROOT / "environment.yml").read_text(encoding="utf-8") == expected, (
        "environment.yml has drifted from requirements.txt: run `python3 kit.py env-file`")


def test_every_declared_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    pinned = pins()
    missing = [d for d in declared if normalize(d) not in pinned]
    assert not missing, f"pin these in requirements.txt: {missing}"


def test_installed_versions_are_the_pinned_ones():
    pinned = pins()
    for name in ("jupyterlab", "ipywidgets", "pandas", "nbval", "pytest", "ipykernel"):
        assert importlib.metadata.version(name) == pinned[name], name


def test_helpers_is_installed_not_found_through_sys_path():
    distribution = importlib.metadata.distribution("amazon-seller-support-kit")
    assert distribution.metadata["Name"] == "amazon-seller-support-kit"
    import helpers

    assert helpers.__file__.startswith(str(ROOT))


def test_readme_gives_both_commands_for_linux_mac_and_windows():
    for command in ("python3 kit.py lab", "python3 kit.py test", "py kit.py lab", "py kit.py test", "python3 kit.py app",
                    "py kit.py app", "python3 kit.py screenshots",
                    "python3 kit.py regen"):
        assert command in README, command
    assert README.index("## English") > README.index("## はじめかた")


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [l.strip() for l in ci.splitlines() if l.strip() and not l.startswith(("#", "set ", "cd "))]
    assert commands == ["python3 kit.py test"]
    assert "python3 kit.py test" in README


@pytest.fixture
def kit_in_tmp(monkeypatch, tmp_path):
    """kit.py with its .venv in a temporary folder and a stand-in for venv creation."""
    kit = load_kit()

    def create(directory):
        python = kit.venv_python(directory)
        python.parent.mkdir(parents=True)
        python.write_text("")

    monkeypatch.setattr(kit, "VENV", tmp_path / "venv")
    monkeypatch.setattr(kit.venv, "EnvBuilder", lambda **kw: type("B", (), {"create": lambda self, d: create(d)})())
    return kit


def test_setup_is_idempotent(kit_in_tmp, monkeypatch):
    calls = []
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: calls.append(cmd) or 0)
    kit_in_tmp.ensure_environment()
    steps = len(calls)  # the pins, the kit itself, its JupyterLab settings
    assert steps == 3
    kit_in_tmp.ensure_environment()
    assert len(calls) == steps, "a second run reinstalls nothing"
    monkeypatch.setattr(kit_in_tmp, "install_fingerprint", lambda python: "changed requirements")
    kit_in_tmp.ensure_environment()
    assert len(calls) == 2 * steps, "a changed dependency list is installed again"


def test_failed_install_stops_with_a_japanese_message(kit_in_tmp, monkeypatch, capsys):
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: 1)
    with pytest.raises(SystemExit):
        kit_in_tmp.ensure_environment()
    assert "インストールに失敗しました" in capsys.readouterr().out
    assert not (kit_in_tmp.VENV / kit_in_tmp.STAMP_NAME).exists()


def test_importing_helpers_reads_no_file():
    code = ("import helpers.data, helpers.facts, helpers.hours, helpers.lessons, helpers.display, sys;"
            "print(helpers.data.load_facts.cache_info().currsize, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_data_readme_describes_every_data_file():
    described = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "data").iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in described, path.name


def test_second_test_pass_runs_in_another_zone_and_language():
    kit = load_kit()
    assert kit.OTHER_ZONE["TZ"] not in ("Asia/Tokyo", "Japan") and kit.OTHER_ZONE["LANG"] == "C"
    source = (ROOT / "kit.py").read_text(encoding="utf-8")
    assert 'env_extra=OTHER_ZONE' in source and '"helpers.freshness"' in source


def test_pre_commit_hooks_run_the_cleaner_and_the_guard():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for entry in ("python tools/regen_notebooks.py --clean-only", "python tools/notebook_guard.py"):
        assert f"entry: {entry}" in config
        assert (ROOT / entry.split()[1]).is_file()
    assert "python3 kit.py clean" in README
