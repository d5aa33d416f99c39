"""Rendering escapes every piece of text by default: text from data or from a learner's file is shown, never
interpreted as markup. Colours come from one named palette."""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import date

import pandas as pd
import pytest

from helpers import contact_log, walkthrough
from helpers.core import data, questions, registry, render
from helpers.core.cards import fact_card
from support import ROOT

ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']


def no_markup_from(text: str, html: str) -> bool:
    """The attack is shown (escaped) and no tag of it survives."""
    shown = render.esc(text) in html or render.esc(text).replace("&#x27;", "&#39;") in html  # pandas writes &#39;
    return shown and not re.search(r"<(script|img|svg)\b", html, re.I)


@pytest.mark.parametrize("attack", ATTACKS)
def test_builders_escape_text_and_keep_rich_text(attack):
    built = render.join(
        [
            render.para(attack),
            render.bullets([attack]),
            render.heading(attack),
            render.alert(attack),
            render.status(attack),
            render.link(attack, attack),
            render.table([attack], [[attack]]),
            render.field(attack),
            render.mark(attack),
        ]
    )
    assert no_markup_from(attack, built.html)
    assert attack in built.text, "the text form shows what was written"
    inner = render.strong("太字")
    assert "<strong>太字</strong>" in render.para("前 ", inner).html, "a RichText passes through as markup"


@pytest.mark.parametrize("attack", ATTACKS)
def test_styled_tables_escape_cells_headers_index_and_caption(attack):
    frame = pd.DataFrame({attack: [attack, 1.5]}, index=[attack, "x"])
    shown = render.styled(frame.style.set_uuid("t"), caption=attack, formats={attack: str})
    assert no_markup_from(attack, shown.html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_fact_from_data_is_shown_escaped(attack):
    record = data.Fact(
        id="X-1",
        section=1,
        title=attack,
        statement=attack,
        status="changed",
        caution=attack,
        note=attack,
        sources=(data.Source("blog", attack),),
        verified_on=date(2026, 1, 1),
    )
    assert no_markup_from(attack, fact_card(record).html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_question_from_data_is_shown_escaped(attack):
    question = data.Question(
        id="E1",
        facts=("SC-SMALL",),
        question=attack,
        explanation=attack,
        options=(attack, "b"),
        answer=0,
        hint=attack,
        lesson="01_seller_central",
    )
    for shown in (
        questions.question_view(question),
        questions.judge(question, 0),
        questions.hint_of(question),
        questions.solution_of(question),
    ):
        assert no_markup_from(attack, shown.html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_procedure_step_from_data_is_shown_escaped(attack):
    procedure = registry.get("PROC-SELLER-APP")
    step = dataclasses.replace(procedure.steps[0], instruction=attack, title=attack, notes=(attack,))
    changed = dataclasses.replace(procedure, step=(step,), title=attack, summary=attack)
    assert no_markup_from(attack, walkthrough.procedure_view(changed).html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_learners_contact_log_is_shown_escaped(write, attack):
    cell = attack.replace('"', "'")
    rows = [
        f"2026-11-20 10:05,チャット,{cell},5,はい,{cell}",
        f"2026-11-20 10:06,{cell},x,5,はい,C-2",
        f"{cell},電話,x,5,はい,C-3",
    ]
    path = write("log.csv", ("日時,方法,内容,返信までの分,解決,ケースID\n" + "\n".join(rows) + "\n").encode())
    shown = contact_log.report(path)
    assert no_markup_from(cell, shown.html) and len(contact_log.read_log(path).rejected) == 2
    named = write("<img src=x onerror=alert(1)>.csv", b"")
    assert no_markup_from("<img src=x onerror=alert(1)>.csv", contact_log.report(named).html)


def test_colours_are_named_once_in_the_palette():
    hex_colour = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\b")
    found = []
    for path in (ROOT / "helpers").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        palette = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "PALETTE"
            for n in ast.walk(node)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and hex_colour.search(node.value)
                and id(node) not in palette
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, f"use a name of render.PALETTE instead: {found}"
