"""Two clusters of one block that a later report links: first fit had put them apart.

A block's events join in report order, first fit (``blocks.merge_block``). Two reports of
one happening that share too little to join ("The new capping stack was lowered without a
hitch onto the blowout preventer Monday night" beside "BP installs new sealing cap") make two
clusters, and a later report alike both ("The cap was lowered on to the well on Monday")
joins the first only. When a report joins one cluster and the other's test
(``Comparer.joins``) finds it alike too, and neither cluster's first members contradict the
other (another place, occurrence or target: ``Comparer.contradicts``), the two tell one
happening and become one. Never when the two clusters hold reports of one article: an
article that kept two of its own reports apart, by the stricter test of an article's own
reports, tells two happenings, whatever another outlet's report shares with both. Nor by a
report dated only by its publication: a lead carries the words of its story (a headline's
"swine flu deaths in Mexico"), which the leads of many of the day's happenings share; the
link must share half the lighter report's words with a member of the cluster it brings in,
not only the usual three tenths. Only reports of a day: a coarser period holds many
happenings of one kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.merge.clusters import (
    MIN_SHARED,
    RETOLD_MIN_OVERLAP,
    Cluster,
    Comparer,
    Index,
    enter,
)
from timeline.merge.similarity import alike
from timeline.model import Basis, Event, EventKind, Precision

BRIDGED_MEMBERS = 8
"""How many of each cluster's first members are checked against the other cluster: the
test stays bounded on a day of thousands of reports of one happening."""

_LEADS = frozenset({Basis.PUBLICATION, Basis.DAY_BEFORE})
"""How a lead with no date of its own is dated: by its publication, or by the collection
(``nextday.py``)."""


def linked_cluster(
    event: Event,
    home: int,
    candidates: Iterable[int],
    clusters: Sequence[Cluster],
    comparer: Comparer,
) -> int | None:
    """The first of the candidate clusters (other than ``home``, the one the report joins)
    that a report of the time links to ``home`` (module docstring), if any."""
    if event.kind is not EventKind.HAPPENED or event.basis in _LEADS:
        return None
    if event.id in comparer.apart or event.date.precision.rank > Precision.DAY.rank:
        return None  # a coarser period holds many happenings of one kind
    mine = clusters[home]
    reaction = comparer.reacts(event)
    for place in sorted(candidates):
        other = clusters[place]
        if place == home or not other.events or not other.slugs.isdisjoint(mine.slugs):
            continue
        if not (_clearly(event, other, comparer) and comparer.joins(event, other, reaction)):
            continue
        if contradict(mine, other, comparer) or contradict(other, mine, comparer):
            continue
        return place
    return None


def _clearly(event: Event, cluster: Cluster, comparer: Comparer) -> bool:
    """True when a report shares half the lighter one's words (``RETOLD_MIN_OVERLAP``)
    with one of a cluster's first members: the usual test (three tenths) finds a day's
    leads alike by the words of their story ("oil", "Gulf of Mexico", "Louisiana")."""
    mine, weight = comparer.words[event.id], comparer.total(event.id)
    for member in cluster.events[:BRIDGED_MEMBERS]:
        lighter = min(weight, comparer.total(member.id))
        theirs = comparer.words[member.id]
        if alike(mine, theirs, comparer.weights, MIN_SHARED, RETOLD_MIN_OVERLAP, lighter):
            return True
    return False


def contradict(first: Cluster, second: Cluster, comparer: Comparer) -> bool:
    """True when one of ``first``'s first members tells another happening than
    ``second``'s members."""
    members = first.events[:BRIDGED_MEMBERS]
    return any(comparer.contradicts(member, second) for member in members)


def absorb(
    home: int,
    other: int,
    clusters: Sequence[Cluster],
    comparer: Comparer,
    index: Index,
    leads: dict[str, tuple[int, Event]],
) -> None:
    """Move the members of cluster ``other`` into ``home``, and the block's indexes with
    them; ``other`` is left empty and closed (nothing joins it, no entry is made of it)."""
    by_sentence = index[2]
    into, gone = clusters[home], clusters[other]
    for event in gone.events:
        enter(home, event, comparer.keys(event), clusters, comparer, index)
        sentence = (event.article.slug, event.start)
        if by_sentence.get(sentence) == other:
            by_sentence[sentence] = home
    into.reported = into.reported or gone.reported
    for slug in gone.slugs:
        found = leads.get(slug)
        if found is not None and found[0] == other:
            leads[slug] = (home, found[1])
    gone.events, gone.closed = [], True
