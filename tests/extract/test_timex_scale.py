"""Extraction grows linearly with the text, however long a paragraph or a sentence is.

Work is counted in lines of Python run, the same on every machine (no clock in unit tests:
``bench/`` measures time). The old engine took 383 s on a 5 MB article: every sentence
boundary re-read the paragraph before it, every event counted lines from the file's start.
"""

from __future__ import annotations

import datetime as dt

from tests.extract.test_sentences import lines_run
from timeline.extract import extract_article
from timeline.extract.timex import find_expressions
from timeline.model import Article

FRONT = "---\ntitle: Talks\npublished: 2025-02-03\nsource: Wire\n---\n\n"
PARAGRAPH = (
    "Gen. Halevi said on Monday that the U.S. envoy had arrived in Cairo. "
    "“We are ready. We will go,” he said on 19 January 2025. "
    "The talks, first held in the mid-Eighties, resumed on Jan. 14; the army said on "
    "15 January it would withdraw, and officials met again three days later. "
    "Mr. Smith left at 6 a.m. Tuesday, after the first quarter of 2024. "
)
HISTORY = (
    "In 1812, Napoleon invaded Russia. In September he took Moscow, and two days later the "
    "city burned. “Today we rest, tomorrow we march,” he said on 14 September. In 490 BC the "
    "Persians landed; ten years later they returned. The following spring the war resumed. "
)
"""History: a story of its own time, quoted speakers' days and years before Christ."""
CLAUSES = "the army said on 15 January it would withdraw; "
PROSE = (
    "Aid agencies said the crossing at Rafah stayed shut for most of the week, and trucks "
    "carrying flour, fuel and medicine queued for miles along the road to the border. "
    "“There is nothing left in the markets,” said Dr. Amal Haddad, who runs a clinic in the "
    "south. “People eat once a day, if at all.” The U.N. agency for refugees said its "
    "warehouses were empty and that its staff could not reach the north of the strip. "
)
"""News prose: a date every few sentences, as most articles have."""


def article(body: str) -> Article:
    text = FRONT + body + "\n"
    return Article("content/articles/a.md", "a", "Talks", dt.date(2025, 2, 3), "Wire", text,
                   len(FRONT))  # fmt: skip


def test_finding_expressions_work_grows_linearly() -> None:
    def find(copies: int) -> object:
        return lambda: find_expressions(PARAGRAPH * copies, dt.date(2025, 2, 3))

    assert lines_run(find(100)) <= 2.02 * lines_run(find(50))


def test_history_work_grows_linearly() -> None:
    def find(copies: int) -> object:
        return lambda: find_expressions(HISTORY * copies, dt.date(2024, 3, 15))

    assert lines_run(find(100)) <= 2.02 * lines_run(find(50))


def test_extraction_work_grows_linearly_with_one_paragraph() -> None:
    def extract(copies: int) -> object:
        return lambda: extract_article(article(PARAGRAPH * copies))

    assert lines_run(extract(100)) <= 2.02 * lines_run(extract(50))


def test_extraction_work_grows_linearly_with_one_sentence_of_many_clauses() -> None:
    def extract(copies: int) -> object:
        return lambda: extract_article(article("Then " + CLAUSES * copies + "and more."))

    assert lines_run(extract(100)) <= 2.02 * lines_run(extract(50))


def test_a_two_megabyte_paragraph_is_read_whole() -> None:
    story = PARAGRAPH + PROSE * 3
    copies = 2_000_000 // len(story)
    one = extract_article(article(story))
    many = extract_article(article(story * copies))
    assert len(many.expressions) == copies * len(one.expressions)
    assert len(many.events) == copies * len(one.events)
    assert [e.text for e in many.events[-len(one.events) :]] == [e.text for e in one.events]
    assert {e.line for e in many.events} == {7}
