"""What only makes sense with code, which the code-free app must never show: checked on the stored notebooks
(tests/notebooks/test_app_code_free.py) and on the live app (tests/browser/test_app.py)."""

from __future__ import annotations

import re

from helpers.core import data
from support import code_sources

# What only makes sense with code: the app must never show it. A string is looked for as it is; a pattern is a
# regular expression. 「セル」 alone (a notebook cell) is matched as a word, so キャンセル (cancel) is not a hit.
CODE_ONLY: list[str | re.Pattern] = [
    ".check(",
    "hint()",
    "solution()",
    "コードのセル",
    "# を消して",
    "Shift + Enter",
    "セルを実行",
    "セルの実行",
    data.say("questions.empty"),
    "ノートブックを実行すると",
    re.compile(r"(?<![ァ-ヺー])セル(?![ァ-ヺー])"),
]


def code_only_in(text: str) -> list[str]:
    """The CODE_ONLY entries found in a text, each with a few characters around it."""
    found = []
    for entry in CODE_ONLY:
        if isinstance(entry, str):
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(entry), text)]
        else:
            spans = [m.span() for m in entry.finditer(text)]
        found += [
            f"{entry if isinstance(entry, str) else entry.pattern!r}: …{text[max(0, a - 25) : b + 15]}…".replace(
                "\n", " "
            )
            for a, b in spans
        ]
    return found


def code_lines(notebook: str) -> list[str]:
    """The lines of a notebook's code cells that call something (``course.lesson("03_…")``): none of them may be on
    an app page, whose code is hidden."""
    lines = (line.strip() for source in code_sources(notebook) for line in source.splitlines())
    return [line for line in lines if "(" in line and not line.startswith("#")]
