"""A class on one server: JupyterHub with the kit, one account and one server per person (``python3 kit.py hub``).

    python3 kit.py hub                      # set up what is missing, check hub/cohort.toml, start on 127.0.0.1:8000
    python3 kit.py hub --ip 0.0.0.0 --port 8000   # listen on every address (behind a firewall or HTTPS proxy only)
    python3 kit.py hub check                # only check the class list and say what is wrong
    python3 kit.py hub password NAME        # give NAME a one-time password (printed once) to change after login
    python3 kit.py hub setup                # only install: the hub set into .venv, the proxy into build/hub-tools
    python3 kit.py hub values               # the class list for Kubernetes: deploy/kubernetes/cohort.values.yaml

Runs as root (it creates one system user ``kit-<name>`` per person and starts each server as that user) and needs
Node.js with npm (the proxy, configurable-http-proxy, is a Node.js program). Everything it installs is pinned:
``requirements-hub.txt`` (pip, into ``.venv``) and ``hub/package-lock.json`` (``npm ci``, into
``build/hub-tools``). The hub's own files (database, cookie secret, the exchange's documents) go into
``build/hub`` (``--state``), readable by root only. The design is in ``hub/jupyterhub_config.py`` and the
README's 「研修をハブで行う」.

``running_hub`` starts and stops a hub for the tests and bench/run.py the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import typing
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUB = ROOT / "hub"
sys.path.insert(0, str(HUB))

import hub_cohort  # noqa: E402

from tools import config  # noqa: E402

REQUIREMENTS = ROOT / "requirements-hub.txt"
TOOLS = ROOT / "build" / "hub-tools"
PROXY = TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
STATE = ROOT / "build" / "hub"
COHORT = HUB / "cohort.toml"
EXAMPLE = HUB / "cohort.example.toml"
STAMP = "kit-hub-installed.sha256"
MIN_NODE = 20


def say(message: str) -> None:
    print(f"[hub] {message}", flush=True)


class Refusal(Exception):
    """Something the person starting the hub must do first; the message (Japanese) says what."""


# ---------------------------------------------------------------- installing


def digest(*paths: Path) -> str:
    found = hashlib.sha256()
    for path in paths:
        found.update(path.read_bytes())
    return found.hexdigest()


def node_problem() -> str | None:
    """Why Node.js cannot run the proxy here, or ``None``."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return (
            "Node.js（node と npm）が見つかりません。ハブの中継役（configurable-http-proxy）は Node.js で動きます。"
            f"Node.js {MIN_NODE} 以上を入れてから（Debian・Ubuntu なら `sudo apt-get install -y nodejs npm`）、"
            "もう一度実行してください。"
        )
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
        major = int(version.lstrip("v").split(".")[0])
    except (OSError, ValueError, subprocess.SubprocessError):
        return "Node.js の版を確かめられませんでした。`node --version` が動くか確かめてください。"
    if major < MIN_NODE:
        return f"Node.js {MIN_NODE} 以上が必要です（いまは {version}）。新しい Node.js を入れてから、もう一度実行してください。"
    return None


def install_python_set(python: str = sys.executable) -> None:
    """Install requirements-hub.txt into the running environment (.venv), once per change of the file."""
    stamp = Path(sys.prefix) / STAMP
    wanted = digest(REQUIREMENTS, ROOT / "requirements.txt")
    if stamp.exists() and stamp.read_text(encoding="ascii").strip() == wanted:
        return
    say("ハブのパッケージ（JupyterHub など、requirements-hub.txt）をインストールしています…")
    if (
        subprocess.call(
            [
                python,
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--quiet",
                "--no-deps",  # the pinned set is complete, as in kit.py
                "--requirement",
                str(REQUIREMENTS),
            ],
            cwd=ROOT,
        )
        != 0
    ):
        raise Refusal(
            "ハブのパッケージをインストールできませんでした。上のメッセージを確認し、ネットワークにつながっているか"
            "確かめてから、もう一度実行してください。"
        )
    stamp.write_text(wanted + "\n", encoding="ascii")


def install_proxy() -> Path:
    """Install configurable-http-proxy from hub/package-lock.json into build/hub-tools with `npm ci`, once."""
    problem = node_problem()
    if problem:
        raise Refusal(problem)
    wanted = digest(HUB / "package.json", HUB / "package-lock.json")
    stamp = TOOLS / STAMP
    if PROXY.exists() and stamp.exists() and stamp.read_text(encoding="ascii").strip() == wanted:
        return PROXY
    say("ハブの中継役（configurable-http-proxy、npm）を build/hub-tools にインストールしています…")
    TOOLS.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(HUB / name, TOOLS / name)
    if (
        subprocess.call(
            [
                shutil.which("npm"),
                "ci",
                "--omit=dev",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--loglevel=error",
            ],
            cwd=TOOLS,
        )
        != 0
        or not PROXY.exists()
    ):
        raise Refusal(
            "configurable-http-proxy をインストールできませんでした。上のメッセージを確認し、npm レジストリに"
            "つながるか確かめてから、もう一度実行してください。"
        )
    stamp.write_text(wanted + "\n", encoding="ascii")
    return PROXY


