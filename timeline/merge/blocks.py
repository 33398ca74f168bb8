"""One date block's merge: which of its events tell the same happening.

A block holds the events of one day (whatever the time or part of day they give: "Tuesday",
"Tuesday night" and "6:30 a.m." on Tuesday are one block), or of one coarser period at its
precision, with its parts ("in 2007" and "in late 2007" are one block). Within a block,
events join in report order, first fit, over the clusters that share a heavy word with
them; a happened report never joins an expected cluster, and the expected events come after
all the happened ones, so that a forecast of a happening that happened becomes a mention of
it. An article may tell a happening twice: its second telling joins the first
(``entries.split_reports`` makes it a mention), and a later report that retells the
article's first report of the day by who did what (``retells``) joins it even in other
words. A report published days after its date (``recalls``) or an event that only names a
happening (``names``) joins the closest cluster of reports at the time, by a looser test. A
reaction never joins reports of what it reacts to, nor they it (``reactions.py`` links
them).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence

from timeline.merge.bridges import absorb, contradict, linked_cluster
from timeline.merge.clusters import MIN_SHARED, Cluster, Index, closest_cluster, enter
from timeline.merge.clusters import Comparer as Comparer
from timeline.merge.clusters import names as names
from timeline.merge.clusters import reacts as reacts
from timeline.merge.clusters import reported as reported
from timeline.merge.dated import dated_kin
from timeline.merge.order import published_key
from timeline.merge.retelling import retells
from timeline.merge.similarity import (
    occurrence_words,
    report_words,
)
from timeline.merge.telling import (
    announces_another,
    background,
    refers_back,
    without_attribution,
)
from timeline.merge.text import clean_text
from timeline.merge.twins import Founder, founder, twin_cluster
from timeline.model import DateValue, Event, EventKind, Precision

RECALL_DAYS = 3
KIN_MIN_OVERLAP = 0.25
KIN_MEMBERS = 8
"""How many of a cluster's first reports a report is compared with by its occurrence: the
comparison stays bounded on a day of thousands of reports of one happening."""

BlockKey = tuple[str, str, str | None]
Said = tuple[str, str, str, str]


NESTED_MODS = frozenset({"START", "MID", "END", "APPROX"})
"""Modifiers of a period that stay inside it: "late 2007" is part of 2007, "before 2007"
is not."""


def block_key(date: DateValue) -> BlockKey:
    """The block of a date: its day for a day or a time, else its value, precision and
    modifier; a period and its parts ("in 2007", "in late 2007", "in early 2007") are one
    block, where their words decide whether they tell one happening."""
    if date.precision.rank <= Precision.DAY.rank:
        return (date.start.isoformat(), Precision.DAY.value, None)
    mod = None if date.mod in NESTED_MODS else date.mod
    return (date.value, date.precision.value, mod)


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


def merge_block(block: Sequence[Event], comparer: Comparer) -> list[tuple[Event, ...]]:
    """The clusters of a block: the events of each happening, in the order they joined.

    First fit, in report order (happened events first), over the clusters that share a
    heavy word with the event: those with a member holding one of the event's heaviest
    words, or holding among its own heaviest words one of the event's words. The result is
    that of comparing with every cluster, found faster. A report alike a second cluster
    besides the one it joins may link the two (``bridges.py``).
    """
    clusters: list[Cluster] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, set[int]] = defaultdict(set)
    by_sentence: dict[tuple[str, int], int] = {}
    index: Index = (by_word, by_key, by_sentence)
    leads: dict[str, tuple[int, Event]] = {}
    founded: dict[Founder, list[int]] = defaultdict(list)
    comparer.places.locate(block, comparer.weights)
    for event in sorted(block, key=_merge_order):
        words = comparer.words[event.id]
        keys = comparer.keys(event)
        home = _home(event, keys, clusters, comparer, index, leads)
        if home is None:
            home = _retold_lead(event, clusters, comparer, leads)
        if home is None and names(event):
            continue  # it names no happening of its date that is reported: no entry
        if home is None:
            home = twin_cluster(event, None, clusters, comparer, founded)
        if home is None:
            home = len(clusters)
            founded[founder(event)].append(home)
            closed = event.id in comparer.apart
            expected = event.kind is not EventKind.HAPPENED
            reaction = comparer.reacts(event)
            clusters.append(Cluster([], set(), closed, expected, False, reaction, set(), math.inf))
        cluster = clusters[home]
        if not recalls(event):
            linked = linked_cluster(event, home, _nearby(keys, words, index), clusters, comparer)
            if linked is not None:
                absorb(home, linked, clusters, comparer, index, leads)
        twin = twin_cluster(event, home, clusters, comparer, founded)
        if twin is not None and not contradict(clusters[twin], cluster, comparer):
            absorb(home, twin, clusters, comparer, index, leads)  # ``twins.py``
        cluster.reported = cluster.reported or not recalls(event)
        enter(home, event, keys, clusters, comparer, index)
        by_sentence.setdefault((event.article.slug, event.start), home)
        if event.kind is EventKind.HAPPENED and not recalls(event):
            leads.setdefault(event.article.slug, (home, event))
    return [tuple(cluster.events) for cluster in clusters if cluster.events]


def _retold_lead(
    event: Event,
    clusters: list[Cluster],
    comparer: Comparer,
    leads: dict[str, tuple[int, Event]],
    *,
    first: bool = False,
) -> int | None:
    """The cluster of its article's first report of the block, when the event retells
    it (``retells``): an article rarely reports two happenings of one day with the same
    occurrence and the same actor, place or figure. ``first``: asked before any other
    cluster, only when the event refers back to the lead's occurrence
    (``_refers_to_lead``)."""
    if event.kind is not EventKind.HAPPENED or recalls(event) or event.id in comparer.apart:
        return None
    found = leads.get(event.article.slug)
    if found is None:
        return None
    place, lead = found
    if first and not _refers_to_lead(event, lead, comparer):
        return None
    cluster = clusters[place]
    if cluster.closed or cluster.expected or comparer.reacts(event) is not cluster.reaction:
        return None
    if comparer.elsewhere(event.id, lead.id):
        return None
    if not retells(event, lead, comparer.words, comparer.weights):
        return None
    return None if comparer.contradicts(event, cluster) else place


def _refers_to_lead(event: Event, lead: Event, comparer: Comparer) -> bool:
    """True when an event names an occurrence as told already ("the leak", "this strike":
    ``telling.refers_back``) that its article's lead tells as what happened
    (``places.told_occurrences``): a definite reference points back into its own article
    ("A new piece of equipment sprung its own leak" ... "the company said that the leak
    has been isolated"), before any other article's report sharing its words. Not an
    occurrence the lead gives as background ("urged fans to donate in the wake of the
    earthquake that struck Haiti")."""
    told = event.clause or event.text
    leads = comparer.places.told.get(lead.id, frozenset()) & comparer.words[event.id]
    return any(refers_back(told, word) for word in leads)


def _nearby(keys: list[str], words: frozenset[str], index: Index) -> set[int]:
    """The clusters that share a heavy word with a report: a member holds one of its
    heaviest words (``keys``), or holds one of its words among its own heaviest."""
    by_word, by_key, _ = index
    found = {i for key in keys for i in by_word.get(key, ())}
    found.update(i for word in words for i in by_key.get(word, ()))
    return found


def _home(
    event: Event,
    keys: list[str],
    clusters: list[Cluster],
    comparer: Comparer,
    index: Index,
    leads: dict[str, tuple[int, Event]],
) -> int | None:
    """The cluster an event joins, if any: that of another dated clause of its sentence;
    that of its article's first report of the block, when it names the lead's occurrence
    as told already and retells it (``_refers_to_lead``, ``retells``);
    for a recall or a mention, the reported cluster it is closest to; else the first that
    it is alike (``Comparer.joins``), or another article's report of its occurrence
    (``_kin``), or another report whose date dates the same occurrence
    (``dated.dated_kin``)."""
    if event.id in comparer.apart:
        return None
    by_word, _, by_sentence = index
    sibling = by_sentence.get((event.article.slug, event.start))
    if sibling is not None:
        cluster = clusters[sibling]
        if not (cluster.closed or (cluster.expected and event.kind is EventKind.HAPPENED)):
            return sibling  # two dated clauses of one sentence in one block: one telling
    # A definite reference to its lead's occurrence is closer evidence than another
    # article's words ("the company said that the leak has been isolated").
    retold = _retold_lead(event, clusters, comparer, leads, first=True)
    if retold is not None:
        return retold
    reaction = comparer.reacts(event)
    candidates = _nearby(keys, comparer.words[event.id], index)
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
    if home is None:
        home = dated_kin(event, by_word, clusters, comparer, reaction)
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
    occurrences = frozenset(w for w in occurrence_words(mine) if not background(told, w))
    if not occurrences:
        return None
    return closest_cluster(
        event,
        candidates,
        clusters,
        comparer,
        kinship=lambda member: _kinship(event, member, occurrences, comparer),
        reaction=reaction,
        members=KIN_MEMBERS,
        floor=KIN_MIN_OVERLAP,
        inclusive=True,
        needs=occurrences,
    )


def _kinship(event: Event, member: Event, occurrences: frozenset[str], comparer: Comparer) -> float:
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
