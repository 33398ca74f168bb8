"""Where a report tells its happening happened: two reports of one day that name different
places ("a school in Gaza City", "a house in Rafah"; "Jenin", "Tulkarm") tell different
happenings, however many words of the war they share ("Israeli", "airstrike", "Gaza").

A place is a run of capitalized words after "in", "at", "near", "on" ... or after a verb of an
occurrence ("raided Jenin"), or a run that another report of the day names so (the block's
known places). A place meets another when it is, holds, or lies in it: word by word ("gaza"
and "gaza city") or as a report of the day says ("southern Gaza's Rafah", "the Shujaiya
district of Gaza City", "the Jenin camp in the West Bank", a dateline "JENIN, West Bank").
A region, a place in every fifth report of the build, meets all. Two reports that share a
figure tell one happening wherever they put it.

Where alone is no evidence of one happening either: two reports of one place (or of none)
that each tell an occurrence of another family ("an airstrike on the market", "a convoy
reached the clinic") and share nothing but where, who told it and the toll tell two
(``other_occurrences``).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from timeline.merge.objects import SITES, befallen, other_kinds, other_objects
from timeline.merge.similarity import (
    Weights,
    content_words,
    is_figure,
    occurrence_words,
    shares_figure,
    stems,
)
from timeline.merge.text import clean_text, dateline_pattern, foreground
from timeline.model import Event

BROAD_WEIGHT = 1.6
"""A place whose every word weighs less (a word of every fifth report, "Gaza" in a record
of the war in Gaza) is a region, which holds the places of many happenings."""


_PLACE_CUES = frozenset({"in", "at", "near", "outside", "across", "into", "on", "around"})
"""Words a place of a happening follows: "a strike in Rafah", "a raid on Jenin", "fighting
around Bakhmut"."""
_PLACE_MODIFIERS = frozenset(
    """the southern northern eastern western central occupied besieged nearby
    neighbouring neighboring""".split()
)
"""Words that may stand between the cue and the place: "in southern Gaza"."""
_PLACE_NOUNS = frozenset(
    """of city town village district neighbourhood neighborhood area camp refugee suburb
    suburbs outskirts region province governorate , in""".split()
)
"""Words that link a place to the place it lies in: "the Shujaiya district of Gaza City",
"the Jenin camp in the West Bank", "Jenin, West Bank"."""
_NOT_PLACES = frozenset(
    """I Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept Sept.
    Oct Oct. Nov Nov. Dec Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December""".split()
)
_AREAS = frozenset(
    """city town village district neighbourhood neighborhood area camp suburb suburbs
    outskirts region province governorate""".split()
)
"""Nouns of a place that "of" and a name may follow: "the market area of Bureij", "the
outskirts of Rafah"."""
_ACTORS = frozenset(
    """forces troops army military police soldiers officials authorities government media
    jets warplanes drones tanks targets positions fighters militants commanders leaders
    members""".split()
)
_LINKS = frozenset({"in", "of", ","})
_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
_DATELINE_REGION = re.compile(dateline_pattern())
_RAIDS = frozenset({"raid", "raided", "raiding", "raids", "stormed", "besieged", "shelled"})
"""Nouns after which a capitalized word is who acted, not where: "in Israeli strikes",
"in Israeli army raids"."""
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\S")

Named = tuple[tuple[str, tuple[str, ...]], ...]
"""Each place a sentence names, lower case, with the places it is said to lie in."""
Where = tuple[frozenset[str], frozenset[str], frozenset[str]]
"""What a report tells of its happening besides its words: the specific places it names,
the occurrences it tells as what happened (``Places.told``) and whom or what they befell
(``objects.befallen``)."""


@functools.lru_cache(maxsize=1 << 16)
def place_names(sentence: str) -> Named:
    """The places a sentence tells something happened in: the capitalized words after "in",
    "at", "near", "on" ... ("in Rafah"), one name a run of them ("gaza city"), each with the
    places the sentence says it lies in ("in southern Gaza's Rafah": rafah in gaza; "the
    Shujaiya district of Gaza City": shujaiya in gaza city); not a name that qualifies an
    actor or an occurrence ("in Israeli strikes")."""
    tokens = _tokens(sentence)
    found: list[tuple[str, tuple[str, ...]]] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if (
            token.lower() in _PLACE_CUES
            or _targets(token, tokens[at : at + 1])
            or (token == "of" and at > 1 and tokens[at - 2] in _AREAS)
        ):
            names, outer, at = _names_after(tokens, at)
            if names:
                found.append((names[0], tuple(outer + names[1:])))
        elif _capital(token) and at > 1 and _lies(tokens[at - 2]):
            found.extend(_lying_in(tokens, at - 1))
    return tuple(found)


