"""Merging: events that report the same happening become one timeline entry.

Events are compared only within a blocking key (the same date value at the same precision),
never all pairs across the timeline. Within a block, two events of different articles join
when their sentences share enough content words, names and numbers. The earliest report
gives the entry its id and its text; every source stays listed with its own sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from timeline.model import ArticleRef, DateValue, Entry, Event, Source

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*")
_STOPWORDS = frozenset(
    """the and for that with from this were was are has have had its into over after before
    their they them than then there said says say about also been being which who will would
    could should while when where what more most some such other under between during
    against since until upon both each very just only not but all any can did does one two
    three new first last week month year day today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday on in at of to by as an a is it""".split()
)
_MIN_SHARED = 3
_MIN_OVERLAP = 0.4


def merge_events(events: Iterable[Event]) -> tuple[Entry, ...]:
    """One entry per happening, in timeline order (design.md §4)."""
    blocks: dict[tuple[str, str, str | None], list[Event]] = defaultdict(list)
    for event in events:
        blocks[_block_key(event.date)].append(event)
    entries = [entry for block in blocks.values() for entry in _merge_block(block)]
    return tuple(sorted(entries, key=entry_order))


def entry_order(entry: Entry) -> tuple[dt.date, int, str, str]:
    """Interval start, then coarser precision first, then first publication, then id."""
    first = entry.sources[0].article.published
    return (entry.date.start, -entry.date.precision.rank, published_key(first), entry.id)


def published_key(published: dt.datetime | dt.date) -> str:
    """A publication time as a string that sorts chronologically across time zones."""
    if isinstance(published, dt.datetime):
        if published.tzinfo is not None:
            published = published.astimezone(dt.UTC).replace(tzinfo=None)
        return published.isoformat()
    return dt.datetime.combine(published, dt.time()).isoformat()


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that say what happened: no stop words, numbers kept."""
    words = (w.lower().strip(".,'-") for w in _WORD.findall(text))
    return frozenset(w for w in words if (len(w) > 2 and w not in _STOPWORDS) or w.isdigit())


def _block_key(date: DateValue) -> tuple[str, str, str | None]:
    return (date.value, date.precision.value, date.mod)


def _merge_block(block: list[Event]) -> list[Entry]:
    clusters: list[list[tuple[Event, frozenset[str]]]] = []
    for event in sorted(block, key=_report_order):
        words = content_words(event.text)
        home = next((c for c in clusters if _joins(event, words, c)), None)
        if home is None:
            clusters.append([(event, words)])
        else:
            home.append((event, words))
    return [_entry([event for event, _ in cluster]) for cluster in clusters]


def _report_order(event: Event) -> tuple[str, str, int]:
    return (published_key(event.article.published), event.article.slug, event.start)


def _joins(
    event: Event, words: frozenset[str], cluster: list[tuple[Event, frozenset[str]]]
) -> bool:
    if any(member.article.slug == event.article.slug for member, _ in cluster):
        return False  # one article never reports the same happening twice
    return any(_similar(words, other) for _, other in cluster)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    smaller = min(len(a), len(b)) or 1
    return shared >= _MIN_SHARED and shared / smaller >= _MIN_OVERLAP


def _entry(events: list[Event]) -> Entry:
    first = events[0]
    return Entry(
        id=first.id,
        date=first.date,
        text=first.text,
        sources=tuple(_source(event) for event in events),
        tags=tuple(sorted({tag for event in events for tag in event.article.tags})),
    )


def _source(event: Event) -> Source:
    return Source(
        event_id=event.id,
        article=event.article,
        sentence=event.text,
        line=event.line,
        expression=event.expression,
        basis=event.basis,
    )


def article_refs(entries: Iterable[Entry]) -> tuple[ArticleRef, ...]:
    """Every article that reported at least one entry, by slug."""
    refs = {source.article.slug: source.article for e in entries for source in e.sources}
    return tuple(refs[slug] for slug in sorted(refs))
