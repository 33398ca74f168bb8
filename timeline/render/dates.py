"""Dates as people read them, never more precise than the text that gave them."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from timeline.model import DateValue, Precision

_MODIFIERS = {
    "START": "early",
    "MID": "mid-",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "under",
    "MORE_THAN": "over",
}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MEMO = 1 << 16
"""Dates formatted and kept: a site shows the same few thousand dates again and again."""


@lru_cache(maxsize=_MEMO)
def format_date(date: DateValue) -> str:
    """'7 October 2023', '19–21 January 2025', 'the night of 19–20 January 2025', 'the
    weekend of 25–26 January 2025', 'early January 2025', 'early on 20 January 2025'..."""
    text = _format_unmodified(date)
    if date.mod == "APPROX" and date.precision is Precision.DAY:
        return f"about {text}"
    if date.precision in (Precision.DAY, Precision.TIME) and date.mod in _DAY_MODIFIERS:
        return f"{_DAY_MODIFIERS[date.mod]} {text}"
    if date.precision is Precision.DECADE and date.mod in ("START", "MID", "END"):
        return f"the {_MODIFIERS[date.mod]}{'' if date.mod == 'MID' else ' '}{text[4:]}"
    if text.startswith("the ") and date.mod in _PHRASE_MODIFIERS:
        return _PHRASE_MODIFIERS[date.mod].format(text)
    modifier = _MODIFIERS.get(date.mod or "")
    if modifier is None:
        return text
    if modifier.endswith("-"):
        return modifier + text
    return f"{modifier} {text}"


_DAY_MODIFIERS = {"START": "early on", "MID": "around midday on", "END": "late on"}
"""A part of a day: 'early on 20 January 2025' (the day with the modifier 'early')."""
_PHRASE_MODIFIERS = {"START": "early in {}", "MID": "in the middle of {}", "END": "late in {}"}
"""A part of a week or a decade: 'early in the week of 3 March 2025'."""
_PARTS_OF_DAY = {
    "MO": "the morning of {}",
    "AF": "the afternoon of {}",
    "DT": "the daytime of {}",
    "EV": "the evening of {}",
    "NI": "the night of {}",
}
"""TIMEX3 parts of a day (``2025-01-19TNI``) as people say them."""
_DAY_ORDER = {"": 0, "START": 1, "MO": 2, "DT": 4, "AF": 5, "EV": 6, "END": 7, "NI": 8}
"""Where the parts of one day come in its course (a clock time comes by its hour)."""


def day_position(date: DateValue) -> tuple[int, str]:
    """The place of a date of day or time precision in the course of its day: the day
    itself, early on it, the morning, clock times in order, the evening, late, the night."""
    if date.precision is Precision.TIME:
        clock = date.value[11:16]
        if clock[:1].isdigit():
            return (3 if clock < "12:00" else 5, clock)
        return (_DAY_ORDER.get(date.value[11:].removeprefix("T"), 3), "")
    return (_DAY_ORDER.get(date.mod or "", 0), "")


@lru_cache(maxsize=_MEMO)
def html_datetime(date: DateValue) -> str:
    """A valid value for ``<time datetime>``: a date, month, week or year string."""
    start = date.start
    match date.precision:
        case Precision.TIME:
            return (
                date.value
                if "T" in date.value and date.value[11:12].isdigit()
                else (start.isoformat())
            )
        case Precision.DAY:
            return start.isoformat()
        case Precision.WEEK:
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        case Precision.MONTH:
            return f"{start.year:04d}-{start.month:02d}"
        case _:
            return f"{start.year:04d}"


def month_name(month: int) -> str:
    """The English name of a month number."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    return _MONTH_NAMES[month]


def _format_unmodified(date: DateValue) -> str:
    start = date.start
    match date.precision:
        case Precision.TIME:
            return _format_time(date)
        case Precision.DAY:
            return format_day_range(start, date.end - dt.timedelta(days=1))
        case Precision.WEEK:
            if date.value.endswith("-WE"):
                last = date.end - dt.timedelta(days=1)
                return f"the weekend of {format_day_range(start, last)}"
            return f"the week of {start.day} {month_name(start.month)} {start.year}"
        case Precision.MONTH:
            return f"{month_name(start.month)} {start.year}"
        case Precision.SEASON:
            season = _SEASONS.get(date.value[-2:], "season")
            return f"{season} {start.year}"
        case Precision.QUARTER:
            return f"the {_QUARTERS[(start.month - 1) // 3]} quarter of {start.year}"
        case Precision.YEAR:
            return str(start.year)
        case Precision.DECADE:
            return f"the {start.year}s"
        case Precision.CENTURY:
            return f"the {start.year // 100 + 1}th century"


_QUARTERS = ("first", "second", "third", "fourth")


def _format_time(date: DateValue) -> str:
    """'19 January 2025, 01:00', 'the night of 19–20 January 2025', 'the morning of ...'."""
    start = date.start
    day = f"{start.day} {month_name(start.month)} {start.year}"
    clock = date.value[11:16]
    if clock[:1].isdigit():
        return f"{day}, {clock}"
    part = _PARTS_OF_DAY.get(date.value[11:].removeprefix("T"))
    if part is None:
        return day
    if part.startswith("the night"):
        return part.format(format_day_range(start, start + dt.timedelta(days=1)))
    return part.format(day)


def format_day_range(first: dt.date, last: dt.date) -> str:
    """'7 October 2023', '19–21 January 2025', '30 January – 2 February 2025'..."""
    last = max(first, last)
    end = f"{last.day} {month_name(last.month)} {last.year}"
    if first == last:
        return end
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    if first.year == last.year:
        return f"{first.day} {month_name(first.month)} – {end}"
    return f"{first.day} {month_name(first.month)} {first.year} – {end}"


def is_range(date: DateValue) -> bool:
    """True for a value of day precision that spans several days."""
    return date.precision is Precision.DAY and (date.end - date.start).days > 1


def format_published(published: dt.datetime | dt.date) -> str:
    """A publication date as people read it: '3 February 2025'."""
    return f"{published.day} {month_name(published.month)} {published.year}"
