"""The project's setup: one pinned dependency list, the README's commands, CI, and an installed package."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from support import ROOT
from tools import config

README = (ROOT / "README.md").read_text(encoding="utf-8")


def load_kit():
    """A fresh copy of kit.py (tests change its functions)."""
    spec = importlib.util.spec_from_file_location("kit", ROOT / "kit.py")
    kit = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = kit  # dataclasses look their module up by name
    spec.loader.exec_module(kit)
    return kit


def pins(name: str = "requirements.txt") -> dict[str, str]:
    lines = [
        line.split(";")[0].strip()
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "-r"))
    ]
    assert all("==" in line for line in lines), "every requirement is pinned exactly"
    return {normalize(package): version for package, version in (line.split("==") for line in lines)}


def normalize(name: str) -> str:
    """A distribution's name from a requirement (``jupyterlite-core==0.8.6`` -> ``jupyterlite-core``)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", name, maxsplit=1)[0]).lower()


def test_layout_of_the_design_card():
    for name in ("notebooks", "helpers", "data", "tests"):
        assert (ROOT / name).is_dir(), name
    for name in (
        "environment.yml",
        "README.md",
        "requirements.txt",
        "pyproject.toml",
        ".ci/run",
        "kit.py",
        "data/README.md",
    ):
        assert (ROOT / name).is_file(), name


def test_environment_yml_uses_the_same_pinned_list():
    expected = load_kit().render_environment_yml()
    assert (ROOT / "environment.yml").read_text(encoding="utf-8") == expected, (
        "environment.yml has drifted from requirements.txt: run `python3 kit.py env-file`"
    )


def test_each_set_is_pinned_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, test = pins(), pins("requirements-test.txt")
    assert not set(runtime) & set(test), "a package is pinned in both files"
    assert (ROOT / "requirements-test.txt").read_text(encoding="utf-8").count("-r requirements.txt") == 1
    missing = [d for d in project["dependencies"] if normalize(d) not in runtime]
    assert not missing, f"run `python3 kit.py lock`: runtime dependencies not pinned: {missing}"
    missing = [d for d in project["optional-dependencies"]["test"] if normalize(d) not in test | runtime]
    assert not missing, f"run `python3 kit.py lock`: test dependencies not pinned: {missing}"
    lite = pins("requirements-lite.txt")
    missing = [d for d in project["optional-dependencies"]["lite"] if normalize(d) not in lite]
    assert not missing, f"run `python3 kit.py lock`: lite dependencies not pinned: {missing}"
    hub = pins("requirements-hub.txt")
    missing = [d for d in project["optional-dependencies"]["hub"] if normalize(d) not in hub | runtime]
    assert not missing, f"run `python3 kit.py lock`: hub dependencies not pinned: {missing}"
    assert not set(hub) & set(runtime), "the hub set adds to the runtime set, never changes it"
    assert (ROOT / "requirements-hub.txt").read_text(encoding="utf-8").count("-r requirements.txt") == 1


def test_the_runtime_set_holds_no_test_tool():
    runtime = pins()
    for tool in ("playwright", "hypothesis", "pytest", "nbval", "pytest-xdist"):
        assert tool not in runtime, tool


def test_installed_versions_are_the_pinned_ones():
    pinned = pins() | pins("requirements-test.txt")
    for name in ("jupyterlab", "ipywidgets", "pandas", "nbval", "pytest", "ipykernel", "playwright"):
        assert importlib.metadata.version(name) == pinned[name], name


def test_every_set_is_complete_since_pip_installs_it_with_no_deps():
    """kit.py and tools/hub.py install the pinned sets with ``--no-deps``: nothing an installed package needs may be
    missing (pip check), and what pyproject.toml leaves out on purpose is in no set and not installed."""
    checked = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    left_out = {normalize(name) for name in pyproject["tool"]["uv"]["exclude-dependencies"]}
    for name in ("requirements.txt", "requirements-test.txt", "requirements-hub.txt", "requirements-lite.txt"):
        assert not left_out & set(pins(name)), name
    assert importlib.util.find_spec("rfc3987_syntax") is None, "installed with its dependencies: pip install --no-deps"


def test_helpers_is_installed_not_found_through_sys_path():
    distribution = importlib.metadata.distribution("amazon-seller-support-kit")
    assert distribution.metadata["Name"] == "amazon-seller-support-kit"
    import helpers

    assert helpers.__file__.startswith(str(ROOT))


