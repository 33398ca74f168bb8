"""What a dated clause reports: a happening, an expectation, a state, or a mention.

Each event's clause is classed by cue lists over the words around its dating expression: its
*scope* is the clause ``govern.py`` gives, narrowed to the relative, subordinate or appositive
clause that holds the expression. The rules, in order (docs/events.md):

1. **Attribution.** A date on the telling ("X said on Tuesday", "speaking to reporters on
   Monday, X said") dates the statement, which happened whatever it announces, unless what
   is told is a tally or an ongoing state ("the toll has risen to 10, the ministry said on
   Wednesday").
2. **Mentions.** A date that only modifies a noun ("the October 7 attack", "last week's
   explosion", "Tuesday's earthquake") names a happening the clause does not report: the
   event is a mention of it. A period counted from a date ("since March 2011") is a state,
   and a mention when it names the happening it counts from ("since the October 7 attack",
   "since the war began on October 7").
3. **Expected.** Schedules and expectations ("is due to", "due on Saturday", "is expected
   to", "is set to", "scheduled for", "plans to", "had been supposed to", "is to be sworn
   in", "later today"), a date after publication that no past tense claims, and a modal
   ("will", "would", "could", "may", "should") nearer to the date than any past-tense verb.
4. **State.** Tallies ("has risen to", "the death toll stood at"), ongoing conditions
   ("remains", "continues to", "so far", "as of", "entered its seventh day"), "declined to
   comment", statistics of a month or a year ("grew 3 percent in the second quarter"), and
   negation or "still" nearer to the date than any past-tense verb ("had not yet").
5. Everything else **happened**.

"due to" meaning "because of" is not a future marker, nor are "as expected", "than planned".
Everything here is a few regular-expression scans of one clause: no parsing, no model.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.govern import Clause, background_of, clause_bounds, is_telling
from timeline.model import EventKind, Precision, TimeExpression

_WINDOW = 200
"""How far around its expression a clause is read."""
_BE = r"(?:is|are|was|were|be|been|being|am|'s|'re)"
_NOT_A_VERB_AFTER = (
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|bad|heavy|poor|high|low|"
    r"lack|concerns?|security|technical|weather|[a-z]+'s)\b)"
)
# Expectations that hold whatever the tense ("had been scheduled to start at 8:30").
_SCHEDULED = re.compile(
    rf"(?i)\b(?:{_BE}|remains?|seems?|appears?)\s+(?:\w+ly\s+|not\s+|now\s+|also\s+|still\s+)?"
    r"(?:due|expected|set|scheduled|slated|poised|likely|unlikely|supposed|meant|going|about|"
    rf"planning|preparing|hoping|ready|to\s+be)\s+to\b{_NOT_A_VERB_AFTER}|"
    rf"\b{_BE}\s+to\s+(?!the\b|a\b|an\b|blame\b)[a-z]+|"
    r"(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bour\s)"
    r"(?<!\bcanceled\s)(?<!\bcancelled\s)(?<!\bscrapped\s)(?<!\bdropped\s)"
    r"\b(?:plans?|planned|planning|intends?|intended|intending|aims?|aimed|aiming|hopes?|"
    r"hoped|hoping|expects?|expected|expecting|wants?|wanted|seeks?|sought|wish(?:es|ed)?)"
    r"\s+to\b|"
    r"\b(?:due|expected|slated)\s+(?:on|in|at|by|for|next|this|later|tomorrow|back|out|"
    r"before|after|to\s+be|ashore|early|late)\b|"
    r"\b(?:scheduled|planned|set|penciled|pencilled)\s+(?:for|on)\b|"
    r"\b(?:scheduled|slated)\s+to\s+[a-z]+|"  # "with Congress scheduled to adjourn next week"
    r"\b(?:forecasts?|forecasters?|upcoming|until\s+further\s+notice|"
    r"later\s+(?:today|tonight|this)|in\s+the\s+coming\s+(?:days|weeks|months))\b"
)
_BE_WORDS = frozenset("is are was were be been being am 's 're".split())
# The words without one of which neither pattern can match (a quick test before them).
_SCHEDULE_WORDS = frozenset(
    "due expected set scheduled slated poised likely unlikely supposed meant going about "
    "planning preparing hoping ready intended designed plans plan planned intends intend "
    "intending aims aim aimed aiming hopes hope hoped expects expect expecting wants want "
    "wanted seeks seek sought wish wishes wished penciled pencilled forecast forecasts "
    "forecasters upcoming until later coming".split()
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
_ABOUT = r"(?:more\s+than|at\s+least|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as)"
_STATE = re.compile(
    r"(?i)\b(?:has|have|had)\s+(?:now\s+|since\s+|so\s+far\s+|already\s+|also\s+)?(?:risen|"
    r"climbed|reached|grown|increased|surged|jumped|fallen|dropped|declined|doubled|tripled|"
    r"passed|topped|surpassed|exceeded|soared|mounted|totall?ed)\b|"
    r"\b(?:toll|tally|number|count|total|figure)\b[^.;]{0,40}?\b(?:rose|risen|climbed|reached|"
    r"stands?|stood|increased|jumped|passed|topped|is\s+now|was\s+now|(?:was|is)\s+(?:higher|"
    r"lower)\s+than|up\s+from|down\s+from)\b|"
    r"(?<![Tt]he\s)(?<![Tt]heir\s)(?<!\bhis\s)(?<!\bher\s)(?<=[a-z,]\s)(?-i:remain(?:s|ed))\b"
    r"(?!\s+of\b)|\bcontinu(?:es|ed|ing)\s+to\b|\bso\s+far\b|\bto\s+date\b|\bas\s+of\b|"
    r"\bin\s+total\b|\baltogether\b|"
    r"\bfor\s+(?:a|the)\s+(?:\w+\s+)?(?:straight|consecutive|successive)\s+(?:day|week|night)|"
    r"\b(?:entered|enters|entering|into)\s+its\s+\w+\s+(?:day|week|month|year)\b|"
    r"\bday\s+\d+\s+of\b|"
    r"\b(?:is|was|were|are|remains?|remained)\s+(?:still\s+)?(?:unclear|not\s+clear|unknown|"
    r"uncertain)\b|"
    r"\b(?:declined|refused)\s+to\s+comment|\bcould\s+not\s+(?:immediately\s+)?be\s+reached|"
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply|return|comment)|"
    r"\bno\s+(?:immediate\s+)?comment\b|\bwas\s+not\s+(?:immediately\s+)?available\b"
)
_STATISTIC = re.compile(
    r"(?i)\b(?:percent|per\s+cent|average|annual|annually|rate|valued\s+at|worth|totall?ed|"
    r"amounted\s+to|accounted\s+for|per\s+(?:year|month|day|capita)|grew|shrank|"
    r"gdp|inflation|unemployment)\b|%"
)
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
_SINCE = re.compile(r"(?i)\b(?:ever\s+)?since\b")
_CONDITION = re.compile(r"(?i)(?:if|unless)\b")
# Verbs whose infinitive a date may belong to.
_INTENT = re.compile(
    r"(?i)\b(?:agreed|agrees|decided|decides|vowed|vows|pledged|pledges|promised|promises|"
    r"threatened|threatens|offered|offers|proposed|proposes|ordered|orders|asked|asks|urged|"
    r"urges|called\s+on\s+\w+|voted|votes|prepared|prepares|ready|cautioned|warned|told)\b"
    r"[^,;]{0,60}?\bto\s+[a-z]+"
)
_HAPPENING = re.compile(
    r"(?i)\b(?:attacks?|assault|raids?|strikes?|air\s*strikes?|bombings?|blasts?|explosions?|"
    r"invasion|offensive|war|ceasefire|truce|deal|agreement|accord|election|coup|massacre|"
    r"earthquake|quake|hurricane|storm|disaster|spill|fire|crash|collapse|killings?|shooting|"
    r"uprising|revolution|outbreak|began|begun|started|broke\s+out|ended|erupted|exploded|"
    r"sank|struck|launched|signed|took\s+effect|took\s+office|collapsed|invaded|seized|"
    r"captured|fell)\b"
)
# A happening noun right after a date ("the Sept. 11, 2001, terror attacks").
_HAPPENING_NEXT = re.compile(
    r"(?i)[,']*\s*(?:(?!(?:the|a|an|this|that|its|their|his|her)\b)[a-z-]+\s+)?(?:attacks?|assault|raids?|strikes?|air\s*strikes?|bombings?|"
    r"blasts?|explosions?|invasion|offensive|war|ceasefire|truce|deal|agreement|accord|"
    r"election|coup|massacre|earthquake|quake|hurricane|storm|disaster|spill|crash|collapse|"
    r"killings?|shooting|uprising|revolution|outbreak|blow-?out)\b"
)
_HAPPENED_ON = re.compile(
    r"(?i)\b(?:began|begun|started|launched|broke\s+out|ended|erupted|exploded|sank|struck|"
    r"signed|took\s+effect|took\s+office|collapsed|invaded|seized|captured|attacked)\s+"
    r"(?:on\s+|in\s+|at\s+)?$"
)
_NEAR_HAPPENING = 40
# Where a smaller clause opens before the expression: a relative clause, a subordinate one, an
# appositive, a participle clause.
_OPENING = re.compile(
    r"(?i),\s+(?:who|which|whose|where|when)\b|,\s+(?:the|a|an)\s|,\s+[a-z]+ing\b|"
    r"\b(?:that|who|whom|whose|which|if|unless|because|although|though|whereas|while|when|but|"
    r"as|after|before|until|since|what|how|why|whether)\b"
)
# What may stand between an anchoring word and its date ("until at least Wednesday").
_ANCHOR_FILLER = frozenset(
    "the late early mid at least about around on in next last this noon midnight".split()
)


# A target or deadline a report names: "delayed the trial until May", "adjourned the hearing
# to 5 June", "has promised to finish by the end of the year".
_TARGET_BEFORE = re.compile(
    r"(?i)\b(?:until|till|to|by|through)\s+(?:at\s+least\s+)?(?:(?:late|early|mid)[\s-]+)?"
    r"(?:on\s+)?$"
)
# The infinitive of a decision, a promise or an order before its date: "has ordered the
# secretaries to visit the site on Friday", "has agreed to release 90 prisoners on Sunday".
_INTENDED_BEFORE = re.compile(
    r"(?i)\b(?:to\s+(?!be\b|have\b)[a-z]+(?:\s+(?!(?:was|were|had|did|and|but|that|which|who|"
    r"after|before|when)\b)(?![a-z]+ed\b)[\w'’-]+){0,6}?\s+(?:(?:on|at|by|in|next|this|early|"
    r"late)\s+)*)$"
)
# A report in the present perfect: what was just done ("has delayed", "have agreed", "has been
# postponed"); not "will have finished", "to have done", "has not agreed", "has to".
_JUST_DONE = re.compile(
    r"(?i)(?<!\bwill\s)(?<!\bwould\s)(?<!\bshould\s)(?<!\bcould\s)(?<!\bmust\s)"
    r"(?<!\bmight\s)(?<!\bmay\s)(?<!\bto\s)\b(?:has|have|'ve)\s+(?:(?:now|just|also|again|"
    r"finally|formally|already|officially|indefinitely|effectively)\s+)?(?:been\s+)?"
    r"(?!(?:been|had|not|never|no|to|yet|since)\b)[a-z]+(?:ed|en|wn|ght|lt|nt|ne|de|id|ut|un|"
    r"ung|ot|ld)\b"
)


def target_of_report(
    sentence: str,
    offset: int,
    expression: TimeExpression,
    published: dt.date,
    clause: Clause,
    *,
    lead: bool = False,
) -> str | None:
    """How a clause's date is only a target or deadline it names, ahead of publication:
    ``"told"`` when what it reports was done when it was told ("A judge has delayed the trial
    until May": a happening of the day it was reported, May only what is expected; a present
    perfect says so anywhere in an article, a past tense in its lead, which is the day's
    news), ``"target"`` when it was done on some day the text does not give ("The court
    adjourned the hearing to 5 June" later in an article), None when the date is no target."""
    date = expression.date
    if date is None or (date.end - published).days <= 1:
        return None  # a bound already reached, or the day itself ("until Wednesday" today)
    start = expression.start - offset
    before = sentence[max(clause[0] - offset, start - _WINDOW) : start]
    target = _TARGET_BEFORE.search(before) or _INTENDED_BEFORE.search(before)
    if target is None or background_of(expression, sentence, offset) == "modifier":
        return None
    told = before[: target.start()]
    words = frozenset(_TOKEN.findall(before.lower()))
    if _scheduled(before, words) or _is_state(before, words):
        return None
    if _JUST_DONE.search(told):
        return "told"
    nearest = _first(_nearest(told, len(told), len(told)), ("modal", "state", "past"))
    if nearest != "past":
        return None
    return "told" if lead else "target"


def classify(
    sentence: str,
    offset: int,
    expression: TimeExpression | None,
    published: dt.date,
    clause: Clause | None = None,
) -> EventKind:
    """The kind of the clause of a sentence (starting at ``offset``) that ``expression``
    dates; with no expression, the kind of the sentence's first clause (an undated lead).

    ``clause`` is the clause's span in the file's offsets (``govern.dated_clauses`` gives
    it); only a few hundred characters around the expression are read, whatever its length.
    """
    if expression is None:
        return _kind_of_lead(sentence[: 2 * _WINDOW])
    start, end = expression.start - offset, expression.end - offset
    low, high = (
        (clause[0] - offset, clause[1] - offset) if clause else clause_bounds(sentence, start)
    )
    low, high = max(low, start - _WINDOW), min(high, end + _WINDOW)
    text, start, end = sentence[low:high], start - low, end - low
    background = background_of(expression, sentence, offset)
    if background == "modifier":
        return EventKind.MENTION  # "Tuesday's explosion", even after "officials say the slick from"
    if is_telling(text[:start], text[end:]):
        telling = frozenset(_TOKEN.findall(text.lower()))
        return EventKind.STATE if _is_state(text, telling) else EventKind.HAPPENED
    if background and _HAPPENING_NEXT.match(text, end):
        return EventKind.MENTION  # "before the Sept. 11, 2001, attacks"
    scope, at, stop = _scope(text, start, end)
    if background in ("since", "as of"):
        return _state_or_mention(scope, at)
    if _SINCE.match(scope):
        return EventKind.MENTION  # "since the war began on October 7": what it counts from
    markers = _nearest(scope, at, stop)
    ahead = _after(expression, published)
    words = frozenset(_TOKEN.findall(scope.lower()))
    if _CONDITION.match(scope) or _scheduled(scope, words):
        return EventKind.EXPECTED
    if _intended(scope, at, expression, published):
        return EventKind.EXPECTED
    if ahead and _first(markers, ("modal", "infinitive", "past")) != "past":
        return EventKind.EXPECTED
    if background in ("until", "till"):
        return EventKind.STATE
    if _is_state(scope, words) or _statistic(scope, expression):
        return _state_or_mention(scope, at)
    nearest = _first(markers, ("modal", "state", "past"))
    if nearest == "modal":
        return EventKind.EXPECTED
    if nearest == "state" or background == "by":
        return EventKind.STATE
    return EventKind.HAPPENED


def _kind_of_lead(sentence: str) -> EventKind:
    """An undated lead, by the cues of its first clause."""
    opening = _OPENING.search(sentence)
    clause = sentence[: opening.start()] if opening else sentence
    words = frozenset(_TOKEN.findall(clause.lower()))
    if _scheduled(clause, words):
        return EventKind.EXPECTED
    if _is_state(clause, words):
        return EventKind.STATE
    nearest = _first(_nearest(clause, len(clause), len(clause)), ("modal", "state", "past"))
    if nearest == "modal":
        return EventKind.EXPECTED
    return EventKind.STATE if nearest == "state" else EventKind.HAPPENED


def _scope(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The smallest clause around the expression at ``start:end`` of a clause, where the
    expression starts in it and where it ends: from the last clause opening before it (one
    that is not just the expression's own preposition, as in "until at least Friday") to the
    next one after it."""
    begin, stop = 0, len(sentence)
    for match in _OPENING.finditer(sentence, begin, start):
        between = sentence[match.end() : start].lower().split()
        if not all(word.strip(",") in _ANCHOR_FILLER for word in between):
            begin = match.start()
    if sentence.startswith(",", begin) and sentence[begin + 1 : start].strip():
        comma = sentence.find(",", end, stop)  # a relative clause or appositive set off by commas
        stop = comma if comma >= 0 else stop
    for match in _OPENING.finditer(sentence, end, stop):
        if not _dates_next(sentence, match.end()):
            stop = match.start()
            break
    return sentence[begin:stop], start - begin, end - begin


def _dates_next(sentence: str, position: int) -> bool:
    """True when the words after a clause opening are a date, as in "from Friday until
    Sunday": the opening is that date's preposition, not a clause."""
    words = sentence[position : position + 30].lower().split()
    words = [w for w in words if w not in _ANCHOR_FILLER]
    return bool(words) and (words[0][:1].isdigit() or words[0][:3] in _DATE_STARTS)


_DATE_STARTS = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun tod tom yes "
    "ton".split()
)


def _nearest(scope: str, at: int, end: int) -> list[str]:
    """The kinds of the verb markers around the expression at ``at:end`` in ``scope``,
    nearest first; those before it come first, for the verb a date follows is the one it
    dates ("the pair who flew back on April 21 had not been in an area")."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(scope)]
    words = [word.lower().replace("’", "'") for _, _, word in tokens]
    found: list[tuple[bool, int, str]] = []
    for index, (start, stop, word) in enumerate(tokens):
        if start < end and stop > at:
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


def _first(kinds: list[str], among: tuple[str, ...]) -> str | None:
    return next((kind for kind in kinds if kind in among), None)


def _scheduled(scope: str, words: frozenset[str]) -> bool:
    """A schedule or an expectation in the clause (``words``: its words, lower-cased)."""
    if words.isdisjoint(_SCHEDULE_WORDS) and ("to" not in words or words.isdisjoint(_BE_WORDS)):
        return False  # no word any of the patterns needs
    if _NOT_SCHEDULED.search(scope):
        scope = _NOT_SCHEDULED.sub(" ", scope)
    return _SCHEDULED.search(scope) is not None


def _is_state(scope: str, words: frozenset[str]) -> bool:
    """A tally, an ongoing condition or a refusal to comment in the clause."""
    if words.isdisjoint(_STATE_WORDS) and "as of" not in scope.lower():
        return False
    if _STATE.search(scope) is not None:
        return True
    return _TOLL.search(scope) is not None and _DISCRETE.search(scope) is None


def _intended(scope: str, at: int, expression: TimeExpression, published: dt.date) -> bool:
    """An intention verb whose infinitive the date follows, the date not yet past ("had
    vowed to conduct the test by midday Tuesday"); "vowed on Monday to retaliate" is a vow."""
    date = expression.date
    if date is None or date.end <= published:
        return False
    return any(m.end() <= at for m in _INTENT.finditer(scope, 0, at))


def _after(expression: TimeExpression, published: dt.date) -> bool:
    """Dated after the article was published: it cannot have happened yet."""
    return expression.date is not None and expression.date.start > published


def _statistic(scope: str, expression: TimeExpression) -> bool:
    """A figure of a month, a quarter or a year ("unemployment rose to 6.1 percent in
    August"): a statistic, not a happening. So is an amount of a whole year ("Tourists spent
    $2.3 billion on Alabama's beaches in 2008", "89 million pounds produced in 2008"): what a
    year adds up to is no occurrence at one time."""
    date = expression.date
    if date is None or date.precision.rank < Precision.MONTH.rank:
        return False
    if _STATISTIC.search(scope) is not None:
        return True
    return (
        date.precision.rank >= Precision.YEAR.rank
        and _AMOUNT.search(scope) is not None
        and _DEAL.search(scope) is None
    )


def _state_or_mention(scope: str, at: int) -> EventKind:
    """A state; a mention when its date is that of a happening it names: after "since"
    ("since the October 7 attack", "since the war began on October 7") or just before the
    date ("the operation launched on January 21 entered its seventh day")."""
    opened = [m.end() for m in _SINCE.finditer(scope, 0, at)]
    if opened and _HAPPENING.search(scope, opened[-1], min(len(scope), at + _NEAR_HAPPENING)):
        return EventKind.MENTION
    if _HAPPENED_ON.search(scope, max(0, at - _NEAR_HAPPENING), at):
        return EventKind.MENTION
    return EventKind.STATE
