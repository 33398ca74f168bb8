"""The clusters of one date block's merge, and how an event is compared with them
(``Comparer``): by the rare words it shares with a member (``joins``, or ``recalled`` for
a recall or a mention), and against the cluster as a whole, which it must not contradict.

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
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from timeline.merge.places import Places, Where
from timeline.merge.similarity import Weights, alike
from timeline.merge.telling import is_reaction
from timeline.model import Event, EventKind

MIN_SHARED = 2
MIN_OVERLAP = 0.3
NORM_WORDS = 8
RECALL_MIN_OVERLAP = 0.2
RETOLD_MIN_SHARED = 3
RETOLD_MIN_OVERLAP = 0.5
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
    against the words of all the members telling that place and occurrence). A report of
    an article the cluster holds is held only to the members it shares a word with."""
    wheres = _wheres(cluster, places, words)
    mine = words.get(event.id, frozenset())
    retold = event.article.slug in cluster.slugs
    for (named, told, befell), theirs in itertools.islice(wheres.items(), WHERES):
        # Another occurrence counts against a member only when the two share a word: one
        # happening is told by several occurrences ("a strike", "the attack"), and two
        # reports sharing nothing are no evidence of two happenings. Nor is another place,
        # for a report of an article the cluster holds already: its article put it there,
        # and a sentence telling several happenings names one place for all of them
        # ("the guns fell silent across Gaza as 90 prisoners walked out of detention").
        if mine.isdisjoint(theirs):
            if retold:
                continue
            where = (named, _NONE, _NONE)
        else:
            where = (named, told, befell)
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