def test_readme_gives_both_commands_for_linux_mac_and_windows():
    for command in (
        "python3 kit.py lab",
        "python3 kit.py test",
        "py kit.py lab",
        "py kit.py test",
        "python3 kit.py app",
        "py kit.py app",
        "python3 kit.py screenshots",
        "python3 kit.py regen",
    ):
        assert command in README, command
    assert README.index("## English") > README.index("## はじめかた")


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith(("#", "set ", "cd "))]
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
    monkeypatch.setattr(kit, "ENVIRONMENT_YML", tmp_path / "environment.yml")
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
    monkeypatch.setattr(kit_in_tmp, "install_fingerprint", lambda python, test=False: "changed requirements")
    kit_in_tmp.ensure_environment()
    assert len(calls) == 2 * steps, "a changed dependency list is installed again"


def test_lab_installs_the_runtime_set_and_test_adds_the_test_set(kit_in_tmp, monkeypatch):
    calls = []
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: calls.append([str(c) for c in cmd]) or 0)
    kit_in_tmp.ensure_environment()
    assert calls[0][-1].endswith("requirements.txt") and "--no-deps" in calls[0]
    kit_in_tmp.ensure_environment(test=True)
    assert calls[3][-1].endswith("requirements-test.txt")
    kit_in_tmp.ensure_environment()
    assert len(calls) == 6, "after the test set, the runtime set is already there"


@pytest.mark.parametrize(
    "command, test_set",
    [
        ("lab", False),
        ("app", False),
        ("stale", False),
        ("test", True),
        ("regen", True),
        ("clean", True),
        ("lite", False),
        ("setup", False),
        ("trainer", True),
        ("hub", False),
        ("bench", True),
        ("lock", True),
        ("screenshots", True),
    ],
)
def test_each_command_asks_for_its_set(kit_in_tmp, monkeypatch, command, test_set):
    asked = []
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: asked.append(test) or "py")
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: 0)
    monkeypatch.setattr(kit_in_tmp, "ensure_browser", lambda: False)
    kit_in_tmp.main([command])
    assert asked == [test_set]


def test_failed_install_stops_with_a_japanese_message(kit_in_tmp, monkeypatch, capsys):
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: 1)
    with pytest.raises(SystemExit):
        kit_in_tmp.ensure_environment()
    assert "インストールに失敗しました" in capsys.readouterr().out
    assert not (kit_in_tmp.VENV / kit_in_tmp.STAMP_NAME).exists()


def test_importing_helpers_reads_no_file():
    code = (
        "import helpers.course, helpers.facts, helpers.hours, helpers.walkthrough, helpers.quiz, sys;"
        "from helpers.core import data;"
        "print(data.load_facts.cache_info().currsize + data.load_texts.cache_info().currsize,"
        " 'ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_data_readme_describes_every_data_file():
    described = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "data").iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in described, path.name


def test_the_test_command_lints_runs_everything_then_the_zone_tests_again_in_another_zone(kit_in_tmp, monkeypatch):
    runs = []
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: "py")
    monkeypatch.setattr(kit_in_tmp, "ensure_browser", lambda: True)
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, env_extra=None, **kw: runs.append((cmd, env_extra)) or 0)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert kit_in_tmp.main(["test"]) == 0
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ, "the run's processes share the bytecode Python keeps"
    (stale, _), (hub, _), (lint, _), (form, _), (first, first_env), (browser, _), (zone, zone_env) = runs
    assert stale[-1] == "helpers.freshness"
    assert hub[1:] == ["-m", "tools.hub", "setup", "--if-possible"], (
        "the hub tests' JupyterHub and proxy, when possible"
    )
    assert lint[1:4] == ["-m", "ruff", "check"] and form[1:5] == ["-m", "ruff", "format", "--check"]
    assert first[1:5] == ["-m", "pytest", "-m", "not browser"] and not first_env
    assert first[first.index("-n") + 1] == "2" and first[first.index("--dist") + 1] == "loadfile"
    assert browser[1:5] == ["-m", "pytest", "-m", "browser"]
    assert browser[browser.index("-n") + 1] == "2" and browser[browser.index("--dist") + 1] == "loadfile"
    assert "--no-loadscope-reorder" in browser, "the longest files first, as tests/conftest.py orders them"
    assert zone[1:5] == ["-m", "pytest", "-m", "zone and not browser"] and zone_env == config.other_zone()
    assert zone_env["TZ"] not in ("Asia/Tokyo", "Japan") and zone_env["LANG"] == "C"


