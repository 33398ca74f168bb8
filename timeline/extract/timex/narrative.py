"""Interpreters for shifted and partial periods: "three days later", "the following week",
"two weeks ago", "mid-January", "the first quarter", "the summer of 2014"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression, unresolved
from timeline.extract.timex.lexicon import (
    HEDGES,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITIONS,
    RELATIVE_STEP,
    SEASONS,
)
from timeline.extract.timex.relative import weekday_of, words_of
from timeline.extract.timex.seasons import relative_year, season_from_reference
from timeline.extract.timex.tense import FUTURE, PAST
from timeline.extract.timex.words import amount, choose, previous_word, safe_date
from timeline.model import Basis, DateValue, Precision, TimeExpression

Found = list[TimeExpression]
_UNIT = re.compile(r"(?i)(second|minute|hour|day|night|week|fortnight|month|quarter|year|"
                   r"decade|centur)")  # fmt: skip
_AGO = re.compile(r"(?i)(?P<number>.+?)[-\s]+(?P<unit>[a-z]+)\s+(?P<dir>[a-z]+(?:\s+now)?)$")
_BACKWARD = frozenset({"ago", "earlier", "before", "previously"})
_DCT_ANCHORED = frozenset({"ago", "from now", "hence"})
_ROUGH_UNITS = frozenset({"decade", "century"})
_YEARS_IN = {"year": 1, "decade": 10, "century": 100}
_POINT_MODS = {
    "MORE_THAN": ("BEFORE", "AFTER"), "LESS_THAN": ("AFTER", "BEFORE"),
    "EQUAL_OR_MORE": ("ON_OR_BEFORE", "ON_OR_AFTER"),
    "EQUAL_OR_LESS": ("ON_OR_AFTER", "ON_OR_BEFORE"),
}  # fmt: skip
"""The modifier of a point from the hedge of its amount, counted back and forward."""
"""Units counted back or forward to an approximate year, not to a calendar period."""
_POSITION = re.compile(
    r"(?i)(early|mid|late|the\s+\w+\s+of|the\s+\w+\s+(?:half|two\s+quarters)\s+of)[-\s]+"
)
_HALVES = {"START": 1, "END": 2}
_YEAR = re.compile(r"\d{4}")
_ENDED = re.compile(r"(?i)\s+(?:ended|ending|that\s+ended|to)\b")
_DAY_NUMBER = re.compile(r"\d+")


def ago(m: re.Match[str], ctx: Context) -> Found:
    """``two weeks ago`` (from publication), ``three days later`` (from the narrative time)."""
    text, start = m.group(), m.start()
    hedged, mod = _strip_hedge(text)
    parts = _AGO.match(hedged)
    if parts is None:
        return []
    unit = _unit(parts.group("unit"))
    direction = parts.group("dir").lower()
    number = amount(parts.group("number"))
    if number is None:
        return [_vague_shift(m, ctx, direction, mod)]
    if unit not in cal.UNIT_PRECISION or number != int(number):
        return [unresolved(start, text)]  # "two hours later": not a calendar day we can name
    sign = -1 if direction in _BACKWARD else 1
    if ctx.ancient is not None and direction not in _DCT_ANCHORED:
        return [_ancient_shift(m, ctx, sign * int(number), unit, mod)]
    if direction in _DCT_ANCHORED:
        anchor: DateValue | None = _comparison_base(ctx) if unit == "year" else ctx.today
    else:
        anchor = ctx.reference(cal.UNIT_PRECISION[unit])
    if anchor is None:
        return [unresolved(start, text)]
    if unit in _ROUGH_UNITS:
        # "a decade ago" is about ten years back, not the calendar decade holding that year
        value = cal.shift(anchor, sign * int(number), unit, Precision.YEAR)
        mod = mod or "APPROX"
    else:
        value = cal.shift(anchor, sign * int(number), unit, _precision(anchor, unit))
    if value is None:
        return [unresolved(start, text)]
    return [expression(start, text, "DATE", value, mod=_point_mod(mod, sign))]


def _ancient_shift(m: re.Match[str], ctx: Context, amount: int, unit: str,
                   mod: str | None) -> TimeExpression:  # fmt: skip
    """ "Ten years later" in a story told before Christ: ``BC0480`` after 490 BC."""
    years = amount * _YEARS_IN.get(unit, 0)
    value = ctx.years_before_christ(years) if years else None
    if value is None or value == "0000":
        return unresolved(m.start(), m.group())
    return expression(m.start(), m.group(), "DATE", value, mod=_point_mod(mod, amount))


def _point_mod(hedge: str | None, sign: int) -> str | None:
    """The modifier of a point counted back or forward with a hedge: "more than 40 years ago"
    is before the year it names, "less than a year later" before the day it names."""
    if hedge is None or hedge not in _POINT_MODS:
        return None if hedge is None else "APPROX"
    back, forward = _POINT_MODS[hedge]
    return back if sign < 0 else forward


def _vague_shift(m: re.Match[str], ctx: Context, direction: str, mod: str | None) -> (
    TimeExpression
):  # fmt: skip
    """ "a few years ago" is PAST_REF. "A few days later" is after the story's time, which may
    lie behind publication: the clause's tense says which side of it ("A few days later, the
    firm announced..." is past), and without one the expression is kept unresolved."""
    if direction in _BACKWARD:
        return expression(m.start(), m.group(), "DATE", "PAST_REF", mod=mod)
    if direction in _DCT_ANCHORED:
        return expression(m.start(), m.group(), "DATE", "FUTURE_REF", mod=mod)
    side = ctx.tense(m.start(), m.end())
    if side == PAST:
        return expression(m.start(), m.group(), "DATE", "PAST_REF", mod=mod)
    if side == FUTURE:
        return expression(m.start(), m.group(), "DATE", "FUTURE_REF", mod=mod)
    return unresolved(m.start(), m.group())


