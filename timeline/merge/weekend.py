"""A weekend's report and the entry of one of its days: "bars were closed in Mexico City
over the weekend" beside "shops and museums in Mexico City closed on Saturday".

A coarse report joins the finer entry it clearly retells (``coarse.py``: two fifths of its
words, for a month or a year holds many happenings of one kind). A weekend holds two days'
happenings, not a month's: its report is held to a day's own test (``clusters.MIN_SHARED``
words weighing ``clusters.MIN_OVERLAP`` of the lighter report's heaviest words) against the
reports of an entry of its Saturday or Sunday, when the two also share an occurrence and
name places that meet. A weekend's report that names no place, or shares only who or where
("Israeli jets struck targets in Gaza over the weekend" beside a Saturday's talks in
Gaza), stays apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from timeline.merge.clusters import MIN_OVERLAP, MIN_SHARED, Comparer
from timeline.merge.places import Places
from timeline.merge.similarity import alike, occurrence_words
from timeline.model import DateValue, Precision

WEEKEND_DAYS = 2
"""How many days a week's date spans when it is a weekend."""

Reports = Sequence[tuple[str, frozenset[str]]]
"""An entry's reports compared: each one's event id and words."""


def weekend(date: DateValue) -> bool:
    """True for a weekend ("over the weekend", "this weekend"): two days of one week."""
    return date.precision is Precision.WEEK and (date.end - date.start).days <= WEEKEND_DAYS


def told_that_day(
    ours: Reports, theirs: Reports, sentences: Mapping[str, str], comparer: Comparer
) -> int:
    """How many words the closest pair of a weekend's reports (``ours``) and a day's
    (``theirs``) share when they tell one happening by the module's test; else 0.
    ``sentences`` are the reports' sentences, by event id (their places are read there)."""
    best = 0
    for a, mine in ours:
        for b, words in theirs:
            shared = mine & words
            if len(shared) <= max(best, MIN_SHARED - 1) or not occurrence_words(shared):
                continue
            lighter = min(comparer.total(a), comparer.total(b))
            if not alike(mine, words, comparer.weights, MIN_SHARED, MIN_OVERLAP, lighter):
                continue
            if _one_place(a, b, sentences, comparer):
                best = len(shared)
    return best


def _one_place(a: str, b: str, sentences: Mapping[str, str], comparer: Comparer) -> bool:
    """True when two reports each name a place, the places meet, and nothing they tell
    there keeps them apart (``Places.apart``)."""
    places = Places()
    places.locate_texts({a: sentences[a], b: sentences[b]}, comparer.weights)
    return places.meet(a, b) and not places.apart(a, b, comparer.words)
