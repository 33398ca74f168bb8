"""Coarse mentions: an entry of a week, a month or a year that retells a happening known
more finely becomes a mention of that finer entry.

"Last week's explosion", "in April, the rig exploded": when the text clearly tells the same
happening as an entry inside its period (2 shared words weighing two fifths of the lighter
report's words: as many words as within a block, a larger share, for a period holds many
days' happenings, and every word of the report counts, not only its heaviest), its sources
become mentions of that entry and it makes no entry of its own. The finer entry is told by
any of its first reports or by them together (one says the drones struck, another that nine
were killed: "last week's strike that killed nine" retells both). A period joins any finer
entry, a month a day, a year a month ("in 2007" beside "in September 2007"), and so ends in
the finest ("on Sept. 12, 2007") when the month joins it too. A report never becomes a
mention of a forecast: a happened coarse entry only joins a happened one. A weekend's
report is held to a day's test against an entry of its Saturday or Sunday (``weekend.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.merge.blocks import Comparer
from timeline.merge.coarse_memo import NewEntries
from timeline.merge.entries import with_mentions
from timeline.merge.similarity import alike, occurrence_words
from timeline.merge.telling import foreground
from timeline.merge.weekend import told_that_day, weekend
from timeline.model import DateValue, Entry, EventKind, Precision

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
_NO_WORDS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Folded:
    """Where a coarse entry went last time, and the finer entries of its months then."""

    coarse: Entry
    months: tuple[tuple[Entry | None, ...], ...]
    """None for an entry that is not known any more (a memo made from a build's record
    holds no entry of a block merged again): never the same as an entry now."""
    target: tuple[int, int] | None
    """Where the entry it joined is in ``months`` (an entry equal to that of a later merge
    may be another object)."""


@dataclass(slots=True)
class Compared:
    """How much work the last coarse-mention pass did (tests assert what is reused)."""

    whole: int = 0
    """Coarse entries compared with every finer entry of their months."""
    partly: int = 0
    """Coarse entries compared only with the finer entries new since the last pass."""


def join_coarse_mentions(
    entries: Sequence[Entry],
    comparer: Comparer,
    before: dict[str, Folded],
    changed: frozenset[str],
    compared: Compared | None = None,
) -> tuple[list[Entry], dict[str, Folded]]:
    """Fold each coarse entry into the finer entry inside its period that tells the same
    thing; and what was found, by coarse entry id, for the next merge (``before`` is the
    last merge's: a coarse entry is compared again only when it or the weight of the words
    of its months' finer entries changed; when only some of those entries are new, it is
    compared with them and the one it joined last time)."""
    months = _fine_entries_by_month(entries)
    touched = _Touched(months, comparer, changed)
    index = _MonthWords(months, comparer)
    news = NewEntries()
    reports = _Reports(comparer)
    compared = compared if compared is not None else Compared()
    targets: dict[int, Entry] = {}
    joined: dict[int, list[Entry]] = defaultdict(list)
    folded: dict[str, Folded] = {}
    for entry in entries:
        if entry.date.precision not in JOINABLE or entry.id in comparer.apart:
            continue
        keys = months_of(entry.date)
        these = tuple(months.get(key, ()) for key in keys)
        kept = before.get(entry.id)
        # (Its own words changing weight: its block would be new, and so the entry.)
        if kept is None or kept.coarse is not entry:
            kept = None
        elif kept.months == these and not any(touched.of(key) for key in keys):
            pass  # the same finer entries, their words weighing as they did
        elif all(
            touched.of(key) <= news.ids(then, now)
            for key, then, now in zip(keys, kept.months, these, strict=True)
        ):  # only the new entries' words changed weight: only they need comparing
            kept = _refolded(kept, keys, these, comparer, news, reports)
            compared.partly += kept is not None
        else:
            kept = None
        if kept is None:
            found = _best_finer_entry(entry, keys, these, comparer, index, reports)
            kept = Folded(entry, these, found)
            compared.whole += 1
        folded[entry.id] = kept
        if kept.target is not None:
            month, place = kept.target
            targets[id(entry)] = these[month][place]
    for entry in entries:  # in order: a chain's mentions in the order of its entries
        if id(entry) in targets:
            joined[id(_final(entry, targets))].append(entry)
    kept_entries = [
        with_mentions(entry, joined[id(entry)]) if id(entry) in joined else entry
        for entry in entries
        if id(entry) not in targets
    ]
    return kept_entries, folded


def _final(entry: Entry, targets: dict[int, Entry]) -> Entry:
    """The entry a coarse entry ends in: "in 2007" joined "in September 2007", which
    joined "on Sept. 12, 2007" (each target is finer than its entry: no cycle)."""
    while id(entry) in targets:
        entry = targets[id(entry)]
    return entry


def entry_words(entry: Entry, comparer: Comparer) -> frozenset[str]:
    """Every word of an entry's reports."""
    found = [comparer.words.get(source.event_id) for source in entry.sources]
    return frozenset().union(*(words for words in found if words is not None))


