"""The time of a quoted speaker: "today" in a quotation is the day it was said.

"'Today we have taken Faw,' the commander announced on 11 February" speaks of 11 February,
not of the day the text was published. A quotation is found within its paragraph (curly,
straight and TeX-style marks, paired in order); the day of its telling is a day the
attribution gives, in the same sentence after the quotation ("..., he said on Tuesday") or
before it ("On 11 February the commander declared: ..."). The engine re-reads what the
speaker counted from that day (``today``, ``last week``, ``on Friday``, ``two days ago``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.model import Precision, TimeExpression

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_MARK = re.compile(r"[“”\"]|``|''")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“'`(])|\n[ \t]*\n")
_SAID = re.compile(
    r"(?i)\b(?:said|says|say|told|tells|added|adds|announced|declared|stated|wrote|recalled|"
    r"replied|insisted|warned|promised|vowed|proclaimed|cabled|radioed|telegraphed)\b"
)
_OPENING_MARKS = ('"', "“", "``")
_REACH = 400
"""How far a paragraph is looked for around a quotation, each way."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """The span of a quotation, marks included."""

    start: int
    end: int


def quotation_at(text: str, position: int) -> Quotation | None:
    """The quotation that holds ``position``, within its paragraph; None outside quotes."""
    low = max(0, position - _REACH)
    if not any(text.find(mark, low, position) >= 0 for mark in _OPENING_MARKS):
        return None  # no mark before it: the common case, found by plain string search
    breaks = list(_PARAGRAPH.finditer(text, low, position))
    begin = breaks[-1].end() if breaks else low
    stop = _PARAGRAPH.search(text, position, position + _REACH)
    end = stop.start() if stop else min(len(text), position + _REACH)
    opened: int | None = None
    for mark in _MARK.finditer(text, begin, end):
        sign = mark.group()
        if opened is None and sign in ("“", '"', "``"):
            opened = mark.start()
        elif opened is not None and sign in ("”", '"', "''"):
            if opened < position < mark.start():
                return Quotation(opened, mark.end())
            opened = None
    return None


def telling_day(
    text: str, quotation: Quotation, found: Sequence[TimeExpression], starts: Sequence[int]
) -> TimeExpression | None:
    """The expression that dates the telling of ``quotation``: a day (or a finer time) in
    the attribution of the same sentence, after the quotation or else before it; None when
    the attribution names no day. ``starts`` are the offsets of ``found``, in order."""
    after_end = _sentence_end(text, quotation.end)
    attribution = text[quotation.end : after_end]
    if _SAID.search(attribution):
        first = bisect.bisect_left(starts, quotation.end)
        for expression in found[first : bisect.bisect_left(starts, after_end)]:
            if _is_day(expression):
                return expression
    before_start = _sentence_start(text, quotation.start)
    if _SAID.search(text, before_start, quotation.start):
        first = bisect.bisect_left(starts, before_start)
        for expression in reversed(found[first : bisect.bisect_left(starts, quotation.start)]):
            if _is_day(expression):
                return expression
    return None


def _is_day(expression: TimeExpression) -> bool:
    date = expression.date
    return date is not None and date.precision in (Precision.DAY, Precision.TIME)


def _sentence_end(text: str, position: int) -> int:
    end = _SENTENCE_END.search(text, position, position + _REACH)
    return end.start() + 1 if end else min(len(text), position + _REACH)


def _sentence_start(text: str, position: int) -> int:
    low = max(0, position - _REACH)
    ends = list(_SENTENCE_END.finditer(text, low, position))
    return ends[-1].end() if ends else low
