"""The quick tests before furniture's patterns: each gives what the test without it gives,
whatever the text (the letters that fold case among it), so that it only saves work."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.case_folding import FOLDING_LETTERS, cased_words
from timeline.extract import furniture, furniture_paragraphs, promotion
from timeline.extract.sentences import Span, split_sentences

# Words of the cues (captions, credits, link lists, fact boxes, promotion lines) in three
# cases, words of reports, and marks that end or join sentences.
_VOCABULARY = sorted(
    set(furniture._CAPTION_HINTS)
    | promotion._READER_VERBS
    | set(
        "Click click Tap here on the Like us our coverage newsletter inbox ago AGO hrs "
        "minutes 2 15 2010 1998 Born Also known as Biggest hits : army shelled town on "
        "Monday said officials left right AP Photo REUTERS/ Getty Images seen shown "
        "Tuesday, April 27, 2010 Please".split()
    )
)
_WORDS = cased_words(_VOCABULARY)
_MARKS = st.sampled_from([" ", ", ", ". ", ": ", "\n", " - ", "? ", "“", "”", "'"])
_FOLDS = st.sampled_from([*FOLDING_LETTERS, "\u03a3", "\u2029"])
_STAMPS = st.sampled_from(
    ["2 hrs ago", "15 minutes ago", "Born: ", "2010: ", "Also known as: ", "Clic\u212a here"]
)
_PIECES = st.one_of(_WORDS, _WORDS, _MARKS, _FOLDS, _STAMPS)
_TEXTS = st.lists(_PIECES, max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_a_paragraph_without_cues_has_no_sentence_with_one(text: str) -> None:
    paragraph = Span(0, len(text), text)
    cued = furniture._cued(text)
    for sentence in split_sentences(paragraph):
        gated = furniture._inner_furniture(sentence.text, cued)
        assert gated == furniture._inner_furniture(sentence.text, True), sentence.text


@pytest.mark.parametrize(
    "text",
    [
        "Updates: strikes on Gaza 2 hrs ago. Talks in Cairo 15 minutes ago.",
        "Born: 1958. Also known as: the Butcher. Rank: colonel.",
        "Troops, left, and medics, right, carry a wounded man in this photo.",
    ],
)
def test_a_paragraph_with_cues_is_read_sentence_by_sentence(text: str) -> None:
    assert furniture._cued(text)
    assert furniture._inner_furniture(text, True)
    assert not furniture._inner_furniture(text, False)


def test_a_caption_end_needs_no_cue() -> None:
    assert furniture._inner_furniture(
        "Medics carry a boy in Khan Younis, Tuesday, April 27, 2010.", False
    )


_OLD_CLOCK = re.compile(r"\d[:.]\d\d")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789٣:. aT\n", max_size=12))
def test_a_clock_time_is_found_from_its_mark_where_it_was_found_from_its_digit(
    text: str,
) -> None:
    assert (furniture._CLOCK_DIGITS.search(text) is None) == (_OLD_CLOCK.search(text) is None)


_OLD_LINE_END = re.compile(r"[.!?:;\"'”’)]\s*$")


def _old_title_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= furniture_paragraphs.SHORT_LINE_WORDS and not _OLD_LINE_END.search(
        line
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_WORDS, _MARKS, _FOLDS, st.sampled_from(["\u3000", "\x1c", ")"]))))
def test_a_title_like_line_is_told_by_its_end_first_as_by_the_pattern(pieces: list[str]) -> None:
    line = " ".join(pieces)
    assert furniture_paragraphs._title_like(line) == _old_title_like(line)


def _ungated_promotion_end(sentence: str) -> int | None:
    """``promotion_end`` without the quick test of its first word."""
    opening = promotion._OPENING.match(sentence)
    if opening is None:
        return None
    end = promotion._end_of_promotion(sentence, opening.start(1), opening.group(1).lower())
    if end is None or promotion.is_speech(sentence[:end]):
        return None
    return end


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_a_promotion_line_is_found_with_the_quick_test_as_without_it(sentence: str) -> None:
    assert promotion.promotion_end(sentence) == _ungated_promotion_end(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Click here for our coverage",
        "Clic\u212a here for our coverage",
        "Cl\u0131ck here now",
        "Like us on Facebook",
    ],
)
def test_a_click_is_found_whatever_letter_ignoring_case_takes_for_its_own(sentence: str) -> None:
    assert promotion.promotion_end(sentence) == _ungated_promotion_end(sentence) == len(sentence)
