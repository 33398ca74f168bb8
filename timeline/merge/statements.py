"""What someone said of a happening: a report of it, or a comment on it.

"The company said in a statement that the leak has been isolated" tells what was done to
the leak its article reported: it is a report of that happening. "Netanyahu said the
strikes were only the beginning" judges the strikes, and "the ministry said the strike
would not go unanswered" announces something else: each is a statement of its own. What
tells them apart is what the reported clause says of the occurrence it names as told
already ("the leak", "this strike"): a verb of what was done or what it did ("has been
isolated", "was carried out", "targeted"), or a copula ("was only the beginning", "is a
crime") or a modal ("would", "will").
"""

from __future__ import annotations

from timeline.merge.similarity import stems, tokens
from timeline.merge.telling import TELLING_STEMS

_DEFINITE = frozenset({"the", "this"})
_AUXILIARIES = frozenset({"has", "have", "had"})
_COPULAS = frozenset({"is", "was", "were", "are", "be", "been", "being", "remains", "remained"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can"})
_BEFORE_ADJECTIVE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "in", "on", "at", "of"}
)
"""Words after which a word in "-ed" qualifies a noun ("the damaged line", "on a crowded
market") rather than telling what was done."""
_REACH = 8
"""How many words after the occurrence its verb is looked for: "the leak in the choke line
has been isolated" names where before it tells what."""


def told_in_statement(sentence: str, stem: str) -> bool:
    """True when a statement tells what was done to, or by, an occurrence named as told
    already (a word as ``similarity.stems`` gives it): after a word of telling, "that" or
    the telling itself, then "the" or "this" ("said in a statement that the leak ...",
    "said the strike ..."), and then a verb of what happened, not a copula or a modal
    (``_what_it_says``)."""
    told = stems(sentence)
    words = tokens(sentence)
    for i, word in enumerate(told):
        if word != stem or i < 2 or told[i - 1] not in _DEFINITE:
            continue
        if told[i - 2] != "that" and told[i - 2] not in TELLING_STEMS:
            continue
        if TELLING_STEMS.intersection(told[: i - 1]) and _what_it_says(
            words[i + 1 : i + 1 + _REACH]
        ):
            return True
    return False


def _what_it_says(after: list[str]) -> bool:
    """True when the words after an occurrence tell what was done: its first verb is an
    auxiliary of a perfect ("has been isolated"), a passive ("was carried out"), or a past
    tense ("targeted"); False for a copula ("was only the beginning"), a modal ("would not
    go unanswered"), or no verb at all."""
    for at, word in enumerate(after):
        if word in _AUXILIARIES:
            return True
        if word in _MODALS:
            return False
        if word in _COPULAS:
            following = after[at + 1 : at + 2]
            return bool(following) and _participle(following[0])
        before = after[at - 1] if at else ""
        if _participle(word) and before not in _BEFORE_ADJECTIVE:
            return True
    return False


def _participle(word: str) -> bool:
    """A past tense or participle as news writes most of them ("isolated", "carried")."""
    return len(word) > 4 and word.endswith("ed")
