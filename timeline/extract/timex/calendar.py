"""Calendar arithmetic: TIMEX3 values and their half-open intervals, with dateutil.

A value is always built from a precision and one day inside the period, so shifting a
value ("a year earlier") is: move the day with ``relativedelta``, rebuild at the precision.
Values and shifts are pure lookups, cached like ``day_value``: a text names the same few
periods again and again, and a ``relativedelta`` costs more than the lookup.

The calendar is what ``datetime.date`` holds, the years 1 to 9999. A period that lies
wholly outside it raises :class:`OffCalendar` (the engine keeps such an expression
unresolved); a period that straddles an edge of it (the decade ``000``, the last day of
9999, whose exclusive end would be 10000-01-01) keeps its value, its interval cut to the
calendar.
"""

from __future__ import annotations

import datetime as dt
import functools

from dateutil.relativedelta import relativedelta

from timeline.model import DateValue, Precision

_ONE_DAY = dt.timedelta(days=1)


class OffCalendar(ValueError):
    """A date outside the years 1 to 9999: the expression that needs it stays unresolved."""


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


@functools.lru_cache(maxsize=4096)
def day_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The one-day interval of a calendar day (a pure lookup, cached: a text names the same
    few days again and again)."""
    return DateValue(day.isoformat(), day, _next_day(day), Precision.DAY, mod)


@functools.lru_cache(maxsize=4096)
def month_value(year: int, month: int, mod: str | None = None) -> DateValue:
    """A calendar month, ``2025-01``."""
    first = date(year, month)
    return DateValue(f"{year:04d}-{month:02d}", first, _after(first, relativedelta(months=1)),
                     Precision.MONTH, mod)  # fmt: skip


def year_value(year: int, mod: str | None = None) -> DateValue:
    """A calendar year, ``2025``."""
    first, end = _years(year, 1)
    return DateValue(f"{year:04d}", first, end, Precision.YEAR, mod)


def decade_value(first_year: int, mod: str | None = None) -> DateValue:
    """A decade given by its first year: 1990 is ``199``, the 1990s."""
    first = first_year - first_year % 10
    start, end = _years(first, 10)
    return DateValue(f"{first // 10:03d}", start, end, Precision.DECADE, mod)


def century_value(first_year: int, mod: str | None = None) -> DateValue:
    """A century given by a year in it: 1950 is ``19``, the twentieth century."""
    first = first_year - first_year % 100
    start, end = _years(first, 100)
    return DateValue(f"{first // 100:02d}", start, end, Precision.CENTURY, mod)


def quarter_value(year: int, quarter: int, mod: str | None = None) -> DateValue:
    """A calendar quarter, ``2025-Q1``."""
    first = date(year, 3 * quarter - 2)
    return DateValue(f"{year:04d}-Q{quarter}", first, _after(first, relativedelta(months=3)),
                     Precision.QUARTER, mod)  # fmt: skip


def half_value(year: int, half: int, mod: str | None = None) -> DateValue:
    """A half year, ``2025-H1``; its precision is the nearest we have, a quarter's coarser kin."""
    first = date(year, 6 * half - 5)
    return DateValue(f"{year:04d}-H{half}", first, _after(first, relativedelta(months=6)),
                     Precision.SEASON, mod)  # fmt: skip


