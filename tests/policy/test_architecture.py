"""The shape of ``helpers``: three layers and no import circle (import-linter's contracts in pyproject.toml), every
third-party import declared as a dependency of the right set, and no teaching text in Python."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

from support import ROOT

HELPERS = ROOT / "helpers"


DYNAMIC = {"import_module", "__import__"}


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, and ``importlib.import_module("…")`` with a
    literal name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in DYNAMIC:
            argument = node.args[0] if node.args else None
            found.add(argument.value if isinstance(argument, ast.Constant) else "<computed>")
    return found


def test_the_layering_contracts_of_pyproject_hold():
    """import-linter checks the contracts of [tool.importlinter]: the course on the topics, the topics on the
    engine, no import circle (imports inside functions count), the progress store on its own."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_the_contracts_name_every_topic_module():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layered = {name.strip() for layer in contracts["contracts"][0]["layers"] for name in layer.split(":")}
    modules = {f"helpers.{p.stem}" for p in HELPERS.glob("*.py") if p.stem != "__init__"}
    modules |= {f"helpers.{p.name}" for p in HELPERS.iterdir() if (p / "__init__.py").exists() and p.name != "core"}
    assert modules <= layered, "a new module of helpers belongs in a layer of [tool.importlinter]"


def test_no_dynamic_import_of_a_computed_name_in_helpers():
    """import-linter sees every import statement; a name computed at run time would hide where it leads."""
    for path in HELPERS.rglob("*.py"):
        assert "<computed>" not in imports_of(path), path


def test_the_class_exchange_imports_nothing_of_the_kit():
    """The progress store may publish to the class's hub; the exchange client stands on the standard library."""
    assert not {i for i in imports_of(HELPERS / "core" / "exchange.py") if i.startswith("helpers")}


def test_importing_the_package_imports_nothing():
    assert not {i for i in imports_of(HELPERS / "__init__.py") if i.startswith("helpers")}
    assert not {i for i in imports_of(HELPERS / "core" / "__init__.py") if i.startswith("helpers")}


def test_helpers_progress_is_a_plain_module_giving_the_engines_store():
    from helpers import progress
    from helpers.core import progress as store

    assert sys.modules["helpers.progress"] is progress and progress is not store
    assert all(getattr(progress, name) is getattr(store, name) for name in progress.__all__)


# ---------------------------------------------------------------- dependencies


def declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {normalize(d) for d in project["dependencies"]}
    test = {normalize(d) for d in project["optional-dependencies"]["test"]}
    return runtime, test


def normalize(name: str) -> str:
    import re

    return re.split(r"[<>=;\[ ]", name, maxsplit=1)[0].strip().lower().replace("_", "-")


# Import name → distribution name, where they differ.
DISTRIBUTIONS = {
    "yaml": "pyyaml",
    "playwright": "playwright",
    "nbformat": "nbformat",
    "nbclient": "nbclient",
    "importlinter": "import-linter",
    "nativeauthenticator": "jupyterhub-nativeauthenticator",
}


LOCAL = {"helpers", "kit", "tools", "bench", "tests", "__future__"} | {
    p.stem for folder in ("tests", "tools", "bench", "hub") for p in ROOT.joinpath(folder).rglob("*.py")
}
LOCAL |= {
    p.parent.name
    for folder in ("tests", "tools", "bench", "hub")  # packages, such as tests/support
    for p in ROOT.joinpath(folder).rglob("__init__.py")
}


def third_party_imports(paths) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in paths:
        for name in imports_of(path):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or top in LOCAL or name == "<computed>":
                continue
            found.setdefault(DISTRIBUTIONS.get(top, top.replace("_", "-")), set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_of_the_helpers_is_a_runtime_dependency():
    runtime, _ = declared()
    used = third_party_imports(HELPERS.rglob("*.py"))
    missing = {dist: files for dist, files in used.items() if dist not in runtime}
    assert not missing, f"declare in [project] dependencies: {missing}"


def local_module(name: str) -> Path | None:
    """The kit's own file of a module name (``tools.config`` -> tools/config.py), if there is one."""
    path = ROOT.joinpath(*name.split("."))
    return next((p for p in (path.with_suffix(".py"), path / "__init__.py") if p.is_file()), None)


def test_kit_py_needs_only_the_standard_library():
    """kit.py runs before anything is installed: on a fresh machine with only Python. It may import modules of the
    kit (tools.config, which reads kit.toml) that, all the way down, need nothing else either."""
    outside, seen, todo = set(), set(), [ROOT / "kit.py"]
    while todo:
        path = todo.pop()
        seen.add(path)
        for name in imports_of(path):
            if name.split(".")[0] in sys.stdlib_module_names or name.split(".")[0] == "__future__":
                continue
            local = local_module(name)
            if local is None:
                if local_module(name.rpartition(".")[0]) is None:  # not a name imported from a kit module
                    outside.add(f"{path.relative_to(ROOT)}: {name}")
            elif local not in seen:
                todo.append(local)
    assert not outside, outside


def test_no_test_module_imports_another():
    """Shared test code lives in tests/support (a package on the path as ``support``) or in a conftest.py; a test
    module importing another one runs that module's tests twice and breaks under ``--import-mode=importlib``."""
    test_modules = {p.stem for p in (ROOT / "tests").rglob("test_*.py")}
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in imports_of(path) if name.split(".")[0] in test_modules)
        for path in (ROOT / "tests").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_every_third_party_import_of_tests_and_tools_is_declared():
    runtime, test = declared()
    paths = [
        *ROOT.joinpath("tests").rglob("*.py"),
        *ROOT.joinpath("tools").rglob("*.py"),
        *ROOT.joinpath("bench").rglob("*.py"),
    ]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lite = {normalize(d) for d in project["optional-dependencies"]["lite"]}  # only tools/build_lite.py imports these
    hub = {normalize(d) for d in project["optional-dependencies"]["hub"]}  # tools/hub.py, hub/, tests/hub
    paths += list(ROOT.joinpath("hub").rglob("*.py"))
    missing = {
        dist: files for dist, files in third_party_imports(paths).items() if dist not in runtime | test | lite | hub
    }
    assert not missing, f"declare in [project.optional-dependencies] test: {missing}"


