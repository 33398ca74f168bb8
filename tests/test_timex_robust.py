"""Every combination of date phrases reads without an error, whatever the publication date."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from timeline.extract.timex import find_expressions

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


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("day_first", [False, True])
def test_pairs_of_phrases_never_raise(published: dt.date, day_first: bool) -> None:
    for first, second in itertools.permutations(PHRASES, 2):
        text = f"It happened {first}, officials said {second}. They will meet {first}."
        for expression in find_expressions(text, published, day_first=day_first):
            assert text[expression.start : expression.end] == expression.text
