"""Dates shown as precisely as they are known, and machine-readable for <time>."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import DateValue, Precision
from timeline.render.dates import format_date, format_published, html_datetime

D = dt.date


@pytest.mark.parametrize(
    ("date", "human", "machine"),
    [
        (
            DateValue("2023-10-07", D(2023, 10, 7), D(2023, 10, 8), Precision.DAY),
            "7 October 2023",
            "2023-10-07",
        ),
        (
            DateValue("2023-10", D(2023, 10, 1), D(2023, 11, 1), Precision.MONTH),
            "October 2023",
            "2023-10",
        ),
        (
            DateValue("2025-01", D(2025, 1, 1), D(2025, 2, 1), Precision.MONTH, "START"),
            "early January 2025",
            "2025-01",
        ),
        (
            DateValue("2025-01", D(2025, 1, 1), D(2025, 2, 1), Precision.MONTH, "MID"),
            "mid-January 2025",
            "2025-01",
        ),
        (
            DateValue("2024", D(2024, 1, 1), D(2025, 1, 1), Precision.YEAR, "END"),
            "late 2024",
            "2024",
        ),
        (
            DateValue("2025-W05", D(2025, 1, 27), D(2025, 2, 3), Precision.WEEK),
            "the week of 27 January 2025",
            "2025-W05",
        ),
        (
            DateValue("2014-SU", D(2014, 6, 1), D(2014, 9, 1), Precision.SEASON),
            "summer 2014",
            "2014",
        ),
        (
            DateValue("2025-Q1", D(2025, 1, 1), D(2025, 4, 1), Precision.QUARTER),
            "the first quarter of 2025",
            "2025",
        ),
        (
            DateValue("2025-01-19TNI", D(2025, 1, 19), D(2025, 1, 20), Precision.TIME),
            "the night of 19–20 January 2025",
            "2025-01-19",
        ),
        (
            DateValue("2025-01-31TNI", D(2025, 1, 31), D(2025, 2, 1), Precision.TIME),
            "the night of 31 January – 1 February 2025",
            "2025-01-31",
        ),
        (
            DateValue("2025-01-19TMO", D(2025, 1, 19), D(2025, 1, 20), Precision.TIME),
            "the morning of 19 January 2025",
            "2025-01-19",
        ),
        (
            DateValue("2025-01-19T01:00", D(2025, 1, 19), D(2025, 1, 20), Precision.TIME),
            "19 January 2025, 01:00",
            "2025-01-19T01:00",
        ),
        (
            DateValue("2025-W04-WE", D(2025, 1, 25), D(2025, 1, 27), Precision.WEEK),
            "the weekend of 25–26 January 2025",
            "2025-W04",
        ),
        (
            DateValue("2025-W10", D(2025, 3, 3), D(2025, 3, 10), Precision.WEEK, "START"),
            "early in the week of 3 March 2025",
            "2025-W10",
        ),
        (
            DateValue("2025-01-20", D(2025, 1, 20), D(2025, 1, 21), Precision.DAY, "START"),
            "early on 20 January 2025",
            "2025-01-20",
        ),
        (
            DateValue("202", D(2020, 1, 1), D(2030, 1, 1), Precision.DECADE, "END"),
            "the late 2020s",
            "2020",
        ),
        (DateValue("202", D(2020, 1, 1), D(2030, 1, 1), Precision.DECADE), "the 2020s", "2020"),
        (
            DateValue("2025-02-03T06:00", D(2025, 2, 3), D(2025, 2, 4), Precision.TIME),
            "3 February 2025, 06:00",
            "2025-02-03T06:00",
        ),
    ],
)
def test_format_date(date: DateValue, human: str, machine: str) -> None:
    assert format_date(date) == human
    assert html_datetime(date) == machine


def test_format_published() -> None:
    assert format_published(dt.datetime(2025, 2, 3, 23, 0)) == "3 February 2025"


@pytest.mark.parametrize(
    ("start", "end", "human"),
    [
        (D(2025, 1, 19), D(2025, 1, 22), "19–21 January 2025"),
        (D(2025, 1, 30), D(2025, 2, 3), "30 January – 2 February 2025"),
        (D(2024, 12, 30), D(2025, 1, 3), "30 December 2024 – 2 January 2025"),
    ],
)
def test_a_day_value_spanning_days_is_a_range(start: D, end: D, human: str) -> None:
    date = DateValue(start.isoformat(), start, end, Precision.DAY)
    assert format_date(date) == human
    assert html_datetime(date) == start.isoformat()
