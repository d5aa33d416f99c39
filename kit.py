"""Set up the kit and run it: the one entry point the README documents.

    python3 kit.py lab      # set up (first time only) and open JupyterLab on the start notebook
    python3 kit.py test     # set up (first time only) and run every test, browser tests included
    python3 kit.py app      # set up (first time only) and serve the kit as a code-free app (Voilà)
    python3 kit.py regen    # re-execute the notebooks and store their outputs (golden files for nbval)
    python3 kit.py bench    # print the performance figures (bench/run.py)
    python3 kit.py lite     # build the browser edition (JupyterLite) into build/lite, to publish as static files
    python3 kit.py screenshots  # re-make the README's screenshots (docs/images) in the browser
    python3 kit.py clean    # clean the notebooks and check them for personal data (what pre-commit runs)
    python3 kit.py stale    # list the facts last checked more than a year ago
    python3 kit.py hub      # run a class on one server: JupyterHub with the kit for everyone on hub/cohort.toml (root)

On Windows use ``py kit.py …``. Only the standard library is used here, because this script runs before
anything is installed. Everything goes into ``.venv`` next to this file. ``lab``, ``app`` and ``stale`` install
the runtime set (requirements.txt); ``test`` and the maintainer commands add the test set
(requirements-test.txt). A second run reinstalls nothing unless a requirements file or pyproject.toml changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
TEST_REQUIREMENTS = ROOT / "requirements-test.txt"
LAB_OVERRIDES = ROOT / "jupyter" / "overrides.json"
ENVIRONMENT_YML = ROOT / "environment.yml"
STAMP_NAME = "kit-installed.sha256"
# The second test pass: outputs and results must not depend on the machine's time zone or language.
OTHER_ZONE = {"TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"}
BROWSER_PACKAGES = ("chromium", "fonts-ipafont-gothic")  # Debian's; Playwright never downloads a browser
CHROMIUM = Path("/usr/bin/chromium")
JAPANESE_FONT = Path("/usr/share/fonts/opentype/ipafont-gothic")
# The app mode: code hidden, cells tagged `lab-only` (how to answer in code, code-only instructions) removed;
# the kernel of a page that was closed is culled once idle for 10 minutes (checked every minute). Kernels of open
# pages are kept, so a learner who reads slowly never finds dead buttons.
LAB_ONLY_TAG = "lab-only"
VOILA_OPTIONS = ("--strip_sources=True", "--classic-tree", f"--TagRemovePreprocessor.remove_cell_tags={LAB_ONLY_TAG}",
                 "--MappingKernelManager.cull_interval=60", "--MappingKernelManager.cull_idle_timeout=600")
MIN_PYTHON = (3, 11)
# Commands that need the test set; the others (lab, app, stale, setup) install only what a learner needs.
TEST_COMMANDS = ("test", "regen", "bench", "screenshots", "clean")



def start_notebook() -> str:
    """The first lesson of the manifest (data/lessons.toml), which the learner opens first."""
    lessons = tomllib.loads((ROOT / "data" / "lessons.toml").read_text(encoding="utf-8"))["lesson"]
    return f"notebooks/{lessons[0]['id']}.ipynb"

def say(message: str) -> None:
    """Print a progress line for the user, surviving consoles that cannot show Japanese."""
    print(f"[kit] {message}", flush=True)


def venv_python(venv_dir: Path | None = None) -> Path:
    """Return the interpreter inside a virtual environment (.venv by default), on Windows or elsewhere."""
    venv_dir = venv_dir or VENV
    if os.name == "nt":
        return venv_dir / "Scripts" / "python.exe"
    return venv_dir / "bin" / "python"


def install_fingerprint(python: Path, test: bool = False) -> str:
    """Hash everything that decides what gets installed, so an unchanged setup is skipped."""
    digest = hashlib.sha256()
    names = ["requirements.txt", "pyproject.toml", "jupyter/overrides.json"] + (["requirements-test.txt"] if test else [])
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
        [python, "-m", "pip", "install", "--requirement", TEST_REQUIREMENTS if test else REQUIREMENTS],
        [python, "-m", "pip", "install", "--no-deps", "--editable", ROOT],
        # The kit's JupyterLab defaults (Japanese UI, no news pop-up) become part of the environment, so any
        # `jupyter lab` started from it looks the same: <prefix>/share/jupyter/lab/settings/overrides.json.
        [python, "-c", "import pathlib, shutil, sys; target = pathlib.Path(sys.prefix, 'share/jupyter/lab/settings');"
                       f"target.mkdir(parents=True, exist_ok=True); shutil.copy({str(LAB_OVERRIDES)!r}, target)"],
    )
    for cmd in steps:
        if run(cmd) != 0:
            say("インストールに失敗しました。上のメッセージを確認し、ネットワークにつながっているか確かめてから、"
                "もう一度同じコマンドを実行してください。")
            raise SystemExit(1)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    done[wanted] = fingerprint
    if test:
        done["runtime"] = install_fingerprint(python)
    stamp.write_text("".join(f"{name}={value}\n" for name, value in sorted(done.items())), encoding="ascii")
    say("セットアップが完了しました。")
    return python


def ensure_browser() -> bool:
    """Make Debian's Chromium and a Japanese font available for the browser tests; say so when impossible."""
    if CHROMIUM.exists() and JAPANESE_FONT.exists():
        return True
    apt = shutil.which("apt-get")
    if sys.platform.startswith("linux") and apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("ブラウザーのテスト用に Chromium と日本語フォントをインストールしています…")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", *BROWSER_PACKAGES]):
            if subprocess.call(cmd, env=env) != 0:
                break
    if CHROMIUM.exists() and JAPANESE_FONT.exists():
        return True
    say("この環境では Chromium を用意できないため、ブラウザーのテスト（tests/browser）は実行しません。"
        f"Debian/Ubuntu なら `sudo apt-get install -y {' '.join(BROWSER_PACKAGES)}` のあと、もう一度実行してください。"
        " / Browser tests are NOT run here: Chromium or the Japanese font is missing (see above).")
    return False


