"""Merging events of different articles into entries, and the timeline's order."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import time_value, week_value
from timeline.merge import MergeMemo, merge_events
from timeline.merge.similarity import Weights, content_words
from timeline.merge.telling import foreground
from timeline.model import ArticleRef, Basis, DateValue, Event, EventKind, Precision


def event(slug: str, text: str, date: DateValue, published: dt.date, eid: str = "") -> Event:
    ref = ArticleRef(slug, f"content/articles/{slug}.md", slug.title(), "Outlet " + slug, published)
    return Event(
        eid or f"{slug}-{text[:5]}", ref, text, 0, len(text), 5, date, None, Basis.EXPLICIT
    )


_ROUTINE_TEXTS = [
    "Aid trucks waited at the Kerem Shalom crossing.",
    "Israeli drones flew over Jabalia.",
    "Talks on the truce resumed in Cairo.",
    "Fuel ran out at a hospital in Gaza City.",
    "Families of hostages marched in Tel Aviv.",
    "Rockets were fired from Beit Hanoun.",
    "The United Nations warned of famine.",
    "Tanks moved along the border fence near Rafah.",
]


def routine_reports(month: dt.date, days: int, published: dt.date) -> list[Event]:
    """A war's routine reports spread over the first ``days`` days of ``month``, three of
    each: the other days of a collection, which make a test's words as rare as news has
    them."""
    return [
        event(f"r{n}", text, day_value(month + dt.timedelta(days=n % days)), published, f"r{n}")
        for n, text in enumerate(_ROUTINE_TEXTS * 3)
    ]


DAY = day_value(dt.date(2025, 1, 19))
JANUARY = DateValue("2025-01", dt.date(2025, 1, 1), dt.date(2025, 2, 1), Precision.MONTH)


def test_same_happening_from_two_outlets_is_one_entry_with_both_sources() -> None:
    a = event(
        "wire", "Hamas freed three hostages in Gaza City on Sunday.", DAY, dt.date(2025, 1, 19)
    )
    b = event(
        "daily", "Three hostages were freed by Hamas in Gaza City.", DAY, dt.date(2025, 1, 20)
    )
    (entry,) = merge_events([b, a])
    assert [s.article.slug for s in entry.sources] == ["wire", "daily"]
    assert entry.id == a.id and entry.text == a.text


def test_different_happenings_in_the_same_place_on_the_same_day_stay_apart() -> None:
    a = event(
        "wire", "Hamas freed three hostages in Gaza City on Sunday.", DAY, dt.date(2025, 1, 19)
    )
    b = event(
        "daily",
        "An Israeli airstrike hit a school in Gaza City, killing twelve people.",
        DAY,
        dt.date(2025, 1, 19),
    )
    c = event(
        "post", "Crowds gathered in Gaza City as hostages were freed.", DAY, dt.date(2025, 1, 20)
    )
    entries = merge_events([a, b, c])
    assert sorted([s.article.slug for s in e.sources] for e in entries) == [
        ["daily"],
        ["wire", "post"],
    ]


def test_different_happenings_on_the_same_day_stay_apart() -> None:
    a = event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19))
    b = event(
        "daily", "An airstrike hit a school in Rafah, killing twelve.", DAY, dt.date(2025, 1, 19)
    )
    assert len(merge_events([a, b])) == 2


def test_coarse_mention_joins_the_day_entry_only_when_clearly_the_same() -> None:
    day = event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19))
    same = event(
        "daily", "In January Hamas freed three hostages in Gaza City.", JANUARY, dt.date(2025, 2, 2)
    )
    loose = event(
        "gazette",
        "Hamas freed prisoners and hostages in several exchanges during January.",
        JANUARY,
        dt.date(2025, 2, 3),
    )
    (entry,) = merge_events([same, day])
    assert [s.article.slug for s in entry.sources] == ["wire"]
    assert [s.article.slug for s in entry.mentions] == ["daily"]
    assert entry.date == DAY
    assert len(merge_events([loose, day])) == 2


def test_split_events_never_join() -> None:
    a = event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19))
    b = event(
        "daily", "Three hostages were freed by Hamas in Gaza City.", DAY, dt.date(2025, 1, 20)
    )
    assert len(merge_events([a, b], apart=frozenset({b.id}))) == 2
    assert len(merge_events([a, b], apart=frozenset({a.id}))) == 2


def test_an_article_telling_a_happening_twice_gives_one_entry_with_one_source() -> None:
    a = event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19), "x1")
    b = event(
        "wire", "Hamas freed three hostages in Gaza City again.", DAY, dt.date(2025, 1, 19), "x2"
    )
    (entry,) = merge_events([replace(b, start=200, end=250), a])
    assert [s.event_id for s in entry.sources] == ["x1"]
    assert [s.event_id for s in entry.mentions] == ["x2"]


def test_a_second_telling_alike_another_articles_report_joins_as_a_mention() -> None:
    wire = [
        event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19), "w1"),
        replace(
            event("wire", "The Red Cross jeeps reached Israel after an hour.", DAY,
                  dt.date(2025, 1, 19), "w2"),
            start=300, end=360,
        ),
    ]  # fmt: skip
    daily = event(
        "daily",
        "Red Cross staff carried the three freed hostages out of Gaza City.",
        DAY,
        dt.date(2025, 1, 19),
        "d1",
    )
    background = [
        event(
            f"o{n}", f"Convoy {n} waited at the Kerem Shalom crossing.", DAY, dt.date(2025, 1, 20)
        )
        for n in range(20)
    ]
    entries = merge_events([*wire, daily, *background])
    (entry,) = [e for e in entries if "w1" in {s.event_id for s in e.sources}]
    assert sorted(s.event_id for s in entry.sources) == ["d1", "w1"]
    assert [s.event_id for s in entry.mentions] == ["w2"]


def test_an_articles_different_happenings_of_one_day_stay_apart() -> None:
    a = event("wire", "Hamas freed three hostages in Gaza City.", DAY, dt.date(2025, 1, 19), "x1")
    b = event(
        "wire", "Israel freed ninety prisoners from Ofer prison.", DAY, dt.date(2025, 1, 19), "x2"
    )
    assert len(merge_events([a, replace(b, start=200, end=250)])) == 2


def test_order_by_start_then_coarser_first_then_publication_then_id() -> None:
    month = event("m", "Fighting went on all month in the north.", JANUARY, dt.date(2025, 2, 1))
    early = event(
        "e",
        "The first convoy crossed the border.",
        day_value(dt.date(2025, 1, 1)),
        dt.date(2025, 1, 2),
    )
    later = event("l", "Talks opened in the capital city.", DAY, dt.date(2025, 1, 19))
    first_pub = event("p", "Rockets struck a northern town overnight.", DAY, dt.date(2025, 1, 18))
    entries = merge_events([later, early, first_pub, month])
    assert [e.sources[0].article.slug for e in entries] == ["m", "e", "p", "l"]


def test_order_does_not_depend_on_input_order() -> None:
    events = [
        event(f"a{i}", f"Distinct happening number {i} with words{i}.", DAY, dt.date(2025, 1, 19))
        for i in range(6)
    ]
    assert merge_events(events) == merge_events(list(reversed(events)))


def test_content_words_keep_numbers_and_drop_stop_words() -> None:
    assert content_words("The army said 1,200 people fled on Monday.") == frozenset(
        {"army", "1,200", "peopl", "flee"}
    )
    assert content_words("Releases released freed") == frozenset({"free"})
    assert content_words("Israeli airstrikes; Israel's strikes") == frozenset({"israel", "strike"})
    assert content_words("Reporters reported, officials told Reuters") == frozenset()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The rig exploded", "the explosion on the rig"),
        ("a blast on the rig", "the rig explosion"),
        ("The ship sank", "the sinking ship"),
        ("the ship has sunk", "the ship sank"),
        ("a strong earthquake", "the strong quake"),
        ("12 were wounded", "12 injured"),
        ("the evacuation of the camp", "the camp was evacuated"),
        ("troops withdrew from the town", "the troops' withdrawal from the town"),
        ("Rebels seized the airport", "the rebels' capture of the airport"),
        ("Robots dived to the floor", "robots dive to the floor"),
        ("Shares fell", "shares falling"),
        ("the vote was cancelled", "the cancellation of the vote"),
    ],
)
def test_words_news_uses_for_one_occurrence_meet(one: str, other: str) -> None:
    assert content_words(one) == content_words(other)


def test_a_coarse_mention_needs_two_shared_words_weighing_two_fifths() -> None:
    day = event("wire", "Israeli jets bombed the Nuseirat camp.", DAY, dt.date(2025, 1, 19))
    retold = event(
        "daily",
        "Earlier in January, jets bombed Nuseirat camp again.",
        JANUARY,
        dt.date(2025, 2, 2),
    )
    other = [
        event(
            f"o{n}", f"Convoy {n} waited at the Kerem Shalom crossing.", DAY, dt.date(2025, 1, 20)
        )
        for n in range(30)
    ]
    entries = merge_events([retold, day, *other])
    (entry,) = [e for e in entries if e.sources[0].article.slug == "wire"]
    assert [s.article.slug for s in entry.mentions] == ["daily"]
    assert not [e for e in entries if e.date == JANUARY]


def test_modified_periods_sort_into_their_part() -> None:
    late = DateValue("2025-01", dt.date(2025, 1, 1), dt.date(2025, 2, 1), Precision.MONTH, "END")
    mid = DateValue("2025-01", dt.date(2025, 1, 1), dt.date(2025, 2, 1), Precision.MONTH, "MID")
    early = DateValue("2025-01", dt.date(2025, 1, 1), dt.date(2025, 2, 1), Precision.MONTH, "START")
    entries = merge_events(
        [
            event("late", "Shelling resumed along the border.", late, dt.date(2025, 2, 2)),
            event(
                "d13",
                "A convoy reached the northern city.",
                day_value(dt.date(2025, 1, 13)),
                dt.date(2025, 1, 14),
            ),
            event("mid", "Mediators drafted a proposal text.", mid, dt.date(2025, 2, 2)),
            event(
                "d25",
                "Talks collapsed over the prisoner list.",
                day_value(dt.date(2025, 1, 25)),
                dt.date(2025, 1, 26),
            ),
            event("early", "Fuel shortages closed two hospitals.", early, dt.date(2025, 2, 2)),
        ]
    )
    assert [e.sources[0].article.slug for e in entries] == ["early", "mid", "d13", "late", "d25"]


def test_a_memo_keeps_untouched_blocks_and_changes_nothing() -> None:
    days = [day_value(dt.date(2025, 1, d)) for d in range(1, 29)]
    events = [
        event(f"a{n}", f"Shelling hit district {n} of Khan Younis, medics said.", days[n % 28],
              dt.date(2025, 2, 1), f"e{n:03d}")
        for n in range(120)
    ] + [
        event(f"b{n}", f"Medics said shelling hit district {n} of Khan Younis.", days[n % 28],
              dt.date(2025, 2, 2), f"f{n:03d}")
        for n in range(120)
    ]  # fmt: skip
    memo = MergeMemo()
    first = merge_events(events, memo=memo)
    assert first == merge_events(events) and memo.merged == 28
    assert merge_events(events, memo=memo) == first and memo.merged == 0
    edited = [*events[:-1], replace(events[-1], text="Medics said a convoy reached Rafah.")]
    assert merge_events(edited, memo=memo) == merge_events(edited)
    assert 0 < memo.merged < 5


SUBJECTS = [
    "Shelling hit",
    "Aid trucks reached",
    "Talks resumed in",
    "Medics evacuated",
    "The UN condemned shelling in",
    "Mediators are expected to meet in",
    "Many have fled since the shelling hit",
]
PLACES = ["Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Hanoun"]
DAYS = [dt.date(2025, 1, d) for d in (3, 4, 5, 17, 18)]
DATES = [
    *(day_value(day) for day in DAYS),
    *(time_value(day, clock) for day in DAYS[::2] for clock in ("08:30", "NI")),
    week_value(DAYS[0]),
    JANUARY,
]  # fmt: skip


def varied(rng: random.Random, slug: str, number: int, published: dt.date) -> Event:
    """A random event of a few happenings: days, their times, coarse periods, forecasts,
    reactions, mentions, clauses of one sentence, reports at the time and weeks later."""
    subject = rng.choice(SUBJECTS)
    text = f"{subject} {rng.choice(PLACES)} near {rng.choice(PLACES)}."
    made = event(slug, text, rng.choice(DATES), published + dt.timedelta(days=rng.choice((0, 9))),
                 f"x{number}")  # fmt: skip
    kind = EventKind.EXPECTED if "expected" in subject else EventKind.HAPPENED
    kind = EventKind.MENTION if "since" in subject else kind
    return replace(made, kind=kind, start=rng.choice((0, 40, 80)))


def test_a_memo_gives_a_fresh_merge_through_any_sequence_of_edits() -> None:
    rng = random.Random(5)
    dates = DATES

    def made(number: int) -> Event:
        return varied(rng, f"s{number % 9}", number, dt.date(2025, 1, 20 + number % 9))

    events = [made(n) for n in range(160)]
    memo = MergeMemo()
    first = merge_events(events)
    assert merge_events(events, memo=memo) == first
    # the rules the memo must keep are all at work here
    assert any(e.mentions for e in first) and any(e.related for e in first)
    told = {s.kind for e in first for s in (*e.sources, *e.mentions)}
    assert told == {EventKind.HAPPENED, EventKind.EXPECTED, EventKind.MENTION}
    kept_some = False
    for step in range(40):
        at = rng.randrange(len(events))
        change = step % 4
        if change == 0:  # a sentence rewritten
            events[at] = replace(events[at], text=made(at).text, clause="")
        elif change == 1:  # re-dated
            events[at] = replace(events[at], date=rng.choice(dates))
        elif change == 2:  # an article gains an event
            events.append(made(1000 + step))
        else:  # and loses one
            events.pop(at)
        apart = frozenset(e.id for e in events[:: 37 + step])
        assert merge_events(events, apart=apart, memo=memo) == merge_events(events, apart=apart)
        kept_some = kept_some or memo.merged < len(memo.blocks)
    assert kept_some


def february_reports(prefix: str, text: str, count: int) -> list[Event]:
    """``count`` reports spread over February's days, ``{n}`` in ``text`` numbering them."""
    days = [day_value(dt.date(2025, 2, d)) for d in range(1, 29)]
    return [
        event(f"{prefix}{n}", text.format(n=n), days[n % 28], dt.date(2025, 3, 1), f"{prefix}{n}")
        for n in range(count)
    ]


