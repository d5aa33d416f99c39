"""The fact registry and the way a fact's status is shown."""

from __future__ import annotations

import pytest

from helpers import data, facts


def test_registry_ids_are_unique_across_files_and_references_resolve():
    registry = facts.registry()
    assert "HOURS-PHONE" in registry and "PROC-BUYER" in registry and "WHEN-CANCEL" in registry


def test_unknown_id_is_a_clear_key_error():
    with pytest.raises(KeyError, match="NOPE"):
        facts.get("NOPE")


@pytest.mark.parametrize("status", data.STATUSES)
def test_every_status_has_a_visible_badge(status):
    mark = facts.badge(status)
    assert mark.text.startswith("[") and facts.STATUS_MARKS[status][0] in mark.html


@pytest.mark.parametrize("fact_id", ["SC-LOCATION", "TEL-022", "WHEN-FEEDBACK", "BUYER-CALLME"])
def test_changed_or_unverified_fact_shows_article_version_and_caution(fact_id):
    record = facts.get(fact_id)
    card = facts.fact_card(record)
    label = facts.CAUTION_LABEL[record.status]
    assert f"記事の内容: {record.statement}" in card.text
    assert f"{label}: {record.caution}" in card.text
    assert facts.esc(record.caution) in card.html


def test_opinion_is_marked_as_the_authors_view():
    card = facts.fact_card(facts.get("REVIEW-OPINION"))
    assert "[筆者の意見]" in card.text


def test_card_shows_provenance():
    card = facts.fact_card(facts.get("ORDER-ID")).text
    assert "確認日 2026-11-26" in card and "ID ORDER-ID" in card and "SP-API" in card


def test_legend_explains_every_mark_with_an_example():
    legend = facts.legend()
    for label, _, meaning in [*facts.STATUS_MARKS.values(), facts.OPINION_MARK]:
        assert f"[{label}] {meaning}" in legend.text
    assert "▲ 注意:" in legend.text


def test_text_is_escaped_in_html():
    record = data.Fact(id="X", section=1, title="<b>", statement="a & b", status="article",
                       sources=("s",), verified_on=facts.get("E164").verified_on)
    html = facts.fact_card(record).html
    assert "&lt;b&gt;" in html and "a &amp; b" in html