def _capital(token: str) -> bool:
    """True for a word of a name: capitalized, or after a particle ("al-Balah")."""
    return token[:1].isupper() or ("-" in token[1:4] and _PARTICLE.match(token) is not None)


def _tokens(sentence: str) -> list[str]:
    """A sentence's words and marks, without the dateline or time stamp it starts with."""
    return _TOKEN.findall(clean_text(sentence))


@functools.lru_cache(maxsize=1 << 16)
def _runs(sentence: str) -> frozenset[str]:
    return frozenset(" ".join(run) for run in _capitalized_runs(_tokens(sentence)))


def dateline_within(sentence: str) -> tuple[str, str] | None:
    """The place a dateline files from and the region it gives it ("DEIR AL-BALAH, Gaza —":
    deir al-balah in gaza), if the sentence starts with one that gives a region."""
    match = _DATELINE_REGION.match(sentence)
    if match is None:
        return None
    return " ".join(match[1].lower().split()), " ".join(match[2].lower().split())


def _targets(token: str, following: list[str]) -> bool:
    """True for a verb of an occurrence followed by a capitalized word: what it names is
    the place struck ("raided Jenin", "hit Rafah")."""
    return (
        token.islower()
        and bool(following)
        and following[0][:1].isupper()
        and (
            token in _RAIDS
            or bool(occurrence_words(frozenset(stems(token))) - _OF_PEOPLE - _TOWARD)
        )
    )


_OF_PEOPLE = content_words(
    "arrested freed rescued sacked elected convicted sentenced acquitted fined sued shot"
    " diagnosed infected installed"
)
"""Occurrences whose object is who, not where: "arrested Ahmed Jaber" names no place."""
_TOWARD = content_words("reached arrived delivered")
"""Occurrences whose object is where something went, not where it happened: "the convoy
reached Israel" and "the hostages were carried out of Gaza City" tell one handover."""


def _lies(before: str) -> bool:
    """True when a capitalized run after the word ``before`` may name a place said to lie
    in another: not the sentence's first word ("Chemists in Torbay" are no place), nor whom
    an occurrence befell ("arrested Ahmed Jaber in Jenin")."""
    if _capital(before):
        return False
    return not (before.islower() and frozenset(stems(before)) & _OF_PEOPLE)


def _lying_in(tokens: list[str], at: int) -> list[tuple[str, tuple[str, ...]]]:
    """A place said to lie in another, named without a cue: "raided the Jenin refugee camp
    in the West Bank" (jenin in west bank); nothing for any other capitalized run."""
    run: list[str] = []
    while at < len(tokens) and _capital(tokens[at]) and tokens[at] not in _NOT_PLACES:
        run.append(tokens[at].lower())
        at += 1
    nouns = at
    while at < len(tokens) and tokens[at] in _PLACE_NOUNS and tokens[at] not in _LINKS:
        at += 1
    link = tokens[at] if at < len(tokens) else ""
    if not run or not (link == "in" or (link == "of" and at > nouns)):
        return []
    names, owners, _ = _names_after(tokens, at + 1)
    return [(" ".join(run), tuple(owners + names))] if names else []


def _names_after(tokens: list[str], at: int) -> tuple[list[str], list[str], int]:
    """The place names of the phrase that starts at ``tokens[at]``: the names in order,
    those that own another ("Gaza's") apart, and where the phrase ends."""
    names: list[str] = []
    owners: list[str] = []
    run: list[str] = []
    while at < len(tokens):
        token = tokens[at]
        bare = token.removesuffix("'s").removesuffix("’s")
        if _capital(bare) and bare not in _NOT_PLACES:
            run.append(bare.lower())
            if bare != token:  # "Gaza's Rafah": a name ends at its possessive
                owners.append(" ".join(run))
                run = []
        elif token in _LINKS and not (run or names):
            break  # "flowed in, the Associated Press reported": no place yet to link
        elif token in _PLACE_MODIFIERS or token in _PLACE_NOUNS:
            if run:
                names.append(" ".join(run))
                run = []
        else:
            break
        at += 1
    if run and not _qualifies(tokens[at] if at < len(tokens) else ""):
        names.append(" ".join(run))
    return names, owners, at


