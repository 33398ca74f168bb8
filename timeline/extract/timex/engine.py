"""The scanning loop: one pass of the scanner, one interpreter call per candidate."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from timeline.extract.timex import absolute, amounts, narrative, relative
from timeline.extract.timex.calendar import OffCalendar
from timeline.extract.timex.context import Context, unresolved
from timeline.extract.timex.lexicon import LOOK_ALIKES
from timeline.extract.timex.scanner import GATES, KINDS, SCANNER, STARTERS, TOKEN
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
    "season": narrative.season,
    "quarter": narrative.quarter,
    "decade": absolute.decade,
    "century": absolute.century,
    "ago": narrative.ago,
    "deictic": relative.deictic,
    "anaphor": narrative.anaphor,
    "spelled_year": absolute.spelled_year,
    "the_year": narrative.the_year,
    "relative": relative.relative,
    "clock": relative.clock,
    "weekday": relative.weekday_expr,
    "duration": amounts.duration,
    "set": amounts.every,
    "generic": amounts.generic,
    "holiday": absolute.holiday,
    "month": absolute.month,
    "year": absolute.year,
}
_LOOK_ALIKE = re.compile("[" + "".join(map(chr, LOOK_ALIKES)) + "]")
_TYPES = {"clock": "TIME"}
"""The type of an expression kept unresolved because its value is off the calendar."""
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
    read = _folded(text)
    ctx = Context(read, published, day_first)
    found: list[TimeExpression] = []
    position = 0
    for start in _candidate_starts(read):
        if start < position:
            continue  # inside an expression already found
        match = SCANNER.match(read, start)
        if match is None:
            continue
        expressions = _interpret(match, ctx)
        if not expressions:
            continue  # refused: a shorter reading may start at a later word
        found.extend(expressions)
        if not _compares(match.group(), expressions):
            for expression in expressions:
                ctx = ctx.remember(expression)
        position = match.end()
    return found if read is text else [replace(e, text=text[e.start : e.end]) for e in found]


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


def _folded(text: str) -> str:
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


def _candidate_starts(text: str) -> list[int]:
    """Offsets of the words an expression may begin with: a set lookup per word, in C-speed
    tokenization, instead of trying every scanner alternative at every word."""
    return [
        token.start()
        for token in TOKEN.finditer(text)
        if (
            (word := token.group()) in STARTERS
            and (word not in GATES or GATES[word].match(text, token.start()))
        )
        or word.isdigit()
    ]
