"""The data files: every fact of FACTS.md is there, and every loader rejects bad records clearly."""

from __future__ import annotations

import re
from datetime import date

import pytest

from helpers import facts
from helpers.core import data

# FACTS.md: id -> status, as FACTS.md states them (procedures without a stated status: None).
FACTS_MD = {
    "HOURS-24H": "confirmed",
    "HOURS-PHONE": "article",
    "HOURS-WAIT": "article",
    "PROC-SELLER-CENTRAL": None,
    "SC-SMALL": "article",
    "SC-TOPIC": "confirmed",
    "SC-FREETEXT": "confirmed",
    "SC-LOCATION": "changed",
    "SC-PHONE-CALLBACK": "confirmed",
    "PROC-SELLER-APP": "article",
    "PROC-BUYER": None,
    "PROC-BUYER-PHONE": None,
    "PROC-BUYER-EMAIL": None,
    "PROC-BUYER-CHAT": None,
    "BUYER-MENU": "changed",
    "BUYER-SCOPE": "confirmed",
    "BUYER-CALLME": "changed",
    "BUYER-MAIL-12H": "article",
    "E164": "confirmed",
    "ORDER-ID": "confirmed",
    "CHAN-COMPARE": "article",
    "TEL-0120": "changed",
    "TEL-011": "changed",
    "TEL-022": "unverified",
    "TEL-SCAM": "confirmed",
    "AHS-PROACTIVE": "confirmed",
    "PREP-ID": "article",
    "PREP-RECO": "article",
    # WHEN-RETURNS: "confirmed that it happens; the advice is article" - the record is the article's advice, and
    # the confirmed finding (SAFE-T) is its own record.
    "WHEN-RETURNS": "article",
    "SAFE-T": "confirmed",
    "WHEN-FEEDBACK": "changed",
    "WHEN-CANCEL": "changed",
    "REVIEW-MAIL": "article",
    "REVIEW-OPTIONAL": "article",
    "REVIEW-OPINION": "article",
    "ATOZ-48H": "confirmed",
    # Section 10. AH-RATING is "article-like (forum/blog)" in FACTS.md: beyond the article, so confirmed by forum
    # and blogs, and shown as 要確認.
    "ATOZ-DEBIT-ODR": "confirmed",
    "ATOZ-WHERE": "confirmed",
    "ATOZ-INFO-REQ": "confirmed",
    "ATOZ-APPEAL": "confirmed",
    "ATOZ-PREP": "confirmed",
    "AH-PAGE": "confirmed",
    "AH-APPEAL": "confirmed",
    "AH-FUNDS-90D": "confirmed",
    "AH-RATING": "confirmed",
    "LIST-APPROVAL": "confirmed",
    "LIST-SUPPRESSED": "confirmed",
    "MSG-ON-AMAZON": "confirmed",
    "MSG-24H": "confirmed",
    "MSG-ABUSE": "unverified",
    "LOGIN-2SV-RESET": "confirmed",
    "PHISH-CHECK": "confirmed",
    "PHISH-REPORT": "confirmed",
    "PHISH-AFTER": "confirmed",
    "FBA-REIMB": "confirmed",
    "FBA-PREP": "confirmed",
}
# FACTS.md names an Amazon Japan page (official-jp) for these: only they get 「公式で確認」.
OFFICIAL_JP = {
    "TEL-SCAM",
    "SAFE-T",
    "CANCEL-SHIPPED",
    "FEEDBACK-NO-PRESSURE",
    "WHEN-FEEDBACK",
    "WHEN-CANCEL",
    "ATOZ-48H",
    "ATOZ-DEBIT-ODR",
    "AH-PAGE",
    "AH-APPEAL",
    "AH-FUNDS-90D",
    "LIST-SUPPRESSED",
    "MSG-ON-AMAZON",
    "MSG-24H",
    "LOGIN-2SV-RESET",
    "PHISH-CHECK",
    "PHISH-REPORT",
    "PHISH-AFTER",
    "FBA-REIMB",
    "FBA-PREP",
}
# ... and only another country's Amazon help for these (beside the article or blogs for a label).
OFFICIAL_OTHER_ONLY = {
    "ATOZ-WHERE",
    "ATOZ-INFO-REQ",
    "ATOZ-APPEAL",
    "ATOZ-PREP",
    "DESK-NAMES",
    "FEEDBACK-REMOVAL",
    "LIST-APPROVAL",
    "CASE-ETIQUETTE",
}
LOADERS = [
    data.load_facts,
    data.load_procedures,
    data.load_situations,
    data.load_channel_rules,
    data.load_lessons,
    data.load_hours,
    data.load_phone_numbers,
    data.load_channels,
    data.load_quiz,
    data.load_exercises,
    data.load_vocabulary,
    data.load_texts,
    data.load_glossary,
]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_every_data_file_loads(loader):
    assert loader()