def test_a_memo_merges_again_what_a_change_of_word_weights_elsewhere_decides() -> None:
    day = day_value(dt.date(2025, 1, 3))
    told = [
        event("a", "Drones hit a bakery in Rafah, killing nine.", day, dt.date(2025, 1, 4)),
        event("b", "Nine were hurt as shells struck a Rafah bakery.", day, dt.date(2025, 1, 5)),
        event("c", "A strike on a Rafah bakery killed nine in January.", JANUARY,
              dt.date(2025, 2, 1)),
    ]  # fmt: skip
    elsewhere = february_reports(
        "o", "Nine were wounded near a Rafah bakery, report {n} said.", 200
    )
    background = february_reports("g", "Convoy {n} waited at the Kerem Shalom crossing.", 20)
    memo = MergeMemo()
    before = merge_events(told + background, memo=memo)
    after = merge_events(told + background + elsewhere, memo=memo)
    assert after == merge_events(told + background + elsewhere)
    january = [e for e in after if e.date.value.startswith("2025-01")]
    assert len(before) == 21 and len(january) > 1


def test_a_memo_compares_a_coarse_mention_again_when_the_weights_of_its_day_change() -> None:
    day = day_value(dt.date(2025, 1, 10))
    told = [
        event("d", "Fuel ran out at Nasser hospital, halting dialysis, incubators, oxygen "
              "and surgery.", day, dt.date(2025, 1, 11)),
        event("e", "Nasser hospital had no fuel in January, doctors and nurses warned "
              "repeatedly in written appeals.", JANUARY, dt.date(2025, 2, 1)),
    ]  # fmt: skip
    background = february_reports("o", "Convoy {n} waited at the Kerem Shalom crossing.", 200)
    elsewhere = february_reports(
        "o", "Dialysis, incubators, oxygen and surgery halted at {n}.", 200
    )
    memo = MergeMemo()
    before = merge_events(told + background, memo=memo)
    after = merge_events(told + elsewhere, memo=memo)  # the same count of events, other words
    assert after == merge_events(told + elsewhere)
    january = [e for e in after if e.date.value.startswith("2025-01")]
    assert len([e for e in before if e.date.value.startswith("2025-01")]) == 2
    assert len(january) == 1 and memo.merged < 30


