"""The coarse-mention pass kept between merges: only new finer entries are compared."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

from tests.merge.test_merge import DATES, JANUARY, event, varied
from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import month_value, week_value, year_value
from timeline.merge import MergeMemo, merge_events
from timeline.merge.record import memo_from, record_of
from timeline.model import DateValue, Entry, Event

DAYS = [day_value(dt.date(2025, 1, d)) for d in range(1, 29)]


def routine(count: int) -> list[Event]:
    """Reports of January's days that no coarse mention below retells."""
    return [
        event(f"r{n}", f"Convoy {n} waited at the Kerem Shalom crossing.", DAYS[n % 28],
              dt.date(2025, 2, 1), f"r{n:03d}")
        for n in range(count)
    ]  # fmt: skip


def february(count: int) -> list[Event]:
    """Reports of February's days in the words of January's bakery strike, so that one
    more report in those words leaves their weights as they were (to a tenth)."""
    days = [day_value(dt.date(2025, 2, d)) for d in range(1, 29)]
    return [
        event(f"f{n}", f"Drones hit bakery {n} in Rafah, killing nine.", days[n % 28],
              dt.date(2025, 3, 1), f"f{n:03d}")
        for n in range(count)
    ]  # fmt: skip


BAKERY = event(
    "wire", "Drones hit a bakery in Rafah, killing nine.", DAYS[9], dt.date(2025, 1, 11), "b1"
)
COARSE = event(
    "weekly", "In January drones hit a Rafah bakery, killing nine.", JANUARY, dt.date(2025, 2, 3),
    "c1",
)  # fmt: skip


SPARE = event("spare", "Fuel ran out at Nasser hospital.", DAYS[2], dt.date(2025, 1, 4))
EARLIER = event(
    "daily", "Drones hit a Rafah bakery, killing nine.", DAYS[4], dt.date(2025, 1, 6), "b0"
)


def mentioned_in(entries: Sequence[Entry], coarse: Event) -> str:
    """The id of the entry the coarse event became a mention of."""
    (found,) = [e for e in entries if coarse.id in {s.event_id for s in e.mentions}]
    return found.id


def test_a_new_finer_entry_is_compared_alone_and_can_take_the_mention() -> None:
    memo = MergeMemo()
    events = [*routine(30), *february(120), BAKERY, COARSE, SPARE]
    first = merge_events(events, memo=memo)
    assert mentioned_in(first, COARSE) == BAKERY.id
    assert memo.compared.whole == 1
    # An earlier day's report that tells the same strike, in the place of another (the
    # count of events and so the words' weights stay as they were): the mention moves to
    # it, the earliest of the entries that tell it as what happened.
    later = [*events[:-1], EARLIER]
    again = merge_events(later, memo=memo)
    assert again == merge_events(later)
    assert mentioned_in(again, COARSE) == EARLIER.id
    assert (memo.compared.whole, memo.compared.partly) == (0, 1)
    # Another happening's report in its place: compared, and the mention goes back.
    other = event("post", "Drones hit Khan Younis.", DAYS[20], dt.date(2025, 1, 22), "t1")
    more = [*events[:-1], other]
    again = merge_events(more, memo=memo)
    assert again == merge_events(more)
    assert mentioned_in(again, COARSE) == BAKERY.id
    assert (memo.compared.whole, memo.compared.partly) == (1, 0)  # the one it joined: gone


def test_the_entry_joined_changing_compares_the_mention_with_every_entry() -> None:
    memo = MergeMemo()
    events = [*routine(60), BAKERY, COARSE]
    merge_events(events, memo=memo)
    # The bakery's report rewritten: the entry the mention joined is gone.
    rewritten = replace(BAKERY, text="Drones hit a bakery in Rafah, killing nine and more.")
    changed = [*routine(60), rewritten, COARSE]
    assert merge_events(changed, memo=memo) == merge_events(changed)
    assert memo.compared.whole == 1


def test_a_merge_from_a_record_compares_coarse_mentions_with_the_new_entries_only() -> None:
    articles = {
        "padding": [*routine(30), *february(120)],
        "wire": [BAKERY],
        "weekly": [COARSE],
        "spare": [SPARE],
    }

    def given() -> list[tuple[str, list[Event]]]:
        return [(f"{slug}:{events[-1].text}", events) for slug, events in articles.items()]

    def events() -> list[Event]:
        return [e for listed in articles.values() for e in listed]

    memo = MergeMemo()
    merge_events(events(), memo=memo)
    record = record_of(memo, given())
    articles["spare"] = [EARLIER]  # another day's report in its place: the same count
    memo = memo_from(record, given())
    merged = merge_events(events(), memo=memo)
    assert merged == merge_events(events())
    assert mentioned_in(merged, COARSE) == EARLIER.id
    assert (memo.compared.whole, memo.compared.partly) == (0, 1)


