"""The page plan: which timeline pages exist and which page holds each entry.

Every link to an entry, a date or a month asks the plan, so links always point at the page
that actually holds their target. A small timeline is one page (``index.html``); a larger
one gets an overview as its front page and one page per year, or per month when a year is
large, or several pages per month when even a month is too large for one page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from timeline.model import Entry
from timeline.render.groups import (
    DateGroup,
    MonthGroup,
    YearGroup,
    date_anchor,
    entries_in_order,
    group_entries,
    month_anchor,
    month_label,
)

FRONT_PAGE = "index.html"


@dataclass(frozen=True, slots=True)
class PageLimits:
    """How much one page may hold, counted in weight: an entry weighs 1 plus its sources."""

    single_page: int = 600
    """Up to this weight the whole timeline is the front page."""
    per_page: int = 600
    """Up to this weight a year (or a month) is one page."""
    latest: int = 12
    """Entries shown on the overview front page of a split timeline."""
    per_listing: int = 1000
    """Items on one page of a tag or outlet listing."""


DEFAULT_LIMITS = PageLimits()


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """One page of the timeline and the entries it holds, grouped."""

    path: str
    title: str
    years: tuple[YearGroup, ...]

    @property
    def count(self) -> int:
        """How many entries the page shows."""
        return sum(y.count for y in self.years)


@dataclass(slots=True)
class PagePlan:
    """The timeline pages in order, and where every entry, date and month lives."""

    pages: list[TimelinePage]
    outline: list[YearGroup]
    """The whole timeline grouped, for overviews and counts."""
    split: bool
    """True when the front page is an overview rather than the whole timeline."""
    entry_page: dict[str, str] = field(default_factory=dict)
    anchor_page: dict[str, str] = field(default_factory=dict)
    """The first page holding each date, month and year anchor."""

    def entry_href(self, entry: Entry) -> str:
        """``timeline/2024-03.html#e-…``: the site path of the page holding the entry."""
        return f"{self.entry_page[entry.id]}#{entry.anchor}"

    def anchor_href(self, anchor: str) -> str:
        """The site path of a date (``d-…``), month (``m-…``) or year (``y-…``) anchor."""
        return f"{self.anchor_page[anchor]}#{anchor}"

    def month_href(self, year: int, month: int) -> str | None:
        """The page and anchor of a month, or None when the month has no entries."""
        anchor = month_anchor(year, month)
        return self.anchor_href(anchor) if anchor in self.anchor_page else None

    def neighbours(self, page: TimelinePage) -> tuple[TimelinePage | None, TimelinePage | None]:
        """The pages before and after ``page`` in timeline order."""
        index = self.pages.index(page)
        before = self.pages[index - 1] if index > 0 else None
        after = self.pages[index + 1] if index + 1 < len(self.pages) else None
        return before, after

    def latest(self, count: int) -> list[Entry]:
        """The last ``count`` entries of the timeline, newest first."""
        return entries_in_order(self.outline)[::-1][:count]


def plan_timeline(entries: tuple[Entry, ...], limits: PageLimits = DEFAULT_LIMITS) -> PagePlan:
    """Split the timeline into pages and record where everything lands."""
    outline = group_entries(entries)
    split = sum(weight(e) for e in entries) > limits.single_page
    if split:
        pages = [page for year in outline for page in _year_pages(year, limits.per_page)]
    else:
        pages = [TimelinePage(FRONT_PAGE, "", tuple(outline))]
    plan = PagePlan(pages, outline, split)
    for page in pages:
        _record(plan, page)
    return plan


SOURCES_SHOWN = 10
"""A timeline page lists this many of an entry's sources, and as many of its mentions;
the entry's own pages list all."""
SOURCES_PER_PAGE = 300
"""An entry reported (or mentioned) more often than this lists its sources and mentions
over several pages."""


def weight(entry: Entry) -> int:
    """What an entry costs on a timeline page: its text and the sources and mentions shown
    there."""
    return 1 + min(len(entry.sources), SOURCES_SHOWN) + min(len(entry.mentions), SOURCES_SHOWN)


def has_own_pages(entry: Entry) -> bool:
    """True for an entry with more sources or mentions than a timeline page shows: its own
    pages (``entries/<id>.html``) list them all."""
    return len(entry.sources) > SOURCES_SHOWN or len(entry.mentions) > SOURCES_SHOWN


def timeline_path(year: int, month: int | None = None, part: int = 1) -> str:
    """``timeline/2024.html``, ``timeline/2024-03.html``, ``timeline/2024-00.html`` (the
    part of 2024 known only to the year), ``timeline/2024-03-2.html`` (a second page)."""
    name = f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
    return f"timeline/{name}{f'-{part}' if part > 1 else ''}.html"


def _year_pages(year: YearGroup, budget: int) -> Iterator[TimelinePage]:
    if _weight_of_dates(d for m in year.months for d in m.dates) <= budget:
        yield TimelinePage(timeline_path(year.year), str(year.year), (year,))
        return
    for month in year.months:
        parts = list(_chunks(month.dates, budget))
        for number, dates in enumerate(parts, start=1):
            title = month_label(year.year, month.month)
            if len(parts) > 1:
                title += f" (part {number} of {len(parts)})"
            part = YearGroup(year.year, [MonthGroup(year.year, month.month, dates)])
            yield TimelinePage(timeline_path(year.year, month.month, number), title, (part,))


def _chunks(dates: list[DateGroup], budget: int) -> Iterator[list[DateGroup]]:
    """Date groups packed into pages of at most ``budget``; a huge day is cut between entries."""
    chunk: list[DateGroup] = []
    used = 0
    for group in (piece for d in dates for piece in _cut(d, budget)):
        cost = _weight_of_dates([group])
        if chunk and used + cost > budget:
            yield chunk
            chunk, used = [], 0
        chunk.append(group)
        used += cost
    if chunk:
        yield chunk


def _cut(group: DateGroup, budget: int) -> Iterator[DateGroup]:
    """A date group in pieces of at most ``budget`` (one entry more costly stands alone).

    The piece's weight is kept as it grows: summed again for each entry, a day of a
    thousand entries (the first day of a war) cost a million additions every build."""
    piece, used = DateGroup(group.date), 0
    for entry in group.entries:
        cost = weight(entry)
        if piece.entries and used + cost > budget:
            yield piece
            piece, used = DateGroup(group.date), 0
        piece.entries.append(entry)
        used += cost
    yield piece


def _weight_of_dates(dates: Iterable[DateGroup]) -> int:
    return sum(weight(e) for d in dates for e in d.entries)


def _record(plan: PagePlan, page: TimelinePage) -> None:
    for year in page.years:
        plan.anchor_page.setdefault(year.anchor, page.path)
        for month in year.months:
            plan.anchor_page.setdefault(month.anchor, page.path)
            for group in month.dates:
                plan.anchor_page.setdefault(date_anchor(group.date), page.path)
                for entry in group.entries:
                    plan.entry_page[entry.id] = page.path