@pytest.mark.parametrize("fact_id, status", FACTS_MD.items())
def test_every_fact_of_facts_md_is_data_with_its_status(fact_id, status):
    record = facts.get(fact_id)
    if status:
        assert record.status == status
    assert record.sources and isinstance(record.verified_on, date)


def test_official_sources_are_exactly_where_facts_md_names_them():
    kinds = {r.id: {s.kind for s in r.sources} for r in facts.registry()}
    assert {i for i, k in kinds.items() if "official-jp" in k} == OFFICIAL_JP
    assert {i for i, k in kinds.items() if "official-other" in k and "official-jp" not in k} >= OFFICIAL_OTHER_ONLY
    assert kinds["ORDER-ID"] == {"api-doc"}, "Amazon's developer documentation is not Japan's help"


def test_every_source_records_its_kind_and_the_article_is_named_as_such():
    for record in [*facts.registry(), *data.load_channels()]:
        kinds = {s.kind for s in record.sources}
        assert kinds <= set(data.load_vocabulary().source_kinds), record.id
        if record.status == "article":
            assert "article" in kinds, record.id
        if record.status in ("confirmed", "changed"):
            assert kinds - {"article"}, f"{record.id}: a confirmation or correction needs a source beyond the article"


def test_changed_and_unverified_records_carry_a_caution():
    cautious = [r for r in facts.registry() if r.status in data.NEEDS_CAUTION]
    assert len(cautious) >= 8
    assert all(r.caution for r in cautious)


def test_phone_hours_and_numbers_match_facts_md():
    phone = next(h for h in data.load_hours() if h.id == "HOURS-PHONE")
    assert (phone.opens, phone.closes) == (9 * 60, 18 * 60)
    numbers = {n.id: n.number for n in data.load_phone_numbers()}
    assert numbers == {"TEL-0120": "0120-999-373", "TEL-011": "011-330-3000", "TEL-022": "022-745-0015"}


def test_procedures_have_ordered_steps_with_exact_labels():
    central = facts.get("PROC-SELLER-CENTRAL")
    assert [s.labels[0].ja if s.labels else None for s in central.steps] == [
        "サポートを受ける",
        "問い合わせ",
        "サポートを受ける",
        "上記以外の〜",
        None,
    ]
    assert central.steps[0].labels[0].en == "Get Support"
    assert [m.method for m in central.steps[-1].methods] == ["email", "phone", "chat"]
    buyer = facts.get("PROC-BUYER")
    assert {m.procedure for m in buyer.steps[-1].methods} == {"PROC-BUYER-PHONE", "PROC-BUYER-EMAIL", "PROC-BUYER-CHAT"}


def test_channel_comparison_matches_the_article():
    rows = {r.feature: (r.chat, r.email, r.phone) for r in data.load_channels()}
    assert rows["record"] == ("yes", "yes", "no")
    assert rows["nuance"] == ("no", "no", "yes")
    assert rows["speed"] == ("fairly_fast", "slowest", "real_time")


# ---------------------------------------------------------------- rejections

GOOD_FACT = """
[[fact]]
id = "X-1"
section = 1
title = "題"
statement = "文"
status = "article"
sources = [{ kind = "article", title = "記事" }]
verified_on = 2026-11-26
"""

GOOD_PROCEDURE = """
[[procedure]]
id = "PROC-X"
title = "題"
summary = "要約"
status = "article"
sources = [{ kind = "article", title = "記事" }]
verified_on = 2026-11-26

[[procedure.step]]
title = "一"
instruction = "押す"
"""

HOURS_HEADER = "id,channel,channel_ja,title,opens,closes,statement,status,sources,verified_on\n"
GOOD_HOURS_ROW = "HOURS-X,phone,電話,電話の時間,09:00,18:00,文,article,article: 記事,2026-11-26\n"


def rejected(loader, path) -> str:
    with pytest.raises(ValueError) as info:
        loader.__wrapped__(path)
    return str(info.value)


def test_unknown_status_is_rejected_naming_file_record_and_field(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT.replace('"article"', '"confirmd"')))
    assert "facts.toml" in message and "X-1" in message and "「status」" in message
    assert "article / confirmed / changed / unverified" in message


def test_missing_field_is_rejected(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT.replace('title = "題"\n', "")))
    assert "facts.toml" in message and "X-1" in message and "「title」" in message and "必須" in message