# ---------------------------------------------------------------- the machine


def root_problem() -> str | None:
    if not hasattr(os, "geteuid") or not sys.platform.startswith("linux"):
        return "ハブは Linux のサーバーで動かします（1人に1つのシステムユーザーを作るためです）。"
    if os.geteuid() != 0:
        return (
            "ハブは管理者（root）として起動してください（受講者ごとにシステムユーザー kit-<名前> を作り、"
            "それぞれのサーバーをその人として動かすためです）: `sudo python3 kit.py hub`"
        )
    return None


def real_hub_problem() -> str | None:
    """Why a real hub (the hub tests, the hub figures) cannot run here, in English, or ``None``."""
    if importlib.util.find_spec("jupyterhub") is None or importlib.util.find_spec("nativeauthenticator") is None:
        return "the hub set is not installed (python3 kit.py hub setup)"
    problem = root_problem() or node_problem()
    if problem:
        return "not root on Linux" if "root" in problem or "Linux" in problem else "no Node.js 20+ with npm"
    if not PROXY.exists():
        return "configurable-http-proxy is not installed in build/hub-tools (python3 kit.py hub setup)"
    if unreadable_for_learners():
        return "the kit's folder is not readable by other system users (see tools/hub.py unreadable_for_learners)"
    if not config.chromium().exists() or not shutil.which("useradd"):
        return "Chromium or useradd is missing"
    return None


def unreadable_for_learners(paths=None) -> str | None:
    """Why the learners' servers (other system users) could not read the kit, or ``None``.

    Each server runs as its own user and reads the kit and ``.venv`` from here, as TLJH's users read /opt/tljh.
    """
    for path in paths or (
        ROOT / "notebooks" / "00_start.ipynb",
        ROOT / "helpers" / "__init__.py",
        Path(sys.executable).resolve(),
        Path(sys.prefix) / "pyvenv.cfg",
        HUB / "hub_singleuser.py",
    ):
        for folder in [*reversed(Path(path).parents)]:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return (
                    f"受講者のサーバーが {folder} の中を読めません（ほかのユーザーに x の権限がありません）。"
                    "キットを、だれでも読めるフォルダー（たとえば /opt/amazon-seller-support-kit）に置き、"
                    "Python もだれでも使えるもの（/usr/bin/python3 など）で実行してください。"
                )
        if not os.stat(path).st_mode & stat.S_IROTH:
            return f"受講者のサーバーが {path} を読めません。キットのファイルを、ほかのユーザーも読めるようにしてください。"
    return None


def ensure_users(cohort: hub_cohort.Cohort, home_base: Path | None = None) -> list[str]:
    """Create the system user ``kit-<name>`` (home 0700) of everyone on the list who has none; return those created."""
    import pwd

    created = []
    for name in cohort.names:
        account = hub_cohort.system_user(name)
        try:
            entry = pwd.getpwnam(account)
        except KeyError:
            home = (home_base or Path("/home")) / account
            subprocess.run(
                [
                    "useradd",
                    "--create-home",
                    "--home-dir",
                    str(home),
                    "--shell",
                    "/bin/bash",
                    "--user-group",
                    "--comment",
                    "amazon-seller-support-kit hub",
                    account,
                ],
                check=True,
                capture_output=True,
            )
            created.append(account)
            entry = pwd.getpwnam(account)
        os.chmod(entry.pw_dir, 0o700)
    return created


def processes_of(uid: int) -> list[int]:
    """The process ids running as ``uid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
    return found


def remove_users(names, keep_homes: bool = False) -> None:
    """Remove the system users ``kit-<name>`` (and their homes unless ``keep_homes``), first ending the processes
    that run as them: for the tests and the bench, whose users exist only for their run."""
    import pwd

    for name in names:
        account = hub_cohort.system_user(name)
        try:
            uid = pwd.getpwnam(account).pw_uid
        except KeyError:
            continue
        for pid in processes_of(uid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        subprocess.run(["userdel", *([] if keep_homes else ["--remove"]), account], capture_output=True)


def pwd_uid(name: str) -> int:
    """The uid of a hub user's system account."""
    import pwd

    return pwd.getpwnam(hub_cohort.system_user(name)).pw_uid


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- running


