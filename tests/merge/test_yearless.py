"""A year-less recall takes the year under which the collection tells the happening.

Made-up war reporting: militants attacked the Karvel fuel depot on 12 March 2023; an article
of May 2024 recalls "the attack on the Karvel fuel depot on March 12", which the date engine
reads as the nearest 12 March before publication, 2024's; one of November 2023 says "The
March 12 attack", which it reads ahead, as 2024's.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from tests.merge.test_merge import event
from timeline.extract.timex import day_value
from timeline.merge import MergeMemo, merge_events
from timeline.merge.record import memo_from, record_of
from timeline.merge.yearless import yearless_day
from timeline.model import Basis, Entry, Event, EventKind, TimeExpression
from timeline.render.article import as_placed
from timeline.render.words import how_dated

THEN, NOW = dt.date(2023, 3, 12), dt.date(2024, 3, 12)
LATER = dt.date(2024, 5, 20)
PADDING = [
    event(f"p{n}", f"Convoy {n} waited at the Kerem Shalom crossing.",
          day_value(dt.date(2023, 6, 1 + n % 28)), dt.date(2023, 7, 1), f"p{n:03d}")
    for n in range(40)
]  # fmt: skip


def dated_by(
    slug: str,
    text: str,
    words: str,
    day: dt.date,
    published: dt.date,
    basis: Basis = Basis.RELATIVE,
    kind: EventKind = EventKind.HAPPENED,
) -> Event:
    """A report dated by the expression ``words`` of its text, read as ``day``."""
    at = text.index(words)
    date = day_value(day)
    expression = TimeExpression(at, at + len(words), words, "DATE", date.value, date=date)
    made = event(slug, text, date, published, slug)
    return replace(made, expression=replace(expression, basis=basis), basis=basis, kind=kind)


WITH_YEAR = dated_by(
    "wire", "Militants attacked the Karvel fuel depot on 12 March 2023, killing 31 guards.",
    "12 March 2023", THEN, dt.date(2023, 3, 12), Basis.EXPLICIT,
)  # fmt: skip
AT_THE_TIME = dated_by(
    "daily", "Militants attacked the Karvel fuel depot on Sunday, killing 31 guards.",
    "Sunday", THEN, dt.date(2023, 3, 13),
)  # fmt: skip
RECALL = dated_by(
    "weekly", "Families of the 31 guards killed in the attack on the Karvel fuel depot on March 12 "
    "marched to the ministry.", "March 12", NOW, LATER,
)  # fmt: skip
SINCE = dated_by(
    "monthly", "Fuel has been rationed across the north since the March 12 attack on the Karvel "
    "depot.", "March 12", NOW, LATER, kind=EventKind.MENTION,
)  # fmt: skip
ANNIVERSARY = dated_by(
    "weekly", "Veterans marked the anniversary of the attack on the Karvel fuel depot on March 12 "
    "with a march to the ministry.", "March 12", NOW, dt.date(2024, 3, 16),
)  # fmt: skip
AGAIN = dated_by(
    "radio", "Militants attacked the Karvel fuel depot on 12 March 2024, killing nine guards.",
    "12 March 2024", NOW, dt.date(2024, 3, 12), Basis.EXPLICIT,
)  # fmt: skip
OTHER_DEPOT = dated_by(
    "wire", "Militants attacked the Sorrin fuel depot on 12 March 2023, killing 31 guards.",
    "12 March 2023", THEN, dt.date(2023, 3, 12), Basis.EXPLICIT,
)  # fmt: skip
JUST_AFTER = dated_by(
    "weekly", "Families of the 31 guards killed in the attack on the Karvel fuel depot on March 12 "
    "marched to the ministry.", "March 12", NOW, dt.date(2024, 3, 13),
)  # fmt: skip
NO_OCCURRENCE = dated_by(
    "weekly", "Guards at the Karvel fuel depot have been on alert since March 12.", "March 12",
    NOW, LATER, kind=EventKind.STATE,
)  # fmt: skip
ON_ALERT = replace(NO_OCCURRENCE, kind=EventKind.HAPPENED)
SUMMER = dated_by(
    "summer", "Militants attacked the Karvel fuel depot on March 12, killing 31 guards.",
    "March 12", THEN, dt.date(2023, 8, 1),
)  # fmt: skip


def merged(*events: Event, apart: frozenset[str] = frozenset()) -> list[Entry]:
    """The entries of the events, padding left out; a memo's merge gives the same."""
    entries = merge_events([*PADDING, *events], apart=apart)
    assert merge_events([*PADDING, *events], apart=apart, memo=MergeMemo()) == entries
    return [entry for entry in entries if not entry.id.startswith("p")]


