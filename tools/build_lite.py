"""Build the kit's browser edition (JupyterLite) into build/lite: ``python3 kit.py lite``.

The site runs the same notebooks in the browser with Python compiled to WebAssembly (Pyodide), from static files
that any web server can host (GitHub Pages, say). Everything it needs is served from the site itself: Pyodide's
core (the npm registry's ``pyodide`` package), every pure-Python wheel the kernel and the kit need, and the kit
itself with its ``data/``. Only numpy and pandas, which have no WebAssembly wheels on PyPI or npm, are fetched from
Pyodide's CDN, and only when a notebook that compares with pandas (``pandas = true`` in ``data/lessons.toml``)
imports them.

Versions: the kit's dependencies and the IPython stack follow ``requirements.txt``; what pandas was built with
(python-dateutil, pytz, six) and anything else follow Pyodide's own lock. Each build starts from empty folders
(an incremental build can silently fall back to the CDN); downloads are kept in ``build/lite-cache``. JupyterLite
itself (``requirements-lite.txt``) is installed into ``build/lite-tools``, never into ``.venv``: its JupyterLab
extension would break the desktop JupyterLab and Voilà.

    python3 kit.py lite            # build
    python3 -m tools.build_lite    # the same, from the kit's environment
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import urllib.request
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "lite"  # the site (index.html at its root)
TOOLS = ROOT / "build" / "lite-tools"  # JupyterLite itself (requirements-lite.txt), kept out of .venv: its
# JupyterLab extension would break the desktop JupyterLab and Voilà
WORK = ROOT / "build" / "lite-src"  # the JupyterLite project the build reads (wiped each build)
CACHE = ROOT / "build" / "lite-cache"  # downloads, kept between builds

PYODIDE_VERSION = "314.0.6"  # what jupyterlite-pyodide-kernel 0.8.6 expects (checked below)
PYODIDE_INTEGRITY = "sha512-BKDTJyIqFxC4BExLqeRS3f5xvXZIjOt8C3zGLN/Cc7tFxSwvKVhVkchQQ2AGLOtR4YrVOIFxbV8poyDOOmWwxQ=="
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "package.json")
CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
FROM_CDN = ("numpy", "pandas")
MARKERS = {
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "platform_machine": "wasm32",
    "extra": "",
}

KIT = "amazon-seller-support-kit"
# What the kit imports in the browser (pandas and numpy are loaded by the notebooks that use them; jinja2 renders
# their styled tables).
KIT_DEPENDS = ["ipywidgets", "phonenumbers", "platformdirs", "tzdata", "jpholiday", "filelock", "jinja2"]
# The kernel's own Python side, and what pandas depends on; each pulls in its own dependencies.
KERNEL = ["micropip", "ipython", "comm"]
PANDAS_DEPENDS = ["python-dateutil", "pytz", "six"]
# Declared by ipywidgets but never imported in the kernel (the kernel's extension ships stubs).
NOT_IN_KERNEL = {"widgetsnbextension", "jupyterlab-widgets"}
# Loaded while Pyodide starts, so the first cell runs without waiting for them.
PRELOAD = ["micropip", "piplite", "pyodide-kernel", "ipykernel", "comm", "ipython", "ipywidgets", KIT]
LABEXTENSIONS = ["@jupyterlite/pyodide-kernel-extension", "@jupyter-widgets/jupyterlab-manager"]
PROGRESS_FILE = "/drive/.kit/progress.json"  # /drive: the site's files, kept in the browser's storage


def say(text: str) -> None:
    print(f"[lite] {text}", flush=True)


def run(*command, **options) -> None:
    subprocess.run([str(c) for c in command], check=True, **options)


# ---------------------------------------------------------------- Pyodide's core, from the npm registry


def pyodide_core() -> Path:
    """Fetch ``pyodide@PYODIDE_VERSION`` from the npm registry (checked against its pinned integrity)."""
    folder = CACHE / f"pyodide-{PYODIDE_VERSION}"
    if (folder / "package" / "pyodide.mjs").exists():
        return folder / "package"
    # npm's own spelling of the variable, lower case.
    registry = os.environ.get("npm_config_registry", "https://registry.npmjs.org/").rstrip("/")  # noqa: SIM112
    url = f"{registry}/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
    say(f"Pyodide {PYODIDE_VERSION} を npm レジストリから取得します: {url}")
    with urllib.request.urlopen(url, timeout=300) as response:
        tarball = response.read()
    algorithm, expected = PYODIDE_INTEGRITY.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode() != expected:
        raise SystemExit(f"pyodide-{PYODIDE_VERSION}.tgz の中身が、記録した値と一致しません。")
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


# ---------------------------------------------------------------- wheels


def pins() -> dict[str, str]:
    """The exact versions of requirements.txt."""
    found = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and ";" not in line:
            name, version = line.split("==", 1)
            found[canonicalize_name(name)] = version.strip()
    return found


def wheel_meta(wheel: Path) -> tuple[str, str, list[str], list[str]]:
    """(name, version, dependencies in the browser, top-level import names) of a pure wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta = Parser().parsestr(archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
        top = next((n for n in names if n.endswith(".dist-info/top_level.txt")), None)
        if top:
            imports = archive.read(top).decode().split()
        else:
            imports = sorted(
                {
                    n.split("/")[0]
                    for n in names
                    if "/" in n and n.endswith(".py") and not n.split("/")[0].endswith((".dist-info", ".data"))
                }
                | {n[:-3] for n in names if "/" not in n and n.endswith(".py")}
            )
    depends = []
    for raw in meta.get_all("Requires-Dist") or []:
        requirement = Requirement(raw)
        if not requirement.marker or requirement.marker.evaluate(MARKERS):
            depends.append(canonicalize_name(requirement.name))
    return (
        canonicalize_name(meta["Name"]),
        meta["Version"],
        [d for d in depends if d not in NOT_IN_KERNEL],
        [i for i in imports if not i.startswith("_")],
    )


def fetch_wheels(names: list[str], versions: dict[str, str]) -> dict[str, Path]:
    """Download each named wheel at its version, with everything it depends on (pure wheels only)."""
    folder = CACHE / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    wanted = [canonicalize_name(n) for n in names]
    while wanted:
        missing = [n for n in dict.fromkeys(wanted) if n not in found and not cached(folder, n, versions[n])]
        if missing:
            say("ホイールを PyPI から取得します: " + " ".join(f"{n}=={versions[n]}" for n in missing))
            pure = [n for n in missing if n != "markupsafe"]
            if pure:
                run(
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--only-binary=:all:",
                    "--python-version",
                    MARKERS["python_version"],
                    "--implementation",
                    "py",
                    "--abi",
                    "none",
                    "--platform",
                    "any",
                    "--dest",
                    folder,
                    *(f"{n}=={versions[n]}" for n in pure),
                )
            if "markupsafe" in missing:
                markupsafe_wheel(folder, versions["markupsafe"])
        next_round = []
        for name in dict.fromkeys(wanted):
            if name in found:
                continue
            found[name] = cached(folder, name, versions[name])
            next_round += wheel_meta(found[name])[2]
        for name in next_round:
            if name not in versions:
                raise SystemExit(f"{name} の版が requirements.txt にも Pyodide の一覧にもありません。")
        wanted = [n for n in next_round if n not in found]
    return found


def cached(folder: Path, name: str, version: str) -> Path | None:
    for wheel in folder.glob("*.whl"):
        wheel_name, wheel_version = wheel.name.split("-")[:2]
        if canonicalize_name(wheel_name) == name and wheel_version == version:
            return wheel
    return None


def markupsafe_wheel(folder: Path, version: str) -> None:
    """MarkupSafe has no pure wheel on PyPI: build one from its source without the optional C speed-up (it then
    uses its own plain-Python code, as it is designed to)."""
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-binary",
        "markupsafe",
        "--wheel-dir",
        folder,
        f"markupsafe=={version}",
        env={**os.environ, "CC": "/bin/false", "CXX": "/bin/false"},
    )
    if not cached(folder, "markupsafe", version) or not cached(folder, "markupsafe", version).name.endswith(
        "-py3-none-any.whl"
    ):
        raise SystemExit("MarkupSafe の純 Python のホイールを作れませんでした。")


