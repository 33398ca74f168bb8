"""The words of telling: the verbs a report is attributed with ("said", "told", "announced"),
the nouns of a telling ("statement", "briefing") and "according to". One vocabulary that
every module reading attributions draws its words from; a use that needs fewer words picks
them with ``pick``, which refuses a word the vocabulary does not hold."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb of telling in the forms that attribute a report."""

    base: str
    """"say": after "to", a modal or a plural subject ("officials say")."""
    present: str
    """"says": a speaker speaking at the time of the report."""
    past: str
    """"said": the past tense, which is the participle too."""


VERBS: tuple[Verb, ...] = tuple(
    Verb(*forms.split())
    for forms in (
        "say says said",
        "tell tells told",
        "announce announces announced",
        "report reports reported",
        "state states stated",
        "confirm confirms confirmed",
        "add adds added",
        "claim claims claimed",
        "insist insists insisted",
        "warn warns warned",
        "declare declares declared",
        "disclose discloses disclosed",
        "reveal reveals revealed",
        "write writes wrote",
        "tweet tweets tweeted",
        "post posts posted",
        "note notes noted",
        "explain explains explained",
        "admit admits admitted",
        "recall recalls recalled",
        "reply replies replied",
        "promise promises promised",
        "vow vows vowed",
        "proclaim proclaims proclaimed",
        "cable cables cabled",
        "radio radios radioed",
        "telegraph telegraphs telegraphed",
        "speak speaks spoke",
    )
)
"""Every verb of telling the extract and merge stages know."""
PAST = frozenset(verb.past for verb in VERBS)
PRESENT = frozenset(verb.present for verb in VERBS)
BASE = frozenset(verb.base for verb in VERBS)
NOUNS = frozenset(
    "statement speaking briefing interview conference address speech remarks call".split()
)
"""Nouns of a telling, and the gerund that opens one ("Speaking to reporters on Monday")."""
ACCORDING = "according"
"""The word of "according to the army", an attribution without a verb."""
WORDS = PAST | PRESENT | BASE | NOUNS | {ACCORDING}
"""Every word of telling."""


def pick(words: str) -> frozenset[str]:
    """The words of ``words`` (separated by spaces), each of which must be a word of
    telling: a use that needs a narrower set than the whole names it, and a word that is
    no part of the vocabulary fails at import rather than slips in unnoticed."""
    chosen = frozenset(words.split())
    unknown = chosen - WORDS
    if unknown:
        raise ValueError(f"not words of telling: {' '.join(sorted(unknown))}")
    return chosen


PLAIN = pick("said says say told tells announced announces added confirmed")
"""The commonest words of telling whose stem no noun of the news shares ("reported" stems
to "report", "stated" to "state", "claimed" to "claim"): what a reader of stemmed words,
which sees no word's part of speech, may take for a telling wherever it stands."""


def alternation(words: frozenset[str]) -> str:
    """Regular-expression source matching any one of ``words``, longest first, as a
    non-capturing group (the caller bounds it, ``\\b`` or otherwise)."""
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")"
