"""The fact registry (built from injected records too) and the way a fact and its status are shown."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from helpers import facts
from helpers.core import data, registry

WORDS = data.load_vocabulary()


ARTICLE = data.Source("article", "記事")


def fact(fact_id: str, **changes) -> data.Fact:
    base = data.Fact(
        id=fact_id,
        section=1,
        title="題",
        statement="文",
        status="article",
        sources=(ARTICLE,),
        verified_on=date(2026, 1, 1),
    )
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
    question = data.Question(id="Q1", facts=("GONE",), question="?", explanation="e", accept=("a",), look_for="l")
    lesson = data.Lesson(
        id="99_x", title="t", summary="s", minutes=5, key_points=(data.KeyPoint("する", ("ALSO-GONE",)),)
    )
    term = data.GlossaryTerm(term="語", meaning="意味", fact="NOT-THERE")
    found = registry.references([procedure], [("quiz.toml", question)], [lesson], [registry.get("WHEN-CANCEL")], [term])
    assert ("quiz.toml", "Q1", "GONE") in found and ("lessons.toml", "99_x", "ALSO-GONE") in found
    assert ("procedures.toml", "PROC-BUYER", "PROC-BUYER-PHONE") in found
    assert ("situations.toml", "WHEN-CANCEL", "CANCEL-FBA") in found and ("glossary.toml", "語", "NOT-THERE") in found
    atoz = [
        ref for file, record, ref in registry.references([], [], [], data.load_situations()) if record == "WHEN-ATOZ"
    ]
    assert {"ATOZ-WHERE", "ATOZ-INFO-REQ", "ATOZ-PREP"} <= set(atoz), "a card's lines are references too"


def test_templates_quote_values_and_refuse_what_leads_nowhere():
    reg = registry.Registry({"facts.toml": [fact("X-1", values={"n": 12}, title="題名")]}, names={"vocabulary": WORDS})
    assert (
        reg.resolve("{X-1.title} は {X-1.values.n} 時間、{vocabulary.channels.chat.ja}") == "題名 は 12 時間、チャット"
    )
    for bad, says in [("{NOPE.title}", "NOPE"), ("{X-1.nothing}", "nothing"), ("{X-1.values}", "文字か数")]:
        with pytest.raises(ValueError, match=says):
            reg.resolve(bad, "exercises.toml: レコード E1")


def test_unknown_id_is_a_clear_key_error():
    with pytest.raises(KeyError, match="NOPE"):
        facts.get("NOPE")


# ---------------------------------------------------------------- how a fact is shown


@pytest.mark.parametrize("key", ["official", "check", "outdated", "opinion"])
def test_every_badge_says_its_meaning_in_words(key):
    mark = facts.badge(key)
    assert mark.text == f"[{WORDS.badges[key].label}]" and WORDS.badges[key].label in mark.html


def test_there_are_four_badges_each_with_an_action():
    assert set(WORDS.badges) == {"official", "check", "outdated", "opinion"}
    assert all(b.action and b.meaning for b in WORDS.badges.values())


@pytest.mark.parametrize("record", list(facts.registry()), ids=lambda r: r.id)
def test_the_badge_follows_the_status_and_the_kinds_of_sources(record):
    """FACTS.md's display rule: 公式で確認 only where an official-jp source is listed."""
    kinds = {s.kind for s in record.sources}
    key = facts.badge_key(record)
    if registry.status_of(record) in data.NEEDS_CAUTION:
        assert key == "outdated"
    elif getattr(record, "opinion", False):
        assert key == "opinion"
    else:
        assert key == ("official" if "official-jp" in kinds else "check")
    card = facts.fact_card(record).text
    assert card.splitlines()[0].count("[") == 1, "one badge per fact, with its action"
    assert WORDS.badges[key].action in card.splitlines()[0]


def test_official_is_said_only_where_an_official_jp_source_is_listed():
    official = f"[{WORDS.badges['official'].label}]"
    for record in facts.registry():
        card = facts.fact_card(record).text
        assert (official in card) == any(s.kind == "official-jp" for s in record.sources), record.id
    other_only = facts.fact_card(facts.get("ATOZ-WHERE")).text
    assert official not in other_only and f"［{WORDS.source_kinds['official-other']}］" in other_only
    blogs_only = facts.fact_card(facts.get("SC-PHONE-CALLBACK")).text
    assert f"[{WORDS.badges['check'].label}]" in blogs_only and f"［{WORDS.source_kinds['blog']}］" in blogs_only


