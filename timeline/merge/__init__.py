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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from timeline.merge.similarity import Weights, alike, content_words, frequency_weights
from timeline.model import DateValue, Entry, Event, EventKind, Precision, Source

_MIN_SHARED = 2
_MIN_OVERLAP = 0.3
_COARSE_MIN_SHARED = 3
_COARSE_MIN_OVERLAP = 0.5
_JOINABLE = frozenset(
    {Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.YEAR}
)


BlockKey = tuple[str, str, str | None]
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Known:
    """One event as the last merge saw it: its words and its date block."""

    event: Event | None
    """None when a memo made from the record of an earlier build (``merge/record.py``)
    knows the event's words and block but not the event: it is never the same event."""
    said: tuple[str, str, str] | None
    """What the event's words were found in (``_said``); None when not known: an event
    that replaces this one has its words worked out again."""
    words: frozenset[str]
    key: BlockKey


@dataclass(frozen=True, slots=True)
class _MergedBlock:
    """A block's events, everything its merge depended on, and the entries it gave."""

    events: tuple[Event, ...]
    words: frozenset[str]
    apart: frozenset[str]
    entries: tuple[Entry, ...]


Month = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Folded:
    """Where a coarse entry went last time, and the finer entries of its months then."""

    coarse: Entry
    months: tuple[tuple[Entry, ...], ...]
    target: tuple[int, int] | None
    """Where the entry it joined is in ``months`` (an entry equal to that of a later merge
    may be another object)."""


