"""The phases an editor names in ``timeline.toml`` (a truce, an offensive), as the pages
show them: bands along the track, a line where each begins, a list in the overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.config import Phase
from timeline.model import DateValue
from timeline.render.dates import format_day_range
from timeline.render.groups import YearGroup


@dataclass(frozen=True, slots=True)
class PhaseView:
    """A phase in the overview: its name, its days in words, its entries and where it begins."""

    number: int
    name: str
    label: str
    count: int
    anchor: str | None
    """The date anchor of its first entry, None when no entry falls in it."""


def phase_of(date: DateValue, phases: Sequence[Phase]) -> int | None:
    """The number (from 0) of the phase a date lies wholly within, or None."""
    last = date.end - dt.timedelta(days=1)
    for number, phase in enumerate(phases):
        if phase.start <= date.start and last <= phase.end:
            return number
    return None


def phase_label(phase: Phase) -> str:
    """'19 January – 1 March 2025'."""
    return format_day_range(phase.start, phase.end)


def phase_views(phases: Sequence[Phase], outline: list[YearGroup]) -> list[PhaseView]:
    """Every phase with its entries counted and the anchor of its first date."""
    counts = [0] * len(phases)
    anchors: list[str | None] = [None] * len(phases)
    for year in outline:
        for month in year.months:
            for group in month.dates:
                number = phase_of(group.date, phases)
                if number is None:
                    continue
                counts[number] += len(group.entries)
                anchors[number] = anchors[number] or group.anchor
    return [
        PhaseView(n, p.name, phase_label(p), counts[n], anchors[n]) for n, p in enumerate(phases)
    ]
