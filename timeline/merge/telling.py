"""How a sentence tells an occurrence: as what happened or as the background of something
else, as a quotation, as one already told ("the leak"), as a reaction, or as another
happening announced ("meanwhile"); and who told it as a witness.

Word scans of one sentence, as ``similarity.stems`` gives its words: the merge reads them to
decide whether two reports tell one happening (``blocks.py``, ``clusters.py``).
"""

from __future__ import annotations

import re

from timeline.extract.tellingwords import ACCORDING, PLAIN
from timeline.merge.similarity import stems

_REACTION = re.compile(
    r"\b(?:condemn(?:s|ed|ing|ation)?|denounc(?:e|es|ed|ing)|deplor(?:e|es|ed|ing)"
    r"|decri(?:ed|es)|welcom(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|hail(?:s|ed|ing)"
    r"|applaud(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|slamm?(?:s|ed)|lambast(?:s|ed)?"
    r"|outrag(?:e|ed)|mourn(?:s|ed|ing)?|tributes?|condolences?|reacted|reactions?"
    r"|in response to|expressed (?:[a-z]+ ){0,2}(?:concern|regret|sorrow|shock"
    r"|outrage|sadness|grief|dismay)|(?:was|were|is|are) (?:shocked|appalled|saddened))\b",
    re.IGNORECASE,
)


_REACTION_STEMS = (
    "condemn", "denounc", "deplor", "decri", "welcom", "prais", "hail", "applaud", "critici",
    "slam", "lambast", "outrag", "mourn", "tribute", "condolence", "react", "in response to",
    "expressed", "shocked", "appalled", "saddened",
)  # fmt: skip
"""What ``_REACTION`` can match at all, looked for first: most sentences hold none."""


def is_reaction(sentence: str) -> bool:
    """True when a sentence reacts to something: condemns, welcomes, mourns it."""
    lower = sentence.lower()
    if not any(stem in lower for stem in _REACTION_STEMS):
        return False
    return _REACTION.search(sentence) is not None


_BACKGROUND_REACH = 5
_BACKGROUND_CUES = frozenset(
    {"after", "since", "before", "following", "until", "ahead", "amid", "during"}
)
_UNREAL_REACH = 2
_UNREAL_CUES = frozenset({"to", "will", "would", "could", "should", "may", "might", "must"})
_ANOTHER = re.compile(
    r"\b(?:meanwhile|separately|elsewhere|also|as well|another|in (?:exchange|return|response)"
    r"|in a separate)\b",
    re.IGNORECASE,
)


def background(sentence: str, stem: str) -> bool:
    """True when every use of a word (as ``similarity.stems`` gives it) in a sentence is
    the background of something else, within five words after "after", "since", "during"
    ... ("shares rose after the flow was stopped"), or a plan or a possibility, just after
    "to" or a modal ("decided to slaughter", "charges should be brought")."""
    told = stems(sentence)
    places = [i for i, word in enumerate(told) if word == stem]
    return bool(places) and all(
        _BACKGROUND_CUES.intersection(told[max(0, i - _BACKGROUND_REACH) : i])
        or _UNREAL_CUES.intersection(told[max(0, i - _UNREAL_REACH) : i])
        for i in places
    )


_RELATIVE_REACH = 3
_RELATIVE_CUES = frozenset({"that", "which", "who", "when"})


def foreground(sentence: str, stem: str) -> bool:
    """True when a sentence tells an occurrence (a word as ``similarity.stems`` gives it)
    as what happened: some use of it is neither ``background`` nor in a clause that
    describes something else ("oil leaking from a rig that exploded and sank")."""
    told = stems(sentence)
    return any(
        not (
            _BACKGROUND_CUES.intersection(told[max(0, i - _BACKGROUND_REACH) : i])
            or _UNREAL_CUES.intersection(told[max(0, i - _UNREAL_REACH) : i])
            or _RELATIVE_CUES.intersection(told[max(0, i - _RELATIVE_REACH) : i])
        )
        for i, word in enumerate(told)
        if word == stem
    )


_TELLERS = (
    r"(?:(?:the|his|her|their|a|local|other|several|some)\s+){0,2}"
    r"(?:medics?|paramedics?|witness(?:es)?|residents?|rescuers?|doctors?|nurses?"
    r"|relatives?|neighbou?rs?|survivors?|family|families|locals"
    r"|civil\s+defen[cs]e(?:\s+agency)?)"
)
"""Who tells what they saw, as against who acted: "medics", "witnesses", "the civil
defence", "his family"."""
_ATTRIBUTED = re.compile(
    rf",\s+(?:according\s+to\s+{_TELLERS}|{_TELLERS}\s+"
    r"(?:said|say|says|reported|added|told\b[^,;]{0,40})[^,;]{0,20})$"
    rf"|^according\s+to\s+{_TELLERS},\s*",
    re.IGNORECASE,
)


def without_attribution(sentence: str) -> str:
    """A sentence without the witnesses who told it: the attribution to medics, witnesses,
    residents, the civil defence or a family that ends it (", medics said.", ", the civil
    defence said.", ", according to witnesses.") or opens it ("According to residents,
    ..."). Every report of a strike names such a teller, so two reports told by medics
    share nothing of what happened; a named teller ("the army said", "BP said") may be who
    acted, and stays."""
    if not any(word in sentence for word in ("said", "say", "report", "added", "told", "ccording")):
        return sentence
    return _ATTRIBUTED.sub("", sentence.rstrip().rstrip(".!\"”’'").rstrip())


TELLING_STEMS = frozenset(stems(" ".join(sorted(PLAIN | {ACCORDING}))))
"""The stems of telling, as ``similarity.stems`` gives them: the verbs that share a stem with
no noun, and "according" ("according to the army"), which stems as "the accord" does but
stands before "to" where the accord seldom does."""


def quoted(sentence: str, stem: str) -> bool:
    """True when every use of a word (as ``similarity.stems`` gives it) in a sentence comes
    after a word of telling: what someone said of it ("Netanyahu said the strikes were only
    the beginning"), not the report of it."""
    told = stems(sentence)
    places = [i for i, word in enumerate(told) if word == stem]
    return bool(places) and all(TELLING_STEMS.intersection(told[:i]) for i in places)


_DEFINITE = frozenset({"the", "this"})


def refers_back(sentence: str, stem: str) -> bool:
    """True when a sentence names an occurrence (a word as ``similarity.stems`` gives it)
    as one already told, just after "the" or "this" ("the leak", "this attack"): news
    tells a happening with "a" or a verb first, then refers back to it. A word between
    would take verbs too ("the platform sank"); "that" opens a clause as often."""
    told = stems(sentence)
    return any(word == stem and told[i - 1] in _DEFINITE for i, word in enumerate(told) if i)


def announces_another(sentence: str) -> bool:
    """True when a sentence announces a happening other than one told before
    ("Meanwhile, ...", "In exchange, Israel freed 183 Palestinians", "Ireland also
    reported its first case")."""
    return _ANOTHER.search(sentence) is not None
