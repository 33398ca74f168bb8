"""What an interpreter knows besides the words it matched: the publication date, the
narrative reference time, and the tense of the clause around the expression."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from timeline.extract.timex.calendar import day_value
from timeline.model import Basis, DateValue, Precision, TimeExpression

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE = (
    r"(?:will|would)\s+(?:not\s+)?be\s+[a-z]+|"
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|plans?\s+to|planned|planning|scheduled|"
    r"expected|expects?|due|to\s+be|would|next|upcoming|coming|is\s+to|are\s+to|until|"
    r"aims?\s+to|hopes?\s+to|intends?\s+to|set\s+to|wants?\s+to|later\s+this|must|should"
)
_PAST = (
    r"said|says|told|was|were|had|did|been|ago|last|earlier|began|came|went|took|made|"
    r"gave|held|met|left|fled|struck|hit|fell|rose|won|lost|saw|became|sent|brought|"
    r"began|killed|wounded|arrived|(?-i:[a-z]{2,}ed)"
)
# The nearest tense marker around an expression decides; ten words each side at most.
_MARKER = re.compile(rf"(?i)\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b")
_WINDOW = 70
_MAX_REFS = 8


@dataclass(frozen=True, slots=True)
class Context:
    """The state an interpreter resolves against; the engine replaces it as the text goes on."""

    text: str
    published: dt.date
    day_first: bool = False
    refs: tuple[DateValue, ...] = field(default=())
    """The dates the text established so far, the latest first (the narrative time)."""

    @property
    def today(self) -> DateValue:
        """The publication day as a value."""
        return day_value(self.published)

    def reference(self, finest: Precision) -> DateValue | None:
        """The narrative time at ``finest`` precision or finer, None when the text is unclear.

        That is the latest date the text set at that precision (publication when there is
        none), provided every coarser date mentioned since contains it: after "in 2014",
        "the next day" cannot hang on a day of 2025.
        """
        coarser: list[DateValue] = []
        for ref in self.refs:
            if ref.precision.rank <= finest.rank:
                return ref if _inside(ref, coarser) else None
            coarser.append(ref)
        return self.today if _inside(self.today, coarser) else None

    def remember(self, expression: TimeExpression) -> Context:
        """The context after ``expression``: a resolved date becomes the reference time."""
        if expression.date is None or expression.type == "DURATION":
            return self
        return replace(self, refs=(expression.date, *self.refs[: _MAX_REFS - 1]))

    def tense(self, start: int, end: int) -> int:
        """PAST, FUTURE or UNKNOWN: the tense marker nearest to the span, within its sentence."""
        left = self.text.rfind(".", max(0, start - _WINDOW), start - 2)
        before = self.text[max(left + 1, start - _WINDOW) : start]
        after = self.text[end : end + _WINDOW].split(". ", 1)[0]
        nearest: tuple[int, int] = (_WINDOW + 1, UNKNOWN)
        for match in _MARKER.finditer(before):
            nearest = min(nearest, (len(before) - match.end(), _kind(match)))
        for match in _MARKER.finditer(after):
            nearest = min(nearest, (match.start(), _kind(match)))
            break
        return nearest[1]


def _inside(value: DateValue, periods: list[DateValue]) -> bool:
    return all(p.start <= value.start and value.end <= p.end for p in periods)


def _kind(match: re.Match[str]) -> int:
    return FUTURE if match.group("future") else PAST


def expression(
    start: int, text: str, kind: str, value: DateValue | str, *,
    basis: Basis = Basis.RELATIVE, mod: str | None = None,
) -> TimeExpression:  # fmt: skip
    """A TimeExpression from a span and either a dated value or a bare TIMEX3 value string."""
    if isinstance(value, str):
        return TimeExpression(start, start + len(text), text, kind, value, mod, None, basis)
    mod = mod or value.mod
    date = replace(value, mod=mod) if mod != value.mod else value
    return TimeExpression(start, start + len(text), text, kind, date.value, mod, date, basis)


def unresolved(start: int, text: str, kind: str = "DATE", value: str = "XXXX-XX-XX") -> (
    TimeExpression
):  # fmt: skip
    """An expression recognized but not safely resolvable: kept, flagged, never guessed."""
    return TimeExpression(start, start + len(text), text, kind, value, None, None,
                          Basis.RELATIVE, resolved=False)  # fmt: skip
