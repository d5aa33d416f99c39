"""Check and tidy what a seller types into Amazon's contact forms.

Each function takes text as typed on a Japanese keyboard (full-width digits, look-alike dashes, stray spaces)
and returns the form's canonical value, or raises ``ValueError`` with a Japanese message that says what to
type instead. Messages never repeat what was typed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from helpers.core import data

# The character tables live in the engine (helpers.core.text), shared with redaction.
from helpers.core.text import (
    EXTRA_INVISIBLE,  # noqa: F401 - a public name of forms too: outside checks call it
    is_invisible,
)
from helpers.core.text import FORM_DASHES as DASHES

_DASH_RE = re.compile(f"[{re.escape(DASHES)}]")
_SPACE_RE = re.compile(r"\s+")
CARD_DIGITS = 4


def normalize(text: str) -> str:
    """Fold full-width characters and look-alike dashes, and drop spaces, line breaks and invisible characters.

    Invisible characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks: Unicode's
    format characters) come with copied text; a no-break space is a space.

    >>> normalize("０９０\u200b－１１１１\u00a0ー２２２２")
    '090-1111-2222'
    """
    if not isinstance(text, str):
        raise ValueError("文字で入力してください。")
    folded = _without_invisible(unicodedata.normalize("NFKC", text))
    return _SPACE_RE.sub("", _DASH_RE.sub("-", folded))


def _without_invisible(text: str) -> str:
    return "".join(ch for ch in text if not is_invisible(ch))


def _digits_only(text: str) -> str:
    return text.replace("-", "")


LONG_VOWEL_MARKS = "ーｰ"


def tidied(text: str) -> tuple[str, ...]:
    """Name what ``normalize`` changes in ``text``, so the learner knows what Amazon's own form may refuse.

    ``"full_width"`` (full-width digits or letters), ``"long_vowel"`` (「ー」 used as a dash), ``"dash"`` (another
    look-alike dash), ``"space"`` (spaces or line breaks), ``"invisible"`` (invisible characters, e.g. from a
    copied text). Empty when the text was already clean.

    >>> tidied("０９０ー１１１１ー２２２２")
    ('full_width', 'long_vowel')
    >>> tidied("090-1111-2222")
    ()
    """
    if not isinstance(text, str):
        return ()
    found = []

    def nfkc(ch: str) -> str:
        return unicodedata.normalize("NFKC", ch)

    if any(nfkc(ch) != ch and nfkc(ch).isascii() and not nfkc(ch).isspace() for ch in text):
        found.append("full_width")
    if any(ch in LONG_VOWEL_MARKS for ch in text):
        found.append("long_vowel")
    if any(ch in DASHES and nfkc(ch) != "-" and ch not in LONG_VOWEL_MARKS for ch in text):
        found.append("dash")
    if _SPACE_RE.search(unicodedata.normalize("NFKC", text).strip()):
        found.append("space")
    if _without_invisible(text) != text:
        found.append("invisible")
    return tuple(found)


def article_number(digits: str):
    """The article's old number (a record of ``data/phone_numbers.csv``) these national digits are, or None."""
    for record in data.load_phone_numbers():
        if _digits_only(record.number) == digits:
            return record
    return None


# ---------------------------------------------------------------- callback number

# Number types that can take Amazon's call back (phonenumbers' names).
_CALLABLE_TYPES = {"FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP", "PERSONAL_NUMBER"}
_REFUSED_TYPES = {
    "TOLL_FREE": "{toll_free} のフリーダイヤルは国内専用で、海外からかかってくる電話を受けられません。",
    "UAN": "{navi_dial} のナビダイヤルは、海外からかかってくる電話を受けられません。",
}
_USE_INSTEAD = "携帯電話（{mobile}）か固定電話の番号を入力してください。"


def _phone_facts() -> dict[str, str]:
    """The number plan the messages name, from the fact E164 (never restated here)."""
    from helpers.core import registry

    return registry.get("E164").values