@dataclass(slots=True)
class MergeMemo:
    """What a long-lived caller (``serve``) keeps between merges of nearly the same events.

    Only the events that changed are looked at again: their words are counted in and out,
    they move between date blocks, and a block is merged again only when its events or the
    weights of their words changed; a coarse mention is compared again only when it or the
    finer entries of its months changed. The result is the same as merging from scratch.
    """

    known: dict[str, _Known] = field(default_factory=dict)
    """Each event's words and block, by event id."""
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each event's words, by event id."""
    frequency: Counter[str] = field(default_factory=Counter)
    """How many events hold each word."""
    weights: Weights | None = None
    members: dict[BlockKey, dict[str, Event]] = field(default_factory=dict)
    """The events of each date block, by event id."""
    blocks: dict[BlockKey, _MergedBlock] = field(default_factory=dict)
    folded: dict[str, _Folded] = field(default_factory=dict)
    """The coarse-mention pass, by coarse entry id."""
    order: dict[int, tuple[Entry, tuple[dt.date, int, str, str]]] = field(default_factory=dict)
    """Each entry's place in timeline order, by the entry object's identity."""
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
    Only happened and expected events are merged; the others are set aside.
    """
    events = (event for event in events if event.kind.recorded)
    memo = memo if memo is not None else MergeMemo()
    memo.merged = 0
    before = memo.known
    known, fresh = _know(events, before)
    gone = before.keys() - known.keys()
    moved = _regroup(memo, before, known, fresh, gone)
    changed = _reweigh(memo, before, known, fresh, gone)
    memo.known = known
    assert memo.weights is not None
    comparer = _Comparer(memo.words, memo.weights, apart, {})
    entries = [
        entry
        for key, members in memo.members.items()
        for entry in _block(key, members, comparer, memo, changed, key in moved)
    ]
    memo.blocks = {key: memo.blocks[key] for key in memo.members}
    return tuple(_join_coarse_mentions(_ordered(entries, memo), comparer, memo, changed))


def _know(
    events: Iterable[Event], before: dict[str, _Known]
) -> tuple[dict[str, _Known], list[str]]:
    """Every event's words and block key, taken from ``before`` for events seen already;
    and the ids of the events not seen before (new, or another object than last time)."""
    known: dict[str, _Known] = {}
    fresh = []
    # Many events say the same (one sentence retold, a date shared): one tuple, one set of
    # words and one block key for each distinct value rather than one per event, which on
    # a large site is most of what merging holds.
    shared: dict[tuple[str, str, str], tuple[tuple[str, str, str], frozenset[str]]] = {}
    sets: dict[frozenset[str], frozenset[str]] = {}
    keys: dict[DateValue, BlockKey] = {}
    for event in events:
        old = before.get(event.id)
        if old is not None and old.event is event:
            known[event.id] = old
            continue
        said = _said(event)
        if old is not None and old.said == said:
            words = old.words
        else:
            found = shared.get(said)
            if found is None:
                words = _event_words(event)
                found = shared[said] = (said, sets.setdefault(words, words))
            said, words = found
        key = keys.setdefault(event.date, _block_key(event.date))
        known[event.id] = _Known(event, said, words, key)
        fresh.append(event.id)
    return known, fresh


def _regroup(
    memo: MergeMemo,
    before: dict[str, _Known],
    known: dict[str, _Known],
    fresh: list[str],
    gone: Iterable[str],
) -> set[BlockKey]:
    """Move the events that changed between the blocks; returns the blocks they touched."""
    moved: set[BlockKey] = set()
    for event_id in [*gone, *(i for i in fresh if i in before)]:
        key = before[event_id].key
        members = memo.members.get(key)
        moved.add(key)
        if members is None:
            continue  # a recorded block none of whose events stood in (merge/record.py)
        members.pop(event_id, None)
        if not members:
            del memo.members[key]
    for event_id in fresh:
        new = known[event_id]
        assert new.event is not None  # _know made it of the event itself
        memo.members.setdefault(new.key, {})[event_id] = new.event
        moved.add(new.key)
    return moved


def _reweigh(
    memo: MergeMemo,
    before: dict[str, _Known],
    known: dict[str, _Known],
    fresh: list[str],
    gone: Iterable[str],
) -> frozenset[str]:
    """Bring the word counts and weights up to date; returns the words whose weight changed
    (every word, the first time)."""
    counted: set[str] = set()
    for event_id in gone:
        _count(memo, before[event_id].words, -1, counted)
        del memo.words[event_id]
    for event_id in fresh:
        old, new = before.get(event_id), known[event_id]
        if old is not None and old.words is new.words:
            continue
        if old is not None:
            _count(memo, old.words, -1, counted)
        _count(memo, new.words, 1, counted)
        memo.words[event_id] = new.words
    old_weights, count = memo.weights, len(known)
    if old_weights is None or len(before) != count:
        memo.weights = frequency_weights(memo.frequency, count)
        maybe = set(memo.weights.idf) | set(old_weights.idf if old_weights else ())
    else:  # the same count: only the weights of words counted again can change
        idf = dict(old_weights.idf)
        idf.update(frequency_weights({w: memo.frequency[w] for w in counted}, count).idf)
        for word in counted.difference(memo.frequency):
            del idf[word]
        memo.weights, maybe = Weights(idf, old_weights.unseen), counted
    if old_weights is None or old_weights.unseen != memo.weights.unseen:
        return frozenset(maybe)
    new_idf, old_idf = memo.weights.idf, old_weights.idf
    return frozenset(word for word in maybe if old_idf.get(word) != new_idf.get(word))


def _count(memo: MergeMemo, words: frozenset[str], step: int, counted: set[str]) -> None:
    """Count an event's words in (``step`` 1) or out (-1)."""
    frequency = memo.frequency
    for word in words:
        left = frequency[word] + step
        if left > 0:
            frequency[word] = left
        else:
            del frequency[word]
    counted.update(words)


