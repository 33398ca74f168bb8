"""Reports of the morning after: an undated lead that tells the day before's happening.

An article published the morning after a happening often tells it with no date word at all
("A powerful earthquake has hit Haiti"): the extraction dates such a report by its
publication (``Basis.PUBLICATION``), a day late. When the collection itself dates that
happening the day before (a report of it with a date word of its own, "The 7.0-magnitude
quake hit the Caribbean island on Tuesday", or a mention naming its day, "after Tuesday's
earthquake") and nothing dates it on the publication day, the report is one of the day
before: it moves to that day's block, where it joins the entry of the happening by the
block's own tests, as a source, its basis ``Basis.DAY_BEFORE`` (the pages and the exports
say how it was dated: by the collection, not by its publication).

The evidence must be clear: the report shares with one event of the day before dated by its
own words what an article's second telling shares with its first (``clusters.RETOLD``: 3
words weighing half the lighter report), with places and occurrences that do not keep them
apart; a collection about one story shares its words across days ("swine flu", "cases",
"confirmed"), and two of them are no evidence of one happening. Another outlet's lead of
the day alike a lead that moved, by the merge's usual test, moves with it ("A powerful
earthquake has hit Haiti" beside "A huge earthquake has devastated Haiti"). The report stays
when any event of its own day dated by its words is alike it by the usual test: a report
of the day, by that article or another ("BP's well showed no sign of leaking on Friday"
beside "Cheers as Gulf oil spill is capped"), says the happening is the publication day's.
A correction that splits or re-dates an event settles it: such an event never moves.

An hour of the publication day in such an article was counted from the publication too: a
later report of an article whose lead moved, giving an hour in words that name no day
("the earthquake struck around 5 o'clock in the afternoon"; not "this afternoon" or
"tonight"), to an occurrence that lead tells, moves with it at its hour.

Every merge decides the moves afresh from the blocks' members and the words' weights, each
report that may move counted on its own day as extracted wherever a kept merge holds it, so
a merge kept between builds (``MergeMemo``) gives what a fresh one gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from timeline.extract.timex import day_value
from timeline.merge.blocks import BlockKey, Comparer, block_key
from timeline.merge.clusters import (
    MIN_OVERLAP,
    MIN_SHARED,
    RETOLD_MIN_OVERLAP,
    RETOLD_MIN_SHARED,
    names,
)
from timeline.merge.dated import dated_occurrences
from timeline.merge.places import Places
from timeline.merge.similarity import alike, occurrence_words
from timeline.merge.telling import announces_another
from timeline.model import Basis, DateValue, Event, EventKind, Precision

_CLEARLY = (RETOLD_MIN_SHARED, RETOLD_MIN_OVERLAP)
"""How alike a report must be to an event of the day before for the move: as an article's
second telling must be to its first (3 shared words weighing half the lighter report), for
one report of a day alike another of the next by a few words of the story ("swine flu",
"cases", "confirmed") is no evidence of one happening."""
_USUAL = (MIN_SHARED, MIN_OVERLAP)
"""How alike a report of the publication day keeps a report there: the merge's usual test."""


def day_before_moves(
    events: Iterable[Event],
    members: Mapping[BlockKey, Mapping[str, Event]],
    comparer: Comparer,
) -> dict[str, Event]:
    """Of ``events``, the reports dated only by their publication that tell a happening of
    the day before (module docstring), each as it is dated there, by event id; ``events``
    are all the events that may stand there (``may_shift``), as extracted, and ``members``
    the blocks' events (those dated by their words are compared with, each of ``events``
    on its own day wherever the blocks hold it)."""
    events = list(events)
    moves: dict[str, Event] = {}
    index = _Index(members, comparer, events)
    # A report of the publication day dated by its words keeps a report there.
    pending = [
        event
        for event in events
        if _may_move(event, comparer) and not index.alike(block_key(event.date), event, _USUAL)
    ]
    moving = [e for e in pending if index.alike(block_key(_day_before(e)), e, _CLEARLY)]
    while moving:
        for event in moving:
            moves[event.id] = moved = moved_report(event)
            index.add(moved)
        # Another outlet's lead of the day alike a lead that moved tells it too ("A
        # powerful earthquake has hit Haiti" beside "A huge earthquake has devastated
        # Haiti"); moves only add evidence, so which leads move does not depend on order.
        pending = [e for e in pending if e.id not in moves]
        moving = [e for e in pending if index.alike(block_key(_day_before(e)), e, _USUAL, moves)]
    moves.update(_hours_of_moved_leads(events, moves, comparer))
    return moves


def may_shift(event: Event) -> bool:
    """True for an event that may stand on the day before its date (``day_before_moves``):
    a report dated by its publication, or a later report of an article giving an hour of
    its publication day in words that name no day (``_hour_of_publication_day``)."""
    return event.basis is Basis.PUBLICATION or _hour_of_publication_day(event)


def _hour_of_publication_day(event: Event) -> bool:
    """A happened report dated by an hour of its article's publication day whose words name
    no day ("around 5 o'clock in the afternoon", "at 11 p.m.", not "this afternoon",
    "tonight" or "Tuesday at 5 p.m."): counted from the publication, as the morning after's
    lead was."""
    expression = event.expression
    return (
        event.basis is Basis.RELATIVE
        and event.kind is EventKind.HAPPENED
        and event.date.precision is Precision.TIME
        and expression is not None
        and event.date.start == _published_day(event)
        and _DAY_WORDS.search(expression.text) is None
    )


_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|this|yesterday|tomorrow|day|night|overnight|dawn|midnight"
    r"|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4})",
    re.IGNORECASE,
)
"""Words that name or count a day ("tonight", "Tuesday", "overnight", "May 3"), or a night
that may run into the next day: an hour given with them is no hour counted from the
publication alone."""