def anaphor(m: re.Match[str], ctx: Context) -> Found:
    """``the next day``, ``the following week``, ``that month``, ``the day before``, ``the
    following spring``; ``that year`` is the year the text last named."""
    text, start = m.group(), m.start()
    words = words_of(text)
    number = weekday_of(words)
    if number is not None:
        return _weekday_from_reference(m, ctx, number, words)
    if words[-1] in SEASONS:
        return [season_from_reference(m, ctx, SEASONS[words[-1]], anaphor_step(words))]
    unit = next(w for w in reversed(words) if w in cal.UNIT_PRECISION or w in PARTS_OF_DAY)
    precision = cal.UNIT_PRECISION.get(unit, Precision.DAY)
    ref = ctx.reference(precision)
    if unit == "year" and ("that" in words or "same" in words) and ctx.named_year is not None:
        ref = ctx.named_year  # "In 1944 ... by mid-January [1945]. Earlier that year": 1944
    if ref is None:
        return [unresolved(start, text)]
    step = anaphor_step(words)
    base = cal.value_at(precision, ref.start)
    value = base if step == 0 else cal.step(base, step)
    if value is None:
        return [unresolved(start, text)]
    if unit == "weekend":
        value = cal.weekend_value(value.start)
    if unit in PARTS_OF_DAY:
        clock = PARTS_OF_DAY[unit]
        return [expression(start, text, "TIME", cal.time_value(value.start, clock))]
    return [expression(start, text, "DATE", value)]


def day_of_month(m: re.Match[str], ctx: Context) -> Found:
    """ "On the 28th": a day of the story's month, in the month after it when that day has
    passed ("21 May ... On the 28th" is 28 May; "on 29 May ... On the 3rd" 3 June)."""
    day = int(_DAY_NUMBER.findall(m.group())[0])
    ref = ctx.reference(Precision.MONTH)
    if ref is None:
        return [unresolved(m.start(), m.group())]
    first = ref.start.replace(day=1)
    if ref.precision.rank <= Precision.DAY.rank and day < ref.start.day:
        first = cal.moved(first, relativedelta(months=1))
    date = safe_date(first.year, first.month, day)
    if date is None:
        return [unresolved(m.start(), m.group())]
    return [expression(m.start(), m.group(), "DATE", cal.day_value(date))]