def test_thorough_runs_hypothesis_with_its_thorough_profile(kit_in_tmp):
    passes = kit_in_tmp.test_passes(["--thorough", "tests/topics/test_forms.py"], browser=False)
    for _what, command, _env in passes:
        if command[0] == "pytest":
            assert command[-2:] == ["tests/topics/test_forms.py", "--hypothesis-profile=thorough"]
            assert "--thorough" not in command


def test_the_hypothesis_profiles_alone_decide_how_many_examples_are_tried():
    """tests/conftest.py registers `quick` (every run) and `thorough` (`--hypothesis-profile=thorough`); a count
    written in a test would ignore both."""
    from hypothesis import settings

    quick, thorough = settings.get_profile("quick"), settings.get_profile("thorough")
    assert quick.max_examples < thorough.max_examples and quick.deadline is None and thorough.deadline is None
    written = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in ROOT.joinpath("tests").rglob("*.py")
        if path.name != "conftest.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bmax_examples\s*=|settings\(.*\bdeadline\s*=", line)
    ]
    assert written == [], "let the profile decide"


def test_a_failing_pass_fails_the_test_command_and_the_others_still_run(kit_in_tmp, monkeypatch, capsys):
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: "py")
    monkeypatch.setattr(kit_in_tmp, "ensure_browser", lambda: False)
    runs = []
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: runs.append(cmd) or (1 if "ruff" in cmd else 0))
    assert kit_in_tmp.main(["test"]) == 1
    markers = [cmd[cmd.index("pytest") + 2] for cmd in runs if "pytest" in cmd]
    assert markers == ["not browser", "zone and not browser"], "without Chromium the browser tests are left out"
    assert "ruff" in capsys.readouterr().out


def test_pre_commit_hooks_run_the_cleaner_and_the_guard():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for entry in ("python -m tools.regen_notebooks --clean-only", "python -m tools.notebook_guard"):
        assert f"entry: {entry}" in config
        assert (ROOT / (entry.split()[2].replace(".", "/") + ".py")).is_file()
    for entry in ("python -m ruff check", "python -m ruff format --check"):
        assert f"entry: {entry}" in config, "the same ruff checks as `kit.py test`"
    assert "python3 kit.py clean" in README


def test_the_app_command_serves_the_notebooks_with_the_tested_options(kit_in_tmp, monkeypatch):
    runs = []
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: "py")
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: runs.append(cmd) or 0)
    kit_in_tmp.main(["app"])
    (command,) = runs
    assert command[1:4] == ["-m", "voila", "notebooks"] and "--Voila.ip=127.0.0.1" in command
    assert set(kit_in_tmp.VOILA_OPTIONS) <= set(command) and "--strip_sources=True" in command


def test_the_lite_command_builds_the_browser_edition_and_pages_publishes_it(kit_in_tmp, monkeypatch):
    runs = []
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: "py")
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: runs.append(cmd) or 0)
    kit_in_tmp.main(["lite"])
    assert runs == [["py", "-m", "tools.build_lite"]]
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "run: python3 kit.py lite" in workflow and "path: build/lite" in workflow
    assert "actions/deploy-pages" in workflow


def test_jupyterlite_stays_out_of_the_kits_environment():
    """JupyterLite's kernel extension, installed where JupyterLab and Voilà run, breaks both (their pages fail to
    load it): tools/build_lite.py installs it apart, into build/lite-tools."""
    assert importlib.util.find_spec("jupyterlite_core") is None
    assert not (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyterlite").exists()
    lite = pins("requirements-lite.txt")
    assert {"jupyterlite-core", "jupyterlite-pyodide-kernel"} <= set(lite)
    assert not set(lite) & (set(pins()) | set(pins("requirements-test.txt")))


def test_the_hub_command_hands_over_to_tools_hub(kit_in_tmp, monkeypatch):
    runs = []
    monkeypatch.setattr(kit_in_tmp, "ensure_environment", lambda current_env, test: "py")
    monkeypatch.setattr(kit_in_tmp, "run", lambda cmd, **kw: runs.append(cmd) or 0)
    kit_in_tmp.main(["hub", "check", "--cohort", "x.toml"])
    assert runs == [["py", "-m", "tools.hub", "check", "--cohort", "x.toml"]]


def test_the_proxy_is_pinned_exactly_with_a_lockfile():
    import json

    package = json.loads((ROOT / "hub" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "hub" / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version), "an exact version, never a range"
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == version
