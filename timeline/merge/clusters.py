"""A cluster of one date block's merge as a whole: its members by wording, and what they
tell of where and what happened, so that a report joins it only if it contradicts none.

A cluster joined on any one member chains: A alike B and B alike C put A and C together
though they tell different places or different occurrences. So a cluster keeps, beside its
members' distinct wordings (``Profile``), the distinct places and occurrences they tell
(``Cluster.wheres``), each with all the words of the members telling it; a report must
contradict none of those (``Places.apart_from``) to join. A happening is told in a few
places and occurrences, so the test stays short however many reports a cluster holds, and
it looks at no more than ``WHERES`` of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from timeline.merge.places import Places, Where
from timeline.model import Event

WHERES = 32
"""How many of a cluster's distinct places and occurrences told (its first ones) a report
is checked against: the test stays bounded on a cluster of thousands of reports."""

_NONE: frozenset[str] = frozenset()
Profile = dict[tuple[frozenset[str], Where], tuple[float, set[str]]]
"""A cluster's members by (words, places named and occurrences told): their ``total`` and
their articles."""


@dataclass(slots=True)
class Cluster:
    """Events of one block found to tell the same happening, while the block is merged."""

    events: list[Event]
    slugs: set[str]
    """The articles of its members."""
    closed: bool
    """Holds an event that a correction split off: nothing joins it."""
    expected: bool
    """Made of expected events only (happened events come first in a block)."""
    reported: bool
    """Holds a report published at the time (``recalls`` is false for it)."""
    reaction: bool
    """Made of reactions (``reactions.is_reaction``) to something, or of none."""
    words: set[str]
    """Every word of every member."""
    lightest: float
    """The smallest weight of a member's words."""
    profile: Profile = field(default_factory=dict)
    """Its members' distinct sets of words and of places named, each with its ``total``
    and the articles of the members holding it: a retold day holds thousands of reports in
    a few dozen wordings, and a comparison with a member depends on its words, places and
    article alone (``Comparer.profile``)."""
    profiled: int = 0
    """How many of ``events`` (the first ones) ``profile`` holds."""
    wheres: dict[Where, set[str]] = field(default_factory=dict)
    """The distinct places named and occurrences told by its members that tell either,
    each with the words of all the members telling it (``told``)."""
    told: int = 0
    """How many of ``events`` (the first ones) ``wheres`` holds."""


def contradicts(
    event: Event, cluster: Cluster, places: Places, words: Mapping[str, frozenset[str]]
) -> bool:
    """True when an event tells another happening than some member of a cluster: another
    place, or another occurrence with nothing but where in common (``Places.apart_from``,
    against the words of all the members telling that place and occurrence)."""
    wheres = _wheres(cluster, places, words)
    mine = words.get(event.id, frozenset())
    for (named, told, befell), theirs in itertools.islice(wheres.items(), WHERES):
        # Another occurrence counts against a member only when the two share a word: one
        # happening is told by several occurrences ("a strike", "the attack"), and two
        # reports sharing nothing are no evidence of two happenings.
        where = (named, told, befell) if not mine.isdisjoint(theirs) else (named, _NONE, _NONE)
        if places.apart_from(event.id, where, frozenset(theirs), words):
            return True
    return False


def _wheres(
    cluster: Cluster, places: Places, words: Mapping[str, frozenset[str]]
) -> dict[Where, set[str]]:
    """``Cluster.wheres``, brought up to date with the members that joined since it was
    last asked for."""
    wheres = cluster.wheres
    for member in cluster.events[cluster.told :]:
        where = places.where(member.id)
        if any(where):  # a report naming no place and telling no occurrence: never apart
            wheres.setdefault(where, set()).update(words.get(member.id, ()))
    cluster.told = len(cluster.events)
    return wheres
