"""Which expressions of a sentence date it: clauses, background dates and precision.

A sentence is cut into clauses at semicolons and at a comma before "and", "but", "while"
or "whereas". In each clause, the dating expression is the first one that is not
background, where background means an anchor ("since October 7", "until March", "after
January 19"), a modifier of a noun ("the October 7 attack", "Sunday's vote") or a
comparison with an earlier occurrence ("as he did Tuesday", "just as the army had in
March"). A later
expression of the same clause wins when it is finer and lies inside the first ("in January
... on January 19"). A clause whose only dates are background is dated by its first one.
Clauses dated alike give one date: a sentence yields each distinct date once.

Who said something is not the happening: when the first date of a clause dates a reporting
verb ("X said on Tuesday that Y happened on Monday", see ``is_telling``) and another date of
the clause dates what is told, the told date dates the clause; both do when the told date is
later than the telling (an announcement and the plan it announces: "Hamas said on Monday it
would postpone the release due on Saturday").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from timeline.extract import tellingwords
from timeline.extract.cues import folds_case
from timeline.model import DateValue, TimeExpression

_PART_OF_DAY = re.compile(r"T(?:MO|MI|AF|EV|NI|DT)$")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")
_ANCHOR_BEFORE = re.compile(
    r"\b(since|until|till|before|after|following|by|from|prior\s+to|as\s+of|ahead\s+of)"
    r"(?:\s+(?:the|late|early|mid))?\s*$",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their)\s+$", re.IGNORECASE)
# The last word of each pattern above, for a quick test before the pattern is searched for:
# most dates follow none of them ("on Monday").
ANCHOR_LAST_WORDS = (
    "since", "until", "till", "before", "after", "following", "by", "from", "to", "of", "the",
    "late", "early", "mid",
)  # fmt: skip
MODIFIER_LAST_WORDS = ("the", "a", "an", "this", "that", "its", "their")
# A comparison with an earlier occurrence: "as he did Tuesday", "just as the army had in
# March", "like it did on Friday", "as they were in 2014". The date is the compared
# occurrence's, never the sentence's own happening. Not "as he did so on Tuesday" (the same
# occurrence), "as expected", nor a clause of time whose verb follows the date ("as he had
# on Tuesday signed ...", checked after the date).
_COMPARISON_BEFORE = re.compile(
    r"(?i)\b(?:as|like)\s+(?:(?!(?:if|though|soon|long|far|well|that|which|who|whom|when|where|"
    r"and|but|or|because|since|so|not)\b)[\w'’.-]+\s+){1,4}?"
    r"(?:did|does|do|had|has|have|was|were)(?:\s+(?:been|done))?"
    r"(?:\s+(?:before|too|also|once|previously|earlier))?\s+(?:(?:on|in|at)\s+)?$"
)
_PRO_VERBS = frozenset("did does do had has have was were been done".split())
_VERB_AFTER = re.compile(r"\s+(?!(?:morning|evening|during|following)\b)[a-z]+(?:ed|ing)\b")
_NOUN_AFTER = re.compile(r"'s|’s|\s+[a-z][a-z-]+(?!\w)")
# A period's figures: "first-quarter results", "fourth quarter profit", "Q2 earnings" name
# the period they cover, not the day they were told.
_PERIOD = re.compile(r"(?i)(?:quarter|half|Q[1-4]|H[12])$")
_PERIOD_FIGURES = re.compile(
    r"(?i)\s+(?:results?|earnings|profits?|loss(?:es)?|sales|revenues?|figures|numbers|"
    r"growth|output|dividends?|gdp|report)\b"
)
_LOOK_BACK = 100
"""How far before an expression the words that make it background are looked for: a few
words and the masked markup between them, never the whole sentence (a sentence can be as
long as a paragraph, and reading all of it before each date would be quadratic)."""
Clause = tuple[int, int]
# Where a reporting verb dates the telling: "said on Tuesday", "told reporters on Monday",
# "in a statement on Friday", "speaking to reporters on Monday"; the words between the verb
# and the date hold no verb of their own ("said Hamas would free them on Saturday").
_TELLING_VERBS = tellingwords.pick(
    "said says say told tells announced announces reported stated confirmed confirms added "
    "adds claimed insisted warned declared disclosed revealed wrote tweeted posted spoke"
)
"""The verbs that date a telling here: fewer than the vocabulary's, for a verb such as
"recalled", "promised" or "vowed" may be an act of its own ("recalled its ambassador on
Monday") or open another clause whose date it is ("promised to free them on Saturday")."""
_NAME_VERBS = tellingwords.pick("reports states")
"""Verbs of telling that are nouns too, told from them by the word before."""
_TELLING_BEFORE = re.compile(
    r"(?i)\b(?P<word>"
    + tellingwords.alternation(_TELLING_VERBS | tellingwords.NOUNS)
    + r"|(?<!the\s)(?<!these\s)(?<!those\s)(?<!its\s)(?<!their\s)(?<!other\s)(?<!all\s)"
    r"(?<!many\s)(?<!some\s)(?<!\d\s)"  # not "the states of Mexico"
    + tellingwords.alternation(_NAME_VERBS)
    + r")\b(?P<gap>(?:\s+[\w'’-]+){0,8}?)\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?$"
)
_GAP_VERB = re.compile(
    r"(?i)\b(?:that|which|who|if|when|will|would|could|can|might|should|must|shall|is|are|"
    r"was|were|has|have|had|did|does|'ll|began|came|went|took|made|gave|held|met|left|fled|"
    r"struck|hit|fell|rose|won|lost|saw|became|sent|brought|sank|broke|ran|drove|flew|shot|"
    r"fought|caught|led|kept|found|got|stood|threw|blew|tore|froze|stole|withdrew|overran|"
    r"bought|paid|sold|sought|built|spent|rode|woke|beat|bit|hid|slew|swept|shook|spread)\b|"
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b(?!(?:issued|published|released|televised)\b)\w+ed\b"
)
_TELLING_AFTER = re.compile(
    r"(?i)\s*,?\s*(?:[\w'’.-]+\s+){0,6}?"
    + tellingwords.alternation(
        tellingwords.pick("said says told announced reported confirmed stated declared warned")
    )
    + r"\b"
)
_TELLING_WINDOW = 90
# The nouns of telling stay tellings inside a name ("the State of the Union Address"); a verb
# does not: "States" in "the United States", "Reports" in "Associated Press Reports".
_TELLING_NOUNS = tellingwords.NOUNS
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+$")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\b", re.IGNORECASE)
_TELLING_WORDS = _TELLING_VERBS | _NAME_VERBS | tellingwords.NOUNS
_WORD = re.compile(r"[a-z]+")
_NOT_NOUNS = frozenset(
    "and or but when as after before that which who while at in on to of by for from with "
    "is was were are has had have will would could should".split()
)


