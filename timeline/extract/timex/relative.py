"""Interpreters for dates relative to publication: "yesterday", "last week", "on Monday"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta, weekday

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression, unresolved
from timeline.extract.timex.lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS
from timeline.extract.timex.scanner import MONTH
from timeline.extract.timex.tense import FUTURE, PAST
from timeline.extract.timex.words import choose, month_number, previous_word, safe_date
from timeline.model import DateValue, Precision, TimeExpression

Found = list[TimeExpression]
_WORD = re.compile(r"[A-Za-z]+(?:'s)?|\d+(?::\d+)?")
_STEPS = {"last": -1, "this": 0, "the": 0, "next": 1, "coming": 1}
_EDGE_MODS = {"early": "START", "late": "END", "mid": "MID"}
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_CLOCK_DATE = re.compile(
    rf"(?P<month>{MONTH})\s+(?P<day>\d+)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?$"
)
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<half>[ap])?|(?P<word>noon|midnight|midday)",
    re.IGNORECASE,
)


_INDEFINITE = re.compile(r"(?i)\b(?:a|an|one|any)\s+$")
_DEFINITE = re.compile(r"(?i)\bthe\s+$")
_MODIFIED_NOUN = re.compile(
    r"\s+(?!(?:the|a|an|that|when|which|before|after|of|in|on|at|and|or|he|she|it|we|they|"
    r"his|her|its|their|this|these|those)\b)[a-z]"
)


def words_of(text: str) -> list[str]:
    """The lower-cased words of a matched span."""
    return [w.lower().removesuffix("'s") for w in _WORD.findall(text)]


def weekday_of(words: list[str]) -> int | None:
    """The weekday number (Monday 0) a span names, if any."""
    return next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)


def deictic(m: re.Match[str], ctx: Context) -> Found:
    """``today``, ``yesterday morning``, ``tonight``, ``last night``, ``late yesterday``,
    ``mid-afternoon`` and ``in the morning`` (on the story's day)."""
    words = words_of(m.group())
    if "before" in words or "after" in words:  # the day before yesterday / after tomorrow
        offset = -2 if "before" in words else 2
    elif words[-2:-1] == ["last"] or words[0] == "last":
        offset = -1  # last night
    elif words[0] in ("mid", "the") and not any(w in _DEICTIC_DAYS for w in words):
        # "by mid-afternoon", "in the morning": on the story's day
        ref = ctx.reference(Precision.DAY)
        part = _part_of_day(words)
        if ref is None or part is None:
            return [unresolved(m.start(), m.group(), "TIME", f"XXXX-XX-XXT{part or 'XX:XX'}")]
        return [_on_day(m, ref.start, part, _edge(words))]
    else:
        offset = next((_DEICTIC_DAYS[w] for w in words if w in _DEICTIC_DAYS), 0)
    day = cal.moved(ctx.published, relativedelta(days=offset))
    part = _part_of_day(words) or ("NI" if "tonight" in words else None)
    return [_on_day(m, day, part, _edge(words))]


def relative(m: re.Match[str], ctx: Context) -> Found:
    """``last week``, ``this month``, ``next year``, ``last Tuesday``, ``earlier this month``."""
    words = words_of(m.group())
    step = -1 if "past" in words else next(_STEPS[w] for w in words if w in _STEPS)
    unit, mod = words[-1], _edge(words)
    if unit in cal.UNIT_PRECISION and m.group()[-len(unit)].isupper():
        return []  # a title: ABC's "This Week"
    if unit in WEEKDAYS:
        return [_on_day(m, _relative_weekday(ctx, m, WEEKDAYS[unit], step), None, mod)]
    if unit in MONTHS:
        return [
            expression(m.start(), m.group(), "DATE", _relative_month(ctx, MONTHS[unit], step, mod))
        ]
    if unit == "weekend":
        return [expression(m.start(), m.group(), "DATE", _weekend(ctx, m, step), mod=mod)]
    value = cal.shift(ctx.today, step, unit, cal.UNIT_PRECISION[unit])
    if value is None:
        return [unresolved(m.start(), m.group())]  # "next year", published in 9999
    return [expression(m.start(), m.group(), "DATE", value, mod=mod)]


def weekday_expr(m: re.Match[str], ctx: Context) -> Found:
    """``Monday``, ``Monday night``, ``early Tuesday``, ``Friday at 6 a.m.``: tense decides.
    ``Tuesday nights`` is a set."""
    words = words_of(m.group())
    number = weekday_of(words)
    assert number is not None  # the scanner matched a weekday name
    if m.group().endswith("s") and words[-1].removesuffix("s") in PARTS_OF_DAY:
        part = PARTS_OF_DAY[words[-1].removesuffix("s")]  # "Tuesday nights": every one
        return [expression(m.start(), m.group(), "SET", f"XXXX-WXX-{number + 1}T{part}")]
    before, after = ctx.text[max(0, m.start() - 8) : m.start()], ctx.text[m.end() : m.end() + 16]
    if _described(before, m.group(), after):
        return [unresolved(m.start(), m.group(), "DATE", f"XXXX-WXX-{number + 1}")]
    day = _tensed_weekday(ctx, m, number)
    clock = _clock(m.group())
    return [_on_day(m, day, clock or _part_of_day(words), _edge(words))]


def _described(before: str, text: str, after: str) -> bool:
    """ "on a Thursday" is any Thursday, and "the Sunday the truce began" one the text
    describes: neither is the weekday nearest publication, so neither is resolved. Before a
    noun the weekday is the usual one: "the Friday explosions", "a Sunday night service"."""
    if text.endswith(("'s", "’s")) or _MODIFIED_NOUN.match(after):
        return False
    return bool(_INDEFINITE.search(before) or _DEFINITE.search(before))


def clock(m: re.Match[str], ctx: Context) -> Found:
    """``6 a.m.``, ``10:30 p.m. Wednesday``, ``noon``: on the day named, or the reference day.
    "high noon" is a showdown, not a time."""
    words = words_of(m.group())
    if words[0] == "noon" and previous_word(ctx.text, m.start()).lower() == "high":
        return []
    number = weekday_of(words)
    if any(w in MONTHS for w in words):  # "5 p.m. EST, Nov. 6": the date says the day
        day: dt.date | None = _dated(ctx, m)
    elif number is not None:
        day = _tensed_weekday(ctx, m, number)
    elif any(w in _DEICTIC_DAYS for w in words):
        offset = sum(_DEICTIC_DAYS.get(w, 0) for w in words)
        day = cal.moved(ctx.published, relativedelta(days=offset))
    else:
        ref = ctx.reference(Precision.DAY)
        day = ref.start if ref is not None else None
    time = _clock(m.group())
    if day is None or time is None:
        return [unresolved(m.start(), m.group(), "TIME", "XXXX-XX-XXT" + (time or "XX:XX"))]
    return [expression(m.start(), m.group(), "TIME", cal.time_value(day, time))]


def _dated(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day of a clock time followed by a date, its year from the text or the tense."""
    parts = _CLOCK_DATE.search(m.group())
    assert parts is not None  # the scanner matched a month and a day
    month, day = month_number(parts.group("month")), int(parts.group("day"))
    if parts.group("year"):
        return safe_date(int(parts.group("year")), month, day)

    def make(year: int) -> dt.date | None:
        return safe_date(year, month, day)

    return choose(ctx, m.start(), m.end(), make, ctx.published.year)


def _on_day(m: re.Match[str], day: dt.date, clock: str | None, mod: str | None) -> (
    TimeExpression
):  # fmt: skip
    """A DATE for a day, or a TIME when a clock time or a part of day comes with it."""
    if clock:
        return expression(m.start(), m.group(), "TIME", cal.time_value(day, clock), mod=mod)
    return expression(m.start(), m.group(), "DATE", cal.day_value(day), mod=mod)


def _tensed_weekday(ctx: Context, m: re.Match[str], number: int) -> dt.date:
    """The latest such weekday not after publication; in a future clause, the next one after."""
    possessive = m.group().endswith("'s")  # "Friday's vote" happened
    if not possessive and ctx.tense(m.start(), m.end()) == FUTURE:
        return cal.moved(ctx.published, relativedelta(days=1, weekday=weekday(number)(+1)))
    return cal.moved(ctx.published, relativedelta(weekday=weekday(number)(-1)))


def _relative_weekday(ctx: Context, m: re.Match[str], number: int, step: int) -> dt.date:
    """ "last Tuesday" is strictly before publication, "next Tuesday" strictly after."""
    if step < 0:
        return cal.moved(ctx.published, relativedelta(days=-1, weekday=weekday(number)(-1)))
    if step > 0:
        return cal.moved(ctx.published, relativedelta(days=1, weekday=weekday(number)(+1)))
    return _tensed_weekday(ctx, m, number)


def _relative_month(ctx: Context, number: int, step: int, mod: str | None) -> DateValue:
    """ "last May" is the latest May before this month; "next May" the first one after it."""
    this = ctx.published.replace(day=1)
    year = this.year
    if step < 0 and number >= this.month:
        year -= 1
    elif step > 0 and number <= this.month:
        year += 1
    return cal.month_value(year, number, mod)


def _weekend(ctx: Context, m: re.Match[str], step: int) -> DateValue:
    """ "this weekend" is the coming one, or in a past clause the one just gone."""
    weekday_now = ctx.published.weekday()
    if step == 0 and weekday_now < 5 and ctx.tense(m.start(), m.end()) == PAST:
        step = -1
    return cal.weekend_value(cal.moved(ctx.published, relativedelta(weeks=step)))


def _part_of_day(words: list[str]) -> str | None:
    return next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)


def _edge(words: list[str]) -> str | None:
    return next((_EDGE_MODS[w] for w in words if w in _EDGE_MODS), None)


def _clock(text: str) -> str | None:
    """``06:00`` from "6 a.m.", ``18:30`` from "6:30 p.m.", ``12:00`` from "noon"."""
    if not any(c.isdigit() for c in text) and not re.search(r"(?i)noon|midnight|midday", text):
        return None
    match = _CLOCK.search(text)
    if match is None:
        return None
    if match.group("word"):
        return "24:00" if match.group("word").lower() == "midnight" else "12:00"
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = (match.group("half") or "").lower()
    if re.search(r"(?i)afternoon|evening", text):  # "3 in the afternoon"
        half = "p"
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
