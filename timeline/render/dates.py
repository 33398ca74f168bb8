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
    """'7 October 2023', '19–21 January 2025', 'October 2023', 'early January 2025'..."""
    text = _format_unmodified(date)
    modifier = _MODIFIERS.get(date.mod or "")
    if modifier is None:
        return text
    if modifier.endswith("-"):
        return modifier + text
    return f"{modifier} {text}"


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
            clock = date.value[11:16] if date.value[11:12].isdigit() else ""
            day = f"{start.day} {month_name(start.month)} {start.year}"
            return f"{day}, {clock}" if clock else day
        case Precision.DAY:
            return format_day_range(start, date.end - dt.timedelta(days=1))
        case Precision.WEEK:
            return f"the week of {start.day} {month_name(start.month)} {start.year}"
        case Precision.MONTH:
            return f"{month_name(start.month)} {start.year}"
        case Precision.SEASON:
            season = _SEASONS.get(date.value[-2:], "season")
            return f"{season} {start.year}"
        case Precision.QUARTER:
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        case Precision.YEAR:
            return str(start.year)
        case Precision.DECADE:
            return f"the {start.year}s"
        case Precision.CENTURY:
            return f"the {start.year // 100 + 1}th century"


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