def _hours_of_moved_leads(
    events: Iterable[Event], moves: Mapping[str, Event], comparer: Comparer
) -> dict[str, Event]:
    """The later reports of articles whose lead moved to the day before, giving an hour of
    the publication day (``_hour_of_publication_day``) to an occurrence the lead tells ("...
    after a powerful earthquake hit the country", then "the earthquake struck around 5
    o'clock in the afternoon": ``dated.dated_occurrences``), announcing no other ("another
    quake struck at 6 a.m."): the hour is the day before's, as the lead's day was."""
    told: dict[str, set[str]] = defaultdict(set)  # by article, what its moved leads tell
    for event in events:
        if event.id in moves:
            told[event.article.slug].update(occurrence_words(comparer.words[event.id]))
    found: dict[str, Event] = {}
    for event in events:
        slug = event.article.slug
        if slug not in told or not _hour_of_publication_day(event) or event.id in comparer.apart:
            continue
        if announces_another(event.clause or event.text):
            continue
        if not told[slug].isdisjoint(dated_occurrences(event)):
            found[event.id] = moved_report(event)
    return found


def moved_report(event: Event) -> Event:
    """A report of the morning after as it stands on the day before: its date is that day
    (at the hour it gives, if any), and its basis says so (``Basis.DAY_BEFORE``), for its
    provenance is no longer its publication."""
    return replace(event, date=_day_before(event), basis=Basis.DAY_BEFORE)


def _day_before(event: Event) -> DateValue:
    date = event.date
    day = date.start - dt.timedelta(days=1)
    if date.precision is Precision.TIME:
        value = day.isoformat() + date.value[len(date.start.isoformat()) :]
        return replace(date, value=value, start=day, end=date.end - dt.timedelta(days=1))
    return day_value(day)


def _published_day(event: Event) -> dt.date:
    published = event.article.published
    return published.date() if isinstance(published, dt.datetime) else published


def _may_move(event: Event, comparer: Comparer) -> bool:
    """A report dated only by its publication, on its publication day, not split off."""
    return (
        event.basis is Basis.PUBLICATION
        and event.kind is EventKind.HAPPENED
        and event.date.precision is Precision.DAY
        and event.id not in comparer.apart
    )


def _by_words(event: Event) -> bool:
    """An event dated by its own words: a report that happened, or a mention naming its
    happening's day."""
    return event.basis in (Basis.EXPLICIT, Basis.RELATIVE) and (
        event.kind is EventKind.HAPPENED or names(event)
    )


class _Index:
    """The events of each day dated by their words, by their words, built when asked.

    Each of ``shifting`` (every event that may stand on the day before) is counted on its
    own day as extracted, wherever the blocks hold it: a merge kept between builds holds a
    moved report in the day before's block (as moved, or, in a memo made from a build's
    record, as extracted), where a fresh merge has it at home, and an hour of the
    publication day is dated by its words there."""

    def __init__(
        self,
        members: Mapping[BlockKey, Mapping[str, Event]],
        comparer: Comparer,
        shifting: Iterable[Event],
    ):
        self.members = members
        self.comparer = comparer
        self.shifting: set[str] = set()
        self.at_home: dict[BlockKey, list[Event]] = defaultdict(list)
        for event in shifting:
            self.shifting.add(event.id)
            if _by_words(event):
                self.at_home[block_key(event.date)].append(event)
        self.by_word: dict[BlockKey, dict[str, list[Event]]] = {}

    def alike(
        self,
        key: BlockKey,
        event: Event,
        test: tuple[int, float],
        among: Mapping[str, Event] | None = None,
    ) -> bool:
        """True when an event of block ``key`` dated by its words (or, with ``among``, one
        of those moved there) tells what ``event`` tells by ``test`` (shared words, their
        share of the lighter report), with places and occurrences that do not keep them
        apart."""
        comparer = self.comparer
        mine, weight = comparer.words[event.id], comparer.total(event.id)
        found = self._index(key)
        seen: set[str] = set()
        for word in sorted(mine):
            for other in found.get(word, ()):
                if other.id in seen or other.id == event.id:
                    continue
                seen.add(other.id)
                if among is not None and other.id not in among:
                    continue
                theirs = comparer.words[other.id]
                lighter = min(weight, comparer.total(other.id))
                if not alike(mine, theirs, comparer.weights, *test, lighter):
                    continue
                if comparer.reacts(event) is not comparer.reacts(other):
                    continue  # a reaction is a happening of its own
                if not _apart(event, other, comparer):
                    return True
        return False

    def add(self, moved: Event) -> None:
        """Count a report moved to the day before among the events of that day."""
        by_word = self._index(block_key(moved.date))
        for word in self.comparer.words.get(moved.id, ()):
            by_word.setdefault(word, []).append(moved)

    def _index(self, key: BlockKey) -> dict[str, list[Event]]:
        found = self.by_word.get(key)
        if found is None:
            shifting = self.shifting
            events = [e for e in self.members.get(key, {}).values() if e.id not in shifting]
            found = self.by_word[key] = _word_index([*events, *self.at_home.get(key, ())], self)
        return found


def _word_index(events: Iterable[Event], index: _Index) -> dict[str, list[Event]]:
    by_word: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if _by_words(event):
            for word in index.comparer.words.get(event.id, ()):
                by_word[word].append(event)
    return by_word


def _apart(event: Event, other: Event, comparer: Comparer) -> bool:
    """True when two reports name places or occurrences that keep them apart."""
    places = Places()
    places.locate([event, other], comparer.weights)
    return places.apart(event.id, other.id, comparer.words)
