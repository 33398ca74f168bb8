"""What an interpreter knows besides the words it matched: the publication date, the
narrative reference time, and the tense of the clause around the expression."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from timeline.extract.timex import story
from timeline.extract.timex import tense as tenses
from timeline.extract.timex.calendar import day_value, year_value
from timeline.model import Basis, DateValue, Precision, TimeExpression

_MAX_REFS = 8
_BC_YEAR = re.compile(r"BC\d{4}")
_RANGE_LINK = re.compile(r"\s*(?:until|till|to|through|-|–|—)\s*")
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
    last: TimeExpression | None = None
    """The expression found last, dated or not."""
    story: DateValue | None = None
    """The time of the story the text tells, when it tells one of its own (see ``story``):
    the latest date of it, and where it holds."""
    story_until: int = 0
    """Where the story ends in news: the end of its paragraph."""
    story_opening: bool = False
    """Whether the story was set in the text's first paragraph (a dateline, a byline, a lead
    that recalls the past): such a date never counts a weekday."""
    news: bool = False
    """Whether the text counted a date from publication ("on Monday", "yesterday")."""
    opening_end: int = 0
    """Where the text's first paragraph ends."""
    named_year: DateValue | None = None
    """The year of the latest date whose year the text wrote ("that year" points to it)."""
    ancient: int | None = None
    """The year before Christ of the latest year the text named, when that was one (490 for
    "490 BC"): the story is then told before the calendar, counted in years only."""

    @property
    def today(self) -> DateValue:
        """The publication day as a value."""
        return day_value(self.published)

    def years_before_christ(self, years: int) -> str | None:
        """The value of the year ``years`` after the ancient year the story is in (before it
        when negative): ``BC0480`` ten years after 490 BC, ``0006`` ten after 5 BC; None when
        the story is not told before the calendar."""
        if self.ancient is None:
            return None
        before = self.ancient - years
        return f"BC{before:04d}" if before > 0 else f"{1 - before:04d}"

    def reference(self, finest: Precision) -> DateValue | None:
        """The narrative time at ``finest`` precision or finer, None when the text is unclear.

        That is the latest date the text set at that precision (publication when there is
        none), provided every coarser date mentioned since contains it: after "in 2014",
        "the next day" cannot hang on a day of 2025, nor after "490 BC" on any day.
        """
        if self.ancient is not None:
            return None  # no calendar day before Christ: "The next day" after 490 BC
        coarser: list[DateValue] = []
        for ref in self.refs:
            if ref.precision.rank <= finest.rank:
                return ref if _inside(ref, coarser) else None
            coarser.append(ref)
        return self.today if _inside(self.today, coarser) else None

    def story_at(self, position: int) -> DateValue | None:
        """The story's time at ``position``, None when the text is not telling one there."""
        if self.story is None or (self.news and position >= self.story_until):
            return None
        return self.story

    def story_weekday(self, position: int) -> DateValue | None:
        """The story's day that a weekday at ``position`` counts from: in a text that has not
        counted from publication, a day of a story not set in its first paragraph (where a
        dateline, a byline or a lead recalling the past may stand)."""
        day = self.story_at(position)
        if day is None or self.news or self.story_opening:
            return None
        return day if day.precision in (Precision.DAY, Precision.TIME) else None

    def remember(self, expression: TimeExpression, *, from_publication: bool = False) -> Context:
        """The context after ``expression``: a resolved date becomes the reference time;
        ``from_publication`` when it was counted from the publication date."""
        changes = self._remembered(expression)
        if from_publication:
            changes.update(news=True, story=None)
        else:
            changes.update(self._told(expression))
        return self._changed(changes)

    def _changed(self, changes: dict[str, Any]) -> Context:
        """The context with ``changes``, as ``dataclasses.replace`` makes it but built
        directly: it is made again at every expression, and ``replace`` spends more on
        walking the fields than the new context costs."""
        get = changes.get
        return Context(
            self.text,
            self.published,
            self.day_first,
            get("refs", self.refs),
            get("reported", self.reported),
            get("last", self.last),
            get("story", self.story),
            get("story_until", self.story_until),
            get("story_opening", self.story_opening),
            get("news", self.news),
            self.opening_end,
            get("named_year", self.named_year),
            get("ancient", self.ancient),
        )

    def _remembered(self, expression: TimeExpression) -> dict[str, Any]:
        """The references after ``expression``, as changes to the context."""
        if _BC_YEAR.fullmatch(expression.value):  # "490 BC": a story before the calendar
            return {"last": expression, "ancient": int(expression.value[2:]), "story": None}
        if expression.date is None or expression.type == "DURATION":
            return {"last": expression}
        date = expression.date
        reported = self.reported
        if _reportable(date, self.published):
            reported = date if reported is None or date.start > reported.start else reported
        refs = (date, *self.refs[: _MAX_REFS - 1])
        named = self.named_year
        if expression.basis is Basis.EXPLICIT and date.precision.rank <= Precision.YEAR.rank:
            named = calendar_year(date)
        return {"refs": refs, "reported": reported, "last": expression, "named_year": named,
                "ancient": None}  # fmt: skip

    def _told(self, expression: TimeExpression) -> dict[str, Any]:
        """The story after ``expression`` (set, moved on, or over), as changes."""
        date = expression.date
        if date is None or expression.type not in ("DATE", "TIME"):
            return {}
        establishes = story.establishes(self.text, expression, self.published)
        present = expression.basis is Basis.EXPLICIT and not story.is_far(date, self.published)
        moves_on = self.story_at(expression.start) is not None
        if not (establishes or present or moves_on) or story.is_background(self.text, expression):
            return {}  # (whether it is background is read only when it would matter)
        if establishes:
            opening = expression.start < self.opening_end
            until = self.story_until
            if expression.start >= until:
                until = story.paragraph_end(self.text, expression.start)
            return {"story": date, "story_until": until, "story_opening": opening}
        if present:
            return {"story": None}  # a year near publication: the present again
        return {"story": date}

    def named_early(self, day: dt.date) -> bool:
        """Whether the text named the early hours of ``day`` ("early today", "overnight")."""
        return any(ref.start == day and ref.mod == "START" for ref in self.refs)

    def range_start(self, start: int) -> DateValue | None:
        """The date of the expression that opens a range ending at ``start``: "Friday" in
        "from Friday until Sunday", "Friday to Sunday"."""
        last = self.last
        if last is None or last.date is None or not _RANGE_LINK.fullmatch(self.text, last.end,
                                                                            start):  # fmt: skip
            return None
        return last.date

    def tense(self, start: int, end: int) -> int:
        """PAST, FUTURE or UNKNOWN: what the clause around the span tells (see ``tense``)."""
        return tenses.tense(self.text, start, end)


assert [f.name for f in fields(Context)] == [
    "text", "published", "day_first", "refs", "reported", "last", "story", "story_until",
    "story_opening", "news", "opening_end", "named_year", "ancient",
], "Context._changed names every field in this order"  # fmt: skip


def calendar_year(value: DateValue) -> DateValue:
    """The calendar year that holds the start of ``value``."""
    return year_value(value.start.year)


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
