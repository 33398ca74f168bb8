"""The timeline's outline: entries grouped by year, month and date, in timeline order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.model import DateValue, Entry, Precision
from timeline.render.dates import day_position, format_date, html_datetime, month_name


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
            year,
            [
                MonthGroup(year, m, in_course_of_day(list(tree[year][m].values())))
                for m in sorted(tree[year])
            ],
        )
        for year in sorted(tree)
    ]


def in_course_of_day(groups: list[DateGroup]) -> list[DateGroup]:
    """The groups of one day (the day, early on it, its clock times, its night...) brought
    together where the first of them stands and put in the course of the day; the other
    groups keep their places."""
    first_of_day: dict[object, int] = {}
    keys = []
    for index, group in enumerate(groups):
        if group.date.precision in (Precision.DAY, Precision.TIME) and _one_day(group.date):
            place = first_of_day.setdefault(group.date.start, index)
            keys.append((place, day_position(group.date)))
        else:
            keys.append((index, (0, "")))
    order = sorted(range(len(groups)), key=lambda i: keys[i])
    return [groups[i] for i in order]


def _one_day(date: DateValue) -> bool:
    return (date.end - date.start).days <= 1


def heading_needed(group: DateGroup, month: MonthGroup) -> bool:
    """False for a group that would repeat its month's heading: the entries of "June 2024"
    under the month "June 2024", or of "2024" under "During 2024"."""
    value = group.date.value
    if group.date.mod:
        return True
    return value != (month.datetime if month.month else f"{month.year:04d}")


MINOR_SHARE = 0.1
"""A year whose entries number less than this share of the largest year's (and fewer than
``MINOR_MOST``) is a stray year (a date of the background: the founding of a state, an
earlier war) when it comes before or after all the years the timeline is about."""
MINOR_MOST = 24
"""A year of this many entries or more is never a stray one, however large the largest."""


@dataclass(frozen=True, slots=True)
class YearRun:
    """Years the overview lists together: the timeline's own years one by one (``label``
    empty), or stray years before or after them ("Earlier", "Later") on one line."""

    label: str
    years: tuple[YearGroup, ...]

    @property
    def span(self) -> str:
        """'1948', or '1595–1989' for several years."""
        first, last = self.years[0].year, self.years[-1].year
        return str(first) if first == last else f"{first}–{last}"

    @property
    def count(self) -> int:
        """How many entries the years hold."""
        return sum(y.count for y in self.years)


def year_runs(outline: list[YearGroup]) -> list[YearRun]:
    """The years of an outline, the stray ones before and after the main years grouped.

    The main years are the largest year and its neighbours out to the first stray year on
    either side, so a run of background years (1990–2009 in a collection about 2010, each
    recalled a few times) is grouped with the rest of the background.
    """
    if len(outline) < 3:
        return [YearRun("", (y,)) for y in outline]
    largest = max(range(len(outline)), key=lambda i: outline[i].count)
    least = max(2, min(outline[largest].count * MINOR_SHARE, MINOR_MOST))
    first = last = largest
    while first > 0 and outline[first - 1].count >= least:
        first -= 1
    while last + 1 < len(outline) and outline[last + 1].count >= least:
        last += 1
    runs = [YearRun("Earlier", tuple(outline[:first]))] if first else []
    runs += [YearRun("", (y,)) for y in outline[first : last + 1]]
    if last + 1 < len(outline):
        runs.append(YearRun("Later", tuple(outline[last + 1 :])))
    return runs


def entries_in_order(years: list[YearGroup]) -> list[Entry]:
    """The entries of an outline in the order the pages show them."""
    return [e for y in years for m in y.months for d in m.dates for e in d.entries]
