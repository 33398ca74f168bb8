"""Two clusters of one block that a later report links (``merge/bridges.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.merge.test_merge import event, routine_reports
from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import month_value
from timeline.merge import merge_events
from timeline.model import Basis, DateValue, Event

TUESDAY = day_value(dt.date(2025, 3, 18))
MARCH = month_value(2025, 3)
PUBLISHED = dt.date(2025, 3, 19)

ROUTINE = routine_reports(dt.date(2025, 3, 1), 12, dt.date(2025, 3, 14))

ANCHORED = "Army engineers anchored the new floating pier at Gaza City on Tuesday."
LOWERED = "A crane ship lowered the pier into the sea without a hitch on Tuesday."
LINK = "A crane ship lowered the pier into the sea, and army engineers anchored it on Tuesday."
LOOSE = "The pier was lowered into the sea and anchored by army engineers on Tuesday."
ELSEWHERE = "A crane ship lowered the pier into the sea at Deir al-Balah on Tuesday."


def report(slug: str, text: str, eid: str, start: int = 0, date: DateValue = TUESDAY) -> Event:
    found = event(slug, text, date, PUBLISHED, eid)
    return replace(found, start=start, end=start + len(text))


def entries_holding(events: list[Event], ids: set[str]) -> int:
    """In how many entries the reports ``ids`` end up (as sources or mentions)."""
    entries = merge_events([*events, *ROUTINE])
    return sum(not ids.isdisjoint(s.event_id for s in (*e.sources, *e.mentions)) for e in entries)


LINKING = report("c-weekly", LINK, "c")


@pytest.mark.parametrize(
    ("events", "entries"),
    [
        # two outlets' reports of one pier that share one word, and a third alike both
        # after them: one entry
        ([report("a-wire", ANCHORED, "a"), report("b-daily", LOWERED, "b"), LINKING], 1),
        # without the third: two
        ([report("a-wire", ANCHORED, "a"), report("b-daily", LOWERED, "b")], 2),
        # an article that kept its own two reports apart tells two happenings
        ([report("a-wire", ANCHORED, "a"), report("a-wire", LOWERED, "b", 90), LINKING], 2),
        # alike the second cluster by the usual test only (three tenths, not half): a day's
        # leads share that much by the words of their story
        (
            [
                report("a-wire", ANCHORED, "a"),
                report("b-daily", LOWERED, "b"),
                report("c-weekly", LOOSE, "c"),
            ],
            2,
        ),
        # a lead dated only by its publication, or by the collection, is no link
        (
            [
                report("a-wire", ANCHORED, "a"),
                report("b-daily", LOWERED, "b"),
                replace(LINKING, basis=Basis.PUBLICATION),
            ],
            2,
        ),
        (
            [
                report("a-wire", ANCHORED, "a"),
                report("b-daily", LOWERED, "b"),
                replace(LINKING, basis=Basis.DAY_BEFORE),
            ],
            2,
        ),
        # reports of a month: it holds many happenings of one kind
        (
            [
                report("a-wire", ANCHORED.replace("on Tuesday", "in March"), "a", 0, MARCH),
                report("b-daily", LOWERED.replace("on Tuesday", "in March"), "b", 0, MARCH),
                report("c-weekly", LINK.replace("on Tuesday", "in March"), "c", 0, MARCH),
            ],
            2,
        ),
        # two places that do not meet: the clusters contradict each other, however alike
        # the third report is to each
        ([report("a-wire", ANCHORED, "a"), report("b-daily", ELSEWHERE, "b"), LINKING], 2),
    ],
)
def test_a_later_report_alike_two_clusters_links_them(events: list[Event], entries: int) -> None:
    assert entries_holding(events, {"a", "b"}) == entries
