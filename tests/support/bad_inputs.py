"""The bad-input catalogue: messy input as people really type it, across every form, the contact-log reader
and the data loaders, each with its expected result (or ``Err``: the Japanese message it must raise).

Used by ``tests/policy/test_bad_input.py`` (every entry) and ``tests/notebooks/test_promises.py`` (refusals never
repeat what was typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers import contact_log, drafts, forms, hours
from helpers.core import clock, data, progress

LONG = "0" * 100_000


@dataclass(frozen=True)
class Err:
    """An expected refusal: a ValueError whose Japanese message contains ``says``."""

    says: str


def log(text: str, encoding: str = "utf-8") -> tuple[int, int]:
    """Read a contact log given as text; return (accepted rows, refused rows)."""
    result = contact_log.read_log_bytes(text.encode(encoding), "log.csv")
    return len(result.frame), len(result.rejected)


def log_bytes(content: bytes) -> tuple[int, int]:
    result = contact_log.read_log_bytes(content, "log.csv")
    return len(result.frame), len(result.rejected)


def facts_file(text: str):
    return _load(data.load_facts, "facts.toml", text)


def hours_file(text: str):
    return _load(data.load_hours, "hours.csv", text)


def _load(loader, name: str, text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return len(loader.__wrapped__(path))


def japan_time(text: str) -> str:
    """A moment typed as ISO text (with its offset), shown in Japan time."""
    from datetime import datetime

    return clock.format_japan_time(datetime.fromisoformat(text))


def progress_file(text: str) -> tuple[int, bool]:
    """What the progress store makes of a file with ``text`` in it: (items kept, a message shown)."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "progress.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    items, message = progress.load(path)
    return len(items), message is not None


def time_of_day(text: str) -> str:
    return hours.parse_time_of_day(text).strftime("%H:%M")


H = "日時,方法,内容,返信までの分,解決,ケースID\n"
ROW = "2026-11-27 10:05,チャット,相談,5,はい,C-1\n"
FACT = (
    '[[fact]]\nid = "X"\nsection = 1\ntitle = "t"\nstatement = "s"\nstatus = "article"\n'
    'sources = [{ kind = "article", title = "a" }]\nverified_on = 2026-11-26\n'
)
HOURS = "id,channel,channel_ja,title,opens,closes,statement,status,sources,verified_on\n"
HOURS_ROW = "H,phone,電話,電話の時間,09:00,18:00,s,article,article: a,2026-11-26\n"

