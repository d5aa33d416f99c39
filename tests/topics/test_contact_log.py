"""The seller's contact log: encodings Excel writes, every rejection rule, and the channel comparison."""

from __future__ import annotations

import math
import re

import pytest

from helpers import contact_log

HEADER = "日時,方法,内容,返信までの分,解決,ケースID\n"
GOOD = [
    "2026-11-20 10:05,チャット,出品の停止,5,はい,C-1",
    "2026-11-21 11:00,メール,返品,300,いいえ,C-2",
    "2026-11-22 09:30,電話,キャンセル,20,はい,C-3",
    "2026/11/23 14:00,chat,返品,15,yes,C-4",
    "2026/11/24 9:05,Eメール,FBA,600,はい,C-5",
]


def log_file(write, rows, header=HEADER, encoding="utf-8", name="log.csv"):
    return write(name, (header + "\n".join(rows) + "\n").encode(encoding))


@pytest.mark.zone
def test_reads_a_good_log_with_typed_columns(write):
    log = contact_log.read_log(log_file(write, GOOD))
    assert len(log.frame) == 5 and log.rejected.empty
    assert str(log.frame["datetime"].dtype).startswith("datetime64")
    assert list(log.frame["channel"]) == ["chat", "email", "phone", "chat", "email"]
    assert log.frame["resolved"].tolist() == [True, False, True, True, True]
    assert log.frame["minutes_to_first_reply"].tolist() == [5, 300, 20, 15, 600]
    assert log.frame.loc[4, "datetime"].hour == 9


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis"])
def test_encodings_excel_writes(write, encoding):
    log = contact_log.read_log(log_file(write, GOOD, encoding=encoding))
    assert len(log.frame) == 5 and log.frame.loc[0, "topic"] == "出品の停止"


def test_windows_line_endings(write):
    path = write("crlf.csv", (HEADER + "\n".join(GOOD)).replace("\n", "\r\n").encode("cp932"))
    assert len(contact_log.read_log(path).frame) == 5


def test_english_headers_and_channel_names(write):
    header = "datetime,channel,topic,minutes_to_first_reply,resolved,case_id\n"
    rows = ["2026-11-20 10:05,Chat,x,5,Yes,A", "2026-11-20 10:06,E-mail,x,5,no,B", "2026-11-20 10:07,PHONE,x,5,1,C"]
    log = contact_log.read_log(log_file(write, rows, header=header))
    assert list(log.frame["channel"]) == ["chat", "email", "phone"]
    assert log.frame["resolved"].tolist() == [True, False, True]


def test_full_width_headers_and_values(write):
    header = "日時,方法,返信までの分,解決\n"
    log = contact_log.read_log(log_file(write, ["2026-11-20 10:05,ｃｈａｔ,5,ＹＥＳ"], header=header))
    assert list(log.frame["channel"]) == ["chat"] and log.frame["resolved"].tolist() == [True]


def test_optional_columns_may_be_missing(write):
    log = contact_log.read_log(
        log_file(write, ["2026-11-20 10:05,電話,5,はい"], header="日時,方法,返信までの分,解決\n")
    )
    assert log.frame.loc[0, "topic"] == "" and log.frame.loc[0, "case_id"] == ""


@pytest.mark.zone
@pytest.mark.parametrize(
    "row, reason",
    [
        ("11月ごろ,チャット,x,5,はい,A", "日時が読めません"),
        ("2026-13-45 10:00,チャット,x,5,はい,A", "日時が読めません"),
        (",チャット,x,5,はい,A", "日時が読めません"),
        ("2026-11-20 10:05,FAX,x,5,はい,A", "方法が分かりません"),
        ("2026-11-20 10:05,,x,5,はい,A", "方法が分かりません"),
        ("2026-11-20 10:05,チャット,x,-5,はい,A", "マイナス"),
        ("2026-11-20 10:05,チャット,x,五分,はい,A", "数字ではありません"),
        ("2026-11-20 10:05,チャット,x,,はい,A", "数字ではありません"),
        ("2026-11-20 10:05,チャット,x,inf,はい,A", "数字ではありません"),
        ("2026-11-20 10:05,チャット,x,5,たぶん,A", "解決が分かりません"),
    ],
)
def test_bad_rows_are_rejected_with_a_reason_and_counted(write, row, reason):
    log = contact_log.read_log(log_file(write, GOOD + [row]))
    assert len(log.frame) == 5 and len(log.rejected) == 1 and log.total == 6
    rejected = log.rejected.iloc[0]
    assert reason in rejected["理由"] and rejected["行"] == 7
    assert "1行は内容に問題がある" in log.summary().text


