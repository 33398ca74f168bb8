"""Interpreters for calendar dates: the expressions that name days and months (with or
without their year) and holidays. Years, decades and centuries alone are ``years.py``'s."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter
from dateutil.relativedelta import TH, TU, relativedelta

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression, unresolved
from timeline.extract.timex.eras import short_year
from timeline.extract.timex.lexicon import DATE_INTRO, RELATIVE_STEP
from timeline.extract.timex.scanner import ANY_YEAR, DAY, MONTH, WEEKDAY, YEAR
from timeline.extract.timex.words import (
    choose,
    full_year,
    month_number,
    next_word,
    previous_word,
    safe_date,
    year_number,
)
from timeline.model import Basis, TimeExpression

Found = list[TimeExpression]
_RANGE = r"\s*(?:-|–|—|to|through|until|till)\s*|\s+and\s+"
_REL = r"(?P<rel>(?i:this|last|next))\s+(?i:year)"
_DAY_REL = r"(?P<rel>(?i:this|last|next|that))\s+(?i:year)"
_MONTH_DAY = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})"
    rf"(?:(?P<range>{_RANGE})(?P<day2>{DAY}))?(?:,?\s+(?P<year>{YEAR})|\s+{_DAY_REL})?"
)
_DAY_MONTH = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?P<day>{DAY})(?:(?P<range>{_RANGE})(?P<day2>{DAY}))?"
    rf"\s+(?:(?i:of)\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})|\s+{_DAY_REL})?"
)
_MONTH_YEAR = re.compile(rf"(?P<month>{MONTH}),?\s+(?:(?i:of)\s+)?(?:(?P<year>{ANY_YEAR})|{_REL})")
_DIGITS = re.compile(r"\d+")
_BEFORE_A_MONTH = frozenset({"in", "since", "until", "during", "by", "from", "early", "late"})
"""Words after which a month name is one even before a capitalized word: "In April Nixon"."""
_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
    "halloween": (10, 31), "independence day": (7, 4),
}  # fmt: skip


def iso(m: re.Match[str], ctx: Context) -> Found:
    """``2023-10-07`` and ``2023-10-07T18:30``; of ``2023-10-07T25:00`` only the day."""
    text = m.group()
    day = safe_date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    if day is None:
        return []
    clock = text[11:16]
    if clock and (clock <= "23:59" or clock == "24:00"):
        return [expression(m.start(), text, "TIME", cal.time_value(day, clock),
                           basis=Basis.EXPLICIT)]  # fmt: skip
    return [expression(m.start(), text[:10], "DATE", cal.day_value(day), basis=Basis.EXPLICIT)]


def slash(m: re.Match[str], ctx: Context) -> Found:
    """``10/7/2023`` (month first) or, with ``day_first``, ``7/10/2023``."""
    first, second, year = m.group().split("/")
    month, day = (second, first) if ctx.day_first else (first, second)
    date = safe_date(full_year(year), int(month), int(day))
    if date is None:
        return []
    return [expression(m.start(), m.group(), "DATE", cal.day_value(date), basis=Basis.EXPLICIT)]


def month_day(m: re.Match[str], ctx: Context) -> Found:
    """``October 7, 2023``, ``Oct. 7th``, ``Jan. 19-21``, ``Monday, Oct. 26``."""
    return _day_and_month(_MONTH_DAY.fullmatch(m.group()), m.start(), ctx)


def week_of(m: re.Match[str], ctx: Context) -> Found:
    """``the week of March 6``: the (ISO) week that holds the day."""
    text, start = m.group(), m.start()
    cut = re.match(r"(?i)the\s+week\s+of\s+", text)
    assert cut is not None  # the scanner matched the same words
    day = _day_and_month(_MONTH_DAY.fullmatch(text[cut.end() :]), start + cut.end(), ctx)
    dated = day[0].date if day else None
    if dated is None:
        return [unresolved(start, text)]
    return [expression(start, text, "DATE", cal.week_value(dated.start), basis=day[0].basis)]


def day_month(m: re.Match[str], ctx: Context) -> Found:
    """``7 October 2023``, ``the 7th of October``, ``19-21 January``."""
    return _day_and_month(_DAY_MONTH.fullmatch(m.group()), m.start(), ctx)


def month_year(m: re.Match[str], ctx: Context) -> Found:
    """``January 2024``, ``June last year``."""
    parts = _MONTH_YEAR.fullmatch(m.group())
    assert parts is not None  # the scanner matched the same fragments
    month = month_number(parts.group("month"))
    year, basis = _year_of(parts, ctx)
    value = cal.month_value(year, month)
    return [expression(m.start(), m.group(), "DATE", value, basis=basis)]


def month(m: re.Match[str], ctx: Context) -> Found:
    """A bare month name, ``in January``: the year comes from the tense."""
    text, start = m.group(), m.start()
    before = previous_word(ctx.text, start).lower()
    if text in ("May", "March") and before not in DATE_INTRO:
        return []  # "Mayor March", "May God help us"
    if before and before[0].isupper() and before not in DATE_INTRO:
        return []
    named = next_word(ctx.text, m.end())[:1].isupper() and ctx.text[m.end() : m.end() + 1] != ","
    if named and before not in _BEFORE_A_MONTH:
        return []  # a name: "April Smith", "August Wilson"; "In January, Congress" is a date
        # and so is "In April Nixon sent troops"
    number = month_number(text)
    first = choose(ctx, start, m.end(), lambda y: dt.date(y, number, 1), ctx.published.year,
                   days=30)  # fmt: skip
    if first is None:
        return [unresolved(start, text, value=f"XXXX-{number:02d}")]
    return [expression(start, text, "DATE", cal.month_value(first.year, number))]


def holiday(m: re.Match[str], ctx: Context) -> Found:
    """``Christmas``, ``New Year's Day``, ``Thanksgiving``, ``Easter``, with or without year."""
    text, start = m.group(), m.start()
    digits = _DIGITS.findall(text)
    name = re.sub(r"\s+", " ", text.split(",")[0]).lower()
    name = name[:-5].strip() if digits else name
    make = _holiday_maker(name)
    day = make(int(digits[0])) if digits else choose(ctx, start, m.end(), make, ctx.published.year)
    if day is None:
        return [unresolved(start, text)]
    basis = Basis.EXPLICIT if digits else Basis.RELATIVE
    return [expression(start, text, "DATE", cal.day_value(day), basis=basis)]