@dataclass(frozen=True, slots=True)
class Dating:
    """An expression that dates a clause of a sentence, the clause's span in offsets of the
    file, and how the expression is background (``background_of``: read here already, so
    that the classes need not read it again)."""

    expression: TimeExpression
    clause: Clause
    background: str | None


def dating_expressions(
    sentence: str, offset: int, expressions: Sequence[TimeExpression]
) -> list[TimeExpression]:
    """The expressions (given in text order) that date a sentence starting at ``offset``,
    one per distinct date."""
    return [dating.expression for dating in datings(sentence, offset, expressions)]


def dated_clauses(
    sentence: str, offset: int, expressions: Sequence[TimeExpression]
) -> list[tuple[TimeExpression, Clause]]:
    """Each expression that dates the sentence (as ``dating_expressions``) with the span of
    its clause, in offsets of the file."""
    return [(dating.expression, dating.clause) for dating in datings(sentence, offset, expressions)]


def datings(sentence: str, offset: int, expressions: Sequence[TimeExpression]) -> list[Dating]:
    """Each expression that dates the sentence (as ``dated_clauses``), with its clause and
    its background."""
    chosen: list[Dating] = []
    values: set[str] = set()
    starts = [e.start for e in expressions]
    for clause in _clauses(sentence, offset):
        first = bisect.bisect_left(starts, clause[0])
        inside = expressions[first : bisect.bisect_left(starts, clause[1], lo=first)]
        for best, background in _clause_dates(inside, sentence, offset):
            if best.value not in values:
                values.add(best.value)
                chosen.append(Dating(best, clause, background))
    return chosen


