"""Which expressions of a sentence date it: clauses, background dates and precision.

A sentence is cut into clauses at semicolons and at a comma before "and", "but", "while"
or "whereas". In each clause, the dating expression is the first one that is not
background, where background means an anchor ("since October 7", "until March", "after
January 19") or a modifier of a noun ("the October 7 attack", "Sunday's vote"). A later
expression of the same clause wins when it is finer and lies inside the first ("in January
... on January 19"). A clause whose only dates are background is dated by its first one.
Clauses dated alike give one date: a sentence yields each distinct date once.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from timeline.model import DateValue, TimeExpression

_PART_OF_DAY = re.compile(r"T(?:MO|MI|AF|EV|NI|DT)$")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")
_ANCHOR_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|following|by|from|prior\s+to|as\s+of|ahead\s+of)"
    r"(?:\s+(?:the|late|early|mid))?\s*$",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"'s|’s|\s+[a-z][a-z-]+(?!\w)")
_LOOK_BACK = 100
"""How far before an expression the words that make it background are looked for: a few
words and the masked markup between them, never the whole sentence (a sentence can be as
long as a paragraph, and reading all of it before each date would be quadratic)."""
Clause = tuple[int, int]
_NOT_NOUNS = frozenset(
    "and or but when as after before that which who while at in on to of by for from with "
    "is was were are has had have will would could should".split()
)


def dating_expressions(
    sentence: str, offset: int, expressions: Sequence[TimeExpression]
) -> list[TimeExpression]:
    """The expressions (given in text order) that date a sentence starting at ``offset``,
    one per distinct date."""
    return [expression for expression, _ in dated_clauses(sentence, offset, expressions)]


def dated_clauses(
    sentence: str, offset: int, expressions: Sequence[TimeExpression]
) -> list[tuple[TimeExpression, Clause]]:
    """Each expression that dates the sentence (as ``dating_expressions``) with the span of
    its clause, in offsets of the file."""
    chosen: list[tuple[TimeExpression, Clause]] = []
    values: set[str] = set()
    starts = [e.start for e in expressions]
    for clause in _clauses(sentence, offset):
        first = bisect.bisect_left(starts, clause[0])
        inside = expressions[first : bisect.bisect_left(starts, clause[1], lo=first)]
        best = _clause_date(inside, sentence, offset)
        if best is not None and best.value not in values:
            values.add(best.value)
            chosen.append((best, clause))
    return chosen


def is_background(expression: TimeExpression, sentence: str, offset: int) -> bool:
    """True for an anchor or a noun modifier: a date the sentence mentions, not reports."""
    start, end = expression.start - offset, expression.end - offset
    look_from = max(0, start - _LOOK_BACK)
    if _ANCHOR_BEFORE.search(sentence, look_from, start):
        return True
    noun = _NOUN_AFTER.match(sentence, end)
    if noun is None:
        return False
    word = noun.group(0).strip()
    if word in ("'s", "’s"):
        return True
    return bool(_MODIFIER_BEFORE.search(sentence, look_from, start)) and word not in _NOT_NOUNS


def _clauses(sentence: str, offset: int) -> list[Clause]:
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    bounds = [0, *cuts, len(sentence)]
    return [(offset + a, offset + b) for a, b in itertools.pairwise(bounds)]


def _clause_date(
    inside: Sequence[TimeExpression], sentence: str, offset: int
) -> TimeExpression | None:
    dated = [e for e in inside if e.date is not None and e.resolved]
    if not dated:
        return None
    foreground = [e for e in dated if not is_background(e, sentence, offset)]
    first = (foreground or dated)[0]
    for later in foreground[1:]:
        if _finer_inside(later, first):
            return later
    return first


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
