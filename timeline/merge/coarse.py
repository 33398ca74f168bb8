"""Coarse mentions: an entry of a week, a month or a year that retells a happening known to
the day becomes a mention of that day's entry.

"Last week's explosion", "in April, the rig exploded": when the text clearly tells the same
happening as an entry inside its period (2 shared words weighing two fifths of the lighter
report's words: as many words as within a block, a larger share, for a period holds many
days' happenings, and every word of the report counts, not only its heaviest), its sources
become mentions of that entry and it makes no entry of its own. A report never becomes a
mention of a forecast: a happened coarse entry only joins a happened one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.merge.blocks import Comparer
from timeline.merge.entries import with_mentions
from timeline.merge.similarity import alike, occurrence_words
from timeline.merge.text import foreground
from timeline.model import DateValue, Entry, EventKind, Precision, Source

COARSE_MIN_SHARED = 2
COARSE_MIN_OVERLAP = 0.4
"""A coarse mention rarely repeats a report's words (it says "last month's", "earlier this
week" and little else): three shared words weighing half, the first rule, let most of them
stand as entries of their own on the gold record (bench/events.py)."""
COMPARED_REPORTS = 8
"""How many reports of each entry (the first ones) a coarse mention is compared by."""
JOINABLE = frozenset(
    {Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.YEAR}
)

Month = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Folded:
    """Where a coarse entry went last time, and the finer entries of its months then."""

    coarse: Entry
    months: tuple[tuple[Entry, ...], ...]
    target: tuple[int, int] | None
    """Where the entry it joined is in ``months`` (an entry equal to that of a later merge
    may be another object)."""


def join_coarse_mentions(
    entries: Sequence[Entry],
    comparer: Comparer,
    before: dict[str, Folded],
    changed: frozenset[str],
) -> tuple[list[Entry], dict[str, Folded]]:
    """Fold each coarse entry into the finer entry inside its period that tells the same
    thing; and what was found, by coarse entry id, for the next merge (``before`` is the
    last merge's: a coarse entry is compared again only when it, or the finer entries of its
    months, or the weight of their words changed)."""
    months, dirty = _fine_entries_by_month(entries, comparer, changed)
    index = _MonthWords(months, comparer)
    joined: dict[int, list[Entry]] = defaultdict(list)
    absorbed = set()
    folded: dict[str, Folded] = {}
    for entry in entries:
        if entry.date.precision not in JOINABLE or entry.id in comparer.apart:
            continue
        keys = months_of(entry.date)
        these = tuple(months.get(key, ()) for key in keys)
        kept = before.get(entry.id)
        fresh = (
            kept is not None
            and kept.coarse is entry
            and kept.months == these
            and dirty.isdisjoint(keys)  # (its own words: its block would be new)
        )
        if not fresh:
            kept = Folded(entry, these, _best_finer_entry(entry, keys, these, comparer, index))
        assert kept is not None
        folded[entry.id] = kept
        if kept.target is not None:
            month, place = kept.target
            joined[id(these[month][place])].append(entry)
            absorbed.add(id(entry))
    kept_entries = [
        with_mentions(entry, _mentions(joined[id(entry)])) if id(entry) in joined else entry
        for entry in entries
        if id(entry) not in absorbed
    ]
    return kept_entries, folded


def _mentions(coarse: Iterable[Entry]) -> list[Source]:
    return [source for entry in coarse for source in (*entry.sources, *entry.mentions)]


def entry_words(entry: Entry, comparer: Comparer) -> frozenset[str]:
    """Every word of an entry's reports."""
    found = [comparer.words.get(source.event_id) for source in entry.sources]
    return frozenset().union(*(words for words in found if words is not None))


def _fine_entries_by_month(
    entries: Sequence[Entry], comparer: Comparer, changed: frozenset[str]
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
            if any(not entry_words(e, comparer).isdisjoint(changed) for e in these)
        }
    return months, dirty