@dataclass(frozen=True, slots=True)
class Comparer:
    """Everything a comparison needs: each event's words, the corpus weights, the splits."""

    words: dict[str, frozenset[str]]
    weights: Weights
    apart: frozenset[str]
    totals: dict[str, float]
    """``total`` of each event, by event id, as far as it was asked for."""
    wholes: dict[str, float] = field(default_factory=dict)
    """``whole`` of each event, by event id, as far as it was asked for."""
    places: Places = field(default_factory=Places)
    """The places the events of the block being merged name."""
    reactions: dict[str, bool] = field(default_factory=dict)
    """Whether each sentence reacts to something (``telling.is_reaction``), by its text, as
    far as this merge asked: kept while the merge runs, not by the process."""

    def whole(self, event_id: str) -> float:
        """The weight of all an event's words."""
        found = self.wholes.get(event_id)
        if found is None:
            found = self.wholes[event_id] = self.weights.of(self.words.get(event_id, ()))
        return found

    def total(self, event_id: str) -> float:
        """What the words an event shares are weighed against: the weight of its
        ``NORM_WORDS`` heaviest words (a long sentence tells more than its happening)."""
        found = self.totals.get(event_id)
        if found is None:
            weight = self.weights.weight
            heaviest = sorted((weight(w) for w in self.words[event_id]), reverse=True)
            found = self.totals[event_id] = math.fsum(heaviest[:NORM_WORDS])
        return found

    def reacts(self, event: Event) -> bool:
        """``reacts``, each sentence asked once in this merge."""
        sentence = event.clause or event.text
        found = self.reactions.get(sentence)
        if found is None:
            found = self.reactions[sentence] = is_reaction(sentence)
        return found

    def elsewhere(self, a: str, b: str) -> bool:
        """True when two reports of the block being merged tell different happenings: in
        different places, or different occurrences with nothing but where in common
        (``Places.apart``)."""
        return self.places.apart(a, b, self.words)

    def joins(self, event: Event, cluster: Cluster, reaction: bool) -> bool:
        """Whether an event (a reaction or not) joins a cluster of its own date block."""
        if cluster.closed or (cluster.expected and event.kind is EventKind.HAPPENED):
            return False  # split by a correction; or a forecast, which a report never joins
        if reaction is not cluster.reaction:
            return False  # a reaction is a happening of its own
        mine, weight = self.words[event.id], self.total(event.id)
        if not self._may_join(mine, weight, cluster):
            return False
        # An article's own sentences share its words: a second telling must be clearly one
        # of its first; alike another article's report of it, it is one as any report is.
        # A forecast in an article that reports the cluster's happening is held to the
        # stricter test by every member: its article has told what it is about already.
        slug = event.article.slug
        strict = event.kind is not EventKind.HAPPENED and slug in cluster.slugs
        for (theirs, where), (total, slugs) in self.profile(cluster).items():
            # One member of another article holding these words is held to the looser
            # test, which any words passing the stricter one pass too.
            own = strict or slugs == {slug}
            least, overlap = _test(own)
            if not alike(mine, theirs, self.weights, least, overlap, min(weight, total)):
                continue
            if not self.places.apart_from(event.id, where, theirs, self.words):
                # A report must agree with every member; a forecast joins as a mention of
                # what it announced, named where it was announced ("told a news
                # conference in Doha that the truce would take effect").
                return not reported(event) or not self.contradicts(event, cluster)
        return False

    def contradicts(self, event: Event, cluster: Cluster) -> bool:
        """True when an event tells another place or occurrence than any member of a
        cluster (``clusters.contradicts``): joined on one member, a cluster would chain."""
        return contradicts(event, cluster, self.places, self.words)

    def profile(self, cluster: Cluster) -> Profile:
        """A cluster's members by their distinct words, the places they name and the
        occurrences they tell (``Places.where``): the words' ``total`` and the articles of
        the members holding them; brought up to date with the members that joined since it
        was last asked for."""
        profile = cluster.profile
        for member in cluster.events[cluster.profiled :]:
            wording = (self.words[member.id], self.places.where(member.id))
            found = profile.get(wording)
            if found is None:
                found = profile[wording] = (self.total(member.id), set())
            found[1].add(member.article.slug)
        cluster.profiled = len(cluster.events)
        return profile

    def recalled(
        self, event: Event, reaction: bool, clusters: Sequence[tuple[int, Cluster]]
    ) -> int | None:
        """The cluster of reports at the time that an event recalling a happening is
        closest to, when it is close enough (a looser test than ``joins``: the day is known
        and one of its happenings is recalled); None if none is. An event that only names
        a happening (``names``) may join any cluster of happened reports.

        Closest is the member sharing the largest part of the lighter one's words, the
        first cluster on a tie. Each cluster is first weighed as a whole (its members'
        words together, its lightest member: ``_recall_bound``), which no member can beat;
        its members are weighed one by one only while that bound can still win.
        """
        mine, weight = self.words[event.id], self.total(event.id)
        bounded = []
        for place, cluster in clusters:
            if cluster.closed or not (cluster.reported or names(event)):
                continue
            if cluster.expected and event.kind is not EventKind.EXPECTED:
                continue
            if reaction is not cluster.reaction:
                continue
            bound = self._recall_bound(mine, weight, cluster)
            if bound > RECALL_MIN_OVERLAP:
                bounded.append((-bound, place, cluster))
        bounded.sort(key=lambda found: found[:2])
        best, best_share = None, RECALL_MIN_OVERLAP
        for minus, place, cluster in bounded:
            if -minus < best_share:
                break  # no cluster left can reach the best share, nor tie it
            share = self._recall_share(mine, weight, cluster)
            if share > best_share or (share == best_share and best is not None and place < best):
                best, best_share = place, share
        return best

    def _recall_bound(self, mine: frozenset[str], weight: float, cluster: Cluster) -> float:
        """At least the share ``_recall_share`` finds: the words shared with any member are
        among those shared with all of them, and its lightest member weighs least (weights
        are never negative, and a sum or quotient rounded correctly keeps their order)."""
        shared = mine & cluster.words
        if len(shared) < MIN_SHARED:
            return 0.0
        lighter = min(weight, cluster.lightest)
        return self.weights.of(shared) / lighter if lighter > 0 else math.inf

    def _recall_share(self, mine: frozenset[str], weight: float, cluster: Cluster) -> float:
        """The largest part of the lighter one's words that a recall shares with a member
        sharing ``MIN_SHARED`` words or more (0 if none does)."""
        best = 0.0
        for (theirs, _), (total, _) in self.profile(cluster).items():
            shared = mine & theirs
            if len(shared) < MIN_SHARED:
                continue
            lighter = min(weight, total)
            share = self.weights.of(shared) / lighter if lighter > 0 else 0.0
            best = max(best, share)
        return best

    def _may_join(self, mine: frozenset[str], weight: float, cluster: Cluster) -> bool:
        """A test on the whole cluster that every member would fail too: words shared with
        any member are among those shared with all of them together."""
        shared = mine & cluster.words
        needed = MIN_OVERLAP * min(weight, cluster.lightest)
        return len(shared) >= MIN_SHARED and self.weights.of(shared) >= needed

    def keys(self, event: Event) -> list[str]:
        """The heaviest words of an event: any word set alike enough must hold one of them.

        Words are taken, heaviest first, until the rest weighs less than the overlap needed.
        """
        idf, unseen = self.weights.idf, self.weights.unseen
        weighed = sorted((-idf.get(w, unseen), w) for w in self.words[event.id])
        weights = [-minus for minus, _ in weighed]
        if event.id not in self.totals:  # what ``total`` would find, from the same sort
            self.totals[event.id] = math.fsum(weights[:NORM_WORDS])
        rest = math.fsum(weights)
        needed = MIN_OVERLAP * self.totals[event.id]
        keys = []
        for (_, word), weight in zip(weighed, weights, strict=True):
            if rest < needed:
                break
            keys.append(word)
            rest -= weight
        return keys


