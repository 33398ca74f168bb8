"""A year-less day recalled: the year under which the collection tells the happening.

"since the October 7 attack", "the April 20 explosion", "killed in the attack on the depot
on March 3" give a day and a month, no year. The date engine reads a recall in the past as
the nearest such day before the publication, which is wrong for a happening of an earlier
year (an article of November 2024 recalling the attack of 7 October 2023 is read
2024-10-07), and reads some year-less days ahead of the publication ("The April 20
explosion aboard the rig set off the largest spill", in November 2010, read as April 2011).
The article alone cannot tell; the collection can. When another report tells the same
occurrence on the same day and month of an earlier year, with that year (its date written
with the year, or its article published within days of it), the recall is of that year: it
moves to that day's block, where it joins the entry of the happening by the block's own
tests (a recall, or a mention naming its day, joins as a mention), and its basis says so
(``Basis.COLLECTION_YEAR``).

The evidence must be clear, as for a report of the morning after (``nextday.py``):

- the recall's words name a day and a month and no year ("October 7", "7 Oct"; not "25 June
  last year"), and it is a happening or a mention of one, told days after its date
  (``blocks.recalls``) or read ahead of its publication, with no word of a day that returns
  ("the anniversary of", "commemorated", "a vigil": the later day is meant);
- it tells the other report's occurrence: their dates date the same occurrence and they
  share a word rarer than a region's besides (``dated.kinship``), or they share an
  occurrence word and pass the merge's usual test; with no place, name, number or time of
  the day keeping them apart;
- no report of the year the engine read tells it (the same test, or the usual one alone):
  a report of that day says the happening is that year's.

Every merge decides the moves afresh from the blocks' members and the words' weights, so a
merge kept between builds (``MergeMemo``) gives what a fresh one gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from timeline.extract.timex import day_value
from timeline.merge.blocks import BlockKey, Comparer, block_key, recalls
from timeline.merge.clusters import MIN_OVERLAP, MIN_SHARED, names
from timeline.merge.dated import dated_occurrences, kinship, other_names
from timeline.merge.places import Places
from timeline.merge.similarity import alike, occurrence_words
from timeline.model import Basis, DateValue, Event, EventKind, Precision

YEARS_BACK = 10
"""How many years before the engine's reading a recall's day is looked for."""
AT_THE_TIME = 3
"""How many days after a happening an article still reports it at the time (``blocks``'s
``RECALL_DAYS``): its date is that day's, whatever its words say of the year."""

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_AND_MONTH = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{3,4}|['’‘]\s?\d\d\b|\byears?\b", re.IGNORECASE)
_RETURNING = re.compile(
    r"\b(?:anniversar\w*|commemorat\w*|memorial\w*|vigils?|remembrance|mark(?:s|ed|ing)?\s+"
    r"(?:a|one|two|the)\s+(?:year|years)|(?:a|one|two)\s+years?\s+(?:since|after|on))\b",
    re.IGNORECASE,
)
"""Words of a day that returns: "marked the anniversary of the attack on October 7" is the
later day, whatever happening it names."""


def recalled_year_moves(
    events: Iterable[Event],
    members: Mapping[BlockKey, Mapping[str, Event]],
    comparer: Comparer,
) -> dict[str, Event]:
    """Of ``events``, the year-less recalls (``may_take_year``) that the collection tells
    in an earlier year (module docstring), each as it is dated there (``taken_year``), by
    event id; ``members`` are the blocks' events."""
    candidates = [event for event in events if may_take_year(event, comparer)]
    if not candidates:
        return {}
    local = replace(comparer, places=Places())
    recalled = {event.id for event in candidates}
    moves: dict[str, Event] = {}
    for event in candidates:
        dated = dated_occurrences(event)
        here = members.get(block_key(event.date), {}).values()
        if any(_retells(event, other, dated, local) for other in here if other.id not in recalled):
            continue  # a report of the year read tells it: the happening is that year's
        for older in _earlier_days(event.date):
            there = members.get(block_key(older), {}).values()
            if any(_with_year(other) and _retells(event, other, dated, local) for other in there):
                moves[event.id] = taken_year(event, older.start)
                break
    return moves


def may_take_year(event: Event, comparer: Comparer) -> bool:
    """True for an event whose year the collection may give: a happening or a mention of
    one, dated to a day by words that name the day and the month and no year, recalled
    days after (``blocks.recalls``) or read ahead of its publication, with no word of a
    day that returns."""
    expression = event.expression
    if expression is None or event.basis is not Basis.RELATIVE:
        return False
    if not (event.kind is EventKind.HAPPENED or names(event)):
        return False
    if event.date.precision.rank > Precision.DAY.rank or event.id in comparer.apart:
        return False
    return (
        yearless_day(expression.text)
        and (recalls(event) or event.date.start > _published(event))
        and _RETURNING.search(event.clause or event.text) is None
    )


def yearless_day(text: str) -> bool:
    """True when an expression names a day and a month and no year ("October 7", "7
    Oct", "the 3rd of March"; not "October 7, 2023", "Oct. 7 '23" or "Tuesday")."""
    return _DAY_AND_MONTH.search(text) is not None and _YEAR.search(text) is None


def taken_year(event: Event, day: dt.date) -> Event:
    """A year-less recall as it stands on ``day``, the same day and month of the year the
    collection gives: its basis says so (``Basis.COLLECTION_YEAR``)."""
    return replace(event, date=day_value(day), basis=Basis.COLLECTION_YEAR)


def _earlier_days(date: DateValue) -> Iterable[DateValue]:
    """The same day and month in each of the ``YEARS_BACK`` years before, nearest first
    (a 29 February only in a leap year)."""
    day = date.start
    for back in range(1, YEARS_BACK + 1):
        try:
            older = day.replace(year=day.year - back)
        except ValueError:
            continue
        yield day_value(older)


def _with_year(event: Event) -> bool:
    """True for a report that tells its happening with its year: its date written with
    the year, or its article published within days of it (a report at the time)."""
    if event.kind is not EventKind.HAPPENED:
        return False
    expression = event.expression
    if expression is not None and _YEAR.search(expression.text) is not None:
        return event.basis is Basis.EXPLICIT
    return 0 <= (_published(event) - event.date.start).days <= AT_THE_TIME


def _kin(event: Event, other: Event, dated: frozenset[str], comparer: Comparer) -> bool:
    """True when the dates of the recall ``event`` and of ``other`` date the same
    occurrence and the two share a word rarer than a region's besides, with no place, name,
    number or time of the day keeping them apart (``dated.kinship``)."""
    if other.kind is not EventKind.HAPPENED or other.id == event.id:
        return False
    mine, theirs = comparer.words.get(event.id), comparer.words.get(other.id)
    if not mine or not theirs or mine.isdisjoint(theirs):
        return False
    comparer.places.locate([event, other], comparer.weights)
    return kinship(event, other, dated, comparer) > 0


def _published(event: Event) -> dt.date:
    """The day an event's article was published."""
    published = event.article.published
    return published.date() if isinstance(published, dt.datetime) else published


def _retells(event: Event, other: Event, dated: frozenset[str], comparer: Comparer) -> bool:
    """True when ``other`` tells what the recall ``event`` recalls: their dates dating the
    same occurrence (``_kin``), or an occurrence word shared and the merge's usual test
    passed, where no name, number or place keeps them apart."""
    if other.kind is not EventKind.HAPPENED or other.id == event.id:
        return False
    if _kin(event, other, dated, comparer):
        return True
    mine, theirs = comparer.words.get(event.id), comparer.words.get(other.id)
    if not mine or not theirs:
        return False
    if not occurrence_words(mine & theirs):
        return False
    if other_names(event.clause or event.text, other.clause or other.text):
        return False
    lighter = min(comparer.total(event.id), comparer.total(other.id))
    if not alike(mine, theirs, comparer.weights, MIN_SHARED, MIN_OVERLAP, lighter):
        return False
    comparer.places.locate([event, other], comparer.weights)
    return not comparer.elsewhere(event.id, other.id)