def callback_number(text: str) -> str:
    """Return what goes after the form's ``+81``: the number without its leading 0, grouped as it is dialled.

    ``"090-1111-2222"`` → ``"90-1111-2222"``, ``"03-1234-5678"`` → ``"3-1234-5678"``. Full-width digits, any
    dash look-alike, spaces, parentheses and a leading ``+81`` (with or without the stray 0) are accepted.
    Raises ``ValueError`` for anything that is not a Japanese number able to take a call from abroad.
    """
    import phonenumbers

    facts = _phone_facts()
    example = facts["example_domestic"]
    cleaned = re.sub(r"[()]", "", normalize(text))
    if not cleaned:
        raise ValueError(f"電話番号が入力されていません。自分の電話番号を {example} のように入力してください。")
    if cleaned.startswith("+"):
        if not cleaned.startswith("+81"):
            raise ValueError("日本（+81）以外の国の番号は使えません。日本の電話番号を入力してください。")
        national = cleaned[3:].lstrip("-")
        national = national if national.startswith("0") else "0" + national
    else:
        national = cleaned
    if not re.fullmatch(r"[0-9-]+", national, re.ASCII):
        raise ValueError(
            f"電話番号に数字とハイフン以外の文字が入っています。数字だけで入力してください（例: {example}）。"
        )
    digits = _digits_only(national)
    if article_number(digits) or article_number("0" + digits):
        raise ValueError(
            "入力した番号は、記事に Amazon の番号として載っていた古い番号で、あなたの電話番号ではありません。"
            "この番号にはかけないでください。折り返しを受ける、あなた自身の携帯電話か固定電話の"
            "番号を入力してください。"
        )
    if not digits.startswith("0"):
        raise ValueError(
            f"国内の電話番号は0から始まります。先頭の0も含めて入力してください（例: {example}）。"
            "+81 の後ろに入れる形は、こちらで作ります。"
        )
    if not 10 <= len(digits) <= 11:
        raise ValueError(
            f"電話番号の桁数が合いません（入力は{len(digits)}桁）。日本の電話番号は0から始まる10桁"
            "（固定電話）か11桁（携帯電話など）です。"
        )
    number = phonenumbers.parse(digits, "JP")
    if not phonenumbers.is_valid_number_for_region(number, "JP"):
        raise ValueError("日本で使われている電話番号の形になっていません。番号を確かめて入力し直してください。")
    kind = _type_name(phonenumbers.number_type(number))
    use_instead = _USE_INSTEAD.format(mobile=facts["mobile_prefixes"])
    if kind in _REFUSED_TYPES:
        raise ValueError(_REFUSED_TYPES[kind].format(**facts) + use_instead)
    if kind not in _CALLABLE_TYPES:
        raise ValueError("この種類の番号は、折り返しの電話を受ける番号として使えません。" + use_instead)
    national_format = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return national_format.removeprefix("0")


def _type_name(value: int) -> str:
    from phonenumbers import PhoneNumberType

    return next((name for name, v in vars(PhoneNumberType).items() if name.isupper() and v == value), "UNKNOWN")


# ---------------------------------------------------------------- order number


def order_number(text: str) -> str:
    """Return an Amazon order number in its canonical 3-7-7 form, e.g. ``"249-1234567-1234567"``.

    Accepts full-width digits, any dash look-alike, spaces, or 17 bare digits; a digital order's number keeps
    its ``D`` (``"D01-1234567-1234567"``). Refuses anything else, with a hint when the input looks like a tracking
    ID. The form and the example come from the fact ORDER-ID.
    """
    from helpers.core import registry

    example = registry.get("ORDER-ID").values["example"]
    groups = [len(group) for group in example.split("-")]
    shape = "桁-".join(map(str, groups)) + "桁"
    cleaned = normalize(text).upper()
    if not cleaned:
        raise ValueError(f"注文番号が入力されていません。{example} のような{sum(groups)}桁の番号を入力してください。")
    digital = re.fullmatch(r"D([0-9]{2})-?([0-9-]+)", cleaned, re.ASCII)
    if not re.fullmatch(r"[0-9-]+", digital[2] if digital else cleaned, re.ASCII):
        raise ValueError(
            f"注文番号は数字だけでできています（例: {example}）。英字などが入っている番号は、"
            "配送の追跡番号など別の番号かもしれません。注文履歴で注文番号を確かめてください。"
        )
    digits = "D" + _digits_only(digital[1] + digital[2]) if digital else _digits_only(cleaned)  # D counts as one
    if len(digits) != sum(groups):
        hint = "配送の追跡番号など、別の番号ではありませんか？" if len(digits) <= 13 and not digital else ""
        raise ValueError(
            f"注文番号は{sum(groups)}桁です（入力は{len(digits)}桁）。{hint}"
            f"{example} のように {shape} で入力してください。"
        )
    starts = [sum(groups[:i]) for i in range(len(groups) + 1)]
    return "-".join(digits[a:b] for a, b in itertools.pairwise(starts))


# ---------------------------------------------------------------- last four digits


def normalize_or_empty(text) -> str:
    """``normalize`` for text being typed: anything that is not text counts as nothing typed."""
    return normalize(text) if isinstance(text, str) else ""


def last4_problem(text: str) -> str | None:
    """What is wrong with a card field's entry (never repeating it), or None when it is four digits."""
    try:
        card_last4(text)
    except ValueError as exc:
        return str(exc)
    return None


def card_last4_or_empty(text: str) -> str:
    """The four digits of a card field's entry, or "" while it is not (yet) four digits."""
    return "" if last4_problem(text) else card_last4(text)


def card_last4(text: str) -> str:
    """Return the last four digits of a card or bank account, refusing anything longer.

    The refused input is never echoed in the message, and the error carries no reference to it.
    """
    try:
        digits = _digits_only(normalize(text))
    except ValueError:
        digits = None
    if digits is None or not re.fullmatch(r"[0-9]*", digits, re.ASCII):
        raise ValueError("下4桁は数字だけで入力してください（例: 1234）。") from None
    if len(digits) > CARD_DIGITS:
        raise ValueError(
            "入力できるのは下4桁だけです。カード番号や口座番号の全部は入力しないでください。"
            "最後の4桁だけを入力してください。"
        ) from None
    if len(digits) < CARD_DIGITS:
        raise ValueError("下4桁を、4桁の数字で入力してください（例: 1234）。") from None
    return digits
