"""Refuse notebooks that carry what must never be committed.

Checks: saved widget state or live-widget views, error outputs, execution timestamps, phone numbers other than
the article's, its example and the practice numbers, card-like numbers, e-mail addresses outside example domains
(and the official addresses facts quote), machine paths and the user's name. Run by the tests (tests/notebooks/test_notebooks.py), by ``python3 kit.py clean`` and by pre-commit.

    python -m tools.notebook_guard [notebook ...] # default: every notebook in notebooks/
"""

from __future__ import annotations

import getpass
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EXAMPLE_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@example\.(?:com|org|net|jp|co\.jp)\b")
TYPED_WITH_IME = str.maketrans("0123456789-", "０１２３４５６７８９ー")
MACHINE_PATH = re.compile(
    r"(/home/[^/\s\"']+|/Users/[^/\s\"']+|/root/|/tmp/|[A-Za-z]:\\\\(?:Users|Windows)|"
    r"site-packages|\.venv[/\\])"
)


def allowed_numbers() -> list[str]:
    """The phone numbers a notebook may show: the article's (as history), their international forms, the
    example of FACTS.md and the kit's invented practice numbers."""
    from helpers.core import data, registry

    numbers = []
    for record in data.load_phone_numbers():
        numbers += [record.number] + ([record.international] if record.international else [])
    example = registry.get("E164").values
    numbers += [example["example_domestic"], example["example_after_81"]]
    for practice in data.load_vocabulary().practice_numbers:
        numbers += [practice.domestic, practice.after_81]
    numbers += [n.translate(TYPED_WITH_IME) for n in numbers]  # as a Japanese IME types them (quiz: typing pitfalls)
    return sorted(numbers, key=len, reverse=True)  # longest first, so "+81-…" goes before its tail


def allowed_emails() -> list[str]:
    """The e-mail addresses a notebook may show besides example ones: official addresses a fact quotes."""
    from helpers.core import data

    return [f.values["address"] for f in data.load_facts() if "address" in f.values]


def _texts(nb: dict):
    for cell in nb.get("cells", []):
        yield "".join(cell.get("source", []))
        for output in cell.get("outputs", []):
            yield "".join(output.get("text", []))
            for value in output.get("data", {}).values():
                yield value if isinstance(value, str) else "".join(value) if isinstance(value, list) else ""


def problems(path: Path) -> list[str]:
    """Return what is wrong with a stored notebook (empty when it may be committed)."""
    from helpers.drafts import redact

    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    found = []
    if "widgets" in nb.get("metadata", {}):
        found.append("saved widget state (metadata.widgets)")
    for n, cell in enumerate(nb.get("cells", [])):
        if "execution" in cell.get("metadata", {}):
            found.append(f"cell {n}: execution timestamps in the metadata")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {n}: an error output ({output.get('ename')})")
            if WIDGET_VIEW in output.get("data", {}):
                found.append(f"cell {n}: a live-widget view (model id) stored in the output")
    user = getpass.getuser()
    user_path = re.compile(rf"[/\\]{re.escape(user)}[/\\]") if len(user) > 2 else None
    allowed, emails = allowed_numbers(), allowed_emails()
    for text in _texts(nb):
        for number in allowed + emails:
            text = text.replace(number, "")
        text = EXAMPLE_EMAIL.sub("", text)
        redacted = redact(text)
        if redacted != text:
            kinds = sorted(set(re.findall(r"［(電話番号|メールアドレス|カード番号)］", redacted)))
            found.append(f"personal data that is not an allowed example: {', '.join(kinds)}")
        if MACHINE_PATH.search(text):
            found.append(f"a machine path: {MACHINE_PATH.search(text).group()}")
        if user_path and user_path.search(text):
            found.append("the user's name in a path")
    return found


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or sorted(
        (ROOT / "notebooks").rglob("*.ipynb")
    )
    bad = 0
    for path in paths:
        for problem in problems(path):
            print(f"{path}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