def load_cohort(path: Path) -> hub_cohort.Cohort:
    if not path.exists():
        raise Refusal(
            f"研修の名簿 {shown(path)} がありません。{shown(EXAMPLE)} をコピーして受講者と研修担当者の名前を書き"
            f"（`cp {shown(EXAMPLE)} {shown(COHORT)}`）、もう一度実行してください。"
        )
    try:
        return hub_cohort.load(path, shown(path))
    except ValueError as exc:
        raise Refusal(f"{exc}\n直してから、もう一度実行してください。") from None


def shown(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def hub_command() -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(HUB / "jupyterhub_config.py")]


def hub_environment(
    cohort_path: Path,
    state: Path,
    ip: str,
    port: int,
    ports: tuple[int, int, int] | None = None,
    cull_seconds: int | None = None,
) -> dict[str, str]:
    """The variables hub/jupyterhub_config.py reads."""
    env = dict(
        os.environ,
        KIT_HUB_COHORT=str(Path(cohort_path).resolve()),
        KIT_HUB_STATE=str(state),
        KIT_HUB_IP=ip,
        KIT_HUB_PORT=str(port),
        KIT_HUB_PROXY=str(PROXY),
        PYTHONUTF8="1",
        KIT_HUB_PORTS=",".join(map(str, ports or (8081, 8001, 8101))),
    )
    env.pop("KIT_PROGRESS_FILE", None)
    if cull_seconds:
        env["KIT_HUB_CULL_SECONDS"] = str(cull_seconds)
    return env


def prepare_state(state: Path) -> None:
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o700)


