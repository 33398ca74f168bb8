"""Calendar arithmetic: TIMEX3 values and their half-open intervals, with dateutil.

A value is always built from a precision and one day inside the period, so shifting a
value ("a year earlier") is: move the day with ``relativedelta``, rebuild at the precision.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from timeline.model import DateValue, Precision

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# relativedelta keyword and amount for one step of each precision.
_STEP: dict[Precision, tuple[str, int]] = {
    Precision.DAY: ("days", 1),
    Precision.TIME: ("days", 1),
    Precision.WEEK: ("weeks", 1),
    Precision.MONTH: ("months", 1),
    Precision.SEASON: ("months", 3),
    Precision.QUARTER: ("months", 3),
    Precision.YEAR: ("years", 1),
    Precision.DECADE: ("years", 10),
    Precision.CENTURY: ("years", 100),
}
UNIT_PRECISION: dict[str, Precision] = {
    "day": Precision.DAY,
    "night": Precision.DAY,
    "week": Precision.WEEK,
    "fortnight": Precision.WEEK,
    "weekend": Precision.WEEK,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "century": Precision.CENTURY,
}


def day_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The one-day interval of a calendar day."""
    return DateValue(day.isoformat(), day, day + relativedelta(days=1), Precision.DAY, mod)


def month_value(year: int, month: int, mod: str | None = None) -> DateValue:
    """A calendar month, ``2025-01``."""
    first = dt.date(year, month, 1)
    return DateValue(f"{year:04d}-{month:02d}", first, first + relativedelta(months=1),
                     Precision.MONTH, mod)  # fmt: skip


def year_value(year: int, mod: str | None = None) -> DateValue:
    """A calendar year, ``2025``."""
    return DateValue(f"{year:04d}", dt.date(year, 1, 1), dt.date(year + 1, 1, 1),
                     Precision.YEAR, mod)  # fmt: skip


def decade_value(first_year: int, mod: str | None = None) -> DateValue:
    """A decade given by its first year: 1990 is ``199``, the 1990s."""
    first = first_year - first_year % 10
    return DateValue(f"{first // 10:03d}", dt.date(first, 1, 1), dt.date(first + 10, 1, 1),
                     Precision.DECADE, mod)  # fmt: skip


def century_value(first_year: int, mod: str | None = None) -> DateValue:
    """A century given by a year in it: 1950 is ``19``, the twentieth century."""
    first = max(first_year - first_year % 100, 1)
    return DateValue(f"{first // 100:02d}", dt.date(first, 1, 1), dt.date(first + 100, 1, 1),
                     Precision.CENTURY, mod)  # fmt: skip


def quarter_value(year: int, quarter: int, mod: str | None = None) -> DateValue:
    """A calendar quarter, ``2025-Q1``."""
    first = dt.date(year, 3 * quarter - 2, 1)
    return DateValue(f"{year:04d}-Q{quarter}", first, first + relativedelta(months=3),
                     Precision.QUARTER, mod)  # fmt: skip


def half_value(year: int, half: int, mod: str | None = None) -> DateValue:
    """A half year, ``2025-H1``; its precision is the nearest we have, a quarter's coarser kin."""
    first = dt.date(year, 6 * half - 5, 1)
    return DateValue(f"{year:04d}-H{half}", first, first + relativedelta(months=6),
                     Precision.SEASON, mod)  # fmt: skip


def season_value(year: int, season: str, mod: str | None = None) -> DateValue:
    """A meteorological season: winter 2014 runs from December 2014 into February 2015."""
    first = dt.date(year, _SEASON_START[season], 1)
    return DateValue(f"{year:04d}-{season}", first, first + relativedelta(months=3),
                     Precision.SEASON, mod)  # fmt: skip


def week_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The ISO week that contains ``day``, ``2025-W05``."""
    year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return DateValue(f"{year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=7),
                     Precision.WEEK, mod)  # fmt: skip


def weekend_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The weekend of the ISO week that contains ``day``, ``2025-W05-WE``."""
    week = week_value(day)
    saturday = week.start + dt.timedelta(days=5)
    return DateValue(f"{week.value}-WE", saturday, week.end, Precision.WEEK, mod)


def time_value(day: dt.date, clock: str, mod: str | None = None) -> DateValue:
    """A time of day (``06:00``) or a part of day (``NI``) on a calendar day."""
    return DateValue(f"{day.isoformat()}T{clock}", day, day + dt.timedelta(days=1),
                     Precision.TIME, mod)  # fmt: skip


def value_at(precision: Precision, day: dt.date, mod: str | None = None) -> DateValue:
    """The period of ``precision`` that contains ``day``."""
    if precision in (Precision.DAY, Precision.TIME):
        return day_value(day, mod)
    if precision is Precision.WEEK:
        return week_value(day, mod)
    if precision is Precision.MONTH:
        return month_value(day.year, day.month, mod)
    if precision is Precision.QUARTER:
        return quarter_value(day.year, (day.month - 1) // 3 + 1, mod)
    if precision is Precision.SEASON:
        return _season_of(day, mod)
    if precision is Precision.YEAR:
        return year_value(day.year, mod)
    if precision is Precision.DECADE:
        return decade_value(day.year, mod)
    return century_value(day.year, mod)


def shift(value: DateValue, amount: int, unit: str, precision: Precision) -> DateValue | None:
    """``value`` moved by ``amount`` units and rebuilt at ``precision``; None off the calendar."""
    keyword, size = _STEP[UNIT_PRECISION[unit]]
    try:
        day = value.start + relativedelta(**{keyword: amount * size})  # type: ignore[arg-type]
    except (OverflowError, ValueError):
        return None
    if not dt.MINYEAR < day.year < dt.MAXYEAR:
        return None
    return value_at(precision, day, value.mod)


def step(value: DateValue, amount: int) -> DateValue | None:
    """The period ``amount`` steps of its own precision away: the week after, the year before."""
    keyword, size = _STEP[value.precision]
    day = value.start + relativedelta(**{keyword: amount * size})  # type: ignore[arg-type]
    if value.value.endswith("-WE"):
        return weekend_value(day, value.mod)
    return value_at(value.precision, day, value.mod)


def _season_of(day: dt.date, mod: str | None) -> DateValue:
    if day.month in (1, 2):  # January belongs to the winter that began the December before
        return season_value(day.year - 1, "WI", mod)
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[day.month - (day.month % 3)]
    return season_value(day.year, code, mod)