class _MonthWords:
    """For each month, which of its finer entries hold each word: made the first time a
    coarse mention spanning the month is compared, for all the mentions of one merge."""

    def __init__(self, months: dict[Month, tuple[Entry, ...]], comparer: Comparer) -> None:
        self._months = months
        self._comparer = comparer
        self._index: dict[Month, dict[str, list[int]]] = {}

    def sharing(self, month: Month, words: frozenset[str]) -> list[int]:
        """The places, in order, of the month's entries that share at least
        ``COARSE_MIN_SHARED`` words with ``words``: those that may retell them."""
        index = self._index.get(month)
        if index is None:
            index = self._index[month] = defaultdict(list)
            for place, entry in enumerate(self._months.get(month, ())):
                for word in entry_words(entry, self._comparer):
                    index[word].append(place)
        hits: Counter[int] = Counter()
        for word in words:
            found = index.get(word)
            if found:
                hits.update(found)
        return sorted(place for place, count in hits.items() if count >= COARSE_MIN_SHARED)


def _best_finer_entry(
    coarse: Entry,
    keys: tuple[Month, ...],
    months: tuple[tuple[Entry, ...], ...],
    comparer: Comparer,
    index: _MonthWords,
) -> tuple[int, int] | None:
    """Where, in ``months`` (those of ``keys``), the finer entry inside the coarse one's
    period is that clearly retells it (``_retold``) and whose own reports tell the
    occurrence it recalls as what happened (``_foreground``), the earliest of several: "last
    week's explosion" is the day of the explosion, not a later day's "rig that exploded and
    sank". Without such an entry, the one sharing the most words. None if none retells it.
    Only the entries sharing enough words are looked at (``index``)."""
    best: tuple[bool, int, dt.date] | None = None
    found = None
    words = entry_words(coarse, comparer)
    start, end = coarse.date.start, coarse.date.end
    for month, (key, entries) in enumerate(zip(keys, months, strict=True)):
        for place in index.sharing(key, words):
            fine = entries[place]
            if not start <= fine.date.start < end or not _may_mention(coarse, fine):
                continue
            shared = _retold(coarse, fine, comparer)
            if not shared:
                continue
            told = _foreground(coarse, fine, comparer)
            rank = (told, shared if not told else 0, _negated(fine.date.start))
            if best is None or rank > best:
                best, found = rank, (month, place)
    return found


def _negated(day: dt.date) -> dt.date:
    """A key that orders the earlier day after the later one (the earliest wins a tie)."""
    return dt.date.max - (day - dt.date.min)


def _foreground(coarse: Entry, fine: Entry, comparer: Comparer) -> bool:
    """True when one of a finer entry's first reports tells, as what happened, an
    occurrence that the coarse entry's words and its share ("explode" in "last week's
    explosion" and "the rig exploded on Tuesday")."""
    mine = entry_words(coarse, comparer)
    for source in fine.sources[:COMPARED_REPORTS]:
        theirs = comparer.words.get(source.event_id, frozenset())
        if any(foreground(source.sentence, word) for word in occurrence_words(mine & theirs)):
            return True
    return False


def _may_mention(coarse: Entry, fine: Entry) -> bool:
    """A report never becomes a mention of a forecast."""
    return coarse.kind is not EventKind.HAPPENED or fine.kind is EventKind.HAPPENED


def _retold(coarse: Entry, fine: Entry, comparer: Comparer) -> int:
    """How many words the closest pair of reports of the two entries share (of the first
    ``COMPARED_REPORTS`` of each), when one clearly retells the other; else 0."""
    best = 0
    words, weights, whole = comparer.words, comparer.weights, comparer.whole
    for a in coarse.sources[:COMPARED_REPORTS]:
        mine = words.get(a.event_id, frozenset())
        for b in fine.sources[:COMPARED_REPORTS]:
            theirs = words.get(b.event_id, frozenset())
            shared = len(mine & theirs)
            if shared <= max(best, COARSE_MIN_SHARED - 1):
                continue
            lighter = min(whole(a.event_id), whole(b.event_id))
            if alike(mine, theirs, weights, COARSE_MIN_SHARED, COARSE_MIN_OVERLAP, lighter):
                best = shared
    return best


def months_of(date: DateValue) -> tuple[Month, ...]:
    """The months a period starts in or spans."""
    months = []
    month = dt.date(date.start.year, date.start.month, 1)
    while month < date.end:
        months.append((month.year, month.month))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)
