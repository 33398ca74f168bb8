"""The cue words of a clause: schedules and expectations, tallies and ongoing states, and the
verb markers (a modal, a negation, a past tense) nearest to a date, which ``classes.py``
reads to class a dated clause and to tell a target from the day of what was done.

Each is a regular-expression scan or a walk over the clause's words: no parsing, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Gate = tuple[tuple[str, ...], ...]
"""The words a pattern cannot match without: groups of literals, one of each group in the
lower-cased text."""
Gated = tuple[Gate, re.Pattern[str]]

_BE = r"(?:is|are|was|were|be|been|being|am|'s|'re)"
_NOT_A_VERB_AFTER = (
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|bad|heavy|poor|high|low|"
    r"lack|concerns?|security|technical|weather|[a-z]+'s)\b)"
)
# Expectations that hold whatever the tense ("had been scheduled to start at 8:30"): one
# pattern a cue, each with the words it cannot match without, as ``_STATE_CUES`` below.
_SCHEDULE_CUES: tuple[tuple[Gate, str], ...] = (
    (
        (
            ("is", "are", "was", "were", "be", "am", "'s", "'re", "remain", "seem", "appear"),
            tuple(
                "due expected set scheduled slated poised likely supposed meant going "
                "about planning preparing hoping ready be".split()
            ),
            ("to",),
        ),
        rf"\b(?:{_BE}|remains?|seems?|appears?)\s+(?:\w+ly\s+|not\s+|now\s+|also\s+|"
        r"still\s+)?(?:due|expected|set|scheduled|slated|poised|likely|unlikely|supposed|"
        rf"meant|going|about|planning|preparing|hoping|ready|to\s+be)\s+to\b{_NOT_A_VERB_AFTER}",
    ),
    (
        (("is", "are", "was", "were", "be", "am", "'s", "'re"), ("to",)),
        rf"\b{_BE}\s+to\s+(?!the\b|a\b|an\b|blame\b)[a-z]+",
    ),
    (
        (
            ("plan", "intend", "aim", "hope", "hoping", "expect", "want", "seek", "sought", "wish"),
            ("to",),
        ),
        r"\b(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bour\s)"
        r"(?<!\bcanceled\s)(?<!\bcancelled\s)(?<!\bscrapped\s)(?<!\bdropped\s)"
        r"(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|hopes?|"
        r"hoped|hoping|expects?|expected|expecting|wants?|wanted|seeks?|sought|wish(?:es|ed)?)"
        r"\s+to\b",
    ),
    (
        (("due", "expected", "slated"),),
        r"\b(?:due|expected|slated)\s+(?:on|in|at|by|for|next|this|later|tomorrow|back|out|"
        r"before|after|to\s+be|ashore|early|late)\b",
    ),
    (
        (("scheduled", "planned", "set", "pencil"), ("for", "on")),
        r"\b(?:scheduled|planned|set|penciled|pencilled)\s+(?:for|on)\b",
    ),
    (
        (("scheduled", "slated"), ("to",)),
        r"\b(?:scheduled|slated)\s+to\s+[a-z]+",  # "with Congress scheduled to adjourn next week"
    ),
    (
        (("forward",),),
        r"\blook(?:s|ed|ing)?\s+forward\s+to\b",  # "we can look forward to a tame report"
    ),
    (
        (("forecast", "upcoming", "further", "later", "coming"),),
        r"\b(?:forecasts?|forecasters?|upcoming|until\s+further\s+notice|"
        r"later\s+(?:today|tonight|this)|in\s+the\s+coming\s+(?:days|weeks|months))\b",
    ),
)
_SCHEDULE_PATTERNS = tuple(
    (gate, re.compile(rf"(?i){pattern}")) for gate, pattern in _SCHEDULE_CUES
)
_SCHEDULED = re.compile("(?i)" + "|".join(pattern for _, pattern in _SCHEDULE_CUES))
"""All the schedule cues in one pattern: what the gated search must agree with."""
_BE_WORDS = frozenset("is are was were be been being am 's 're".split())
# The words without one of which neither pattern can match (a quick test before them).
_SCHEDULE_WORDS = frozenset(
    "due expected set scheduled slated poised likely unlikely supposed meant going about "
    "planning preparing hoping ready intended designed plans plan planned intends intend "
    "intending aims aim aimed aiming hopes hope hoped expects expect expecting wants want "
    "wanted seeks seek sought wish wishes wished penciled pencilled forecast forecasts "
    "forecasters upcoming until later coming forward".split()
)
_STATE_WORDS = frozenset(
    "risen climbed reached grown increased surged jumped fallen dropped declined doubled "
    "tripled passed topped surpassed exceeded soared mounted totaled totalled toll tally "
    "number count total figure rose stands stood remain remains remained continues continued "
    "continuing far date altogether straight consecutive successive entered enters entering "
    "into day refused comment reached respond reply return available unclear clear unknown "
    "uncertain killed claimed displaced infected injured wounded sickened died been".split()
)
_NOT_SCHEDULED = re.compile(
    r"(?i)\b(?:than|as)\s+(?:had\s+been\s+|was\s+|were\s+)?(?:expected|planned|scheduled)\b"
)
_NOT_SCHEDULED_GATE: Gate = (("than", "as"), ("expected", "planned", "scheduled"))
_ABOUT = r"(?:more\s+than|at\s+least|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as)"
# A tally, an ongoing condition or a refusal to comment: one pattern a cue, each with the
# words it cannot match without (a group of literals, one of which must be in the lower-cased
# clause), so that a clause is searched only by the patterns it holds the words of.
_STATE_CUES: tuple[tuple[Gate, str], ...] = (
    (
        (
            ("has", "have", "had"),
            tuple(
                "risen climbed reached grown increased surged jumped fallen dropped "
                "declined doubled tripled passed topped surpassed exceeded soared mounted "
                "totaled totalled".split()
            ),
        ),
        r"\b(?:has|have|had)\s+(?:now\s+|since\s+|so\s+far\s+|already\s+|also\s+)?(?:risen|"
        r"climbed|reached|grown|increased|surged|jumped|fallen|dropped|declined|doubled|tripled|"
        r"passed|topped|surpassed|exceeded|soared|mounted|totall?ed)\b",
    ),
    (
        (
            ("toll", "tally", "number", "count", "total", "figure"),
            tuple(
                "rose risen climbed reached stand stood increased jumped passed topped now "
                "than from".split()
            ),
        ),
        r"\b(?:toll|tally|number|count|total|figure)\b[^.;]{0,40}?\b(?:rose|risen|climbed|reached|"
        r"stands?|stood|increased|jumped|passed|topped|is\s+now|was\s+now|(?:was|is)\s+(?:higher|"
        r"lower)\s+than|up\s+from|down\s+from)\b",
    ),
    (
        (("remain",),),
        r"(?<![Tt]he\s)(?<![Tt]heir\s)(?<!\bhis\s)(?<!\bher\s)(?<=[a-z,]\s)(?-i:remain(?:s|ed))\b"
        r"(?!\s+of\b)",
    ),
    ((("continu",),), r"\bcontinu(?:es|ed|ing)\s+to\b"),
    ((("far",),), r"\bso\s+far\b"),
    ((("date",),), r"\bto\s+date\b"),
    ((("as",), ("of",)), r"\bas\s+of\b"),
    ((("total",),), r"\bin\s+total\b"),
    ((("altogether",),), r"\baltogether\b"),
    (
        (("straight", "consecutive", "successive"),),
        r"\bfor\s+(?:a|the)\s+(?:\w+\s+)?(?:straight|consecutive|successive)\s+(?:day|week|night)",
    ),
    (
        (("enter", "into"), ("its",)),
        r"\b(?:entered|enters|entering|into)\s+its\s+\w+\s+(?:day|week|month|year)\b",
    ),
    ((("day",),), r"\bday\s+\d+\s+of\b"),
    (
        (("clear", "unknown", "uncertain"),),
        r"\b(?:is|was|were|are|remains?|remained)\s+(?:still\s+)?(?:unclear|not\s+clear|unknown|"
        r"uncertain)\b",
    ),
    ((("comment",),), r"\b(?:declined|refused)\s+to\s+comment"),
    ((("reached",),), r"\bcould\s+not\s+(?:immediately\s+)?be\s+reached"),
    (
        (("respond", "reply", "return", "comment"),),
        r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply|return|comment)",
    ),
    ((("comment",),), r"\bno\s+(?:immediate\s+)?comment\b"),
    ((("available",),), r"\bwas\s+not\s+(?:immediately\s+)?available\b"),
)
_STATE_PATTERNS = tuple((gate, re.compile(rf"(?i){pattern}")) for gate, pattern in _STATE_CUES)
_STATE = re.compile("(?i)" + "|".join(pattern for _, pattern in _STATE_CUES))
"""All the cues in one pattern: what the gated search must agree with."""
# Letters that match an ASCII letter when case is ignored but do not lower-case to it (the
# long s matches "s", the dotless i and the dotted capital I match "i"): a clause with one is
# searched ungated.
_CASE_FOLDS = ("\u017f", "\u0131", "\u0130")
_TOLL = re.compile(
    rf"(?i)\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|claimed|displaced|"
    rf"infected|injured|wounded|sickened)\s+(?:{_ABOUT}\s+)?\d|"
    r"\b\d[\d,.]*(?:\s+(?:million|thousand|people|civilians|children|soldiers|cases))?"
    r"\s+(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:died|been\s+(?:killed|"
    r"wounded|injured|displaced|infected|confirmed))\b"
)
"""A running toll: "the flu has killed more than 100 people", "at least 400 people have
died"."""
_DISCRETE = re.compile(
    r"(?i)\b(?:strikes?|airstrikes?|attacks?|blasts?|explosions?|bombs?|bombings?|shelling|"
    r"raids?|earthquake|quake|crash|shooting|storm|hurricane|fire|collapse|massacre|ambush|"
    r"missiles?|rockets?|landslide|flood|avalanche|stampede)\b"
)
"""Something that happens at one time: a toll it "has" caused is the news of it ("an
airstrike has killed at least 12 people"), not a running count."""
# Words whose nearness to the date decides: a modal (expected), a negation or "still" (a
# state), a verb in the past tense (happened). Read word by word, not by one pattern: the
# words of a clause are few, the positions a pattern would be tried at many.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_APOSTROPHE_CAPITAL = re.compile(r"'[a-z]*[A-Z]")
"""Where a word read as written ends before a capital that lower-cased it would run on to."""
_MODALS = frozenset(
    "will shall would could might should must won't wouldn't couldn't shouldn't mustn't "
    "shan't".split()
)
_AUXILIARIES = frozenset("did does do has have had was were is are".split())
_PAST_FORMS = frozenset(
    "was were had did began came went took made gave held met left fled struck hit fell rose "
    "won lost saw became sent brought sank spoke broke ran drove flew shot fought caught led "
    "kept found got stood sat threw blew tore froze stole swore bought paid sold taught felt "
    "dealt built spent lent rode woke withdrew".split()
)
_SPEECH_PAST = frozenset(
    "reported added announced stated confirmed warned noted explained insisted claimed "
    "declared quoted".split()
)
_NOT_A_PAST_AFTER = frozenset("a an the its still as than be been".split())
_MAKES_PARTICIPLE = frozenset(
    "will would could might should must shall be been being is are am was were had remain "
    "remains stay stays get gets has have".split()
)
_NO_WHAT = frozenset("reports report sign word confirmation details".split())
_MARKER_WORDS = (
    _MODALS
    | _AUXILIARIES
    | _PAST_FORMS
    | frozenset("may not never still ongoing longer yet no".split())
)
_MARKER_ENDINGS = ("ed", "'ll", "n't")
"""A word is a marker only if it is one of ``_MARKER_WORDS`` or has one of these endings: the
others are passed over without reading their neighbours."""


