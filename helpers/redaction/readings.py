"""Readings of the free groups of a cluster as phone numbers and cards, and the heaviest of them.

A window is a run of groups k..j that can be read as one number: ``phone_windows`` and ``card_windows`` list
those starting at a group; ``best_reading`` picks, among all ways to read a stretch of free groups as
non-overlapping windows, the heaviest; ``whole_card`` says whether a whole stretch is a card in any grouping.

>>> from helpers.redaction.clusters import digit_clusters
>>> from helpers.redaction.fold import view_of
>>> text = "08 0081-3-1163-7225"
>>> [cluster] = digit_clusters(text, *view_of(text))
>>> cluster.digits
('08', '0081', '3', '1163', '7225')
>>> best_reading(cluster, reading_starts(cluster, [FREE] * 5), [FREE] * 5, 0, 4)  # 08, then a phone number
[(1, 4, '［電話番号］')]
"""

from __future__ import annotations

import bisect

from helpers.redaction.checks import international_status, luhn_ok, valid_japanese
from helpers.redaction.clusters import MAX_ITEM_DIGITS, Cluster
from helpers.redaction.masks import CARD_MASK, PHONE_MASK

# What a group is while its cluster is read: not yet read, protected, masked. FREE is 0, the only false one.
FREE, KEPT, MASKED = 0, 1, 2
_CUT = 20  # what cutting through a number written with dashes, dots, slashes... costs a reading


def reading_starts(cluster: Cluster, state: list[int]) -> list[int]:
    """Return the free groups where a phone number or a card can start: only these are read."""
    sizes, sums, index_of_sum = cluster.sizes, cluster.sums, cluster.index_of_sum
    total = sums[-1]
    return [
        k
        for k, (size, digits, base) in enumerate(zip(sizes, cluster.digits, sums))
        if state[k] == FREE
        and (
            (
                digits[0] == "0" and (base + 10 in index_of_sum or base + 11 in index_of_sum or digits[1:2] == "0")
            )  # a national or international number
            or (
                size >= 4
                and base + 13 <= total  # a card: a group ends 13-19 digits on
                and sums[bisect.bisect_left(sums, base + 13, k)] <= base + MAX_ITEM_DIGITS
            )
            or digits == "81"
            or (k == 0 and cluster.plus is not None)
        )
    ]


def best_reading(
    cluster: Cluster, candidates: list[int], state: list[int], a: int, b: int
) -> list[tuple[int, int, str]]:
    """The phone numbers and cards to mask among the free groups a..b, as (first, last, mask).

    Of all the ways to read the groups as non-overlapping numbers, the one with the highest weight, then the
    fewest numbers; ties go to the leftmost number. A number weighs its digits, three times for a valid phone
    number, twice for a card in its usual grouping, less 20 for each end that cuts through groups joined by a
    dash, dot, slash... (not by a space or a line break): numbers are delimited by spaces. So
    "08 0081-3-1163-7225" is 08 and a phone number, not 0800-813-1163 and 7225; "+81-6-0000 1175 2512973994"
    is a phone number and a case id even if 1175 2512973994 passes Luhn; in "1000000000 4000-0000-0000-0002"
    the card is 4000-0000-0000-0002, not 1000000000 4000 0000. An end next to a mask or the end of the
    cluster cuts nothing; an end next to a protected form does, as it will in the output. Only the groups of
    ``candidates`` start a number.
    """
    digits, sizes, sums, soft, plus = cluster.digits, cluster.sizes, cluster.sums, cluster.soft, cluster.plus
    n = len(sizes)
    lo = bisect.bisect_left(candidates, a)
    hi = bisect.bisect_right(candidates, b)
    free_starts = [k for k in candidates[lo:hi] if state[k] == FREE]
    if not free_starts:
        return []
    soft_left = a == 0 or state[a - 1] == MASKED
    soft_right = b == n - 1 or state[b + 1] == MASKED
    # best_from[p - a]: the best reading of groups p..b, as (weight, -count); filled from the right.
    best_from: list[tuple[int, int]] = [(0, 0)] * (b - a + 2)
    choice: dict[int, tuple[int, str]] = {}
    score = (0, 0)  # the best from the start after k, which was just done
    done = b + 1
    for k in reversed(free_starts):
        best_from[k + 1 - a : done - a] = [score] * (done - k - 1)
        done = k
        chosen = None
        first = digits[k]
        if first[0] == "0" or (k == 0 and plus is not None) or first == "81":
            items = [(j, valid, PHONE_MASK) for j, valid in phone_windows(cluster, k, b)]
        else:
            items = []
        if first[0] != "0" and sizes[k] >= 4:
            items += [(j, usual, CARD_MASK) for j, usual in card_windows(cluster, k, b)]
        if not items:
            best_from[k - a] = score
            continue
        cut_before = (k > a or not soft_left) and k > 0 and not soft[k - 1]
        base = sums[k]
        for j, strong, mask in items:
            weight = (sums[j + 1] - base) * (1 + strong + (strong and mask is PHONE_MASK))
            if cut_before:
                weight -= _CUT
            if (j < b or not soft_right) and j < n - 1 and not soft[j]:
                weight -= _CUT
            if weight <= 0:
                continue
            rest = best_from[j + 1 - a]
            option = (rest[0] + weight, rest[1] - 1)
            if option > score or (option == score and not chosen):  # a tie: the leftmost number
                score, chosen = option, (j, mask)
        best_from[k - a] = score
        if chosen:
            choice[k] = chosen
    out = []
    position = a
    while True:
        i = bisect.bisect_left(free_starts, position)
        if i == len(free_starts):
            break
        k = free_starts[i]
        if k in choice:
            j, mask = choice[k]
            out.append((k, j, mask))
            position = j + 1
        else:
            position = k + 1
    return out


