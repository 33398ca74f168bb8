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
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from timeline.merge.similarity import Weights, alike, content_words, corpus_weights
from timeline.model import DateValue, Entry, Event, Precision, Source

_MIN_SHARED = 2
_MIN_OVERLAP = 0.3
_COARSE_MIN_SHARED = 3
_COARSE_MIN_OVERLAP = 0.5
_JOINABLE = frozenset(
    {Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.YEAR}
)


BlockKey = tuple[str, str, str | None]


@dataclass(frozen=True, slots=True)
class _MergedBlock:
    """A block's events, everything its merge depended on, and the entries it gave."""

    events: tuple[Event, ...]
    weights: tuple[float, ...]
    apart: frozenset[str]
    entries: tuple[Entry, ...]


@dataclass(slots=True)
class MergeMemo:
    """What a long-lived caller (``serve``) keeps between merges of nearly the same events.

    A block is merged again only when its events or the weights of their words changed:
    the result is the same as merging from scratch, found without redoing the rest.
    """

    words: dict[str, tuple[tuple[str, str, str], frozenset[str]]] = field(default_factory=dict)
    """Each event's words and what they were found in (see ``_said``), by event id."""
    blocks: dict[BlockKey, _MergedBlock] = field(default_factory=dict)
    merged: int = 0
    """How many blocks the last merge had to merge again (the others were kept)."""


def merge_events(
    events: Iterable[Event],
    *,
    apart: frozenset[str] = frozenset(),
    memo: MergeMemo | None = None,
) -> tuple[Entry, ...]:
    """One entry per happening, in timeline order (design.md §4).

    Events whose ids are in ``apart`` (split by a correction) never join another event.
    """
    memo = memo if memo is not None else MergeMemo()
    memo.merged = 0
    blocks: dict[BlockKey, list[Event]] = defaultdict(list)
    words: dict[str, frozenset[str]] = {}
    for event in events:
        blocks[_block_key(event.date)].append(event)
        found = memo.words.get(event.id)
        said = _said(event)
        words[event.id] = found[1] if found and found[0] == said else _event_words(event)
    memo.words = {e.id: (_said(e), words[e.id]) for b in blocks.values() for e in b}
    weights = corpus_weights(words.values())
    totals = {event_id: weights.of(these) for event_id, these in words.items()}
    comparer = _Comparer(words, weights, apart, totals)
    entries = [
        entry for key, block in blocks.items() for entry in _block(key, block, comparer, memo)
    ]
    memo.blocks = {key: memo.blocks[key] for key in blocks}
    return order_entries(_join_coarse_mentions(entries, comparer))


def _block(
    key: BlockKey, block: list[Event], comparer: _Comparer, memo: MergeMemo
) -> tuple[Entry, ...]:
    """The entries of a block: kept from the memo when nothing they depend on changed."""
    ordered = tuple(sorted(block, key=_report_order))
    used = sorted({word for event in ordered for word in comparer.words[event.id]})
    weights = tuple(comparer.weights.weight(word) for word in used)
    apart = frozenset(e.id for e in ordered if e.id in comparer.apart)
    kept = memo.blocks.get(key)
    if (
        kept is not None
        and kept.weights == weights
        and kept.apart == apart
        and (kept.events == ordered)
    ):
        return kept.entries
    memo.merged += 1
    entries = tuple(_merge_block(list(ordered), comparer))
    memo.blocks[key] = _MergedBlock(ordered, weights, apart, entries)
    return entries


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


def _said(event: Event) -> tuple[str, str, str]:
    """What an event's words are found in: its sentence, its clause and its date's text."""
    return (event.text, event.clause, event.expression.text if event.expression else "")


def _event_words(event: Event) -> frozenset[str]:
    """The content words of what an event reports (the clause its date governs), without
    the words of the date itself: every event of a block shares the date, so "Jan. 19"
    says nothing about the happening."""
    text = event.clause or event.text
    if event.expression is not None:
        text = text.replace(event.expression.text, " ", 1)
    return content_words(text)


def _block_key(date: DateValue) -> tuple[str, str, str | None]:
    return (date.value, date.precision.value, date.mod)


