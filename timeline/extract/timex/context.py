"""What an interpreter knows besides the words it matched: the publication date, the
narrative reference time, and the tense of the clause around the expression."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from timeline.extract.timex import tense as tenses
from timeline.extract.timex.calendar import day_value
from timeline.model import Basis, DateValue, Precision, TimeExpression

_MAX_REFS = 8
_YEAR = dt.timedelta(days=366)


@dataclass(frozen=True, slots=True)
class Context:
    """The state an interpreter resolves against; the engine replaces it as the text goes on."""

    text: str
    published: dt.date
    day_first: bool = False
    refs: tuple[DateValue, ...] = field(default=())
    """The dates the text established so far, the latest first (the narrative time)."""
    reported: DateValue | None = None
    """The quarter the text reports on: the newest it named that was over by publication and
    had ended within the year before it (an older one is history, a later one a forecast)."""

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
        date = expression.date
        reported = self.reported
        if _reportable(date, self.published):
            reported = date if reported is None or date.start > reported.start else reported
        return replace(self, refs=(date, *self.refs[: _MAX_REFS - 1]), reported=reported)

    def tense(self, start: int, end: int) -> int:
        """PAST, FUTURE or UNKNOWN: what the clause around the span tells (see ``tense``)."""
        return tenses.tense(self.text, start, end)


def _reportable(value: DateValue, published: dt.date) -> bool:
    """A quarter whose results can be news on ``published``: over, and within the last year."""
    if value.precision is not Precision.QUARTER:
        return False
    last = value.end - dt.timedelta(days=1)
    return last < published and published - last < _YEAR


def _inside(value: DateValue, periods: list[DateValue]) -> bool:
    return all(p.start <= value.start and value.end <= p.end for p in periods)


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
