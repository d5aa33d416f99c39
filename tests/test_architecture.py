"""The shape of ``helpers``: three layers, no import circle (imports inside functions count), and every
third-party import declared as a dependency of the right set."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest
from support import ROOT

HELPERS = ROOT / "helpers"
TOPICS = {"walkthrough", "forms", "hours", "channels", "contact_log", "preparation", "situations", "drafts",
          "redaction", "facts", "freshness", "quiz"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


DYNAMIC = {"import_module", "__import__"}


def imports_of(path: Path, package: str = "", strict: bool = False) -> set[str]:
    """Every module a file imports, at the top or inside a function (``from helpers import x`` → ``helpers.x``),
    relative imports resolved against ``package``, and ``importlib.import_module("…")`` with a literal name.
    ``strict`` (the kit's own modules): a dynamic import of a name computed at run time is refused, since no
    test could see where it leads."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in DYNAMIC:
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant):
                found.add(argument.value)
            else:
                assert not strict, f"{path.name}:{node.lineno}: a dynamic import of a computed name"
    return found


def helpers_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in HELPERS.rglob("*.py")}
    package = {name: name if path.name == "__init__.py" else name.rpartition(".")[0] for name, path in modules.items()}
    return {name: {i for i in imports_of(path, package[name], strict=True) if i in modules and i != name}
            for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import circle as a path (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def topic_of(module: str) -> str:
    """The topic a module belongs to: its own name, or its package's (``helpers.redaction.fold`` → ``redaction``)."""
    return module.removeprefix("helpers.").split(".")[0]


def layer(module: str) -> str:
    if module == "helpers":
        return "package"
    if module.startswith("helpers.core") or module in ALIASES:
        return "core"
    if module == "helpers.course":
        return "course"
    assert topic_of(module) in TOPICS, f"{module} is in no layer: add it to the docs and TOPICS"
    return "topic"


ALIASES = {"helpers.progress": "helpers.core.progress"}  # public names of engine modules: the same module object
GRAPH = helpers_graph()


def test_public_names_of_engine_modules_are_the_same_modules():
    import importlib

    for alias, module in ALIASES.items():
        assert importlib.import_module(alias) is importlib.import_module(module)


def test_the_cycle_finder_finds_a_circle_through_a_function_level_import(tmp_path):
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    late = tmp_path / "late.py"
    late.write_text("def f():\n    from helpers import quiz\n", encoding="utf-8")
    assert "helpers.quiz" in imports_of(late)


@pytest.mark.parametrize("source, found", [
    ("from . import quiz", "helpers.quiz"), ("from .core import data", "helpers.core.data"),
    ("from .. import forms", "helpers.forms"),  # as seen from helpers.core: one level up
    ("import importlib\nimportlib.import_module('helpers.course')", "helpers.course"),
    ("__import__('helpers.hours')", "helpers.hours"),
])
def test_relative_and_literal_dynamic_imports_are_seen(tmp_path, source, found):
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    package = "helpers.core" if source.startswith("from ..") else "helpers"
    assert found in imports_of(module, package)


def test_a_dynamic_import_of_a_computed_name_is_refused(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import importlib\nname = 'helpers.quiz'\nimportlib.import_module(name)", encoding="utf-8")
    with pytest.raises(AssertionError, match="dynamic import"):
        imports_of(module, "helpers", strict=True)


def test_no_import_circle_anywhere_in_helpers():
    assert find_cycle(GRAPH) is None, " → ".join(find_cycle(GRAPH))


def test_every_module_sits_in_a_layer_and_topics_are_the_documented_ones():
    assert {topic_of(m) for m in GRAPH if layer(m) == "topic"} == TOPICS
    documented = (HELPERS / "__init__.py").read_text(encoding="utf-8")
    for topic in TOPICS:
        assert f"``{topic}``" in documented, topic


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_layer_above_its_own(module):
    allowed = {"package": set(), "core": {"core"}, "topic": {"core", "topic"},
               "course": {"core", "topic"}}[layer(module)]
    above = {i for i in GRAPH[module] if i != "helpers" and layer(i) not in allowed}
    assert not above, f"{module} imports {sorted(above)}"


def test_the_progress_store_imports_nothing_of_the_kit():
    assert GRAPH["helpers.core.progress"] == set()


def test_importing_the_package_imports_nothing():
    assert GRAPH["helpers"] == set() and GRAPH["helpers.core"] == set()


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
DISTRIBUTIONS = {"yaml": "pyyaml", "playwright": "playwright", "nbformat": "nbformat", "nbclient": "nbclient"}


LOCAL = {"helpers", "kit", "tools", "bench", "tests", "__future__"} | {p.stem for folder in ("tests", "tools", "bench")
                                          for p in ROOT.joinpath(folder).rglob("*.py")}


def third_party_imports(paths) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in paths:
        for name in imports_of(path):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or top in LOCAL:
                continue
            found.setdefault(DISTRIBUTIONS.get(top, top.replace("_", "-")), set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_of_the_helpers_is_a_runtime_dependency():
    runtime, _ = declared()
    used = third_party_imports(HELPERS.rglob("*.py"))
    missing = {dist: files for dist, files in used.items() if dist not in runtime}
    assert not missing, f"declare in [project] dependencies: {missing}"


def test_kit_py_needs_only_the_standard_library():
    """kit.py runs before anything is installed: on a fresh machine with only Python."""
    outside = {name for name in imports_of(ROOT / "kit.py") if name.split(".")[0] not in sys.stdlib_module_names
               and name != "__future__" and not name.startswith("__future__.")}
    assert not outside, outside


def test_every_third_party_import_of_tests_and_tools_is_declared():
    runtime, test = declared()
    paths = [*ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("tools").rglob("*.py"),
             *ROOT.joinpath("bench").rglob("*.py")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lite = {normalize(d) for d in project["optional-dependencies"]["lite"]}  # only tools/build_lite.py imports these
    missing = {dist: files for dist, files in third_party_imports(paths).items() if dist not in runtime | test | lite}
    assert not missing, f"declare in [project.optional-dependencies] test: {missing}"


# ---------------------------------------------------------------- Japanese text lives in data/

JAPANESE = __import__("re").compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SHORT_LABEL = 12  # characters: a widget label, a unit, a mask such as ［電話番号］
# Validation messages stay beside the check that raises them: besides `raise`, `check()` and `problems`, these
# hold messages that a check raises or returns a few lines further on.
MESSAGE_PLACES = {("helpers/core/text.py", "FORM_DASHES"), ("helpers/forms.py", "_REFUSED_TYPES"), ("helpers/forms.py", "_USE_INSTEAD"),
                  ("helpers/forms.py", "order_number"), ("helpers/core/progress.py", "_set_aside"),
                  ("helpers/core/data.py", "_provenance"), ("helpers/contact_log.py", "_validate"),
                  ("helpers/contact_log.py", "_read"), ("helpers/contact_log.py", "TOO_MANY_FIELDS"),
                  ("helpers/core/clock.py", "OUT_OF_RANGE"), ("helpers/core/progress.py", "AFRESH"),
                  ("helpers/core/progress.py", "safely_record")}


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
        if any(isinstance(f, ast.Attribute) and (f.attr == "fail" or (isinstance(f.value, ast.Name)
                                                                    and f.value.id == "re")) for f in calls):
            continue  # a data-file validation message (Where.fail), or a pattern
        places = {n.name for n in chain if isinstance(n, ast.FunctionDef)}
        targets = [t for n in chain if isinstance(n, ast.Assign) for t in n.targets]
        places |= {t.id for t in targets if isinstance(t, ast.Name)}
        places |= {t.value.id for t in targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)}
        in_problems = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                          and isinstance(n.func.value, ast.Name) and n.func.value.id == "problems" for n in chain)
        if (any(isinstance(n, ast.Raise) for n in chain) or "check" in places or "problems" in places
                or in_problems or any((relative, place) in MESSAGE_PLACES for place in places)):
            continue
        yield node.lineno, node.value


def test_no_teaching_text_in_python():
    found = [f"{path.relative_to(ROOT)}:{line}: {text[:40]}" for path in HELPERS.rglob("*.py")
             for line, text in long_japanese_strings(path)]
    assert not found, "move these sentences to data/texts.toml (or the fact files):\n" + "\n".join(found)


def test_the_text_check_sees_a_sentence_in_code(tmp_path):
    sample = tmp_path / "helpers" / "sample.py"
    sample.parent.mkdir()
    sample.write_text('HINT = "ウォークスルーのステップ1で、黄色で強調されている表示です。"\n'
                      'def f():\n    raise ValueError("4桁の数字で入力してください（例: 1234）。")\n', encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert [line for line, _ in long_japanese_strings(sample)] == [1]
    finally:
        ROOT = saved
