"""Merging: events that report the same happening become one timeline entry.

Events are compared only within a blocking key (the same date value at the same precision),
never all pairs across the timeline. Within a block, two events of different articles join
when their sentences share enough content words, names and numbers. The earliest report
gives the entry its id and its text; every source stays listed with its own sentence.

A coarser mention ("in January") joins an entry known to the day only when its text is
clearly the same happening (a stricter test), and only entries inside its period are
compared with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from timeline.model import ArticleRef, DateValue, Entry, Event, Precision, Source

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*")
_STOPWORDS = frozenset(
    """the and for that with from this were was are has have had its into over after before
    their they them than then there said says say about also been being which who will would
    could should while when where what more most some such other under between during
    against since until upon both each very just only not but all any can did does one two
    three new first last week month year day today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december on in at of to by as an a is it""".split()
)
_MIN_SHARED = 3
_MIN_OVERLAP = 0.4
_COARSE_MIN_SHARED = 4
_COARSE_MIN_OVERLAP = 0.6
_JOINABLE = frozenset(
    {Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.YEAR}
)


def merge_events(
    events: Iterable[Event], *, apart: frozenset[str] = frozenset()
) -> tuple[Entry, ...]:
    """One entry per happening, in timeline order (design.md §4).

    Events whose ids are in ``apart`` (split by a correction) never join another event.
    """
    blocks: dict[tuple[str, str, str | None], list[Event]] = defaultdict(list)
    for event in events:
        blocks[_block_key(event.date)].append(event)
    entries = [entry for block in blocks.values() for entry in _merge_block(block, apart)]
    return order_entries(_join_coarse_mentions(entries, apart))


def order_entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries in timeline order."""
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


def _merge_block(block: list[Event], apart: frozenset[str]) -> list[Entry]:
    clusters: list[list[tuple[Event, frozenset[str]]]] = []
    for event in sorted(block, key=_report_order):
        words = content_words(event.text)
        home = None
        if event.id not in apart:
            home = next((c for c in clusters if _joins(event, words, c, apart)), None)
        if home is None:
            clusters.append([(event, words)])
        else:
            home.append((event, words))
    return [_entry([event for event, _ in cluster]) for cluster in clusters]


def _report_order(event: Event) -> tuple[str, str, int]:
    return (published_key(event.article.published), event.article.slug, event.start)


def _joins(
    event: Event,
    words: frozenset[str],
    cluster: list[tuple[Event, frozenset[str]]],
    apart: frozenset[str],
) -> bool:
    if any(member.id in apart for member, _ in cluster):
        return False
    if any(member.article.slug == event.article.slug for member, _ in cluster):
        return False  # one article never reports the same happening twice
    return any(_similar(words, other) for _, other in cluster)


def _similar(
    a: frozenset[str], b: frozenset[str], least: int = _MIN_SHARED, overlap: float = _MIN_OVERLAP
) -> bool:
    shared = len(a & b)
    smaller = min(len(a), len(b)) or 1
    return shared >= least and shared / smaller >= overlap


def _join_coarse_mentions(entries: list[Entry], apart: frozenset[str]) -> list[Entry]:
    """Fold a coarse entry into the finer entry inside its period that tells the same thing."""
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        if entry.date.precision.rank <= Precision.DAY.rank:
            by_month[(entry.date.start.year, entry.date.start.month)].append(index)
    joined: dict[int, list[Source]] = defaultdict(list)
    absorbed = set()
    for index, entry in enumerate(entries):
        if entry.date.precision not in _JOINABLE or entry.id in apart:
            continue
        target = _best_finer_entry(entry, entries, by_month)
        if target is not None:
            joined[target].extend(entry.sources)
            absorbed.add(index)
    return [
        replace(entry, sources=entry.sources + tuple(joined[i])) if i in joined else entry
        for i, entry in enumerate(entries)
        if i not in absorbed
    ]


def _best_finer_entry(
    coarse: Entry, entries: list[Entry], by_month: dict[tuple[int, int], list[int]]
) -> int | None:
    words = content_words(coarse.text)
    slugs = {s.article.slug for s in coarse.sources}
    best, best_shared = None, 0
    for index in _indexes_within(coarse.date, by_month):
        fine = entries[index]
        if not coarse.date.start <= fine.date.start < coarse.date.end:
            continue
        if slugs & {s.article.slug for s in fine.sources}:
            continue
        other = content_words(fine.text)
        shared = len(words & other)
        strong = _similar(words, other, _COARSE_MIN_SHARED, _COARSE_MIN_OVERLAP)
        if strong and shared > best_shared:
            best, best_shared = index, shared
    return best


def _indexes_within(date: DateValue, by_month: dict[tuple[int, int], list[int]]) -> list[int]:
    indexes: list[int] = []
    month = dt.date(date.start.year, date.start.month, 1)
    while month < date.end:
        indexes.extend(by_month.get((month.year, month.month), ()))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return indexes


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