def told(entries: list[Entry]) -> list[tuple[str, list[str], list[str]]]:
    """Each entry's date, its sources' articles and its mentions' articles."""
    return [
        (e.date.value, [s.article.slug for s in e.sources], [s.article.slug for s in e.mentions])
        for e in entries
    ]


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # the recall joins the happening of the year other reports write, as a mention
        ((WITH_YEAR, RECALL), [("2023-03-12", ["wire"], ["weekly"])]),
        # a report published at the time gives the year as well as one that writes it
        ((AT_THE_TIME, RECALL), [("2023-03-12", ["daily"], ["weekly"])]),
        # a mention of the day ("since the March 12 attack") finds its happening too
        ((WITH_YEAR, SINCE), [("2023-03-12", ["wire"], ["monthly"])]),
        # a day that returns: the anniversary is the later year's
        (
            (WITH_YEAR, ANNIVERSARY),
            [("2023-03-12", ["wire"], []), ("2024-03-12", ["weekly"], [])],
        ),
        # a report of the year read tells the same: the happening is that year's
        (
            (WITH_YEAR, AGAIN, RECALL),
            [("2023-03-12", ["wire"], []), ("2024-03-12", ["radio"], ["weekly"])],
        ),
        # another depot: no evidence of that happening
        (
            (OTHER_DEPOT, RECALL),
            [("2023-03-12", ["wire"], []), ("2024-03-12", ["weekly"], [])],
        ),
        # a report of the days just after is no recall: it reports that year's happening
        (
            (WITH_YEAR, JUST_AFTER),
            [("2023-03-12", ["wire"], []), ("2024-03-12", ["weekly"], [])],
        ),
        # an earlier year read from a year-less day too is no evidence of the year
        (
            (SUMMER, RECALL),
            [("2023-03-12", ["summer"], []), ("2024-03-12", ["weekly"], [])],
        ),
        # a date that dates no occurrence ("on alert since March 12") names nothing to find
        (
            (WITH_YEAR, ON_ALERT),
            [("2023-03-12", ["wire"], []), ("2024-03-12", ["weekly"], [])],
        ),
    ],
)
def test_a_yearless_recall_takes_the_year_the_collection_tells(
    events: tuple[Event, ...], expected: list[tuple[str, list[str], list[str]]]
) -> None:
    assert sorted(told(merged(*events))) == sorted(expected)


def test_a_recall_that_took_its_year_says_so() -> None:
    (entry,) = merged(WITH_YEAR, RECALL)
    assert [(s.event_id, s.basis) for s in entry.mentions] == [("weekly", Basis.COLLECTION_YEAR)]


def test_a_recall_split_off_by_a_correction_keeps_the_engines_year() -> None:
    entries = merged(WITH_YEAR, RECALL, apart=frozenset({"weekly"}))
    assert sorted(told(entries)) == [
        ("2023-03-12", ["wire"], []),
        ("2024-03-12", ["weekly"], []),
    ]


@pytest.mark.parametrize(
    ("words", "yearless"),
    [
        ("March 12", True),
        ("12 March", True),
        ("Oct. 7", True),
        ("the 3rd of March", True),
        ("12 March 2023", False),
        ("March 12, 2023", False),
        ("Oct. 7 '23", False),
        ("Sunday", False),
        ("March", False),
        ("last March", False),
    ],
)
def test_a_yearless_day_names_a_day_and_a_month_and_no_year(words: str, yearless: bool) -> None:
    assert yearless_day(words) is yearless


def test_the_recall_moves_back_when_the_report_with_the_year_goes() -> None:
    memo = MergeMemo()
    first = merge_events([*PADDING, WITH_YEAR, RECALL], memo=memo)
    assert [e.date.value for e in first if not e.id.startswith("p")] == ["2023-03-12"]
    after = merge_events([*PADDING, RECALL], memo=memo)
    assert after == merge_events([*PADDING, RECALL])
    assert after[-1].date.value == "2024-03-12"
    assert after[-1].sources[0].basis is Basis.RELATIVE
    again = merge_events([*PADDING, WITH_YEAR, RECALL], memo=memo)
    assert again == merge_events([*PADDING, WITH_YEAR, RECALL])


def test_a_memo_and_a_record_give_a_fresh_merge_as_recalls_move_and_move_back() -> None:
    rng = random.Random(20)
    pool = [WITH_YEAR, AT_THE_TIME, RECALL, SINCE, AGAIN, OTHER_DEPOT, ANNIVERSARY]
    events = list(PADDING)
    memo = MergeMemo()
    moved = 0
    for _ in range(30):
        pick = rng.choice(pool)
        if pick in events:
            events.remove(pick)
        else:
            events.append(pick)
        fresh = merge_events(events)
        assert merge_events(events, memo=memo) == fresh
        articles = [(e.article.slug + e.id, [e]) for e in events]
        kept = memo_from(record_of(memo, articles), articles)
        assert merge_events(events, memo=kept) == fresh
        moved += sum(
            1
            for entry in fresh
            for source in (*entry.sources, *entry.mentions)
            if source.basis is Basis.COLLECTION_YEAR
        )
    assert moved > 0


AHEAD = dated_by(
    "monthly", "The March 12 attack on the Karvel fuel depot set off the worst fuel shortage "
    "of the war.", "March 12", NOW, dt.date(2023, 11, 20), kind=EventKind.MENTION,
)  # fmt: skip


def test_a_recall_read_ahead_of_its_publication_takes_the_year_the_collection_tells() -> None:
    """A year-less day the engine read after the article's publication ("The April 20
    explosion ..." in November, read as next April) is an earlier year's too."""
    assert told(merged(WITH_YEAR, AHEAD)) == [("2023-03-12", ["wire"], ["monthly"])]


def test_a_page_says_how_a_recall_took_its_year() -> None:
    """The source line and the article page tell the recall by the year it took."""
    (entry,) = merged(WITH_YEAR, replace(RECALL, kind=EventKind.HAPPENED))
    (mention,) = entry.mentions
    assert mention.expression is not None
    assert how_dated(mention.expression, mention.basis) == (
        "“March 12”, in the year other reports give what it recalls"
    )
    placed = as_placed(RECALL, replace(entry, sources=(*entry.sources, mention)))
    assert (placed.date.value, placed.basis) == ("2023-03-12", Basis.COLLECTION_YEAR)
    assert as_placed(RECALL, None) is RECALL
