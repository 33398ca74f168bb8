"""Which report gives an entry its text: the clearest standalone sentence, the one with fewest
faults (a first word leaning on the sentence before, a quotation, a forecast, too short or too
long, no full stop, a bracket cut open), then the one its reports agree on. The sentences are
cleaned of what a page ran into them first (``text.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from timeline.merge.similarity import content_words

_DANGLING = frozenset(
    """it he she they this that these those his her their its him them we i you our us but
    and or so yet also however meanwhile then still instead besides moreover furthermore
    which who whose where while though although because otherwise nonetheless
    nevertheless thus hence such both""".split()
)
"""First words that lean on a sentence before: a pronoun, a conjunction, a linking adverb."""
_FIRST_WORD = re.compile(r"[\"“‘'(\[]*([A-Za-z]+)")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|we're|our|Our|my|My)\b")
_ENDS = (".", "!", '."', ".”", "!”", '!"', ".'", ".’", ".)")
_SHORT, _LONG, _TOO_LONG = 50, 280, 400
_FORECAST_WORDS = ("expected", "due", "scheduled", "set to", "likely", "will", "would")
"""What ``_FORECAST`` can match at all, looked for first."""
_FORECAST = re.compile(
    r"\b(?:(?:is|are|was|were) (?:expected|due|scheduled|set|likely) to|will|would)\b"
    r"|\b(?:expected|scheduled) (?:on|for|at|in)\b",
    re.IGNORECASE,
)


def leans_back(text: str) -> bool:
    """Whether a text opens with no word, or with one that leans on a sentence before it (a
    pronoun, a conjunction, a linking adverb: "It began with denial ...", "But ...")."""
    first = _FIRST_WORD.match(text)
    return first is None or first[1].lower() in _DANGLING


def ends_a_sentence(text: str) -> bool:
    """Whether a text ends with a full stop or an exclamation mark (with a closing quotation
    mark or bracket after it)."""
    return text.rstrip().endswith(_ENDS)


def clearest(sentences: Sequence[str]) -> int:
    """The place of the clearest standalone sentence among ``sentences`` (cleaned ones):
    of those with the fewest faults, the one that says most of what the others say (the
    happening as its reports tell it, not one outlet's aside), then the earliest."""
    faults = [_faults(sentence) for sentence in sentences]
    fewest = min(faults)
    places = [place for place, found in enumerate(faults) if found == fewest]
    if len(places) == 1:
        return places[0]
    words = [content_words(sentence) for sentence in sentences]
    said = Counter(word for told in words for word in told)
    shared = {place: sum(said[word] - 1 for word in words[place]) for place in places}
    return min(places, key=lambda place: (-shared[place], place))


def _faults(sentence: str) -> int:
    """How much a sentence needs the text around it, or reads badly on its own."""
    faults = 0
    if leans_back(sentence):
        faults += 2
    if sentence[:1] in "\"“‘'" or _FIRST_PERSON.search(sentence):
        faults += 1  # a quotation: someone's words, not the report
    length = len(sentence)
    if length < _SHORT or length > _TOO_LONG:
        faults += 2
    elif length > _LONG:
        faults += 1
    if not ends_a_sentence(sentence):
        faults += 1  # a headline run into the lead, a list, a question
    if broken(sentence):
        faults += 2  # a piece of a sentence split at a bracket: "N), owner of the rig ..."
    lower = sentence.lower()
    if any(word in lower for word in _FORECAST_WORDS) and _FORECAST.search(sentence):
        faults += 2  # what was expected, not what happened
    return faults


def broken(sentence: str) -> bool:
    """Whether a sentence closes a bracket it never opened or leaves one open at its end:
    a piece of a longer sentence that a splitter cut inside a bracket ("N), owner of the
    rig ...", "... and Halliburton Energy Services Inc (HAL.")."""
    depth = 0
    for character in sentence:
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth < 0:
                return True
    return depth > 0
