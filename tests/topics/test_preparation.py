"""The pre-call checklist: what it asks for, and that the card field never keeps more than four digits."""

from __future__ import annotations

from helpers import facts, preparation
from helpers.core.render import esc

CARD = "4111 1111 1111 1111"


def type_keys(field, text: str) -> list[str]:
    """Set a field's value one character at a time, as a browser with continuous updates sends it."""
    seen = []
    for n in range(1, len(text) + 1):
        field.value = field.value + text[n - 1] if field.value == text[: n - 1] else text[:n]
        seen.append(field.value)
    return seen


def test_checklist_becomes_ready_when_everything_is_there():
    c = preparation.checklist()
    assert not c.ready and "【未】 ショップ名" in c.controls["summary"].value
    c.controls["shop"].value = "さくら雑貨店"
    type_keys(c.controls["last4"], "１２３４")
    c.controls["what"].value = "11月27日、返品が20件届いた"
    assert c.ready and c.values["last4"] == "1234"
    assert "準備ができました" in c.controls["summary"].value
    assert esc(facts.get("TEL-SCAM").statement) in c.controls["summary"].value
    c.controls["check"].click()
    assert c.controls["last4"].value == "1234", "after the check the field shows the tidied digits"


def test_typing_four_digits_one_key_at_a_time_is_never_interrupted():
    c = preparation.checklist()
    seen = type_keys(c.controls["last4"], "1234")
    assert seen == ["1", "12", "123", "1234"], "nothing is cleared while typing"
    assert c.controls["last4_note"].value == "", "and nothing is judged"


def test_a_short_entry_is_explained_only_when_the_learner_asks():
    c = preparation.checklist()
    type_keys(c.controls["last4"], "12")
    assert c.controls["last4_note"].value == "" and c.controls["last4"].value == "12"
    c.controls["check"].click()
    assert 'role="alert"' in c.controls["last4_note"].value and "4桁" in c.controls["last4_note"].value
    assert c.controls["last4"].value == "12", "what the learner typed stays, to be corrected"


def test_a_last_key_that_reaches_the_kernel_after_the_click_is_checked_too():
    """A busy kernel gets the click before the last key (ipywidgets holds field updates back, not clicks)."""
    c = preparation.checklist()
    type_keys(c.controls["last4"], "９８７")
    c.controls["check"].click()
    type_keys(c.controls["last4"], "９８７６")
    assert c.controls["last4"].value == "9876", "tidied as the check would have"
    assert 'role="status"' in c.controls["last4_note"].value and 'role="alert"' not in c.controls["last4_note"].value


def test_card_field_never_keeps_or_shows_more_than_four_digits():
    c = preparation.checklist()
    seen = type_keys(c.controls["last4"], "41111")
    assert seen[-1] == "" and c.values["last4"] == "" and c.typed_last4 == "", "the fifth digit clears it at once"
    note = c.controls["last4_note"].value
    assert 'role="alert"' in note and "下4桁だけ" in note and "4111" not in note
    c.controls["last4"].value = CARD  # pasted whole
    assert c.controls["last4"].value == "" and "1111" not in c.controls["summary"].value
    assert not any("1111" in str(v) for v in [*c.values.values(), c.typed_last4, *(n.text for n in c.notes.values())])
    type_keys(c.controls["last4"], "9876")
    assert c.values["last4"] == "9876" and c.controls["last4_note"].value == ""


def test_order_number_is_checked_when_the_field_is_left_and_shown_under_it():
    c = preparation.checklist()
    c.controls["order"].value = "TBA12345"  # sent on Enter or when leaving the field (continuous_update=False)
    assert not c.controls["order"].continuous_update
    assert "注文番号は数字だけ" in c.controls["order_note"].value and c.controls["order"].value == "TBA12345"
    c.controls["order"].value = "２４９ー１２３４５６７ー１２３４５６７"
    assert "249-1234567-1234567" in c.controls["order_note"].value and 'role="status"' in c.controls["order_note"].value
    assert "注文番号（249-1234567-1234567）" in c.controls["summary"].value
    c.controls["order"].value = ""
    assert "【済】 注文番号（あれば）" in c.controls["summary"].value and c.controls["order_note"].value == ""


def test_checklist_stored_version_has_no_input():
    bundle = preparation.checklist()._repr_mimebundle_()
    assert "チェックリスト" in bundle["text/plain"] and "application/vnd.jupyter.widget-view+json" in bundle


def test_the_checklist_says_when_the_last_four_digits_may_be_given():
    summary = preparation.checklist().summary().text
    assert facts.get("PREP-ID").note in summary


def test_the_articles_numbers_are_shown_once_folded_under_a_title_not_to_call_with_the_scam_warning():
    from helpers.core import data

    shown = preparation.old_numbers()
    scam = facts.get("TEL-SCAM").statement
    title = data.say("preparation.old_numbers_title")
    assert shown.html.startswith("<details") and f">{title}</summary>" in shown.html, "closed until opened"
    for record in data.load_phone_numbers():
        assert record.title.startswith("かけないでください") and record.title in shown.text
        assert record.caution in shown.text
    assert shown.text.count(scam) == 1 and shown.html.index(scam) > shown.html.index("</details>"), (
        "the scam warning stands beside the block, visible without opening it"
    )


def test_the_checklist_asks_for_invented_values_and_says_not_to_type_real_card_digits():
    from helpers.core import data

    checklist = preparation.checklist()
    c = checklist.controls
    assert "練習ショップ" in c["shop"].placeholder and "1234" in c["last4"].placeholder
    notice = data.say("preparation.practice_only")
    assert "本物のカード" in notice and notice in checklist.widget.children[0].value
    assert notice in checklist._repr_mimebundle_()["text/plain"]
