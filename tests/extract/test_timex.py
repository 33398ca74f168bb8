"""The temporal expression engine, case by case: text and publication date in, expressions out.

Every sentence here is written for the test; none is copied from a corpus. Publication is
Monday 3 February 2025 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.timex import day_value, find_expressions
from timeline.model import Basis, Precision

MONDAY = dt.date(2025, 2, 3)
Row = tuple[str, str, str] | tuple[str, str, str, str]


def found(text: str, published: dt.date = MONDAY, *, day_first: bool = False) -> list[Row]:
    """(text, type, value[, mod]) of every expression, in text order."""
    rows: list[Row] = []
    for e in find_expressions(text, published, day_first=day_first):
        rows.append((e.text, e.type, e.value, e.mod) if e.mod else (e.text, e.type, e.value))
    return rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege began on October 7, 2023.", [("October 7, 2023", "DATE", "2023-10-07")]),
        ("The siege began on 7 October 2023.", [("7 October 2023", "DATE", "2023-10-07")]),
        ("Envoys met Oct. 7 in Doha.", [("Oct. 7", "DATE", "2024-10-07")]),
        ("Envoys met on Oct 7th in Doha.", [("Oct 7th", "DATE", "2024-10-07")]),
        ("The order is dated 2023-10-07.", [("2023-10-07", "DATE", "2023-10-07")]),
        ("The order was signed 10/7/2023.", [("10/7/2023", "DATE", "2023-10-07")]),
        ("Raids started on January 21 near the camp.", [("January 21", "DATE", "2025-01-21")]),
        ("Talks will resume on March 3.", [("March 3", "DATE", "2025-03-03")]),
        ("The wall was finished in 2023.", [("2023", "DATE", "2023")]),
        ("Most of them fled in January.", [("January", "DATE", "2025-01")]),
        ("The camp grew in the 1990s.", [("the 1990s", "DATE", "199")]),
        # A year with "post-" or "pre-" is the year, with the side of it meant.
        ("The post-2011 order collapsed.", [("post-2011", "DATE", "2011", "AFTER")]),
        ("Output is back at pre-2020 levels.", [("pre-2020", "DATE", "2020", "BEFORE")]),
        # Hundreds are centuries: the 1800s are the nineteenth century.
        ("The port was built in the late 1800s.", [("the late 1800s", "DATE", "18", "END")]),
        ("By mid-January the road was shut.", [("mid-January", "DATE", "2025-01", "MID")]),
        ("A vote is due in early 2024.", [("early 2024", "DATE", "2024", "START")]),
        ("The port closed late last year.", [("late last year", "DATE", "2024", "END")]),
        ("War broke out in the summer of 2014.", [("the summer of 2014", "DATE", "2014-SU")]),
        ("Exports fell in the first quarter.", [("the first quarter", "DATE", "2025-Q1")]),
        ("Monday, Oct. 26, 1998 was calm.", [("Monday, Oct. 26, 1998", "DATE", "1998-10-26")]),
        ("Aid fell in December.", [("December", "DATE", "2024-12")]),
        ("Aid will resume in December.", [("December", "DATE", "2025-12")]),
        ("Shelling stopped on Christmas Day.", [("Christmas Day", "DATE", "2024-12-25")]),
        ("The town fell in June 2014.", [("June 2014", "DATE", "2014-06")]),
        ("It was founded in the 20th century.", [("the 20th century", "DATE", "19")]),
    ],
)
def test_absolute_and_partial_dates(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_day_first_reads_day_before_month() -> None:
    assert found("Signed 7/10/2023 in Cairo.", day_first=True) == [
        ("7/10/2023", "DATE", "2023-10-07")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A range is two expressions: each end can date an event of its own.
        ("Talks ran Jan. 19-21 in Cairo.",
         [("Jan. 19", "DATE", "2025-01-19"), ("21", "DATE", "2025-01-21")]),
        ("The curfew ran from March 1 to 15.",
         [("March 1", "DATE", "2025-03-01"), ("15", "DATE", "2025-03-15")]),
        ("Strikes went on 19-21 January 2024.",
         [("19", "DATE", "2024-01-19"), ("21 January 2024", "DATE", "2024-01-21")]),
        # Two days joined by "and"; not when the second number counts a noun.
        ("Envoys met on Jan. 14 and 15 in Doha.",
         [("Jan. 14", "DATE", "2025-01-14"), ("15", "DATE", "2025-01-15")]),
        ("Raids on Jan. 14 and 15 villages followed.", [("Jan. 14", "DATE", "2025-01-14")]),
    ],
)  # fmt: skip
def test_ranges_give_both_ends(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister spoke today.", [("today", "DATE", "2025-02-03")]),
        ("The minister spoke yesterday.", [("yesterday", "DATE", "2025-02-02")]),
        ("The minister will speak tomorrow.", [("tomorrow", "DATE", "2025-02-04")]),
        ("The envoy said on Monday that talks stalled.", [("Monday", "DATE", "2025-02-03")]),
        # News names the day of publication too: Monday's paper's "on Monday" is that day.
        ("The envoys will meet on Monday.", [("Monday", "DATE", "2025-02-03")]),
        ("The envoys met on Thursday.", [("Thursday", "DATE", "2025-01-30")]),
        ("The envoys will meet on Thursday.", [("Thursday", "DATE", "2025-02-06")]),
        ("Two ministers resigned last week.", [("last week", "DATE", "2025-W05")]),
        ("Prices rose this month.", [("this month", "DATE", "2025-02")]),
        ("Elections are planned for next year.", [("next year", "DATE", "2026")]),
        ("The crossing closed two weeks ago.", [("two weeks ago", "DATE", "2025-W04")]),
        ("Three days ago the crossing closed.", [("Three days ago", "DATE", "2025-01-31")]),
        ("The plan was announced earlier this month.",
         [("earlier this month", "DATE", "2025-02")]),
        ("The bridge reopened a year ago.", [("a year ago", "DATE", "2024")]),
        # Decades and centuries back are about so many years, not a calendar decade.
        ("The border was open a decade ago.", [("a decade ago", "DATE", "2015", "APPROX")]),
        ("The town fell a century ago.", [("a century ago", "DATE", "1925", "APPROX")]),
        ("He spoke last Tuesday.", [("last Tuesday", "DATE", "2025-01-28")]),
        ("The trial opens the week of March 10.", [("the week of March 10", "DATE", "2025-W11")]),
        ("Rallies will be held this weekend.", [("this weekend", "DATE", "2025-W06-WE")]),
        ("Rallies were held this past weekend.", [("this past weekend", "DATE", "2025-W05-WE")]),
        ("Drones struck Monday night.", [("Monday night", "TIME", "2025-02-03TNI")]),
        ("Sirens sounded at 6 a.m.", [("6 a.m.", "TIME", "2025-02-03T06:00")]),
        # A part of day with "mid" is on the story's day, or the day named.
        ("By mid-afternoon the shelling had stopped.",
         [("mid-afternoon", "TIME", "2025-02-03TAF", "MID")]),
        ("Shares fell at mid morning yesterday.",
         [("mid morning yesterday", "TIME", "2025-02-02TMO", "MID")]),
        ("Shares fell on Friday. Buyers returned in the afternoon.",
         [("Friday", "DATE", "2025-01-31"), ("the afternoon", "TIME", "2025-01-31TAF")]),
        ("The talks ended in the early morning.",
         [("the early morning", "TIME", "2025-02-03TMO", "START")]),
        ("The convoy left at 4 in the morning.",
         [("4 in the morning", "TIME", "2025-02-03T04:00")]),
        ("Talks resumed at 3:30 in the afternoon.",
         [("3:30 in the afternoon", "TIME", "2025-02-03T15:30")]),
        # The part of the day after a clock time sets its half, "o'clock" or not; the morning
        # and a night's small hours keep it.
        ("The shelling began around 5 o'clock in the afternoon.",
         [("5 o'clock in the afternoon", "TIME", "2025-02-03T17:00")]),
        ("The convoy was hit at 8 o’clock in the evening.",
         [("8 o’clock in the evening", "TIME", "2025-02-03T20:00")]),
        ("Drones were heard at 11 at night.", [("11 at night", "TIME", "2025-02-03T23:00")]),
        ("The raid began at 10 o'clock at night.",
         [("10 o'clock at night", "TIME", "2025-02-03T22:00")]),
        ("The sirens sounded at 2 o'clock at night.",
         [("2 o'clock at night", "TIME", "2025-02-03T02:00")]),
        ("The troops moved out at 6 o'clock in the morning.",
         [("6 o'clock in the morning", "TIME", "2025-02-03T06:00")]),
        ("Fighting stopped at 9 o'clock.", [("9 o'clock", "TIME", "2025-02-03T09:00")]),
        ("Sirens sounded at 9 p.m. on Sunday night.",
         [("9 p.m. on Sunday night", "TIME", "2025-02-02T21:00")]),
        ("The evening was quiet.", []),
        # Without "mid", a part of day with "this" is on publication day, whatever came before.
        ("The vote was held on Jan. 2. Results come out this morning.",
         [("Jan. 2", "DATE", "2025-01-02"), ("this morning", "TIME", "2025-02-03TMO")]),
        # "high noon" is a showdown.
        ("It was high noon for the coalition.", []),
        ("Sirens sounded at 10:30 p.m. Sunday.",
         [("10:30 p.m. Sunday", "TIME", "2025-02-02T22:30")]),
        ("Shots rang out last night.", [("last night", "TIME", "2025-02-02TNI")]),
        # Half of a year is a half year (TIMEX3 ``H1``/``H2``); half of a month stays a position.
        ("Talks went on in the second half of 2024.",
         [("the second half of 2024", "DATE", "2024-H2")]),
        ("Prices fell in the last half of 2023.", [("the last half of 2023", "DATE", "2023-H2")]),
        ("The slump may last through the first two quarters of 2026.",
         [("the first two quarters of 2026", "DATE", "2026-H1")]),
        ("Rain fell in the second half of March.",
         [("the second half of March", "DATE", "2025-03", "END")]),
    ],
)  # fmt: skip
def test_relative_to_publication(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce began on January 19. Three days later, four captives were freed.",
         [("January 19", "DATE", "2025-01-19"), ("Three days later", "DATE", "2025-01-22")]),
        ("Troops entered on March 3, 2024. The following week, they withdrew.",
         [("March 3, 2024", "DATE", "2024-03-03"), ("The following week", "DATE", "2024-W10")]),
        ("Clashes erupted on May 5, 2024. The next day, talks began.",
         [("May 5, 2024", "DATE", "2024-05-05"), ("The next day", "DATE", "2024-05-06")]),
        ("Fighting resumed in April 2024. That month, deliveries stopped.",
         [("April 2024", "DATE", "2024-04"), ("That month", "DATE", "2024-04")]),
        ("The raid came on June 8, 2024. The day before, leaflets fell.",
         [("June 8, 2024", "DATE", "2024-06-08"), ("The day before", "DATE", "2024-06-07")]),
    ],
)  # fmt: skip
def test_narrative_time_follows_the_text(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_narrative_time_refuses_when_the_story_moved_to_a_coarser_period() -> None:
    expressions = find_expressions("It started in 2014. The next day it spread.", MONDAY)
    assert [(e.text, e.value, e.resolved, e.date) for e in expressions] == [
        ("2014", "2014", True, expressions[0].date),
        ("The next day", "XXXX-XX-XX", False, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ended after 15 months of war.", [("15 months", "DURATION", "P15M")]),
        ("They agreed a 42-day ceasefire.", [("42-day", "DURATION", "P42D")]),
        ("The truce has held for over two weeks.",
         [("over two weeks", "DURATION", "P2W", "MORE_THAN")]),
        ("The siege lasted nearly three years.",
         [("nearly three years", "DURATION", "P3Y", "LESS_THAN")]),
        ("The talks took 5 1/2 hours.", [("5 1/2 hours", "DURATION", "PT5H30M")]),
        ("Prices rose over the past two months.", [("the past two months", "DURATION", "P2M")]),
        ("Protests are held every Friday.", [("every Friday", "SET", "XXXX-WXX-5")]),
        ("Aid trucks arrive daily.", [("daily", "SET", "P1D")]),
        ("Patrols pass twice a day.", [("a day", "SET", "P1D")]),
        ("The border is now closed.", [("now", "DATE", "PRESENT_REF")]),
        ("The border is currently closed.", [("currently", "DATE", "PRESENT_REF")]),
        ("The envoy recently left.", [("recently", "DATE", "PAST_REF")]),
        # "then current" is current at a time gone by.
        ("Shares were bought at the then current price.", [("then current", "DATE", "PAST_REF")]),
        ("Talks may resume in the future.", [("the future", "DATE", "FUTURE_REF")]),
        ("In the past, the port was open.", [("the past", "DATE", "PAST_REF")]),
        # "the past" before the periods it counts is no PAST_REF.
        ("Riots broke out in the past three summers.", []),
        ("Dividends are paid every quarter.", [("every quarter", "SET", "P1Q")]),
        ("The river floods each spring.", [("each spring", "SET", "XXXX-SP")]),
        # A weekday with a part of day in the plural recurs.
        ("Buses run on Sunday mornings.", [("Sunday mornings", "SET", "XXXX-WXX-7TMO")]),
        # "one day" after a modal is some day ahead, not a day long.
        ("The port could one day reopen.", [("one day", "DATE", "FUTURE_REF")]),
        ("The strike lasted one day.", [("one day", "DURATION", "P1D")]),
    ],
)  # fmt: skip
def test_durations_sets_and_generic_references(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_durations_and_references_date_nothing() -> None:
    for e in find_expressions("For over two weeks, daily, now and recently.", MONDAY):
        assert e.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Militants released 7 hostages.",
        "Resolution 2334 was adopted.",
        "Two F-16 jets flew over the city.",
        "Officials said 1,200 people died.",
        "Settlers planned a march on Jerusalem.",
        "Some families may leave the north.",
        "Mayor March opened the session.",
        "Call the hotline at 555-2023.",
        "The list is on page 2019 of the report.",
        "The home side won 3-1.",
        "The party lost 2000 votes.",
        "About 2000 people fled the camp.",
        "Some 1500 children were treated.",
        "The raid left 1200 dead.",
        "They may return, he said.",
        "A second phase of the deal is under way.",
        "He is a 42-year-old teacher.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_seed_article_paraphrase() -> None:
    """A paraphrase of a real article published on Monday 3 February 2025."""
    text = (
        "The president said on Monday there is no promise the truce will last. "
        "Though the truce has held for over two weeks, the group wants a second phase. "
        "Under the initial 42-day deal, 33 captives are to be freed. "
        "He took credit for the deal after 15 months of war. "
        "Talks began on Monday in Washington. "
        "The army reported an offensive launched on January 21 in the north. "
        "On Monday, the presidency condemned it. "
        "The October 7, 2023 attack left 1,210 people dead."
    )
    assert found(text) == [
        ("Monday", "DATE", "2025-02-03"),
        ("over two weeks", "DURATION", "P2W", "MORE_THAN"),
        ("42-day", "DURATION", "P42D"),
        ("15 months", "DURATION", "P15M"),
        ("Monday", "DATE", "2025-02-03"),
        ("January 21", "DATE", "2025-01-21"),
        ("Monday", "DATE", "2025-02-03"),
        ("October 7, 2023", "DATE", "2023-10-07"),
    ]


def test_offsets_point_into_the_text() -> None:
    text = "Talks ran Jan. 19-21; aid came on Oct. 7, 2023."
    for e in find_expressions(text, MONDAY):
        assert text[e.start : e.end] == e.text


def test_dated_values_carry_interval_precision_and_basis() -> None:
    explicit, relative, week = find_expressions(
        "On October 7, 2023 and yesterday and last week.", MONDAY
    )
    assert explicit.date == day_value(dt.date(2023, 10, 7))
    assert explicit.basis is Basis.EXPLICIT
    assert relative.basis is Basis.RELATIVE
    assert week.date is not None
    assert (week.date.start, week.date.end, week.date.precision) == (
        dt.date(2025, 1, 27), dt.date(2025, 2, 3), Precision.WEEK,
    )  # fmt: skip


def test_unresolvable_is_flagged_not_guessed() -> None:
    (expr,) = find_expressions("Officials met on February 30.", MONDAY)
    assert (expr.value, expr.resolved, expr.date) == ("XXXX-XX-XX", False, None)


def test_day_value_is_a_one_day_interval() -> None:
    value = day_value(dt.date(2025, 2, 3), "APPROX")
    assert (value.value, value.start, value.end, value.precision, value.mod) == (
        "2025-02-03", dt.date(2025, 2, 3), dt.date(2025, 2, 4), Precision.DAY, "APPROX",
    )  # fmt: skip
