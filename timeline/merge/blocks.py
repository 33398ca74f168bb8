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

from timeline.merge.bridges import Index, absorb, linked_cluster
from timeline.merge.clusters import MIN_SHARED, Cluster, closest_cluster
from timeline.merge.clusters import Comparer as Comparer
from timeline.merge.clusters import names as names
from timeline.merge.clusters import reacts as reacts
from timeline.merge.clusters import reported as reported
from timeline.merge.dated import dated_kin
from timeline.merge.order import published_key
from timeline.merge.places import BROAD_WEIGHT
from timeline.merge.similarity import (
    Weights,
    occurrence_words,
    report_words,
    shares_figure,
    toll_words,
)
from timeline.merge.statements import told_in_statement
from timeline.merge.telling import (
    announces_another,
    background,
    foreground,
    quoted,
    refers_back,
    without_attribution,
)
from timeline.merge.text import clean_text
from timeline.model import DateValue, Event, EventKind, Precision

RECALL_DAYS = 3
KIN_MIN_OVERLAP = 0.25
KIN_MEMBERS = 8
"""How many of a cluster's first reports a report is compared with by its occurrence: the
comparison stays bounded on a day of thousands of reports of one happening."""
HOUR_MIN_WEIGHT = 2 * BROAD_WEIGHT
"""How rare a word a later report must share with its lead to give the hour of its
happening in other words (``_hour_of_lead``): with no occurrence in common, the lead's
own who or what ("prisoners", "the cap"), not the story's ("people", "health", "Mexico":
a headline's words that a later paragraph of another happening shares)."""

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
    leads: dict[str, tuple[int, Event]] = {}
    comparer.places.locate(block, comparer.weights)
    for event in sorted(block, key=_merge_order):
        words = comparer.words[event.id]
        keys = comparer.keys(event)
        home = _home(event, keys, clusters, comparer, (by_word, by_key, by_sentence), leads)
        if home is None:
            home = _retold_lead(event, clusters, comparer, leads)
        if home is None and names(event):
            continue  # it names no happening of its date that is reported: no entry
        if home is None:
            home = len(clusters)
            closed = event.id in comparer.apart
            expected = event.kind is not EventKind.HAPPENED
            reaction = comparer.reacts(event)
            clusters.append(Cluster([], set(), closed, expected, False, reaction, set(), math.inf))
        cluster = clusters[home]
        if not recalls(event):
            index = (by_word, by_key, by_sentence)
            linked = linked_cluster(event, home, _nearby(keys, words, index), clusters, comparer)
            if linked is not None:
                absorb(home, linked, clusters, comparer, index, leads)
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


def retells(event: Event, lead: Event, words: dict[str, frozenset[str]], weights: Weights) -> bool:
    """True when a later report of an article tells the happening of its first report of
    the day: they share a word of an occurrence ("sank", "leak") and one word more (who,
    where, a figure), or the later one gives the time of the day the lead gives
    (``timed_detail``: "the rig sank on Thursday", then "it sank at 10:21 a.m."); the
    occurrence is not the background of what the later one tells
    ("shares rose after the flow was stopped"), and nothing announces another happening
    ("meanwhile", "in exchange", "also"). What someone said of the occurrence retells it
    only when it tells what was done (``statements.told_in_statement``). A toll is an
    occurrence only between reports that tell no other (``similarity.toll_words``). With
    no occurrence in common, a later report may give the hour of the lead's happening in
    other words (``_hour_of_lead``)."""
    shared = words[event.id] & words[lead.id]
    occurrences = occurrence_words(shared)
    if not (occurrence_words(words[event.id]) or occurrence_words(words[lead.id])):
        # A lead that tells a toll and nothing else ("A child has died of swine flu in
        # Texas"), retold by a report that tells nothing else either ("the first death of
        # a child from the virus"): the toll is the happening.
        occurrences = toll_words(shared)
    told = event.clause or event.text
    if announces_another(told):
        return False
    if not occurrences and _hour_of_lead(event, lead, shared, words, weights):
        return True
    if not occurrences:
        # A figure and a word more, rarer than a region's: "90 Palestinians walked out
        # of detention" and "90 prisoners had been released overnight".
        return shares_figure(shared, shared) and any(
            not word[0].isdigit() and weights.weight(word) >= BROAD_WEIGHT for word in shared
        )
    if len(shared) < MIN_SHARED:
        # By its time alone: only an occurrence it tells as what happened, not what
        # someone said of it ("Netanyahu said on Tuesday night the strikes were only
        # the beginning"); unless what was said is what was done to it ("the company
        # said that the leak has been isolated": ``told_in_statement``).
        return any(
            (
                (timed_detail(event, lead) or refers_back(told, word))
                and foreground(told, word)
                and not quoted(told, word)
            )
            or (told_in_statement(told, word) and not background(told, word))
            for word in occurrences
        )
    return any(not background(told, word) for word in occurrences)


def timed_detail(event: Event, lead: Event) -> bool:
    """True when a later report gives a time of the day its article's lead gives as a day:
    the lead tells what happened that day, a later paragraph when ("the rig sank on
    Thursday" ... "the platform sank below the surface at 10:21 a.m.")."""
    return event.date.precision is Precision.TIME and lead.date.precision is Precision.DAY


def _hour_of_lead(
    event: Event,
    lead: Event,
    shared: frozenset[str],
    words: dict[str, frozenset[str]],
    weights: Weights,
) -> bool:
    """True when a later report gives the hour of its article's lead in other words: the
    lead tells an occurrence on a day ("Israel released 90 prisoners early today"), the
    later report a time of that day, no occurrence of its own, and who and where of the
    lead ("the buses carrying the detainees left Ofer prison, outside Ramallah, shortly
    after 1 a.m."): two words shared, one of them rare (``HOUR_MIN_WEIGHT``). A later
    report that tells an occurrence of its own ("soldiers raided the camp at 3 a.m.") is
    another happening unless it shares the lead's (``retells``)."""
    if not timed_detail(event, lead) or len(shared) < MIN_SHARED:
        return False
    if occurrence_words(words[event.id]) or not occurrence_words(words[lead.id]):
        return False
    rare = (word for word in shared if not word[0].isdigit())
    return any(weights.weight(word) >= HOUR_MIN_WEIGHT for word in rare)


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
