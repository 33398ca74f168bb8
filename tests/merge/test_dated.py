"""The occurrence a report's date dates, and two reports of one day joined by it."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.timex import day_value
from timeline.merge import merge_events
from timeline.merge.dated import occurrences_dated, other_names
from timeline.model import ArticleRef, Basis, DateValue, Event, Precision, TimeExpression

DAY = day_value(dt.date(2025, 3, 18))


@pytest.mark.parametrize(
    ("sentence", "expression", "dated"),
    [
        # the occurrence just before its date, whatever clause it stands in
        (
            "Nine guards are missing after the explosion late Tuesday at the depot.",
            "late Tuesday",
            {"explode"},
        ),
        ("The depot that exploded in flames on March 18 burned for days.", "March 18", {"explode"}),
        (
            "The depot was ripped by an explosion and fire on Tuesday night.",
            "Tuesday night",
            {"explode", "fire"},
        ),
        (
            "Troops launched an operation in the camp of Nur Shams on Tuesday, using drones.",
            "Tuesday",
            {"launch", "operation"},
        ),
        # a date opening its clause dates what follows it
        ("On Tuesday night, a blast was heard near the crossing.", "Tuesday night", {"explode"}),
        # what follows a date up to another happening's time
        (
            "Troops pulled out of the town on Tuesday after the explosion at the depot.",
            "Tuesday",
            set(),
        ),
        # nor what follows another clause after it
        (
            "The pressure at the well was 900 psi on Friday morning and steadily rising.",
            "Friday morning",
            set(),
        ),
        # a plan or a possibility is not what the date dates
        ("The army vowed to strike the camp on Tuesday.", "Tuesday", set()),
        # another stretch of the sentence
        (
            "An airstrike hit the camp, and on Tuesday the army said it was investigating.",
            "Tuesday",
            set(),
        ),
        # a date not in the sentence
        ("The army struck the camp.", "on Tuesday", set()),
    ],
)
def test_the_occurrence_a_date_dates(sentence: str, expression: str, dated: set[str]) -> None:
    assert occurrences_dated(sentence, expression) == dated


NIGHT = DateValue("2025-03-18TNI", DAY.start, DAY.end, Precision.TIME)
MORNING = DateValue("2025-03-18TMO", DAY.start, DAY.end, Precision.TIME)


def dated(slug: str, text: str, expression: str, eid: str, date: DateValue = DAY) -> Event:
    """A report of an article published the next day, dated by an expression of its text."""
    ref = ArticleRef(
        slug, f"content/articles/{slug}.md", slug, "Outlet " + slug, dt.date(2025, 3, 19)
    )
    at = text.index(expression)
    found = TimeExpression(at, at + len(expression), expression, "DATE", date.value, date=date)
    return Event(eid, ref, text, 0, len(text), 5, date, found, Basis.RELATIVE)


WAR = [
    dated(f"bg{n}", text, "on Monday", f"bg{n}", day_value(dt.date(2025, 3, 1 + n % 10)))
    for n, text in enumerate(
        [
            "Israeli forces said they killed militants in Gaza on Monday.",
            "Aid trucks waited at the Rafah crossing on Monday.",
            "Israel said Hamas fired rockets from Gaza on Monday.",
            "Palestinians in Gaza queued for bread and water on Monday.",
            "Israeli tanks moved along the Gaza border fence on Monday.",
            "Gaza's health ministry said hospitals lacked fuel on Monday.",
            "Talks on the Gaza truce resumed in Cairo on Monday.",
            "Israel's cabinet met on Monday to discuss the Gaza truce.",
            "Families of hostages marched in Tel Aviv on Monday.",
            "The United Nations warned on Monday of famine in Gaza.",
            "Workers at the fuel depot in Gaza City went on strike on Monday.",
            "The army said on Monday that an operation in the West Bank went on.",
            "Aid convoys reached checkpoints in the south on Monday.",
        ]
        * 3
    )
]


def joined(first: tuple[str, str, DateValue], second: tuple[str, str, DateValue]) -> bool:
    """Whether two outlets' reports of one day end up in one entry (as source or mention)."""
    a = dated("wire", first[0], first[1], "a", first[2])
    b = dated("daily", second[0], second[1], "b", second[2])
    entries = merge_events([a, b, *WAR])
    return any({"a", "b"} <= {s.event_id for s in (*e.sources, *e.mentions)} for e in entries)


