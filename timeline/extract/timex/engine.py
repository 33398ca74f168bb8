"""The scanning loop: one pass of the scanner, one interpreter call per candidate."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from timeline.extract.timex import (
    absolute,
    amounts,
    eras,
    narrative,
    relative,
    seasons,
    story,
    years,
)
from timeline.extract.timex.calendar import OffCalendar
from timeline.extract.timex.context import Context, unresolved
from timeline.extract.timex.lexicon import LOOK_ALIKES
from timeline.extract.timex.scanner import KINDS
from timeline.extract.timex.speakers import (
    continued_at,
    narrative_day,
    quotation_at,
    telling_day,
)
from timeline.extract.timex.starts import candidates, scanner_of
from timeline.model import TimeExpression

Interpreter = Callable[[re.Match[str], Context], list[TimeExpression]]

INTERPRETERS: dict[str, Interpreter] = {
    "iso": absolute.iso,
    "slash": absolute.slash,
    "week_of": absolute.week_of,
    "month_day": absolute.month_day,
    "day_month": absolute.day_month,
    "position": narrative.position,
    "month_year": absolute.month_year,
    "season": seasons.season,
    "quarter": narrative.quarter,
    "decade": years.decade,
    "century": years.century,
    "era": eras.era,
    "year_range": eras.year_range,
    "ago": narrative.ago,
    "deictic": relative.deictic,
    "anaphor": narrative.anaphor,
    "spelled_year": years.spelled_year,
    "day_of_month": narrative.day_of_month,
    "the_year": narrative.the_year,
    "relative": relative.relative,
    "clock": relative.clock,
    "weekday": relative.weekday_expr,
    "duration": amounts.duration,
    "set": amounts.every,
    "generic": amounts.generic,
    "holiday": absolute.holiday,
    "month": absolute.month,
    "year": years.year,
}
_LOOK_ALIKE = re.compile("[" + "".join(map(chr, LOOK_ALIKES)) + "]")
_TYPES = {"clock": "TIME"}
"""The type of an expression kept unresolved because its value is off the calendar."""
_SPEAKER_KINDS = frozenset({"deictic", "relative", "ago", "weekday"})
"""Kinds counted from the day of the telling: in a quotation, the speaker's day."""
_ON_THE_STORY_DAY = re.compile(
    r"(?i)mid[-\s]?(?:morning|afternoon|evening)|the\s+(?:early\s+|late\s+)?"
    r"(?:morning|afternoon|evening)|overnight"
)
"""Deictic words read on the story's day ("in the morning", "mid-afternoon", "overnight")."""
_COUNTED_FROM_NOW = re.compile(r"(?i)\b(?:ago|from\s+now|hence)$")
_LOOKS_BACK = re.compile(r"(?i)\b(?:earlier|before|previously)$|year-(?:ago|earlier)")
assert set(INTERPRETERS) == set(KINDS), "every scanner kind needs its interpreter"


class PhraseError(Exception):
    """An unexpected error (a bug) while reading the phrase at offset ``start``; the error
    itself is the ``__cause__``. No text should raise it: the caller reports it with the
    file and line of the phrase."""

    def __init__(self, start: int, phrase: str) -> None:
        super().__init__(f"cannot read {phrase!r} at offset {start}")
        self.start = start
        self.phrase = phrase


