"""The protected forms of a cluster, which are kept as written: order numbers, ISBN, barcodes, dates, postal codes.

``protected_end`` says where a protected form starting at a group ends; ``protected_starts`` lists the only
groups where one can start. No phone or card is read across a protected form.

>>> from helpers.redaction.clusters import digit_clusters
>>> from helpers.redaction.fold import view_of
>>> def form_at_start(text):
...     view, to_orig = view_of(text)
...     cluster = next(digit_clusters(text, view, to_orig))
...     return cluster.digits[:protected_end(view, cluster, 0) + 1]
>>> form_at_start("2026-11-27 090-1111-2222"), form_at_start("JAN 4901234567894 03-1234-5678")
(('2026', '11', '27'), ('4901234567894',))
>>> form_at_start("090-1111-2222 2026-11-27")
()
"""

from __future__ import annotations

from helpers.redaction.checks import ean_ok, isbn10_ok, luhn_ok
from helpers.redaction.clusters import Cluster

_CONTEXT_BARCODE = ("ISBN", "JAN", "EAN", "GTIN", "UPC", "バーコード", "商品コード")
_CONTEXT_POSTAL = ("〒", "郵便", "ZIP", "POSTAL")


def protected_starts(cluster: Cluster) -> list[int]:
    """Return the groups where a protected form can start: the first, a group of 4 digits before short ones (a
    date, a postal code), and those whose next 17, 16, 13 or 10 digits end with a group (orders, ISBN, JAN)."""
    sizes = cluster.sizes
    far = len(sizes) + 9  # "no group there"
    ends = cluster.index_of_sum.get
    return [
        k
        for k, (size, following, base) in enumerate(zip(sizes, sizes[1:] + [99], cluster.sums))
        if k == 0
        or (size == 4 and following <= 2)  # a date, a postal code
        or ends(base + 17, far) - k <= 3
        or ends(base + 16, far) - k <= 3  # orders
        or ends(base + 13, far) - k <= 5  # ISBN-13, JAN/EAN-13
        or ends(base + 10, -9) - k == 4
    ]  # ISBN-10


def protected_end(view: str, cluster: Cluster, k: int) -> int:
    """Index of the last group of a protected form starting at group k, or -1."""
    digits, sizes, sums, seps = cluster.digits, cluster.sizes, cluster.sums, cluster.seps
    index_of_sum = cluster.index_of_sum
    base = sums[k]
    start = cluster.starts[k]
    # Amazon order numbers: 3-7-7 (any separators), bare, or partly bare (249 12345671234567,
    # 2491234567-1234567); digital orders D01-1234567-1234567.
    forms = [(17, (3, 10))]
    if start and view[start - 1] in "Dd":
        forms.append((16, (2, 9)))
    for total, cuts in forms:
        after = index_of_sum.get(base + total)
        if after is None or after - k > 3 or not all(sums[i] - base in cuts for i in range(k + 1, after)):
            continue
        # With a space, two numbers unless neither can be a phone or card: "0312345678 1234567" is a phone
        # number and another number, "100 36000000000008" a quantity and a card, "100 00815012345678" a quantity
        # and a phone number written from abroad.
        if (
            after == k + 2
            and cluster.soft[k]
            and (
                digits[k][0] == "0"
                if sums[k + 1] - base == cuts[1]
                else digits[k + 1][0] == "0" or luhn_ok(digits[k + 1])
            )
        ):
            continue
        return after - 1
    # 13 digits: ISBN-13 (978/979); JAN/EAN-13 bare or 1-6-6, or after a context word.
    after = index_of_sum.get(base + 13)
    if after is not None and after - k <= 5:
        number = cluster.digits_of(k, after - 1)
        if ean_ok(number):
            # ISBN-13 bare, 978-4065199817, or 978-4-06-519981-7 (ending in the check digit alone).
            if number[:3] in ("978", "979") and (
                after - k == 1 or (sizes[k] == 3 and (after - k == 2 or sizes[after - 1] == 1))
            ):
                return after - 1
            if number[:2] in ("45", "49") and (after - k == 1 or sizes[k:after] == [1, 6, 6]):
                return after - 1
            if k == 0 and _context(view, start, _CONTEXT_BARCODE):
                return after - 1
    # ISBN-10: four groups ending in the check digit, or after the word ISBN.
    after = index_of_sum.get(base + 10)
    if (
        after is not None
        and (
            (after - k == 4 and sizes[after - 1] == 1 and _unit(seps, k, after - 1))
            or (k == 0 and after - k <= 4 and _context(view, start, ("ISBN",)))
        )
        and isbn10_ok(cluster.digits_of(k, after - 1))
    ):
        return after - 1
    # Dates: 2026-11-27, 2026/11/27, 2026.11.27.
    if (
        sizes[k] == 4
        and k + 2 < len(sizes)
        and sizes[k + 1] <= 2
        and sizes[k + 2] <= 2
        and seps[k] == seps[k + 1]
        and seps[k] in ("-", "/", ".")
        and "1900" <= digits[k] <= "2099"
        and 1 <= int(digits[k + 1]) <= 12
        and 1 <= int(digits[k + 2]) <= 31
    ):
        return k + 2
    # Postal codes after 〒 or 郵便番号: 〒100-0001, 〒 100 0001, 〒1000001.
    if k == 0 and _context(view, start, _CONTEXT_POSTAL, 8):
        if sizes[k] == 3 and k + 1 < len(sizes) and sizes[k + 1] == 4:
            return k + 1
        if sizes[k] == 7:
            return k
    return -1


def _context(view: str, start: int, words, width: int = 16) -> bool:
    """Whether one of ``words`` is written in the ``width`` characters before ``start``."""
    before = view[max(0, start - width) : start].upper()
    return any(word in before for word in words)


def _unit(seps, first, last) -> bool:
    """Whether groups first..last are joined by one and the same separator, and their neighbours by another
    (4-06-519981-X is one ISBN-10; in "0466-01-8900 978-0-..." the groups 01 8900 978 0 are not)."""
    inner = set(seps[first:last])
    if len(inner) != 1:
        return not inner
    sep = inner.pop()
    return (first == 0 or seps[first - 1] != sep) and (last == len(seps) or seps[last] != sep)