def test_word_weights_sum_the_same_in_any_order() -> None:
    # Tenths are not exact in binary: a plain sum of 0.1, 0.2 and 0.3 depends on the order,
    # and a set's order depends on the process's hash seed. The merge compares these sums
    # with thresholds, so every process (and a merge kept from an earlier build) must agree.
    weights = Weights({"a": 0.1, "b": 0.2, "c": 0.3}, 1.0)
    assert weights.of(["a", "b", "c"]) == weights.of(["c", "b", "a"]) == 0.6


def test_only_happened_and_expected_events_become_entries() -> None:
    text = "Hamas freed three hostages in Gaza City on Sunday."
    kinds = [EventKind.HAPPENED, EventKind.EXPECTED, EventKind.STATE, EventKind.FURNITURE]
    events = [
        replace(event(kind.value, text, DAY, dt.date(2025, 1, 19)), kind=kind) for kind in kinds
    ]
    (entry,) = merge_events(events)
    assert [s.kind for s in entry.sources] == [EventKind.HAPPENED]
    assert [s.kind for s in entry.mentions] == [EventKind.EXPECTED]


def test_an_entry_is_expected_only_when_no_source_reports_it_happened() -> None:
    text = "Hamas will free three hostages in Gaza City on Sunday."
    expected = [
        replace(event(slug, text, DAY, dt.date(2025, 1, 17)), kind=EventKind.EXPECTED)
        for slug in ("wire", "daily")
    ]
    (entry,) = merge_events(expected)
    assert entry.kind is EventKind.EXPECTED
    happened = event("post", text.replace("will free", "freed"), DAY, dt.date(2025, 1, 19))
    (entry,) = merge_events([*expected, happened])
    assert entry.kind is EventKind.HAPPENED


