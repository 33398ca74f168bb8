"""The time of a quoted speaker: "today" in a quotation is the day it was said.

"'Today we have taken Faw,' the commander announced on 11 February" speaks of 11 February,
not of the day the text was published. A quotation is found within its paragraph (curly,
straight and TeX-style marks, paired in order); the day of its telling is a day the
attribution gives, in the same sentence after the quotation ("..., he said on Tuesday") or
before it ("On 11 February the commander declared: ..."). The engine re-reads what the
speaker counted from that day (``today``, ``last week``, ``on Friday``, ``two days ago``).

When the attribution names no day, "today", "tonight", "yesterday" of the quotation are the
speaker's all the same: said on the day the text was telling of when the quotation began,
if that is one of the days just before publication (a report of yesterday's happening quotes
those who saw it: "At 2.25 pm on Thursday the valves closed ... 'A lot of prayers were
answered today'" in Friday's paper), else on the publication day. A quotation of several
paragraphs whose middle and last ones carry no opening mark is found from its closing mark.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.extract import tellingwords
from timeline.extract.timex import story
from timeline.model import Precision, TimeExpression

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_MARK = re.compile(r"[“”\"`'](?:(?<=[“”\"])|(?<=`)`|(?<=')')")
"""A quotation mark: curly, straight, or TeX's two grave accents and two apostrophes. (It
begins with a character class, which the regex engine skips to; the look-behinds say which
mark it was.)"""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“'`(])|\n[ \t]*\n")
_SAID = re.compile(
    r"(?i)\b"
    + tellingwords.alternation(tellingwords.PAST | tellingwords.pick("says say tells adds"))
    + r"\b"
)
_OPENING_MARKS = ('"', "“", "``")
_REACH = 400
"""How far a paragraph is looked for around a quotation, each way."""
_CLOSING = re.compile(r"(?<=[\w.,!?])(?:”|''|\")(?=\s|$|[,.;:!?)])")
"""A closing mark: one right after a word or a stop, before a space or a stop."""
_NOW_SAID = re.compile(
    r"(?i)\b"
    + tellingwords.alternation(
        tellingwords.pick(
            "says tells adds tweets writes insists warns explains admits recalls notes"
        )
    )
    + r"\b"
)
"""An attribution in the present: the speaker speaks at the time of the report. Fewer than
the vocabulary's present forms: one that is a noun as often ("reports", "states", "claims",
"posts") would read a live report into a sentence that only names one."""
_LOOK_BACK = 16
"""How many expressions before a quotation are read for the day the text was telling of: a
bound, so that a text of many quotations is read in linear time (on the eleven Timeline17
collections 16 reads the same days as no bound; 8 loses two days it reads rightly)."""
_RECENT_DAYS = 2
"""How many days before publication the day a passage tells may lie for a quotation the
attribution does not date to be spoken on it: yesterday's news, or the day before's."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """The span of a quotation, marks included."""

    start: int
    end: int
    paired: bool = True
    """Whether its marks were paired from the start of their paragraph; not when the
    paragraph began beyond reach, where a closing mark may have been taken to open."""


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
                return Quotation(opened, mark.end(), paired=begin == 0 or bool(breaks))
            opened = None
    return None


def continued_at(text: str, position: int) -> Quotation | None:
    """The quotation that holds ``position`` when it began in an earlier paragraph (a
    quotation of several paragraphs, told a sentence a paragraph): the paragraph's first
    mark, after ``position``, closes it. Its part in this paragraph is returned."""
    low = max(0, position - _REACH)
    stop = _PARAGRAPH.search(text, position, position + _REACH)
    end = stop.start() if stop else min(len(text), position + _REACH)
    breaks = list(_PARAGRAPH.finditer(text, low, position))
    begin = breaks[-1].end() if breaks else low
    first = _MARK.search(text, begin, end)
    if first is None or first.start() < position or not _CLOSING.match(text, first.start()):
        return None
    return Quotation(begin, first.end(), paired=begin == 0 or bool(breaks))


def narrative_day(
    text: str,
    quotation: Quotation,
    found: Sequence[TimeExpression],
    starts: Sequence[int],
    published: dt.date,
    quoted: frozenset[int] = frozenset(),
) -> dt.date | None:
    """The day a quotation whose attribution names none was spoken on, when it is not the
    publication's: the day the text was telling of before the quotation began, the latest
    day (or time of a day) it named there, not as background ("Wednesday's deal", "since
    Tuesday"), that is neither ahead of publication nor more than ``_RECENT_DAYS`` before
    it ("The valves were closed at 2.25 pm on Thursday. ... 'A lot of prayers were
    answered today.'" in Friday's paper). None when that day is the publication's, when
    the text named no recent one, or when the speaker speaks in the present ("he says",
    "she tells the BBC": a live report's words are of its own day). ``quoted`` are the
    indices in ``found`` of expressions in quotations: a speaker's dates are not the text's."""
    before_start = _sentence_start(text, quotation.start)
    if _NOW_SAID.search(text, quotation.end, _sentence_end(text, quotation.end)) or (
        _NOW_SAID.search(text, before_start, quotation.start)
    ):
        return None
    last = bisect.bisect_left(starts, quotation.start)
    for index in reversed(range(max(0, last - _LOOK_BACK), last)):
        expression = found[index]
        date = expression.date
        if date is None or not _is_day(expression) or index in quoted:
            continue
        days = (published - date.start).days
        if 0 <= days <= _RECENT_DAYS and not _background(text, expression):
            return date.start if days else None
    return None


def _background(text: str, expression: TimeExpression) -> bool:
    """A date named as background: an anchor, a noun's modifier ("the 1967 war"), or a
    possessive ("Thursday's truce"), which dates its noun, not the text's time."""
    return expression.text.endswith(("'s", "’s")) or story.is_background(text, expression)


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
