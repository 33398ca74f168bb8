"""No text and no publication date makes the engine raise, and what once did is read sensibly.

Each table row is a phrase that crashed the engine (found in real articles or by fuzzing);
``test_timex_property.py`` searches for more.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from timeline.extract.timex import find_expressions
from timeline.extract.timex.calendar import century_value, day_value, decade_value
from timeline.extract.timex.lexicon import LOOK_ALIKES

MONDAY = dt.date(2025, 2, 3)
FIRST_DAY, LAST_DAY = dt.date.min, dt.date.max
Row = tuple[str, str, str] | tuple[str, str, str, str]
UNRESOLVED = "XXXX-XX-XX"

PHRASES = (
    "on 3 February", "3 February 2025", "3-5 February", "3 of February", "February 3",
    "Feb. 3-5", "the 3rd of February", "Monday, 3 February", "Monday, February 3, 2025",
    "late on 3 February", "early February", "mid-February 2024", "the February 3 vote",
    "on a Monday", "the Monday the talks began", "3 February last year", "the 1990s",
    "2025-02-03", "10/7/2023", "7 hostages", "F-16", "in 2023", "at 6 a.m.", "Monday night",
    "two weeks ago", "three days later", "the next day", "that month", "every Friday",
    "for over two weeks", "February 29", "30 February", "the summer of 2014", "Q3",
)  # fmt: skip
PUBLISHED = (dt.date(2025, 2, 3), dt.date(2024, 2, 29), dt.date(2025, 1, 1))


def found(text: str, published: dt.date = MONDAY) -> list[Row]:
    """(text, type, value[, mod]) of every expression, in text order."""
    rows: list[Row] = []
    for e in find_expressions(text, published):
        rows.append((e.text, e.type, e.value, e.mod) if e.mod else (e.text, e.type, e.value))
    return rows


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("day_first", [False, True])
def test_pairs_of_phrases_never_raise(published: dt.date, day_first: bool) -> None:
    for first, second in itertools.permutations(PHRASES, 2):
        text = f"It happened {first}, officials said {second}. They will meet {first}."
        for expression in find_expressions(text, published, day_first=day_first):
            assert text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Centuries and decades in words, hyphenated as adjectives.
        ("In eighteenth-century France", [("eighteenth-century", "DATE", "17")]),
        ("the twentieth-century war", [("the twentieth-century", "DATE", "19")]),
        ("a twenty-first-century war", [("twenty-first-century", "DATE", "20")]),
        ("It began in the mid-Eighties.", [("the mid-Eighties", "DATE", "198", "MID")]),
        ("the mid-Seventies", [("the mid-Seventies", "DATE", "197", "MID")]),
        ("in the late nineties", [("the late nineties", "DATE", "199", "END")]),
        ("It was founded in the 1st century.", [("the 1st century", "DATE", "00")]),
        ("the 0th century", []),
        # The last day of the calendar; a clock time that no day has is no time.
        ("It was signed 12/31/9999.", [("12/31/9999", "DATE", "9999-12-31")]),
        ("Logged at 9999-12-31T24:04.", [("9999-12-31", "DATE", "9999-12-31")]),
        ("Logged at 2023-10-07T25:00.", [("2023-10-07", "DATE", "2023-10-07")]),
        ("Logged at 2023-10-07T24:00.", [("2023-10-07T24:00", "TIME", "2023-10-07T24:00")]),
        # Numbers are read with bounds: no fraction over zero, no amount of 309 digits.
        ("It lasted 5 1/0 year.", []),
        ("It lasted 5 1/2 years.", [("5 1/2 years", "DURATION", "P5Y6M")]),
        (f"It lasted {'1' * 309} days.", []),
        ("It lasted 1234567890 days.", []),
        ("It lasted 123456789 days.", [("123456789 days", "DURATION", "P123456789D")]),
        ("It began 123456789 days ago.", [("123456789 days ago", "DATE", UNRESOLVED)]),
        # A year has two halves.
        ("in the third half", []),
        ("in the second half", [("the second half", "DATE", "2025-H2")]),
    ],
)  # fmt: skip
def test_phrases_that_crashed_are_read(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Case-insensitive patterns take these letters for "s" and "i"; so does the engine,
        # and the expression keeps the text as written.
        ("They met in the \u017fummer.", [("the \u017fummer", "DATE", "2024-SU")]),
        ("They met that n\u0130ght.", [("that n\u0130ght", "TIME", "2025-02-03TNI")]),
        ("They meet every spr\u0130ng.", [("every spr\u0130ng", "SET", "XXXX-SP")]),
        ("It lies in the pa\u017ft.", [("the pa\u017ft", "DATE", "PAST_REF")]),
        ("It ended in the \u017fpring of 2014.", [("the \u017fpring of 2014", "DATE", "2014-SP")]),
        ("They met th\u0131s week.", [("th\u0131s week", "DATE", "2025-W06")]),
        # A capital in the middle of a word is no starter, as "thIs March" is none.
        ("They meet th\u0130s March.", [("March", "DATE", "2025-03")]),
    ],
)  # fmt: skip
def test_look_alike_letters(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_look_alikes_are_every_letter_that_case_insensitive_matching_takes_for_ascii() -> None:
    ascii_letter = re.compile("(?i)[a-z]")
    folded = {
        code for code in range(0x80, 0x110000) if ascii_letter.fullmatch(chr(code)) is not None
    }
    assert folded == set(LOOK_ALIKES)
    assert all(re.fullmatch(f"(?i){re.escape(LOOK_ALIKES[c])}", chr(c)) for c in folded)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("It ended in June.", FIRST_DAY, [("June", "DATE", "0001-06")]),
        ("It began yesterday.", FIRST_DAY, [("yesterday", "DATE", UNRESOLVED)]),
        ("It will end tomorrow.", FIRST_DAY, [("tomorrow", "DATE", "0001-01-02")]),
        ("in this century", FIRST_DAY, [("this century", "DATE", "00")]),
        ("in the last century", FIRST_DAY, [("last century", "DATE", UNRESOLVED)]),
        ("It fell last year.", FIRST_DAY, [("last year", "DATE", UNRESOLVED)]),
        ("It fell in the summer.", FIRST_DAY, [("the summer", "DATE", "0001-SU")]),
        ("Talks resumed three days later.", FIRST_DAY,
         [("three days later", "DATE", "0001-01-04")]),
        ("the '00s", dt.date(5, 6, 1), [("the '00s", "DATE", "000")]),
        ("the '90s", dt.date(5, 6, 1), [("the '90s", "DATE", UNRESOLVED)]),
        ("It ended in June.", LAST_DAY, [("June", "DATE", "9999-06")]),
        ("It began yesterday.", LAST_DAY, [("yesterday", "DATE", "9999-12-30")]),
        ("It is today.", LAST_DAY, [("today", "DATE", "9999-12-31")]),
        ("in this century", LAST_DAY, [("this century", "DATE", "99")]),
        ("It will end tomorrow.", LAST_DAY, [("tomorrow", "DATE", UNRESOLVED)]),
        ("It ends next year.", LAST_DAY, [("next year", "DATE", UNRESOLVED)]),
        ("They meet next Monday.", LAST_DAY, [("next Monday", "DATE", UNRESOLVED)]),
        ("They met at 10 p.m. tomorrow.", LAST_DAY, [("10 p.m. tomorrow", "TIME", UNRESOLVED)]),
        ("It is Thanksgiving.", LAST_DAY, [("Thanksgiving", "DATE", "9999-11-25")]),
    ],
)  # fmt: skip
def test_publication_at_the_edges_of_the_calendar(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected


def test_off_the_calendar_is_kept_unresolved() -> None:
    (expression,) = find_expressions("It ends next year.", LAST_DAY)
    assert (expression.resolved, expression.date) == (False, None)


def test_periods_at_the_edges_are_cut_to_the_calendar() -> None:
    assert (day_value(LAST_DAY).start, day_value(LAST_DAY).end) == (LAST_DAY, LAST_DAY)
    assert (century_value(50).value, century_value(50).start) == ("00", FIRST_DAY)
    assert (decade_value(9990).value, decade_value(9990).end) == ("999", LAST_DAY)
