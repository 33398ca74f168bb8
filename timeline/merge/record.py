"""The merge kept between builds: a compact record of a ``MergeMemo``.

``serve`` keeps its ``MergeMemo`` in memory; a build is a new process, so it saves what its
merge found as a ``MergeRecord`` (``build/kept.py``) and the next build makes a
memo of it again (``memo_from``). The record names events by id, never holds them: the
events come from the build's own extractions. An article whose file has the same cache key
as last time (its bytes, path, the extraction code and settings) gives the same events, so
its events stand in for the recorded ones. An event of a changed article stands in when its
digest (``event_digest``: every field of the event, its article's reference among them) is
the recorded one: it is the same event, whatever else its article changed. A block that held
any other event is merged again, and the memo counts that event's recorded words out. The
merge then does what it does for ``serve``: it merges again only the blocks whose events or
word weights changed, and the result is that of a fresh merge. The record keeps too what the
ranking read of each entry alone (``traits.Traits``): an entry of a block kept as recorded
is not read again (``EntryTraits``); and the digest of what each entry is made of
(``made.Made``), which an entry made again of the same events takes rather than working
it out from every source.

Pure functions: reading and writing the record is ``build/kept.py``'s (``kept_codec.py``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from timeline.merge import BlockKey, Choice, MergeMemo, Month, _Known, _MergedBlock
from timeline.merge.blocks import names
from timeline.merge.coarse import Folded, months_of
from timeline.merge.entries import entry_of
from timeline.merge.rank import entry_traits
from timeline.merge.similarity import Weights
from timeline.merge.traits import Traits
from timeline.model import Entry, Event

ArticleEvents = tuple[str, Sequence[Event]]
"""An article's cache key and its events, as the merge is given them."""


@dataclass(frozen=True, slots=True)
class BlockRecord:
    """One date block as the last merge left it."""

    members: tuple[str, ...]
    """The ids of its events, in the memo's order."""
    words: frozenset[str]
    """Every word of every member: a change of weight of any of them merges it again."""
    apart: frozenset[str]
    """Its events that a correction split off."""
    clusters: tuple[tuple[str, ...], ...]
    """Its entries before the coarse mentions joined them: the ids of each one's events,
    in the order they joined it."""
    choices: tuple[Choice, ...]
    """How each entry was made of its cluster (its text and its mentions): the entries of
    a block kept are made again without choosing them again."""
    texts: tuple[str, ...]
    """Each entry's text (``entries.report_text`` of the report its choice names), kept
    rather than cut from its report again."""
    traits: tuple[Traits | None, ...] = ()
    """What the ranking read of each entry alone (``rank.Traits``; None where it did not
    read it as the merge made it), or nothing known of any."""
    digests: tuple[str, ...] = ()
    """The digest of what each entry is made of (``made.Made``): an entry made again of the
    same events is made of the same values. Nothing when not known."""


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What the merge of one build found, by ids, for the next build to start from."""

    articles: dict[str, tuple[str, ...]]
    """Each article's cache key, and the ids of its events in order."""
    digests: dict[str, str]
    """Each article's events' ``event_digest``s, one after the other in the order of its
    ids, by the article's cache key: one string an article rather than one an event (164,000
    at 10,000 articles, most of the record's memory)."""
    words: dict[str, frozenset[str]]
    """Each event's words, by id."""
    frequency: Counter[str]
    """How many events hold each word."""
    weights: Weights
    blocks: dict[BlockKey, BlockRecord]
    months: dict[Month, tuple[str, ...]]
    """The ids of the entries known to the day or finer of each month a coarse mention
    spans, as the coarse-mention pass saw them."""
    folded: dict[str, tuple[tuple[Month, ...], tuple[int, int] | None]]
    """The coarse-mention pass, by coarse entry id: the months it spans, and where (month,
    index) the entry it joined was among their finer entries."""


def record_of(
    memo: MergeMemo, articles: Iterable[ArticleEvents], traits: EntryTraits | None = None
) -> MergeRecord:
    """The record of a memo just used by ``merge_events`` for the events of ``articles``,
    with the ``traits`` the ranking read of its entries."""
    assert memo.weights is not None, "the memo has merged"
    blocks = {
        key: BlockRecord(
            tuple(memo.members[key]),
            block.words,
            block.apart,
            block.clusters,
            block.choices if block.choices is not None else _choices(block),
            tuple(entry.text for entry in block.entries),
            tuple(map(traits.kept, block.entries)) if traits is not None else (),
            tuple(map(_made_digest, block.entries)),
        )
        for key, block in memo.blocks.items()
    }
    months: dict[Month, tuple[str, ...]] = {}
    folded = {}
    for coarse, kept in memo.folded.items():
        spans = months_of(kept.coarse.date)
        for month, entries in zip(spans, kept.months, strict=True):
            if month not in months:  # every coarse mention saw the same entries of a month
                months[month] = tuple(_entry_id(e) for e in entries)
        folded[coarse] = (spans, kept.target)
    known = memo.digests
    listed = {}
    digests = {}
    for key, events in articles:
        listed[key] = tuple(e.id for e in events)
        found = known.get(key)
        digests[key] = found if found is not None else "".join(map(event_digest, events))
    return MergeRecord(
        listed,
        digests,
        dict(memo.words),
        Counter(memo.frequency),
        memo.weights,
        blocks,
        months,
        folded,
    )


