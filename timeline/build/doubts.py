"""Doubtful dates: what in an article's extraction an editor should look at.

Nothing here stops a build unless it is strict; a correction that re-dates or hides an
event settles the doubts about it. An article's doubts are a function of its extraction
alone, so the build keeps them in its store beside the extraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from timeline.build.report import ArticleDoubt, Doubt
from timeline.extract.doubts import distant_yearless, unclear_weekdays
from timeline.extract.language import language_note
from timeline.load.front_matter import article_notes
from timeline.merge.evidence import span, unevidenced
from timeline.model import (
    ArticleEvents,
    Correction,
    Event,
    EventKind,
    Extraction,
    SourceLocation,
    Timeline,
)

__all__ = [
    "ArticleDoubt",
    "Doubt",
    "article_doubts",
    "doubtful_dates",
    "expected_only",
    "settle_doubts",
    "site_doubts",
    "unevidenced_doubts",
]


def doubtful_dates(
    extractions: tuple[Extraction, ...], corrections: tuple[Correction, ...] = ()
) -> tuple[Doubt, ...]:
    """Unresolved expressions, weekdays without a clear tense, year-less dates far from
    publication and happenings dated after their article: all but those an editor settled
    (an event that ``corrections`` re-date, hide or drop)."""
    return site_doubts([article_doubts(x) for x in extractions], extractions, corrections)


def site_doubts(
    doubts: Iterable[Iterable[ArticleDoubt]],
    articles: Iterable[ArticleEvents | Extraction],
    corrections: tuple[Correction, ...] = (),
) -> tuple[Doubt, ...]:
    """Every doubt of a site that no correction settled: those of each article
    (``article_doubts``) and those of the collection (``unevidenced_doubts``)."""
    events = [event for article in articles for event in article.events]
    return settle_doubts(doubts, corrections) + unevidenced_doubts(events, corrections)


def unevidenced_doubts(
    events: Iterable[Event], corrections: tuple[Correction, ...] = ()
) -> tuple[Doubt, ...]:
    """The events merging sets aside because their date is far outside the collection's
    span without evidence (``merge.evidence``), but those an editor settled."""
    events = list(events)
    far = unevidenced(events)
    if not far:
        return ()
    settled = {c.id for c in corrections if c.action in ("redate", "hide", "drop")}
    first, last = span(events) or (dt.date.min, dt.date.max)
    return tuple(
        Doubt(
            SourceLocation(event.article.path, event.line),
            f"'{event.expression.text if event.expression else event.date.value}' dates an "
            f"event in {event.date.value}, far from when the articles were published "
            f"({first.year}-{last.year}), and the year is not written out: set aside; "
            "write the date out, or re-date it in content/corrections.toml",
        )
        for event in far
        if event.id not in settled
    )


def settle_doubts(
    doubts: Iterable[Iterable[ArticleDoubt]], corrections: tuple[Correction, ...]
) -> tuple[Doubt, ...]:
    """The doubts of every article (``article_doubts``) that no correction settled."""
    settled = {c.id for c in corrections if c.action in ("redate", "hide", "drop")}
    return tuple(doubt for each in doubts for doubt, ids in each if not settled.intersection(ids))


def article_doubts(extraction: Extraction) -> tuple[ArticleDoubt, ...]:
    """Every doubt about one article, before corrections: a function of its extraction
    alone, so the build keeps it in the cache beside the extraction."""
    return tuple(_doubts_of(extraction))


def expected_only(timeline: Timeline) -> tuple[Doubt, ...]:
    """The entries that only expected sources tell (a plan, a deadline), none reporting
    that it happened: the timeline shows them as expected, and an editor may check them."""
    return tuple(
        Doubt(
            SourceLocation(entry.sources[0].article.path, entry.sources[0].line),
            f"only expected, not reported: {entry.date.value} '{entry.text[:80]}'",
            "expected",
        )
        for entry in timeline.entries
        if entry.kind is EventKind.EXPECTED and entry.sources and not entry.curated
    )


def _doubts_of(extraction: Extraction) -> Iterator[ArticleDoubt]:
    article = extraction.article
    for line, note in article_notes(article):
        yield Doubt(SourceLocation(article.path, line), note, "front matter"), ()
    language = language_note(article)
    if language:
        line = article.line_of(article.body_start)
        yield Doubt(SourceLocation(article.path, line), language, "language"), ()
    settling: dict[int, list[str]] = {}
    for event in extraction.events:
        if event.expression:
            settling.setdefault(event.expression.start, []).append(event.id)

    def at(offset: int) -> SourceLocation:
        return SourceLocation(article.path, article.line_of(offset))

    for expression in extraction.expressions:
        if not expression.resolved:
            yield Doubt(at(expression.start), f"'{expression.text}' could not be resolved"), ()
    for expression in distant_yearless(extraction):
        yield (
            Doubt(
                at(expression.start),
                f"'{expression.text}' gives no year and is months from publication: read as "
                f"{expression.value}; write the year, or re-date it in content/corrections.toml",
            ),
            tuple(settling.get(expression.start, ())),
        )
    for expression in unclear_weekdays(extraction):
        yield (
            Doubt(
                at(expression.start),
                f"'{expression.text}' has no clear tense around it: read as {expression.value}",
            ),
            tuple(settling.get(expression.start, ())),
        )
    for event in extraction.events:
        if event.expression is None or event.kind is not EventKind.HAPPENED:
            continue  # what is expected, or set aside, may well lie ahead
        if event.date.start > article.published_date:
            yield (
                Doubt(
                    SourceLocation(article.path, event.line),
                    f"'{event.expression.text}' dates an event after the article was "
                    f"published ({event.date.value})",
                ),
                (event.id,),
            )
