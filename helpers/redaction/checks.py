"""Check digits (Luhn for cards, EAN-13, ISBN-10) and what ``phonenumbers`` says about a number.

>>> luhn_ok("4111111111111111"), ean_ok("4901234567894"), isbn10_ok("0306406152")
(True, True, True)
>>> valid_japanese("09011112222"), valid_japanese("09000000000"), international_status("14155550100", False)
(True, False, 2)
"""

from __future__ import annotations

import functools

_DOUBLED = str.maketrans("0123456789", "0246813579")  # the digit sum of 2 × d


@functools.lru_cache(maxsize=16384)  # long pastes repeat the same groups (4111 4111 …)
def luhn_ok(digits: str) -> bool:
    """Whether ``digits`` pass the Luhn check of card numbers."""
    backwards = digits[::-1]
    kept, doubled = backwards[0::2], backwards[1::2].translate(_DOUBLED)
    return (sum(kept.encode()) + sum(doubled.encode()) - 48 * len(digits)) % 10 == 0


def ean_ok(digits: str) -> bool:
    """Whether the 13 ``digits`` end in their EAN-13 (JAN, ISBN-13) check digit."""
    odd, even = digits[0:12:2], digits[1:12:2]
    total = sum(odd.encode()) - 48 * 6 + 3 * (sum(even.encode()) - 48 * 6)
    return (10 - total % 10) % 10 == ord(digits[12]) - 48


def isbn10_ok(digits: str) -> bool:
    """Whether the 10 ``digits`` end in their ISBN-10 check digit."""
    return sum((10 - i) * (ord(ch) - 48) for i, ch in enumerate(digits)) % 11 == 0


@functools.lru_cache(maxsize=8192)
def valid_japanese(digits: str) -> bool:
    """Whether the national ``digits`` (0 and 9-10 more) are a valid Japanese number for ``phonenumbers``."""
    import phonenumbers  # on first use, so that importing the kit stays quick

    try:
        number = phonenumbers.parse(digits, "JP")
    except phonenumbers.NumberParseException:
        return False
    return number.country_code == 81 and phonenumbers.is_valid_number(number)


@functools.lru_cache(maxsize=8192)
def international_status(digits: str, japan_only: bool) -> int:
    """2 when "+digits" is a valid number, 1 when only a possible one, 0 otherwise."""
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return 0
    if japan_only and number.country_code != 81:
        return 0
    if phonenumbers.is_valid_number(number):
        return 2
    return 1 if not japan_only and phonenumbers.is_possible_number(number) else 0
