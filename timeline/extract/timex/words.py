"""Small readers shared by the interpreters: numbers, years, neighbouring words, tense choice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from timeline.extract.timex.context import Context
from timeline.extract.timex.lexicon import MONTHS, NUMBERS, VAGUE_NUMBERS
from timeline.extract.timex.scanner import SPELLED_YEAR
from timeline.extract.timex.tense import BACKSHIFTED, FUTURE, PAST, UNKNOWN
from timeline.model import DateValue

_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.'-]*)[\s,]*$")
_NEXT_WORD = re.compile(r"^[\s,]*([A-Za-z][\w'-]*)")
_NEAR, _FAR = 45, 200
_MONTH_DAYS = 31
_FRACTION = re.compile(r"(\d+)\s+(\d)/([1-9])")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:AD\s+|A\.D\.\s+)?(\d{1,4})(?!\d)")
_SPELLED = re.compile(SPELLED_YEAR)


def previous_word(text: str, start: int) -> str:
    """The word just before ``start`` (empty at a sentence or text start)."""
    before = text[max(0, start - 24) : start]
    if before.rstrip().endswith((".", "!", "?", ":", ";", "\n")) or not before.strip():
        return ""
    match = _PREVIOUS_WORD.search(before)
    return match.group(1) if match else ""


def next_word(text: str, end: int) -> str:
    """The word just after ``end`` (empty when punctuation other than a comma comes first)."""
    match = _NEXT_WORD.match(text[end : end + 24])
    return match.group(1) if match else ""


def amount(words: str) -> float | None:
    """The number a phrase gives ("two", "42", "5 1/2", "twenty-one", "two and a half"); None
    when vague."""
    words = words.lower().strip()
    if words in VAGUE_NUMBERS:
        return None
    if words.endswith(" and a half"):  # "two and a half"
        whole = amount(words.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    fraction = _FRACTION.fullmatch(words)
    if fraction:
        whole, top, bottom = (int(g) for g in fraction.groups())
        return whole + top / bottom
    try:
        return float(words)
    except ValueError:
        pass
    if words in NUMBERS:
        return float(NUMBERS[words])
    parts = re.split(r"[-\s]+", words)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])  # "twenty-one"
    return None


def number_text(value: float) -> str:
    """A number as TIMEX3 writes it: ``2`` and ``1.5``, never ``2.0``."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def spelled_year(words: str) -> int | None:
    """A year said in words: "nineteen ninety-six" 1996, "nineteen oh five" 1905, "two thousand
    and one" 2001; None for anything else."""
    parts = [w for w in re.split(r"[-\s]+", words.lower()) if w and w != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = amount(" ".join(parts[2:])) if parts[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    if len(parts) < 2 or parts[0] not in NUMBERS or not 10 < NUMBERS[parts[0]] < 30:
        return None
    hundreds = NUMBERS[parts[0]] * 100
    if parts[1:] == ["hundred"]:
        return hundreds
    tail = parts[2:] if parts[1] == "oh" else parts[1:]
    rest = amount(" ".join(tail))
    return None if rest is None or rest >= 100 else hundreds + int(rest)


def year_number(text: str) -> int | None:
    """The year a span writes in digits ("1996", "636", "AD 70") or in words ("nineteen
    ninety-six"); a year of two digits ("'99") needs the context (``eras.short_year``)."""
    digits = _YEAR_DIGITS.search(text)
    if digits and (len(digits.group(1)) >= 3 or digits.group() != digits.group(1)):
        return int(digits.group(1))  # "1996", "636", "AD 70"
    spelled = _SPELLED.search(text)
    return spelled_year(spelled.group()) if spelled else None


def month_number(name: str) -> int:
    """The month a written name or abbreviation stands for."""
    return MONTHS[name.rstrip(".").lower()]


def full_year(digits: str) -> int:
    """A written year; two digits are 19xx or 20xx, whichever is within fifty years of 2000."""
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year < 50 else 1900 + year
    return year


def choose(ctx: Context, start: int, end: int, make: Callable[[int], dt.date | None],
           year: int, days: int = 1, *, story: bool = True) -> dt.date | None:  # fmt: skip
    """Pick the year for a year-less date (or period of ``days``) from tense and distance.

    ``make(year)`` builds the candidate's first day in a year; only years of the calendar (1
    to 9999) are candidates. In a past-tense clause the latest candidate begun by publication
    wins, in a future-tense one the first not yet over; with no tense marker, the nearest.
    Reporters do not leave out the year of a date almost a year away, though: in a past clause
    an upcoming date within six weeks beats one more than half a year back ("the deadline was
    set for Jan. 14", published January 6); in a future clause a date of the last three weeks
    (six weeks for a quarter or a season: its results are reported after it ends) beats one
    almost a year ahead.

    In a story the text tells of its own time (``story.py``), a past or untensed clause
    takes the candidate nearest the story's time instead (not with ``story=False``: business
    quarters are reported from publication).
    """
    if ctx.ancient is not None:
        return None  # "490 BC ... In September": a month of no calendar year here
    told = ctx.story_at(start) if story else None
    if told is not None and ctx.tense(start, end) != FUTURE:
        return _in_story(told, make, days)
    years = [y for y in (year - 1, year, year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    options = [day for day in map(make, years) if day is not None]
    if not options:
        return None
    published = ctx.published
    distance = {day: _distance(day, days, published) for day in options}
    nearest = min(options, key=distance.__getitem__)
    tense = ctx.tense(start, end)
    if tense in (UNKNOWN, BACKSHIFTED):
        return nearest
    if tense == PAST:
        side = [day for day in options if day <= published]
    else:
        side = [day for day in options if (published - day).days < days]
    best = (side[-1] if tense == PAST else side[0]) if side else nearest
    near = _NEAR if tense == PAST or days > _MONTH_DAYS else _NEAR // 2
    if distance[best] > _FAR and distance[nearest] <= near:
        return nearest
    return best


def _in_story(story: DateValue, make: Callable[[int], dt.date | None], days: int) -> (
    dt.date | None
):  # fmt: skip
    """The candidate nearest the story's time: in its year ("In 1812 ... In September"), or
    across the turn of a year when nearer ("16 December 1944 ... by mid-January" is 1945).
    A month or a season is a period of ``days`` from its first day."""
    year = story.start.year
    years = [y for y in (year - 1, year, year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    options = [day for day in map(make, years) if day is not None]
    if not options:
        return None
    return min(options, key=lambda day: _gap(day, days, story))


def _gap(first: dt.date, days: int, story: DateValue) -> int:
    """Days between a period of ``days`` from ``first`` and the story's time (zero if they
    meet); a period before the story's time counts twice its distance, for a story moves on
    ("The following spring ... in the autumn" is the autumn after that spring)."""
    last = first + dt.timedelta(days=days - 1) if first.year < dt.MAXYEAR else first
    if last < story.start:
        return 2 * (story.start - last).days
    if first >= story.end:
        return (first - story.end).days + 1
    return 0


def _distance(first: dt.date, days: int, published: dt.date) -> int:
    """Days between publication and a period (zero inside it)."""
    if first > published:
        return (first - published).days
    return max(0, (published - first).days - days + 1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The calendar day, or None for "February 30" (and for a year off the calendar)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