def memo_from(record: MergeRecord, articles: Iterable[ArticleEvents]) -> MergeMemo:
    """A memo as the recorded merge left it, the events of ``articles`` standing in for
    the recorded ones: all of an article's where its key and its events' ids are the
    recorded ones, else each event whose digest is the recorded one.

    Only a block all of whose events stand in keeps its entries (made again from those
    events); any other is merged again.
    """
    memo = MergeMemo(
        words=dict(record.words), frequency=Counter(record.frequency), weights=record.weights
    )
    trusted = _standing_in(record, articles, memo.digests)
    known, words = memo.known, record.words
    for where, block in record.blocks.items():
        members: dict[str, Event] = {}
        for event_id in block.members:
            event = trusted.get(event_id)
            # What the event said is left unknown: this memo stands for one merge, where an
            # event that stood in is the same object (its words are not looked for again).
            known[event_id] = _Known(event, None, words[event_id], where)
            if event is not None:
                members[event_id] = event
        if members:
            memo.members[where] = members
        if len(members) == len(block.members) and all(_mergeable(e) for e in members.values()):
            digests = block.digests or (None,) * len(block.clusters)
            entries = tuple(
                _entry([members[i] for i in ids], choice, text, digest)
                for ids, choice, text, digest in zip(
                    block.clusters, block.choices, block.texts, digests, strict=True
                )
            )
            memo.blocks[where] = _MergedBlock(
                tuple(members.values()),
                block.words,
                block.apart,
                block.clusters,
                entries,
                block.choices,
            )
    made = {entry.id: entry for block in memo.blocks.values() for entry in block.entries}
    # Each month's entries made once, for every coarse mention that spans it; None for an
    # entry of a block merged again (the pass compares the mention with what is new).
    months = {month: tuple(map(made.get, ids)) for month, ids in record.months.items()}
    for coarse_id, (spans, target) in record.folded.items():
        coarse = made.get(coarse_id)
        if coarse is not None and all(month in months for month in spans):
            these = tuple(months[month] for month in spans)
            memo.folded[coarse_id] = Folded(coarse, these, target)
    return memo


class EntryTraits:
    """What the ranking reads of each entry alone (``traits.Traits``): as recorded for an
    entry of a block the merge kept as recorded (its events are the recorded ones, each the
    same by its digest), else worked out (``rank.entry_traits``); and, for the next record,
    what was read of each entry as the merge made it.

    An entry is taken for the recorded one only when its sources are the recorded reports,
    its text and the report that gives it are the recorded ones: a correction that hides
    some of its sources makes another entry, worked out."""

    def __init__(self, record: MergeRecord | None, memo: MergeMemo) -> None:
        self._memo = memo
        # By entry id: its block, its cluster and choice, its text and traits, each held by
        # the record already (nothing new an entry but the tuple).
        self._recorded: dict[str, tuple[BlockKey, tuple[str, ...], Choice, str, Traits]] = {}
        self._read: dict[str, tuple[Entry, Traits]] = {}
        self.worked = 0
        """How many entries' traits were worked out (the others were recorded)."""
        for key, block in (record.blocks if record is not None else {}).items():
            if key not in memo.blocks or not block.traits:
                continue  # not every event stood in (it is merged again), or none known
            entries = zip(block.clusters, block.choices, block.texts, block.traits, strict=True)
            for ids, choice, text, kept in entries:
                if kept is not None:
                    first = next(
                        i for i, report in zip(ids, _reports(ids, choice), strict=True) if report
                    )
                    self._recorded[first] = (key, ids, choice, text, kept)

    def __call__(self, entry: Entry) -> Traits:
        """The entry's traits (``rank.entry_traits``)."""
        recorded = self._recorded_traits(entry)
        if recorded is not None:
            self._read.pop(entry.id, None)
            return recorded
        traits = entry_traits(entry)
        self.worked += 1
        self._read[entry.id] = (entry, traits)
        return traits

    def kept(self, entry: Entry) -> Traits | None:
        """The traits the ranking read of this entry as the merge made it, or None."""
        found = self._read.get(entry.id)
        if found is None:
            return self._recorded_traits(entry)
        read, traits = found
        same = read.sources == entry.sources and (read.text, read.told) == (entry.text, entry.told)
        return traits if same else None

    def _recorded_traits(self, entry: Entry) -> Traits | None:
        found = self._recorded.get(entry.id)
        return found[4] if found is not None and self._as_recorded(entry, *found[:4]) else None

    def _as_recorded(
        self, entry: Entry, key: BlockKey, ids: tuple[str, ...], choice: Choice, text: str
    ) -> bool:
        told, places = choice
        if key in self._memo.remerged or (entry.text, entry.told) != (text, told):
            return False
        if len(ids) - len(places) != len(entry.sources):
            return False
        reports = (i for i, report in zip(ids, _reports(ids, choice), strict=True) if report)
        return all(source.event_id == i for source, i in zip(entry.sources, reports, strict=True))


