"""One date block's merge: which of its events tell the same happening.

A block holds the events of one day (whatever the time or part of day they give: "Tuesday",
"Tuesday night" and "6:30 a.m." on Tuesday are one block), or of one coarser period at its
precision and modifier. Within a block, events join in report order, first fit, over the
clusters that share a heavy word with them; a happened report never joins an expected
cluster, and the expected events come after all the happened ones, so that a forecast of a
happening that happened becomes a mention of it. An article may tell a happening twice: its
second telling joins the first (``entries.split_reports`` makes it a mention), and a later
report that retells the article's first report of the day by who did what (``retells``)
joins it even in other words. A report
published days after its date (``recalls``) or an event that only names a happening
(``names``) joins the closest cluster of reports at the time, by a looser test. A reaction
never joins reports of what it reacts to, nor they it (``reactions.py`` links them).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.merge.clusters import Cluster, Profile, contradicts
from timeline.merge.order import published_key
from timeline.merge.places import BROAD_WEIGHT, Places
from timeline.merge.similarity import (
    Weights,
    alike,
    occurrence_words,
    report_words,
    shares_figure,
)
from timeline.merge.text import (
    announces_another,
    background,
    clean_text,
    foreground,
    is_reaction,
    quoted,
    without_attribution,
)
from timeline.model import DateValue, Event, EventKind, Precision

MIN_SHARED = 2
MIN_OVERLAP = 0.3
NORM_WORDS = 8
RECALL_DAYS = 3
RECALL_MIN_OVERLAP = 0.2
RETOLD_MIN_SHARED = 3
RETOLD_MIN_OVERLAP = 0.5
KIN_MIN_OVERLAP = 0.25
KIN_MEMBERS = 8
"""How many of a cluster's first reports a report is compared with by its occurrence: the
comparison stays bounded on a day of thousands of reports of one happening."""

BlockKey = tuple[str, str, str | None]
Said = tuple[str, str, str, str]


def block_key(date: DateValue) -> BlockKey:
    """The block of a date: its day for a day or a time, else its value, precision and
    modifier."""
    if date.precision.rank <= Precision.DAY.rank:
        return (date.start.isoformat(), Precision.DAY.value, None)
    return (date.value, date.precision.value, date.mod)


def said(event: Event) -> Said:
    """What an event's words are found in: its sentence, its clause, its date's text and
    its outlet."""
    expression = event.expression.text if event.expression else ""
    return (event.text, event.clause, expression, event.article.source)


def event_words(event: Event) -> frozenset[str]:
    """The words of what an event reports (the clause its date governs, without the time
    stamp or byline it starts with; a dateline's place stays), without the words of the
    date itself, which every event of a block shares, nor of its outlet's name."""
    text = clean_text(event.clause or event.text, datelines=False)
    if event.expression is not None:
        text = text.replace(event.expression.text, " ", 1)
    return report_words(without_attribution(text), event.article.source)


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


def _test(own: bool) -> tuple[int, float]:
    """How many words, weighing what share, a report must share with a cluster's member:
    more with one of its own article (``RETOLD``) than with another's."""
    return (RETOLD_MIN_SHARED, RETOLD_MIN_OVERLAP) if own else (MIN_SHARED, MIN_OVERLAP)


def reacts(event: Event) -> bool:
    """True when what the event reports (its clause) is a reaction to something."""
    return is_reaction(event.clause or event.text)


def merge_block(block: Sequence[Event], comparer: Comparer) -> list[tuple[Event, ...]]:
    """The clusters of a block: the events of each happening, in the order they joined.

    First fit, in report order (happened events first), over the clusters that share a
    heavy word with the event: those with a member holding one of the event's heaviest
    words, or holding among its own heaviest words one of the event's words. The result is
    that of comparing with every cluster, found faster.
    """
    clusters: list[Cluster] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, set[int]] = defaultdict(set)
    by_sentence: dict[tuple[str, int], int] = {}
    leads: dict[str, tuple[int, Event]] = {}
    comparer.places.locate(block, comparer.weights)
    for event in sorted(block, key=_merge_order):
        words = comparer.words[event.id]
        keys = comparer.keys(event)
        home = _home(event, keys, clusters, comparer, (by_word, by_key, by_sentence))
        if home is None:
            home = _retold_lead(event, clusters, comparer, leads)
        if home is None and names(event):
            continue  # it names no happening of its date that is reported: no entry
        if home is None:
            home = len(clusters)
            closed = event.id in comparer.apart
            expected = event.kind is not EventKind.HAPPENED
            reaction = reacts(event)
            clusters.append(Cluster([], set(), closed, expected, False, reaction, set(), math.inf))
        cluster = clusters[home]
        cluster.reported = cluster.reported or not recalls(event)
        cluster.events.append(event)
        cluster.slugs.add(event.article.slug)
        cluster.words.update(words)
        cluster.lightest = min(cluster.lightest, comparer.total(event.id))
        for word in words:
            by_word[word].add(home)
        for key in keys:
            by_key[key].add(home)
        by_sentence.setdefault((event.article.slug, event.start), home)
        if event.kind is EventKind.HAPPENED and not recalls(event):
            leads.setdefault(event.article.slug, (home, event))
    return [tuple(cluster.events) for cluster in clusters]


