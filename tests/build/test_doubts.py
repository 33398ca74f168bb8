"""Doubtful dates: what `timeline check` lists for an editor to look at."""

from __future__ import annotations

from dataclasses import replace

from timeline.build.doubts import doubtful_dates, expected_only
from timeline.extract import extract_article
from timeline.extract.doubts import unclear_weekdays
from timeline.load.articles import parse_article
from timeline.load.curation import parse_corrections
from timeline.model import Entry, EventKind, Source, Timeline

FRONT = "---\ntitle: T\npublished: 2025-02-05\nsource: S\nurl: https://s.example/a\n---\n\n"


def doubts_of(body: str) -> list[str]:
    extraction = extract_article(parse_article(FRONT + body, "content/articles/a.md"))
    return [str(doubt) for doubt in doubtful_dates((extraction,))]


def test_weekday_without_tense_is_doubtful_but_a_told_one_is_not() -> None:
    text = FRONT + "Talks in Cairo on Monday. Officials said on Tuesday that aid was blocked.\n"
    extraction = extract_article(parse_article(text, "a.md"))
    assert [e.text for e in unclear_weekdays(extraction)] == ["Monday"]
    assert doubts_of("Talks in Cairo on Monday.\n") == [
        "content/articles/a.md:8: 'Monday' has no clear tense around it: read as 2025-02-03"
    ]


def test_a_happening_dated_after_publication_is_doubtful() -> None:
    assert doubts_of("The army withdrew from the camp on 8 February 2025.\n") == [
        "content/articles/a.md:8: '8 February 2025' dates an event after the article was "
        "published (2025-02-08)"
    ]


def test_what_is_expected_may_lie_after_publication() -> None:
    assert doubts_of("The next exchange will take place on 8 February 2025.\n") == []


def test_clear_past_dates_are_not_doubtful() -> None:
    assert doubts_of("The army said on Monday that it had withdrawn on 1 February 2025.\n") == []


def test_a_yearless_date_months_from_publication_is_doubtful() -> None:
    doubts = doubts_of(
        "Victims of the attack on October 7 were buried. Talks began on 3 February.\n"
    )
    assert doubts == [
        "content/articles/a.md:8: 'October 7' gives no year and is months from publication: "
        "read as 2024-10-07; write the year, or re-date it in content/corrections.toml"
    ]


def test_a_corrected_event_is_no_longer_doubtful() -> None:
    text = FRONT + "Victims of the attack on October 7 were buried.\n"
    extraction = extract_article(parse_article(text, "content/articles/a.md"))
    (event,) = extraction.events
    corrections = parse_corrections(f'[redate."{event.id}"]\ndate = "2023-10-07"\n', "c.toml")
    assert len(doubtful_dates((extraction,))) == 1
    assert doubtful_dates((extraction,), corrections) == ()


def test_a_date_far_outside_the_collection_without_its_year_written_is_listed() -> None:
    text = FRONT + "The worst crash, by one count: 1929. Israel was founded in 1948.\n"
    extraction = extract_article(parse_article(text, "content/articles/a.md"))
    assert [str(d) for d in doubtful_dates((extraction,))] == [
        "content/articles/a.md:8: '1929' dates an event in 1929, far from when the articles "
        "were published (2025-2025), and the year is not written out: set aside; write the "
        "date out, or re-date it in content/corrections.toml"
    ]
    (far,) = [e for e in extraction.events if e.date.value == "1929"]
    corrections = parse_corrections(f'[redate."{far.id}"]\ndate = "2025-02-04"\n', "c.toml")
    assert doubtful_dates((extraction,), corrections) == ()


def test_entries_only_expected_are_listed_with_their_first_source() -> None:
    text = FRONT + "Talks began on 1 February 2025. Aid convoys entered on 2 February 2025.\n"
    extraction = extract_article(parse_article(text, "content/articles/a.md"))
    entries = [
        Entry(
            f"e{number}",
            event.date,
            event.text,
            (
                Source(
                    event.id, event.article, event.text, event.line, event.expression, event.basis
                ),
            ),
        )
        for number, event in enumerate(extraction.events)
    ]
    entries[-1] = replace(entries[-1], kind=EventKind.EXPECTED)
    doubts = expected_only(Timeline("T", tuple(entries), (extraction,)))
    assert [str(doubt) for doubt in doubts] == [
        f"content/articles/a.md:8: only expected, not reported: 2025-02-02 '{entries[-1].text}'"
    ]
    assert doubts[0].kind == "expected"
