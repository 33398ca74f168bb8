"""The timeline's outline: entries grouped by year, month and date, in timeline order."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.model import DateValue, Entry, Precision
from timeline.render.dates import format_date, html_datetime, month_name


@dataclass(slots=True)
class DateGroup:
    """The entries that share one date value (a day, or a coarser period)."""

    date: DateValue
    entries: list[Entry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The fragment id of the group: ``d-2025-01-19``, ``d-2025-01``..."""
        mod = f"-{self.date.mod.lower()}" if self.date.mod else ""
        return f"d-{self.date.value}{mod}"

    @property
    def label(self) -> str:
        """The date as people read it."""
        return format_date(self.date)

    @property
    def datetime(self) -> str:
        """The machine-readable date for ``<time datetime>``."""
        return html_datetime(self.date)


@dataclass(slots=True)
class MonthGroup:
    """A month of a year, or the part of a year not known to the month (``month`` 0)."""

    year: int
    month: int
    dates: list[DateGroup] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """``m-2025-01``, or ``y-2025-whole`` for entries known only to the year or coarser."""
        return f"m-{self.year:04d}-{self.month:02d}" if self.month else f"y-{self.year:04d}-whole"

    @property
    def label(self) -> str:
        """``January 2025``, or ``During 2025`` for coarser entries."""
        return f"{month_name(self.month)} {self.year}" if self.month else f"During {self.year}"


@dataclass(slots=True)
class YearGroup:
    """A year of the timeline."""

    year: int
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """``y-2025``."""
        return f"y-{self.year:04d}"


def group_entries(entries: tuple[Entry, ...]) -> list[YearGroup]:
    """Ordered entries folded into years, months and dates, keeping their order."""
    years: list[YearGroup] = []
    for entry in entries:
        date = entry.date
        if not years or years[-1].year != date.start.year:
            years.append(YearGroup(date.start.year))
        months = years[-1].months
        if not months or months[-1].month != _month_of(date):
            months.append(MonthGroup(date.start.year, _month_of(date)))
        dates = months[-1].dates
        if not dates or dates[-1].date != date:
            dates.append(DateGroup(date))
        dates[-1].entries.append(entry)
    return years


def _month_of(date: DateValue) -> int:
    coarse = date.precision.rank > Precision.MONTH.rank
    return 0 if coarse else date.start.month