Index = tuple[dict[str, set[int]], dict[str, set[int]], dict[tuple[str, int], int]]
"""A block's clusters while it is merged: by word of a member, by heaviest word of a member,
and by sentence."""


def enter(
    home: int,
    event: Event,
    keys: Iterable[str],
    clusters: Sequence[Cluster],
    comparer: Comparer,
    index: Index,
) -> None:
    """Make ``event`` a member of cluster ``home``, found there by its words and ``keys``
    (``Comparer.keys``)."""
    by_word, by_key, _ = index
    cluster, words = clusters[home], comparer.words[event.id]
    cluster.events.append(event)
    cluster.slugs.add(event.article.slug)
    cluster.words.update(words)
    cluster.lightest = min(cluster.lightest, comparer.total(event.id))
    for word in words:
        by_word[word].add(home)
    for key in keys:
        by_key[key].add(home)


def closest_cluster(
    event: Event,
    candidates: Iterable[int],
    clusters: Sequence[Cluster],
    comparer: Comparer,
    *,
    kinship: Callable[[Event], float],
    reaction: bool,
    members: int,
    floor: float,
    inclusive: bool,
    needs: frozenset[str] | None = None,
) -> int | None:
    """Of the candidate clusters open to a report (not closed, not expected, of its kind of
    reaction), the one whose first ``members`` reports are closest to it by ``kinship`` (a
    share of the lighter report's words, 0 when no evidence), above ``floor`` (or at it,
    ``inclusive``), that it does not contradict (``Comparer.contradicts``); the first on a
    tie. A cluster sharing fewer than ``MIN_SHARED`` of the report's words with all its
    members together, or none of ``needs``, is not weighed: no member could share more."""
    mine = comparer.words[event.id]
    best, best_share = None, floor
    for place in candidates:
        cluster = clusters[place]
        if cluster.closed or cluster.expected or cluster.reaction is not reaction:
            continue
        shared = mine & cluster.words
        if len(shared) < MIN_SHARED or (needs is not None and needs.isdisjoint(shared)):
            continue  # no member shares more than all of them together
        share = max(kinship(member) for member in cluster.events[:members])
        closer = share > best_share or (inclusive and best is None and share == best_share)
        if closer and not comparer.contradicts(event, cluster):
            best, best_share = place, share
    return best


def _test(own: bool) -> tuple[int, float]:
    """How many words, weighing what share, a report must share with a cluster's member:
    more with one of its own article (``RETOLD``) than with another's."""
    return (RETOLD_MIN_SHARED, RETOLD_MIN_OVERLAP) if own else (MIN_SHARED, MIN_OVERLAP)


def reacts(event: Event) -> bool:
    """True when what the event reports (its clause) is a reaction to something."""
    return is_reaction(event.clause or event.text)


def reported(event: Event) -> bool:
    """True for a report of a happening: happened, not a forecast nor a mention."""
    return event.kind is EventKind.HAPPENED


def names(event: Event) -> bool:
    """True for an event that only names a happening ("since the October 7 attack"): it
    makes no entry, and joins the entry of its date that it recalls as a mention."""
    return event.kind is EventKind.MENTION
