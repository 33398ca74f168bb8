"""Clauses that describe a condition rather than report an occurrence.

A date may stand in a clause whose only verb is a copula ("much of the attention today is on
AIG", "the relief well was about 190ft from the old one yesterday", "a rate cut seemed
unlikely last week") or a progressive of coping ("chemists were selling out of face masks
today"): what it tells held on that day, nothing happened on it. ``classes.py`` calls such a
clause a state. The evidence asked is the kind that holds in war reporting too: no verb of
an occurrence in the clause, no noun of one ("there was an explosion on Tuesday", "the
strike was at dawn" report a happening), no passive ("was killed", "were freed"), and a
progressive only of the verbs that tell how people live through a condition, for "troops
were advancing on the town on Tuesday" is news.

A figure of a month or a year ("unemployment rose to 6.1 percent in August") is a state too
(``tells_a_statistic``).

A few word scans of one clause, as in ``cues.py``: no parsing, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.extract import tellingwords
from timeline.extract.cues import Gate, Token, may_match, nearest_markers, tokens_of
from timeline.model import Precision, TimeExpression

_BE = frozenset("is are was were".split())
_MOOD = frozenset("seems seemed appears appeared looks looked feels felt".split())
"""Copulas of an impression: "seemed unlikely", "looked calm"."""
_COPULAS = _BE | _MOOD
_BETWEEN = frozenset(
    "still now also again already largely mostly clearly once all much far not no longer "
    "yet just only even very last first both".split()
)
"""Adverbs that may stand between a copula and its complement."""
# What follows "appeared" or "seemed" when it is no impression ("appeared in court").
_NO_IMPRESSION = frozenset(
    "in on at to before from with for into out up down the a an his her its their".split()
)
_TELLING = tellingwords.PAST | tellingwords.pick("says tells")
"""Verbs of telling: a clause that holds one reports a statement (``govern`` finds most).
The past tense, and of the present only the forms no noun shares ("the reports", "the
states" are none)."""
_PRESENCE = frozenset("in at inside with among being dead born".split())
"""Complements that tell an occurrence: being somewhere on a day ("the minister was in Kyiv
on Monday", "he was in court on Monday" tell a visit, a hearing), and a death ("a week later
he was dead")."""
_NOT_PARTICIPLES = frozenset(
    "about without throughout out old cold bold fine alone none wide inside outside aside "
    "afraid solid rapid hot lot open often ten seven eleven between down own even".split()
)
"""Words with a participle's ending that are none: "was about 20 km away", "was open"."""
_DETERMINERS = frozenset("the a an this that these those its their his her our any no each".split())
_NOT_ACTING_AFTER = _DETERMINERS | {"from"}
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ght", "lt", "ne", "de", "id", "ut", "ung", "ot", "ld")
_PARTICIPLES = frozenset(
    "hit shot struck held hurt cut set put led fed met won lost sent spent built left kept "
    "run begun sung drunk swum born brought caught fought thought sought bought taught".split()
)
_COPING = frozenset(
    "selling queuing queueing waiting struggling living sheltering facing bracing coping "
    "grappling suffering running stocking hoarding hoping fearing worrying scrambling "
    "lining".split()
)
"""Progressives of living through a condition ("were selling out", "were queuing for
bread", "are bracing for"), not of doing something that happens ("were advancing")."""
_OCCURRENCE = re.compile(
    r"(?i)\b(?:attacks?|assault|raids?|strikes?|air\s*strikes?|bombings?|bombs?|blasts?|"
    r"explosions?|shelling|missiles?|rockets?|clashes|fighting|battle|invasion|offensive|"
    r"ceasefire|truce|deal|agreement|election|vote|coup|massacre|killings?|shooting|ambush|"
    r"earthquake|quake|aftershocks?|hurricane|storm|flood|fire|crash|collapse|spill|leak|"
    r"outbreak|release|exchange|handover|meeting|talks|visit|speech|funeral|ceremony|"
    r"protests?|demonstrations?|rall(?:y|ies)|march|arrests?|death|turn|wars?|fires|"
    r"pandemic|epidemic|disaster|accident|tragedy|increase|decrease|rise|hike)\b"
)
"""Nouns of an occurrence: a copula whose subject or complement is one reports it ("there was
an explosion", "the strike was at dawn", "it was the turn of Rafah")."""
_EXISTENTIAL = re.compile(r"(?i)\bthere\s+(?:is|are|was|were|'s)\b")
_RELATIVE = re.compile(r"(?i),?\s*(?:that|which|who|whom|whose|where|when)\b")
_BREAK = re.compile(r"\s[-–—]\s|[–—:;]")
"""A dash, colon or semicolon: what follows is another clause, which the date may open."""
_ATTRIBUTION = re.compile(
    r",\s*(?:[\w'’.-]+\s+){0,6}?"
    + tellingwords.alternation(tellingwords.PAST | tellingwords.pick("says"))
    + r"\b[^,;]*$"
)
"""Who told a clause, after it: "..., Suttles said.", "..., the army said on Monday."."""
_INFINITIVE = re.compile(r"\bto\s+(?!be\b)[a-z]+")
"""An infinitive tells what someone did or meant to do ("appeared to draw a line",
"confident enough to begin shutting off the valves")."""
_ING_NOUNS = frozenset(
    "morning evening during nothing something anything everything thing things building "
    "buildings spring ceiling king meeting".split()
)
"""Words in "-ing" that are no verb of action ("meeting" is an occurrence's noun, left to
``_OCCURRENCE``)."""


def describes_condition(
    scope: str, at: int, end: int, words: Sequence[Token] | None = None
) -> bool:
    """True when the clause ``scope`` (the date at ``at:end``) only describes a condition:
    its verbs are a copula or a copula of an impression with a complement that is no
    participle, or a progressive of coping; it names no occurrence, and no verb in the past
    tense but its copula. Who told it ("..., Suttles said.") is no verb of the clause.
    ``words``: the scope's ``cues.tokens_of``, when the caller has them already."""
    if words is None:
        words = tokens_of(scope)
    if _COPULAS.isdisjoint(lower for _, _, _, lower in words):
        return False  # no copula in the clause, as in most: the tests below all need one
    attribution = _ATTRIBUTION.search(scope, end)
    if attribution is not None:
        scope = scope[: attribution.start()]
        # The attribution opens with a comma, which no word runs across.
        words = [word for word in words if word[0] < attribution.start()]
    tokens = [
        (start, lower)
        for start, _, _, lower in words
        if not at <= start < end  # the date's own words ("were this afternoon admitted")
    ]
    verbs = [i for i, (_, word) in enumerate(tokens) if word in _BE or word in _MOOD]
    # Each test below can only say no: the cheapest first, the copula's complement.
    if not verbs or not all(_describes(tokens, index) for index in verbs):
        return False
    if _EXISTENTIAL.search(scope) or _OCCURRENCE.search(scope):
        return False
    if _INFINITIVE.search(scope) or any(_acts(tokens, i) for i in range(len(tokens))):
        return False
    if any(_dates_subject(tokens, index, at) for index in verbs):
        return False
    if _RELATIVE.match(scope) and tokens[verbs[0]][0] > at:
        return False  # "that hurt sales earlier this year are now behind": the date's verb opens
    if _BREAK.search(scope, tokens[verbs[0]][0], at):
        return False  # "it is also familiar - 12 years ago, a new strain emerged": another clause
    copulas = sum(1 for _, word in tokens if word in ("was", "were") or word in _MOOD)
    past = nearest_markers(scope, at, end, words).count("past")
    return past <= copulas  # no past tense but the copulas themselves


def _describes(tokens: list[tuple[int, str]], index: int) -> bool:
    """The copula at ``index`` takes a complement that describes: not a participle (a
    passive, "was freed") nor a progressive other than of coping."""
    following = [word for _, word in tokens[index + 1 :] if word not in _BETWEEN]
    if not following:
        return False
    complement = following[0]
    if tokens[index][1] in _MOOD and complement in _NO_IMPRESSION:
        return False  # "appeared in court", "seemed to", not an impression
    if complement.endswith("ly") and len(following) > 1:
        complement = following[1]  # "was successfully completed"; "seemed unlikely" stays
    if complement.endswith("ing"):
        return complement in _COPING and tokens[index][1] in _BE
    if complement in _PARTICIPLES or complement in _BE or complement in _PRESENCE:
        return False
    if complement in _NOT_PARTICIPLES:
        return True
    return not (len(complement) > 3 and complement.endswith(_PARTICIPLE_ENDINGS))


def _acts(tokens: list[tuple[int, str]], index: int) -> bool:
    """The word at ``index`` is a verb of telling, or of action in "-ing" ("the company
    reporting results", "work on installing the cap"; not "the crossing", nor "was 190ft
    from intersecting")."""
    word = tokens[index][1]
    if word in _TELLING:
        return True
    if not word.endswith("ing") or len(word) <= 4 or word in _COPING or word in _ING_NOUNS:
        return False
    # After a determiner a noun ("the crossing"); after "from" what a condition is short of
    # ("the relief well was about 190ft from intersecting the old one").
    return index == 0 or tokens[index - 1][1] not in _NOT_ACTING_AFTER


def _dates_subject(tokens: list[tuple[int, str]], index: int, at: int) -> bool:
    """The date is the copula's complement ("the last pandemic was in 1968", "that was 40
    years ago"): the clause dates its subject, a happening, and describes nothing."""
    if tokens[index][0] > at:
        return False
    between = [word for start, word in tokens[index + 1 :] if start < at]
    return all(word in _BETWEEN or word in ("in", "on", "at", "more", "than") for word in between)


_HABIT = re.compile(
    r"(?i)\b(?:usually|normally|typically|routinely|traditionally|customarily|"
    r"(?:each|every)\s+(?:year|spring|summer|autumn|fall|winter|month|week))\b"
)
_HABIT_GATE: Gate = (
    tuple("usually normally typically routinely traditionally customarily each every".split()),
)


_LASTING = re.compile(
    r"(?i)\b(?:persist(?:s|ed)?|linger(?:s|ed)?|exist(?:s|ed))\s+(?:[\w'’,-]+\s+){0,3}$"
)
"""A verb of lasting just before the date ("the culture of secrecy that persisted 10 years
ago", "fears that lingered on Monday"): a condition that held then, no occurrence."""
_LASTING_GATE: Gate = (("persist", "linger", "exist"),)
_CONDITION_NOUN = (
    r"(?:weather|conditions|seas|winds?|gales?|storms?|fog|rain|darkness|waves|swells?|"
    r"currents|snow|ice|sandstorms?|heat)"
)
_PREVENTED = re.compile(
    rf"(?i)\b{_CONDITION_NOUN}\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:prevented|kept|stopped|barred|"
    r"hindered)\s+(?:[\w'’-]+\s+){1,5}?from\s+[a-z]+ing\b"
)
"""A condition that kept an occurrence from happening ("Weather and sea conditions Thursday
prevented officials from trying another burn", "high winds on Monday kept the ships from
sailing"): what was prevented did not happen. Not a person or a force that stopped someone
("troops stopped the convoy from entering on Monday": that is what they did)."""
_PREVENTED_GATE: Gate = (("prevented", "kept", "stopped", "barred", "hindered"), ("from",))
_PICTURE = re.compile(
    r"(?i)\b(?:pictures?|images?|photos?|photographs?|footage|videos?|imagery)\b"
    r"(?:\s+[\w'’,-]+){0,8}?\s*$"
)
_PICTURE_GATE: Gate = (("picture", "image", "photo", "footage", "video"),)
_SHOWED = re.compile(r"(?i)^\W*(?:[\w'’,-]+\s+){0,3}?(?:show(?:s|ed|n)?|depict(?:s|ed)?)\b")


def tells_lasting(scope: str, at: int) -> bool:
    """True when the verb just before the date is one of lasting ("the culture that persisted
    10 years ago"): a condition held then, nothing happened on the date."""
    return may_match(scope, _LASTING_GATE) and _LASTING.search(scope, 0, at) is not None


def tells_prevented(scope: str) -> bool:
    """True when the clause tells an occurrence that a condition prevented ("Weather
    conditions Thursday prevented officials from trying another burn")."""
    return may_match(scope, _PREVENTED_GATE) and _PREVENTED.search(scope) is not None


def describes_a_picture(clause: str, at: int, end: int) -> bool:
    """True when the date is that of pictures, footage or images, and what follows is what
    they show ("The first pictures to emerge after sunrise on Wednesday showed streets strewn
    with bodies", "Satellite images taken on Monday show craters"): a description of what was
    there, not a happening of the date. A date after "showed" ("footage showed the missile
    hitting the ward on Tuesday") dates what is shown, and is left to the other rules."""
    return (
        may_match(clause, _PICTURE_GATE)
        and _PICTURE.search(clause, 0, at) is not None
        and _SHOWED.match(clause[end:]) is not None
    )


_RECAP = re.compile(
    r"(?i)\b(?:has|have|'ve)\s+(?:[\w'’,-]+\s+){0,12}?(?:in|over|during)\s+(?:recent|the\s+"
    r"(?:past|last)\s+(?:few\s+|several\s+|two\s+|three\s+)?)\s*(?:days|weeks|months)\b"
)
_SUPERLATIVE = re.compile(
    r"(?i)\b(?:most|least|worst|best|biggest|largest|heaviest|deadliest|bloodiest|fiercest|"
    r"highest|lowest|first|only|[a-z]+iest)\b"
)


def tells_a_recap(lead: str) -> bool:
    """True when an undated lead tells in the present perfect what was done over recent days
    ("The frenetic pace of the crisis has forced the Treasury to make rapid-fire decisions in
    recent days"): a recap of a period, no happening of its publication day. Not the measure
    of a happening ("the heaviest strikes in recent weeks", "the first ... in recent days")."""
    found = _RECAP.search(lead)
    return found is not None and _SUPERLATIVE.search(found.group()) is None


def tells_a_habit(scope: str) -> bool:
    """True when the clause tells what happens as a rule ("a season that normally ends in
    February", "the crossing, which usually opens at 8 a.m."): a habit, no happening of the
    date it names."""
    return may_match(scope, _HABIT_GATE) and _HABIT.search(scope) is not None


_STATISTIC = re.compile(
    r"(?i)\b(?:percent|per\s+cent|average|annual|annually|rate|valued\s+at|worth|totall?ed|"
    r"amounted\s+to|accounted\s+for|per\s+(?:year|month|day|capita)|grew|shrank|"
    r"gdp|inflation|unemployment)\b|%"
)
_STATISTIC_GATE: Gate = (
    tuple(
        "per average annual rate valued worth total amounted accounted grew shrank gdp "
        "inflation unemployment %".split()
    ),
)
_DIGIT = re.compile(r"\d")
_AMOUNT_GATE: Gate = (("$", "£", "€", "us", "eur", "gbp", "million", "billion", "trillion"),)
"""What every amount holds besides a digit (``_DIGIT``): quick tests before ``_AMOUNT``."""
_AMOUNT = re.compile(
    r"(?i)(?:[$£€]|\b(?:us|usd|eur|gbp)\s?)\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|"
    r"\b\d[\d,.]*\s+(?:million|billion|trillion)\b"
)
"""An amount: money, or a count in millions."""
_DEAL = re.compile(
    r"(?i)\b(?:fined|paid|pays|bought|buys|acquired|acquires|sold|agreed|signed|awarded|"
    r"approved|pledged|offered|ordered|won|settled|raised|lent|loaned|borrowed|invested|"
    r"donated|granted|seized|froze|frozen|imposed|sued|launched|announced|unveiled|"
    r"injected|bailed|rescued|accepted|rejected|takeover|merger|deal|loan|fine|settlement|"
    r"package|offer|bid)\b"
)
"""An amount that changed hands at one time: a fine, a sale, a loan, a deal (a happening,
not what a year adds up to)."""


def tells_a_statistic(scope: str, expression: TimeExpression) -> bool:
    """A figure of a month, a quarter or a year ("unemployment rose to 6.1 percent in
    August"): a statistic, not a happening. So is an amount of a whole year ("Tourists spent
    $2.3 billion on Alabama's beaches in 2008", "89 million pounds produced in 2008"): what a
    year adds up to is no occurrence at one time."""
    date = expression.date
    if date is None or date.precision.rank < Precision.MONTH.rank:
        return False
    if may_match(scope, _STATISTIC_GATE) and _STATISTIC.search(scope) is not None:
        return True
    return (
        date.precision.rank >= Precision.YEAR.rank
        and _DIGIT.search(scope) is not None
        and may_match(scope, _AMOUNT_GATE)
        and _AMOUNT.search(scope) is not None
        and _DEAL.search(scope) is None
    )
