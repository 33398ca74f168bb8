"""How alike two reports are: content words weighted by how rare they are in the corpus.

Words that every report of a war shares ("Gaza", "Israel") say little about which
happening a sentence tells; rare ones (names, numbers, "Netzarim", "handover") say a lot.
So each word weighs its inverse document frequency over all events of the build, and two
sentences are alike when the weight of their shared words is a large enough part of the
lighter sentence's weight.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|\d+(?:[.,]\d+)*")
_STOPWORDS = frozenset(
    """the and for that with from this were was are has have had its into over after before
    their they them than then there said says say about also been being which who will would
    could should while when where what more most some such other under between during
    against since until upon both each very just only not but all any can did does one two
    three new first last week month year day today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december on in at of to by as an a is it across amid
    among around despite within without through toward towards near onto off out again
    already still even another any every many much several some least most further early
    late later earlier hours hour night morning evening afternoon day days weeks months years
    his her him she he we our you your its their those these this that what jan feb mar
    apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_ATTRIBUTION = frozenset(
    """said say says saying told tell tells telling according reported report reports
    reporting reporter reporters statement statements spokesman spokeswoman spokesmen
    spokesperson spokespeople official officials monitoring group source sources quoted
    quoting cited citing added adding news agency press conference briefing interview
    correspondent wire gmt edt est bst cet pdt pst cdt utc""".split()
)
"""Words of attribution, and of the time stamps around it: every outlet's report of any
happening holds them ("officials said", "according to a monitoring group"), so two reports
sharing them share nothing about what happened."""
_OUTLETS = frozenset(
    """reuters afp ap bbc cnn msnbc nbc cbs npr pbs jazeera haaretz ynet xinhua tass
    interfax anadolu bloomberg dpa efe ansa yonhap kyodo irna wafa sana upi
    associated""".split()
)
"""Names of news organisations that other outlets quote ("told Reuters"); the article's own
outlet is left out of its words too (``report_words``)."""
_SUFFIXES = ("ings", "ing", "ed", "es", "s")
_SAME_MEANING = {
    word: meaning
    for meaning, words in {
        "free": "free freed frees freeing release released releases releasing",
        "kill": "kill killed killing killings dead death deaths died die",
        "strike": "strike strikes struck airstrike airstrikes air-strike bombing bombed bombs",
        "hostage": "hostage hostages captive captives abductee abductees",
        "prisoner": "prisoner prisoners detainee detainees inmate inmates",
        "ceasefire": "ceasefire ceasefires cease-fire truce truces",
        "operation": "operation operations offensive raid raids raided raiding incursion",
        "explode": "explode explodes exploded exploding explosion explosions blast blasts",
        "sink": "sink sinks sank sinking sunk",
        "quake": "quake quakes earthquake earthquakes tremor tremors",
        "injure": "injure injured injuring injuries injury wound wounded wounding",
        "evacuate": "evacuate evacuated evacuating evacuation evacuations",
        "attack": "attack attacks attacked attacking assault assaults assaulted",
        "shell": "shell shells shelled shelling artillery",
        "invade": "invade invaded invading invasion",
        "withdraw": "withdraw withdraws withdrew withdrawn withdrawing withdrawal",
        "arrest": "arrest arrests arrested arresting",
        "resign": "resign resigns resigned resigning resignation",
        "flee": "flee flees fled fleeing",
        "seize": "seize seizes seized seizing seizure capture captures captured capturing",
        "crash": "crash crashes crashed crashing",
        "rescue": "rescue rescues rescued rescuing",
        "clash": "clash clashes clashed clashing",
        "israel": "israel israeli israelis",
        "palestinian": "palestinian palestinians",
        "gaza": "gaza gazan gazans",
        "dive": "dive dives dived diving dove",
        "fall": "fall falls fell falling fallen",
        "rise": "rise rises rose rising risen",
        "vote": "vote votes voted voting",
        "cancel": "cancel cancels cancelled canceled cancelling canceling cancellation",
        "sue": "sue sues sued suing lawsuit lawsuits",
        "arrive": "arrive arrives arrived arriving arrival arrivals",
        "deliver": "deliver delivers delivered delivering delivery deliveries",
        # the noun of an occurrence beside its verb: "installed" and "the installation"
        "install": "install installs installed installing installation installations",
        "suspend": "suspend suspends suspended suspending suspension suspensions",
        "clos": "close closes closed closing closure closures",
        "approv": "approve approves approved approving approval",
        "reject": "reject rejects rejected rejecting rejection",
        "convict": "convict convicted convicting conviction convictions",
        "acquit": "acquit acquits acquitted acquitting acquittal",
        "infect": "infect infects infected infecting infection infections",
        "destroy": "destroy destroys destroyed destroying destruction",
        "postpon": "postpone postpones postponed postponing postponement",
        "devastat": "devastate devastates devastated devastating devastation",
    }.items()
    for word in words.split()
}
"""Words news uses for the same thing; one of them stands for all, before stemming."""


_OCCURRENCES = """strike attack explode sink quake evacuate shell invade withdraw arrest
    resign flee seize crash rescue clash free fire shoot shot bomb hit destroy collapse
    stop halt leak burn dive land launch open close sign approve reject vote elect fall
    plunge rise surge cut slash raise lower sack fine sue convict sentence acquit
    bankruptcy install seal test slaughter cull quarantine diagnose infect ban suspend
    cancel postpone delay arrive reach deliver operation""".split()