@pytest.mark.zone
def test_a_row_with_several_problems_lists_them_all(write):
    log = contact_log.read_log(log_file(write, ["x,FAX,x,-1,?,A"]))
    reasons = log.rejected.iloc[0]["理由"]
    assert reasons.count("、") == 3 and "日時" in reasons and "方法" in reasons and "解決" in reasons


def test_rejected_rows_keep_what_was_written(write):
    log = contact_log.read_log(log_file(write, GOOD[:1] + ["2026-11-20 10:05,FAX,相談,5,はい,Z-9"]))
    row = log.rejected.iloc[0]
    assert row["方法"] == "FAX" and row["ケースID"] == "Z-9" and row["内容"] == "相談"


def test_refused_minutes_are_shown_as_written(write):
    # An empty cell makes the parser read the column as decimals; the table still shows 5, not 5.0.
    log = contact_log.read_log(
        log_file(
            write,
            ["2026-11-20 10:05,FAX,x,5,はい,A", "2026-11-20 10:05,chat,x,,はい,B", "2026-11-20 10:05,FAX,x,2.5,はい,C"],
        )
    )
    assert log.rejected["返信までの分"].tolist() == [5, "", 2.5]


@pytest.mark.parametrize(
    "content, says",
    [
        (b"", "ファイルが空です"),
        (HEADER.encode(), "データの行がありません"),
        ("日時,内容,解決\n2026-11-20 10:05,x,はい\n".encode(), "方法（channel）、返信までの分"),
        (b"date,what\n1,2\n", "必要な列がありません"),
    ],
)
def test_unusable_files_raise_japanese_value_errors(write, content, says):
    with pytest.raises(ValueError, match=says):
        contact_log.read_log(write("bad.csv", content))


def test_row_with_too_many_cells_is_refused_with_its_line(write):
    log = contact_log.read_log(log_file(write, GOOD + ["2026-11-20 10:05,チャット,x,5,はい,A,余計,もっと"]))
    assert len(log.frame) == 5 and log.rejected_total == 1
    assert log.rejected.loc[0, "行"] == 7 and "見出しより列が多く" in log.rejected.loc[0, "理由"]


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="見つかりません"):
        contact_log.read_log(tmp_path / "nothing.csv")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ValueError, match="開けません"):
        contact_log.read_log(tmp_path)


def test_compare_counts_medians_and_rates(write):
    log = contact_log.read_log(log_file(write, GOOD))
    table = contact_log.compare(log)
    chat, email, phone = contact_log.data.load_vocabulary().channel_names().values()
    assert list(table.index) == [chat, email, phone]
    assert (
        table.loc[chat, "件数"] == 2
        and table.loc[chat, contact_log.data.say("contact_log.compare_columns.median_minutes")] == 10
    )
    assert table.loc[email, "解決率"] == 0.5 and table.loc[phone, "解決率"] == 1.0


def test_compare_keeps_channels_without_rows(write):
    log = contact_log.read_log(log_file(write, GOOD[:1]))
    table = contact_log.compare(log)
    assert table.loc["電話", "件数"] == 0 and math.isnan(
        table.loc["電話", contact_log.data.say("contact_log.compare_columns.median_minutes")]
    )
    assert "記録なし" in contact_log.comparison_view(table).html


def test_comparison_view_draws_bars_with_japanese_labels(write):
    view = contact_log.comparison_view(contact_log.compare(contact_log.read_log(log_file(write, GOOD))))
    assert "linear-gradient" in view.html and "解決率" in view.html and "件" in view.html


def test_sample_log_is_invented_and_shows_rejections():
    log = contact_log.read_log(contact_log.SAMPLE)
    assert all(t.startswith("（架空）") for t in log.frame["topic"])
    assert all(c.startswith("SAMPLE-") for c in log.frame["case_id"])
    assert len(log.rejected) == 3 and log.total == 60


def test_template_has_the_documented_columns():
    header = contact_log.TEMPLATE.read_text(encoding="utf-8").strip().split(",")
    assert header == [ja for ja, _, _ in contact_log.COLUMNS.values()]
    assert "datetime" in contact_log.template_table().text


def test_report_shows_errors_instead_of_raising(tmp_path):
    shown = contact_log.report(tmp_path / "nothing.csv")
    assert 'role="alert"' in shown.html and "見つかりません" in shown.text


