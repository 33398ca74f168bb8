"""Merging: the events that report one happening become one timeline entry.

Events are compared only within a date block (a day with all its times and parts of day, or
one coarser period), never all pairs across the timeline (``blocks.py``). Within a block two
events join when what they report shares enough rare words: names, places, numbers
(``similarity.py``). A coarse mention ("last week's explosion") then joins the entry known to
the day that it clearly retells, as a mention (``coarse.py``). The entry's text is the
clearest of its reports; its id is its first report's (``entries.py``). Entries run in
timeline order (``order.py``). Dates far outside the collection's span need evidence
(``evidence.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from timeline.merge.blocks import (
    BlockKey,
    Comparer,
    Said,
    block_key,
    event_words,
    merge_block,
    names,
    said,
)
from timeline.merge.coarse import Compared, Folded, Month, join_coarse_mentions, months_of
from timeline.merge.entries import make_entry
from timeline.merge.evidence import unevidenced
from timeline.merge.nextday import day_before_moves, may_shift
from timeline.merge.order import EntryOrder, entry_order, order_entries, published_key, sort_start
from timeline.merge.places import Places
from timeline.merge.reactions import Linked, link_reactions
from timeline.merge.similarity import Weights, frequency_weights
from timeline.model import DateValue, Entry, Event

_NONE: frozenset[str] = frozenset()
Choice = tuple[int, tuple[int, ...]]
"""How an entry is made of its cluster's events: which of its reports gives its text, and
the places in the cluster of the events that are mentions (``entries.split_reports``)."""


@dataclass(frozen=True, slots=True)
class _Known:
    """One event as the last merge saw it: its words and its date block."""

    event: Event | None
    """None when a memo made from the record of an earlier build (``merge/record.py``)
    knows the event's words and block but not the event: it is never the same event."""
    said: Said | None
    """What the event's words were found in (``blocks.said``); None when not known: an
    event that replaces this one has its words worked out again."""
    words: frozenset[str]
    key: BlockKey


@dataclass(frozen=True, slots=True)
class _MergedBlock:
    """A block's events, everything its merge depended on, and the entries it gave."""

    events: tuple[Event, ...]
    words: frozenset[str]
    apart: frozenset[str]
    clusters: tuple[tuple[str, ...], ...]
    """The ids of each entry's events, in the order they joined it."""
    entries: tuple[Entry, ...]
    choices: tuple[Choice, ...] | None = None
    """How each entry was made of its cluster, when a memo made from a build's record
    knows it (``merge/record.py``)."""


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
    folded: dict[str, Folded] = field(default_factory=dict)
    """The coarse-mention pass, by coarse entry id."""
    linked: dict[str, Linked] = field(default_factory=dict)
    """The reactions' links, by reaction entry id."""
    order: dict[int, tuple[Entry, EntryOrder]] = field(default_factory=dict)
    """Each entry's place in timeline order, by the entry object's identity."""
    remerged: set[BlockKey] = field(default_factory=set)
    """The blocks the last merge had to merge again (the others were kept)."""
    compared: Compared = field(default_factory=Compared)
    """How many coarse mentions the last merge compared again, wholly or partly."""
    digests: dict[str, str] = field(default_factory=dict)
    """Each article's events' digests, by the article's cache key, where a memo made from a
    build's record (``merge/record.py``) knows them: the next record takes them rather than
    working them out."""
    once: bool = False
    """A memo of one merge whose record is made next (a build, ``build/kept.py``): what only
    another merge by this memo reads (each event's words and block by event, the entries'
    order, the reactions' links) is let go when the merge returns, before the ranking."""

    @property
    def merged(self) -> int:
        """How many blocks the last merge had to merge again."""
        return len(self.remerged)