def _retold_lead(
    event: Event,
    clusters: list[Cluster],
    comparer: Comparer,
    leads: dict[str, tuple[int, Event]],
) -> int | None:
    """The cluster of its article's first report of the block, when the event retells
    it (``retells``): an article rarely reports two happenings of one day with the same
    occurrence and the same actor, place or figure."""
    if event.kind is not EventKind.HAPPENED or recalls(event) or event.id in comparer.apart:
        return None
    found = leads.get(event.article.slug)
    if found is None:
        return None
    place, lead = found
    cluster = clusters[place]
    if cluster.closed or cluster.expected or reacts(event) is not cluster.reaction:
        return None
    if comparer.elsewhere(event.id, lead.id):
        return None
    if not retells(event, lead, comparer.words, comparer.weights):
        return None
    return None if comparer.contradicts(event, cluster) else place


def retells(event: Event, lead: Event, words: dict[str, frozenset[str]], weights: Weights) -> bool:
    """True when a later report of an article tells the happening of its first report of
    the day: they share a word of an occurrence ("sank", "leak") and one word more (who,
    where, a figure), or the later one gives the time of the day the lead gives
    (``timed_detail``: "the rig sank on Thursday", then "it sank at 10:21 a.m."); the
    occurrence is not the background of what the later one tells
    ("shares rose after the flow was stopped"), and nothing announces another happening
    ("meanwhile", "in exchange", "also")."""
    shared = words[event.id] & words[lead.id]
    occurrences = occurrence_words(shared)
    told = event.clause or event.text
    if announces_another(told):
        return False
    if not occurrences:
        # A figure and a word more, rarer than a region's: "90 Palestinians walked out
        # of detention" and "90 prisoners had been released overnight".
        return shares_figure(shared, shared) and any(
            not word[0].isdigit() and weights.weight(word) >= BROAD_WEIGHT for word in shared
        )
    if len(shared) < MIN_SHARED:
        # By its time alone: only an occurrence it tells as what happened, not what
        # someone said of it ("Netanyahu said on Tuesday night the strikes were only
        # the beginning").
        return timed_detail(event, lead) and any(
            foreground(told, word) and not quoted(told, word) for word in occurrences
        )
    return any(not background(told, word) for word in occurrences)


def timed_detail(event: Event, lead: Event) -> bool:
    """True when a later report gives a time of the day its article's lead gives as a day:
    the lead tells what happened that day, a later paragraph when ("the rig sank on
    Thursday" ... "the platform sank below the surface at 10:21 a.m.")."""
    return event.date.precision is Precision.TIME and lead.date.precision is Precision.DAY


_Index = tuple[dict[str, set[int]], dict[str, set[int]], dict[tuple[str, int], int]]
"""The clusters by word of a member, by heaviest word of a member, and by sentence."""


def _home(
    event: Event, keys: list[str], clusters: list[Cluster], comparer: Comparer, index: _Index
) -> int | None:
    """The cluster an event joins, if any: that of another dated clause of its sentence;
    for a recall or a mention, the reported cluster it is closest to; else the first that
    it is alike (``Comparer.joins``)."""
    if event.id in comparer.apart:
        return None
    by_word, by_key, by_sentence = index
    sibling = by_sentence.get((event.article.slug, event.start))
    if sibling is not None:
        cluster = clusters[sibling]
        if not (cluster.closed or (cluster.expected and event.kind is EventKind.HAPPENED)):
            return sibling  # two dated clauses of one sentence in one block: one telling
    words = comparer.words[event.id]
    reaction = reacts(event)
    candidates = {i for key in keys for i in by_word.get(key, ())}
    candidates.update(i for word in words for i in by_key.get(word, ()))
    if recalls(event) or names(event):
        # The clusters that share a heavy word with it, as for a report: comparing with
        # every cluster that shares any word made a dense day quadratic.
        nearby = sorted(candidates)
        home = comparer.recalled(event, reaction, [(i, clusters[i]) for i in nearby])
        if home is not None or names(event):
            return home
    joined = (i for i in sorted(candidates) if comparer.joins(event, clusters[i], reaction))
    home = next(joined, None)
    if home is None:
        home = _kin(event, sorted(candidates), clusters, comparer, reaction)
    return home