@dataclass(frozen=True, slots=True)
class _Comparer:
    """Everything a comparison needs: each event's words, the corpus weights, the splits."""

    words: dict[str, frozenset[str]]
    weights: Weights
    apart: frozenset[str]
    totals: dict[str, float]
    """The weight of each event's words, by event id."""

    def joins(self, event: Event, cluster: _Cluster) -> bool:
        """Whether an event joins a cluster of its own date block."""
        if cluster.closed or event.article.slug in cluster.slugs:
            return False  # split by a correction; or one article telling one thing twice
        mine, weight = self.words[event.id], self.totals[event.id]
        if not self._may_join(mine, weight, cluster):
            return False
        return any(
            alike(mine, self.words[m.id], self.weights, _MIN_SHARED, _MIN_OVERLAP, lighter)
            for m in cluster.events
            for lighter in (min(weight, self.totals[m.id]),)
        )

    def _may_join(self, mine: frozenset[str], weight: float, cluster: _Cluster) -> bool:
        """A test on the whole cluster that every member would fail too: words shared with
        any member are among those shared with all of them together."""
        shared = mine & cluster.words
        needed = _MIN_OVERLAP * min(weight, cluster.lightest)
        return len(shared) >= _MIN_SHARED and self.weights.of(shared) >= needed

    def keys(self, event: Event) -> list[str]:
        """The heaviest words of an event: any word set alike enough must hold one of them.

        Words are taken, heaviest first, until the rest weighs less than the overlap needed.
        """
        weight = self.weights.weight
        words = sorted(self.words[event.id], key=lambda w: (-weight(w), w))
        rest = self.totals[event.id]
        needed = _MIN_OVERLAP * rest
        keys = []
        for word in words:
            if rest < needed:
                break
            keys.append(word)
            rest -= weight(word)
        return keys

    def coarse_into_fine(
        self, coarse: Entry, fine: Entry, slugs: tuple[frozenset[str], frozenset[str]]
    ) -> int:
        """How many words a coarse entry shares with a finer one it clearly retells, or 0.

        ``slugs`` are the articles of each: an article never retells its own sentence.
        """
        a, b = self.words_of(coarse), self.words_of(fine)
        if len(a & b) < _COARSE_MIN_SHARED or slugs[0] & slugs[1]:
            return 0
        strong = alike(a, b, self.weights, _COARSE_MIN_SHARED, _COARSE_MIN_OVERLAP)
        return len(a & b) if strong else 0

    def words_of(self, entry: Entry) -> frozenset[str]:
        """The words of an entry's text (its first report's sentence)."""
        return self.words.get(entry.sources[0].event_id) or content_words(entry.text)


@dataclass(slots=True)
class _Cluster:
    """Events of one block found to tell the same happening, while the block is merged."""

    events: list[Event]
    slugs: set[str]
    closed: bool
    """Holds an event that a correction split off: nothing joins it."""
    words: set[str]
    """Every word of every member."""
    lightest: float
    """The smallest weight of a member's words."""


def _merge_block(block: list[Event], comparer: _Comparer) -> list[Entry]:
    """First fit, in report order, over the clusters that share a heavy word with the event.

    Only clusters that could pass the similarity test are looked at: those with a member
    holding one of the event's heaviest words, or holding among its own heaviest words one
    of the event's words. The result is that of comparing with every cluster, found faster.
    """
    clusters: list[_Cluster] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, set[int]] = defaultdict(set)
    for event in sorted(block, key=_report_order):
        keys = comparer.keys(event)
        words = comparer.words[event.id]
        candidates: set[int] = set()
        if event.id not in comparer.apart:
            candidates.update(i for key in keys for i in by_word.get(key, ()))
            candidates.update(i for word in words for i in by_key.get(word, ()))
        home = next((i for i in sorted(candidates) if comparer.joins(event, clusters[i])), None)
        if home is None:
            home = len(clusters)
            clusters.append(_Cluster([], set(), event.id in comparer.apart, set(), math.inf))
        cluster = clusters[home]
        cluster.events.append(event)
        cluster.slugs.add(event.article.slug)
        cluster.words.update(words)
        cluster.lightest = min(cluster.lightest, comparer.totals[event.id])
        for word in words:
            by_word[word].add(home)
        for key in keys:
            by_key[key].add(home)
    return [_entry(cluster.events) for cluster in clusters]


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
    slugs = [frozenset(s.article.slug for s in entry.sources) for entry in entries]
    for index, entry in enumerate(entries):
        if entry.date.precision not in _JOINABLE or entry.id in comparer.apart:
            continue
        target = _best_finer_entry(index, entries, by_month, comparer, slugs)
        if target is not None:
            joined[target].extend(entry.sources)
            absorbed.add(index)
    return [
        replace(entry, sources=entry.sources + tuple(joined[i])) if i in joined else entry
        for i, entry in enumerate(entries)
        if i not in absorbed
    ]


def _best_finer_entry(
    coarse_index: int,
    entries: list[Entry],
    by_month: dict[tuple[int, int], list[int]],
    comparer: _Comparer,
    slugs: list[frozenset[str]],
) -> int | None:
    coarse = entries[coarse_index]
    best, best_shared = None, 0
    for index in _indexes_within(coarse.date, by_month):
        fine = entries[index]
        if not coarse.date.start <= fine.date.start < coarse.date.end:
            continue
        pair = (slugs[coarse_index], slugs[index])
        shared = comparer.coarse_into_fine(coarse, fine, pair)
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