RIG_WEEK = week_value(dt.date(2010, 4, 20))
RIG_BACKGROUND = [
    event(
        f"o{n}",
        f"Crews {n} waited at the port of Venice.",
        day_value(dt.date(2010, 4, 20 + n % 3)),
        dt.date(2010, 4, 24),
    )
    for n in range(20)
]


@pytest.mark.parametrize(
    ("first", "later", "folds_into"),
    [
        # the day that tells the occurrence wins over a later day that recalls it in a
        # clause, though the later one shares more words
        (
            "An explosion tore through the Deepwater Horizon rig on Tuesday night.",
            "No oil appeared to be leaking from the Deepwater Horizon rig that exploded in the "
            "Gulf of Mexico.",
            "first",
        ),
        # both tell it as what happened: the earliest
        (
            "The Deepwater Horizon oil rig exploded in the Gulf of Mexico on Tuesday night.",
            "The Deepwater Horizon rig exploded again in the Gulf of Mexico, officials said.",
            "first",
        ),
        # only the later day tells it as what happened
        (
            "Crews searched the Gulf of Mexico after the Deepwater Horizon rig exploded.",
            "The Deepwater Horizon rig exploded in the Gulf of Mexico on Thursday.",
            "later",
        ),
    ],
)
def test_a_coarse_mention_folds_into_the_day_that_tells_its_occurrence(
    first: str, later: str, folds_into: str
) -> None:
    days = {
        "first": event("first", first, day_value(dt.date(2010, 4, 20)), dt.date(2010, 4, 21)),
        "later": event("later", later, day_value(dt.date(2010, 4, 22)), dt.date(2010, 4, 23)),
    }
    coarse = event(
        "weekly",
        "The Deepwater Horizon rig exploded in the Gulf of Mexico last week.",
        RIG_WEEK,
        dt.date(2010, 4, 27),
    )
    entries = merge_events([*days.values(), coarse, *RIG_BACKGROUND])
    (entry,) = [e for e in entries if coarse.id in {s.event_id for s in e.mentions}]
    assert entry.sources[0].event_id == days[folds_into].id


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("The Deepwater Horizon rig exploded on Tuesday night.", True),
        ("An explosion tore through the rig.", True),
        ("No oil leaked from a rig that exploded and sank.", False),
        ("Crews searched the Gulf after the rig exploded.", False),
        ("The rig, which exploded on Tuesday, sank.", False),
        ("The rig sank two days after it exploded.", False),
    ],
)
def test_an_occurrence_told_as_what_happened(sentence: str, told: bool) -> None:
    assert foreground(sentence, "explode") is told
