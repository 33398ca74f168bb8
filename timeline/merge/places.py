"""Where a report tells its happening happened: two reports of one day that name different
places ("a school in Gaza City", "a house in Rafah"; "Jenin", "Tulkarm") tell different
happenings, however many words of the war they share ("Israeli", "airstrike", "Gaza").

The places a report names are read by ``placenames.py``. A place meets another when it
is, holds, or lies in it: word by word ("gaza" and "gaza city") or as a report of the day
says ("southern Gaza's Rafah", "the Shujaiya district of Gaza City", "the Jenin camp in the
West Bank", a dateline "JENIN, West Bank"). A region, a place in every fifth report of the
build, meets all. Two reports that share a figure tell one happening wherever they put it,
unless they also tell other targets ("the school", "the market").

Where alone is no evidence of one happening either: two reports of one place (or of none)
that each tell an occurrence of another family ("an airstrike on the market", "a convoy
reached the clinic") and share nothing but where, who told it and the toll tell two
(``other_occurrences``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from timeline.merge.objects import SITES, befallen, other_kinds, other_objects
from timeline.merge.placenames import (
    PLACE_NOUNS,
    Named,
    dateline_within,
    places_of,
    read_places,
)
from timeline.merge.similarity import (
    Weights,
    content_words,
    is_figure,
    occurrence_words,
    shares_figure,
    stems,
)
from timeline.merge.telling import foreground
from timeline.model import Event

BROAD_WEIGHT = 1.6
"""A place whose every word weighs less (a word of every fifth report, "Gaza" in a record
of the war in Gaza) is a region, which holds the places of many happenings."""


Where = tuple[frozenset[str], frozenset[str], frozenset[str]]
"""What a report tells of its happening besides its words: the specific places it names,
the occurrences it tells as what happened (``Places.told``) and whom or what they befell
(``objects.befallen``)."""


def apart_places(
    mine: frozenset[str], theirs: frozenset[str], within: Mapping[str, frozenset[str]]
) -> bool:
    """True when two reports each name a place and no place of one is, or holds, or lies
    in a place of the other: word by word ("gaza" and "gaza city" meet, "jenin" and
    "tulkarm" do not) or as a report of the block says (``within``: rafah in gaza)."""
    if not mine or not theirs:
        return False
    return not any(_meet(a, b, within) for a in mine for b in theirs)


def _meet(a: str, b: str, within: Mapping[str, frozenset[str]]) -> bool:
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    return b in within.get(a, ()) or a in within.get(b, ())


@dataclass(frozen=True, slots=True)
class Reading:
    """What the places of a merge read in one sentence: the places it names after a cue
    (``placenames.place_names``), its capitalized runs, the occurrences it tells as what
    happened (``told_occurrences``) and whom or what they befell (``objects.befallen``)."""

    names: Named
    runs: frozenset[str]
    told: frozenset[str]
    befell: frozenset[str]


def read_sentence(sentence: str) -> Reading:
    """The ``Reading`` of a sentence."""
    told = told_occurrences(sentence)
    names, runs = read_places(sentence)
    return Reading(names, runs, told, befallen(sentence, told))


@dataclass(slots=True)
class Places:
    """The specific places each event of the block being merged names, and the places its
    reports say each place lies in.

    One lives for one merge (``Comparer.places``): it keeps each sentence's ``Reading``
    while the merge runs (a sentence dated twice is read once), and the readings go with it.
    """

    named: dict[str, frozenset[str]] = field(default_factory=dict)
    within: dict[str, frozenset[str]] = field(default_factory=dict)
    told: dict[str, frozenset[str]] = field(default_factory=dict)
    """The occurrences each event tells as what happened (``telling.foreground``)."""
    befell: dict[str, frozenset[str]] = field(default_factory=dict)
    """Whom or what those occurrences befell (``objects.befallen``)."""
    weights: Weights = field(default_factory=lambda: Weights({}, 0.0))
    readings: dict[str, Reading] = field(default_factory=dict)
    """Each sentence's reading, by its text, as far as this merge asked for it."""

    def locate(self, block: Sequence[Event], weights: Weights) -> None:
        """Find the places of a block's events, once each: the names after "in", "at", "on"
        ... of any of its reports (and its datelines' places) are the block's known places,
        and a report names those it holds; a region (``BROAD_WEIGHT``) is left out; and
        the occurrences each report tells (``told_occurrences``)."""
        self.locate_texts({event.id: event.clause or event.text for event in block}, weights)

    def locate_texts(self, texts: Mapping[str, str], weights: Weights) -> None:
        """``locate`` for reports given as their texts, by event id."""
        read = {event_id: self.reading(text) for event_id, text in texts.items()}
        within: dict[str, set[str]] = defaultdict(set)
        for event_id, text in texts.items():
            for name, outer in read[event_id].names:
                within[name].update(outer)
            filed = dateline_within(text)
            if filed is not None:
                within[filed[0]].add(filed[1])
        known = frozenset(within)
        specific = frozenset(name for name in known if not _broad(name, weights))
        self.named = {
            event_id: places_of(found.names, found.runs, known) & specific
            for event_id, found in read.items()
        }
        self.within = {name: frozenset(outer) for name, outer in within.items()}
        self.told = {event_id: found.told for event_id, found in read.items()}
        self.befell = {event_id: found.befell for event_id, found in read.items()}
        self.weights = weights

    def reading(self, sentence: str) -> Reading:
        """A sentence's ``Reading``, read once in this merge."""
        found = self.readings.get(sentence)
        if found is None:
            found = self.readings[sentence] = read_sentence(sentence)
        return found

    def of(self, event_id: str) -> frozenset[str]:
        """The specific places an event of the block names (none when it names none)."""
        return self.named.get(event_id, frozenset())

    def where(self, event_id: str) -> Where:
        """The places an event of the block names, the occurrences it tells and whom or
        what they befell."""
        none = frozenset[str]()
        return self.of(event_id), self.told.get(event_id, none), self.befell.get(event_id, none)

    def meet(self, a: str, b: str) -> bool:
        """True when two events of the block each name a place, and a place of one is, or
        holds, or lies in a place of the other."""
        mine, theirs = self.of(a), self.of(b)
        return bool(mine and theirs) and not apart_places(mine, theirs, self.within)

    def apart(self, a: str, b: str, words: Mapping[str, frozenset[str]]) -> bool:
        """True when two events of the block tell different happenings by where they put
        them or by what they tell happened there (``apart_from``)."""
        return self.apart_from(a, self.where(b), words.get(b, frozenset()), words)

    def apart_from(
        self, a: str, where: Where, theirs: frozenset[str], words: Mapping[str, frozenset[str]]
    ) -> bool:
        """``apart`` for event ``a`` and a report telling ``where`` in the words ``theirs``
        (what ``apart`` depends on of the other event): the two name places that do not
        meet and share no figure, or they tell one occurrence befalling other targets or
        people and share no figure (``objects.other_objects``), or both at once, figure or
        not (a toll two happenings share by chance does not outweigh two places and two
        targets), or they tell different occurrences and share nothing but where
        (``other_occurrences``)."""
        mine = words.get(a, frozenset())
        places, told, befell = where
        elsewhere = apart_places(self.of(a), places, self.within)
        one = not self.told.get(a, frozenset()).isdisjoint(told)
        other = one and other_objects(self.befell.get(a, frozenset()), befell)
        if (elsewhere and other) or ((elsewhere or other) and not shares_figure(mine, theirs)):
            return True
        mine_told = (mine, self.told.get(a, frozenset()))
        return other_occurrences(mine_told, (theirs, told), self.of(a) | places, self.weights)