Token = tuple[int, int, str, str]
"""A word of a clause: where it starts and ends in the clause, the word, and the word
lower-cased with a curly apostrophe made straight."""


def tokens_of(scope: str) -> list[Token]:
    """The words of a clause as the marker and condition tests read them; a clause read by
    several tests is tokenized once and its tokens passed to each."""
    return [
        (m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
        for m in _TOKEN.finditer(scope)
    ]


def nearest_markers(
    scope: str, at: int, end: int, tokens: Sequence[Token] | None = None
) -> list[str]:
    """The kinds of the verb markers around the expression at ``at:end`` in ``scope``,
    nearest first; those before it come first, for the verb a date follows is the one it
    dates ("the pair who flew back on April 21 had not been in an area"). ``tokens``: the
    scope's ``tokens_of``, when the caller has them already."""
    if tokens is None:
        tokens = tokens_of(scope)
    words = [lower for _, _, _, lower in tokens]
    found: list[tuple[bool, int, str]] = []
    for index, (start, stop, word, _) in enumerate(tokens):
        if start < end and stop > at:
            continue
        if words[index] not in _MARKER_WORDS and not words[index].endswith(_MARKER_ENDINGS):
            continue
        kind = _marker(words, index, word)
        if kind is not None:
            before = stop <= at
            found.append((not before, at - stop if before else start - end, kind))
    return [kind for _, _, kind in sorted(found)]


def _marker(words: list[str], index: int, word: str) -> str | None:
    """``"modal"``, ``"state"``, ``"past"`` or None for the word at ``index``."""
    lower = words[index]
    previous = words[index - 1] if index else ""
    following = words[index + 1] if index + 1 < len(words) else ""
    if lower in _MODALS or lower.endswith("'ll") or word == "may":
        return "modal"
    if lower.endswith("n't") and lower[:-3] in _AUXILIARIES:
        return "state"
    if lower == "not" and previous in _AUXILIARIES:
        return "state"
    if lower in ("never", "still", "ongoing") or (lower == "longer" and previous == "no"):
        return "state"
    if lower == "yet" and (previous == "not" or following == "to"):
        return "state"
    if lower == "no" and (following in _NO_WHAT or following == "immediate"):
        return "state"  # "no word from Hamas"
    if lower in _AUXILIARIES and "no" in words[max(0, index - 3) : index]:
        return "state"  # "no supplies had entered"
    if lower in _PAST_FORMS:
        return "past"
    if _past_participle_or_verb(words, index, word):
        return "past"
    return None


def _past_participle_or_verb(words: list[str], index: int, word: str) -> bool:
    """An "-ed" verb in the past tense: not an adjective after an article, not a reporting
    verb, not a participle after an auxiliary ("will remain closed", "has been killed")."""
    if not (word.islower() and len(word) >= 4 and word.endswith("ed")) or word.startswith("un"):
        return False
    if word in _SPEECH_PAST or (index and words[index - 1] in _NOT_A_PAST_AFTER):
        return False
    return not any(w in _MAKES_PARTICIPLE for w in words[max(0, index - 3) : index])


def first_of(kinds: list[str], among: tuple[str, ...]) -> str | None:
    """The first of ``kinds`` (``nearest_markers``, nearest first) that is one of ``among``."""
    return next((kind for kind in kinds if kind in among), None)


def is_scheduled(scope: str, words: frozenset[str]) -> bool:
    """A schedule or an expectation in the clause (``words``: its words, lower-cased)."""
    if words.isdisjoint(_SCHEDULE_WORDS) and ("to" not in words or words.isdisjoint(_BE_WORDS)):
        return False  # no word any of the patterns needs
    lower = scope.lower()
    folds = folds_case(scope)
    if (folds or holds(lower, _NOT_SCHEDULED_GATE)) and _NOT_SCHEDULED.search(scope):
        scope = _NOT_SCHEDULED.sub(" ", scope)
        lower = scope.lower()
    if folds:
        return _SCHEDULED.search(scope) is not None
    return any_cue(_SCHEDULE_PATTERNS, scope, lower)


def is_state(scope: str, words: frozenset[str]) -> bool:
    """A tally, an ongoing condition or a refusal to comment in the clause."""
    lower = scope.lower()
    if words.isdisjoint(_STATE_WORDS) and "as of" not in lower:
        return False
    folds = folds_case(scope)
    if has_state_cue(scope, lower, folds=folds):
        return True
    if not folds and "has" not in lower and "have" not in lower:
        return False  # the words every toll needs
    return _TOLL.search(scope) is not None and _DISCRETE.search(scope) is None


def has_state_cue(scope: str, lower: str, *, folds: bool) -> bool:
    """True when ``_STATE`` matches in ``scope`` (``lower``: it lower-cased), searched only by
    the cues whose words the clause holds (by all at once when it ``folds``: holds one of
    ``_CASE_FOLDS``)."""
    if folds:
        return _STATE.search(scope) is not None
    return any_cue(_STATE_PATTERNS, scope, lower)


def folds_case(text: str) -> bool:
    """True when ``text`` holds one of ``_CASE_FOLDS``: a letter that a pattern ignoring case
    matches to an ASCII letter that ``lower()`` does not give, so no gate by the words of
    ``text.lower()`` may be trusted."""
    return not text.isascii() and any(letter in text for letter in _CASE_FOLDS)


def may_match(text: str, gate: Gate) -> bool:
    """False when a pattern ignoring case cannot match in ``text``: the text lower-cased holds
    no word of one of the groups of the pattern's ``gate``, and no letter the pattern would
    take for another (``folds_case``)."""
    return folds_case(text) or holds(text.lower(), gate)


def any_cue(patterns: Sequence[Gated], scope: str, lower: str) -> bool:
    """True when one of ``patterns`` matches in ``scope``, each searched only when ``lower``
    (the scope lower-cased, holding none of ``_CASE_FOLDS``) holds its gate's words."""
    for gate, pattern in patterns:
        if holds(lower, gate) and pattern.search(scope) is not None:
            return True
    return False


def holds(lower: str, gate: Gate) -> bool:
    """True when ``lower`` holds a word of each group of ``gate``."""
    for group in gate:
        for word in group:
            if word in lower:
                break
        else:
            return False
    return True


def cue_words(text: str, tokens: Sequence[Token] | None = None) -> frozenset[str]:
    """The words of a text, lower-cased, as the cue tests take them. ``tokens``: the text's
    ``tokens_of``, when the caller has them already; they are the same words when the text
    is ASCII and no capital follows an apostrophe's letters ("DON'T" is "don" and "t" read
    as written, "don't" lower-cased first), else the text is read again."""
    if tokens is not None and text.isascii() and _APOSTROPHE_CAPITAL.search(text) is None:
        return frozenset([lower for _, _, _, lower in tokens])
    return frozenset(_TOKEN.findall(text.lower()))
