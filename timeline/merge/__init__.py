"""Merging: events that report the same happening become one timeline entry.

Events are compared only within a blocking key (the same date value at the same precision),
never all pairs across the timeline. Within a block, two events of different articles join
when their sentences share enough rare words: names, places, numbers (``similarity.py``).
The earliest report
gives the entry its id and its text; every source stays listed with its own sentence.

A coarser mention ("in January") joins an entry known to the day only when its text is
clearly the same happening (a stricter test), and only entries inside its period are
compared with it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from timeline.merge.similarity import Weights, alike, content_words, corpus_weights
from timeline.model import ArticleRef, DateValue, Entry, Event, Precision, Source

_MIN_SHARED = 2
_MIN_OVERLAP = 0.3
_COARSE_MIN_SHARED = 3
_COARSE_MIN_OVERLAP = 0.5
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
    words: dict[str, frozenset[str]] = {}
    for event in events:
        blocks[_block_key(event.date)].append(event)
        words[event.id] = content_words(event.text)
    comparer = _Comparer(words, corpus_weights(words.values()), apart)
    entries = [entry for block in blocks.values() for entry in _merge_block(block, comparer)]
    return order_entries(_join_coarse_mentions(entries, comparer))


def order_entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries in timeline order."""
    return tuple(sorted(entries, key=entry_order))


def entry_order(entry: Entry) -> tuple[dt.date, int, str, str]:
    """Interval start, then coarser precision first, then first publication, then id.

    A modified period starts where its part does: "mid-January" sorts after 10 January and
    "late January" after 20 January, though neither is shown more precisely than it is known.
    """
    first = entry.sources[0].article.published
    return (sort_start(entry.date), -entry.date.precision.rank, published_key(first), entry.id)


def sort_start(date: DateValue) -> dt.date:
    """Where a date sorts: its interval's start, moved into the third its modifier names."""
    thirds = {"MID": 1, "END": 2}.get(date.mod or "", 0)
    return date.start + (date.end - date.start) * thirds // 3


def published_key(published: dt.datetime | dt.date) -> str:
    """A publication time as a string that sorts chronologically across time zones."""
    if isinstance(published, dt.datetime):
        if published.tzinfo is not None:
            published = published.astimezone(dt.UTC).replace(tzinfo=None)
        return published.isoformat()
    return dt.datetime.combine(published, dt.time()).isoformat()


def _block_key(date: DateValue) -> tuple[str, str, str | None]:
    return (date.value, date.precision.value, date.mod)


@dataclass(frozen=True, slots=True)
class _Comparer:
    """Everything a comparison needs: each event's words, the corpus weights, the splits."""

    words: dict[str, frozenset[str]]
    weights: Weights
    apart: frozenset[str]

    def same_block(self, event: Event, cluster: list[Event]) -> bool:
        """Whether an event joins a cluster of its own date block."""
        if event.id in self.apart or any(member.id in self.apart for member in cluster):
            return False
        if any(member.article.slug == event.article.slug for member in cluster):
            return False  # one article never reports the same happening twice
        mine = self.words[event.id]
        return any(
            alike(mine, self.words[m.id], self.weights, _MIN_SHARED, _MIN_OVERLAP) for m in cluster
        )

    def coarse_into_fine(self, coarse: Entry, fine: Entry) -> int:
        """How many words a coarse entry shares with a finer one it clearly retells, or 0."""
        if {s.article.slug for s in coarse.sources} & {s.article.slug for s in fine.sources}:
            return 0
        a, b = self.words_of(coarse), self.words_of(fine)
        strong = alike(a, b, self.weights, _COARSE_MIN_SHARED, _COARSE_MIN_OVERLAP)
        return len(a & b) if strong else 0

    def words_of(self, entry: Entry) -> frozenset[str]:
        """The words of an entry's text (its first report's sentence)."""
        return self.words.get(entry.sources[0].event_id) or content_words(entry.text)


def _merge_block(block: list[Event], comparer: _Comparer) -> list[Entry]:
    clusters: list[list[Event]] = []
    for event in sorted(block, key=_report_order):
        home = next((c for c in clusters if comparer.same_block(event, c)), None)
        if home is None:
            clusters.append([event])
        else:
            home.append(event)
    return [_entry(cluster) for cluster in clusters]


def _report_order(event: Event) -> tuple[str, str, int]:
    return (published_key(event.article.published), event.article.slug, event.start)


def _join_coarse_mentions(entries: list[Entry], comparer: _Comparer) -> list[Entry]:
    """Fold a coarse entry into the finer entry inside its period that tells the same thing."""
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        if entry.date.precision.rank <= Precision.DAY.rank:
            by_month[(entry.date.start.year, entry.date.start.month)].append(index)
    joined: dict[int, list[Source]] = defaultdict(list)
    absorbed = set()
    for index, entry in enumerate(entries):
        if entry.date.precision not in _JOINABLE or entry.id in comparer.apart:
            continue
        target = _best_finer_entry(entry, entries, by_month, comparer)
        if target is not None:
            joined[target].extend(entry.sources)
            absorbed.add(index)
    return [
        replace(entry, sources=entry.sources + tuple(joined[i])) if i in joined else entry
        for i, entry in enumerate(entries)
        if i not in absorbed
    ]


def _best_finer_entry(
    coarse: Entry,
    entries: list[Entry],
    by_month: dict[tuple[int, int], list[int]],
    comparer: _Comparer,
) -> int | None:
    best, best_shared = None, 0
    for index in _indexes_within(coarse.date, by_month):
        fine = entries[index]
        if not coarse.date.start <= fine.date.start < coarse.date.end:
            continue
        shared = comparer.coarse_into_fine(coarse, fine)
        if shared > best_shared:
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
