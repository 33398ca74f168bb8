"""Property-based tests: no text and no publication date makes extraction raise.

Hypothesis writes the texts: arbitrary Unicode, and phrases built from the engine's own
vocabulary (month and weekday names, numbers of any length, ordinals, units, "mid-",
"-century", look-alike letters), so that the search reaches the interpreters rather than
stopping at the scanner. Publication dates run over the whole calendar, its edges first.

CI runs a fixed set of examples (``derandomize``) for a few seconds. To search harder::

    TIMELINE_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_timex_property.py
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract import extract_article
from timeline.extract.sentences import mask_markup
from timeline.extract.timex import find_expressions
from timeline.extract.timex.lexicon import (
    HEDGES,
    LOOK_ALIKES,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITIONS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from timeline.extract.timex.starts import STARTERS
from timeline.model import Article, TimeExpression

EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 500,
    derandomize=not EXAMPLES,  # CI sees the same examples on every run
    deadline=None,  # a loaded machine is no failure
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def forms(words: object) -> list[str]:
    """Each word as written in the tables, capitalized and in capitals."""
    return [form(w) for w in sorted(str(w) for w in words) for form in (str, str.title, str.upper)]


MONTH = forms(MONTHS) + [f"{m.title()}." for m in MONTHS]
UNIT = forms([*UNITS, *(f"{u}s" for u in UNITS), "centuries"])
DIGITS = [
    "0", "00", "1", "7", "12", "13", "24", "29", "30", "31", "32", "59", "60", "99", "100",
    "1600", "1948", "2025", "9999", "10000", "123456789", "1234567890", "1" * 309,
]  # fmt: skip
NUMBER = [*DIGITS, *forms(NUMBERS), *forms(VAGUE_NUMBERS), "5 1/0", "2 1/2", "3.5", "forty-one"]
ORDINAL = forms([*ORDINALS, "eighteenth", "nineteenth", "twentieth", "twenty-first", "0th"])
DECADE = forms("twenties thirties forties fifties sixties seventies eighties nineties".split())
WORDS = sorted(
    {*STARTERS, *MONTH, *forms(WEEKDAYS), *NUMBER, *ORDINAL, *DECADE, *UNIT, *forms(HEDGES),
     *forms(POSITIONS), *forms(SEASONS), *forms(PARTS_OF_DAY), *"""ago later earlier before
     after hence since until by in on of and to said will was a.m. p.m. GMT o'clock Q1 H1
     '90s 1990s 1800s '00s mid- -century -long -old 12/31/9999 9999-12-31T24:04 0000-01-01
     2024-02-29 01/01/0001 ( ) " ' “ ” , . ; : - – /""".split()}
)  # fmt: skip


def pick(words: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(words)


def joined(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map("".join)


SEPARATOR = pick([" ", " ", "", "-", ", ", ". ", "\n", "\n\n"])
PHRASE = st.one_of(
    joined(pick(["the ", "the early ", "the mid-", "the late ", "mid-", ""]), pick(DECADE)),
    joined(pick(["the ", "In ", ""]), pick(ORDINAL), pick(["-century", " century", " half"])),
    joined(pick(["", "about ", "over ", "the past "]), pick(NUMBER), SEPARATOR, pick(UNIT),
           pick(["", " ago", " later", " earlier", " before", " from now", "-long"])),
    joined(pick(["", "on ", "in ", "since "]), pick(MONTH), SEPARATOR, pick(DIGITS),
           pick(["", ", ", " "]), pick(DIGITS)),
    joined(pick(DIGITS), pick(["/", "-", ":"]), pick(DIGITS), pick(["/", "-", "T"]), pick(DIGITS)),
    joined(pick(["last ", "next ", "this ", "that ", "the following ", "every ", "early "]),
           pick([*forms(WEEKDAYS), *MONTH, *UNIT, *forms(SEASONS), *forms(PARTS_OF_DAY)])),
    pick(WORDS),
)  # fmt: skip
ALIKE = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a", "K": "\u212a"}
assert {ord(c) for c in ALIKE.values()} == set(LOOK_ALIKES)


def look_alike(text: str, letters: list[bool]) -> str:
    """``text`` with some of its letters replaced by the look-alikes the patterns fold."""
    return "".join(
        ALIKE[c] if c in ALIKE and swap else c
        for c, swap in zip(text, letters + [False] * len(text), strict=False)
    )


PIECE = st.one_of(
    PHRASE,
    PHRASE,
    st.builds(look_alike, PHRASE, st.lists(st.booleans(), max_size=40)),
    st.text(max_size=20),
)
TEXT = st.lists(joined(PIECE, SEPARATOR), max_size=30).map("".join)
EDGES = [dt.date.min, dt.date.max, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(5, 6, 1),
         dt.date(9999, 12, 26), dt.date(2024, 2, 29)]  # fmt: skip
PUBLISHED = st.one_of(st.sampled_from(EDGES), st.dates())
MARKDOWN = pick(["# ", "## ", "> ", "- ", "1. ", "**", "*", "_", "`", "[", "](", ")", "![",
                 "<a href='x'>", "</a>", "\n\n", "\n", "[1]: https://x.org", "\u00a0"])  # fmt: skip
BODY = st.lists(st.one_of(joined(PIECE, SEPARATOR), MARKDOWN), max_size=40).map("".join)


def check(text: str, expressions: list[TimeExpression]) -> None:
    """Offsets point at the text, in order; dated values lie on the calendar."""
    starts = [e.start for e in expressions]
    assert starts == sorted(starts)
    for expression in expressions:
        assert text[expression.start : expression.end] == expression.text
        if expression.date is not None:
            assert expression.resolved
            assert expression.date.start <= expression.date.end


@FUZZ
@given(TEXT, PUBLISHED, st.booleans())
def test_find_expressions_never_raises(text: str, published: dt.date, day_first: bool) -> None:
    check(text, find_expressions(text, published, day_first=day_first))


@FUZZ
@given(st.text(), PUBLISHED)
def test_find_expressions_never_raises_on_any_unicode(text: str, published: dt.date) -> None:
    check(text, find_expressions(text, published))


@FUZZ
@given(BODY, PUBLISHED, st.booleans())
def test_extract_article_never_raises(body: str, published: dt.date, day_first: bool) -> None:
    front = f"---\ntitle: T\npublished: {published.isoformat()}\nsource: S\n---\n"
    text = front + body
    article = Article("content/articles/a.md", "a", "T", published, "S", text, len(front))
    extraction = extract_article(article, day_first=day_first)
    check(mask_markup(text, len(front)), list(extraction.expressions))  # markup reads as spaces
    lines = text.count("\n") + 1
    for event in extraction.events:
        assert 0 <= event.start <= event.end <= len(text)
        assert 1 <= event.line <= lines
        assert event.line == article.line_of(event.start)
    assert len({event.id for event in extraction.events}) == len(extraction.events)