def is_telling(before: str, after: str) -> bool:
    """True when the expression between ``before`` and ``after`` (the text of its sentence
    on either side, a hundred characters or so of each suffice) dates a reporting verb:
    "said on Tuesday", "Speaking to reporters on Monday", "On Tuesday, officials said"."""
    window = before[-_TELLING_WINDOW:]
    match = _telling_before(window, after[:_TELLING_WINDOW])
    if match is not None and not _GAP_VERB.search(match.group("gap")):
        return True
    opens = len(before.split(maxsplit=2)) <= 2  # "On Tuesday, officials said ..."
    return opens and _TELLING_AFTER.match(after) is not None


def _telling_before(window: str, after: str) -> re.Match[str] | None:
    """The first telling of ``window`` that reaches its end, passing over a verb of telling
    that is a word of a proper name ("a voyage to the United States on Monday"). None
    when the window holds no word of telling at all, as most do."""
    for match in _tellings(window):
        if not _names(match, window, after):
            return match
    return None


def _tellings(window: str) -> Iterator[re.Match[str]]:
    """Where ``_TELLING_BEFORE`` matches in ``window``, from its first word on. A match can
    only begin at a word of telling, so only those are tried (the pattern, searched, is
    tried at every character); a window with a letter that the pattern, ignoring case,
    takes for one of its own but ``lower()`` does not give (``cues.folds_case``: "ſ" for
    "s") is searched as it is."""
    lower = window.lower()
    if not folds_case(window):
        for word in _WORD.finditer(lower):
            if word.group() in _TELLING_WORDS:
                match = _TELLING_BEFORE.match(window, word.start())
                if match is not None:
                    yield match
        return
    if _TELLING_WORDS.isdisjoint(_WORD.findall(lower)):
        return
    position = 0
    while (match := _TELLING_BEFORE.search(window, position)) is not None:
        yield match
        position = match.start() + 1


def _names(match: re.Match[str], window: str, after: str) -> bool:
    """Whether the telling word of ``match`` is a capitalized verb that continues a run of
    capitalized words in running text: a part of a name, not a telling. In a title set in
    capitals ("Army Says on Monday It Withdrew") it is still a telling; a title is told
    from text by a long word in lower case around it."""
    word = match.group("word")
    if not word[0].isupper() or word.lower() in _TELLING_NOUNS:
        return False
    if _NAME_BEFORE.search(window, 0, match.start()) is None:
        return False
    around = window[: match.start()] + " " + after
    return any(w[0].islower() for w in _LONG_WORD.findall(around))


def background_of(expression: TimeExpression, sentence: str, offset: int) -> str | None:
    """How an expression is background: the anchor word before it ("since", "until" ...),
    ``"modifier"`` for a noun modifier ("the October 7 attack", "Sunday's vote"),
    ``"comparison"`` for the date of an earlier occurrence compared with ("as he did
    Tuesday"), or None when it is not background."""
    start, end = expression.start - offset, expression.end - offset
    look_from = max(0, start - _LOOK_BACK)
    if _possessive(expression, sentence, end):
        return "modifier"  # "from last week's explosion", "since Tuesday's attack": its noun's
    anchor = None
    if may_end_with(sentence, look_from, start, ANCHOR_LAST_WORDS):
        anchor = _ANCHOR_BEFORE.search(sentence, look_from, start)
    modifier = _modifies_a_noun(expression, sentence, look_from, start, end)
    if anchor is not None and not (modifier and anchor.group(1).lower() == "by"):
        return anchor.group(1).lower()  # but "affected by Tuesday's earthquake" is no deadline
    if modifier:
        return "modifier"
    return "comparison" if _compares(sentence, look_from, start, end) else None


def _compares(sentence: str, look_from: int, start: int, end: int) -> bool:
    """ "as he did Tuesday", "just as the army had in March": the date of an earlier
    occurrence the sentence compares its own with."""
    words = sentence[max(look_from, start - 30) : start]
    if words.isascii() and _PRO_VERBS.isdisjoint(words.lower().split()):
        return False  # most dates: no pro-verb in the few words before them
    if _COMPARISON_BEFORE.search(sentence, look_from, start) is None:
        return False
    return _VERB_AFTER.match(sentence, end) is None


def _possessive(expression: TimeExpression, sentence: str, end: int) -> bool:
    """ "Tuesday's", "last week's": the date of the noun that follows, whatever comes before."""
    return expression.text.endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), end)


