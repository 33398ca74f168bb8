"""A weekend's report and the entry of one of its days (``merge/weekend.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.merge.test_merge import event, routine_reports
from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import month_value, weekend_value
from timeline.merge import merge_events
from timeline.model import DateValue, Event, EventKind

SATURDAY = day_value(dt.date(2025, 1, 25))
WEEKEND = weekend_value(dt.date(2025, 1, 25))
JANUARY = month_value(2025, 1)
PUBLISHED = dt.date(2025, 1, 27)

ROUTINE = routine_reports(dt.date(2025, 1, 1), 20, dt.date(2025, 1, 22))

DAY_REPORT = (
    "In Khan Younis, shops, schools and mosques closed on Saturday as soldiers handed out "
    "evacuation leaflets."
)
TOWN = "In Khan Younis, markets and bakeries closed and families loaded cars as people left home."
ELSEWHERE = TOWN.replace("Khan Younis", "Deir al-Balah")
NO_PLACE = "Markets, schools and mosques closed and families loaded cars as people left home."
NO_OCCURRENCE = "In Khan Younis, schools stood empty and families loaded cars as people left home."


def mentioned(coarse: str, date: DateValue, kind: EventKind = EventKind.HAPPENED) -> bool:
    """Whether a coarse report becomes a mention of the Saturday's entry."""
    day = event("wire", DAY_REPORT, SATURDAY, dt.date(2025, 1, 25), "day")
    period = event("weekly", coarse, date, PUBLISHED, "coarse")
    period = Event(**{**{f: getattr(period, f) for f in period.__slots__}, "kind": kind})
    entries = merge_events([day, period, *ROUTINE])
    (entry,) = [e for e in entries if "day" in {s.event_id for s in e.sources}]
    return "coarse" in {s.event_id for s in entry.mentions}


@pytest.mark.parametrize(
    ("coarse", "date", "kind", "joins"),
    [
        # a weekend's report of its Saturday's closures in one town: a mention of it, by a
        # day's test, which the month's test (two fifths of all its words) would refuse
        (TOWN, WEEKEND, EventKind.HAPPENED, True),
        # the same words for a month: a month holds many happenings of one kind
        (TOWN, JANUARY, EventKind.HAPPENED, False),
        # another town
        (ELSEWHERE, WEEKEND, EventKind.HAPPENED, False),
        # no place named: nothing says it is that town's
        (NO_PLACE, WEEKEND, EventKind.HAPPENED, False),
        # who and where, but no occurrence shared
        (NO_OCCURRENCE, WEEKEND, EventKind.HAPPENED, False),
        # a forecast for the weekend is no report of the Saturday
        (TOWN, WEEKEND, EventKind.EXPECTED, False),
    ],
)
def test_a_weekend_report_joins_its_days_entry_by_a_days_test(
    coarse: str, date: DateValue, kind: EventKind, joins: bool
) -> None:
    assert mentioned(coarse, date, kind) is joins