def _day_and_month(parts: re.Match[str] | None, start: int, ctx: Context) -> Found:
    assert parts is not None  # the scanner matched the same fragments
    number = month_number(parts.group("month"))
    day = int(_DIGITS.findall(parts.group("day"))[0])
    text = parts.group()
    if parts.group("year") or parts.groupdict().get("rel"):
        year, basis = _year_of(parts, ctx)
        date = safe_date(year, number, day)
    elif _named_day(parts, start, ctx):
        basis, date = Basis.EXPLICIT, _NAMED_DAYS[(number, day)]
    else:
        basis = Basis.RELATIVE
        date = choose(ctx, start, start + len(text),
                      lambda y: safe_date(y, number, day), ctx.published.year)  # fmt: skip
    if date is None:
        return [unresolved(start, text)]
    if not parts.group("day2"):
        return [expression(start, text, "DATE", cal.day_value(date), basis=basis)]
    return _range(parts, start, date, basis)


def _named_day(parts: re.Match[str], start: int, ctx: Context) -> bool:
    """Whether a year-less day is the name of a happening everyone dates ("the attacks of
    Sept. 11", "after September 11th", "Sept. 11 changed everything"), not a day of the
    news: published after it, not a range, no weekday, not introduced by a preposition that
    dates a clause ("on Sept. 11", "by Sept. 11") nor a chronology's label ("Sept. 11:"),
    unless a word of the happening follows ("on Sept. 11 attacks")."""
    key = (month_number(parts.group("month")), int(_DIGITS.findall(parts.group("day"))[0]))
    named = _NAMED_DAYS.get(key)
    if named is None or ctx.published <= named or parts.group("day2"):
        return False
    end = start + len(parts.group())
    if _NAMED_NOUN.match(ctx.text, end):
        return True
    if parts.group().split()[0].rstrip(",") in _WEEKDAY_NAMES:
        return False
    before = previous_word(ctx.text, start).lower()
    return before not in _DATING_WORDS and not ctx.text.startswith(":", end)


_NAMED_DAYS = {(9, 11): dt.date(2001, 9, 11)}
"""Days that name a happening when written without their year (the 11 September attacks)."""
_NAMED_NOUN = re.compile(
    r"(?i)[\s,-]+(?:terror\w*|attacks?|hijack\w*|victims?|commission|memorial|"
    r"(?:victim\s+)?compensation|fund|era|generation|plot|plotters)\b"
)
_DATING_WORDS = frozenset(
    "on by until till through before from to between and or for since".split()
)
_WEEKDAY_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur "
    "Thurs Fri Sat Sun".split()
)


def _range(parts: re.Match[str], start: int, first: dt.date, basis: Basis) -> Found:
    """Two expressions for a range: the first day, and the last day in the same month.

    "Jan. 19-21" is ``Jan. 19`` (2025-01-19) and ``21`` (2025-01-21), so each end of the range
    can date an event of its own.
    """
    text = parts.group()
    cut = parts.start("range")
    day2 = int(_DIGITS.findall(parts.group("day2"))[0])
    last = safe_date(first.year, first.month, day2)
    head = text[:cut] if parts.start("month") < cut else text[: parts.end("day")]
    tail_start = parts.start("day2")
    tail = text[tail_start:]
    found = [expression(start, head.rstrip(), "DATE", cal.day_value(first), basis=basis)]
    if last is not None and last > first:
        found.append(expression(start + tail_start, tail, "DATE", cal.day_value(last),
                                basis=basis))  # fmt: skip
    return found


def _year_of(parts: re.Match[str], ctx: Context) -> tuple[int, Basis]:
    if parts.group("year"):
        written = parts.group("year")
        number = year_number(written)
        if number is None and written[:1] in "'’":  # "December '99"
            number = short_year(written[1:], ctx, parts.start("year"))
        assert number is not None  # the scanner matched a year
        return number, Basis.EXPLICIT
    relative = parts.group("rel").lower()
    if relative == "that":  # "in April 2009 ... died on 25 June that year": the year named
        named = ctx.named_year
        return (named.start.year if named else ctx.published.year), Basis.RELATIVE
    return ctx.published.year + RELATIVE_STEP[relative], Basis.RELATIVE


def _holiday_maker(name: str) -> Callable[[int], dt.date]:
    if name in _HOLIDAYS:
        month, day = _HOLIDAYS[name]
        return lambda y: dt.date(y, month, day)
    if name.startswith("thanksgiving"):
        return lambda y: dt.date(y, 11, 1) + relativedelta(weekday=TH(+4))
    if name.startswith("easter"):
        return easter
    return lambda y: dt.date(y, 11, 2) + relativedelta(weekday=TU(+1))  # Election Day