@pytest.mark.parametrize("fact_id", ["SC-LOCATION", "TEL-022", "WHEN-FEEDBACK", "BUYER-CALLME", "MSG-ABUSE"])
def test_changed_or_unverified_fact_shows_article_version_and_caution(fact_id):
    record = facts.get(fact_id)
    card = facts.fact_card(record)
    assert data.say("cards.article_says") + record.statement in card.text
    assert WORDS.statuses[record.status].caution in card.text and record.caution in card.text
    assert facts.fact_card(record).html.count(record.caution.split("。")[0]) == 1


def test_opinion_is_marked_as_the_authors_view():
    assert f"[{WORDS.badges['opinion'].label}]" in facts.fact_card(facts.get("REVIEW-OPINION")).text


def test_the_detail_sits_behind_a_native_toggle_with_status_sources_kinds_date_and_id():
    record = facts.get("ORDER-ID")
    card = facts.fact_card(record)
    assert (
        "<details" in card.html and f'<summary style="cursor:pointer">{data.say("cards.more")}</summary>' in card.html
    )
    detail = card.html.split("<details", 1)[1]
    assert f"確認日 {record.verified_on.isoformat()}" in detail and "ID ORDER-ID" in detail
    assert WORDS.statuses[record.status].label in detail
    for source in record.sources:
        assert f"［{WORDS.source_kinds[source.kind]}］{source.title}" in card.text
    first_line = card.text.splitlines()[0]
    assert "確認日" not in first_line and record.id not in first_line, "the detail is not on the card's face"


def test_a_changed_record_carries_the_official_badge_on_its_correction_not_on_the_articles_view():
    card = facts.fact_card(facts.get("WHEN-CANCEL")).text
    official = f"[{WORDS.badges['official'].label}]"
    first_line = card.splitlines()[0]
    caution_line = next(line for line in card.splitlines() if WORDS.statuses["changed"].caution in line)
    assert official not in first_line and official in caution_line


@pytest.mark.parametrize(
    "procedure", [p for p in facts.registry() if isinstance(p, data.Procedure)], ids=lambda p: p.id
)
def test_a_procedure_is_never_shown_milder_than_its_steps_facts(procedure):
    shown = registry.status_of(procedure)
    for step in procedure.steps:
        for fact_id in step.facts:
            assert registry.SEVERITY[shown] >= registry.SEVERITY[facts.get(fact_id).status], (procedure.id, fact_id)
    if shown in data.NEEDS_CAUTION:
        assert facts.caution(procedure).text, "a changed procedure says what changed"


def test_the_seller_central_route_shows_its_changed_step():
    procedure = facts.get("PROC-SELLER-CENTRAL")
    assert procedure.status == "article" and registry.status_of(procedure) == "changed"
    assert facts.get("SC-LOCATION").title in facts.caution(procedure).text


def test_seller_central_labels_get_their_english_label():
    card = facts.fact_card(facts.get("WHEN-CANCEL")).text
    assert "「注文管理」 = “Manage Orders”" in card
    for record in facts.registry():
        for label in getattr(record, "labels", ()):
            assert label in WORDS.seller_labels, (record.id, label)


def test_step_labels_agree_with_the_vocabulary_on_english():
    for procedure in data.load_procedures():
        seller_route = procedure.id.startswith("PROC-SELLER")
        for step in procedure.steps:
            for label in step.labels:
                if seller_route and label.ja in WORDS.seller_labels:
                    assert label.en == WORDS.seller_labels[label.ja], (procedure.id, label.ja)


def test_legend_explains_the_four_badges_with_what_to_do_and_an_example():
    legend = facts.legend()
    for badge in WORDS.badges.values():
        assert f"[{badge.label}] / {badge.action} / {badge.meaning}" in legend.text
    assert WORDS.statuses["changed"].caution in legend.text and data.say("cards.more") in legend.text


def test_text_is_escaped_in_html():
    html = facts.fact_card(fact("X", title="<b>", statement="a & b")).html
    assert "&lt;b&gt;" in html and "a &amp; b" in html and "<b>" not in html
