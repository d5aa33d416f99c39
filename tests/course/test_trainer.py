"""The trainer's pack: built from data/ alone, complete, escaped, and two sides of A4 for the cheat sheet."""

from __future__ import annotations

import dataclasses
import re

import pytest

from helpers import course, situations, trainer
from helpers.core import data, questions, registry
from tools import trainer_pack


def text_of(html: str) -> str:
    """The words of a page, tags removed and entities folded back (what a reader sees)."""
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_agenda_lists_every_lesson_in_order_with_minutes_objectives_and_the_total():
    page = text_of(trainer.agenda())
    positions = [page.index(lesson.title) for lesson in course.lessons()]
    assert positions == sorted(positions)
    for lesson in course.lessons():
        assert f"約{lesson.minutes}分" in page and all(o in page for o in lesson.objectives)
    assert f"全体で約{course.course_minutes()}分" in page


def test_the_answer_key_has_every_question_its_answer_every_reason_and_the_facts_with_badges():
    page = text_of(trainer.answer_key())
    words = data.load_vocabulary().badges
    for q in (*questions.exercise_questions(), *questions.quiz_questions()):
        assert q.question in page and q.explanation in page
        if q.is_choice:
            assert data.say("trainer.right", option=q.options[q.answer]) in page
            assert all(why in page for why in q.why if why)
        for fact_id in q.facts:
            fact = registry.get(fact_id)
            assert f"{fact.title}［{words[trainer.badge_key(fact)].label}］" in page


def test_the_cheat_sheet_has_each_situation_the_desk_and_the_scam_warning_and_no_old_number():
    page = text_of(trainer.cheatsheet())
    for s in situations.situations():
        assert s.title in page and data.load_vocabulary().handlers[s.who.handler].ja in page
        assert all(registry.registry().resolve(item.text) in page for item in s.prepare)
    assert registry.get("DESK-NAMES").values["en"] in page and registry.get("TEL-SCAM").statement in page
    for number in data.load_phone_numbers():
        assert number.number not in page and number.number.replace("-", "") not in page


def test_the_pack_follows_the_data(monkeypatch):
    """Nothing is written by hand: change a lesson, a situation or a fact's value and the pages change with it."""
    lessons = data.load_lessons()
    renamed = tuple(
        dataclasses.replace(lesson, title="新しい題名のレッスン", minutes=17)
        if lesson.id == "03_seller_central"
        else lesson
        for lesson in lessons
    )
    monkeypatch.setattr(data, "load_lessons", lambda *a: renamed)
    assert "新しい題名のレッスン（約17分）" in text_of(trainer.agenda())
    moved = tuple(
        dataclasses.replace(s, title="テスト用の場面") if s.id == "WHEN-ATOZ" else s for s in data.load_situations()
    )
    monkeypatch.setattr(data, "load_situations", lambda *a: moved)
    assert "テスト用の場面" in text_of(trainer.cheatsheet())
    fact = registry.get("ATOZ-INFO-REQ")
    changed = dataclasses.replace(fact, values={"reply_within_hours": 36})
    original = registry.registry()
    twin = registry.Registry(
        {"all": [changed if r.id == fact.id else r for r in original]}, names={"vocabulary": data.load_vocabulary()}
    )
    monkeypatch.setattr(registry, "registry", lambda: twin)
    assert "36時間以内" in text_of(trainer.cheatsheet())


def test_text_from_data_is_escaped(monkeypatch):
    marked = tuple(
        dataclasses.replace(s, title="<b>太字</b>") if s.id == "WHEN-ATOZ" else s for s in data.load_situations()
    )
    monkeypatch.setattr(data, "load_situations", lambda *a: marked)
    page = trainer.cheatsheet()
    assert "<b>太字</b>" not in page and "&lt;b&gt;太字&lt;/b&gt;" in page


def test_each_page_is_a_whole_printable_japanese_document():
    for name, page in trainer.pack().items():
        assert page.startswith("<!DOCTYPE html>") and '<html lang="ja">' in page and "@page" in page, name
        assert data.say("trainer.footer") in text_of(page)


def test_the_command_writes_the_html_pages(tmp_path):
    written = trainer_pack.write(tmp_path, pdf=False)
    assert sorted(p.name for p in written) == sorted(f"{n}.html" for n in trainer.PAGES)


@pytest.mark.browser
def test_the_pdfs_are_printed_and_the_cheat_sheet_is_two_sides_of_a4(tmp_path, playwright):
    written = trainer_pack.write(tmp_path, playwright=playwright)
    pdfs = {p.stem: p.read_bytes() for p in written if p.suffix == ".pdf"}
    assert set(pdfs) == set(trainer.PAGES)
    assert trainer_pack.pdf_pages(pdfs["cheatsheet"]) == 2, "one page per side of A4"
    assert all(trainer_pack.pdf_pages(pdf) >= 1 for pdf in pdfs.values())