def merge_events(
    events: Iterable[Event],
    *,
    apart: frozenset[str] = frozenset(),
    memo: MergeMemo | None = None,
) -> tuple[Entry, ...]:
    """One entry per happening, in timeline order (design.md §4).

    Events whose ids are in ``apart`` (split by a correction) never join another event.
    Only happened and expected events are merged; the others are set aside, and so are
    the events dated far outside the collection's span without evidence (``unevidenced``).
    """
    recorded = [event for event in events if event.kind.recorded or names(event)]
    doubtful = {event.id for event in unevidenced(recorded)}
    if doubtful:
        recorded = [event for event in recorded if event.id not in doubtful]
    memo = memo if memo is not None else MergeMemo()
    memo.remerged = set()
    before = memo.known
    known, fresh = _know(recorded, before, said_kept=not memo.once)
    gone = before.keys() - known.keys()
    moved = _regroup(memo, before, known, fresh, gone)
    changed = _reweigh(memo, before, known, fresh, gone)
    memo.known = known
    assert memo.weights is not None
    comparer = Comparer(memo.words, memo.weights, apart, {})
    moved |= _shift(memo, comparer)
    entries = [
        entry
        for key, members in memo.members.items()
        for entry in _block(key, members, comparer, memo, changed, key in moved)
    ]
    memo.blocks = {key: memo.blocks[key] for key in memo.members}
    # The coarse pass and the reactions read only words and weights: what the blocks' merge
    # kept of each report's weight and reactions goes before they run.
    comparer = Comparer(memo.words, memo.weights, apart, {}, comparer.wholes)
    memo.compared = Compared()
    joined, memo.folded = join_coarse_mentions(
        _ordered(entries, memo), comparer, memo.folded, changed, memo.compared
    )
    linked, memo.linked = link_reactions(joined, comparer, memo.linked, changed, _event_of(known))
    if memo.once:  # 19 MiB of the 80 the merge holds at 10,000 articles (round sixteen)
        memo.known, memo.order, memo.linked = {}, {}, {}
    return tuple(linked)


def _know(
    events: Iterable[Event], before: dict[str, _Known], *, said_kept: bool = True
) -> tuple[dict[str, _Known], list[str]]:
    """Every event's words and block key, taken from ``before`` for events seen already;
    and the ids of the events not seen before (new, or another object than last time).
    What each event said is kept only when ``said_kept`` (for another merge to compare)."""
    known: dict[str, _Known] = {}
    fresh = []
    # Many events say the same (one sentence retold, a date shared): one tuple, one set of
    # words and one block key for each distinct value rather than one per event, which on
    # a large site is most of what merging holds.
    shared: dict[Said, tuple[Said, frozenset[str]]] = {}
    sets: dict[frozenset[str], frozenset[str]] = {}
    keys: dict[DateValue, BlockKey] = {}
    for event in events:
        old = before.get(event.id)
        if old is not None and old.event is event:
            known[event.id] = old
            continue
        told = said(event)
        if old is not None and old.said == told:
            words = old.words
        else:
            found = shared.get(told)
            if found is None:
                words = event_words(event)
                found = shared[told] = (told, sets.setdefault(words, words))
            told, words = found
        key = keys.setdefault(event.date, block_key(event.date))
        known[event.id] = _Known(event, told if said_kept else None, words, key)
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


def _shift(memo: MergeMemo, comparer: Comparer) -> set[BlockKey]:
    """Put each report of the morning after (``nextday.py``) in the block of the day before,
    and back in its own when it no longer tells that day's happening; returns the blocks
    whose events changed. A moved event is known by the block it stands in."""
    known = memo.known
    published = [k.event for k in known.values() if k.event is not None and may_shift(k.event)]
    moves = day_before_moves(published, memo.members, comparer)
    touched: set[BlockKey] = set()
    for event in published:
        old, copy = known[event.id], moves.get(event.id)
        if copy is None and old.key == block_key(event.date):
            continue  # at home, where ``_regroup`` put it
        now = copy if copy is not None else event
        home = block_key(now.date)
        members = memo.members.get(old.key, {})
        if old.key == home and members.get(event.id) == now:
            continue  # moved already, as the last merge did
        members.pop(event.id, None)
        if not members:
            memo.members.pop(old.key, None)
        memo.members.setdefault(home, {})[event.id] = now
        known[event.id] = replace(old, key=home)
        touched |= {old.key, home}
    return touched


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
    comparer: Comparer,
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
    memo.remerged.add(key)
    events = tuple(members.values())
    # Each sentence's reading is kept for its block alone: kept for the whole merge, they
    # were a third of its peak at 10,000 articles, to spare reading again the sentences
    # told in other blocks too (docs/internals/performance.md, round sixteen).
    clusters = merge_block(events, replace(comparer, places=Places()))
    entries = tuple(make_entry(cluster) for cluster in clusters)
    words = frozenset().union(*(comparer.words[e.id] for e in events))
    ids = tuple(tuple(event.id for event in cluster) for cluster in clusters)
    memo.blocks[key] = _MergedBlock(events, words, apart, ids, entries)
    return entries


def _event_of(known: dict[str, _Known]) -> Callable[[str], Event]:
    """The event of an id merged now (every one is known with its event)."""

    def event(event_id: str) -> Event:
        found = known[event_id].event
        assert found is not None
        return found

    return event


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


__all__ = [
    "BlockKey",
    "MergeMemo",
    "Month",
    "entry_order",
    "merge_events",
    "months_of",
    "order_entries",
    "published_key",
    "sort_start",
    "unevidenced",
]