def test_duplicate_id_is_rejected(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT + GOOD_FACT))
    assert "facts.toml" in message and "#2 (X-1)" in message and "「id」" in message and "重複" in message


@pytest.mark.zone
@pytest.mark.parametrize("bad", ['"2026-13-01"', '"26/11/2026"', '"昨日"', "2026-11-26T10:00:00"])
def test_bad_date_is_rejected(write, bad):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT.replace("2026-11-26", bad)))
    assert "facts.toml" in message and "X-1" in message and "「verified_on」" in message


@pytest.mark.zone
def test_bad_date_in_csv_is_rejected(write):
    path = write("hours.csv", HOURS_HEADER + GOOD_HOURS_ROW.replace("2026-11-26", "2026-02-30"))
    message = rejected(data.load_hours, path)
    assert "hours.csv" in message and "2行目 (HOURS-X)" in message and "「verified_on」" in message


def test_empty_step_list_is_rejected(write):
    no_steps = GOOD_PROCEDURE.split("[[procedure.step]]")[0] + "step = []\n"
    message = rejected(data.load_procedures, write("procedures.toml", no_steps))
    assert "procedures.toml" in message and "PROC-X" in message and "「step」" in message and "空" in message


def test_procedure_without_steps_is_rejected(write):
    message = rejected(data.load_procedures, write("procedures.toml", GOOD_PROCEDURE.split("[[procedure.step]]")[0]))
    assert "PROC-X" in message and "「step」" in message


def test_bad_field_inside_a_step_names_the_step(write):
    path = write("procedures.toml", GOOD_PROCEDURE + 'kind = "dance"\n')
    message = rejected(data.load_procedures, path)
    assert "PROC-X" in message and "step #1" in message and "「kind」" in message


def test_changed_fact_without_caution_is_rejected(write):
    message = rejected(
        data.load_facts, write("facts.toml", GOOD_FACT.replace('status = "article"', 'status = "changed"'))
    )
    assert "X-1" in message and "「caution」" in message


def test_caution_on_a_confirmed_fact_is_rejected(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT + 'caution = "注意"\n'))
    assert "「caution」" in message


def test_unknown_field_is_rejected(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT + 'stauts = "article"\n'))
    assert "「stauts」" in message


def test_toml_syntax_error_names_the_file(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT + "id = \n"))
    assert "facts.toml" in message and "TOML" in message


def test_empty_toml_file_is_rejected(write):
    assert "レコードが1つもありません" in rejected(data.load_facts, write("facts.toml", ""))


def test_empty_sources_are_rejected(write):
    message = rejected(
        data.load_facts, write("facts.toml", GOOD_FACT.replace('[{ kind = "article", title = "記事" }]', "[]"))
    )
    assert "「sources」" in message


@pytest.mark.parametrize(
    "change, says",
    [
        (('kind = "article"', 'kind = "rumour"'), "「kind」"),
        (('status = "article"', 'status = "confirmed"'), "記事のほかの出典"),
        (('kind = "article"', 'kind = "blog"'), 'kind = "article"'),
    ],
)
def test_sources_are_checked_against_the_status(write, change, says):
    assert says in rejected(data.load_facts, write("facts.toml", GOOD_FACT.replace(*change)))


def test_a_csv_source_is_written_kind_colon_title(write):
    (hours,) = data.load_hours.__wrapped__(write("hours.csv", HOURS_HEADER + GOOD_HOURS_ROW))
    assert [(s.kind, s.title) for s in hours.sources] == [("article", "記事")]


def test_csv_with_unknown_column_is_rejected(write):
    message = rejected(data.load_hours, write("hours.csv", HOURS_HEADER.replace("opens", "open") + GOOD_HOURS_ROW))
    assert "hours.csv" in message and "「open」" in message


def test_csv_with_missing_column_is_rejected(write):
    header = HOURS_HEADER.replace("statement,", "")
    message = rejected(data.load_hours, write("hours.csv", header + GOOD_HOURS_ROW.replace("文,", "")))
    assert "HOURS-X" in message and "「statement」" in message


def test_csv_row_with_wrong_cell_count_is_rejected(write):
    message = rejected(data.load_hours, write("hours.csv", HOURS_HEADER + GOOD_HOURS_ROW.replace(",文", "")))
    assert "2行目" in message and "列の数" in message


@pytest.mark.parametrize("bad", ["9:00", "25:00", "09:60", "nine"])
def test_bad_clock_time_is_rejected(write, bad):
    message = rejected(data.load_hours, write("hours.csv", HOURS_HEADER + GOOD_HOURS_ROW.replace("09:00", bad)))
    assert "「opens」" in message


