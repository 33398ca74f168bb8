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
   event is a mention of it, as is the date of a comparison with an earlier occurrence
   ("as he did Tuesday"). A period counted from a date ("since March 2011") is a state, and
   a mention when it names the happening it counts from ("since the October 7 attack",
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
Everything here is a few regular-expression scans of one clause: no parsing, no model. The cue
words they look for (schedules, tallies and states, the verb markers nearest to a date) are
read in ``cues.py``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator

from timeline.extract.cues import (
    Gate,
    cue_words,
    first_of,
    folds_case,
    is_scheduled,
    is_state,
    may_match,
    nearest_markers,
    tokens_of,
)
from timeline.extract.govern import Clause, background_of, clause_bounds, is_telling
from timeline.extract.states import (
    describes_a_picture,
    describes_condition,
    tells_a_habit,
    tells_a_recap,
    tells_a_statistic,
    tells_lasting,
    tells_prevented,
)
from timeline.extract.tellingwords import PAST, alternation, pick
from timeline.model import EventKind, Precision, TimeExpression

_WINDOW = 200
"""How far around its expression a clause is read."""
_SINCE = re.compile(r"(?i)\b(?:ever\s+)?since\b")
_CONDITION = re.compile(
    r"(?i)(?:if|unless|whatever|whichever|no\s+matter)\b|"
    r"however\s+(?!(?:the|a|an|this|that|these|those|he|she|it|they|we|you|i)\b)"
    r"(?-i:[a-z]+)\s+(?-i:[a-z]+)"
)
"""A condition, or a concession that holds whatever happens ("However things go on Wall
Street today, the reworking will continue"; not the adverb: "However, the army struck")."""
# A date of a noun that is planned: "called off a scheduled trip to Alabama and Florida
# today", "the planned handover on Saturday".
_PLANNED_NOUN = re.compile(
    r"(?i)\b(?:a|an|the|his|her|its|their)\s+(?:scheduled|planned|proposed|upcoming|"
    r"expected|intended)\s+[a-z]+(?:\s+(?:to|in|with|at|of)\s+[A-Z][\w.'-]*(?:\s+(?:and|"
    r"or)\s+[A-Z][\w.'-]*)?)?\s+(?:(?:on|at|in|for|this|next)\s+)?$"
)
_PLANNED_WORDS = frozenset("scheduled planned proposed upcoming expected intended".split())
# Verbs whose infinitive a date may belong to.
_INTENT = re.compile(
    r"(?i)\b(?:agreed|agrees|decided|decides|vowed|vows|pledged|pledges|promised|promises|"
    r"threatened|threatens|offered|offers|proposed|proposes|ordered|orders|asked|asks|urged|"
    r"urges|called\s+on\s+\w+|voted|votes|prepared|prepares|ready|cautioned|warned|told)\b"
    r"[^,;]{0,60}?\bto\s+[a-z]+"
)
_INTENT_GATE: Gate = (
    tuple(
        "agree decide vow pledge promise threaten offer propose order ask urge called vote "
        "prepare ready caution warn told".split()
    ),
    ("to",),
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
_SAID = re.compile(r"(?i)\b" + alternation(PAST | pick("says")) + r"\b")
# A bound that a verb runs to, as "until" is ("the moratorium goes through Nov. 30", "runs
# through the end of May"); not the end of a range ("from Monday through Wednesday").
_THROUGH_BEFORE = re.compile(
    r"\b(?!(?:week|month|year|day|weekend|morning|afternoon|evening|night|today|tomorrow|"
    r"yesterday|now|then|and|or)\b)[a-z]+\s+(?:on\s+)?(?:through|thru)\s+(?:the\s+)?"
    r"(?:(?:end|middle)\s+of\s+)?(?:(?:late|early|mid)[\s-]+)?$"
)
# Where a smaller clause opens before the expression: a relative clause, a subordinate one, an
# appositive, a participle clause.
_OPENING_WORDS = frozenset(
    "that who whom whose which if unless because although though whereas while when but as "
    "after before until since what how why whether".split()
)
_OPENING = re.compile(
    r"(?i),\s+(?:who|which|whose|where|when)\b|,\s+(?:the|a|an)\s|,\s+[a-z]+ing\b|"
    rf"\b(?:{'|'.join(sorted(_OPENING_WORDS))})\b"
)
_WORD = re.compile(r"[a-z]+")
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


class _Unread(enum.Enum):
    """The default of a ``background`` argument: not read by the caller, read here."""

    UNREAD = enum.auto()


def target_of_report(
    sentence: str,
    offset: int,
    expression: TimeExpression,
    published: dt.date,
    clause: Clause,
    *,
    lead: bool = False,
    background: str | _Unread | None = _Unread.UNREAD,
) -> str | None:
    """How a clause's date is only a target or deadline it names, ahead of publication:
    ``"told"`` when what it reports was done when it was told ("A judge has delayed the trial
    until May": a happening of the day it was reported, May only what is expected; a present
    perfect says so anywhere in an article, a past tense in its lead, which is the day's
    news), ``"target"`` when it was done on some day the text does not give ("The court
    adjourned the hearing to 5 June" later in an article), None when the date is no target.
    ``background``: the expression's ``govern.background_of``, when the caller has it."""
    date = expression.date
    if date is None or (date.end - published).days <= 1:
        return None  # a bound already reached, or the day itself ("until Wednesday" today)
    start = expression.start - offset
    before = sentence[max(clause[0] - offset, start - _WINDOW) : start]
    target = _TARGET_BEFORE.search(before) or _INTENDED_BEFORE.search(before)
    if target is None:
        return None
    if isinstance(background, _Unread):
        background = background_of(expression, sentence, offset)
    if background in ("modifier", "comparison"):
        return None
    told = before[: target.start()]
    words = cue_words(before)
    if is_scheduled(before, words) or is_state(before, words):
        return None
    if _JUST_DONE.search(told):
        return "told"
    nearest = first_of(nearest_markers(told, len(told), len(told)), ("modal", "state", "past"))
    if nearest != "past":
        return None
    return "told" if lead else "target"


def classify(
    sentence: str,
    offset: int,
    expression: TimeExpression | None,
    published: dt.date,
    clause: Clause | None = None,
    *,
    background: str | _Unread | None = _Unread.UNREAD,
) -> EventKind:
    """The kind of the clause of a sentence (starting at ``offset``) that ``expression``
    dates; with no expression, the kind of the sentence's first clause (an undated lead).

    ``clause`` is the clause's span in the file's offsets (``govern.dated_clauses`` gives
    it); only a few hundred characters around the expression are read, whatever its length.
    ``background``: the expression's ``govern.background_of``, when the caller has it (as
    ``govern.datings`` gives it).
    """
    if expression is None:
        return _kind_of_lead(sentence[: 2 * _WINDOW])
    if expression.date is not None and expression.date.precision is Precision.CENTURY:
        return EventKind.STATE  # "the worst war of the 21st century": no happening's date
    start, end = expression.start - offset, expression.end - offset
    low, high = (
        (clause[0] - offset, clause[1] - offset) if clause else clause_bounds(sentence, start)
    )
    low, high = max(low, start - _WINDOW), min(high, end + _WINDOW)
    text, start, end = sentence[low:high], start - low, end - low
    if isinstance(background, _Unread):
        background = background_of(expression, sentence, offset)
    if background in ("modifier", "comparison"):
        return EventKind.MENTION  # "Tuesday's explosion", even after "officials say the slick from"
    if is_telling(text[:start], text[end:]):
        telling = cue_words(text)
        if is_state(text, telling) or _tells_a_condition(text[:start]):
            return EventKind.STATE
        return EventKind.HAPPENED
    if background and _HAPPENING_NEXT.match(text, end):
        return EventKind.MENTION  # "before the Sept. 11, 2001, attacks"
    scope, at, stop = _scope(text, start, end)
    if background in ("since", "as of"):
        return _state_or_mention(scope, at)
    if _SINCE.match(scope):
        return EventKind.MENTION  # "since the war began on October 7": what it counts from
    tokens = tokens_of(scope)  # read by the markers and by the condition test
    markers = nearest_markers(scope, at, stop, tokens)
    ahead = _after(expression, published)
    words = cue_words(scope, tokens)
    if _CONDITION.match(scope) or is_scheduled(scope, words) or _planned_noun(scope, at, words):
        return EventKind.EXPECTED
    if _intended(scope, at, expression, published):
        return EventKind.EXPECTED
    if ahead and first_of(markers, ("modal", "infinitive", "past")) != "past":
        return EventKind.EXPECTED
    if background in ("until", "till") or _bound_passed(text, start, expression, published):
        return EventKind.STATE
    if is_state(scope, words) or tells_a_statistic(scope, expression):
        return _state_or_mention(scope, at)
    nearest = first_of(markers, ("modal", "state", "past"))
    if nearest == "modal":
        return EventKind.EXPECTED
    if nearest == "state" or background == "by":
        return EventKind.STATE
    if describes_condition(scope, at, stop, tokens) or tells_a_habit(scope):
        return _state_or_mention(scope, at)  # "the attention today is on AIG"
    if tells_lasting(scope, at) or tells_prevented(text) or describes_a_picture(text, start, end):
        return EventKind.STATE  # "persisted 10 years ago", "pictures on Wednesday showed"
    return EventKind.HAPPENED


def _tells_a_condition(before: str) -> bool:
    """What a dated telling tells, up to its first comma, only describes a condition ("It
    was the first monthly decline since October 2006, an economist said yesterday"): the
    telling is no happening of its own, as a told tally is none."""
    if "," not in before:
        return False
    told, teller = before.split(",", 1)
    if _SAID.search(teller) is None:
        return False  # no verb of telling after it ("a voyage to the United States")
    return describes_condition(told, len(told), len(told))


def _kind_of_lead(sentence: str) -> EventKind:
    """An undated lead, by the cues of its first clause; a recap of recent days anywhere in
    it is a state (a headline run into the lead may hold a clause opening)."""
    if tells_a_recap(sentence):
        return EventKind.STATE
    opening = _OPENING.search(sentence)
    clause = sentence[: opening.start()] if opening else sentence
    words = cue_words(clause)
    if is_scheduled(clause, words):
        return EventKind.EXPECTED
    if is_state(clause, words):
        return EventKind.STATE
    nearest = first_of(
        nearest_markers(clause, len(clause), len(clause)), ("modal", "state", "past")
    )
    if nearest == "modal":
        return EventKind.EXPECTED
    return EventKind.STATE if nearest == "state" else EventKind.HAPPENED


def _scope(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The smallest clause around the expression at ``start:end`` of a clause, where the
    expression starts in it and where it ends: from the last clause opening before it (one
    that is not just the expression's own preposition, as in "until at least Friday") to the
    next one after it."""
    begin, stop = 0, len(sentence)
    for match in reversed(list(_openings(sentence, 0, start))):  # the last one counts
        between = sentence[match.end() : start].lower().split()
        if not all(word.strip(",") in _ANCHOR_FILLER for word in between):
            begin = match.start()
            break
    if sentence.startswith(",", begin) and sentence[begin + 1 : start].strip():
        comma = sentence.find(",", end, stop)  # a relative clause or appositive set off by commas
        stop = comma if comma >= 0 else stop
    for match in _openings(sentence, end, stop):
        if not _dates_next(sentence, match.end()):
            stop = match.start()
            break
    return sentence[begin:stop], start - begin, end - begin


def _openings(text: str, begin: int, end: int) -> Iterator[re.Match[str]]:
    """The clause openings (``_OPENING``) in ``text[begin:end]``, not searched for where
    there is neither a comma nor a word of one (the pattern is tried at every character), as
    in most clauses; always in a text with a letter that folds case (``cues.folds_case``)."""
    if (
        not folds_case(text)
        and text.find(",", begin, end) < 0
        and _OPENING_WORDS.isdisjoint(_WORD.findall(text.lower(), begin, end))
    ):
        return iter(())
    return _OPENING.finditer(text, begin, end)


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


def _intended(scope: str, at: int, expression: TimeExpression, published: dt.date) -> bool:
    """An intention verb whose infinitive the date follows, the date not yet past ("had
    vowed to conduct the test by midday Tuesday"); "vowed on Monday to retaliate" is a vow."""
    date = expression.date
    if date is None or date.end <= published:
        return False
    if not may_match(scope, _INTENT_GATE):
        return False
    return any(m.end() <= at for m in _INTENT.finditer(scope, 0, at))


def _planned_noun(scope: str, at: int, words: frozenset[str]) -> bool:
    """The date is a planned noun's ("called off a scheduled trip to Alabama today")."""
    if words.isdisjoint(_PLANNED_WORDS):
        return False  # no word the pattern needs
    return _PLANNED_NOUN.search(scope, 0, at) is not None


def _bound_passed(text: str, start: int, expression: TimeExpression, published: dt.date) -> bool:
    """A bound a verb ran to, passed before publication, as "until" is ("the curfew ran
    through January 31"): what held up to it, not what happened on it. A bound of the day
    or after ("allowed BP to test through Friday evening") is left to the other rules."""
    date = expression.date
    if date is None or date.end > published or "thr" not in text[max(0, start - 40) : start]:
        return False  # most dates: no "through" or "thru" just before them
    return _THROUGH_BEFORE.search(text, 0, start) is not None


def _after(expression: TimeExpression, published: dt.date) -> bool:
    """Dated after the article was published: it cannot have happened yet."""
    return expression.date is not None and expression.date.start > published


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
