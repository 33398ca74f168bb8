"""The quick tests that spare the tense of a clause its costlier patterns: each may only
spare a search that would find nothing, and a pattern rewritten to begin with a character
class finds what it found before."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_timex_property import FUZZ
from timeline.extract.timex import tense

_WORDS = [
    "if", "If", "UNLESS", "ıf", "unleſs", "agreed", "Ordered", "aſked", "to", "To", "late",
    "early", "on", "visit", "the", "x", "''", '"', "”", "“", ",", ".", "!", "?", "'",
]  # fmt: skip
WINDOW = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "\n", ""])), max_size=10
).map(lambda parts: "".join(word + gap for word, gap in parts))
_ENDINGS = [
    f"{lead}{ending}{gap}"
    for lead in ("", "They agreed to visit the site ", "if it was moved ", "x")
    for ending in ("to", "To late", "to early on", "TO on", "to  on", "if", "unless", "")
    for gap in (" ", "\n", "  ")
]
_VERBS = (
    "agreed decided vowed pledged promised threatened offered proposed ordered asked urged "
    "invited voted"
).split()
_INTENDED = [f"{verb.capitalize()} the troops to leave the city on " for verb in _VERBS]
_QUOTE_END_BEFORE = re.compile(r"''|[\"”]\s|[,.!?]\"")
"""The pattern ``tense._QUOTE_END`` was before it began with a character class."""


def _spared_wrongly(window: str) -> list[str]:
    checks = [
        (tense._CONDITIONAL, tense._may_hold(window, tense._CONDITIONAL_WORDS)),
        (tense._INTENDED, tense._may_hold(window, tense._INTENDED_VERBS)),
        (tense._MOVED_TO, tense._may_end_with(window, tense._MOVED_TO_ENDS)),
    ]
    return [pattern.pattern for pattern, may in checks if not may and pattern.search(window)]


def _quote_ends(pattern: re.Pattern[str], window: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(window)]


def test_the_quick_tests_pass_where_the_patterns_match() -> None:
    assert [w for w in _ENDINGS + _INTENDED if _spared_wrongly(w)] == []
    assert all(tense.intended_before(window) for window in _INTENDED)
    assert tense._MOVED_TO.search("the vote was moved to ")  # the table holds matches
    assert tense.intended_before("They agreed to visit the site on ")


@FUZZ
@given(WINDOW)
def test_the_quick_tests_never_spare_a_match(window: str) -> None:
    assert _spared_wrongly(window) == []


@FUZZ
@given(WINDOW)
def test_quotations_end_where_they_ended(window: str) -> None:
    assert _quote_ends(tense._QUOTE_END, window) == _quote_ends(_QUOTE_END_BEFORE, window)