def _reports(ids: tuple[str, ...], choice: Choice) -> list[bool]:
    """Which of a cluster's events are its entry's reports (the others are mentions): a
    set of the mentions' places, for the first day's cluster holds thousands of them."""
    places = set(choice[1])
    return [at not in places for at in range(len(ids))]


def _standing_in(
    record: MergeRecord, articles: Iterable[ArticleEvents], digests: dict[str, str]
) -> dict[str, Event]:
    """The events that are the recorded ones, by id; ``digests`` gets the digests of the
    events of every article listed, recorded or (for a changed article) worked out."""
    trusted: dict[str, Event] = {}
    changed: list[tuple[str, Sequence[Event], tuple[str, ...]]] = []
    whole: set[str] = set()
    for key, events in articles:
        ids = tuple(e.id for e in events)
        if record.articles.get(key) == ids and key in record.digests:
            trusted.update((e.id, e) for e in events)
            digests[key] = record.digests[key]
            whole.add(key)
        else:
            changed.append((key, events, ids))
    if not changed:
        return trusted
    # An event's digest covers its article's reference (the file's path): a changed
    # article's event can only be one of an article recorded and not listed as it was.
    recorded = _event_digests(record, whole)
    for key, events, ids in changed:
        once = {i for i, n in Counter(ids).items() if n == 1}  # one id, one event
        worked = [event_digest(event) for event in events]
        digests[key] = "".join(worked)
        for event, digest in zip(events, worked, strict=True):
            if event.id in once and recorded.get(event.id) == digest:
                trusted[event.id] = event
    return trusted


def _event_digests(record: MergeRecord, whole: set[str]) -> dict[str, str]:
    """Each event's recorded digest, by id, for the articles recorded but not in ``whole``
    (an id told twice in them: neither digest, as an article's repeated ids never stand in)."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for key, ids in record.articles.items():
        if key in whole:
            continue
        told = record.digests.get(key, "")
        if len(told) != _DIGEST_CHARS * len(ids):
            continue  # not this article's digests: none stands in
        for at, event_id in enumerate(ids):
            digest = told[at * _DIGEST_CHARS : (at + 1) * _DIGEST_CHARS]
            if found.setdefault(event_id, digest) != digest:
                twice.add(event_id)
    for event_id in twice:
        del found[event_id]
    return found


_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_DIGEST_BYTES = 12
_DIGEST_CHARS = 2 * _DIGEST_BYTES


def event_digest(event: Event) -> str:
    """A digest of every field of an event (its article's reference, text, clause, offsets,
    line, date, expression, basis and kind): two events with one digest are one to the merge."""
    told = repr(tuple(getattr(event, name) for name in _EVENT_FIELDS))
    return hashlib.blake2b(told.encode(), digest_size=_DIGEST_BYTES).hexdigest()


def _choices(block: _MergedBlock) -> tuple[Choice, ...]:
    """How each entry of a block just merged was made of its cluster."""
    return tuple(
        (_told(entry), _mention_places(ids, entry))
        for ids, entry in zip(block.clusters, block.entries, strict=True)
    )


def _told(entry: Entry) -> int:
    """Which of the entry's reports gives its text: a merge's entry knows it."""
    assert entry.told is not None, "a merge chose the text of each entry it made"
    return entry.told


def _mention_places(ids: tuple[str, ...], entry: Entry) -> tuple[int, ...]:
    """The places in its cluster of the entry's mentions (its events are those of one
    block: each id is one event's)."""
    if not entry.mentions:
        return ()
    mentions = {source.event_id for source in entry.mentions}
    return tuple(at for at, event_id in enumerate(ids) if event_id in mentions)


def _entry(events: list[Event], choice: Choice, text: str, digest: str | None) -> Entry:
    """``make_entry`` of a cluster, made as the record says it was (its text ``text``, the
    ``digest`` of what it is made of when known): the same entry."""
    told, places = choice
    mentions = [events[at] for at in places]
    if places:  # a set: the first day's cluster holds thousands of events and mentions
        apart = set(places)
        reports = [e for at, e in enumerate(events) if at not in apart]
    else:
        reports = events
    return entry_of(reports, mentions, told, text, digest)


def _made_digest(entry: Entry) -> str:
    """The digest of what an entry of a merge is made of: the merge made each with it."""
    assert entry.made is not None, "the merge makes every entry of a block with its digest"
    return entry.made.digest


def _entry_id(entry: Entry | None) -> str:
    """The id of an entry of a coarse mention's months, all known after a merge."""
    assert entry is not None, "the coarse-mention pass knows every entry of its months"
    return entry.id


def _mergeable(event: Event) -> bool:
    """An event as extracted that a merge takes in. One that is not (a state, say) stood in
    a recorded block only as a correction made it ("[restore]"): the corrected event comes
    to the merge, and the block is merged again with it."""
    return event.kind.recorded or names(event)


__all__ = [
    "BlockRecord",
    "EntryTraits",
    "MergeRecord",
    "event_digest",
    "memo_from",
    "record_of",
]
