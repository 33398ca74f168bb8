"""The engine tries at each word only the kinds of expression that can begin with it
(``timex/starts.py``): it must find what the whole scanner finds there."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract import timex_history_passages as passages
from tests.extract.test_timex_property import FUZZ, PIECE, TEXT
from timeline.extract.timex.engine import folded
from timeline.extract.timex.scanner import whole_scanner
from timeline.extract.timex.starts import (
    DIGITS,
    GATES,
    STARTERS,
    candidate_source,
    candidates,
    scanner_for,
    scanner_of,
)

WHOLE = whole_scanner()
WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|\d+")
AMOUNT = re.compile(r"(?<=[$£€.,])\d|\d+(?:%|,\d)")
"""A number the candidates leave out on purpose: a part of an amount."""


def disagreements(text: str) -> list[str]:
    """Every word or number where the whole scanner finds an expression that the engine's
    candidates and dispatch would not find alike."""
    text = folded(text)  # as the engine reads it
    starts = {m.start() for m in candidates().finditer(text)}
    found = []
    for token in WORD_OR_NUMBER.finditer(text):
        start, word = token.start(), token.group()
        whole = WHOLE.match(text, start)
        if whole is None:
            continue
        key = DIGITS if word.isdigit() else word.lower()
        if key != DIGITS and word not in (key, key.capitalize(), key.upper()):
            continue  # "NInE": the engine reads words as written in one of three cases
        gate = GATES.get(key)
        if gate is not None and not re.match(rf"(?i:{gate})", text[token.end() :]):
            continue  # kept from the scanner on purpose: "the company", "a man"
        if key == DIGITS and AMOUNT.match(text, start):
            continue
        scanner = scanner_of(word)
        dispatched = scanner.match(text, start) if scanner is not None else None
        same = dispatched is not None and (dispatched.span(), dispatched.lastgroup) == (
            whole.span(),
            whole.lastgroup,
        )
        if start not in starts or not same:
            found.append(f"{whole.group()!r} ({whole.lastgroup}) at {start}")
    return found


def test_every_starter_can_begin_a_kind() -> None:
    assert all(scanner_for(form.lower()) is not None for form in STARTERS)
    assert scanner_for(DIGITS) is not None
    assert scanner_for("company") is None


@pytest.mark.parametrize("name", sorted(passages.PASSAGES) + sorted(passages.UNSEEN))
def test_the_dispatch_finds_what_the_whole_scanner_finds_in_history(name: str) -> None:
    text, _ = {**passages.PASSAGES, **passages.UNSEEN}[name]
    assert disagreements(text) == []


@FUZZ
@given(TEXT)
def test_the_dispatch_finds_what_the_whole_scanner_finds(text: str) -> None:
    assert disagreements(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Shelling resumed on Monday, 12 days after the truce.", ["Monday", "12", "days"]),
        # marks outside ASCII that are no word characters: ASCII boundaries hold
        ("The “Monday” talks – held last week – failed", ["Monday", "last"]),
        # a letter or a digit of another script before a word: no word begins there
        ("Talks at the CaféMonday club", []),
        ("Report ٣Monday", ["٣"]),  # a number, as "3Monday" has "3"
        ("Talks at the Café Monday club", ["Monday"]),
    ],
)
def test_candidates_begin_at_word_boundaries_in_any_script(text: str, words: list[str]) -> None:
    assert [m.group() for m in candidates().finditer(text)] == words


GLUED = st.lists(
    st.tuples(st.sampled_from(["", " ", "é", "Ж", "٣", "“", "—", "_"]), PIECE).map("".join),
    max_size=20,
).map("".join)
"""Pieces of text glued to letters, digits and marks of other scripts."""


@FUZZ
@given(GLUED)
def test_candidates_begin_where_a_word_begins(text: str) -> None:
    text = folded(text)
    words = [m.span() for m in candidates().finditer(text)]
    unicode_words = re.compile(candidate_source(r"\b"))
    assert words == [m.span() for m in unicode_words.finditer(text)]


def test_a_candidate_is_read_with_the_scanner_of_its_word() -> None:
    assert all(scanner_of(form) is scanner_for(form.lower()) for form in STARTERS)
    assert scanner_of("1948") is scanner_for(DIGITS)
    assert scanner_of("٣") is scanner_for(DIGITS)
