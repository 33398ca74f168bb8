"""The occurrence a report's date dates: "the explosion late Tuesday", "exploded in flames on
April 20", "On Wednesday night, a leak was discovered".

Two reports of one day whose dates each date the same occurrence ("an explosion on Tuesday
night", "the explosion late Tuesday") tell it when they share one word more that is rarer
than a region's, however small a part of their words that is and whatever clause the
occurrence stands in ("after the explosion late Tuesday" tells the explosion's date, not a
happening after it). Where, whom, what numbers or names and which time of the day still
keep two happenings apart (``places.py``, ``other_names``); a toll is no occurrence
(``similarity._OCCURRENCES``).
"""

from __future__ import annotations

import functools
import math
import re

from timeline.merge.clusters import MIN_SHARED, Cluster, Comparer, closest_cluster
from timeline.merge.places import BROAD_WEIGHT
from timeline.merge.similarity import content_words, occurrence_words, stem, stems
from timeline.merge.telling import announces_another
from timeline.model import DateValue, Event, EventKind, Precision

BEFORE_REACH = 12
"""How many words before its date an occurrence may stand and still be what the date
dates, in the same stretch of the sentence (no comma, semicolon, colon, dash or bracket
between): "launched a large-scale operation in the northern West Bank city of Jenin on
Tuesday"."""
AFTER_REACH = 6
"""How many words after its date: "on Wednesday by a leaking piece of equipment"."""
MEMBERS = 8
"""How many of a cluster's first reports a report is compared with by its dated occurrence:
the comparison stays bounded on a day of thousands of reports of one happening."""

_STRETCH = re.compile(r"[,;:()\[\]]|\s[-–—]+\s")
_OPENERS = frozenset({"on", "at", "in", "by", "late", "early", "shortly", "just", "around"})
"""Words that may stand before a date that opens its clause ("On Wednesday night, a leak
was discovered"): the comma after such a date does not end what it dates."""
_UNREAL = frozenset({"to", "will", "would", "could", "should", "may", "might", "must"})
"""A word just before an occurrence that makes it a plan or a possibility ("to cap")."""


def dated_occurrences(event: Event) -> frozenset[str]:
    """The occurrences (``similarity.occurrence_words``, stemmed) that an event's date
    expression dates in its clause: those of the words just before it in its stretch of the
    sentence, else of the few just after it; none for an event without an expression."""
    if event.expression is None:
        return frozenset()
    return occurrences_dated(event.clause or event.text, event.expression.text)


@functools.lru_cache(maxsize=1 << 14)
def occurrences_dated(sentence: str, expression: str) -> frozenset[str]:
    """``dated_occurrences`` of a sentence and the text of its date expression (its first
    use in the sentence)."""
    at = sentence.find(expression)
    if at < 0 or not expression:
        return frozenset()
    before = _STRETCH.split(sentence[:at])
    after = _STRETCH.split(sentence[at + len(expression) :])
    found = _before(before[-1])
    if found:
        return found
    following = after[0]
    if len(after) > 1 and _opens(before[-1]) and not following.strip():
        following = after[1]  # "On Wednesday night, a leak was discovered"
    near = _real(stems(following))[:AFTER_REACH]
    cue = next((i for i, word in enumerate(near) if word in _ELSE), len(near))
    return occurrence_words(frozenset(near[:cue]))


_ELSE = frozenset(
    {"after", "since", "before", "following", "until", "amid", "during"}
    | {"and", "but", "or", "while", "as", "when", "which", "that", "who", "where"}
)
"""Words after a date that open another happening's time or another clause: "withdrew on
Tuesday after the explosion" dates the withdrawal, not the explosion, and "was at 6,700
psi on Friday morning and steadily rising" no rise."""


def occurrences_before(event: Event) -> frozenset[str]:
    """The occurrences just before an event's date in its stretch of the sentence, which
    the date dates whatever the sentence says around them ("the earthquake struck around 5
    o'clock"); not those after it ("said on Tuesday night the strikes were only the
    beginning" dates the saying)."""
    if event.expression is None:
        return frozenset()
    told = event.clause or event.text
    at = told.find(event.expression.text)
    if at < 0 or not event.expression.text:
        return frozenset()
    return _before(_STRETCH.split(told[:at])[-1])


def _before(stretch: str) -> frozenset[str]:
    return occurrence_words(frozenset(_real(stems(stretch))[-BEFORE_REACH:]))


def _opens(before: str) -> bool:
    """True when nothing but an opener stands before a date in its stretch: the date opens
    its clause."""
    return all(word in _OPENERS for word in before.lower().split())


def _real(words: list[str]) -> list[str]:
    """The words, without an occurrence told as a plan or a possibility (just after "to" or
    a modal): "vowed to strike", "could collapse"."""
    return [word if i == 0 or words[i - 1] not in _UNREAL else "" for i, word in enumerate(words)]