def kit_wheel(folder: Path) -> Path:
    """The kit as a wheel: the helpers package with a copy of data/ inside (``helpers/_data``)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist = f"{KIT.replace('-', '_')}-{project['version']}"
    files = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in sorted((ROOT / "helpers").rglob("*.py"))}
    files |= {
        "helpers/_data/" + p.relative_to(ROOT / "data").as_posix(): p.read_bytes()
        for p in sorted((ROOT / "data").rglob("*"))
        if p.is_file()
    }
    files[f"{dist}.dist-info/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {KIT}\nVersion: {project['version']}\nSummary: {project['description']}\n"
    ).encode()
    files[f"{dist}.dist-info/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: tools/build_lite.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{dist}.dist-info/top_level.txt"] = b"helpers\n"
    record = [
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b'=').decode()},"
        f"{len(content)}"
        for name, content in files.items()
    ]
    files[f"{dist}.dist-info/RECORD"] = ("\n".join(record + [f"{dist}.dist-info/RECORD,,"]) + "\n").encode()
    wheel = folder / f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return wheel


def lite_tools() -> None:
    """Install the pins of requirements-lite.txt into TOOLS (again only when that file changed)."""
    pins = (ROOT / "requirements-lite.txt").read_text(encoding="utf-8")
    stamp = TOOLS / ".installed-from"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == pins:
        return
    shutil.rmtree(TOOLS, ignore_errors=True)
    say("JupyterLite を build/lite-tools に入れます…")
    run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--target",
        TOOLS,
        *(line for line in pins.splitlines() if line.strip() and not line.startswith(("#", "-"))),
    )
    stamp.write_text(pins, encoding="utf-8")


def extension_folder(name: str) -> Path:
    """A JupyterLab extension's folder: JupyterLite's own from TOOLS, the widgets' from the kit's environment."""
    for prefix in (TOOLS, Path(sys.prefix)):
        if (folder := prefix / "share" / "jupyter" / "labextensions" / name).is_dir():
            return folder
    raise SystemExit(f"JupyterLab の拡張機能 {name} が見つかりません。")


def kernel_wheels() -> list[Path]:
    """piplite, pyodide-kernel and the ipykernel shim, which ship inside the kernel's extension."""
    pypi = extension_folder("@jupyterlite/pyodide-kernel-extension") / "static" / "pypi"
    return [p for p in sorted(pypi.glob("*.whl")) if not p.name.startswith("widgetsnbextension")]


