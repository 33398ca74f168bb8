"""The quick tests that spare the tense of a clause its costlier patterns: each may only
spare a search that would find nothing, and a pattern rewritten to begin with a character
class finds what it found before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_timex_property import FUZZ
from timeline.extract.timex import speakers, tense

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


_MARK_BEFORE = re.compile(r"[“”\"]|``|''")
"""The pattern ``speakers._MARK`` was before it began with a character class."""
MARKS = st.lists(st.sampled_from(["`", "'", '"', "“", "”", "a", " ", "\n"]), max_size=30).map(
    "".join
)


@FUZZ
@given(MARKS, st.integers(0, 30), st.integers(0, 30))
def test_quotation_marks_are_those_found_before(text: str, begin: int, end: int) -> None:
    def marks(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text, begin, end)]

    assert marks(speakers._MARK) == marks(_MARK_BEFORE)
    first = speakers._MARK.search(text, begin, end)
    before = _MARK_BEFORE.search(text, begin, end)
    assert (first and first.span()) == (before and before.span())


_AFTER_MARKER = [
    "", " ", " to", " to be freed", " expected to", " due", " soon as", " early as", " week",
    " n't", "'t", " be", " been due", " not still be", " quickly be", " this week", " Monday",
    ",", ".", " said", " according",
]  # fmt: skip
"""What may follow the first word of a tense marker."""
_PIECES = sorted(tense._MARKER_PIECES - {""})


def _markers_at_every_word(window: str) -> list[tuple[int, int]]:
    """The markers of ``window`` found by trying the pattern at every word."""
    spans, position = [], 0
    for token in tense._TOKEN.finditer(window):
        marker = tense._MARKER.match(window, token.start()) if token.start() >= position else None
        if marker is not None:
            position = marker.end()
            spans.append(marker.span())
    return spans


def _markers(window: str) -> list[tuple[int, int]]:
    return [marker.span() for marker in tense._markers(window)]


def test_markers_are_tried_at_every_word_they_can_begin_with() -> None:
    windows = [
        f"{lead}{form}{after}"
        for lead in ("", "He", "Officials in Gaza ")
        for piece in [*_PIECES, "did", "Did", "waſ"]
        for form in (piece, piece.capitalize(), piece.upper())
        for after in _AFTER_MARKER
    ]
    assert [w for w in windows if _markers(w) != _markers_at_every_word(w)] == []
    assert _markers("the talks she'll hold") == [(13, 16)]  # the table holds markers


MARKER_WINDOW = st.lists(
    st.tuples(
        st.sampled_from([*_PIECES, "did", "the", "Talks", "x", "waſ", "’ll", "İs"]),
        st.sampled_from([" ", "  ", "\n", "", ", ", "'", "-"]),
    ),
    max_size=12,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@FUZZ
@given(MARKER_WINDOW)
def test_markers_are_those_found_by_trying_every_word(window: str) -> None:
    assert _markers(window) == _markers_at_every_word(window)


_CLAUSE_END_BEFORE = re.compile(
    r"(?i)\b(?:that|which|who|whom|whose|because|although|though|while|whereas|but|when|"
    r"where|if|unless)\b|[;:()\"“”]|''|``"
)
"""The pattern ``tense._CLAUSE_END`` was before it began with a character class."""
_CLAUSE_WORDS = [
    "that", "Which", "WHO", "whom", "whoſe", "Because", "although", "though", "While",
    "whereas", "but", "when", "Where", "if", "İf", "ıf", "unleſs", "thats", "butter", "about",
    "x", "talks", "1", "_", "é", ";", ":", "(", ")", '"', "“", "”", "'", "`", "-",
]  # fmt: skip
CLAUSE_WINDOW = st.lists(
    st.tuples(st.sampled_from(_CLAUSE_WORDS), st.sampled_from([" ", "", "\n", ", "])),
    max_size=10,
).map(lambda parts: "".join(word + gap for word, gap in parts))


def _first(pattern: re.Pattern[str], window: str) -> int | None:
    match = pattern.search(window)
    return match.start() if match else None


@pytest.mark.parametrize(
    ("window", "end"),
    [
        ("by Sunday that Israel wants", 10),
        ("on Monday, whoever wins", None),
        ("on Friday but not", 10),
        ("in May İf it", 7),
        ("talks (in Doha)", 6),
        ("said ''it", 5),
        ("the butter ran out", None),
        ("talks about peace", None),
    ],
)
def test_a_clause_ends_at_its_first_word_or_mark(window: str, end: int | None) -> None:
    assert _first(tense._CLAUSE_END, window) == end


@FUZZ
@given(CLAUSE_WINDOW)
def test_clauses_end_where_they_ended(window: str) -> None:
    assert _first(tense._CLAUSE_END, window) == _first(_CLAUSE_END_BEFORE, window)
