"""The vocabulary of telling: one list of verbs and nouns, narrower sets picked from it."""

from __future__ import annotations

import re

import pytest

from timeline.extract import tellingwords
from timeline.extract.tellingwords import PAST, PLAIN, PRESENT, VERBS, WORDS, alternation, pick


def test_every_verb_has_three_distinct_forms_in_lower_case() -> None:
    for verb in VERBS:
        forms = (verb.base, verb.present, verb.past)
        assert len(set(forms)) == 3, verb
        assert all(form.isalpha() and form.islower() for form in forms), verb


def test_the_verbs_are_listed_once() -> None:
    assert len({verb.base for verb in VERBS}) == len(VERBS)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("said told", {"said", "told"}),
        ("says  tells", {"says", "tells"}),
        ("statement according", {"statement", "according"}),
    ],
)
def test_pick_takes_words_of_the_vocabulary(words: str, expected: set[str]) -> None:
    assert pick(words) == expected


@pytest.mark.parametrize("words", ["said sayed", "Said", "ran"])
def test_pick_refuses_a_word_the_vocabulary_lacks(words: str) -> None:
    with pytest.raises(ValueError, match="not words of telling"):
        pick(words)


def test_the_plain_words_are_words_of_telling() -> None:
    assert PLAIN <= WORDS
    assert "reported" not in PLAIN  # "report" is a noun's stem too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("says", "says"),  # the longer form first, not "say" and a stray "s"
        ("announced it", "announced"),
        ("warned", "warned"),
        ("warns", "warns"),
        ("walked", None),
    ],
)
def test_alternation_matches_the_longest_word(text: str, expected: str | None) -> None:
    match = re.match(alternation(PAST | PRESENT | tellingwords.BASE), text)
    assert (match.group() if match else None) == expected