def whole_card(cluster: Cluster, k: int, j: int) -> bool:
    """Whether groups k..j, a whole stretch of their cluster, are a card number in any grouping."""
    sizes, sums, seps = cluster.sizes, cluster.sums, cluster.seps
    total = sums[j + 1] - sums[k]
    if not 13 <= total <= MAX_ITEM_DIGITS or cluster.digits[k][0] == "0" or (k == 0 and cluster.plus is not None):
        return False
    if max(sizes[k : j + 1]) < 4 or (j == k + 1 and seps[k] == "." and sizes[k] <= 3):  # 3.14159265358979
        return False
    if not luhn_ok(cluster.digits_of(k, j)):
        return False
    # "10:05 090-1111-2222", "3 090-1111-2222": up to 3 digits and then a phone number are not a card.
    m = k + 1
    while m <= j and sums[m] - sums[k] <= 3:
        first = cluster.digits[m]
        if (first[0] == "0" or first == "81") and any(w == j for w, _ in phone_windows(cluster, m, j)):
            return False
        m += 1
    return True


def phone_windows(cluster: Cluster, k: int, limit: int) -> list[tuple[int, bool]]:
    """The phone numbers starting at group k (not past ``limit``): (index of the last group, valid).

    Valid numbers per ``phonenumbers``; also, not valid, numbers after a '+' that are possible, and Japanese
    numbers only written like one ("090-0000-0000").
    """
    sizes, sums, seps, joined = cluster.sizes, cluster.sums, cluster.seps, cluster.joined
    index_of_sum, plus = cluster.index_of_sum, cluster.plus
    first = cluster.digits[k]
    windows = []
    # International: +CC, 00CC, 010 CC, or 81 as its own group.
    strip, japan_only = None, False
    if k == 0 and plus is not None:
        strip = 0
    elif first.startswith("010") and (len(first) > 3 or k < limit):
        strip = 3
    elif first.startswith("00") and (len(first) > 2 or k < limit):
        strip = 2
    elif first == "81" and k < limit and "." not in seps[k]:
        strip, japan_only = 0, True
    if strip is not None:
        for j in range(k, limit + 1):
            total = sums[j + 1] - sums[k] - strip
            if total > 17:
                break
            if total < 7:
                continue
            status = international_status(joined[sums[k] + strip : sums[j + 1]], japan_only)
            if status == 2:
                windows.append((j, not japan_only))  # 81 without + is weak evidence
            elif status == 1 and k == 0 and plus is not None:
                windows.append((j, False))
    # Japanese national numbers: 0 + 9-10 digits.
    if first[0] == "0" and first[1:2] != "0":
        base = sums[k]
        for total in (10, 11):
            after = index_of_sum.get(base + total)
            if after is None or after > limit + 1:
                continue
            if valid_japanese(joined[base : base + total]):
                windows.append((after - 1, True))
            elif after - k <= 4 and _phone_like(sizes[k:after]) and "." not in "".join(seps[k : after - 1]):
                windows.append((after - 1, False))
    return windows


def _phone_like(sizes) -> bool:
    """Whether groups of these sizes are written like a Japanese number: bare, or 2-5, 1-4..., 3-4 digits."""
    if len(sizes) == 1:
        return True
    return 2 <= len(sizes) <= 4 and 2 <= sizes[0] <= 5 and 3 <= sizes[-1] <= 4 and all(1 <= s <= 4 for s in sizes[1:-1])


def card_windows(cluster: Cluster, k: int, limit: int) -> list[tuple[int, bool]]:
    """The card numbers starting at group k (not past ``limit``): (index of the last group, usual grouping).

    13-19 digits passing Luhn, in at most 8 groups, the first of 4 or more digits. Usual groupings break only
    where a printed card does: after 4, 8, 12, 16 digits (ending in 1-4 digits or in whole groups of 4), or
    after 4 and 10 (Amex, Diners); so bare digits, 4111 1111 1111 1111, 41111111 1111 1111,
    3782 822463 10005. Other groupings count less (3782 82246310005, 1000000000 0081, 1111 2222 1234567890).
    Two groups joined by a dot only as 4 + the rest: 12345.67890123456 is a decimal.
    """
    sizes, sums, seps, joined = cluster.sizes, cluster.sums, cluster.seps, cluster.joined
    if sizes[k] < 4:
        return []
    found = []
    base = sums[k]
    by_fours, by_amex = True, sizes[k] == 4
    for j in range(k, min(limit, k + 7) + 1):
        total = sums[j + 1] - base
        if total > MAX_ITEM_DIGITS:
            break
        if j > k:
            cut = sums[j] - base
            by_fours = by_fours and cut % 4 == 0
            by_amex = by_amex and cut in (4, 10)
        if total < 13 or (j == k + 1 and seps[k] == "." and sizes[k] != 4):
            continue
        if luhn_ok(joined[base : sums[j + 1]]):
            last = sizes[j]  # a printed card ends in a group of 1-4 digits (or several groups run together)
            found.append((j, (by_fours and (last <= 4 or last % 4 == 0)) or by_amex))
    return found
