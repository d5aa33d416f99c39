"""Set up the kit and run it: the one entry point the README documents.

    python3 kit.py lab      # set up (first time only) and open JupyterLab on the start notebook
    python3 kit.py test     # set up (first time only) and run every test, browser tests included
    python3 kit.py --help   # every command (the table COMMANDS below)

On Windows use ``py kit.py …``. Only the standard library is used here, because this script runs before anything
is installed; the settings it shares with the tools and the tests are in ``kit.toml`` (``tools/config.py``).
Everything goes into ``.venv`` next to this file. Each command names the dependency set it needs: ``runtime``
(requirements.txt: what a learner needs) or ``test`` (requirements-test.txt: the tests and the maintainer tools,
on top of it). A second run reinstalls nothing unless a requirements file or pyproject.toml changed.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from collections.abc import Callable
from pathlib import Path

from tools import config

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
TEST_REQUIREMENTS = ROOT / "requirements-test.txt"
LAB_OVERRIDES = ROOT / "jupyter" / "overrides.json"
ENVIRONMENT_YML = ROOT / "environment.yml"
STAMP_NAME = "kit-installed.sha256"
MIN_PYTHON = (3, 11)
VOILA_OPTIONS = tuple(config.voila_options())  # kept under this name: the app's options (kit.toml [app])


def say(message: str) -> None:
    """Print a progress line for the user, surviving consoles that cannot show Japanese."""
    print(f"[kit] {message}", flush=True)


def start_notebook() -> str:
    """The first lesson of the manifest (data/lessons.toml), which the learner opens first."""
    lessons = tomllib.loads((ROOT / "data" / "lessons.toml").read_text(encoding="utf-8"))["lesson"]
    return f"notebooks/{lessons[0]['id']}.ipynb"


def venv_python(venv_dir: Path | None = None) -> Path:
    """Return the interpreter inside a virtual environment (.venv by default), on Windows or elsewhere."""
    venv_dir = venv_dir or VENV
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


# ---------------------------------------------------------------- setting up


def install_fingerprint(python: Path, test: bool = False) -> str:
    """Hash everything that decides what gets installed, so an unchanged setup is skipped."""
    digest = hashlib.sha256()
    names = ["requirements.txt", "pyproject.toml", "jupyter/overrides.json"] + (
        ["requirements-test.txt"] if test else []
    )
    for name in names:
        digest.update((ROOT / name).read_bytes())
    digest.update(str(python).encode())
    return digest.hexdigest()


def installed_sets(stamp: Path) -> dict[str, str]:
    """What the stamp says was installed: {"runtime": fingerprint, "test": fingerprint}."""
    try:
        lines = stamp.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split("=", 1) for line in lines if "=" in line)


def run(cmd: list[str | Path], env_extra: dict[str, str] | None = None, **kwargs) -> int:
    """Run a command from the project folder and return its exit code."""
    env = dict(os.environ, PYTHONUTF8="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **(env_extra or {}))
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env, **kwargs)


def ensure_environment(current_env: bool = False, test: bool = False) -> Path:
    """Create .venv (or use the running interpreter) and install the pinned kit into it, once.

    ``test`` adds the test set (requirements-test.txt, which includes the runtime set).
    """
    if current_env:
        python = Path(sys.executable)
        stamp = ROOT / "build" / STAMP_NAME
    else:
        python = venv_python()
        stamp = VENV / STAMP_NAME
        if not python.exists():
            say("初回のセットアップ: .venv に専用の Python 環境を作成しています…")
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = "test" if test else "runtime"
    fingerprint = install_fingerprint(python, test)
    done = installed_sets(stamp)
    if done.get(wanted) == fingerprint or (not test and done.get("test") == install_fingerprint(python, True)):
        return python
    say("必要なパッケージをインストールしています（初回は数分かかります。2回目からは省略されます）…")
    steps = (
        # The pinned set is complete (uv resolved it for every platform), so pip installs exactly it (pyproject.toml
        # [tool.uv]: what is left out on purpose, and why).
        [python, "-m", "pip", "install", "--no-deps", "--requirement", TEST_REQUIREMENTS if test else REQUIREMENTS],
        [python, "-m", "pip", "install", "--no-deps", "--editable", ROOT],
        # The kit's JupyterLab defaults (Japanese UI, no news pop-up) become part of the environment, so any
        # `jupyter lab` started from it looks the same: <prefix>/share/jupyter/lab/settings/overrides.json.
        [
            python,
            "-c",
            "import pathlib, shutil, sys; target = pathlib.Path(sys.prefix, 'share/jupyter/lab/settings');"
            f"target.mkdir(parents=True, exist_ok=True); shutil.copy({str(LAB_OVERRIDES)!r}, target)",
        ],
    )
    for cmd in steps:
        if run(cmd) != 0:
            say(
                "インストールに失敗しました。上のメッセージを確認し、ネットワークにつながっているか確かめてから、"
                "もう一度同じコマンドを実行してください。"
            )
            raise SystemExit(1)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    done[wanted] = fingerprint
    if test:
        done["runtime"] = install_fingerprint(python)
    stamp.write_text("".join(f"{name}={value}\n" for name, value in sorted(done.items())), encoding="ascii")
    say("セットアップが完了しました。")
    return python


def ensure_browser() -> bool:
    """Make the Chromium of kit.toml and a Japanese font available for the browser tests; say so when impossible."""
    if config.chromium().exists() and config.japanese_font().exists():
        return True
    apt = shutil.which("apt-get")
    packages = config.browser_packages()
    if sys.platform.startswith("linux") and apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("ブラウザーのテスト用に Chromium と日本語フォントをインストールしています…")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", *packages]):
            if subprocess.call(cmd, env=env) != 0:
                break
    if config.chromium().exists() and config.japanese_font().exists():
        return True
    say(
        "この環境では Chromium を用意できないため、ブラウザーのテスト（tests/browser）は実行しません。"
        f"Debian/Ubuntu なら `sudo apt-get install -y {' '.join(packages)}` のあと、もう一度実行してください。"
        " / Browser tests are NOT run here: Chromium or the Japanese font is missing (see above)."
    )
    return False


def render_environment_yml() -> str:
    """Return environment.yml for conda and Binder: the pins of requirements.txt, verbatim."""
    pins = [
        line.strip()
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    lines = [
        "# Generated from requirements.txt by `python3 kit.py env-file`; do not edit by hand.",
        "# conda:  conda env create -f environment.yml && conda activate amazon-seller-support-kit",
        "#         python kit.py lab --current-env",
        "# Binder: postBuild installs the kit itself into this environment.",
        "name: amazon-seller-support-kit",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={MIN_PYTHON[0]}.{MIN_PYTHON[1]}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f'      - "{pin}"' if ";" in pin else f"      - {pin}" for pin in pins]  # markers quote with '…'
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the commands


def lab(python: Path, extra: list[str]) -> int:
    say("JupyterLab を起動します。終了するには、このウィンドウで Ctrl+C を押してください。")
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # containers, CI
    return run([python, "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1", *as_root, start_notebook(), *extra])


def app(python: Path, extra: list[str]) -> int:
    say("アプリとして開きます（コードは表示されません）。終了するには Ctrl+C を押してください。")
    return run([python, "-m", "voila", "notebooks", *VOILA_OPTIONS, "--Voila.ip=127.0.0.1", *extra])


def test_passes(extra: list[str], browser: bool) -> list[tuple[str, list[str], dict[str, str]]]:
    """The test command's steps: (what, command after ``python -m``, environment)."""
    profile = ["--hypothesis-profile=thorough"] if "--thorough" in extra else []
    extra = [arg for arg in extra if arg != "--thorough"] + profile
    parallel = ["-n", str(config.test_workers()), "--dist", "loadfile"]
    passes = [
        ("ruff", ["ruff", "check", "--quiet", "."], {}),
        ("ruff format", ["ruff", "format", "--check", "--quiet", "."], {}),
        ("pytest", ["pytest", "-m", "not browser", *parallel, *extra], {}),
    ]
    if browser:
        # File by file, in the order of tests/conftest.py BROWSER_FILES_FIRST: xdist's own reordering is turned off.
        browser_parallel = ["-n", str(config.test_workers()), "--dist", "loadfile", "--no-loadscope-reorder"]
        passes.append(("pytest (browser)", ["pytest", "-m", "browser", *browser_parallel, *extra], {}))
    zone = config.other_zone()
    passes.append(
        (
            f"pytest ({zone['TZ']}, LANG={zone['LANG']})",
            ["pytest", "-m", "zone and not browser", "-q", *parallel, *extra],
            zone,
        )
    )
    return passes


