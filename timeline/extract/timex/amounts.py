"""Interpreters for what dates nothing by itself: durations, sets and generic references."""

from __future__ import annotations

import re

from timeline.extract.timex.context import Context, expression
from timeline.extract.timex.lexicon import (
    HEDGES,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
)
from timeline.extract.timex.relative import weekday_of, words_of
from timeline.extract.timex.scanner import EXTRA
from timeline.extract.timex.words import amount, number_text, previous_word
from timeline.model import TimeExpression

Found = list[TimeExpression]
_UNIT_WORD = re.compile(
    r"(?i)(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|"
    r"years?|decades?|century|centuries)(?:-(?:long|old))?$"
)
_QUALIFIER = re.compile(
    r"(?i)^(?:the\s+)?(?:past|last|next|coming|first|final|previous|following|recent)\s+"
)
_AHEAD = re.compile(r"(?i)\s+ahead$")
_AND_A_HALF = re.compile(r"(?i)\s+and\s+a\s+half$")
_EXTRA = re.compile(rf"(?i)[-\s]+(?:{EXTRA})$")
_MULTIPLIER = {"DE": 10, "CE": 100}
_SMALLER = {
    "year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
    "hour": ("minute", 60), "minute": ("second", 60),
}  # fmt: skip
# What comes before "a year" in a rate: an amount ("$1.76", "500 million") or what is counted.
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:million|billion|thousand|hundred|cents|percent|dollars|[a-z]{3,}[^s\W]s))"
    r"\s+$"
)
_FRACTION_OF = re.compile(r"\s+of\b")
_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should"})
_FREQUENCY = frozenset({"once", "twice", "thrice", "times", "per"})
_HEDGES_LONGEST_FIRST = sorted(HEDGES, key=len, reverse=True)
"""The hedges, tried longest first ("more than" before "more"); sorted once."""
_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D",
}  # fmt: skip
_GENERIC = {
    "now": "PRESENT_REF", "current": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "soon": "FUTURE_REF",
    "then current": "PAST_REF", "then-current": "PAST_REF",
}  # fmt: skip


def duration(m: re.Match[str], ctx: Context) -> Found:
    """``15 months``, ``a 42-day ceasefire``, ``over two weeks`` (MORE_THAN), ``for years``."""
    text, start = m.group(), m.start()
    body, mod = _hedge(text)
    body = _AHEAD.sub("", body)  # "the weeks ahead"
    half = _AND_A_HALF.search(body)  # "a minute and a half"
    body = body[: half.start()] if half else body
    unit_match = _UNIT_WORD.search(body)
    assert unit_match is not None  # every duration alternative ends in a unit
    unit = _unit_name(unit_match.group(1))
    head = _EXTRA.sub("", _QUALIFIER.sub("", body[: unit_match.start()].rstrip(" -")))
    if not head or head.lower() in ("past", "coming", "recent", "the past", "the coming"):
        number: float | None = 1.0 if _singular(unit_match.group(1)) else None
    else:
        number = amount(head)
    if half and number is not None:
        number += 0.5
    if _not_an_amount_of_time(ctx, m, head, unit_match.group(1), number):
        return []
    if text.lower() == "one day" and previous_word(ctx.text, start).lower() in _MODALS:
        return [expression(start, text, "DATE", "FUTURE_REF")]  # "will one day be"
    if number == 1 and head.lower() in ("a", "an") and _is_frequency(ctx, start):
        return [expression(start, text, "SET", _period(1.0, unit))]  # "twice a day"
    if head.lower() in ("a", "an") and text.lower().endswith("-long"):
        # "a day-long meeting": the article belongs to the noun, as in "a 42-day ceasefire"
        cut = len(text) - len(unit_match.group())
        return [expression(start + cut, text[cut:], "DURATION", _period(number, unit), mod=mod)]
    return [expression(start, text, "DURATION", _period(number, unit), mod=mod)]


