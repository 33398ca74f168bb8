"""Interpreters for years of other eras and shapes: "490 BC", "the 470s BC", "AD 70", "in 632",
"in '99", and ranges of years ("1915-16", "2009-2010").

A year before Christ has no calendar day here (the calendar runs from year 1): it keeps its
TIMEX3 value (``BC0490``, the decade ``BC047``) with no interval, and the engine counts the
years of a story told before Christ from it ("Ten years later" is ``BC0480``).
"""

from __future__ import annotations

import re

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression
from timeline.model import Basis, TimeExpression

Found = list[TimeExpression]
_DIGITS = re.compile(r"\d+")
_BEFORE_CHRIST = re.compile(r"\b(?:BCE?|B\.C\.)")
_EDGES = {"early": "START", "mid": "MID", "late": "END"}
_SHORT = re.compile(r"['’]?(\d\d)")
_LONG_AGO = 90
"""Years back beyond which a year of two digits is read in the next century."""
_RANGE = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4}|\d\d)$")


def era(m: re.Match[str], ctx: Context) -> Found:
    """``490 BC``, ``the 470s BC``, ``AD 70``, ``70 AD``, ``in 632``, ``in '99``."""
    text, start = m.group(), m.start()
    short = _SHORT.fullmatch(text)
    if short:  # "in '99", the mark before the span
        year = short_year(short.group(1), ctx, start)
        return [expression(start, text, "DATE", cal.year_value(year), basis=Basis.EXPLICIT)]
    number = int(_DIGITS.findall(text)[0])
    if not _BEFORE_CHRIST.search(text):
        if number == 0:
            return []
        return [expression(start, text, "DATE", cal.year_value(number), basis=Basis.EXPLICIT)]
    if "0s" in text:  # "the 470s BC"
        mod = next((_EDGES[w] for w in _EDGES if w in text.lower()), None)
        return [expression(start, text, "DATE", f"BC{number // 10:03d}", mod=mod,
                           basis=Basis.EXPLICIT)]  # fmt: skip
    if number == 0:
        return []  # there is no year 0 BC
    return [expression(start, text, "DATE", f"BC{number:04d}", basis=Basis.EXPLICIT)]


def year_range(m: re.Match[str], ctx: Context) -> Found:
    """ "1915-16", "2009-2010", "1861–1865": the first year and the last, two expressions; a
    range that runs backwards ("2009-08") is none."""
    text, start = m.group(), m.start()
    parts = _RANGE.search(text)
    assert parts is not None  # the scanner matched the same shape
    first = int(parts.group(1))
    tail = parts.group(2)
    last = first - first % 100 + int(tail) if len(tail) == 2 else int(tail)
    if last <= first:
        return []
    return [
        expression(start, parts.group(1), "DATE", cal.year_value(first), basis=Basis.EXPLICIT),
        expression(start + parts.start(2), tail, "DATE", cal.year_value(last),
                   basis=Basis.EXPLICIT),
    ]  # fmt: skip


def short_year(digits: str, ctx: Context, position: int) -> int:
    """The year "'99" at ``position`` stands for: in a story, the one with those last two
    digits nearest the story's time; otherwise the latest not after publication, unless that
    is ninety years back ("'99" in 2024 is 1999, "'26" in 2025 is 2026)."""
    story = ctx.story_at(position)
    if story is not None:
        around = story.start.year
        century = around - around % 100
        candidates = [c + int(digits) for c in (century - 100, century, century + 100)]
        return min((y for y in candidates if 1 <= y <= 9999), key=lambda y: abs(y - around))
    year = ctx.published.year
    latest = year - year % 100 + int(digits)
    latest = latest if latest <= year else latest - 100
    return latest + 100 if year - latest > _LONG_AGO or latest < 1 else latest