def test(python: Path, extra: list[str]) -> int:
    # Every process of the run (pytest and its workers, the servers, each kernel) imports the kit and the tests: Python
    # keeps their bytecode (in __pycache__, which git ignores) even where PYTHONDONTWRITEBYTECODE is set, as CI images
    # often have it; else each of them compiles the same sources again (about 14 s of the run on two cores).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    run([python, "-m", "helpers.freshness"])  # shown, never failing: facts due for re-checking
    run([python, "-m", "tools.hub", "setup", "--if-possible"])  # the hub tests' JupyterHub and proxy
    failed = []
    for what, command, env in test_passes(extra, ensure_browser()):
        if what.startswith("pytest (") and "LANG" in what:
            say(f"もう一度、別のタイムゾーンと言語設定で、それに左右されるテストを実行します: {what}")
        code = run([python, "-m", *command], env_extra=env)
        if code not in (0, 5):  # 5: nothing selected (a narrower run, e.g. one file)
            failed.append(what)
    if failed:
        say(f"失敗したテスト: {', '.join(failed)}（上のメッセージを確認してください）")
        return 1
    return 0


def clean(python: Path, extra: list[str]) -> int:
    if run([python, "-m", "tools.regen_notebooks", "--clean-only", *extra]) != 0:
        return 1
    return run([python, "-m", "tools.notebook_guard", *extra])


