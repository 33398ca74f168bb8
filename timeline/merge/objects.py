"""Whom or what an occurrence befell: two reports of one occurrence, one day and one town
that name other targets ("an airstrike on the school", "an airstrike on the camp") or other
people ("arrested Ahmed Jaber", "arrested Omar Khalil") tell two happenings.

A target is a noun of a built site (a short list: "school", "hospital", "market", "house",
"tent", "car" ...) that an occurrence word governs: right after it, or after "on", "at",
"against", "into" and an article, with at most two words between ("an airstrike on the
crowded market", "hit a UN-run school", "reached the clinic", "fled the market area"). A
person is the run of capitalized words right after an occurrence that befalls people
("arrested Ahmed Jaber", "freed Ohad Ben Ami"). Neither is looked for in a clause that is
background or planned: only after the occurrences a report tells as what happened.
"""

from __future__ import annotations

import re

from timeline.merge.similarity import content_words, occurrence_words, stem, stems

SITES = content_words(
    """school schools hospital hospitals market markets mosque mosques church churches
    bakery bakeries shelter shelters clinic clinics house houses home homes building
    buildings tower towers apartment apartments tent tents camp camps car cars vehicle
    vehicles truck trucks bus buses ambulance ambulances checkpoint checkpoints base bases
    bridge bridges port airport station stations plant factory factories university
    office offices headquarters compound warehouse warehouses shop shops cafe restaurant
    hotel prison embassy ship ships tanker boat boats kindergarten orphanage cemetery
    stadium playground"""
)
"""Nouns of a built place that an occurrence may befall ("a strike on the school")."""
_LINKS = frozenset({"on", "at", "against", "into", "onto", "upon"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "two", "three"})
_BETWEEN = 2
_OF_PEOPLE = content_words(
    "arrested freed released rescued shot sacked elected convicted sentenced acquitted fined sued"
)
"""Occurrences that befall people, whose object is who ("arrested Ahmed Jaber")."""
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\S")


def befallen(sentence: str, told: frozenset[str]) -> frozenset[str]:
    """The targets ("school") and people ("ahmed jaber") that the occurrences ``told`` (as
    ``similarity.occurrence_words`` gives them) befall in a sentence."""
    if not told:
        return frozenset()
    tokens = _TOKEN.findall(sentence)
    found: set[str] = set()
    for at, token in enumerate(tokens):
        occurrence = _occurrence(token)
        if not occurrence or not occurrence & told:
            continue
        target = _target(tokens, at + 1)
        if target is not None:
            found.add(target)
        elif occurrence & _OF_PEOPLE:
            person = _person(tokens, at + 1)
            if person:
                found.add(person)
    return frozenset(found)


def _occurrence(token: str) -> frozenset[str]:
    if not token[:1].islower() or len(token) < 3:
        return frozenset()
    stemmed = frozenset((stem(token),))
    return occurrence_words(stemmed)


def _target(tokens: list[str], at: int) -> str | None:
    """The site noun governed by the occurrence before ``tokens[at]``, if any."""
    if at < len(tokens) and tokens[at] in _LINKS:
        at += 1
    if at < len(tokens) and tokens[at].lower() in _DETERMINERS:
        at += 1
    for word in tokens[at : at + _BETWEEN + 1]:
        if not (word[:1].islower() or ("-" in word and word[-1:].islower())):
            return None  # a name ("the Jenin camp") or a mark: a place, not a target
        stemmed = stems(word)
        if stemmed and stemmed[0] in SITES:
            return stemmed[0]
    return None


def _person(tokens: list[str], at: int) -> str:
    """The name right after an occurrence that befalls people ("arrested Ahmed Jaber")."""
    run = []
    while at < len(tokens) and tokens[at][:1].isupper():
        run.append(tokens[at].lower())
        at += 1
    return " ".join(run) if len(run) >= 2 else ""


_KINDS = {
    kind: content_words(words)
    for kind, words in {
        "harm": """strike attack explode shell bomb hit fire shoot shot destroy collapse crash
        burn operation clash seize invade sink quake""",
        "arrival": "arrive reach deliver",
        "departure": "flee evacuate withdraw",
    }.items()
}
"""Kinds of occurrence: what harms (a strike, a blast, a raid), what arrives (a convoy
reaching a town, aid delivered) and who leaves (families fleeing, troops withdrawing)."""


def kinds(told: frozenset[str]) -> frozenset[str]:
    """The kinds of the occurrences a report tells (``_KINDS``)."""
    return frozenset(kind for kind, words in _KINDS.items() if not words.isdisjoint(told))


def other_kinds(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """True when two reports tell occurrences of known kinds and of no kind in common: an
    airstrike on the market and a convoy reaching it, a convoy reaching the bakery and
    families fleeing it. A target they share then says only where, not which happening."""
    my_kinds, their_kinds = kinds(mine), kinds(theirs)
    return bool(my_kinds) and bool(their_kinds) and my_kinds.isdisjoint(their_kinds)


def other_objects(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """True when two reports of one occurrence name whom or what it befell and none of
    one's is the other's."""
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)