def season_value(year: int, season: str, mod: str | None = None) -> DateValue:
    """A meteorological season: winter 2014 runs from December 2014 into February 2015."""
    first = date(year, _SEASON_START[season])
    return DateValue(f"{year:04d}-{season}", first, _after(first, relativedelta(months=3)),
                     Precision.SEASON, mod)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def week_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The ISO week that contains ``day``, ``2025-W05``."""
    year, week, weekday = day.isocalendar()
    monday = moved(day, relativedelta(days=1 - weekday))
    return DateValue(f"{year:04d}-W{week:02d}", monday, _after(monday, relativedelta(days=7)),
                     Precision.WEEK, mod)  # fmt: skip


def weekend_value(day: dt.date, mod: str | None = None) -> DateValue:
    """The weekend of the ISO week that contains ``day``, ``2025-W05-WE``."""
    week = week_value(day)
    saturday = moved(week.start, relativedelta(days=5))
    return DateValue(f"{week.value}-WE", saturday, week.end, Precision.WEEK, mod)


def time_value(day: dt.date, clock: str, mod: str | None = None) -> DateValue:
    """A time of day (``06:00``) or a part of day (``NI``) on a calendar day."""
    return DateValue(f"{day.isoformat()}T{clock}", day, _next_day(day), Precision.TIME, mod)


@functools.lru_cache(maxsize=4096)
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


@functools.lru_cache(maxsize=4096)
def shift(value: DateValue, amount: int, unit: str, precision: Precision) -> DateValue | None:
    """``value`` moved by ``amount`` units and rebuilt at ``precision``; None off the calendar."""
    keyword, size = _STEP[UNIT_PRECISION[unit]]
    try:
        day = moved(value.start, relativedelta(**{keyword: amount * size}))  # type: ignore[arg-type]
        return value_at(precision, day, value.mod)
    except OffCalendar:
        return None


@functools.lru_cache(maxsize=4096)
def step(value: DateValue, amount: int) -> DateValue | None:
    """The period ``amount`` steps of its own precision away: the week after, the year before;
    None off the calendar."""
    keyword, size = _STEP[value.precision]
    try:
        day = moved(value.start, relativedelta(**{keyword: amount * size}))  # type: ignore[arg-type]
        if value.value.endswith("-WE"):
            return weekend_value(day, value.mod)
        return value_at(value.precision, day, value.mod)
    except OffCalendar:
        return None


def date(year: int, month: int = 1, day: int = 1) -> dt.date:
    """The calendar day; :class:`OffCalendar` outside the years 1 to 9999, ValueError for a
    day that no month has ("February 30")."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OffCalendar(f"year {year} is off the calendar")
    return dt.date(year, month, day)


def moved(day: dt.date, delta: relativedelta) -> dt.date:
    """``day + delta``; :class:`OffCalendar` when that leaves the calendar."""
    try:
        return day + delta
    except (OverflowError, ValueError):
        raise OffCalendar(f"{day} moved by {delta} is off the calendar") from None


def plus_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``; :class:`OffCalendar` when that leaves the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise OffCalendar(f"{day} moved by {days} days is off the calendar") from None


def weekday_from(day: dt.date, number: int, step: int, *, strict: bool = False) -> dt.date:
    """The weekday ``number`` (Monday 0) nearest ``day`` on the side of ``step`` (1 after, -1
    before), ``day`` itself when it is that weekday, unless ``strict``."""
    gap = (number - day.weekday()) * step % 7
    if strict and gap == 0:
        gap = 7
    return plus_days(day, step * gap)


def _next_day(day: dt.date) -> dt.date:
    """The exclusive end of a day's interval (the calendar's last day for itself)."""
    return day + _ONE_DAY if day < dt.date.max else day


def _after(first: dt.date, length: relativedelta) -> dt.date:
    """The exclusive end of a period that begins on ``first``: the calendar's last day when
    the period is the last one of it (its interval then misses that day)."""
    try:
        return first + length
    except (OverflowError, ValueError):
        return dt.date.max


def _years(first: int, count: int) -> tuple[dt.date, dt.date]:
    """The interval of ``count`` years from ``first``, cut to the calendar."""
    if first + count <= dt.MINYEAR or first > dt.MAXYEAR:
        raise OffCalendar(f"the years {first} to {first + count - 1} are off the calendar")
    start = dt.date(max(first, dt.MINYEAR), 1, 1)
    end = dt.date(first + count, 1, 1) if first + count <= dt.MAXYEAR else dt.date.max
    return start, end


def _season_of(day: dt.date, mod: str | None) -> DateValue:
    if day.month in (1, 2):  # January belongs to the winter that began the December before
        return season_value(day.year - 1, "WI", mod)
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[day.month - (day.month % 3)]
    return season_value(day.year, code, mod)