def position(m: re.Match[str], ctx: Context) -> Found:
    """``early 2024``, ``mid-January``, ``late last year``, ``the end of the month``."""
    text, start = m.group(), m.start()
    lead = _POSITION.match(text)
    assert lead is not None  # the scanner matched the same words
    mod = POSITIONS[re.sub(r"\s+", " ", lead.group(1).lower())]
    rest = text[lead.end() :]
    value, basis = _period(rest, ctx, start + lead.end())
    if value is None:
        return [unresolved(start, text)]
    if value.precision is Precision.YEAR and re.search(r"(?i)half|quarters", lead.group(1)):
        # "the second half of 2024", "the first two quarters of 2025": a half year
        half = cal.half_value(value.start.year, _HALVES[mod])
        return [expression(start, text, "DATE", half, basis=basis)]
    return [expression(start, text, "DATE", value, basis=basis, mod=mod)]


def quarter(m: re.Match[str], ctx: Context) -> Found:
    """``the first quarter``, ``third-quarter``, ``Q3 of 2024``'s kin, ``the latest quarter``."""
    text, start = m.group(), m.start()
    words = words_of(text.replace("-", " "))
    number = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    years = _YEAR.findall(text)
    if number is None:
        return _named_quarter(m, ctx, words)
    if "half" in words:
        year = int(years[0]) if years else relative_year(words, ctx)
        return [expression(start, text, "DATE", cal.half_value(year, number))]
    if years:
        value = cal.quarter_value(int(years[0]), number)
        return [expression(start, text, "DATE", value, basis=Basis.EXPLICIT)]
    year = relative_year(words, ctx)
    if not any(w in RELATIVE_STEP for w in words):
        day = choose(ctx, start, m.end(), lambda y: dt.date(y, 3 * number - 2, 1), year, 91,
                     story=False)  # fmt: skip
        year = day.year if day else year
    if "ago" in words or "earlier" in words:  # "the year-ago third quarter"
        year -= 1
    return [expression(start, text, "DATE", cal.quarter_value(year, number))]


def the_year(m: re.Match[str], ctx: Context) -> Found:
    """``the year`` (the year the story is in), ``the current fiscal year``, ``year-end``;
    ``the year ended March 31`` is a year-long period, a DURATION."""
    text, start = m.group(), m.start()
    words = words_of(text.replace("-", " "))
    if "end" in words:  # "by year-end"; "since year-end" is the end of the year before
        step = -1 if previous_word(ctx.text, start).lower() == "since" else 0
        value = cal.year_value(ctx.published.year + step, "END")
        return [expression(start, text, "DATE", value)]
    if _ENDED.match(ctx.text, m.end()):
        return [expression(start, text, "DURATION", "P1Y")]
    if any(w in ("latest", "last", "previous", "prior") for w in words):
        # "the latest fiscal year": the last one closed, the year before publication's
        return [expression(start, text, "DATE", cal.year_value(ctx.published.year - 1))]
    current = any(w in ("current", "full", "fiscal") for w in words)  # the business year
    ref = ctx.today if current else ctx.reference(Precision.YEAR)
    if ref is None:
        return [unresolved(start, text, value="XXXX")]
    return [expression(start, text, "DATE", cal.year_value(ref.start.year))]


def _strip_hedge(text: str) -> tuple[str, str | None]:
    words = text.split(None, 2)
    for size in (2, 1):
        head = " ".join(words[:size]).lower()
        if head in HEDGES and len(words) > size:
            return text.split(None, size)[size], HEDGES[head]
    return text, None


def _unit(word: str) -> str:
    match = _UNIT.match(word)
    unit = match.group(1).lower() if match else word.lower()
    return "century" if unit == "centur" else unit


def _precision(anchor: DateValue, unit: str) -> Precision:
    """The unit's precision, or the anchor's when it lies between a day and the unit.

    "a year earlier" after "the third quarter" is the same quarter a year before.
    """
    wanted = cal.UNIT_PRECISION[unit]
    if Precision.DAY.rank < anchor.precision.rank < wanted.rank:
        return anchor.precision
    return wanted


def anaphor_step(words: list[str]) -> int:
    if any(w in ("following", "next", "after") for w in words):
        return 1
    if any(w in ("previous", "preceding", "prior", "before") for w in words):
        return -1
    return 0