def stop(process: subprocess.Popen, timeout: float = 40) -> None:
    """Stop the hub as Ctrl+C does (it stops every server and the proxy first), then make sure nothing is left."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the hub exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


class Running(typing.NamedTuple):
    base: str  # the address people open, http://127.0.0.1:<port>
    process: subprocess.Popen  # the hub (it started the proxy and the services)


@contextlib.contextmanager
def running_hub(
    cohort_path: Path,
    state: Path,
    home_base: Path | None = None,
    log: Path | None = None,
    cull_seconds: int | None = None,
):
    """Start a hub on 127.0.0.1 (free ports) for the tests and the bench; yield a ``Running``; stop it cleanly."""
    cohort = hub_cohort.load(cohort_path)
    prepare_state(state)
    ensure_users(cohort, home_base)
    port = free_port()
    env = hub_environment(cohort_path, state, "127.0.0.1", port, (free_port(), free_port(), free_port()), cull_seconds)
    with open(log or state / "hub.log", "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            hub_command(), cwd=state, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{base}/hub/api/", process)
            yield Running(base, process)
        finally:
            stop(process)


def one_time_password(name: str, state: Path, cohort_path: Path) -> str:
    """Give ``name`` (on the class list) a new random password in the hub's database and return it
    (hub/kit_accounts.py; the person logs in with it once and sets their own at ``/hub/change-password``)."""
    import kit_accounts

    cohort = load_cohort(cohort_path)
    if name not in cohort.names:
        raise Refusal(f"「{name}」 は {shown(cohort_path)} にありません。名簿にある名前を指定してください。")
    database = state / "jupyterhub.sqlite"
    if not database.exists():
        raise Refusal(
            "ハブをまだ一度も起動していません。`python3 kit.py hub` で起動してから、もう一度実行してください。"
        )
    return kit_accounts.one_time_password(name, f"sqlite:///{database}")


KUBERNETES_VALUES = ROOT / "deploy" / "kubernetes" / "cohort.values.yaml"


def kubernetes_values(cohort: hub_cohort.Cohort) -> dict:
    """The class list as Zero to JupyterHub values (deploy/kubernetes/README.md): who may log in, the groups that
    decide who reads the cohort view, the first page, the memory limit and the idle timeout."""
    start = (
        "/voila/render/notebooks/00_start.ipynb"
        if cohort.settings.default == "app"
        else "/lab/tree/notebooks/00_start.ipynb"
    )
    return {
        "hub": {
            "config": {
                "Authenticator": {"allowed_users": list(cohort.names)},
                "JupyterHub": {
                    "load_groups": {
                        "learners": {"users": [p.name for p in cohort.learners]},
                        "trainers": {"users": [p.name for p in cohort.trainers]},
                    }
                },
            }
        },
        "singleuser": {"defaultUrl": start, "memory": {"limit": f"{cohort.settings.memory_mb}M"}},
        "cull": {"timeout": cohort.settings.idle_minutes * 60},
    }


def write_kubernetes_values(cohort_path: Path, output: Path) -> Path:
    import json

    values = kubernetes_values(load_cohort(cohort_path))
    header = (
        f"# Generated by `python3 kit.py hub values` from {shown(cohort_path)}; do not edit by hand.\n"
        "# Passed to helm after values.yaml by deploy/kubernetes/helm-upgrade.sh. (JSON is YAML.)\n"
    )
    output.write_text(header + json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kit.py hub", description="研修をハブ（JupyterHub）で行う")
    parser.add_argument(
        "action",
        nargs="?",
        default="start",
        choices=["start", "check", "password", "setup", "values"],
        help="start: 起動（既定） / check: 名簿の確認だけ / password: 一時パスワードを発行 / setup: インストールだけ / "
        "values: Kubernetes 用の名簿（deploy/kubernetes/cohort.values.yaml）を作る",
    )
    parser.add_argument("name", nargs="?", help="password のとき: 一時パスワードを渡す人の名前")
    parser.add_argument("--cohort", type=Path, default=COHORT, help="研修の名簿（既定: hub/cohort.toml）")
    parser.add_argument("--state", type=Path, default=STATE, help="ハブのデータを置くフォルダー（既定: build/hub）")
    parser.add_argument(
        "--ip", default="127.0.0.1", help="待ち受けるアドレス（既定: 127.0.0.1。HTTPS の中継の後ろに置きます）"
    )
    parser.add_argument("--port", type=int, default=8000, help="待ち受けるポート（既定: 8000）")
    parser.add_argument(
        "--if-possible",
        action="store_true",
        help="setup のとき: Node.js がなければ中継役を入れずに、そのことを知らせて終わる（kit.py test が使う）",
    )
    args = parser.parse_args(argv)
    try:
        if args.action == "setup":
            install_python_set()
            if args.if_possible and (node_problem() or root_problem()):
                say(f"ハブのテスト（tests/hub）は実行しません: {node_problem() or root_problem()}")
                return 0
            install_proxy()
            say("ハブの準備ができました。")
            return 0
        if args.action == "values":
            written = write_kubernetes_values(args.cohort, KUBERNETES_VALUES)
            say(f"{shown(written)} を作りました。deploy/kubernetes/helm-upgrade.sh が values.yaml のあとに渡します。")
            return 0
        if args.action == "check":
            cohort = load_cohort(args.cohort)
            say(
                f"{shown(args.cohort)} は正しく書かれています: 受講者 {len(cohort.learners)} 人、研修担当者 "
                f"{len(cohort.trainers)} 人、最初に開く画面 {cohort.settings.default}、メモリー {cohort.settings.memory_mb} MB、"
                f"{cohort.settings.idle_minutes} 分使われないサーバーは停止。"
            )
            return 0
        if args.action == "password":
            if not args.name:
                raise Refusal("名前を指定してください: `python3 kit.py hub password tanaka`")
            install_python_set()
            password = one_time_password(args.name, args.state, args.cohort)
            say(f"{args.name} さんの一時パスワード: {password}")
            say(
                "この画面は保存しないでください。本人に直接伝え、ログインしたら /hub/change-password で"
                "自分のパスワードに変えてもらってください。"
            )
            return 0
        cohort = load_cohort(args.cohort)
        problem = root_problem() or node_problem() or unreadable_for_learners()
        if problem:
            raise Refusal(problem)
        install_python_set()
        install_proxy()
        prepare_state(args.state)
        created = ensure_users(cohort)
        if created:
            say(f"システムユーザーを作りました: {', '.join(created)}（ホームはそれぞれ本人だけが読めます）")
        env = hub_environment(args.cohort, args.state.resolve(), args.ip, args.port)
        address = f"http://{'127.0.0.1' if args.ip in ('0.0.0.0', '::') else args.ip}:{args.port}/"
        say(
            f"ハブを起動します: {address}（受講者 {len(cohort.learners)} 人、研修担当者 {len(cohort.trainers)} 人）。"
            "終了するには Ctrl+C を押してください（すべての受講者のサーバーも止まります。ファイルは残ります）。"
        )
        # In the terminal's process group: Ctrl+C reaches the hub itself, which stops every server and the proxy
        # even if this script is ended first (kit.py ends its child on Ctrl+C).
        process = subprocess.Popen(hub_command(), cwd=args.state, env=env)
        try:
            return process.wait()
        except KeyboardInterrupt:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                stop(process)
            say("ハブを終了しました。")
            return 0
    except Refusal as exc:
        say(str(exc))
        return 1


if __name__ == "__main__":
    sys.exit(main())
