"""Reactions: a condemnation of a strike, a statement about a deal, is a happening of its
own, linked to what it reacts to.

A report whose sentence reacts ("condemned", "welcomed", "was shocked by", "in response
to") never joins an entry of reports of the happening, nor they it (``blocks.py``). Its
entry is then linked (``Entry.related``) to the entry it reacts to: the entry of its day or
of the ``RELATED_DAYS`` before that shares the most with it, when they share enough.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from timeline.merge.blocks import Comparer, reacts
from timeline.merge.coarse import COMPARED_REPORTS, entry_words
from timeline.merge.similarity import alike
from timeline.model import Entry, Event, EventKind, Precision

RELATED_DAYS = 2
RELATED_MIN_SHARED = 3
RELATED_MIN_OVERLAP = 0.3


@dataclass(frozen=True, slots=True)
class Linked:
    """What a reaction entry was linked to last time, and the entries it was compared with."""

    reaction: Entry
    candidates: tuple[Entry, ...]
    target: int | None
    """The place in ``candidates`` of the entry it reacts to."""


def link_reactions(
    entries: Sequence[Entry],
    comparer: Comparer,
    before: dict[str, Linked],
    changed: frozenset[str],
    event: Callable[[str], Event],
) -> tuple[list[Entry], dict[str, Linked]]:
    """The entries with each reaction linked to the entry it reacts to; and what was found,
    by reaction entry id, for the next merge (``before``: the last merge's, kept for a
    reaction whose candidates are the same objects and whose words kept their weights).
    ``event`` gives the event of an id."""
    reacting = {id(e) for e in entries if _reacts(e, event)}
    days = _entries_by_day(entries, reacting)
    linked: dict[str, Linked] = {}
    out = []
    for entry in entries:
        if id(entry) not in reacting:
            out.append(entry)
            continue
        candidates = _candidates(entry, days)
        kept = before.get(entry.id)
        if not (
            kept is not None
            and kept.reaction is entry
            and len(kept.candidates) == len(candidates)
            and all(a is b for a, b in zip(kept.candidates, candidates, strict=True))
            and not any(not entry_words(e, comparer).isdisjoint(changed) for e in candidates)
        ):
            kept = Linked(entry, candidates, _closest(entry, candidates, comparer))
        linked[entry.id] = kept
        if kept.target is None:
            out.append(entry)
        else:
            out.append(replace(entry, related=(candidates[kept.target].id,)))
    return out, linked


def _reacts(entry: Entry, event: Callable[[str], Event]) -> bool:
    """An entry of a day whose reports react to something."""
    day = entry.date.precision.rank <= Precision.DAY.rank
    return day and not entry.curated and reacts(event(entry.sources[0].event_id))


def _entries_by_day(entries: Sequence[Entry], reacting: set[int]) -> dict[dt.date, list[Entry]]:
    """The entries of happenings known to the day or finer, reactions left out, by day."""
    days: dict[dt.date, list[Entry]] = defaultdict(list)
    for entry in entries:
        if (
            entry.date.precision.rank <= Precision.DAY.rank
            and entry.kind is EventKind.HAPPENED
            and id(entry) not in reacting
        ):
            days[entry.date.start].append(entry)
    return days


def _candidates(reaction: Entry, days: dict[dt.date, list[Entry]]) -> tuple[Entry, ...]:
    day = reaction.date.start
    window = (day - dt.timedelta(days=back) for back in range(RELATED_DAYS + 1))
    return tuple(entry for when in window for entry in days.get(when, ()))


def _closest(reaction: Entry, candidates: Sequence[Entry], comparer: Comparer) -> int | None:
    """The place of the candidate the reaction shares the most with, if enough."""
    words, weights, whole = comparer.words, comparer.weights, comparer.whole
    best, best_share = None, 0.0
    for place, candidate in enumerate(candidates):
        for a in reaction.sources[:COMPARED_REPORTS]:
            mine = words.get(a.event_id, frozenset())
            for b in candidate.sources[:COMPARED_REPORTS]:
                theirs = words.get(b.event_id, frozenset())
                if len(mine & theirs) < RELATED_MIN_SHARED:
                    continue
                lighter = min(whole(a.event_id), whole(b.event_id))
                if not alike(
                    mine, theirs, weights, RELATED_MIN_SHARED, RELATED_MIN_OVERLAP, lighter
                ):
                    continue
                share = weights.of(mine & theirs)
                if share > best_share:
                    best, best_share = place, share
    return best