DEPOT = (
    "The fuel depot in Gaza City was ripped by an explosion on Tuesday night, "
    "with 40 guards on duty.",
    "Tuesday night",
    NIGHT,
)
DEPOT_MORNING = (DEPOT[0].replace("night", "morning"), "Tuesday morning", MORNING)
MISSING = (
    "Rescuers searched for 12 guards missing after the explosion late Tuesday.",
    "late Tuesday",
    DAY,
)
LAUNCHED = (
    "Israeli troops launched a large-scale operation in the camp of Nur Shams on Tuesday, "
    "using drones.",
    "Tuesday",
    DAY,
)
BEGAN = (
    "The Israeli army, which began the operation with drones on March 18, said 14 suspects "
    "were held and rifles seized.",
    "March 18",
    DAY,
)
ISRAELI = (
    "The Israeli army, which began the operation on March 18, held 14 suspects.",
    "March 18",
    DAY,
)
RAFAH = (
    "A depot in Rafah was ripped by an explosion on Tuesday, with 40 guards on duty.",
    "Tuesday",
    DAY,
)
JABALIA = (
    "Rescuers in Jabalia searched for 12 guards missing after the explosion late Tuesday.",
    "late Tuesday",
    DAY,
)
AT_NIGHT = (
    "Rescuers searched for 12 guards missing after an explosion on Tuesday night.",
    "Tuesday night",
    NIGHT,
)
WITHDREW = ("Soldiers at the checkpoint withdrew on Tuesday after an explosion.", "Tuesday", DAY)
HEARD = ("Residents heard an explosion late Tuesday.", "late Tuesday", DAY)
CONVOY = (
    "Convoy 3 reached checkpoint 22 on Tuesday with flour, rice and blankets for families.",
    "Tuesday",
    DAY,
)
CONVOY_OTHER = (
    "Hungry crowds cheered after convoy 8 reached checkpoint 78 late Tuesday with fuel.",
    "late Tuesday",
    DAY,
)
CROSSING = (
    "Around 9,000 people fled the Kerem Shalom crossing on Tuesday after leaflets fell.",
    "Tuesday",
    DAY,
)
CROSSING_OTHER = (
    "Rania, a shopkeeper who fled the Rafah crossing late Tuesday with her children, wept.",
    "late Tuesday",
    DAY,
)
ANOTHER = (
    "Meanwhile, rescuers searched for 12 guards missing after another explosion late Tuesday.",
    "late Tuesday",
    DAY,
)


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        # one explosion, its date on the explosion in both: one entry, though one tells it
        # after "after" and they share one word besides
        (DEPOT, MISSING, True),
        # one operation, launched and begun, in one camp
        (LAUNCHED, BEGAN, True),
        # one occurrence, and only a word every report of the war gives besides: two
        (LAUNCHED, ISRAELI, False),
        # explosions of one day in different places: two
        (RAFAH, JABALIA, False),
        # at other times of the day: two
        (DEPOT_MORNING, AT_NIGHT, False),
        # the date dates another occurrence in one of them
        (DEPOT, WITHDREW, False),
        # the occurrence and nothing more
        (DEPOT, HEARD, False),
        # announced as another happening
        (DEPOT, ANOTHER, False),
        # things of one kind named by other numbers or names: two
        (CONVOY, CONVOY_OTHER, False),
        (CROSSING, CROSSING_OTHER, False),
    ],
)
def test_two_reports_whose_dates_date_one_occurrence_join(
    first: tuple[str, str, DateValue], second: tuple[str, str, DateValue], one: bool
) -> None:
    assert joined(first, second) is one


@pytest.mark.parametrize(
    ("a", "b", "other"),
    [
        # one kind of thing named by other numbers
        ("A convoy reached checkpoint 22 on Tuesday.", "A convoy reached checkpoint 78.", True),
        ("Convoy 3-1 was turned back.", "Convoy 5-2 was turned back.", True),
        ("Troops closed Route 60.", "Troops closed Route 60 and Route 4.", False),
        # one kind of thing named by other names
        ("Crowds fled the Kerem Shalom crossing.", "A man who fled the Rafah crossing.", True),
        ("Israeli forces entered the camp.", "Palestinian forces entered the camp.", True),
        ("Crowds fled the Rafah crossing.", "A man who fled the Rafah crossing.", False),
        ("Israeli forces entered the camp.", "The Israeli army entered the camp.", False),
        # who said it, a weekday, "The": no names of things
        ("Netanyahu said the strike hit.", "Biden said the strike hit.", False),
        ("On Tuesday night the depot burned.", "On Monday night the depot burned.", False),
        # counts, sizes, tolls and days are no names
        ("11 workers are missing.", "126 workers were on board.", False),
        ("Nearly 80 trucks crossed.", "Nearly 120 trucks crossed.", False),
        ("The strike killed 12 people.", "The strike killed 15 people.", False),
        ("It exploded on April 20.", "It sank on April 22.", False),
    ],
)
def test_things_named_by_other_numbers_or_names(a: str, b: str, other: bool) -> None:
    assert other_names(a, b) is other
