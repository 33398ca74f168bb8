"""Which places a sentence names, and which places it says they lie in.

A place is a run of capitalized words after "in", "at", "near", "on" ... ("a strike in
Rafah"), or after a verb of an occurrence ("raided Jenin"), one name a run of them ("Gaza
City", "Deir al-Balah"), or a run that another report of the day names so (the block's
known places); not a run that qualifies the word after it ("in Israeli strikes", "a Gaza
ceasefire"), nor a sentence's first word, a weekday or a month; a verb in the past tense after
a run ends it as a place ("Shops in Khan Younis closed"). A sentence may say where a
place lies: "southern Gaza's Rafah", "the Shujaiya district of Gaza City", "the Jenin camp
in the West Bank", a dateline "JENIN, West Bank". What the places tell of two reports is
``places.py``'s.
"""

from __future__ import annotations

import re

from timeline.merge.similarity import content_words, occurrence_words, stems
from timeline.merge.text import clean_text, dateline_pattern

_PLACE_CUES = frozenset({"in", "at", "near", "outside", "across", "into", "on", "around"})
"""Words a place of a happening follows: "a strike in Rafah", "a raid on Jenin", "fighting
around Bakhmut"."""
_PLACE_MODIFIERS = frozenset(
    """the southern northern eastern western central occupied besieged nearby
    neighbouring neighboring""".split()
)
"""Words that may stand between the cue and the place: "in southern Gaza"."""
PLACE_NOUNS = frozenset(
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


def place_names(sentence: str) -> Named:
    """The places a sentence tells something happened in: the capitalized words after "in",
    "at", "near", "on" ... ("in Rafah"), one name a run of them ("gaza city"), each with the
    places the sentence says it lies in ("in southern Gaza's Rafah": rafah in gaza; "the
    Shujaiya district of Gaza City": shujaiya in gaza city); not a name that qualifies an
    actor or an occurrence ("in Israeli strikes")."""
    return _place_names(_tokens(sentence))


def read_places(sentence: str) -> tuple[Named, frozenset[str]]:
    """A sentence's ``place_names`` and ``capitalized_runs``, its words split once for
    both."""
    tokens = _tokens(sentence)
    return _place_names(tokens), _runs_of(tokens)


def _place_names(tokens: list[str]) -> Named:
    """``place_names`` of a sentence split into its words and marks."""
    found: list[tuple[str, tuple[str, ...]]] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if (
            (token.lower() in _PLACE_CUES and not _owned(tokens, at - 1))
            or (at < len(tokens) and _targets(token, tokens[at]))
            or (token == "of" and at > 1 and tokens[at - 2] in _AREAS)
        ):
            names, outer, at = _names_after(tokens, at)
            if names:
                found.append((names[0], tuple(outer + names[1:])))
        elif _capital(token) and at > 1 and _lies(tokens[at - 2]):
            found.extend(_lying_in(tokens, at - 1))
    return tuple(found)


_HOLDINGS = frozenset("share shares stake stakes holding holdings investment investments".split())
"""Words after which "in" names what is owned, not where: "Shares in BP fell", "a stake in
Orange"; a verb after such a name would make it a place (``_past_tense``)."""


def _owned(tokens: list[str], at: int) -> bool:
    """True when the cue at ``tokens[at]`` is "in" after a word of holding ("shares in")."""
    return tokens[at].lower() == "in" and at > 0 and tokens[at - 1].lower() in _HOLDINGS


def _capital(token: str) -> bool:
    """True for a word of a name: capitalized, or after a particle ("al-Balah")."""
    return token[:1].isupper() or ("-" in token[1:4] and _PARTICLE.match(token) is not None)


def _tokens(sentence: str) -> list[str]:
    """A sentence's words and marks, without the dateline or time stamp it starts with."""
    return _TOKEN.findall(clean_text(sentence))


def capitalized_runs(sentence: str) -> frozenset[str]:
    """Every run of capitalized words of a sentence that may name a place, lower case
    (``_capitalized_runs``): those ``named_places`` keeps when they are known places."""
    return _runs_of(_tokens(sentence))


def _runs_of(tokens: list[str]) -> frozenset[str]:
    """``capitalized_runs`` of a sentence split into its words and marks."""
    return frozenset(" ".join(run) for run in _capitalized_runs(tokens))


def dateline_within(sentence: str) -> tuple[str, str] | None:
    """The place a dateline files from and the region it gives it ("DEIR AL-BALAH, Gaza —":
    deir al-balah in gaza), if the sentence starts with one that gives a region."""
    match = _DATELINE_REGION.match(sentence)
    if match is None:
        return None
    return " ".join(match[1].lower().split()), " ".join(match[2].lower().split())


def _targets(token: str, following: str) -> bool:
    """True for a verb of an occurrence followed by a capitalized word: what it names is
    the place struck ("raided Jenin", "hit Rafah")."""
    return (
        token.islower()
        and following[:1].isupper()
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
    while at < len(tokens) and tokens[at] in PLACE_NOUNS and tokens[at] not in _LINKS:
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
        elif token in _PLACE_MODIFIERS or token in PLACE_NOUNS:
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
    if not word.islower() or _past_tense(word):
        return False
    return word in _ACTORS or bool(occurrence_words(frozenset(stems(word))))


_IRREGULAR_PAST = frozenset(
    """struck hit shot fell broke began blew tore threw fled fought rose ran went came took
    held left sent spread swept withdrew overran shook lost won saw met told said""".split()
)
"""Verbs in the past tense that do not end in "-ed": "Strikes in Rafah struck ..."."""
_NOUNS_IN_ED = frozenset(
    "bed shed seed need speed feed breed creed greed weed reed hundred".split()
)
"""Nouns that end in "-ed" and may follow a name: "a Gaza seed bank"."""


def _past_tense(word: str) -> bool:
    """True for a verb in the past tense: after a place ("Shops in Khan Younis closed",
    "Gunmen in Jenin attacked") it ends the place's name rather than being what the name
    qualifies, as a noun is ("in Israeli strikes")."""
    if word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _NOUNS_IN_ED


def named_places(sentence: str, known: frozenset[str]) -> frozenset[str]:
    """The places a sentence names: those after a cue (``place_names``, not the places
    they lie in) and every run of capitalized words that is a ``known`` place ("Israeli
    forces raided Jenin", Jenin being a place another report names after "in")."""
    names, runs = read_places(sentence)
    return places_of(names, runs, known)


def places_of(named: Named, runs: frozenset[str], known: frozenset[str]) -> frozenset[str]:
    """``named_places`` of a sentence whose ``place_names`` and ``capitalized_runs`` are
    read already: the names after a cue and the known places among the runs, without the
    places those are said to lie in."""
    outer = {name for _, within in named for name in within}
    return frozenset(({name for name, _ in named} | (runs & known)) - outer)


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
    PLACE_NOUNS
    | _PLACE_CUES
    | frozenset(
        """and or but to from with by for was were is are has had have as after before while
    when where which who that this late early overnight""".split()
    )
)
"""Words after which a capitalized run may still be a place ("raided Jenin and ..."): the
others make it a word that qualifies them."""
