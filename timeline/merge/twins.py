"""An article's twin reports of one day: two of its sentences that date one occurrence by
the same words.

An article that tells a happening twice often dates both tellings by the same expression
("Dr Reyes, who was with the commander when he was shot last Thursday, ..." and "... rode in
the ambulance after he was shot last Thursday"). First fit (``blocks.merge_block``) may put
the two in different clusters: the first makes a cluster of its own, sharing too little
with the reports of other articles, and the second joins another article's report of the
happening. An article's own reports are held to a strict test (``clusters.RETOLD``), which
two sentences telling different things about one occurrence fail, and a later report is
compared with its article's first report of the day only (``retelling.retells``).

Twins (``twins``): two happened reports of one article dated by the same expression to the
same day (not a month or a year, which hold many happenings of one kind: "October housing
starts plunge" and "consumer confidence plunges ... in October"), where the date dates the
same occurrence in both (``dated.dated_occurrences``: "shot last Thursday"; not "in a phone
call on Friday"), sharing a word more that is rarer than a region's (who, where:
``places.BROAD_WEIGHT``) or a figure; neither announces another happening ("also",
"meanwhile"), and places, targets, other occurrences or things of one kind by other names
or numbers (``dated.other_names``) do not keep them apart. Written the same, the date says
the writer dates one thing twice; a shared occurrence and a rare name say what. A twin's
cluster made of its article's reports only joins the cluster the other twin is in
(``twin_cluster``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from timeline.merge.clusters import Cluster, Comparer
from timeline.merge.dated import dated_occurrences, other_names
from timeline.merge.places import BROAD_WEIGHT
from timeline.merge.similarity import is_figure
from timeline.merge.telling import announces_another
from timeline.model import Event, EventKind, Precision

TWIN_MEMBERS = 8
"""How many of a cluster's first members a report is compared with as their twin."""

Founder = tuple[str, str]
"""A cluster's first report's article and date expression (lower case): a twin is looked
for among the clusters founded by its article's reports of the same expression, so an
article of a thousand reports of one day is not compared with itself a million times."""


def founder(event: Event) -> Founder:
    """The key a cluster founded by ``event`` is found by (``Founder``)."""
    expression = event.expression.text.lower() if event.expression is not None else ""
    return (event.article.slug, expression)


def twins(a: Event, b: Event, comparer: Comparer) -> bool:
    """True when two reports of one article date one occurrence by the same expression
    and share who or where (module docstring)."""
    if a.id == b.id or a.article.slug != b.article.slug:
        return False
    if not (a.kind is EventKind.HAPPENED and b.kind is EventKind.HAPPENED):
        return False
    if a.expression is None or b.expression is None or a.date != b.date:
        return False
    if a.date.precision.rank > Precision.DAY.rank:
        return False  # a month or a year holds many happenings of one kind
    if a.expression.text.lower() != b.expression.text.lower():
        return False
    if a.id in comparer.apart or b.id in comparer.apart:
        return False
    if announces_another(a.clause or a.text) or announces_another(b.clause or b.text):
        return False
    occurrences = dated_occurrences(a) & dated_occurrences(b)
    if not occurrences:
        return False  # the date dates no occurrence, or not the same: "in a call on Friday"
    shared = comparer.words[a.id] & comparer.words[b.id]
    weight = comparer.weights.weight
    if not any(is_figure(word) or weight(word) >= BROAD_WEIGHT for word in shared - occurrences):
        return False
    if other_names(a.clause or a.text, b.clause or b.text):
        return False
    return not comparer.elsewhere(a.id, b.id)


def twin_cluster(
    event: Event,
    home: int | None,
    clusters: Sequence[Cluster],
    comparer: Comparer,
    founded: Mapping[Founder, Sequence[int]],
) -> int | None:
    """The cluster other than ``home`` made of reports of the event's article only (of
    those founded by its article's reports of its date expression, ``founded``) that holds
    a twin of the event, when the event does not contradict it; None if none does."""
    if event.kind is not EventKind.HAPPENED or event.id in comparer.apart:
        return None
    if event.date.precision.rank > Precision.DAY.rank:
        return None  # no twins (``twins``): not worth a look
    slug = event.article.slug
    reaction = comparer.reacts(event)
    for place in founded.get(founder(event), ()):
        cluster = clusters[place]
        if place == home or not cluster.events or cluster.closed or cluster.expected:
            continue
        if cluster.slugs != {slug} or cluster.reaction is not reaction:
            continue
        members = cluster.events[:TWIN_MEMBERS]
        if not any(twins(event, member, comparer) for member in members):
            continue
        if not comparer.contradicts(event, cluster):
            return place
    return None
