"""The shape of the war at a glance: entries per month, drawn as bars of an inline SVG."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.config import Phase
from timeline.model import Entry
from timeline.render.groups import month_label, month_of, year_runs
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
    first: tuple[int, int] = (1, 1)
    """The first month drawn (year, month)."""
    slot: float = 0.0
    """The width of one month."""


@dataclass(frozen=True, slots=True)
class Band:
    """A phase behind the bars: where it is drawn and what it is called."""

    x: str
    width: str
    label: str
    number: int


def month_counts(entries: Iterable[Entry]) -> Counter[tuple[int, int]]:
    """Entries per (year, month), counting only entries known to the month or finer."""
    return Counter(
        (e.date.start.year, e.date.start.month) for e in entries if month_of(e.date) != 0
    )


def density_chart(entries: Iterable[Entry], plan: PagePlan) -> Chart | None:
    """The chart of entries per month from the first month to the last, or None if empty."""
    counts = month_counts(entries)
    main = _main_years(plan)
    left_out = sum(n for (year, _), n in counts.items() if year not in main)
    counts = Counter({ym: n for ym, n in counts.items() if ym[0] in main})
    if not counts:
        return None
    months = _month_range(min(counts), max(counts))
    slot = WIDTH / len(months)
    peak = max(counts.values())
    bars = tuple(_bar(i, ym, counts[ym], slot, peak, plan) for i, ym in enumerate(months))
    summary = _summary(months, counts)
    if left_out:
        noun = "entry" if left_out == 1 else "entries"
        summary += f" {left_out} {noun} of earlier or later years are listed, not drawn."
    baseline = _num(HEIGHT - AXIS)
    return Chart(bars, _ticks(months, slot), WIDTH, HEIGHT, baseline, summary, months[0], slot)


def _main_years(plan: PagePlan) -> set[int]:
    """The years the timeline is about: stray years before and after are not drawn, or a
    single entry of 1948 would squeeze a war of two years into a sliver."""
    return {y.year for run in year_runs(plan.outline) if not run.label for y in run.years}


def chart_bands(chart: Chart, phases: Sequence[Phase]) -> list[Band]:
    """The phases that overlap the chart, each as a band over its days."""
    months = len(chart.bars)
    bands = []
    for number, phase in enumerate(phases):
        left = max(0.0, _position(chart, phase.start))
        right = min(float(months), _position(chart, phase.end + dt.timedelta(days=1)))
        if right > left:
            x, width = left * chart.slot, (right - left) * chart.slot
            bands.append(Band(_num(x), _num(width), phase.name, number))
    return bands


def _position(chart: Chart, day: dt.date) -> float:
    """Where a day falls on the chart, in months from its first month's start."""
    year, month = chart.first
    index = (day.year - year) * 12 + day.month - month
    return index + (day.day - 1) / calendar.monthrange(day.year, day.month)[1]


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
    """A label at each January (and the first month), thinned out so labels never touch;
    on a chart of two years or less, a label for every month that has room."""
    if len(months) <= 24 and slot >= LABEL_ROOM:
        return tuple(
            Tick(_num(i * slot), _month_tick(y, m, i == 0)) for i, (y, m) in enumerate(months)
        )
    starts = [(i * slot, y) for i, (y, m) in enumerate(months) if m == 1 or i == 0]
    ticks: list[Tick] = []
    last = 0.0
    for x, year in reversed(starts):  # from the right, so the first month's label yields
        if last - x >= LABEL_ROOM or not ticks:
            ticks.append(Tick(_num(x), str(year)))
            last = x
    return tuple(reversed(ticks))


def _month_tick(year: int, month: int, first: bool) -> str:
    name = month_label(year, month)
    return name if first or month == 1 else name.split()[0][:3]


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
