"""Word tables and the regular-expression fragments built from them.

Everything here is data: the names of months, weekdays, numbers, calendar units and the
modifiers around them. The scanner assembles its one pattern from these fragments and the
interpreters look words up in the same tables, so a word is added in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip

VAGUE_NUMBERS = frozenset(
    {"several", "a few", "few", "many", "some", "dozens of", "a number of", "the next few"}
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# The TIMEX3 letter of each unit; time units take a "T" in a duration ("PT6H").
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "weekend": "WE",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})

CENTURY_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
        "twenty-first".split(),
        start=1,
    )
}
"""Ordinals in words that number a century: "the seventh century", "twentieth-century"."""

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

# Hedges before an amount or a date, and the TIMEX3 modifier each one stands for.
HEDGES: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "well over": "MORE_THAN",
}  # fmt: skip

# Where in a period: "early 2024", "mid-January", "the end of last year".
POSITIONS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "mid": "MID", "the middle of": "MID", "late": "END",
    "the end of": "END", "the second half of": "END", "the close of": "END",
    "the last half of": "END", "the first two quarters of": "START",
    "the last two quarters of": "END",
}  # fmt: skip


DATE_INTRO = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "of",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "that",
        "every",
        "each",
        "between",
        "around",
        "throughout",
    ]
)
"""Words that introduce a date: a bare "May" or "March" is a month only after one, and a
number after one is a year rather than a count."""

RELATIVE_STEP: dict[str, int] = {"last": -1, "this": 0, "next": 1}
"""How many periods on from the present "last", "this" and "next" count."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win."""
    names = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(name.replace(" ", r"\s+") for name in names) + ")"


def capitalized(words: Iterable[str]) -> str:
    """An alternation that only matches the capitalized (or all-caps) spelling of each word."""
    forms = [f(w) for w in words for f in (str.capitalize, str.upper)]
    return alternation(forms)


# Letters outside ASCII that Python's case-insensitive matching takes for ASCII ones: a
# ``(?i:...)`` pattern written for "this" or "summer" matches them with a dotted capital I or
# a long s in place of "i" or "s", which ``lower()`` leaves unlike any word of the tables
# above. The engine reads the text with each of them replaced by its ASCII twin (one
# character for one, so offsets hold).
LOOK_ALIKES: dict[int, str] = {
    0x0130: "I",  # capital I with a dot above (Turkish)
    0x0131: "i",  # dotless small i (Turkish)
    0x017F: "s",  # long s
    0x212A: "K",  # the Kelvin sign
}
