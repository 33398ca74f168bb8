"""TIMEX3 value strings written by people (hand-written events, corrections) → DateValue."""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.timex.calendar import (
    century_value,
    day_value,
    decade_value,
    month_value,
    quarter_value,
    season_value,
    time_value,
    week_value,
    year_value,
)
from timeline.model import DateValue

MODIFIERS = frozenset(
    "START MID END APPROX BEFORE AFTER ON_OR_BEFORE ON_OR_AFTER LESS_THAN MORE_THAN "
    "EQUAL_OR_LESS EQUAL_OR_MORE".split()
)
_FORMS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)"), "time"),
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
)


def parse_value(value: str, mod: str | None = None) -> DateValue:
    """The interval of a TIMEX3 calendar value such as ``2025-01-19``, ``2025-W05`` or ``202``.

    Raises ValueError, with a message for people, for anything else.
    """
    if mod is not None and mod not in MODIFIERS:
        raise ValueError(f"unknown modifier '{mod}' (one of {', '.join(sorted(MODIFIERS))})")
    text = value.strip()
    for pattern, form in _FORMS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return _build(form, match.groups(), mod)
            except ValueError:
                raise ValueError(f"'{value}' is not a date that exists") from None
    raise ValueError(
        f"'{value}' is not a TIMEX value (examples: 2025-01-19, 2025-01, 2025, 2025-W05, "
        "2025-Q1, 2025-SU, 202 for the 2020s)"
    )


def _build(form: str, parts: tuple[str | None, ...], mod: str | None) -> DateValue:
    numbers = [int(p) if p and p.isdigit() else 0 for p in parts]
    if form == "time":
        return time_value(dt.date(numbers[0], numbers[1], numbers[2]), str(parts[3]), mod)
    if form == "day":
        return day_value(dt.date(numbers[0], numbers[1], numbers[2]), mod)
    if form == "week":
        return week_value(dt.date.fromisocalendar(numbers[0], numbers[1], 1), mod)
    if form == "month":
        return month_value(numbers[0], numbers[1], mod)
    if form == "quarter":
        return quarter_value(numbers[0], numbers[1], mod)
    if form == "season":
        return season_value(numbers[0], str(parts[1]), mod)
    if form == "year":
        return year_value(numbers[0], mod)
    if form == "decade":
        return decade_value(numbers[0] * 10, mod)
    return century_value(numbers[0] * 100, mod)