def render_environment_yml() -> str:
    """Return environment.yml for conda and Binder: the pins of requirements.txt, verbatim."""
    pins = [line.strip() for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
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


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MIN_PYTHON:
        say(f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} 以上が必要です（今は {sys.version.split()[0]}）。"
            "python.org から新しい Python をインストールしてから、もう一度実行してください。")
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    parser = argparse.ArgumentParser(
        prog="kit.py", description="Amazon 出品者サポート問い合わせ練習キット: セットアップと起動")
    parser.add_argument("command", choices=["lab", "test", "app", "regen", "bench", "screenshots", "clean", "stale",
                                            "lite", "setup", "env-file", "hub"],
                        help="lab: JupyterLab を開く / test: すべてのテスト / app: コードなしのアプリとして開く / "
                             "regen: 保存済み出力の再生成 / bench: 性能の計測 / screenshots: README の画面写真の再生成 / "
                             "clean: ノートブックの掃除と個人情報の確認 / stale: 確認から1年たった情報の一覧 / "
                             "lite: ブラウザー版（JupyterLite）を build/lite に作る / "
                             "setup: インストールのみ / env-file: environment.yml の再生成 / "
                             "hub: 研修をハブ（JupyterHub）で行う（tools/hub.py。`kit.py hub check` で名簿の確認）")
    parser.add_argument("--current-env", action="store_true",
                        help="(conda, Binder) .venv を作らず、いま動いている Python 環境に入れる")
    args, extra = parser.parse_known_args(argv)

    if args.command == "env-file":
        ENVIRONMENT_YML.write_text(render_environment_yml(), encoding="utf-8")
        say(f"{ENVIRONMENT_YML.name} を更新しました。")
        return 0
    python = ensure_environment(args.current_env, test=args.command in TEST_COMMANDS)
    try:
        if args.command == "lab":
            say("JupyterLab を起動します。終了するには、このウィンドウで Ctrl+C を押してください。")
            as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # containers, CI
            return run([python, "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1", *as_root, start_notebook(), *extra])
        if args.command == "test":
            run([python, "-m", "helpers.freshness"])  # shown, never failing: facts due for re-checking
            run([python, "tools/hub.py", "setup", "--if-possible"])  # the hub tests' JupyterHub and proxy
            browser = [] if ensure_browser() else ["-m", "not browser"]
            if run([python, "-m", "pytest", *browser, *extra]) != 0:
                return 1
            say(f"もう一度、別のタイムゾーンと言語設定（{OTHER_ZONE['TZ']}、LANG=C）でテストします…")
            return run([python, "-m", "pytest", "-m", "not browser", "-q", *extra], env_extra=OTHER_ZONE)
        if args.command == "stale":
            return run([python, "-m", "helpers.freshness"])
        if args.command == "clean":
            if run([python, "tools/regen_notebooks.py", "--clean-only", *extra]) != 0:
                return 1
            return run([python, "tools/notebook_guard.py", *extra])
        if args.command == "app":
            say("アプリとして開きます（コードは表示されません）。終了するには Ctrl+C を押してください。")
            return run([python, "-m", "voila", "notebooks", *VOILA_OPTIONS, "--Voila.ip=127.0.0.1", *extra])
        if args.command == "screenshots":
            if not ensure_browser():
                return 1
            return run([python, "-m", "pytest", "tests/browser/test_screenshots.py", *extra],
                       env_extra={"KIT_README_SCREENSHOTS": "1"})
        if args.command == "regen":
            return run([python, "tools/regen_notebooks.py", *extra])
        if args.command == "bench":
            return run([python, "bench/run.py", *extra])
        if args.command == "lite":
            return run([python, "tools/build_lite.py", *extra])
        if args.command == "hub":
            return run([python, "tools/hub.py", *extra])
    except KeyboardInterrupt:
        say("終了しました。")
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