def _modifies_a_noun(
    expression: TimeExpression, sentence: str, look_from: int, start: int, end: int
) -> bool:
    """ "Tuesday's explosion", "the October 7 attack"."""
    if expression.text.endswith(("'s", "’s")):
        return True
    if _PERIOD.search(expression.text) and _PERIOD_FIGURES.match(sentence, end):
        return True  # "better than expected first quarter results on Tuesday"
    noun = _NOUN_AFTER.match(sentence, end)
    if noun is None:
        return False
    word = noun.group(0).strip()
    if word in ("'s", "’s"):
        return True
    if word in _NOT_NOUNS or not may_end_with(sentence, look_from, start, MODIFIER_LAST_WORDS):
        return False
    return _MODIFIER_BEFORE.search(sentence, look_from, start) is not None


def may_end_with(sentence: str, begin: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``sentence[begin:end]``, trailing spaces aside, can end with one of ``words``
    (lower case), as a pattern that ends in one of them before ``\\s*$`` needs: a quick test
    that spares searching the window for it (a pattern anchored at its end is still tried
    at every character). Text with letters outside ASCII always may: a case-insensitive
    pattern matches letters that ``lower()`` leaves alone (the long s of "ſince")."""
    tail = sentence[begin:end].rstrip()
    return not tail.isascii() or tail.lower().endswith(words)


def clause_bounds(sentence: str, position: int) -> Clause:
    """Where the clause that holds ``position`` begins and ends in ``sentence``."""
    for start, end in _clauses(sentence, 0):
        if start <= position < end:
            return start, end
    return 0, len(sentence)


def _clauses(sentence: str, offset: int) -> list[Clause]:
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    bounds = [0, *cuts, len(sentence)]
    return [(offset + a, offset + b) for a, b in itertools.pairwise(bounds)]


def _clause_dates(
    inside: Sequence[TimeExpression], sentence: str, offset: int
) -> list[tuple[TimeExpression, str | None]]:
    """The expressions that date a clause, each with its background (None: it is
    foreground)."""
    dated = [e for e in inside if e.date is not None and e.resolved]
    if not dated:
        return []
    backgrounds = [background_of(e, sentence, offset) for e in dated]
    foreground = [e for e, background in zip(dated, backgrounds, strict=True) if background is None]
    if not foreground:
        return [(dated[0], backgrounds[0])]
    first = foreground[0]
    for later in foreground[1:]:
        if _finer_inside(later, first):
            return [(later, None)]
    if len(foreground) > 1 and _tells(first, sentence, offset):
        return [(e, None) for e in _told(first, foreground[1:], sentence, offset)]
    return [(first, None)]


def _tells(expression: TimeExpression, sentence: str, offset: int) -> bool:
    start, end = expression.start - offset, expression.end - offset
    before = sentence[max(0, start - _LOOK_BACK) : start]
    return is_telling(before, sentence[end : end + _LOOK_BACK])


def _is_told(
    telling: TimeExpression, candidate: TimeExpression, sentence: str, offset: int
) -> bool:
    """A later date of the clause dates what is told unless it is a telling too, or lies in
    a relative clause ("..., which the deal agreed in mid-January links to ...")."""
    between = sentence[telling.end - offset : candidate.start - offset]
    return _RELATIVE.search(between) is None and not _tells(candidate, sentence, offset)


def _told(
    telling: TimeExpression, others: list[TimeExpression], sentence: str, offset: int
) -> list[TimeExpression]:
    """The dates of a clause whose first date is that of the telling: the told date alone
    when it is over before the telling (what happened is the news), the telling and the told
    when it is after (an announcement and what it announces); when they overlap, the finer
    ("announced in January that he would retire that year" is January)."""
    told = next((e for e in others if _is_told(telling, e, sentence, offset)), None)
    if told is None:
        return [telling]
    assert told.date is not None and telling.date is not None
    if told.date.start >= telling.date.end:
        return [telling, told]
    if told.date.end <= telling.date.start or _fineness(told.date) < _fineness(telling.date):
        return [told]
    return [telling]


def _finer_inside(candidate: TimeExpression, first: TimeExpression) -> bool:
    assert candidate.date is not None and first.date is not None
    finer = _fineness(candidate.date) < _fineness(first.date)
    within = first.date.start <= candidate.date.start and candidate.date.end <= first.date.end
    return finer and within


def _fineness(date: DateValue) -> float:
    """The precision's rank; a part of the day ("morning", T MO) is coarser than a clock time
    of the same day, though both are TIMEs."""
    rank = float(date.precision.rank)
    return rank + 0.5 if _PART_OF_DAY.search(date.value) else rank
