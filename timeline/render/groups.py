"""The timeline's outline: entries grouped by year, month and date, in timeline order."""

from __future__ import annotations

from collections.abc import Iterable
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
        return date_anchor(self.date)

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
        return month_anchor(self.year, self.month)

    @property
    def label(self) -> str:
        """``January 2025``, or ``During 2025`` for coarser entries."""
        return month_label(self.year, self.month)

    @property
    def count(self) -> int:
        """How many entries the month holds."""
        return sum(len(d.entries) for d in self.dates)

    @property
    def datetime(self) -> str:
        """``2025-01`` for ``<time datetime>``, or the year for the coarser part."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


@dataclass(slots=True)
class YearGroup:
    """A year of the timeline."""

    year: int
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """``y-2025``."""
        return f"y-{self.year:04d}"

    @property
    def count(self) -> int:
        """How many entries the year holds."""
        return sum(m.count for m in self.months)


def date_anchor(date: DateValue) -> str:
    """The fragment id of a date: ``d-2025-01-19``, ``d-2025-01-start``..."""
    mod = f"-{date.mod.lower()}" if date.mod else ""
    return f"d-{date.value}{mod}"


def month_anchor(year: int, month: int) -> str:
    """``m-2025-01``, or ``y-2025-whole`` for the part of a year not known to the month."""
    return f"m-{year:04d}-{month:02d}" if month else f"y-{year:04d}-whole"


def month_label(year: int, month: int) -> str:
    """``January 2025``, or ``During 2025``."""
    return f"{month_name(month)} {year}" if month else f"During {year}"


def month_of(date: DateValue) -> int:
    """The month a date is filed under: 0 when it is known only to the year or coarser."""
    coarse = date.precision.rank > Precision.MONTH.rank
    return 0 if coarse else date.start.month


def group_entries(entries: Iterable[Entry]) -> list[YearGroup]:
    """Entries folded into years, months and dates, keeping their order within each.

    Within a year, the entries known only to the year (or a season, a quarter...) come
    first, then the months in calendar order; every anchor occurs once.
    """
    tree: dict[int, dict[int, dict[str, DateGroup]]] = {}
    for entry in entries:
        months = tree.setdefault(entry.date.start.year, {})
        dates = months.setdefault(month_of(entry.date), {})
        dates.setdefault(date_anchor(entry.date), DateGroup(entry.date)).entries.append(entry)
    return [
        YearGroup(
            year, [MonthGroup(year, m, list(tree[year][m].values())) for m in sorted(tree[year])]
        )
        for year in sorted(tree)
    ]


def entries_in_order(years: list[YearGroup]) -> list[Entry]:
    """The entries of an outline in the order the pages show them."""
    return [e for y in years for m in y.months for d in m.dates for e in d.entries]