# ---------------------------------------------------------------- Japanese text lives in data/

JAPANESE = __import__("re").compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SHORT_LABEL = 12  # characters: a widget label, a unit, a mask such as ［電話番号］
# Validation messages stay beside the check that raises them: besides `raise`, `check()` and `problems`, these
# hold messages that a check raises or returns a few lines further on.
MESSAGE_PLACES = {
    ("helpers/core/text.py", "FORM_DASHES"),
    ("helpers/forms.py", "_REFUSED_TYPES"),
    ("helpers/forms.py", "_USE_INSTEAD"),
    ("helpers/forms.py", "order_number"),
    ("helpers/core/progress.py", "_set_aside"),
    ("helpers/core/data.py", "_provenance"),
    ("helpers/contact_log.py", "_validate"),
    ("helpers/contact_log.py", "_read"),
    ("helpers/contact_log.py", "TOO_MANY_FIELDS"),
    ("helpers/core/clock.py", "OUT_OF_RANGE"),
    ("helpers/core/progress.py", "AFRESH"),
    ("helpers/core/progress.py", "safely_record"),
    ("helpers/core/exchange.py", "_too_big"),
    ("helpers/core/exchange.py", "_not_sent"),
    ("helpers/core/progress.py", "READ_ONLY"),
}


def long_japanese_strings(path: Path):
    """(line, text) of each Japanese string constant that is neither a short label nor a validation message."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    relative = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and JAPANESE.search(node.value)):
            continue
        if len(node.value) <= SHORT_LABEL:
            continue
        chain, current = [], node
        while current in parents:
            current = parents[current]
            chain.append(current)
        if isinstance(chain[0], ast.Expr) and isinstance(chain[1], (ast.Module, ast.ClassDef, ast.FunctionDef)):
            continue  # a docstring
        calls = [n.func for n in chain if isinstance(n, ast.Call)]
        if any(
            isinstance(f, ast.Attribute)
            and (f.attr == "fail" or (isinstance(f.value, ast.Name) and f.value.id == "re"))
            for f in calls
        ):
            continue  # a data-file validation message (Where.fail), or a pattern
        places = {n.name for n in chain if isinstance(n, ast.FunctionDef)}
        targets = [t for n in chain if isinstance(n, ast.Assign) for t in n.targets]
        places |= {t.id for t in targets if isinstance(t, ast.Name)}
        places |= {t.value.id for t in targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)}
        in_problems = any(
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and isinstance(n.func.value, ast.Name)
            and n.func.value.id == "problems"
            for n in chain
        )
        if (
            any(isinstance(n, ast.Raise) for n in chain)
            or "check" in places
            or "problems" in places
            or in_problems
            or any((relative, place) in MESSAGE_PLACES for place in places)
        ):
            continue
        yield node.lineno, node.value


def test_no_teaching_text_in_python():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:40]}"
        for path in HELPERS.rglob("*.py")
        for line, text in long_japanese_strings(path)
    ]
    assert not found, "move these sentences to data/texts.toml (or the fact files):\n" + "\n".join(found)


def test_the_text_check_sees_a_sentence_in_code(tmp_path):
    sample = tmp_path / "helpers" / "sample.py"
    sample.parent.mkdir()
    sample.write_text(
        'HINT = "ウォークスルーのステップ1で、黄色で強調されている表示です。"\n'
        'def f():\n    raise ValueError("4桁の数字で入力してください（例: 1234）。")\n',
        encoding="utf-8",
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert [line for line, _ in long_japanese_strings(sample)] == [1]
    finally:
        ROOT = saved
