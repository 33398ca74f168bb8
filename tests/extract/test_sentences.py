"""Masking Markdown without moving offsets, paragraphs, and sentences of news prose."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from types import FrameType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_timex_property import FUZZ
from timeline.extract import extract_article
from timeline.extract.sentences import (
    _LINE_MARKERS,
    Span,
    _blank,
    mask_markup,
    normalize_space,
    split_paragraphs,
    split_sentences,
)
from timeline.model import Article


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(Span(0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("U.S. officials met. They left.", ["U.S. officials met.", "They left."]),
        ("Gen. Halevi spoke. He left.", ["Gen. Halevi spoke.", "He left."]),
        ("It began on Jan. 19 at dawn. Then more.", ["It began on Jan. 19 at dawn.", "Then more."]),
        ("He lives at No. 10 Downing St. in town.", ["He lives at No. 10 Downing St. in town."]),
        ("Some 3.5 million people fled. Aid came.", ["Some 3.5 million people fled.", "Aid came."]),
        ("Donald J. Trump spoke. Then.", ["Donald J. Trump spoke.", "Then."]),
        ('"We are ready." Hamas said so.', ['"We are ready."', "Hamas said so."]),
        ("Is it over? No! Yes.", ["Is it over?", "No!", "Yes."]),
        ("At 6 a.m. Monday they moved.", ["At 6 a.m. Monday they moved."]),
        ("The U.N. said so. Then it left.", ["The U.N. said so.", "Then it left."]),
        (
            "“We are ready. We will go,” he said. They left.",
            ["“We are ready. We will go,” he said.", "They left."],
        ),
        ('"Stop. Now," she said. Then.', ['"Stop. Now," she said.', "Then."]),
        ("“It goes on. And on. Next paragraph", ["“It goes on.", "And on.", "Next paragraph"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_offsets_point_into_the_text() -> None:
    text = "First one.  Second one."
    spans = split_sentences(Span(100, 100 + len(text), text))
    assert [(s.start, s.end) for s in spans] == [(100, 110), (112, 123)]


def test_mask_keeps_length_and_hides_markup() -> None:
    text = "---\ntitle: X\n---\n# Heading\n\n> **Bold** [link text](https://x.org) and `code`.\n"
    body_start = text.index("# Heading")
    masked = mask_markup(text, body_start)
    assert len(masked) == len(text)
    assert "title" not in masked
    assert "Heading" not in masked
    assert normalize_space(masked) == "Bold link text and code."
    assert masked.index("link text") == text.index("link text")


def test_paragraphs_have_file_offsets() -> None:
    text = "HEAD\nFirst para\nline two.\n\n\nSecond para.\n"
    spans = split_paragraphs(text, 5)
    assert [s.text for s in spans] == ["First para\nline two.", "Second para."]
    assert all(text[s.start : s.end] == s.text for s in spans)


def lines_run(function: Callable[[], object]) -> int:
    """The lines of Python that ``function()`` runs: a count of work that, unlike a clock, is
    the same on every machine and every run (a first call warms the caches)."""
    function()
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return count


NEWS = (
    "Gen. Halevi said on Monday that the U.S. envoy had arrived. "
    "“We are ready. We will go,” he said. "
    "Talks resumed on Jan. 14; the army said on 15 January it would withdraw. "
    "Mr. Smith left at 6 a.m. Tuesday. "
)


def test_splitting_work_grows_linearly_with_a_paragraph() -> None:
    def split(copies: int) -> Callable[[], object]:
        text = NEWS * copies
        return lambda: split_sentences(Span(0, len(text), text))

    assert lines_run(split(200)) <= 2.02 * lines_run(split(100))


def test_reading_escapes_grows_linearly_with_the_text() -> None:
    """Runs of backticks of many lengths (each looks for its equal) and escapes between."""
    piece = "".join("`" * n + " 9\\/11 " for n in range(1, 40)) + "\n\n    code 3\\/4\n\n"

    def mask(copies: int) -> Callable[[], object]:
        text = piece * copies
        return lambda: mask_markup.__wrapped__(text, 0)

    assert lines_run(mask(200)) <= 2.05 * lines_run(mask(100))


PATHOLOGICAL = {
    "brackets never closed": "[a " * 350_000,
    "tags never closed": "<a " * 350_000,
    "underscores inside a word": "a" + "_" * 1_000_000 + "b ",
    "links never closed": "[a](x " * 175_000,
    "image marks": "![" * 500_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_a_megabyte_of_unclosed_markup_is_masked_whole(text: str) -> None:
    """Patterns that rescanned the rest of a line from every opening mark took hours here."""
    masked = mask_markup(text + "\n\nThe [end](https://x.org) **is** <b>near</b>.\n", 0)
    assert masked[: len(text)] == text
    assert normalize_space(masked[len(text) :]) == "The end is near."


@pytest.mark.parametrize("after", [" and more. Then.", " " * 1_000_000 + "and more. Then."])
def test_a_megabyte_of_dots_before_a_small_letter_ends_no_sentence(after: str) -> None:
    text = "It went on" + "." * 1_000_000 + after
    assert [len(s) for s in sentences(text)] == [len(text) - len(" Then."), len("Then.")]


_LINE_MARKERS_BEFORE = re.compile(r"^( {0,3}(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)", re.M)
"""The pattern of the marks that open a line before it matched only where there are some."""
_MARKDOWN = [
    " ", "  ", "    ", "\t", ">", "> ", ">\t", "-", "- ", "* ", "+\t", "1. ", "12) ", "1.", "#",
    "## ", "[a]: x", "[b](y)", "Troops", "withdrew.", "_", "*", "`", "<b>", "\n", "\n\n",
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("> - Gaza", "    Gaza"),
        ("  >> 3) Rafah", "        Rafah"),
        ("12. Jenin", "    Jenin"),
        ("   Nablus", "   Nablus"),
        ("    - Tulkarm", "    - Tulkarm"),  # four spaces: code, not a list
        ("## Khan Younis", "              "),
        ("[1]: https://x.org", "                  "),
    ],
)
def test_the_marks_that_open_a_line_are_masked(line: str, masked: str) -> None:
    assert mask_markup.__wrapped__(line, 0) == masked


@FUZZ
@given(st.lists(st.sampled_from(_MARKDOWN), max_size=16).map("".join))
def test_lines_are_masked_as_the_pattern_before_masked_them(text: str) -> None:
    def blank(match: re.Match[str]) -> str:
        return _blank(match.group(0))

    assert _LINE_MARKERS.sub(blank, text) == _LINE_MARKERS_BEFORE.sub(blank, text)


@pytest.mark.parametrize(
    ("body", "plain"),
    [
        # a backslash escaping a mark of punctuation is read as that mark
        (
            "Officials called the raid the region's 9\\/11.",
            "Officials called the raid the region's 9/11.",
        ),
        (
            "The brigade's 3\\/4 strength \\(at best\\) held the ridge.",
            "The brigade's 3/4 strength (at best) held the ridge.",
        ),
        # an escaped star or underscore is no emphasis: it is shown
        (
            "Casualties\\* rose to 40 in the \\_north\\_ sector.",
            "Casualties* rose to 40 in the _north_ sector.",
        ),
        # an escaped backslash is one backslash, and the slash after it stays a slash
        (
            "The file was saved as C:\\\\/reports on the drive.",
            "The file was saved as C:\\/reports on the drive.",
        ),
        # a backslash before a letter or a digit escapes nothing
        ("The code named C:\\Users\\2024 leaked.", "The code named C:\\Users\\2024 leaked."),
        # code shows its backslashes: a span between backticks, a block indented four spaces
        ("The order `9\\/11` was signed.", "The order 9\\/11 was signed."),
        ("Intro 9\\/11.\n\n    grid 3\\/4\n\nAfter 3\\/4.", "Intro 9/11. grid 3\\/4 After 3/4."),
        # a single backtick opens no code: the escape after it is read
        ("A ` stray mark, then 9\\/11.", "A stray mark, then 9/11."),
    ],
)
def test_an_escape_is_read_as_the_mark_it_escapes(body: str, plain: str) -> None:
    masked = mask_markup.__wrapped__(body, 0)
    assert len(masked) == len(body)
    assert normalize_space(masked) == plain


def test_an_escape_keeps_every_offset_of_the_article() -> None:
    front = "---\ntitle: T\npublished: 2024-03-14\nsource: S\n---\n\n"
    body = "Militias called it their 9\\/11. The 3\\/4 brigade withdrew on 12 March 2024.\n"
    article = Article("content/articles/a.md", "a", "T", dt.date(2024, 3, 14), "S",
                      front + body, len(front))  # fmt: skip
    extraction = extract_article(article)
    (expression,) = extraction.expressions
    assert article.text[expression.start : expression.end] == "12 March 2024"
    lead, event = extraction.events  # the lead, dated by its publication, and the withdrawal
    assert lead.text == "Militias called it their 9/11."
    assert event.text == "The 3/4 brigade withdrew on 12 March 2024."
    for told in (lead, event):
        assert article.text[told.start : told.end] == told.text.replace("/", "\\/")


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        # a paragraph that opens with a comma goes on with the sentence before
        (
            "A spokesman for Rep. Jo Roe (D-Mass.)\n\n, the committee chairman, said on Monday "
            "that talks failed.",
            [
                "A spokesman for Rep. Jo Roe (D-Mass.), the committee chairman, said on Monday "
                "that talks failed."
            ],
        ),
        (
            'Shelling went on all night, "as it did in May."\n\n, the mayor said.',
            ['Shelling went on all night, "as it did in May.", the mayor said.'],
        ),
        # in lower case after a party and state in brackets, or an abbreviation
        (
            "Sen. Ann Poe (R-Tex.)\n\nsaid the convoy had reached Kherson.",
            ["Sen. Ann Poe (R-Tex.) said the convoy had reached Kherson."],
        ),
        (
            "Talks were led by Lt. Gen.\n\nhalevi, the army said.",
            ["Talks were led by Lt. Gen. halevi, the army said."],
        ),
        # in lower case after a sentence's end it is a paragraph of its own (a reader's comment)
        (
            "The ceasefire held on Sunday.\n\nthe shelling resumed at dawn anyway.",
            ["The ceasefire held on Sunday.", "the shelling resumed at dawn anyway."],
        ),
        (
            "The shelling stopped (for an hour.)\n\nthen it began again.",
            ["The shelling stopped (for an hour.)", "then it began again."],
        ),
        # a paragraph in capitals after an abbreviation stays its own
        (
            "A statement came from Rep. Jo Roe (D-Mass.)\n\nThe army denied it.",
            ["A statement came from Rep. Jo Roe (D-Mass.)", "The army denied it."],
        ),
    ],
)
def test_a_paragraph_that_goes_on_with_the_sentence_before_is_one_with_it(
    body: str, paragraphs: list[str]
) -> None:
    text = "HEAD\n\n" + body + "\n"
    spans = split_paragraphs(mask_markup.__wrapped__(text, 6), 6)
    assert [normalize_space(s.text) for s in spans] == paragraphs
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert [normalize_space(s.text) for p in spans for s in split_sentences(p)] == paragraphs