def _kin(
    event: Event,
    candidates: list[int],
    clusters: list[Cluster],
    comparer: Comparer,
    reaction: bool,
) -> int | None:
    """The cluster of another article's report of the same occurrence of the day, when the
    words test (``Comparer.joins``) found none: a report in other words ("the oil stopped
    flowing at 2:25 p.m." beside "BP choked off the flow") shares at least the occurrence
    and one word more (who, where, a figure), weighing ``KIN_MIN_OVERLAP`` of the lighter
    report, with one of a cluster's first ``KIN_MEMBERS`` reports; of several clusters, the
    closest. Only reports of a day (a coarser period holds many happenings of one kind),
    and never by an occurrence in the background, planned, or announced as another
    happening (``retells``)."""
    if event.kind is not EventKind.HAPPENED or recalls(event):
        return None
    if event.date.precision.rank > Precision.DAY.rank:
        return None
    told = event.clause or event.text
    if announces_another(told):
        return None
    mine = comparer.words[event.id]
    occurrences = {word for word in occurrence_words(mine) if not background(told, word)}
    if not occurrences:
        return None
    best, best_share = None, KIN_MIN_OVERLAP
    for place in candidates:
        cluster = clusters[place]
        if cluster.closed or cluster.expected or cluster.reaction is not reaction:
            continue
        shared = mine & cluster.words
        if len(shared) < MIN_SHARED or occurrences.isdisjoint(shared):
            continue  # no member shares more than all of them together
        members = cluster.events[:KIN_MEMBERS]
        share = max(_kinship(event, member, occurrences, comparer) for member in members)
        closer = share > best_share or (share == best_share and best is None)
        if closer and not comparer.contradicts(event, cluster):
            best, best_share = place, share
    return best


def _kinship(event: Event, member: Event, occurrences: set[str], comparer: Comparer) -> float:
    """How much of the lighter report two reports of different articles share, when they
    share an occurrence that neither tells as background, and one word more; else 0."""
    if member.article.slug == event.article.slug:
        return 0.0  # an article's own reports are ``retells``'s
    if comparer.elsewhere(event.id, member.id):
        return 0.0
    shared = comparer.words[event.id] & comparer.words[member.id]
    kin = shared.intersection(occurrences)
    if len(shared) < MIN_SHARED or not kin:
        return 0.0
    if all(background(member.clause or member.text, word) for word in kin):
        return 0.0
    lighter = min(comparer.total(event.id), comparer.total(member.id))
    return comparer.weights.of(shared) / lighter if lighter > 0 else 0.0


def _merge_order(event: Event) -> tuple[bool, bool, str, str, int, int, str]:
    """Happened events first, those published at the time first, then in report order
    (``report_order``)."""
    return (event.kind is not EventKind.HAPPENED, recalls(event), *report_order(event))


def reported(event: Event) -> bool:
    """True for a report of a happening: happened, not a forecast nor a mention."""
    return event.kind is EventKind.HAPPENED


def names(event: Event) -> bool:
    """True for an event that only names a happening ("since the October 7 attack"): it
    makes no entry, and joins the entry of its date that it recalls as a mention."""
    return event.kind is EventKind.MENTION


def recalls(event: Event) -> bool:
    """True when the event's article was published ``RECALL_DAYS`` or more after the end
    of its date: it recalls the happening rather than reports it."""
    published = event.article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    return (day - event.date.end).days >= RECALL_DAYS


def report_order(event: Event) -> tuple[str, str, int, int, str]:
    """First report first; within a sentence, the clauses in the order they are written
    (the id only settles what nothing else does, so that the order never depends on the
    order the events came in)."""
    at = event.expression.start if event.expression is not None else -1
    published = published_key(event.article.published)
    return (published, event.article.slug, event.start, at, event.id)