def test_file_not_in_utf8_is_rejected(write):
    path = write("hours.csv", (HOURS_HEADER + GOOD_HOURS_ROW).encode("cp932"))
    assert "UTF-8" in rejected(data.load_hours, path)


def test_missing_file_is_a_value_error(tmp_path):
    assert "見つかりません" in rejected(data.load_facts, tmp_path / "nothing.toml")


def test_channel_value_outside_its_vocabulary_is_rejected(write):
    header = "feature,label_ja,label_en,chat,email,phone,desirable,status,sources,verified_on\n"
    row = "speed,速さ,Speed,yes,slowest,real_time,yes,article,article: 記事,2026-11-26\n"
    message = rejected(data.load_channels, write("channels.csv", header + row))
    assert "speed" in message and "「chat」" in message and "real_time" in message


def test_messages_are_japanese(write):
    message = rejected(data.load_facts, write("facts.toml", GOOD_FACT.replace('"article"', '"x"')))
    assert re.search(r"[ぁ-んァ-ン]", message)


# ---------------------------------------------------------------- questions, vocabulary, texts

GOOD_EXERCISE = """
[[exercise]]
id = "E1"
lesson = "01_seller_central"
facts = ["SC-SMALL"]
question = "?"
options = [{ text = "a", why = "w" }, { text = "b" }, { text = "c", why = "x" }]
answer = 1
hint = "h"
explanation = "e"
"""


def test_a_good_exercise_loads(write):
    (question,) = data.load_exercises.__wrapped__(write("exercises.toml", GOOD_EXERCISE))
    assert question.option_texts == ("a", "b", "c") and question.answer == 1 and question.is_choice
    assert [o.why for o in question.options] == ["w", None, "x"]


@pytest.mark.parametrize(
    "change, field",
    [
        (("answer = 1", "answer = 3"), "answer"),
        (('{ text = "c", why = "x" }', '{ text = "a", why = "x" }'), "options"),
        (('{ text = "c", why = "x" }', '{ text = "c" }'), "options"),
        (('{ text = "b" }', '{ text = "b", why = "y" }'), "options"),
        (
            (
                'options = [{ text = "a", why = "w" }, { text = "b" }, { text = "c", why = "x" }]',
                'options = ["a", "b", "c"]',
            ),
            "options",
        ),
        (('hint = "h"\n', ""), "hint"),
        (('lesson = "01_seller_central"\n', ""), "lesson"),
        (('options = [{ text = "a", why = "w" }, { text = "b" }, { text = "c", why = "x" }]\n', ""), "accept"),
        (("answer = 1", 'answer = 1\naccept = ["a"]'), "accept"),
        (
            (
                'options = [{ text = "a", why = "w" }, { text = "b" }, { text = "c", why = "x" }]\nanswer = 1\n',
                'accept = ["a"]\n',
            ),
            "look_for",
        ),
    ],
)
def test_bad_exercises_are_rejected_naming_the_field(write, change, field):
    text = GOOD_EXERCISE.replace(*change)
    assert text != GOOD_EXERCISE
    message = rejected(data.load_exercises, write("exercises.toml", text))
    assert "exercises.toml" in message and "E1" in message and f"「{field}」" in message


def test_a_quiz_question_needs_its_section_and_the_lesson_to_revisit(write):
    quiz = GOOD_EXERCISE.replace("[[exercise]]", "[[question]]").replace('hint = "h"\n', "")
    assert "「section」" in rejected(data.load_quiz, write("quiz.toml", quiz))
    no_lesson = quiz.replace('lesson = "01_seller_central"\n', "section = 10\n")
    assert "「lesson」" in rejected(data.load_quiz, write("quiz.toml", no_lesson))


def test_vocabulary_must_name_every_channel_plan_and_status(write):
    text = (data.DATA_DIR / "vocabulary.toml").read_text(encoding="utf-8")
    message = rejected(
        data.load_vocabulary, write("vocabulary.toml", text.replace("[channels.chat]", "[channels.fax]"))
    )
    assert "vocabulary.toml" in message and "「channels」" in message and "chat" in message


def test_texts_are_flattened_by_dotted_key_and_filled_in():
    assert data.say("quiz.number", n=3) == "問3"
    with pytest.raises(KeyError, match="texts.toml"):
        data.say("no.such.text")


def test_an_empty_text_is_rejected(write):
    assert "「empty」" in rejected(data.load_texts, write("texts.toml", '[a]\nempty = " "\n'))