def every(m: re.Match[str], ctx: Context) -> Found:
    """``every Friday`` (``XXXX-WXX-5``), ``each month``, ``every quarter``, ``each spring``
    (``XXXX-SP``), ``daily``, ``on Fridays``."""
    text = m.group()
    words = words_of(text)
    number = weekday_of([w.removesuffix("s") for w in words])
    if number is not None:
        return [expression(m.start(), text, "SET", f"XXXX-WXX-{number + 1}")]
    if words[0] in _SETS:
        return [expression(m.start(), text, "SET", _SETS[words[0]])]
    last = words[-1]
    if last in MONTHS:
        return [expression(m.start(), text, "SET", f"XXXX-{MONTHS[last]:02d}")]
    if last in SEASONS:
        return [expression(m.start(), text, "SET", f"XXXX-{SEASONS[last]}")]
    if (last in PARTS_OF_DAY and last != "night") or last == "evening":
        return [expression(m.start(), text, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[last]}")]
    size = 2 if "other" in words else 1
    return [expression(m.start(), text, "SET", _period(float(size), last))]


def generic(m: re.Match[str], ctx: Context) -> Found:
    """``now``, ``currently`` (PRESENT_REF), ``recently`` (PAST_REF), ``the future``."""
    text = m.group()
    key = re.sub(r"\s+", " ", text.lower())
    value = "FUTURE_REF" if key.endswith("future") else _GENERIC[key]
    return [expression(m.start(), text, "DATE", value)]


def _hedge(text: str) -> tuple[str, str | None]:
    lowered = text.lower()
    for hedge in _HEDGES_LONGEST_FIRST:
        if lowered.startswith(hedge + " "):
            return text[len(hedge) + 1 :].lstrip(), HEDGES[hedge]
    return text, None


def _unit_name(word: str) -> str:
    word = word.lower()
    if word in ("century", "centuries"):
        return "century"
    return word.removesuffix("s")


def _singular(word: str) -> bool:
    return not word.lower().endswith(("s", "ies"))


def _period(number: float | None, unit: str) -> str:
    """The TIMEX3 duration: ``P15M``, ``PT6H``, ``P20Y`` for two decades, ``PXY`` if vague."""
    letter = UNITS[unit]
    if number is not None and number != int(number) and unit in _SMALLER:
        return _mixed_period(number, unit)
    if letter == "WE":
        letter, number = "D", None if number is None else 2 * number
    if unit == "fortnight":
        number = None if number is None else 2 * number
    if letter in _MULTIPLIER:
        number = None if number is None else number * _MULTIPLIER[letter]
        letter = "Y"
    time = "T" if unit in TIME_UNITS else ""
    return f"P{time}{'X' if number is None else number_text(number)}{letter}"


def _mixed_period(number: float, unit: str) -> str:
    """ "2 1/2 years" is ``P2Y6M``, "5 1/2 hours" ``PT5H30M``: TIMEX3 wants whole numbers."""
    smaller, factor = _SMALLER[unit]
    whole = int(number)
    rest = round((number - whole) * factor)
    time = "T" if unit in TIME_UNITS else ""
    head = f"{whole}{UNITS[unit]}" if whole else ""
    tail_time = "T" if smaller in TIME_UNITS and not time else ""
    return f"P{time}{head}{tail_time}{rest}{UNITS[smaller]}"


def _not_an_amount_of_time(ctx: Context, m: re.Match[str], head: str, unit_word: str,
                           number: float | None) -> bool:  # fmt: skip
    """Numbers and units that are no duration: "a second phase" (an ordinal), "$1.76 a year"
    and "700 seats a week" (rates), "three-quarters of its food" (a fraction; "several
    quarters of losses" is none: a vague number counts no fraction), "the 1988
    quarter" (digits before a singular unit are a label, not an amount; a number in words
    before one is a compound whose hyphen a transcript dropped: "a five year low")."""
    article = head.lower() in ("a", "an")
    if article and unit_word.lower() == "second":
        return True
    if article and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return True
    if unit_word.lower().startswith("quarter") and _FRACTION_OF.match(ctx.text, m.end()):
        return number is not None  # "several quarters of losses" is no fraction
    spaced = not re.search(r"-\s*$", m.group()[: m.group().lower().rfind(unit_word.lower())])
    digits = head[:1].isdigit()  # "a two day rally" is a transcript's "two-day"
    return number not in (None, 1.0) and spaced and digits and _singular(unit_word)


def _is_frequency(ctx: Context, start: int) -> bool:
    return previous_word(ctx.text, start).lower() in _FREQUENCY