_NO_EVIDENCE = content_words(
    """witness witnesses medic medics paramedic paramedics rescuer rescuers resident
    residents civil defence defense ministry health people killed wounded injured dead
    """
    + " ".join(PLACE_NOUNS)
)
"""Words two reports of different happenings of one place share as often as not: who told
them ("witnesses", "medics", "the civil defence", "the health ministry"), the tolls every
report of a war gives ("killed", "wounded"), and the nouns of a place ("camp", "city")."""


def told_occurrences(sentence: str) -> frozenset[str]:
    """The occurrences (``similarity.occurrence_words``) a sentence tells as what happened
    (``telling.foreground``): not those it gives as background, a plan, or a description."""
    found = occurrence_words(frozenset(stems(sentence)))
    return frozenset(word for word in found if foreground(sentence, word))


def other_occurrences(
    mine: tuple[frozenset[str], frozenset[str]],
    theirs: tuple[frozenset[str], frozenset[str]],
    named: frozenset[str],
    weights: Weights,
) -> bool:
    """True when two reports, each given as its words and the occurrences it tells, tell
    different happenings of one place (or of none): each tells an occurrence as what
    happened, the two share no word of an occurrence ("airstrike" and "bombing" are one),
    and the words they share are only where (the places ``named``, a region), who told
    it, and a toll: no figure, no name of who acted or was hit, no target ("the market"),
    unless the two occurrences are of other kinds (``objects.other_kinds``: a strike and a
    convoy at one market are two happenings there).
    Where alone is no evidence of one happening: a strike and an aid convoy in one town
    on one day are two."""
    (my_words, my_told), (their_words, their_told) = mine, theirs
    if not my_told or not their_told:
        return False  # a report that tells no occurrence may be of either
    if occurrence_words(my_words) & occurrence_words(their_words):
        return False
    shared = (my_words & their_words) - _NO_EVIDENCE - _place_words(named)
    if other_kinds(my_told, their_told):
        shared -= SITES  # a strike on the market, a convoy reaching it: where, again
    return not any(_evidence(word, weights) for word in shared)


def _evidence(word: str, weights: Weights) -> bool:
    """True for a shared word that says which happening two reports tell: a figure, or a
    word rarer than a region's (a name, a target); not a year, nor a word of the war."""
    if word[0].isdigit():
        return is_figure(word)
    return weights.weight(word) >= BROAD_WEIGHT


@functools.lru_cache(maxsize=1 << 12)
def _place_words(named: frozenset[str]) -> frozenset[str]:
    return frozenset(word for name in named for word in stems(name))


def _broad(name: str, weights: Weights) -> bool:
    return all(weights.weight(word) < BROAD_WEIGHT for word in stems(name))
