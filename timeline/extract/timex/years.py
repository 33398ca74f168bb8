"""Interpreters for years and the periods counted in them: a year in digits or in words,
a decade, a century. A number is a year only where it is not a count or a code ("2000
votes", "Resolution 1441")."""

from __future__ import annotations

import re

from timeline.extract.timex import calendar as cal
from timeline.extract.timex.context import Context, expression
from timeline.extract.timex.lexicon import CENTURY_WORDS, DATE_INTRO, RELATIVE_STEP
from timeline.extract.timex.words import next_word, previous_word, year_number
from timeline.model import Basis, TimeExpression

Found = list[TimeExpression]
_DIGITS = re.compile(r"\d+")
_NOT_A_YEAR_AFTER = frozenset(
    [
        "resolution",
        "no",
        "no.",
        "number",
        "flight",
        "route",
        "highway",
        "page",
        "pages",
        "p.",
        "pp.",
        "room",
        "article",
        "section",
        "chapter",
        "model",
        "version",
        "code",
        "bill",
        "act",
        "law",
        "paragraph",
        "item",
        "rule",
        "form",
        "unit",
        "channel",
        # a stamp's time ("updated 1723") and a count ("death toll 1881")
        "updated",
        "toll",
        "tally",
        "total",
    ]
)
# "rose to 1881", "a total of 1881": a number a count reaches, when no noun follows it.
_AFTER_A_COUNT = frozenset(
    "in across on at after since and as with by from for of were was".split()
)
_COUNT_REACHES = re.compile(
    r"(?i)\b(?:(?:rise|rises|rose|risen|rising|climb|climbs|climbed|jump|jumps|jumped|toll|"
    r"tally|total|number|count|figure|increase|increased|up)\s+(?:to|of|at)|reach|reaches|"
    r"reached|hit|hits|topped|tops|passed|passes|exceeded|exceeds)\s+$"
)
# An article before a year makes it a modifier of a singular noun: "a 2009 analysis".
_YEAR_INTRO = DATE_INTRO | {"the", "a", "an", "year", "fiscal", "mid", "since", "circa", "c."}
_SIDES = {"pos": "AFTER", "pre": "BEFORE"}


def year(m: re.Match[str], ctx: Context) -> Found:
    """A four-digit year: ``in 2023``, ``fiscal 1989``; counts and codes are refused."""
    text, start = m.group(), m.start()
    before = previous_word(ctx.text, start).lower()
    if before in _NOT_A_YEAR_AFTER:
        return []
    after = next_word(ctx.text, m.end())
    sided = text[:3].lower() in _SIDES  # "pre-1990 levels" is no count
    if before not in _YEAR_INTRO and not sided and _looks_counted(after):
        return []  # "2000 votes", "1948 refugees"
    if (not after or after.lower() in _AFTER_A_COUNT) and _COUNT_REACHES.search(
        ctx.text, max(0, start - 24), start
    ):
        return []  # "the toll rose to 1881 on Monday"; "rose to 2008 levels" is a year
    number = int(_DIGITS.findall(text)[-1])
    mod = _SIDES.get(text[:3].lower())  # "post-1959": after it; "pre-1990": before it
    return [expression(start, text, "DATE", cal.year_value(number), basis=Basis.EXPLICIT,
                       mod=mod)]  # fmt: skip


def decade(m: re.Match[str], ctx: Context) -> Found:
    """``the 1990s`` (value ``199``), ``the early '90s``, ``the nineties``; ``the 1800s`` is a
    century (``18``), as is ``the 1900s`` (the 2000s are the decade people mean by them)."""
    text = m.group()
    found = _DIGITS.findall(text)
    digits = found[-1] if found else str(_DECADE_WORDS[_DECADE_WORD.findall(text.lower())[-1]])
    first = int(digits) if len(digits) == 4 else _century_for(int(digits), ctx) + int(digits)
    mod = _early_late(text)
    if len(digits) == 4 and first % 100 == 0 and first < 2000:
        value = cal.century_value(first, mod)
    else:
        value = cal.decade_value(first, mod)
    return [expression(m.start(), text, "DATE", value, basis=Basis.EXPLICIT)]


def century(m: re.Match[str], ctx: Context) -> Found:
    """``the 20th century`` (value ``19``), ``this century``."""
    text = m.group()
    lowered = text.lower()
    relative = next((RELATIVE_STEP[w] for w in RELATIVE_STEP if lowered.startswith(w)), None)
    if relative is not None:
        first = ctx.published.year + 100 * relative
        return [expression(m.start(), text, "DATE", cal.century_value(first))]
    digits = _DIGITS.findall(text)
    ordinal = int(digits[0]) if digits else CENTURY_WORDS[_CENTURY_WORD.findall(lowered)[0]]
    if ordinal == 0:
        return []  # "the 0th century" counts nothing
    if _BEFORE_CHRIST.search(text):  # "the 4th century BC": 400 to 301 BC, BC03
        return [expression(m.start(), text, "DATE", f"BC{ordinal - 1:02d}", basis=Basis.EXPLICIT)]
    value = cal.century_value((ordinal - 1) * 100)
    return [expression(m.start(), text, "DATE", value, basis=Basis.EXPLICIT)]


def spelled_year(m: re.Match[str], ctx: Context) -> Found:
    """A year in words, ``nineteen ninety-six``, ``the year two thousand``: counts are refused."""
    text, start = m.group(), m.start()
    number = year_number(text)
    after = next_word(ctx.text, m.end())
    if number is None or _looks_counted(after):
        return []  # "nineteen twenty-dollar bills"
    if text.lower().startswith("two") and previous_word(ctx.text, start).lower() not in _YEAR_INTRO:
        return []  # "two thousand" is a number unless a date word introduces it
    return [expression(start, text, "DATE", cal.year_value(number), basis=Basis.EXPLICIT)]


_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_DECADE_WORD = re.compile("|".join(_DECADE_WORDS))
# Longest first: "twenty-first" before a shorter word it could hold.
_CENTURY_WORD = re.compile("|".join(sorted(CENTURY_WORDS, key=len, reverse=True)))
_BEFORE_CHRIST = re.compile(r"\b(?:BCE?|B\.C\.)")


_COUNTED_WITHOUT_S = frozenset(
    "people children men women police personnel staff troops dead wounded injured "
    "cattle livestock sheep feet killed missing arrested detained displaced evacuated "
    "infected".split()
)
"""Words that count what a number before them numbers, though no ``s`` ends them."""


def _looks_counted(word: str) -> bool:
    """A plural noun right after a number makes it a count: "2000 votes", "2000 people"."""
    if word in _COUNTED_WITHOUT_S:
        return True
    plural = word.endswith("s") and not word.endswith(("ss", "is", "us"))  # "analysis", "census"
    return len(word) > 3 and word.islower() and plural


def _century_for(two_digits: int, ctx: Context) -> int:
    """'90s is the 1990s, '20s the 2020s: the latest decade not after publication."""
    century = ctx.published.year - ctx.published.year % 100
    return century if century + two_digits <= ctx.published.year else century - 100


def _early_late(text: str) -> str | None:
    lowered = text.lower()
    for word, mod in (("early", "START"), ("mid", "MID"), ("late", "END")):
        if word in lowered:
            return mod
    return None
