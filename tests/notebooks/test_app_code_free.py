"""What the code-free app shows, checked without a browser: no text that only makes sense with code, and nothing
told by colour alone.

The app (``kit.py app``) is Voilà with the options of ``kit.VOILA_OPTIONS``: cells tagged ``lab-only`` are removed
by nbconvert's ``TagRemovePreprocessor`` and code is hidden. Here the same preprocessor, configured from the same
options, runs on every notebook, and the markdown and stored outputs that remain are scanned, so the check also runs
where Chromium is missing. tests/browser/test_app.py scans the live app with the same ``CODE_ONLY``.
"""

from __future__ import annotations

import ast
import functools
import html
import html.parser
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import nbformat
import pytest
from support import stored_notebooks
from support.code_only import CODE_ONLY, code_only_in

from helpers import hours, walkthrough
from helpers.core import data, questions, render
from helpers.core.view import View
from tools import browser

def as_in_the_app(path) -> nbformat.NotebookNode:
    """The notebook after the app's TagRemovePreprocessor (enabled, as nbconvert's exporters enable it)."""
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config.loader import KVArgParseConfigLoader

    options = [o for o in browser.voila_options() if o.startswith("--TagRemovePreprocessor.")]
    config = KVArgParseConfigLoader(options).load_config()
    preprocessor = TagRemovePreprocessor(config=config, enabled=True)
    assert preprocessor.remove_cell_tags, "the app's options remove the lab-only cells"
    notebook = nbformat.read(path, as_version=4)
    return preprocessor.preprocess(notebook, {})[0]


# What a front end shows of a stored output: the first of these it has (JupyterLab's and Voilà's order).
SHOWN_MIME = ("text/html", "text/markdown", "text/plain")


def html_text(markup: str) -> str:
    """The text a browser shows of some HTML (tags, styles and scripts dropped, entities decoded)."""
    markup = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def live_widgets(notebook: nbformat.NotebookNode) -> set[int]:
    """Run the app's code cells here, in order, as the app's kernel does, and return the indexes of the cells whose
    value is a kit view: the app shows those as live widgets, not as their stored output (the static fallback for
    readers without a kernel, which says for example 「ノートブックを実行すると…」)."""
    namespace: dict = {}
    live = set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"cell {index}", "exec"), namespace)  # noqa: S102  (the kit's own notebooks)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"cell {index}", "eval"), namespace)  # noqa: S307
            if isinstance(value, View):
                live.add(index)
    return live


def shown_texts(cell, live: bool) -> list[str]:
    """What the app shows of a cell: its markdown, or its outputs (code itself is hidden, strip_sources). A live
    widget shows nothing stored: the browser test checks what it shows."""
    if cell.cell_type == "markdown":
        return [re.sub(r"\*\*|`", "", cell.source)]
    if cell.cell_type != "code" or live:
        return []
    shown = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            shown.append(output.text)
        elif output.output_type == "error":
            shown.append(f"{output.ename}: {output.evalue}")
        else:
            mime = next((m for m in SHOWN_MIME if m in output.get("data", {})), None)
            if mime:
                value = output.data[mime]
                shown.append(html_text(value) if mime == "text/html" else value)
    return shown


@pytest.mark.parametrize("path", stored_notebooks(), ids=lambda p: p.name)
def test_the_app_shows_no_code_only_text(path):
    notebook = as_in_the_app(path)
    live = live_widgets(notebook)
    found = [f"cell id {cell.get('id')} ({cell.cell_type}): {hit}" for index, cell in enumerate(notebook.cells)
             for text in shown_texts(cell, index in live) for hit in code_only_in(text)]
    assert found == [], f"{path.name} shows code-only text in the app"


def test_the_code_only_check_finds_what_it_should_and_nothing_else():
    assert code_only_in("次のセルで知らせます") and code_only_in("セルを実行します") and code_only_in("q1.check(\"x\")")
    assert not code_only_in("出荷前にキャンセルする") and not code_only_in("セラーセントラル")
    assert not code_only_in("セルフチェック")  # a katakana word that merely starts with セル


def test_lab_only_cells_are_gone_and_the_rest_is_kept():
    path = next(p for p in stored_notebooks() if any(
        "lab-only" in c.get("metadata", {}).get("tags", []) for c in nbformat.read(p, as_version=4).cells))
    before = nbformat.read(path, as_version=4).cells
    after = as_in_the_app(path).cells
    kept = [c for c in before if "lab-only" not in c.get("metadata", {}).get("tags", [])]
    assert 0 < len(after) == len(kept) < len(before)


# ---------------------------------------------------------------- nothing told by colour alone

MEANING_TONES = ("ok", "error", "info", "warning", "opinion", "muted", "good_bg", "fair_bg", "bad_bg")
TONE_OF_COLOUR = {render.PALETTE[tone].lower(): tone for tone in MEANING_TONES}
# Tones that judge (right, wrong, caution): the same text must never appear in two of them, or only colour differs.
VERDICTS = {"ok", "good_bg", "error", "bad_bg", "warning", "fair_bg"}
SAME_VERDICT = {"good_bg": "ok", "bad_bg": "error", "fair_bg": "warning"}
VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "col", "area", "base", "source"}


