"""Periods of a series: the next wave's dates (shifted by whole months, from
the dates planned for this wave) and its period label (« T4 2026 » →
« T1 2027 »)."""

import datetime
import re

from ancrage.core.dates import add_months

# Bounds of a campaign's dates: answers are taken for a year at most, and a
# campaign is prepared two years ahead at most.
MAX_LENGTH = datetime.timedelta(days=366)
MAX_AHEAD = datetime.timedelta(days=731)


def next_dates(campaign, months, today):
    """(opens_on, closes_on) of the wave after `campaign`, from its planned
    dates (closing early does not change them): the recurrence's step later,
    or else right after this wave for as long."""
    closes_on = campaign.closes_on
    if months:
        return add_months(campaign.opens_on, months), add_months(closes_on, months)
    opens_on = max(campaign.ends_on, today) + datetime.timedelta(days=1)
    return opens_on, opens_on + (closes_on - campaign.opens_on)


LABEL_PATTERNS = (
    (re.compile(r"^T([1-4]) (\d{4})$"), 4, 3, "T{} {}"),
    (re.compile(r"^S([12]) (\d{4})$"), 2, 6, "S{} {}"),
)
YEAR = re.compile(r"^(\d{4})$")


def advance_label(label, months, wave):
    """The next wave's period label: « T4 2026 » → « T1 2027 », « S1 2026 » →
    « S2 2026 », « 2026 » → « 2027 », otherwise « <label> (vague N) ».
    `months`: the recurrence's step (None: one period of the label)."""
    label = label.strip()
    for pattern, per_year, size, shape in LABEL_PATTERNS:
        match = pattern.match(label)
        if match and (months is None or months % size == 0):
            index = int(match[1]) - 1 + (months // size if months else 1)
            return shape.format(index % per_year + 1, int(match[2]) + index // per_year)
    match = YEAR.match(label)
    if match and (months is None or months % 12 == 0):
        return str(int(match[1]) + (months // 12 if months else 1))
    base = re.sub(r" \(vague \d+\)$", "", label)
    return f"{base} (vague {wave})"[:40]