def _weekday_from_reference(m: re.Match[str], ctx: Context, number: int,
                            words: list[str]) -> Found:  # fmt: skip
    """ "the previous Friday": the Friday before the narrative day."""
    ref = ctx.reference(Precision.DAY)
    if ref is None:
        return [unresolved(m.start(), m.group())]
    sign = -1 if "previous" in words else 1
    day = cal.weekday_from(ref.start, number, sign, strict=True)
    return [expression(m.start(), m.group(), "DATE", cal.day_value(day))]


def _period(rest: str, ctx: Context, start: int) -> tuple[DateValue | None, Basis]:
    """The period a position word applies to: a month, a year, "last year", "the month"."""
    words = words_of(rest)
    years = _YEAR.findall(rest)
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    if month is not None and years:
        return cal.month_value(int(years[0]), month), Basis.EXPLICIT
    if years:
        return cal.year_value(int(years[0])), Basis.EXPLICIT
    year = relative_year(words, ctx)
    if month is not None:
        if any(w in RELATIVE_STEP for w in words):
            return cal.month_value(year, month), Basis.RELATIVE
        day = choose(ctx, start, start + len(rest), lambda y: dt.date(y, month, 1), year)
        return (cal.month_value(day.year, month) if day else None), Basis.RELATIVE
    unit = words[-1]
    if words[0] in ("the", "that"):
        ref = ctx.reference(cal.UNIT_PRECISION[unit])
        return (cal.value_at(cal.UNIT_PRECISION[unit], ref.start) if ref else None), Basis.RELATIVE
    return cal.shift(ctx.today, RELATIVE_STEP[words[0]], unit, cal.UNIT_PRECISION[unit]), (
        Basis.RELATIVE
    )


def _named_quarter(m: re.Match[str], ctx: Context, words: list[str]) -> Found:
    """ "the latest quarter" is the last one completed; "the year-ago quarter" a year before
    the quarter being reported; "the quarter" the one the text is about."""
    current = cal.value_at(Precision.QUARTER, ctx.published)
    value: DateValue | None
    years = _YEAR.findall(m.group())
    if years:  # "the 1988 quarter": the quarter being reported, in that year
        base = _comparison_base(ctx)
        if base.precision is not Precision.QUARTER:
            return [expression(m.start(), m.group(), "DATE", cal.year_value(int(years[0])))]
        value = cal.quarter_value(int(years[0]), (base.start.month - 1) // 3 + 1)
    elif "year" in words and ("quarter" in words or "period" in words):
        # "the year-ago quarter": the quarter being reported, a year before
        base = _comparison_base(ctx)
        reported = base if base.precision is Precision.QUARTER else cal.step(current, -1)
        value = cal.shift(reported, -1, "year", Precision.QUARTER) if reported else None
    elif "year" in words:
        value = cal.shift(_comparison_base(ctx), -1, "year", _comparison_precision(ctx))
    elif "that" in words:
        value = ctx.reference(Precision.QUARTER)
        value = value if value is not None and value.precision is Precision.QUARTER else None
    elif any(w in ("latest", "last", "previous") for w in words):
        value = cal.step(current, -1)
    elif "next" in words:
        value = cal.step(current, 1)
    elif "this" in words or "current" in words:
        value = current
    else:
        ref = ctx.reference(Precision.QUARTER)
        value = ref if ref is not None and ref.precision is Precision.QUARTER else None
        value = value or cal.step(current, -1)
    if value is None:
        return [unresolved(m.start(), m.group())]
    return [expression(m.start(), m.group(), "DATE", value)]


def _comparison_base(ctx: Context) -> DateValue:
    """What "a year ago" compares with: the quarter being reported on, else publication.

    Business news reports a period ("third-quarter profit rose") and compares it with the same
    period "a year ago"; that is the quarter a year before, not the publication day. The
    report is on the newest quarter over by publication: one not yet over ("losses through the
    third quarter of 1990") is a forecast, an older one named after it ("after a flat second
    quarter") background, one more than a year back history (see ``Context.reported``).
    """
    return ctx.reported or ctx.today


def _comparison_precision(ctx: Context) -> Precision:
    base = _comparison_base(ctx)
    return Precision.QUARTER if base.precision is Precision.QUARTER else Precision.YEAR
