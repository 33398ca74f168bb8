"""The outline as a reader reads it: a day's parts in order, no heading twice, stray years
grouped."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source
from timeline.render.groups import (
    DateGroup,
    MonthGroup,
    group_entries,
    heading_needed,
    year_runs,
)

D = dt.date
REF = ArticleRef("a", "content/articles/a.md", "A", "Wire", dt.date(2025, 2, 1))


def entry(eid: str, date: DateValue) -> Entry:
    source = Source(eid, REF, "Text.", 1, None, Basis.PUBLICATION)
    return Entry(eid, date, "Text.", (source,))


def at(value: str, precision: Precision = Precision.TIME, mod: str | None = None) -> DateValue:
    first = D.fromisoformat(value[:10])
    return DateValue(value, first, first + dt.timedelta(days=1), precision, mod)


def test_the_parts_of_a_day_come_in_its_course_where_the_day_first_stands() -> None:
    before = DateValue("2025-01", D(2025, 1, 1), D(2025, 2, 1), Precision.MONTH, "MID")
    entries = [
        entry("before", before),
        entry("day", at("2025-01-19", Precision.DAY)),
        entry("eleven", at("2025-01-19T11:15")),
        entry("night", at("2025-01-19TNI")),
        entry("one", at("2025-01-19T01:00")),
        entry("early", at("2025-01-19", Precision.DAY, "START")),
        entry("evening", at("2025-01-19TEV")),
        entry("next", at("2025-01-20", Precision.DAY)),
    ]
    (year,) = group_entries(entries)
    order = [e.id for d in year.months[0].dates for e in d.entries]
    assert order == ["before", "day", "early", "one", "eleven", "evening", "night", "next"]


@pytest.mark.parametrize(
    ("date", "month", "needed"),
    [
        (DateValue("2024-06", D(2024, 6, 1), D(2024, 7, 1), Precision.MONTH), 6, False),
        (DateValue("2024-06", D(2024, 6, 1), D(2024, 7, 1), Precision.MONTH, "END"), 6, True),
        (DateValue("2024", D(2024, 1, 1), D(2025, 1, 1), Precision.YEAR), 0, False),
        (DateValue("2024-SU", D(2024, 6, 1), D(2024, 9, 1), Precision.SEASON), 0, True),
        (at("2024-06-03", Precision.DAY), 6, True),
    ],
)
def test_no_heading_repeats_its_months(date: DateValue, month: int, needed: bool) -> None:
    assert heading_needed(DateGroup(date), MonthGroup(2024, month)) is needed


def test_stray_years_before_and_after_the_main_ones_are_grouped() -> None:
    days = [at(f"{y}-03-0{n}", Precision.DAY) for y in (2023, 2024) for n in range(1, 10)]
    strays = [at(f"{y}-05-01", Precision.DAY) for y in (1948, 1967, 2014, 2031)]
    outline = group_entries(
        [entry(str(i), d) for i, d in enumerate(sorted(strays + days, key=lambda d: d.start))]
    )
    runs = [(run.label, [y.year for y in run.years]) for run in year_runs(outline)]
    assert runs == [
        ("Earlier", [1948, 1967, 2014]),
        ("", [2023]),
        ("", [2024]),
        ("Later", [2031]),
    ]


def test_a_timeline_of_two_years_is_not_grouped() -> None:
    outline = group_entries(
        [entry("a", at("2023-01-01", Precision.DAY))]
        + [entry(str(n), at(f"2024-01-0{n}", Precision.DAY)) for n in range(1, 10)]
    )
    assert [run.label for run in year_runs(outline)] == ["", ""]


def test_a_year_of_many_entries_is_never_a_stray_one() -> None:
    war = [at(f"2010-{m:02d}-0{d}", Precision.DAY) for m in range(1, 13) for d in range(1, 10)]
    war *= 3  # 324 entries in 2010
    after = [at(f"2011-01-{d:02d}", Precision.DAY) for d in range(1, 26)]  # 25 in 2011
    late = [at("2013-05-01", Precision.DAY)]
    dates = war + after + late
    outline = group_entries([entry(str(i), d) for i, d in enumerate(dates)])
    runs = [(run.label, [y.year for y in run.years]) for run in year_runs(outline)]
    assert runs == [("", [2010]), ("", [2011]), ("Later", [2013])]
