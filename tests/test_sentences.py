"""Masking Markdown without moving offsets, paragraphs, and sentences of news prose."""

from __future__ import annotations

import pytest

from timeline.extract.sentences import (
    Span,
    mask_markup,
    normalize_space,
    split_paragraphs,
    split_sentences,
)


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
