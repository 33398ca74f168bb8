"""The timeline's order (design.md §4): by date, then clock time and part of day within a
day, then coarser precision first, then first publication, then id.

Nothing depends on the order entries come in, nor on the file system.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from timeline.model import DateValue, Entry, Precision

EntryOrder = tuple[dt.date, int, int, str, str]

PART_OF_DAY_MINUTES = {"MO": 9 * 60, "MI": 12 * 60, "DT": 12 * 60, "AF": 15 * 60,
                       "EV": 19 * 60, "NI": 22 * 60}  # fmt: skip
"""Where a part of day sorts among clock times: about its middle, so that the morning runs
after 08:30 and before 11:15, and the night comes last."""
_CLOCK = re.compile(r"T(\d\d):(\d\d)")


def order_entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries in timeline order."""
    return tuple(sorted(entries, key=entry_order))


def entry_order(entry: Entry) -> EntryOrder:
    """Interval start, then coarser precision first, then the time of day (clock times and
    parts of day together: 01:00, 08:30, morning, 11:15, afternoon, evening, night), then
    first publication, then id.

    A modified period starts where its part does: "mid-January" sorts after 10 January and
    "late January" after 20 January, though neither is shown more precisely than it is known.
    A day without a time sorts before the times of that day, as a month before its days.
    """
    first = entry.sources[0].article.published
    date = entry.date
    return (
        sort_start(date),
        -date.precision.rank,
        time_of_day(date),
        published_key(first),
        entry.id,
    )


def time_of_day(date: DateValue) -> int:
    """Minutes into the day where a time sorts (a part of day at about its middle); -1 for
    a date without a time."""
    if date.precision is not Precision.TIME:
        return -1
    clock = _CLOCK.search(date.value)
    if clock is not None:
        return int(clock[1]) * 60 + int(clock[2])
    return PART_OF_DAY_MINUTES.get(date.value.rpartition("T")[2], 12 * 60)


def sort_start(date: DateValue) -> dt.date:
    """Where a date sorts: its interval's start, moved into the third its modifier names."""
    thirds = {"MID": 1, "END": 2}.get(date.mod or "", 0)
    return date.start + (date.end - date.start) * thirds // 3


def published_key(published: dt.datetime | dt.date) -> str:
    """A publication time as a string that sorts chronologically across time zones."""
    if isinstance(published, dt.datetime):
        if published.tzinfo is not None:
            published = published.astimezone(dt.UTC).replace(tzinfo=None)
        return published.isoformat()
    return dt.datetime.combine(published, dt.time()).isoformat()
