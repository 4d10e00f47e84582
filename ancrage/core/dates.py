"""Calendar arithmetic shared by the apps."""

import datetime


def add_months(day, months):
    """`day` moved by `months` (negative: back), on the same day of the month
    or the last one when that month is shorter (31 January + 1 → 28 or 29
    February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
