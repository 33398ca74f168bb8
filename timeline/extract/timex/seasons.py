"""Interpreters for seasons: "the summer of 2014", "last winter", "in summer", "that spring",
"the following spring"."""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression, unresolved
from timeline.extract.timex.eras import short_year
from timeline.extract.timex.lexicon import POSITIONS, RELATIVE_STEP, SEASONS
from timeline.extract.timex.relative import words_of
from timeline.extract.timex.words import choose, year_number
from timeline.model import Basis, DateValue, Precision, TimeExpression

Found = list[TimeExpression]
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_STEPS = frozenset({"this", "last", "next", "that", "past"})
_SHORT_YEAR = re.compile(r"['’](\d\d)$")


def relative_year(words: list[str], ctx: Context) -> int:
    """The publication's year moved by "last", "this" or "next" among ``words``."""
    step = next((RELATIVE_STEP[w] for w in words if w in RELATIVE_STEP), 0)
    return ctx.published.year + step


def season(m: re.Match[str], ctx: Context) -> Found:
    """``the summer of 2014`` (``2014-SU``), ``the spring of last year``, ``last winter``,
    ``this spring``."""
    text, start = m.group(), m.start()
    words = words_of(text)
    code = next(SEASONS[w] for w in words if w in SEASONS)
    mod = next((POSITIONS[w] for w in words if w in ("early", "late", "mid")), None)
    year = year_number(text)
    short = _SHORT_YEAR.search(text)
    if year is None and short:  # "the summer of '99"
        year = short_year(short.group(1), ctx, start)
    if year is not None:
        value = cal.season_value(year, code, mod)
        return [expression(start, text, "DATE", value, basis=Basis.EXPLICIT)]
    if words[-1] == "year":  # "the summer of last year"
        value = cal.season_value(relative_year(words, ctx), code, mod)
        return [expression(start, text, "DATE", value)]
    if words[0] not in _SEASON_STEPS and "coming" not in words:  # "the summer", "in summer"
        month = _SEASON_START[code]
        day = choose(ctx, start, m.end(), lambda y: dt.date(y, month, 1), ctx.published.year, 91)
        if day is None:
            return [unresolved(start, text, value=f"XXXX-{code}")]
        return [expression(start, text, "DATE", cal.season_value(day.year, code, mod))]
    step = -1 if "past" in words else next((RELATIVE_STEP[w] for w in words
                                            if w in RELATIVE_STEP), 0)  # fmt: skip
    if "that" in words:
        ref = ctx.reference(Precision.YEAR)
        if ref is None:
            return [unresolved(start, text, value=f"XXXX-{code}")]
        return [expression(start, text, "DATE", cal.season_value(ref.start.year, code, mod))]
    return [expression(start, text, "DATE", season_near(ctx, code, step, mod))]


def season_from_reference(m: re.Match[str], ctx: Context, code: str, step: int) -> (
    TimeExpression
):  # fmt: skip
    """ "the following spring": the first spring begun after the story's time; "the previous
    winter" the last one over before it."""
    ref = ctx.reference(Precision.SEASON)
    if ref is None or step == 0:
        return unresolved(m.start(), m.group(), value=f"XXXX-{code}")
    year = ref.start.year
    if step > 0:
        candidates = (cal.season_value(y, code) for y in (year - 1, year, year + 1))
        value = next((c for c in candidates if c.start >= ref.end), None)
    else:
        candidates = (cal.season_value(y, code) for y in (year + 1, year, year - 1))
        value = next((c for c in candidates if c.end <= ref.start), None)
    if value is None:
        return unresolved(m.start(), m.group(), value=f"XXXX-{code}")
    return expression(m.start(), m.group(), "DATE", value)


def season_near(ctx: Context, code: str, step: int, mod: str | None) -> DateValue:
    """ "last summer" is the latest summer already begun before this season; "next" the first
    not yet begun; "this summer" the one of the publication year."""
    year = ctx.published.year
    if step < 0:
        begun = cal.season_value(year, code).start <= ctx.published
        current = cal.value_at(Precision.SEASON, ctx.published)
        year = year if begun and current.value != f"{year:04d}-{code}" else year - 1
    elif step > 0 and cal.season_value(year, code).start <= ctx.published:
        year += 1
    return cal.season_value(year, code, mod)