def _tones(style: str) -> set[str]:
    """The meaning tones a CSS declaration block colours with (text or background)."""
    colours = re.findall(r"(?:^|;|\s|\{)(?:color|background(?:-color)?)\s*:\s*(#[0-9a-fA-F]{3,6})\b", style)
    return {TONE_OF_COLOUR[c.lower()] for c in colours if c.lower() in TONE_OF_COLOUR}


class ToneFinder(html.parser.HTMLParser):
    """Collect every element coloured with a meaning tone (inline style, or a <style> rule by id as pandas'
    Styler writes them) with the text inside it."""

    def __init__(self, by_id: dict[str, set[str]]):
        super().__init__(convert_charrefs=True)
        self.by_id, self.open, self.found = by_id, [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        tones = _tones(";" + (attrs.get("style") or "")) | self.by_id.get(attrs.get("id") or "", set())
        self.open.append([tag, tones, ""])

    def handle_endtag(self, tag):
        while self.open:
            name, tones, text = self.open.pop()
            if self.open:
                self.open[-1][2] += text
            if tones:
                self.found.append((frozenset(tones), " ".join(text.split())))
            if name == tag:
                return

    def handle_data(self, text):
        if self.open and self.open[-1][0] not in ("style", "script"):
            self.open[-1][2] += text


def coloured(markup: str) -> list[tuple[frozenset, str]]:
    """Every element of some HTML that carries a meaning tone: (its tones, its text)."""
    by_id: dict[str, set[str]] = {}
    for rules in re.findall(r"(?is)<style[^>]*>(.*?)</style>", markup):
        for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", rules):
            for element_id in re.findall(r"#([\w-]+)", selectors):
                by_id.setdefault(element_id, set()).update(_tones(";" + body))
    finder = ToneFinder(by_id)
    finder.feed(markup)
    finder.close()
    return finder.found


@functools.cache
def rendered_html() -> list[tuple[str, str]]:
    """What the kit renders: every stored HTML output (the static views and tables) and the feedback the widgets
    show only after an action (every question judged empty, wrong, by each known mistake and right; the hint and
    the solution; the phone hours at several times; phone numbers and the e-mail form, good and bad; each
    plan and topic of the choosing step)."""
    shown = []
    for path in stored_notebooks():
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            for output in cell.get("outputs", []):
                if "text/html" in output.get("data", {}):
                    shown.append((f"{path.name} cell {index}", output.data["text/html"]))
    for question in questions.exercise_questions() + questions.quiz_questions():
        wrong = 0 if question.is_choice and question.answer != 0 else 1 if question.is_choice else "まちがい"
        answers = ["", wrong, question.answer if question.is_choice else question.accept[0],
                   *(m.answer for m in question.mistakes)]
        for answer in answers:
            for reveal in (False, True):
                shown.append((f"{question.id} {answer!r}", questions.judge(question, answer, reveal).html))
        shown += [(f"{question.id} hint", questions.hint_of(question).html),
                  (f"{question.id} solution", questions.solution_of(question).html)]
    for day, hour in ((2, 3), (2, 9), (2, 12), (2, 17), (2, 23), (1, 12)):  # a Monday, and the Sunday before
        at = datetime(2026, 3, day, hour, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
        shown.append((f"hours at {day}日 {hour}:30", hours.phone_answer(at).html))
    for typed in ("0120-111-222", "090-1234-5678", "abc", "０９０１２３４５６７８"):
        shown.append((f"phone {typed}", walkthrough.phone_result(typed).html))
    for procedure in data.load_procedures():
        step = next((s for s in procedure.steps if s.kind == "email_form"), None)
        if step:
            for fields in ({"order": "", "product": "", "details": ""},
                           {"order": "250-1234567-1234567", "product": "本", "details": "届かない"}):
                shown.append((f"{procedure.id} e-mail {fields['order']!r}",
                              walkthrough.email_result(step, fields).html))
        for plan in data.load_vocabulary().plans:
            for topic in (True, False):
                shown.append((f"{procedure.id} {plan} {topic}", walkthrough.methods_view(procedure, plan, topic).html))
    return shown


def test_the_scan_sees_feedback_of_every_kind():
    """The colour check below would pass on nothing: make sure it sees every verdict tone the kit uses."""
    tones = {tone for _, markup in rendered_html() for found, _ in coloured(markup) for tone in found}
    assert {"ok", "error", "warning", "info", "muted", "good_bg", "bad_bg"} <= tones
    assert any("hours at" in where and markup for where, markup in rendered_html()), "the hours verdict is rendered"
    assert any("e-mail" in where for where, _ in rendered_html()), "the e-mail form's checks are rendered"


def test_every_coloured_element_carries_text():
    blank = [f"{where}: {sorted(tones)}" for where, markup in rendered_html() for tones, text in coloured(markup)
             if not re.sub(r"[\s\u200b]", "", text)]
    assert blank == [], "an element tells something by its colour alone (it has no text or glyph)"


def test_no_text_is_told_apart_by_colour_alone():
    """The same words or glyph never appear both as right and as wrong (or caution): the text must differ."""
    verdicts: dict[str, dict[str, str]] = {}
    for where, markup in rendered_html():
        for tones, text in coloured(markup):
            for tone in tones & VERDICTS:
                verdicts.setdefault(text, {}).setdefault(SAME_VERDICT.get(tone, tone), where)
    clashes = {text: seen for text, seen in verdicts.items() if len(seen) > 1}
    assert clashes == {}, "the same text means right in one colour and wrong in another: {text: {tone: where}}"