def test_report_of_a_good_file(write):
    shown = contact_log.report(log_file(write, GOOD + ["x,チャット,x,5,はい,A"]))
    assert "5行を読み込みました" in shown.text and "読み込まなかった行" in shown.text


def test_save_template_never_overwrites(tmp_path):
    target = tmp_path / "t.csv"
    assert "作りました" in contact_log.save_template(target).text
    target.write_text("mine", encoding="utf-8")
    assert "上書きはしませんでした" in contact_log.save_template(target).text
    assert target.read_text(encoding="utf-8") == "mine"


def test_uploader_reads_the_chosen_file():
    up = contact_log.uploader()
    content = (HEADER + "\n".join(GOOD) + "\n").encode("cp932")
    shown = up.show([{"name": "mine.csv", "content": memoryview(content)}])
    assert "mine.csv: 5行のうち、5行を読み込みました" in shown.text and up.controls["result"].value == shown.html
    shown = up.show([{"name": "bad.csv", "content": b""}])
    assert "ファイルが空です" in shown.text


def test_comparison_is_vectorised_for_large_logs(write):
    rows = [
        f"2026-11-20 10:{i % 60:02d},{['チャット', 'メール', '電話'][i % 3]},x,{i % 50},はい,C{i}"
        for i in range(30_000)
    ]
    log = contact_log.read_log(log_file(write, rows))
    assert len(log.frame) == 30_000 and contact_log.compare(log)["件数"].sum() == 30_000


def test_extra_and_duplicate_columns_are_ignored(write):
    header = "日時,datetime,方法,メモ,返信までの分,解決\n"
    log = contact_log.read_log(log_file(write, ["2026-11-20 10:05,x,電話,覚え書き,5,はい"], header=header))
    assert len(log.frame) == 1 and log.frame.loc[0, "channel"] == "phone"


# ---------------------------------------------------------------- only ever ValueError, in Japanese (#13)


def test_extra_fields_in_the_first_row_refuse_that_row_only(write):
    log = contact_log.read_log(log_file(write, ["2026-11-20 10:05,チャット,返品, 交換,5,はい,A"] + GOOD[:2]))
    assert len(log.frame) == 2 and list(log.rejected["行"]) == [2]
    assert "見出しより列が多く" in log.rejected.loc[0, "理由"] and log.rejected.loc[0, "内容"] == "返品"


def test_rows_far_too_long_are_counted_and_named(write):
    log = contact_log.read_log(log_file(write, [GOOD[0] + ",a,b,c,d", GOOD[1], GOOD[2] + ",x,y"]))
    assert len(log.frame) == 1 and log.rejected_total == 2 and list(log.rejected["行"]) == [2, 4]
    assert set(log.rejected["理由"]) == {contact_log.TOO_MANY_FIELDS}


@pytest.mark.parametrize(
    "header, rows",
    [
        (HEADER, [row + "," for row in GOOD]),  # Excel's trailing commas on every row
        (HEADER, GOOD[:2] + [GOOD[2] + ","] + GOOD[3:]),  # ... on one row only
        (HEADER.rstrip("\n") + ",\n", [row + "," for row in GOOD]),  # ... on the header too
        ("日時 , 方法 ,内容,  返信までの分,解決 ,ケースID\n", GOOD),  # spaces around the header names
    ],
)
def test_trailing_commas_and_spaced_headers_are_read(write, header, rows):
    log = contact_log.read_log(log_file(write, rows, header=header))
    assert len(log.frame) == 5 and log.rejected_total == 0


@pytest.mark.parametrize("minutes", ["True", "False", "TRUE", "true"])
def test_a_boolean_is_not_a_number_of_minutes(write, minutes):
    log = contact_log.read_log(log_file(write, [f"2026-11-20 10:05,チャット,x,{minutes},はい,A"] + GOOD[:1]))
    assert len(log.frame) == 1 and "数字ではありません" in log.rejected.loc[0, "理由"]


def test_only_true_or_false_in_the_minutes_column(write):
    log = contact_log.read_log(
        log_file(write, ["2026-11-20 10:05,チャット,x,True,はい,A", "2026-11-20 10:06,チャット,x,False,はい,B"])
    )
    assert len(log.frame) == 0 and log.rejected_total == 2


