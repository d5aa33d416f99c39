"""The seller's contact log: encodings Excel writes, every rejection rule, and the channel comparison."""

from __future__ import annotations

import math

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
    log = contact_log.read_log(log_file(write, ["2026-11-20 10:05,電話,5,はい"], header="日時,方法,返信までの分,解決\n"))
    assert log.frame.loc[0, "topic"] == "" and log.frame.loc[0, "case_id"] == ""


@pytest.mark.parametrize("row, reason", [
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
])
def test_bad_rows_are_rejected_with_a_reason_and_counted(write, row, reason):
    log = contact_log.read_log(log_file(write, GOOD + [row]))
    assert len(log.frame) == 5 and len(log.rejected) == 1 and log.total == 6
    rejected = log.rejected.iloc[0]
    assert reason in rejected["理由"] and rejected["行"] == 7
    assert "1行は内容に問題がある" in log.summary().text


def test_a_row_with_several_problems_lists_them_all(write):
    log = contact_log.read_log(log_file(write, ["x,FAX,x,-1,?,A"]))
    reasons = log.rejected.iloc[0]["理由"]
    assert reasons.count("、") == 3 and "日時" in reasons and "方法" in reasons and "解決" in reasons


def test_rejected_rows_keep_what_was_written(write):
    log = contact_log.read_log(log_file(write, GOOD[:1] + ["2026-11-20 10:05,FAX,相談,5,はい,Z-9"]))
    row = log.rejected.iloc[0]
    assert row["方法"] == "FAX" and row["ケースID"] == "Z-9" and row["内容"] == "相談"


@pytest.mark.parametrize("content, says", [
    (b"", "ファイルが空です"),
    (HEADER.encode(), "データの行がありません"),
    ("日時,内容,解決\n2026-11-20 10:05,x,はい\n".encode(), "方法（channel）、返信までの分"),
    ("date,what\n1,2\n".encode(), "必要な列がありません"),
])
def test_unusable_files_raise_japanese_value_errors(write, content, says):
    with pytest.raises(ValueError, match=says):
        contact_log.read_log(write("bad.csv", content))


def test_row_with_too_many_cells_names_its_line(write):
    with pytest.raises(ValueError, match="列の数"):
        contact_log.read_log(log_file(write, GOOD + ["2026-11-20 10:05,チャット,x,5,はい,A,余計,もっと"]))


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="見つかりません"):
        contact_log.read_log(tmp_path / "nothing.csv")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ValueError, match="開けません"):
        contact_log.read_log(tmp_path)


def test_compare_counts_medians_and_rates(write):
    log = contact_log.read_log(log_file(write, GOOD))
    table = contact_log.compare(log)
    chat, email, phone = contact_log.channel_names().values()
    assert list(table.index) == [chat, email, phone]
    assert table.loc[chat, "件数"] == 2 and table.loc[chat, "最初の返信までの分（中央値）"] == 10
    assert table.loc[email, "解決率"] == 0.5 and table.loc[phone, "解決率"] == 1.0


def test_compare_keeps_channels_without_rows(write):
    log = contact_log.read_log(log_file(write, GOOD[:1]))
    table = contact_log.compare(log)
    assert table.loc["電話", "件数"] == 0 and math.isnan(table.loc["電話", "最初の返信までの分（中央値）"])
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
    rows = [f"2026-11-20 10:{i % 60:02d},{['チャット', 'メール', '電話'][i % 3]},x,{i % 50},はい,C{i}"
            for i in range(30_000)]
    log = contact_log.read_log(log_file(write, rows))
    assert len(log.frame) == 30_000 and contact_log.compare(log)["件数"].sum() == 30_000


def test_extra_and_duplicate_columns_are_ignored(write):
    header = "日時,datetime,方法,メモ,返信までの分,解決\n"
    log = contact_log.read_log(log_file(write, ["2026-11-20 10:05,x,電話,覚え書き,5,はい"], header=header))
    assert len(log.frame) == 1 and log.frame.loc[0, "channel"] == "phone"