def _fine_entries_by_month(entries: Sequence[Entry]) -> dict[Month, tuple[Entry, ...]]:
    """The entries finer than a year (those a coarse entry may join), by the month they
    start in."""
    found: dict[Month, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.date.precision.rank < Precision.YEAR.rank:
            found[(entry.date.start.year, entry.date.start.month)].append(entry)
    return {key: tuple(listed) for key, listed in found.items()}


class _Touched:
    """By month, the finer entries (their objects' ids) holding a word whose weight
    changed: worked out for a month when a coarse entry kept from the last pass asks (a
    first merge, where every weight is new, asks for none)."""

    def __init__(
        self, months: dict[Month, tuple[Entry, ...]], comparer: Comparer, changed: frozenset[str]
    ) -> None:
        self._months = months
        self._comparer = comparer
        self._changed = changed
        self._found: dict[Month, frozenset[int]] = {}

    def of(self, month: Month) -> frozenset[int]:
        """The ids of the month's entries holding a word whose weight changed."""
        found = self._found.get(month)
        if found is None:
            changed, comparer = self._changed, self._comparer
            found = self._found[month] = frozenset(
                id(e)
                for e in self._months.get(month, ())
                if changed and not entry_words(e, comparer).isdisjoint(changed)
            )
        return found


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


def _refolded(
    kept: Folded,
    keys: tuple[Month, ...],
    months: tuple[tuple[Entry, ...], ...],
    comparer: Comparer,
    news: NewEntries,
    reports: _Reports,
) -> Folded | None:
    """``Folded`` of a coarse entry and word weights unchanged since ``kept``, whose
    months' finer entries changed: the best of the entry it joined last time and the
    entries that are new, the same as comparing it with all of them; None when the entry
    it joined is gone.

    An entry that is gone cannot have been the best unless it was the one joined; an entry
    kept is ranked as it was, so it cannot beat the one joined. Ties go to the earliest
    place, as in ``_best_finer_entry``."""
    coarse = kept.coarse
    words = entry_words(coarse, comparer)
    best: tuple[tuple[bool, int, dt.date], tuple[int, int]] | None = None
    if kept.target is not None:
        month, place = kept.target
        joined = kept.months[month][place]
        now = news.place(months[month], joined) if joined is not None else None
        if joined is None or now is None:
            return None  # the entry it joined is gone: every entry is compared again
        rank = _rank(coarse, words, joined, comparer, reports)
        assert rank is not None, "an entry unchanged ranks as it did"
        best = (rank, (month, now))
    for month, (before, now_entries) in enumerate(zip(kept.months, months, strict=True)):
        for place, fine in news.of(before, now_entries):
            if len(words & entry_words(fine, comparer)) < COARSE_MIN_SHARED:
                continue  # (what ``index.sharing`` leaves out)
            rank = _rank(coarse, words, fine, comparer, reports)
            if rank is None:
                continue
            if best is None or rank > best[0] or (rank == best[0] and (month, place) < best[1]):
                best = (rank, (month, place))
    return Folded(coarse, months, best[1] if best is not None else None)


def _rank(
    coarse: Entry, words: frozenset[str], fine: Entry, comparer: Comparer, reports: _Reports
) -> tuple[bool, int, dt.date] | None:
    """How well ``fine`` stands for the happening ``coarse`` (whose words are ``words``)
    retells (higher is better), or None when it does not retell it or cannot take it."""
    if not coarse.date.start <= fine.date.start < coarse.date.end:
        return None
    if fine.date.precision.rank >= coarse.date.precision.rank:
        return None  # a period joins a finer entry only: a month a day, a year a month
    if not _may_mention(coarse, fine):
        return None
    shared = _retold(coarse, fine, comparer, reports)
    if not shared:
        return None
    told = _foreground(words, fine, reports)
    return (told, shared if not told else 0, _negated(fine.date.start))


class _Reports:
    """For one pass: the words of the first ``COMPARED_REPORTS`` reports of each entry
    compared, and all of them together, worked out once per entry (a finer entry is
    compared with every coarse mention spanning its month); and which words each report
    tells as what happened (``telling.foreground``), each looked for once."""

    def __init__(self, comparer: Comparer) -> None:
        self._words = comparer.words
        self._found: dict[int, tuple[Entry, list[tuple[str, frozenset[str]]], frozenset[str]]]
        self._found = {}
        self._told: dict[tuple[str, str], bool] = {}

    def of(self, entry: Entry) -> tuple[list[tuple[str, frozenset[str]]], frozenset[str]]:
        """Each compared report's event id and words, and the words of them all."""
        found = self._found.get(id(entry))
        if found is None:
            words = self._words
            compared = [
                (s.event_id, words.get(s.event_id, _NO_WORDS))
                for s in entry.sources[:COMPARED_REPORTS]
            ]
            found = (entry, compared, frozenset().union(*(w for _, w in compared)))
            self._found[id(entry)] = found  # the entry kept beside: its id is not reused
        return found[1], found[2]

    def foreground(self, sentence: str, word: str) -> bool:
        """``telling.foreground``, each sentence and word once."""
        told = self._told.get((sentence, word))
        if told is None:
            told = self._told[(sentence, word)] = foreground(sentence, word)
        return told


def _best_finer_entry(
    coarse: Entry,
    keys: tuple[Month, ...],
    months: tuple[tuple[Entry, ...], ...],
    comparer: Comparer,
    index: _MonthWords,
    reports: _Reports,
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
    for month, (key, entries) in enumerate(zip(keys, months, strict=True)):
        for place in index.sharing(key, words):
            rank = _rank(coarse, words, entries[place], comparer, reports)
            if rank is not None and (best is None or rank > best):
                best, found = rank, (month, place)
    return found


def _negated(day: dt.date) -> dt.date:
    """A key that orders the earlier day after the later one (the earliest wins a tie)."""
    return dt.date.max - (day - dt.date.min)


def _foreground(mine: frozenset[str], fine: Entry, reports: _Reports) -> bool:
    """True when one of a finer entry's first reports tells, as what happened, an
    occurrence that the coarse entry's words (``mine``) and its share ("explode" in "last
    week's explosion" and "the rig exploded on Tuesday")."""
    compared, _ = reports.of(fine)
    for source, (_, theirs) in zip(fine.sources, compared, strict=False):
        told = occurrence_words(mine & theirs)
        if any(reports.foreground(source.sentence, word) for word in told):
            return True
    return False


def _may_mention(coarse: Entry, fine: Entry) -> bool:
    """A report never becomes a mention of a forecast."""
    return coarse.kind is not EventKind.HAPPENED or fine.kind is EventKind.HAPPENED


def _retold(coarse: Entry, fine: Entry, comparer: Comparer, reports: _Reports) -> int:
    """How many words the closest pair of reports of the two entries share (of the first
    ``COMPARED_REPORTS`` of each), when one clearly retells the other, or a coarse report
    and the finer entry's reports together, or a weekend's report one of a day's by a
    day's test (``weekend.told_that_day``); else 0.

    A report shares no more words with any one report of the other entry than with all of
    them together: a report (or an entry) that cannot share enough that way is passed over,
    as its pairs would be."""
    best = 0
    weights, whole = comparer.weights, comparer.whole
    ours, all_ours = reports.of(coarse)
    theirs_each, all_theirs = reports.of(fine)
    if len(all_ours & all_theirs) < COARSE_MIN_SHARED:
        return 0
    for a, mine in ours:
        if len(mine & all_theirs) <= max(best, COARSE_MIN_SHARED - 1):
            continue
        lighter = min(whole(a), weights.of(all_theirs))
        if alike(mine, all_theirs, weights, COARSE_MIN_SHARED, COARSE_MIN_OVERLAP, lighter):
            best = len(mine & all_theirs)  # the entry's reports together: no pair says more
            continue
        for b, theirs in theirs_each:
            shared = len(mine & theirs)
            if shared <= max(best, COARSE_MIN_SHARED - 1):
                continue
            lighter = min(whole(a), whole(b))
            if alike(mine, theirs, weights, COARSE_MIN_SHARED, COARSE_MIN_OVERLAP, lighter):
                best = shared
    if not best and coarse.kind is EventKind.HAPPENED and weekend(coarse.date):
        sentences = {s.event_id: s.sentence for s in (*coarse.sources, *fine.sources)}
        best = told_that_day(ours, theirs_each, sentences, comparer)
    return best


def months_of(date: DateValue) -> tuple[Month, ...]:
    """The months a period starts in or spans."""
    months = []
    month = dt.date(date.start.year, date.start.month, 1)
    while month < date.end:
        months.append((month.year, month.month))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)