def dated_kin(
    event: Event,
    by_word: dict[str, set[int]],
    clusters: list[Cluster],
    comparer: Comparer,
    reaction: bool,
) -> int | None:
    """The cluster of another report whose date dates the same occurrence as the event's
    (``dated_occurrences``: "the explosion late Tuesday", "ripped by an explosion and fire
    on Tuesday night"), when they share one word more and nothing keeps them apart
    (another place, target, number or time of the day); of several clusters, the closest.
    A recall too: its date names the occurrence it recalls. Only reports of a day, never
    announcing another happening."""
    if event.kind is not EventKind.HAPPENED or event.id in comparer.apart:
        return None
    if event.date.precision.rank > Precision.DAY.rank:
        return None
    if announces_another(event.clause or event.text):
        return None
    dated = dated_occurrences(event)
    if not dated:
        return None
    candidates = sorted({i for word in dated for i in by_word.get(word, ())})
    return closest_cluster(
        event,
        candidates,
        clusters,
        comparer,
        kinship=lambda member: kinship(event, member, dated, comparer),
        reaction=reaction,
        members=MEMBERS,
        floor=0.0,
        inclusive=False,
    )


def kinship(event: Event, member: Event, dated: frozenset[str], comparer: Comparer) -> float:
    """How much of the lighter report two reports share when their dates date a same
    occurrence, they share one word more, rarer than a region's (who, where, a figure: not
    "crossing" in a record of crossings), their times of the day agree and neither is
    announced as another happening; else 0."""
    if member.kind is not EventKind.HAPPENED or _other_times(event.date, member.date):
        return 0.0
    if announces_another(member.clause or member.text):
        return 0.0
    dated_shared = dated & dated_occurrences(member)
    if not dated_shared or comparer.elsewhere(event.id, member.id):
        return 0.0
    if other_names(event.clause or event.text, member.clause or member.text):
        return 0.0
    shared = comparer.words[event.id] & comparer.words[member.id]
    weight = comparer.weights.weight
    if len(shared) < MIN_SHARED or all(weight(w) < BROAD_WEIGHT for w in shared - dated_shared):
        return 0.0
    lighter = min(comparer.total(event.id), comparer.total(member.id))
    return comparer.weights.of(shared) / lighter if lighter > 0 else math.inf


def _other_times(a: DateValue, b: DateValue) -> bool:
    """True when two dates of one day each give a time or part of the day, and not the
    same one ("Tuesday morning", "Tuesday night"): two occurrences of one kind."""
    finer = Precision.TIME
    return a.precision is finer and b.precision is finer and a.value != b.value


_NUMBERED = re.compile(r"\b([A-Za-z][A-Za-z-]+)\s+(?:No\.\s*)?(\d+(?:[-/]\d+)*)\b")
_NAMED = re.compile(r"\b((?:[A-Z][\w'-]*\s+)+)([a-z][a-z-]+)\b")
_APPROXIMATE = frozenset(
    {"nearly", "almost", "roughly", "approximately", "some", "about", "around", "over", "up"}
)
"""Words before a figure that give its size, not a name: "nearly 80", "up to 5,000"."""


def other_names(a: str, b: str) -> bool:
    """True when two sentences name one kind of thing by different numbers ("checkpoint
    22" and "checkpoint 78", "Convoy 3-1" and "Convoy 5-2", "Route 60" and "Route 4") or
    by different names ("the Rafah crossing" and "the Kerem Shalom crossing", "Israeli
    forces" and "Palestinian forces"): two things, so two happenings however alike the
    rest. A count ("11 workers", "126 workers") is no name: the number comes after the
    word it names."""
    return _apart(_numbered(a), _numbered(b)) or _apart(_named(a), _named(b))


def _apart(mine: dict[str, frozenset[str]], theirs: dict[str, frozenset[str]]) -> bool:
    return any(mine[word].isdisjoint(theirs[word]) for word in mine.keys() & theirs.keys())


@functools.lru_cache(maxsize=1 << 14)
def _numbered(sentence: str) -> dict[str, frozenset[str]]:
    """The numbers each word of a sentence names things by ("checkpoint 22"), by the word's
    stem; not a size ("nearly 80"), a verb's figure ("killed 12") nor a date's day ("April
    20")."""
    found: dict[str, set[str]] = {}
    for word, number in _NUMBERED.findall(sentence):
        lower = word.lower()
        if lower in _APPROXIMATE or lower.endswith(("ed", "ing")) or not content_words(lower):
            continue  # a size, a verb ("killed 12"), a month or a word of no content
        found.setdefault(stem(lower), set()).add(number)
    return {word: frozenset(numbers) for word, numbers in found.items()}


@functools.lru_cache(maxsize=1 << 14)
def _named(sentence: str) -> dict[str, frozenset[str]]:
    """The names each word of a sentence follows ("the Rafah crossing": crossing by
    rafah), by the word's stem: the name's words that say something (not "The", a weekday
    or a month) before a word that says something (not "said")."""
    found: dict[str, set[str]] = {}
    for name, word in _NAMED.findall(sentence):
        named, noun = content_words(name), content_words(word)
        if named and noun:
            found.setdefault(min(noun), set()).add(" ".join(sorted(named)))
    return {word: frozenset(names) for word, names in found.items()}