# ---------------------------------------------------------------- the site


def pyodide_folder(core: Path, wheels: list[Path]) -> None:
    """static/pyodide: Pyodide's core, every wheel, and a lock that lists only these (numpy/pandas: the CDN)."""
    folder = WORK / "static" / "pyodide"  # the kernel's add-on finds it here and points the kernel at it
    folder.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(core / name, folder / name)
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    upstream = {canonicalize_name(k): v for k, v in lock["packages"].items()}
    packages = {}
    for wheel in wheels:
        name, version, depends, imports = wheel_meta(wheel)
        shutil.copy2(wheel, folder / wheel.name)
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "package_type": "package",
            "unvendored_tests": False,
            "imports": imports,
            "depends": KIT_DEPENDS if name == KIT else depends,
        }
    for name in FROM_CDN:
        packages[name] = dict(upstream[name], file_name=CDN + upstream[name]["file_name"])
    unknown = [(p["name"], d) for p in packages.values() for d in p["depends"] if canonicalize_name(d) not in packages]
    if unknown:
        raise SystemExit(f"依存関係が足りません: {unknown}")
    lock["packages"] = dict(sorted(packages.items()))
    (folder / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")


def configuration() -> None:
    shutil.copy2(ROOT / "jupyter" / "overrides.json", WORK / "overrides.json")  # Japanese, no news pop-up
    # Only the lessons of the manifest: never a template or a learner's own log saved beside them.
    from helpers.core.data import load_lessons

    contents = WORK / "notebooks"
    contents.mkdir()
    for lesson in load_lessons():
        shutil.copy2(ROOT / "notebooks" / lesson.file, contents / lesson.file)
    (WORK / "jupyter_lite_config.json").write_text(
        json.dumps(
            {
                "LiteBuildConfig": {
                    "contents": [str(contents)],
                    "output_dir": str(OUT),
                    "apps": ["lab", "notebooks", "tree"],
                    "no_sourcemaps": True,
                    "no_unused_shared_packages": True,
                    # only the extensions copied below, never whatever else the build environment has installed
                    "ignore_sys_prefix": ["federated_extensions"],
                },
                "FederatedExtensionAddon": {"extra_labextensions_path": [str(WORK / "labextensions")]},
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    (WORK / "jupyter-lite.json").write_text(
        json.dumps(
            {
                "jupyter-lite-schema-version": 0,
                "jupyter-config-data": {
                    "appName": "出品者のための サポート問い合わせ練習キット",
                    "exposeAppInBrowser": True,
                    "litePluginSettings": {
                        "@jupyterlite/pyodide-kernel-extension:kernel": {
                            "disablePyPIFallback": True,
                            "loadPyodideOptions": {"packages": PRELOAD, "env": {"KIT_PROGRESS_FILE": PROGRESS_FILE}},
                        }
                    },
                },
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    for extension in LABEXTENSIONS:
        shutil.copytree(extension_folder(extension), WORK / "labextensions" / extension)


LANDING = """<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>出品者のための サポート問い合わせ練習キット（ブラウザー版）</title>
<!-- JupyterLite reads its settings from this element of every index.html up to the root -->
<script id="jupyter-config-data" type="application/json" data-jupyter-lite-root=".">{}</script>
<style>
body{font-family:system-ui,"Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif;max-width:40em;margin:3em auto;
padding:0 1em;line-height:1.8;color:#1f2328}
a.start{display:inline-block;background:#0b5cad;color:#fff;padding:.6em 1.4em;border-radius:6px;
text-decoration:underline;font-size:1.2em}
a.start:focus{outline:3px solid #f0b400;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>出品者のための サポート問い合わせ練習キット</h1>
<p>Amazon.co.jp で出品する人が Amazon のサポートに連絡するしかたを、手を動かして練習するキットです。ブラウザーの中で動くので、
何もインストールする必要はありません。</p>
<p><a class="start" href="lab/index.html?path=%(start)s">練習をはじめる</a></p>
<ul>
<li>はじめて開くときは、準備に少し時間がかかります（2回目からは速くなります）。</li>
<li>チャット・Eメール・電話を比べるノートブックと、付録の記録のノートブックだけは、表を作る部品（pandas）を
初回にインターネットから読み込みます。ほかのノートブックはインターネットなしで動きます。</li>
<li>進み具合は、このブラウザーの中にだけ保存されます。別のブラウザーや別のパソコンには引き継がれません。
ブラウザーの「閲覧データの削除」をすると消えます。</li>
<li>入力した電話番号や注文番号などは、どこにも送られません。</li>
</ul>
</main>
</body>
</html>
"""


def build() -> None:
    lite_tools()
    sys.path.insert(0, str(TOOLS))
    import jupyterlite_pyodide_kernel.constants as kernel_constants

    if kernel_constants.PYODIDE_VERSION != PYODIDE_VERSION:
        raise SystemExit(
            f"jupyterlite-pyodide-kernel は Pyodide {kernel_constants.PYODIDE_VERSION} を使います。"
            f"tools/build_lite.py の PYODIDE_VERSION（{PYODIDE_VERSION}）と合わせてください。"
        )
    for folder in (WORK, OUT):
        shutil.rmtree(folder, ignore_errors=True)
    WORK.mkdir(parents=True)
    core = pyodide_core()
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    versions = {canonicalize_name(k): v["version"] for k, v in lock["packages"].items()}
    versions |= {k: v for k, v in pins().items() if k not in PANDAS_DEPENDS}
    wheels = list(fetch_wheels(KERNEL + KIT_DEPENDS + PANDAS_DEPENDS, versions).values())
    wheels += kernel_wheels() + [kit_wheel(WORK)]
    pyodide_folder(core, wheels)
    configuration()
    say("JupyterLite のサイトを作ります…")
    path = os.pathsep.join(filter(None, [str(TOOLS), os.environ.get("PYTHONPATH")]))
    run(
        sys.executable,
        "-m",
        "jupyterlite_core",
        "build",
        "--lite-dir",
        WORK,
        cwd=WORK,
        env={**os.environ, "PYTHONPATH": path},
    )
    (OUT / ".jupyterlite.doit.db").unlink(missing_ok=True)
    from helpers.core.data import load_lessons

    (OUT / "index.html").write_text(LANDING % {"start": load_lessons()[0].file}, encoding="utf-8")
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    say(
        f"できました: {OUT.relative_to(ROOT)}（{size / 1e6:.0f} MB）。"
        f"ウェブサーバーで公開し、index.html を開いてください。"
    )


def check_site(site: Path = OUT) -> list[str]:
    """What is wrong with a built site (empty when nothing): the kernel must use the site's own Pyodide, and
    every package must be a file of the site, except numpy and pandas from Pyodide's CDN."""
    problems = []
    config = json.loads((site / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    if kernel.get("pyodideUrl") != "./static/pyodide/pyodide.mjs":
        problems.append(f"the kernel loads Pyodide from {kernel.get('pyodideUrl')!r}")
    if kernel.get("disablePyPIFallback") is not True:
        problems.append("the kernel may fall back to PyPI")
    lock = json.loads((site / "static/pyodide/pyodide-lock.json").read_text(encoding="utf-8"))
    for name, package in lock["packages"].items():
        if re.match(r"https?://", package["file_name"]):
            if name not in FROM_CDN or not package["file_name"].startswith(CDN):
                problems.append(f"{name} comes from {package['file_name']}")
        elif not (site / "static/pyodide" / package["file_name"]).is_file():
            problems.append(f"{name}: {package['file_name']} is missing")
    return problems


if __name__ == "__main__":
    build()
    if problems := check_site():
        raise SystemExit("\n".join(problems))