"""Verbs and nouns of an occurrence ("sank", "the explosion", "shares plunged", "the
leak"): what a report says happened, as against who or where. Two tellings of one day that
share one of them, and more, tell one happening (``retelling.retells``, ``blocks._kin``);
two that each tell one and share none, nor anything but where, tell two
(``places.other_occurrences``). Not the consequences every report of a war repeats
("killed", "injured"), nor words of telling ("confirmed", "admitted", "declared")."""


_TOLLS = frozenset({"kill", "injure"})
"""The stems of a toll ("killed", "died", "the death"; "wounded", "injured")."""


def toll_words(words: frozenset[str]) -> frozenset[str]:
    """The words of a report's words that tell a toll: no occurrence between reports of
    a war, which all give one, but the happening itself of a report that tells nothing
    else ("A child has died of swine flu in Texas")."""
    return words & _TOLLS


def occurrence_words(words: frozenset[str]) -> frozenset[str]:
    """The words of a report's words (as ``content_words`` gives them) that name an
    occurrence."""
    return words & _occurrence_stems()


@functools.cache
def _occurrence_stems() -> frozenset[str]:
    return frozenset(_stem(word) for word in _OCCURRENCES)


def stems(text: str) -> list[str]:
    """Every word of a text in order, lower case, stemmed as ``content_words`` stems it
    (stop words and numbers as written)."""
    return [w if w[0].isdigit() or w in _STOPWORDS else _stem(w) for w in tokens(text)]


def tokens(text: str) -> list[str]:
    """Every word of a text in order, lower case, as written: the words ``stems`` stems,
    one for one."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Weights:
    """The inverse document frequency of every word of a corpus of sentences."""

    idf: dict[str, float]
    unseen: float

    def of(self, words: Iterable[str]) -> float:
        """The summed weight of some words.

        Summed exactly (``math.fsum``): a set's order of iteration depends on the hash seed
        of the process and on how the set was made, and a plain sum of the same weights in
        another order can differ in its last bit, enough to tip a comparison that lands on
        its threshold (weights are tenths, so ties are common). The merge must give the same
        entries in every process, and a merge kept from an earlier build those of a fresh one.
        """
        return math.fsum(map(self.idf.get, words, itertools.repeat(self.unseen)))

    def weight(self, word: str) -> float:
        """The weight of one word."""
        return self.idf.get(word, self.unseen)


def report_words(text: str, outlet: str = "") -> frozenset[str]:
    """The words a report is compared by: its ``content_words`` without those of its own
    ``outlet``'s name ("Fox News", "The Guardian")."""
    words = content_words(text)
    if outlet:
        words -= _outlet_words(outlet)
    return words


@functools.lru_cache(maxsize=1 << 10)
def _outlet_words(outlet: str) -> frozenset[str]:
    return content_words(outlet)


def content_words(text: str) -> frozenset[str]:
    """The stemmed words of a sentence that say what happened: no stop words, no words of
    attribution or outlet names, numbers kept."""
    words = set(_WORD.findall(text.lower()))
    words -= _STOPWORDS
    words -= _ATTRIBUTION
    words -= _OUTLETS
    return frozenset(
        w if w[0].isdigit() else _stem(w) for w in words if len(w) > 2 or w[0].isdigit()
    )


def corpus_weights(sentences: Iterable[frozenset[str]]) -> Weights:
    """Smoothed inverse document frequencies, so even a tiny corpus weighs words sensibly."""
    frequency: Counter[str] = Counter()
    count = 0
    for words in sentences:
        frequency.update(words)
        count += 1
    return frequency_weights(frequency, count)


def frequency_weights(frequency: Mapping[str, int], count: int) -> Weights:
    """The weights of ``corpus_weights`` from how many of ``count`` sentences hold each word."""
    idf = {word: _rounded(math.log((count + 1) / (df + 0.5))) for word, df in frequency.items()}
    return Weights(idf, _rounded(math.log((count + 1) / 0.5)))


def _rounded(weight: float) -> float:
    """Weights to a tenth: a small edit then leaves most words' weights exactly as they were,
    so a merge can keep the blocks it does not touch (and no test hangs on a last digit)."""
    return round(weight, 1)


def alike(
    a: frozenset[str],
    b: frozenset[str],
    weights: Weights,
    least: int,
    overlap: float,
    lighter: float | None = None,
) -> bool:
    """At least ``least`` shared words, weighing ``overlap`` of the lighter sentence.

    ``lighter`` is the lighter sentence's weight when the caller knows it already.
    """
    shared = a & b
    if len(shared) < least:
        return False
    if lighter is None:
        lighter = min(weights.of(a), weights.of(b))
    return lighter > 0 and weights.of(shared) / lighter >= overlap


def stem(word: str) -> str:
    """One word stemmed as ``stems`` stems it (lower case first)."""
    lower = word.lower()
    return lower if lower[:1].isdigit() or lower in _STOPWORDS else _stem(lower)


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem ('releases' and 'released' meet), after folding words of one meaning."""
    word = word.removesuffix("'s")
    if word in _SAME_MEANING:
        return _SAME_MEANING[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return _undoubled(word[: -len(suffix)])
    if word.endswith("e") and len(word) >= 5:
        return word[:-1]  # "choke" meets "choked", "place" meets "placed"
    return word


def _undoubled(stem: str) -> str:
    """A stem without the consonant its suffix doubled: "stopped" and "stops" meet."""
    if stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
        return stem[:-1]
    return stem


def shares_figure(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two reports' words share a figure ("404 people", "12 killed"): evidence
    of one happening however else they differ. A year is no figure."""
    return any(is_figure(word) for word in a & b)


def is_figure(word: str) -> bool:
    """True for a number that is no year ("404", "12"): what a figure shared is."""
    return word[0].isdigit() and not _year(word)


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2100