def paths(tmp_path):
    """Paths a careless user or an attacker might pass, each with what the message must say."""
    afile = tmp_path / "a.csv"
    afile.write_text(HEADER, encoding="utf-8")
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    return {
        "through a file": afile / "inner.csv",
        "too long": tmp_path / ("あ" * 300 + ".csv"),
        "symlink loop": loop,
        "NUL": str(tmp_path / "a\0b.csv"),
        "None": None,
        "a number": 3,
        "a list": ["a.csv"],
        "empty": "",
        "folder": tmp_path,
        "device": "/dev/null",
    }


@pytest.mark.zone
@pytest.mark.parametrize(
    "kind",
    ["through a file", "too long", "symlink loop", "NUL", "None", "a number", "a list", "empty", "folder", "device"],
)
def test_every_bad_path_gives_a_short_japanese_value_error(tmp_path, kind):
    path = paths(tmp_path)[kind]
    with pytest.raises(ValueError) as info:
        contact_log.read_log(path)
    message = str(info.value)
    assert re.search(r"[ぁ-んァ-ヶ一-龠]", message) and len(message) < 200 and "\0" not in message
    shown = contact_log.report(path)  # the report shows the message, never a traceback
    assert 'role="alert"' in shown.html and shown.text.strip() == message


@pytest.mark.zone
def test_a_long_name_is_shortened_in_messages(tmp_path):
    with pytest.raises(ValueError) as info:
        contact_log.read_log(tmp_path / ("長" * 1000 + ".csv"))
    assert "長" * 37 + "…" in str(info.value) and "長" * 41 not in str(info.value)


def test_control_characters_in_a_name_are_not_shown(tmp_path):
    with pytest.raises(ValueError) as info:
        contact_log.read_log(tmp_path / "a\u202eb\x1b[31m.csv")
    assert "\u202e" not in str(info.value) and "\x1b" not in str(info.value)


def test_cp932_after_a_long_ascii_start_is_recognised(write):
    ascii_rows = [f"2026-11-20 10:05,chat,refund,{i % 50},yes,C{i}" for i in range(3000)]  # > 64 KB of ASCII
    content = HEADER + "\n".join(ascii_rows + ["2026-11-21 10:05,電話,返品の相談,20,はい,最後"]) + "\n"
    assert len(content.encode("cp932")) > contact_log.HEAD_BYTES
    log = contact_log.read_log(write("mixed.csv", content.encode("cp932")))
    assert len(log.frame) == 3001 and log.frame["topic"].iloc[-1] == "返品の相談"


MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>"


def test_every_view_escapes_cell_text(write):
    rows = [
        f"2026-11-20 10:05,{MARKUP},{MARKUP},5,はい,{MARKUP}",
        f"2026-11-20 10:05,チャット,{MARKUP},5,はい,{MARKUP}",
    ]
    path = log_file(write, rows, name="<i>log.csv")
    log = contact_log.read_log(path)
    shown = [
        contact_log.report(path),
        contact_log.rejected_view(log),
        log.summary(),
        contact_log.comparison_view(contact_log.compare(log)),
    ]
    up = contact_log.uploader()
    shown.append(up.show([{"name": "<i>x.csv", "content": path.read_bytes()}]))
    for view in shown:
        assert "<img" not in view.html and "<script" not in view.html and "<i>" not in view.html
    assert "&lt;img" in shown[1].html and "&lt;i&gt;log" in shown[0].html


def test_a_huge_file_of_refused_rows_is_summarised(write):
    rows = [f"いつか,{'電話' if i % 2 else 'FAX'},x,{i},たぶん,C{i}" for i in range(200_000)]
    rows[10] += ",余計"
    log = contact_log.read_log(log_file(write, rows))
    assert log.frame.empty and log.rejected_total == 200_000 and log.total == 200_000
    assert len(log.rejected) == contact_log.SHOWN_REJECTED and list(log.rejected["行"])[:3] == [2, 3, 4]
    assert "見出しより列が多く" in log.rejected.loc[10, "理由"]
    assert "200000行は内容に問題があるため除きました" in log.summary().text
    assert f"最初の{contact_log.SHOWN_REJECTED}行" in log.summary().text


def test_an_unclosed_quote_is_explained(write):
    with pytest.raises(ValueError, match="閉じていない"):
        contact_log.read_log(log_file(write, GOOD[:1] + ['2026-11-20 10:05,チャット,"返品,5,はい,A'] + ["x" * 10] * 3))


@pytest.mark.parametrize("content", [None, "text", 5])
def test_upload_content_must_be_bytes(content):
    with pytest.raises(ValueError, match="バイト列"):
        contact_log.read_log_bytes(content)
