"""The quick tests before the event layer's patterns: a gate (the words a pattern cannot match
without, looked for in the lower-cased clause) never turns away a clause its pattern matches,
whatever the clause, and the gated schedule cues find what the one pattern of all of them finds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.case_folding import FOLDING_LETTERS, cased_words
from timeline.extract import classes, cues, govern, states
from timeline.extract.cues import (
    _BE_WORDS,
    _NOT_SCHEDULED,
    _NOT_SCHEDULED_GATE,
    _SCHEDULE_CUES,
    _SCHEDULE_PATTERNS,
    _SCHEDULE_WORDS,
    _SCHEDULED,
    _STATE_PATTERNS,
    Gate,
    cue_words,
    is_scheduled,
    may_match,
)

GATED: list[tuple[str, Gate, re.Pattern[str]]] = [
    *((f"schedule {i}", gate, pattern) for i, (gate, pattern) in enumerate(_SCHEDULE_PATTERNS)),
    *((f"state {i}", gate, pattern) for i, (gate, pattern) in enumerate(_STATE_PATTERNS)),
    ("not scheduled", _NOT_SCHEDULED_GATE, _NOT_SCHEDULED),
    ("habit", states._HABIT_GATE, states._HABIT),
    ("lasting", states._LASTING_GATE, states._LASTING),
    ("prevented", states._PREVENTED_GATE, states._PREVENTED),
    ("picture", states._PICTURE_GATE, states._PICTURE),
    ("statistic", states._STATISTIC_GATE, states._STATISTIC),
    ("amount", states._AMOUNT_GATE, states._AMOUNT),
    ("intent", classes._INTENT_GATE, classes._INTENT),
]
"""Each pattern with the gate it is searched behind (the amount's digit is tested below)."""

# The words of the gates and a few around them, in three cases, with the letters that match
# another one when case is ignored and marks that end or join words.
_VOCABULARY = sorted(
    {word for _, gate, _ in GATED for group in gate for word in group}
    | set(
        "the its their his to be is was were had been not now still also on in for at by next "
        "later today this week people 3 12 $ 4.5 million billion percent % , from kept "
        "conditions weather winds showed pictures taken each every year remains remained".split()
    )
)
_WORDS = cased_words(_VOCABULARY)
_MARKS = st.sampled_from([" ", "  ", ", ", ". ", "; ", "\n", "'s", "’", "-", "'"])
_FOLDS = st.sampled_from(FOLDING_LETTERS)
_PIECES = st.one_of(_WORDS, _WORDS, _MARKS, _FOLDS, st.text(alphabet="aeiostſıİK ", max_size=4))
_CLAUSES = st.lists(_PIECES, max_size=14).map(" ".join)


def _matches(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Text the pattern matches, written out by it; a clause of the vocabulary for a pattern
    with a look-behind that must hold (which a generator cannot satisfy)."""
    if "(?<=" in pattern.pattern:
        return _CLAUSES
    return st.from_regex(pattern, fullmatch=True)


@pytest.mark.parametrize(("name", "gate", "pattern"), GATED, ids=[name for name, _, _ in GATED])
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_a_gate_lets_through_every_clause_its_pattern_matches(
    name: str, gate: Gate, pattern: re.Pattern[str], data: st.DataObject
) -> None:
    before, after = data.draw(_CLAUSES), data.draw(_CLAUSES)
    match = data.draw(_matches(pattern))
    for clause in (match, f"{before} {match} {after}", before + match + after, before):
        if pattern.search(clause) is not None:
            assert may_match(clause, gate), clause


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.from_regex(states._AMOUNT, fullmatch=True))).map("".join))
def test_an_amount_holds_a_digit(clause: str) -> None:
    if states._AMOUNT.search(clause) is not None:
        assert states._DIGIT.search(clause) is not None


def ungated_is_scheduled(scope: str) -> bool:
    """``is_scheduled`` as it read before its cues were gated one by one."""
    words = cue_words(scope)
    if words.isdisjoint(_SCHEDULE_WORDS) and ("to" not in words or words.isdisjoint(_BE_WORDS)):
        return False
    return _SCHEDULED.search(_NOT_SCHEDULED.sub(" ", scope)) is not None


_SCHEDULE_MATCHES = [
    st.from_regex(f"(?i){pattern}", fullmatch=True) for _, pattern in _SCHEDULE_CUES
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, *_SCHEDULE_MATCHES), max_size=10).map(" ".join))
def test_gated_schedule_cues_find_what_the_whole_pattern_finds(scope: str) -> None:
    assert is_scheduled(scope, cue_words(scope)) == ungated_is_scheduled(scope)


@pytest.mark.parametrize(
    ("scope", "scheduled"),
    [
        ("the talks are due to resume in Cairo", True),
        ("the convoy was expected on Friday", True),
        ("the army plans to widen the offensive", True),
        ("the army's plans to widen the offensive", True),
        ("the plans to widen the offensive", False),  # "the plans" is a noun
        ("the vote is scheduled for Sunday", True),
        ("more aid is to be sent", True),
        ("the strike came earlier than expected on Monday", False),
        ("the truce held as planned on Sunday", False),
        ("forecasters warned of storms", True),
        ("the fighting will go on until further notice", True),
        ("the fighting went on for a week", False),
        # The long s matches "s" when case is ignored: no gate is trusted with it.
        ("the vote is now due: it iſ ſcheduled for Sunday", True),
        ("the talks ARE DUE TO resume", True),
    ],
)
def test_schedule_cues(scope: str, scheduled: bool) -> None:
    assert is_scheduled(scope, cue_words(scope)) is scheduled
    assert ungated_is_scheduled(scope) is scheduled


def test_a_gate_turns_away_a_clause_without_its_words() -> None:
    assert not cues.holds("the army shelled the town", (("due", "expected"),))
    assert cues.holds("the aid was expected", (("due", "expected"),))
    assert not may_match("rain prevented the convoy", states._PREVENTED_GATE)  # no "from"
    assert may_match("rain prevented the convoy from leaving", states._PREVENTED_GATE)
    assert may_match("the long ſ folds", (("zzz",),))  # no gate is trusted with one


# Words of telling and of clause openings (in three cases), words glued to letters, digits
# and underscores, names, and the letters that fold case.
_TELLING_VOCABULARY = sorted(
    govern._TELLING_WORDS
    | classes._OPENING_WORDS
    | set(
        "United States Associated Press Reports the its reporters officials on late early "
        "Monday army 12 _said said2 xsaid where , ſaid saıd İnterview spoKe".split()
    )
)
_TELLING_PIECES = st.one_of(
    cased_words(_TELLING_VOCABULARY),
    _MARKS,
    _FOLDS,
)
_TELLING_TEXTS = st.lists(_TELLING_PIECES, max_size=16).map(" ".join)


def searched_tellings(window: str) -> list[tuple[int, int]]:
    """Where the telling pattern matches in ``window``, searched for at every character."""
    spans, position = [], 0
    while (match := govern._TELLING_BEFORE.search(window, position)) is not None:
        spans.append(match.span())
        position = match.start() + 1
    return spans


@settings(max_examples=500, deadline=None)
@given(_TELLING_TEXTS)
def test_tellings_tried_at_words_of_telling_are_those_searched_for(window: str) -> None:
    tried = [match.span() for match in govern._tellings(window)]
    if govern._TELLING_WORDS.isdisjoint(govern._WORD.findall(window.lower())):
        assert tried == []  # the quick test of the words, as before
    else:
        assert tried == searched_tellings(window)


# Clauses with few words of an opening, commas before words and participles, a word that a
# window's edge may cut into one ("ask" into "as"), and the letters that fold case.
_PLAIN_WORDS = st.sampled_from(
    "the army struck on Monday , ,the , the , a , An , marching , where ask task x,the 12 "
    "; - 's".split()
)
_OPENING_WORDS = st.sampled_from("since WHICH As _as who,".split())
_OPENING_TEXTS = st.one_of(
    st.lists(st.one_of(_PLAIN_WORDS, _PLAIN_WORDS, _OPENING_WORDS), max_size=8).map(" ".join),
    st.lists(st.one_of(_PLAIN_WORDS, _OPENING_WORDS, _MARKS, _FOLDS), max_size=8).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(_OPENING_TEXTS)
def test_clause_openings_behind_their_gate_are_those_searched_for(text: str) -> None:
    edges = [(0, n) for n in range(len(text) + 1)] + [(n, len(text)) for n in range(len(text))]
    for begin, end in edges:
        found = [m.span() for m in classes._openings(text, begin, end)]
        assert found == [m.span() for m in classes._OPENING.finditer(text, begin, end)]


def test_a_telling_in_a_window_of_ascii_and_of_other_letters() -> None:
    assert govern.is_telling("the ministry said on", " Monday")
    assert govern.is_telling("the ministère said on", " Monday")  # searched: not ASCII
    assert not govern.is_telling("a voyage to the United States on", " Monday")
