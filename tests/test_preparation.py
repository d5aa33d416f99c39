"""The pre-call checklist: what it asks for, and that the card field never keeps more than four digits."""

from __future__ import annotations

from helpers import facts, preparation
from helpers.core.render import esc


CARD = "4111 1111 1111 1111"


def test_checklist_becomes_ready_when_everything_is_there():
    c = preparation.checklist()
    assert not c.ready and "【未】 ショップ名" in c.controls["summary"].value
    c.controls["shop"].value = "さくら雑貨店"
    c.controls["last4"].value = "１２３４"
    c.controls["what"].value = "11月27日、返品が20件届いた"
    assert c.ready and c.controls["last4"].value == "1234"
    assert "準備ができました" in c.controls["summary"].value and esc(facts.get("TEL-SCAM").statement) in c.controls["summary"].value


def test_card_field_never_keeps_or_shows_more_than_four_digits():
    c = preparation.checklist()
    c.controls["last4"].value = CARD
    assert c.controls["last4"].value == "" and c.values["last4"] == ""
    assert 'role="alert"' in c.controls["summary"].value and "1111" not in c.controls["summary"].value
    assert not any("1111" in str(v) for v in [*c.values.values(), *c.notes.values()])
    c.controls["last4"].value = "9876"
    assert c.values["last4"] == "9876" and 'role="alert"' not in c.controls["summary"].value


def test_order_number_is_tidied_or_explained_and_optional():
    c = preparation.checklist()
    c.controls["order"].value = "TBA12345"
    assert "注文番号は数字だけ" in c.controls["summary"].value and c.controls["order"].value == "TBA12345"
    c.controls["order"].value = "２４９ー１２３４５６７ー１２３４５６７"
    assert "注文番号（249-1234567-1234567）" in c.controls["summary"].value
    c.controls["order"].value = ""
    assert "【済】 注文番号（あれば）" in c.controls["summary"].value


def test_checklist_stored_version_has_no_input():
    bundle = preparation.checklist()._repr_mimebundle_()
    assert "チェックリスト" in bundle["text/plain"] and "application/vnd.jupyter.widget-view+json" in bundle


def test_the_checklist_says_when_the_last_four_digits_may_be_given():
    summary = preparation.checklist().summary().text
    assert facts.get("PREP-ID").note in summary


def test_the_articles_numbers_are_shown_as_numbers_not_to_call_each_with_the_scam_warning():
    from helpers.core import data

    shown = preparation.old_numbers().text
    scam = facts.get("TEL-SCAM").statement
    for record in data.load_phone_numbers():
        assert record.title.startswith("かけないでください") and record.title in shown
        assert record.caution in shown
    assert shown.count(scam) == len(data.load_phone_numbers())