def test_a_memo_folds_coarse_mentions_as_a_fresh_merge_through_many_additions() -> None:
    rng = random.Random(17)

    def made(number: int) -> Event:
        return varied(rng, f"s{number % 11}", number, dt.date(2025, 1, 20 + number % 9))

    events = [made(n) for n in range(200)]
    memo = MergeMemo()
    assert merge_events(events, memo=memo) == merge_events(events)
    partly = 0
    for step in range(30):
        if step % 3 == 2:  # re-dated
            at = rng.randrange(len(events))
            events[at] = replace(events[at], date=rng.choice(DATES))
        else:  # an article gains an event
            events.append(made(1000 + step))
        assert merge_events(events, memo=memo) == merge_events(events)
        partly += memo.compared.partly
    assert partly > 0


SEPT = dt.date(2024, 9, 12)
PADDING = [
    event(f"p{n}", f"Convoy {n} waited at the Kerem Shalom crossing.",
          day_value(dt.date(2024, 9, 1 + n % 28)), dt.date(2024, 10, 1), f"p{n:03d}")
    for n in range(40)
]  # fmt: skip
ON_THE_DAY = "On Sept. 12, 2024, drones hit a bakery in Rafah, killing nine people."
IN_SEPTEMBER = "In September 2024, drones hit a Rafah bakery, killing nine people."
IN_2024 = "In 2024 drones hit a bakery in Rafah and killed nine people."
TALKS = "In 2024 mediators held ceasefire talks in Cairo and Doha."


@pytest.mark.parametrize(
    ("reports", "entries", "mentioned"),
    [
        # a month beside its day: a mention of the day's entry
        ([(ON_THE_DAY, day_value(SEPT)), (IN_SEPTEMBER, month_value(2024, 9))], 1, {"m": "d"}),
        # a year beside its month, with no day: a mention of the month's entry
        ([(IN_SEPTEMBER, month_value(2024, 9)), (IN_2024, year_value(2024))], 1, {"y": "m"}),
        # a year, its month and its day: both periods end in the day's entry
        (
            [
                (ON_THE_DAY, day_value(SEPT)),
                (IN_SEPTEMBER, month_value(2024, 9)),
                (IN_2024, year_value(2024)),
            ],
            1,
            {"m": "d", "y": "d"},
        ),
        # a week beside a day of it
        (
            [
                (ON_THE_DAY, day_value(SEPT)),
                ("Last week drones hit a Rafah bakery, killing nine.", week_value(SEPT)),
            ],
            1,
            {"w": "d"},
        ),
        # another happening of the year stays an entry of its own
        ([(IN_SEPTEMBER, month_value(2024, 9)), (TALKS, year_value(2024))], 2, {}),
        # a period never joins one as coarse as itself, nor one outside it
        ([(IN_SEPTEMBER, month_value(2024, 9)), (IN_2024, year_value(2023))], 2, {}),
    ],
)
def test_a_coarse_mention_joins_the_finer_entry_that_tells_its_occurrence(
    reports: list[tuple[str, DateValue]], entries: int, mentioned: dict[str, str]
) -> None:
    made = {
        key: event(key, text, date, dt.date(2024, 10, 2), key)
        for (text, date), key in zip(reports, _keys(reports), strict=True)
    }
    merged = [e for e in merge_events([*PADDING, *made.values()]) if not e.id.startswith("p")]
    assert len(merged) == entries
    assert {key: mentioned_in(merged, made[key]) for key in mentioned} == mentioned
    assert merge_events([*PADDING, *made.values()], memo=MergeMemo()) == merge_events(
        [*PADDING, *made.values()]
    )


def _keys(reports: list[tuple[str, DateValue]]) -> list[str]:
    """ "d", "w", "m", "y": each report's key by its date's precision."""
    return [{"day": "d", "week": "w", "month": "m", "year": "y"}[d.precision] for _, d in reports]


def test_a_coarse_mention_joins_an_entry_by_the_words_of_its_reports_together() -> None:
    """One report of the day tells the drones' strike, another the nine killed: a mention
    that says both retells the happening, though it shares too little with either alone."""
    day = day_value(SEPT)
    wire = event("wire", "Drones struck the Tal al-Sultan camp on Thursday, witnesses in the "
                 "Tal al-Sultan camp said.", day, dt.date(2024, 9, 12), "wire")  # fmt: skip
    daily = event("daily", "Nine were killed in the Tal al-Sultan camp, medics at "
                  "the camp said.", day, dt.date(2024, 9, 13), "daily")  # fmt: skip
    weekly = event("weekly", "Last week drones struck a bakery in Rafah, killing nine.",
                   week_value(SEPT), dt.date(2024, 9, 20), "weekly")  # fmt: skip
    merged = [e for e in merge_events([*PADDING, wire, daily, weekly]) if e.id[0] != "p"]
    assert len(merged) == 1
    assert mentioned_in(merged, weekly) == "wire"
