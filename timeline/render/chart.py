"""The shape of the war at a glance: entries per month, drawn as bars of an inline SVG."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.model import Entry
from timeline.render.groups import month_label, month_of
from timeline.render.plan import PagePlan

WIDTH = 720
HEIGHT = 160
AXIS = 28
"""Room below the bars for the year labels."""
LABEL_ROOM = 40
"""Horizontal room a year label needs."""


@dataclass(frozen=True, slots=True)
class Bar:
    """One month: where its bar is drawn, what it says and which page it links to."""

    x: str
    y: str
    width: str
    height: str
    label: str
    count: int
    target: str | None
    """The site path of the month on its page, None for a month without entries."""


@dataclass(frozen=True, slots=True)
class Tick:
    """A year label below the bars."""

    x: str
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The whole picture: bars, year labels, its size and a one-line summary."""

    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    width: int
    height: int
    baseline: str
    summary: str


def month_counts(entries: Iterable[Entry]) -> Counter[tuple[int, int]]:
    """Entries per (year, month), counting only entries known to the month or finer."""
    return Counter(
        (e.date.start.year, e.date.start.month) for e in entries if month_of(e.date) != 0
    )


def density_chart(entries: Iterable[Entry], plan: PagePlan) -> Chart | None:
    """The chart of entries per month from the first month to the last, or None if empty."""
    counts = month_counts(entries)
    if not counts:
        return None
    months = _month_range(min(counts), max(counts))
    slot = WIDTH / len(months)
    peak = max(counts.values())
    bars = tuple(_bar(i, ym, counts[ym], slot, peak, plan) for i, ym in enumerate(months))
    return Chart(
        bars, _ticks(months, slot), WIDTH, HEIGHT, _num(HEIGHT - AXIS), _summary(months, counts)
    )


def _bar(
    index: int, month: tuple[int, int], count: int, slot: float, peak: int, plan: PagePlan
) -> Bar:
    height = (HEIGHT - AXIS - 4) * count / peak
    gap = slot * 0.15 if slot > 3 else 0.0
    noun = "entry" if count == 1 else "entries"
    return Bar(
        x=_num(index * slot + gap / 2),
        y=_num(HEIGHT - AXIS - height),
        width=_num(slot - gap),
        height=_num(height),
        label=f"{month_label(*month)}: {count} {noun}",
        count=count,
        target=plan.month_href(*month) if count else None,
    )


def _ticks(months: list[tuple[int, int]], slot: float) -> tuple[Tick, ...]:
    """A label at each January (and the first month), thinned out so labels never touch."""
    starts = [(i * slot, y) for i, (y, m) in enumerate(months) if m == 1 or i == 0]
    ticks: list[Tick] = []
    last = 0.0
    for x, year in reversed(starts):  # from the right, so the first month's label yields
        if last - x >= LABEL_ROOM or not ticks:
            ticks.append(Tick(_num(x), str(year)))
            last = x
    return tuple(reversed(ticks))


def _summary(months: list[tuple[int, int]], counts: Counter[tuple[int, int]]) -> str:
    busiest = max(counts, key=lambda ym: (counts[ym], -ym[0], -ym[1]))
    return (
        f"Entries per month from {month_label(*months[0])} to {month_label(*months[-1])}; "
        f"the busiest month is {month_label(*busiest)} with {counts[busiest]}."
    )


def _month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: stable text."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