CATALOGUE = [
    # ---- callback_number: what goes after +81
    ("phone full-width + ー", forms.callback_number, "０９０ー１１１１ー２２２２", "90-1111-2222"),
    ("phone mixed widths", forms.callback_number, "０90-１１11-2222", "90-1111-2222"),
    ("phone en/em dashes", forms.callback_number, "090–1111—2222", "90-1111-2222"),
    ("phone minus sign", forms.callback_number, "090−1111−2222", "90-1111-2222"),
    ("phone half-width ｰ", forms.callback_number, "090ｰ1111ｰ2222", "90-1111-2222"),
    ("phone stray spaces", forms.callback_number, "  090 1111  2222  ", "90-1111-2222"),
    ("phone newline", forms.callback_number, "090-1111-2222\n", "90-1111-2222"),
    ("phone tab", forms.callback_number, "090\t1111\t2222", "90-1111-2222"),
    ("phone ideographic spaces", forms.callback_number, "０９０　１１１１　２２２２", "90-1111-2222"),
    ("phone parentheses", forms.callback_number, "(03)1234-5678", "3-1234-5678"),
    ("phone full-width parentheses", forms.callback_number, "（０３）１２３４－５６７８", "3-1234-5678"),
    ("phone +81 stray 0", forms.callback_number, "+81 090-1111-2222", "90-1111-2222"),
    ("phone full-width +81", forms.callback_number, "＋８１　９０－１１１１－２２２２", "90-1111-2222"),
    ("phone zero-width space", forms.callback_number, "090\u200b-1111-2222", "90-1111-2222"),
    ("phone BOM from a pasted file", forms.callback_number, "\ufeff090-1111-2222", "90-1111-2222"),
    ("phone bidi marks", forms.callback_number, "\u202a090-1111-2222\u202c", "90-1111-2222"),
    ("phone no-break spaces", forms.callback_number, "090\u00a01111\u00a02222", "90-1111-2222"),
    ("phone only invisible", forms.callback_number, "\u200b\u2060", Err("入力されていません")),
    ("phone empty", forms.callback_number, "", Err("入力されていません")),
    ("phone only spaces", forms.callback_number, "　 　", Err("入力されていません")),
    ("phone emoji", forms.callback_number, "📞090-1111-2222", Err("数字とハイフン以外")),
    ("phone letters", forms.callback_number, "090-ABCD-2222", Err("数字とハイフン以外")),
    ("phone kanji digits", forms.callback_number, "〇九〇-一一一一-二二二二", Err("数字とハイフン以外")),
    ("phone very long", forms.callback_number, LONG, Err("桁数")),
    ("phone too short", forms.callback_number, "090-1111", Err("桁数")),
    ("phone freephone", forms.callback_number, "0120-111-222", Err("フリーダイヤル")),
    ("phone the article's old number", forms.callback_number, "0120-999-373", Err("記事")),
    ("phone navi-dial", forms.callback_number, "0570-000-123", Err("ナビダイヤル")),
    ("phone foreign", forms.callback_number, "+1 650 253 0000", Err("日本（+81）以外")),
    ("phone without 0", forms.callback_number, "90-1111-2222", Err("0から始まります")),
    # ---- order_number
    ("order full-width", forms.order_number, "２４９－１２３４５６７－１２３４５６７", "249-1234567-1234567"),
    ("order ー dashes", forms.order_number, "249ー1234567ー1234567", "249-1234567-1234567"),
    ("order bare 17 digits", forms.order_number, "24912345671234567", "249-1234567-1234567"),
    ("order spaces and newline", forms.order_number, " 249 1234567 1234567\n", "249-1234567-1234567"),
    ("order soft hyphens", forms.order_number, "249\u00ad1234567\u00ad1234567", "249-1234567-1234567"),
    ("order word joiners", forms.order_number, "249-\u20601234567-1234567\u2060", "249-1234567-1234567"),
    ("order 16 digits", forms.order_number, "249-1234567-123456", Err("16桁")),
    ("order 18 digits", forms.order_number, "249-1234567-12345678", Err("18桁")),
    ("order tracking id", forms.order_number, "TBA123456789012", Err("追跡番号")),
    ("order emoji", forms.order_number, "249-1234567-1234567🙂", Err("数字だけ")),
    ("order empty", forms.order_number, "", Err("入力されていません")),
    ("order very long", forms.order_number, LONG, Err("17桁")),
    # ---- card_last4 (the refused input is never repeated)
    ("last4 full-width", forms.card_last4, "１２３４", "1234"),
    ("last4 with spaces", forms.card_last4, " 12 34 ", "1234"),
    ("last4 zero-width joiner", forms.card_last4, "12\u200d34", "1234"),
    ("last4 whole card number", forms.card_last4, "4111-1111-1111-1111", Err("下4桁だけ")),
    ("last4 five digits", forms.card_last4, "12345", Err("下4桁だけ")),
    ("last4 three digits", forms.card_last4, "123", Err("4桁の数字")),
    ("last4 letters", forms.card_last4, "12ab", Err("数字だけ")),
    ("last4 empty", forms.card_last4, "", Err("4桁の数字")),
    # ---- time of day
    ("time full-width colon", time_of_day, "１７：３０", "17:30"),
    ("time kanji", time_of_day, "１７時３０分", "17:30"),
    ("time out of range", time_of_day, "25:00", Err("17:30")),
    ("time words", time_of_day, "午後五時", Err("17:30")),
    # ---- redaction keeps order numbers, masks the rest
    (
        "redact mixed",
        drafts.redact,
        "注文249-1234567-1234567／携帯０８０ー２３４５ー６７８９",
        f"注文249-1234567-1234567／携帯{drafts.PHONE_MASK}",
    ),
    ("redact emoji untouched", drafts.redact, "よろしくお願いします🙇", "よろしくお願いします🙇"),
    ("redact kanji numerals", drafts.redact, "〇九〇・一一一一・二二二二へ", "［電話番号］へ"),
    ("redact slashes and dots", drafts.redact, "090/1111/2222 と 03.1234.5678", "［電話番号］ と ［電話番号］"),
    ("redact invisible between groups", drafts.redact, "090\u200b1111\u20602222", "［電話番号］"),
    ("redact line break inside", drafts.redact, "090-1111-\n2222 まで", "［電話番号］ まで"),
    ("redact +81 and 0081", drafts.redact, "+81 90-1111-2222 / 0081-3-1234-5678", "［電話番号］ / ［電話番号］"),
    ("redact full-width at", drafts.redact, "taro＠example.com", "［メールアドレス］"),
    ("redact card in dots", drafts.redact, "4111.1111.1111.1111", "［カード番号］"),
    ("redact keeps a digital order", drafts.redact, "D01-1234567-1234567 の件", "D01-1234567-1234567 の件"),
    (
        "redact keeps JAN and postal code",
        drafts.redact,
        "JAN 4901234567894、〒100-0001",
        "JAN 4901234567894、〒100-0001",
    ),
    # ---- contact-log reader
    ("log UTF-8", log, H + ROW, (1, 0)),
    ("log Shift_JIS", lambda t: log(t, "cp932"), H + ROW, (1, 0)),
    ("log UTF-8 BOM", lambda t: log_bytes(b"\xef\xbb\xbf" + t.encode()), H + ROW, (1, 0)),
    ("log full-width minutes", log, H + ROW.replace(",5,", ",５,"), (1, 0)),
    ("log full-width date", log, H + ROW.replace("2026-11-27 10:05", "２０２６－１１－２７　１０：０５"), (1, 0)),
    ("log emoji channel", log, H + ROW.replace("チャット", "💬"), (0, 1)),
    ("log stray spaces", log, H + ROW.replace("チャット", " チャット "), (1, 0)),
    ("log empty", log, "", Err("ファイルが空です")),
    ("log header only", log, H, Err("データの行がありません")),
    ("log wrong columns", log, "a,b\n1,2\n", Err("必要な列がありません")),
    ("log truncated mid-row", log, H + ROW + "2026-11-27 11:00,メー", (1, 1)),
    ("log binary junk", log_bytes, b"\x00\x01\x02\xff\xfe", Err("log.csv")),
    ("log extra field in the first row", log, H + ROW.replace("相談", "相談,追加") + ROW, (1, 1)),
    ("log trailing commas", log, H + ROW.replace("\n", ",\n") + ROW, (2, 0)),
    ("log spaced header", log, H.replace(",", " , ") + ROW, (1, 0)),
    ("log boolean minutes", log, H + ROW.replace(",5,", ",True,"), (0, 1)),
    ("log markup in cells", log, H + ROW.replace("相談", "<img src=x onerror=alert(1)>"), (1, 0)),
    ("log unclosed quote", log, H + ROW.replace("相談", '"相談'), Err("閉じていない")),
    (
        "log wrong encoding mid-file",
        log_bytes,
        (H + ROW).encode() + "2026-11-27 11:00,電話,相談,5,はい,C-2\n".encode("cp932"),
        Err("文字コード"),
    ),
    # ---- Japan time at the calendar's edges
    ("time in Japan", japan_time, "2026-11-27T00:30:00+00:00", "日本時間 11月27日（金）9:30"),
    ("time past the calendar's end", japan_time, "9999-12-31T23:00:00+00:00", Err("範囲")),
    ("time before the calendar's start", japan_time, "0001-01-01T00:00:00+12:00", Err("範囲")),
    # ---- the progress file
    ("progress good", progress_file, '{"version": 1, "items": {"quiz": {"score": 3}}}', (1, False)),
    ("progress not JSON", progress_file, "{oops", (0, True)),
    ("progress wrong shape", progress_file, "[1, 2, 3]", (0, True)),
    ("progress deep nesting", progress_file, "[" * 100_000 + "]" * 100_000, (0, True)),
    ("progress lone surrogate", progress_file, '{"version": 1, "items": {"\\ud800": {}}}', (0, True)),
    ("progress empty", progress_file, "", (0, True)),
    # ---- data loaders
    ("facts good", facts_file, FACT, 1),
    ("facts truncated", facts_file, FACT[: len(FACT) // 2], Err("facts.toml")),
    ("facts emoji status", facts_file, FACT.replace('status = "article"', 'status = "🆗"'), Err("「status」")),
    ("facts very long title", facts_file, FACT.replace('"t"', '"' + "あ" * 100_000 + '"'), 1),
    ("facts full-width date", facts_file, FACT.replace("2026-11-26", '"２０２６-１１-２６"'), Err("「verified_on」")),
    ("facts Shift_JIS file", lambda t: facts_file(t.encode("cp932")), FACT.replace('"t"', '"題"'), Err("UTF-8")),
    ("hours good", hours_file, HOURS + HOURS_ROW, 1),
    ("hours full-width time", hours_file, HOURS + HOURS_ROW.replace("09:00", "０９:００"), Err("「opens」")),
    ("hours truncated row", hours_file, HOURS + HOURS_ROW[:20], Err("列の数")),
    ("hours empty", hours_file, "", Err("空です")),
]
