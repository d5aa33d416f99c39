"""The fact registry (built from injected records too) and the way a fact and its status are shown."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from helpers import facts
from helpers.core import data, registry

WORDS = data.load_vocabulary()


def fact(fact_id: str, **changes) -> data.Fact:
    base = data.Fact(id=fact_id, section=1, title="題", statement="文", status="article", sources=("s",),
                     verified_on=date(2026, 1, 1))
    return dataclasses.replace(base, **changes)


# ---------------------------------------------------------------- the registry, with injected data


def test_the_kits_registry_has_every_kind_of_record():
    for record_id in ("HOURS-PHONE", "PROC-BUYER", "WHEN-CANCEL", "TEL-011", "SC-SMALL"):
        assert registry.get(record_id).id == record_id


def test_duplicate_ids_across_files_are_refused_naming_both_files():
    with pytest.raises(ValueError, match="a.toml と b.csv"):
        registry.Registry({"a.toml": [fact("X-1")], "b.csv": [fact("X-1")]})


def test_a_dangling_reference_is_refused_naming_file_record_and_id():
    reg = registry.Registry({"facts.toml": [fact("X-1")]})
    reg.check_references([("quiz.toml", "Q1", "X-1")])
    with pytest.raises(ValueError, match="quiz.toml: レコード Q1: 参照している id 「NOPE」"):
        reg.check_references([("quiz.toml", "Q1", "NOPE")])


def test_references_are_gathered_from_procedures_questions_and_lessons():
    procedure = registry.get("PROC-BUYER")
    question = data.Question(id="Q1", facts=("GONE",), question="?", explanation="e", accept=("a",))
    lesson = data.Lesson(id="99_x", title="t", summary="s", key_points=("ALSO-GONE",))
    found = registry.references([procedure], [("quiz.toml", question)], [lesson])
    assert ("quiz.toml", "Q1", "GONE") in found and ("lessons.toml", "99_x", "ALSO-GONE") in found
    assert ("procedures.toml", "PROC-BUYER", "PROC-BUYER-PHONE") in found


def test_templates_quote_values_and_refuse_what_leads_nowhere():
    reg = registry.Registry({"facts.toml": [fact("X-1", values={"n": 12}, title="題名")]},
                            names={"vocabulary": WORDS})
    assert reg.resolve("{X-1.title} は {X-1.values.n} 時間、{vocabulary.channels.chat.ja}") == "題名 は 12 時間、チャット"
    for bad, says in [("{NOPE.title}", "NOPE"), ("{X-1.nothing}", "nothing"), ("{X-1.values}", "文字か数")]:
        with pytest.raises(ValueError, match=says):
            reg.resolve(bad, "exercises.toml: レコード E1")


def test_unknown_id_is_a_clear_key_error():
    with pytest.raises(KeyError, match="NOPE"):
        facts.get("NOPE")


# ---------------------------------------------------------------- how a fact is shown


@pytest.mark.parametrize("status", data.STATUSES)
def test_every_status_has_a_visible_badge_in_words(status):
    mark = facts.badge(status)
    assert mark.text == f"[{WORDS.statuses[status].label}]" and WORDS.statuses[status].label in mark.html


@pytest.mark.parametrize("fact_id", ["SC-LOCATION", "TEL-022", "WHEN-FEEDBACK", "BUYER-CALLME"])
def test_changed_or_unverified_fact_shows_article_version_and_caution(fact_id):
    record = facts.get(fact_id)
    card = facts.fact_card(record)
    assert data.say("cards.article_says") + record.statement in card.text
    assert f"{WORDS.statuses[record.status].caution}: {record.caution}" in card.text
    assert facts.fact_card(record).html.count(record.caution.split("。")[0]) == 1


def test_opinion_is_marked_as_the_authors_view():
    assert f"[{WORDS.opinion.label}]" in facts.fact_card(facts.get("REVIEW-OPINION")).text


def test_card_shows_provenance():
    record = facts.get("ORDER-ID")
    card = facts.fact_card(record).text
    assert f"確認日 {record.verified_on.isoformat()}" in card and "ID ORDER-ID" in card
    assert all(source in card for source in record.sources)


def test_legend_explains_every_mark_with_an_example():
    legend = facts.legend()
    for mark in [*WORDS.statuses.values(), WORDS.opinion]:
        assert f"[{mark.label}] / {mark.meaning}" in legend.text
    assert WORDS.statuses["changed"].caution in legend.text


def test_text_is_escaped_in_html():
    html = facts.fact_card(fact("X", title="<b>", statement="a & b")).html
    assert "&lt;b&gt;" in html and "a &amp; b" in html and "<b>" not in html