def _qualifies(word: str) -> bool:
    """True when a capitalized run followed by ``word`` names who acted or what happened
    rather than a place ("Israeli strikes", "Israeli forces")."""
    if not word.islower():
        return False
    return word in _ACTORS or bool(occurrence_words(frozenset(stems(word))))


def named_places(sentence: str, known: frozenset[str]) -> frozenset[str]:
    """The places a sentence names: those after a cue (``place_names``, not the places
    they lie in) and every run of capitalized words that is a ``known`` place ("Israeli
    forces raided Jenin", Jenin being a place another report names after "in")."""
    runs = _runs(sentence)
    outer = {name for _, within in place_names(sentence) for name in within}
    return frozenset(({name for name, _ in place_names(sentence)} | (runs & known)) - outer)


def _capitalized_runs(tokens: list[str]) -> list[list[str]]:
    """Every run of capitalized words of a sentence that may name a place, lower case, a
    possessive ending one; not a run that qualifies the word after it ("a Gaza ceasefire",
    "the Associated Press reported", "Gulf oil")."""
    runs: list[list[str]] = []
    run: list[str] = []
    for token in tokens:
        bare = token.removesuffix("'s").removesuffix("’s")
        if _capital(bare) and bare not in _NOT_PLACES:
            run.append(bare.lower())
            if bare == token:
                continue
            runs.append(run)
            run = []
            continue
        if run and not (token.islower() and token not in _FREE_AFTER):
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return runs


_FREE_AFTER = (
    _PLACE_NOUNS
    | _PLACE_CUES
    | frozenset(
        """and or but to from with by for was were is are has had have as after before while
    when where which who that this late early overnight""".split()
    )
)
"""Words after which a capitalized run may still be a place ("raided Jenin and ..."): the
others make it a word that qualifies them."""


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


@dataclass(slots=True)
class Places:
    """The specific places each event of the block being merged names, and the places its
    reports say each place lies in."""

    named: dict[str, frozenset[str]] = field(default_factory=dict)
    within: dict[str, frozenset[str]] = field(default_factory=dict)
    told: dict[str, frozenset[str]] = field(default_factory=dict)
    """The occurrences each event tells as what happened (``text.foreground``)."""
    befell: dict[str, frozenset[str]] = field(default_factory=dict)
    """Whom or what those occurrences befell (``objects.befallen``)."""
    weights: Weights = field(default_factory=lambda: Weights({}, 0.0))

    def locate(self, block: Sequence[Event], weights: Weights) -> None:
        """Find the places of a block's events, once each: the names after "in", "at", "on"
        ... of any of its reports (and its datelines' places) are the block's known places,
        and a report names those it holds; a region (``BROAD_WEIGHT``) is left out; and
        the occurrences each report tells (``told_occurrences``)."""
        texts = {event.id: event.clause or event.text for event in block}
        within: dict[str, set[str]] = defaultdict(set)
        for text in texts.values():
            for name, outer in place_names(text):
                within[name].update(outer)
            filed = dateline_within(text)
            if filed is not None:
                within[filed[0]].add(filed[1])
        known = frozenset(within)
        specific = frozenset(name for name in known if not _broad(name, weights))
        self.named = {
            event_id: named_places(text, known) & specific for event_id, text in texts.items()
        }
        self.within = {name: frozenset(outer) for name, outer in within.items()}
        self.told = {event_id: told_occurrences(text) for event_id, text in texts.items()}
        self.befell = {
            event_id: befallen(text, self.told[event_id]) for event_id, text in texts.items()
        }
        self.weights = weights

    def of(self, event_id: str) -> frozenset[str]:
        """The specific places an event of the block names (none when it names none)."""
        return self.named.get(event_id, frozenset())

    def where(self, event_id: str) -> Where:
        """The places an event of the block names, the occurrences it tells and whom or
        what they befell."""
        none = frozenset[str]()
        return self.of(event_id), self.told.get(event_id, none), self.befell.get(event_id, none)

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
    + " ".join(_PLACE_NOUNS)
)
"""Words two reports of different happenings of one place share as often as not: who told
them ("witnesses", "medics", "the civil defence", "the health ministry"), the tolls every
report of a war gives ("killed", "wounded"), and the nouns of a place ("camp", "city")."""


def told_occurrences(sentence: str) -> frozenset[str]:
    """The occurrences (``similarity.occurrence_words``) a sentence tells as what happened
    (``text.foreground``): not those it gives as background, a plan, or a description."""
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