def _block(
    key: BlockKey,
    members: dict[str, Event],
    comparer: _Comparer,
    memo: MergeMemo,
    changed: frozenset[str],
    moved: bool,
) -> tuple[Entry, ...]:
    """The entries of a block: kept from the memo when nothing they depend on changed."""
    apart = frozenset(comparer.apart.intersection(members)) if comparer.apart else _NONE
    kept = memo.blocks.get(key)
    if (
        kept is not None
        and kept.apart == apart
        and kept.words.isdisjoint(changed)
        and (not moved or kept.events == tuple(members.values()))
    ):
        return kept.entries
    memo.merged += 1
    events = tuple(members.values())
    entries = tuple(_merge_block(list(events), comparer))
    words = frozenset().union(*(comparer.words[e.id] for e in events))
    memo.blocks[key] = _MergedBlock(events, words, apart, entries)
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
    """The weight of each event's words, by event id, as far as ``total`` computed it."""

    def total(self, event_id: str) -> float:
        """The weight of an event's words."""
        found = self.totals.get(event_id)
        if found is None:
            found = self.totals[event_id] = self.weights.of(self.words[event_id])
        return found

    def joins(self, event: Event, cluster: _Cluster) -> bool:
        """Whether an event joins a cluster of its own date block."""
        if cluster.closed or event.article.slug in cluster.slugs:
            return False  # split by a correction; or one article telling one thing twice
        mine, weight = self.words[event.id], self.total(event.id)
        if not self._may_join(mine, weight, cluster):
            return False
        return any(
            alike(mine, self.words[m.id], self.weights, _MIN_SHARED, _MIN_OVERLAP, lighter)
            for m in cluster.events
            for lighter in (min(weight, self.total(m.id)),)
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
        rest = self.total(event.id)
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
        cluster.lightest = min(cluster.lightest, comparer.total(event.id))
        for word in words:
            by_word[word].add(home)
        for key in keys:
            by_key[key].add(home)
    return [_entry(cluster.events) for cluster in clusters]


def _report_order(event: Event) -> tuple[str, str, int, int, str]:
    """First report first; within a sentence, the clauses in the order they are written
    (the id only settles what nothing else does, so that the order never depends on the
    order the events came in)."""
    at = event.expression.start if event.expression is not None else -1
    published = published_key(event.article.published)
    return (published, event.article.slug, event.start, at, event.id)


def _join_coarse_mentions(
    entries: Sequence[Entry], comparer: _Comparer, memo: MergeMemo, changed: frozenset[str]
) -> list[Entry]:
    """Fold a coarse entry into the finer entry inside its period that tells the same thing."""
    months, dirty = _fine_entries_by_month(entries, comparer, memo, changed)
    sharing = _MonthWords(months, comparer)
    joined: dict[int, list[Source]] = defaultdict(list)
    absorbed = set()
    folded: dict[str, _Folded] = {}
    for entry in entries:
        if entry.date.precision not in _JOINABLE or entry.id in comparer.apart:
            continue
        keys = _months_of(entry.date)
        these = tuple(months.get(key, ()) for key in keys)
        kept = memo.folded.get(entry.id)
        fresh = (
            kept is not None
            and kept.coarse is entry
            and kept.months == these
            and dirty.isdisjoint(keys)  # (its own words: its block would be new)
        )
        if not fresh:
            kept = _Folded(entry, these, _best_finer_entry(entry, keys, these, comparer, sharing))
        assert kept is not None
        folded[entry.id] = kept
        if kept.target is not None:
            month, index = kept.target
            joined[id(these[month][index])].extend(entry.sources)
            absorbed.add(id(entry))
    memo.folded = folded
    return [
        replace(entry, sources=entry.sources + tuple(joined[id(entry)]))
        if id(entry) in joined
        else entry
        for entry in entries
        if id(entry) not in absorbed
    ]


def _fine_entries_by_month(
    entries: Sequence[Entry], comparer: _Comparer, memo: MergeMemo, changed: frozenset[str]
) -> tuple[dict[Month, tuple[Entry, ...]], set[Month]]:
    """The entries known to the day or finer by month, and the months holding an entry
    whose words changed weight."""
    found: dict[Month, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.date.precision.rank <= Precision.DAY.rank:
            found[(entry.date.start.year, entry.date.start.month)].append(entry)
    months = {key: tuple(listed) for key, listed in found.items()}
    dirty = set()
    if changed:
        dirty = {
            key
            for key, these in months.items()
            if any(not comparer.words_of(e).isdisjoint(changed) for e in these)
        }
    return months, dirty


class _MonthWords:
    """For each month, which of its finer entries hold each word: made the first time a
    coarse mention spanning the month is compared, for all the mentions of one merge."""

    def __init__(self, months: dict[Month, tuple[Entry, ...]], comparer: _Comparer) -> None:
        self._months = months
        self._comparer = comparer
        self._index: dict[Month, dict[str, list[int]]] = {}

    def sharing(self, month: Month, words: frozenset[str]) -> list[int]:
        """The places, in order, of the month's entries that share at least
        ``_COARSE_MIN_SHARED`` words with ``words``: those ``coarse_into_fine`` may accept."""
        index = self._index.get(month)
        if index is None:
            index = self._index[month] = defaultdict(list)
            for place, entry in enumerate(self._months.get(month, ())):
                for word in self._comparer.words_of(entry):
                    index[word].append(place)
        hits: Counter[int] = Counter()
        for word in words:
            found = index.get(word)
            if found:
                hits.update(found)
        return sorted(place for place, count in hits.items() if count >= _COARSE_MIN_SHARED)


def _best_finer_entry(
    coarse: Entry,
    keys: tuple[Month, ...],
    months: tuple[tuple[Entry, ...], ...],
    comparer: _Comparer,
    index: _MonthWords,
) -> tuple[int, int] | None:
    """Where, in ``months`` (those of ``keys``), the finer entry inside the coarse one's
    period is that shares the most words with it and clearly retells it; None if there is
    none. Only the entries sharing enough words are looked at (``index``)."""
    best, best_shared = None, 0
    coarse_slugs = _slugs(coarse)
    words = comparer.words_of(coarse)
    start, end = coarse.date.start, coarse.date.end
    for month, (key, entries) in enumerate(zip(keys, months, strict=True)):
        for place in index.sharing(key, words):
            fine = entries[place]
            if not start <= fine.date.start < end:
                continue
            shared = comparer.coarse_into_fine(coarse, fine, (coarse_slugs, _slugs(fine)))
            if shared > best_shared:
                best, best_shared = (month, place), shared
    return best


def _slugs(entry: Entry) -> frozenset[str]:
    return frozenset(source.article.slug for source in entry.sources)


def _months_of(date: DateValue) -> tuple[Month, ...]:
    """The months a period starts in or spans."""
    months = []
    month = dt.date(date.start.year, date.start.month, 1)
    while month < date.end:
        months.append((month.year, month.month))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)


def _ordered(entries: Iterable[Entry], memo: MergeMemo) -> tuple[Entry, ...]:
    """``order_entries``, with each entry's sort key kept in the memo while the entry lives."""
    order = {}
    for entry in entries:
        found = memo.order.get(id(entry))
        order[id(entry)] = (
            found if found is not None and found[0] is entry else (entry, entry_order(entry))
        )
    memo.order = order
    return tuple(entry for entry, _ in sorted(order.values(), key=lambda pair: pair[1]))


def _entry(events: list[Event]) -> Entry:
    first = events[0]
    return Entry(
        id=first.id,
        date=first.date,
        text=first.text,
        sources=tuple(_source(event) for event in events),
        tags=tuple(sorted({tag for event in events for tag in event.article.tags})),
        kind=_kind_of(events),
    )


def _kind_of(events: list[Event]) -> EventKind:
    """Happened when any report says it happened; expected when all only expect it."""
    if any(event.kind is EventKind.HAPPENED for event in events):
        return EventKind.HAPPENED
    return EventKind.EXPECTED


def _source(event: Event) -> Source:
    return Source(
        event_id=event.id,
        article=event.article,
        sentence=event.text,
        line=event.line,
        expression=event.expression,
        basis=event.basis,
        kind=event.kind,
    )