def find_expressions(
    text: str, published: dt.date, *, day_first: bool = False
) -> list[TimeExpression]:
    """Every temporal expression of ``text`` in text order, resolved against ``published``.

    Relative expressions resolve against ``published`` (the document creation time) or, for
    narrative ones such as "the next day", against the latest date the text established.
    ``day_first`` reads ``7/10/2023`` as 7 October instead of July 10.
    """
    read = folded(text)
    ctx = Context(read, published, day_first, opening_end=story.opening_end(read))
    found: list[TimeExpression] = []
    quoted: list[tuple[int, re.Match[str], Context]] = []
    position = 0
    for candidate in candidates().finditer(read):
        start = candidate.start()
        if start < position:
            continue  # inside an expression already found
        scanner = scanner_of(candidate.group())
        match = scanner.match(read, start) if scanner is not None else None
        if match is None:
            continue
        expressions = _interpret(match, ctx)
        if not expressions:
            continue  # refused: a shorter reading may start at a later word
        if match.lastgroup in _SPEAKER_KINDS and quotation_at(read, start) is not None:
            # counted from the speaker's day, known once the attribution is read
            quoted.append((len(found), match, ctx))
        else:
            if match.lastgroup == "deictic" and continued_at(read, start) is not None:
                quoted.append((len(found), match, ctx))  # retold too, the text's time kept
            if not _compares(match.group(), expressions):
                counted = _from_publication(match, ctx)
                for expression in expressions:
                    ctx = ctx.remember(expression, from_publication=counted)
        found.extend(expressions)
        position = match.end()
    if quoted:
        found = _retold(read, found, quoted)
    return found if read is text else [replace(e, text=text[e.start : e.end]) for e in found]


def _retold(
    text: str, found: list[TimeExpression], quoted: list[tuple[int, re.Match[str], Context]]
) -> list[TimeExpression]:
    """``found`` with the expressions of quotations counted from the day their speaker spoke:
    the day the attribution names ("'Today we took Faw,' he announced on 11 February"); for
    "today", "yesterday", "tonight" of a speaker the attribution does not date, the recent
    day the text was telling of when the quotation began (``speakers.narrative_day``)."""
    result = list(found)
    starts = [e.start for e in found]
    speakers = frozenset(index for index, _, _ in quoted)
    for index, match, ctx in quoted:
        quotation = quotation_at(text, match.start()) or continued_at(text, match.start())
        assert quotation is not None  # it held the match when it was found
        telling = telling_day(text, quotation, found, starts)
        if telling is not None and telling.date is not None:
            day = telling.date.start
        elif match.lastgroup == "deictic" and quotation.paired:
            told = narrative_day(text, quotation, found, starts, ctx.published, speakers)
            day = told or ctx.published
        else:
            continue
        if day == ctx.published:
            continue
        again = _interpret(match, replace(ctx, published=day))
        if len(again) == 1 and result[index].start == again[0].start:
            result[index] = again[0]
    return result


def _interpret(match: re.Match[str], ctx: Context) -> list[TimeExpression]:
    """The expressions a scanner match stands for; one kept unresolved when its value would
    lie outside the years 1 to 9999 ("next year", published in 9999)."""
    kind = match.lastgroup
    assert kind is not None  # every alternative is a named group
    try:
        return INTERPRETERS[kind](match, ctx)
    except OffCalendar:
        return [unresolved(match.start(), match.group(), _TYPES.get(kind, "DATE"))]
    except Exception as error:
        raise PhraseError(match.start(), match.group()) from error


def _from_publication(match: re.Match[str], ctx: Context) -> bool:
    """Whether the expression was counted from the publication date ("yesterday", "last
    week", "two days ago", a weekday read as news reads it), which tells that the text is
    news, of its publication's time."""
    kind = match.lastgroup
    if kind in ("relative", "deictic"):
        return not _ON_THE_STORY_DAY.fullmatch(match.group())
    if kind == "ago":
        return _COUNTED_FROM_NOW.search(match.group()) is not None
    return kind == "weekday" and ctx.story_weekday(match.start()) is None


def folded(text: str) -> str:
    """``text`` with the letters that case-insensitive patterns take for ASCII ones replaced
    by those (``lexicon.LOOK_ALIKES``), so that what a pattern matched is a word of the
    tables once lower-cased; ``text`` itself when it has none."""
    if text.isascii() or _LOOK_ALIKE.search(text) is None:
        return text
    return text.translate(LOOK_ALIKES)


def _compares(text: str, expressions: list[TimeExpression]) -> bool:
    """A comparison ("a year earlier", and "a year ago" when it names a quarter of business
    results) looks back without moving the story's time along."""
    if _LOOKS_BACK.search(text):
        return True
    dated = expressions[0].date
    return text.lower().endswith("ago") and dated is not None and dated.value[5:6] == "Q"