def screenshots(python: Path, extra: list[str]) -> int:
    if not ensure_browser():
        return 1
    return run(
        [python, "-m", "pytest", "tests/browser/test_screenshots.py", *extra], env_extra={"KIT_README_SCREENSHOTS": "1"}
    )


def lock(python: Path, extra: list[str]) -> int:
    if run([python, "-m", "tools.lock", *extra]) != 0:
        return 1
    return env_file(python, [])


def env_file(_python: Path | None, _extra: list[str]) -> int:
    ENVIRONMENT_YML.write_text(render_environment_yml(), encoding="utf-8")
    say(f"{ENVIRONMENT_YML.name} を更新しました。")
    return 0


def module(name: str) -> Callable[[Path, list[str]], int]:
    """A command that runs ``python -m <name>`` with the arguments after the command."""
    return lambda python, extra: run([python, "-m", *name.split(), *extra])


@dataclasses.dataclass(frozen=True)
class Command:
    name: str
    help: str  # shown by `kit.py --help`
    needs: str | None  # the dependency set it installs first: "runtime", "test", or None
    action: Callable[[Path | None, list[str]], int]


COMMANDS = [
    Command("lab", "JupyterLab でキットを開く", "runtime", lab),
    Command("app", "コードなしのアプリ（Voilà）として開く", "runtime", app),
    Command("test", "すべてのテスト（--thorough: Hypothesis を念入りに）", "test", test),
    Command("setup", "インストールのみ", "runtime", lambda python, extra: 0),
    Command(
        "trainer",
        "研修担当者のパック（進行表・解答集・早見表、HTML と PDF）を build/trainer に作る",
        "test",
        module("tools.trainer_pack"),
    ),
    Command("hub", "研修をハブ（JupyterHub）で行う（`kit.py hub check` で名簿の確認）", "runtime", module("tools.hub")),
    Command("lite", "ブラウザー版（JupyterLite）を build/lite に作る", "runtime", module("tools.build_lite")),
    Command("stale", "確認から1年たった情報の一覧", "runtime", module("helpers.freshness")),
    Command("regen", "ノートブックの保存済み出力の再生成", "test", module("tools.regen_notebooks")),
    Command("clean", "ノートブックの掃除と個人情報の確認（pre-commit と同じ）", "test", clean),
    Command("screenshots", "README の画面写真の再生成", "test", screenshots),
    Command("bench", "性能の計測（bench/run.py）", "test", module("bench.run")),
    Command("lock", "依存パッケージの版を固定し直す（uv。PyPI が必要）", "test", lock),
    Command("env-file", "environment.yml の再生成", None, env_file),
]


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MIN_PYTHON:
        say(
            f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} 以上が必要です（今は {sys.version.split()[0]}）。"
            "python.org から新しい Python をインストールしてから、もう一度実行してください。"
        )
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    commands = {command.name: command for command in COMMANDS}
    parser = argparse.ArgumentParser(
        prog="kit.py",
        description="Amazon 出品者のためのサポート問い合わせ練習キット: セットアップと起動",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(f"  {c.name:<12} {c.help}" for c in COMMANDS),
    )
    parser.add_argument("command", choices=list(commands), metavar="command", help="下の一覧のどれか")
    parser.add_argument(
        "--current-env", action="store_true", help="(conda, Binder) .venv を作らず、いま動いている Python 環境に入れる"
    )
    args, extra = parser.parse_known_args(argv)
    command = commands[args.command]
    python = ensure_environment(args.current_env, test=command.needs == "test") if command.needs else None
    try:
        return command.action(python, extra)
    except KeyboardInterrupt:
        say("終了しました。")
        return 0


if __name__ == "__main__":
    sys.exit(main())
