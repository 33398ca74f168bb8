"""Reports of the morning after: an undated lead joins the day before's entry of its happening.

Made-up war reporting: an article published on Wednesday 8 January 2025 whose lead has no
date word ("An Israeli airstrike has hit the Nuseirat refugee camp") is dated by its
publication; the collection dates the strike on Tuesday 7 January.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import write_article
from tests.merge.test_merge import event
from tests.test_cli import run
from timeline.extract.timex import day_value
from timeline.merge import MergeMemo, merge_events
from timeline.merge.record import memo_from, record_of
from timeline.model import Basis, DateValue, Entry, Event, EventKind, Precision, TimeExpression

TUESDAY, WEDNESDAY = dt.date(2025, 1, 7), dt.date(2025, 1, 8)
PADDING = [
    event(f"p{n}", f"Convoy {n} waited at the Kerem Shalom crossing.",
          day_value(dt.date(2024, 12, 1 + n % 28)), dt.date(2025, 1, 1), f"p{n:03d}")
    for n in range(40)
]  # fmt: skip


def told(slug: str, text: str, day: dt.date, published: dt.date, eid: str) -> Event:
    """A report dated by its own words ("on Tuesday", "yesterday")."""
    return replace(event(slug, text, day_value(day), published, eid), basis=Basis.RELATIVE)


def lead(slug: str, text: str, published: dt.date, eid: str) -> Event:
    """A lead with no date word: its publication day stands in."""
    made = event(slug, text, day_value(published), published, eid)
    return replace(made, basis=Basis.PUBLICATION)


STRIKE = told("wire", "An Israeli airstrike hit a school in Nuseirat on Tuesday, killing 14 "
              "people.", TUESDAY, TUESDAY, "wire")  # fmt: skip
MORNING = lead("daily", "An Israeli airstrike has hit a school in Nuseirat, killing 14 people.",
               WEDNESDAY, "daily")  # fmt: skip
MENTION = replace(
    told("weekly", "Families buried the dead of Tuesday's airstrike on a school in Nuseirat, "
         "which killed 14 people.", TUESDAY, WEDNESDAY, "weekly"),
    kind=EventKind.MENTION,
)  # fmt: skip
AGAIN = told("evening", "An Israeli airstrike hit a school in Nuseirat again on Wednesday, killing "
             "14 people.", WEDNESDAY, WEDNESDAY, "evening")  # fmt: skip
AGAIN_IN_RAFAH = told("evening", "An Israeli airstrike hit a school in Rafah on Wednesday, killing "
                      "nine people.", WEDNESDAY, WEDNESDAY, "evening")  # fmt: skip
ELSEWHERE = told("wire", "An Israeli airstrike hit a house in Jabalia on Tuesday, killing 14 "
                 "people.", TUESDAY, TUESDAY, "wire")  # fmt: skip
IN_RAFAH = lead("daily", "An Israeli airstrike has hit a school in Rafah, killing nine people.",
                WEDNESDAY, "daily")  # fmt: skip
FUNERALS = lead("daily", "Funerals for 14 were held in Nuseirat.", WEDNESDAY, "daily")
CROWDED = lead("daily", "An Israeli airstrike has hit a crowded school in Nuseirat, killing 14 "
               "people and trapping dozens under rubble.", WEDNESDAY, "daily")  # fmt: skip
RUBBLE = lead("radio", "Rescuers dug through the rubble for the dozens trapped under the "
              "crowded school.", WEDNESDAY, "radio")  # fmt: skip
FORECAST = replace(
    told("wire", "An Israeli airstrike on a school in Nuseirat is expected on Tuesday.",
         TUESDAY, TUESDAY, "wire"),
    kind=EventKind.EXPECTED,
)  # fmt: skip


def merged(*events: Event, apart: frozenset[str] = frozenset()) -> list[Entry]:
    """The entries of the events, padding left out; a memo's merge gives the same."""
    entries = merge_events([*PADDING, *events], apart=apart)
    assert merge_events([*PADDING, *events], apart=apart, memo=MergeMemo()) == entries
    return [entry for entry in entries if not entry.id.startswith("p")]


def dated(entries: list[Entry]) -> list[tuple[str, list[str]]]:
    """Each entry's date and its sources' articles."""
    return [(e.date.value, [s.article.slug for s in e.sources]) for e in entries]


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # the lead joins the day before's report as a source of its entry
        ((STRIKE, MORNING), [("2025-01-07", ["wire", "daily"])]),
        # a mention naming the day is evidence enough: the lead makes the day's entry
        ((MENTION, MORNING), [("2025-01-07", ["daily"])]),
        # a report of the publication day dated by its words keeps the lead on it
        (
            (STRIKE, MORNING, AGAIN),
            [("2025-01-07", ["wire"]), ("2025-01-08", ["daily", "evening"])],
        ),
        # but not a report of another happening of that day
        (
            (STRIKE, MORNING, AGAIN_IN_RAFAH),
            [("2025-01-07", ["wire", "daily"]), ("2025-01-08", ["evening"])],
        ),
        # another place, another happening: the lead stays
        ((ELSEWHERE, MORNING), [("2025-01-07", ["wire"]), ("2025-01-08", ["daily"])]),
        ((STRIKE, IN_RAFAH), [("2025-01-07", ["wire"]), ("2025-01-08", ["daily"])]),
        # two words of the story are no evidence of one happening across days: the
        # funerals of the strike's dead are no report of the strike
        ((STRIKE, FUNERALS), [("2025-01-07", ["wire"]), ("2025-01-08", ["daily"])]),
        # another outlet's lead alike a lead that moved moves with it
        ((STRIKE, CROWDED, RUBBLE), [("2025-01-07", ["wire", "daily", "radio"])]),
        ((STRIKE, RUBBLE), [("2025-01-07", ["wire"]), ("2025-01-08", ["radio"])]),
        # a forecast of the day before is no evidence that it happened then
        ((FORECAST, MORNING), [("2025-01-07", ["wire"]), ("2025-01-08", ["daily"])]),
    ],
)
def test_a_lead_of_the_morning_after_joins_the_day_before(
    events: tuple[Event, ...], expected: list[tuple[str, list[str]]]
) -> None:
    assert sorted(dated(merged(*events))) == sorted(expected)


def test_a_moved_report_says_it_is_dated_by_the_day_before_not_its_publication() -> None:
    (entry,) = merged(STRIKE, MORNING)
    assert {s.event_id: s.basis for s in entry.sources} == {
        "wire": Basis.RELATIVE,
        "daily": Basis.DAY_BEFORE,
    }
    stays = merged(ELSEWHERE, MORNING)
    assert [s.basis for e in stays for s in e.sources if s.event_id == "daily"] == [
        Basis.PUBLICATION
    ]


def test_the_mention_of_the_day_stays_a_mention_of_the_entry_the_lead_makes() -> None:
    (entry,) = merged(MENTION, MORNING)
    assert [s.event_id for s in entry.mentions] == ["weekly"]


def test_a_report_dated_by_its_words_never_moves() -> None:
    worded = replace(MORNING, basis=Basis.RELATIVE)
    assert sorted(dated(merged(STRIKE, worded))) == [
        ("2025-01-07", ["wire"]),
        ("2025-01-08", ["daily"]),
    ]


def test_a_lead_split_off_by_a_correction_stays_on_its_day() -> None:
    entries = merged(STRIKE, MORNING, apart=frozenset({"daily"}))
    assert sorted(dated(entries)) == [("2025-01-07", ["wire"]), ("2025-01-08", ["daily"])]


def test_the_lead_moves_back_when_the_report_of_the_day_before_goes() -> None:
    memo = MergeMemo()
    assert dated(merge_events([*PADDING, STRIKE, MORNING], memo=memo))[-1][0] == "2025-01-07"
    after = merge_events([*PADDING, MORNING], memo=memo)
    assert after == merge_events([*PADDING, MORNING])
    assert dated(after)[-1] == ("2025-01-08", ["daily"])
    assert after[-1].sources[0].basis is Basis.PUBLICATION  # back home, dated as it was
    again = merge_events([*PADDING, STRIKE, MORNING], memo=memo)
    assert again == merge_events([*PADDING, STRIKE, MORNING])


PLACES = ["Nuseirat", "Jabalia", "Rafah", "Khan Younis"]
DAYS = [dt.date(2025, 1, d) for d in range(6, 11)]


def _random_event(rng: random.Random, number: int) -> Event:
    """A report of a strike on one of a few towns, dated by its words or its publication."""
    at = rng.randrange(len(PLACES))
    day = rng.choice(DAYS)
    slug = f"s{number % 7}"
    figure = 5 + 3 * at  # one strike a town: a toll of its own
    if rng.random() < 0.4:
        text = f"An Israeli airstrike has hit a school in {PLACES[at]}, killing {figure} people."
        return lead(slug, text, day, f"x{number}")
    text = f"An Israeli airstrike hit a school in {PLACES[at]}, killing {figure} people."
    made = told(slug, text, day, day + dt.timedelta(days=rng.choice((0, 1))), f"x{number}")
    return replace(made, kind=EventKind.MENTION) if rng.random() < 0.2 else made


def test_a_memo_and_a_record_give_a_fresh_merge_as_leads_move_and_move_back() -> None:
    rng = random.Random(12)
    events = [*PADDING, *(_random_event(rng, n) for n in range(30))]
    memo = MergeMemo()
    assert merge_events(events, memo=memo) == merge_events(events)
    moved = 0
    for step in range(40):
        at = rng.randrange(len(PADDING), len(events))
        if step % 3 == 0:
            events[at] = _random_event(rng, at)
        elif step % 3 == 1:
            events.append(_random_event(rng, 100 + step))
        else:
            events.pop(at)
        fresh = merge_events(events)
        assert merge_events(events, memo=memo) == fresh
        articles = [(e.article.slug + e.id, [e]) for e in events]
        kept = memo_from(record_of(memo, articles), articles)
        assert merge_events(events, memo=kept) == fresh
        published = {e.id: e.date for e in events if e.basis is Basis.PUBLICATION}
        moved += sum(
            1
            for entry in fresh
            for source in entry.sources
            if source.event_id in published and published[source.event_id] != entry.date
        )
    assert moved > 0


SITE = {
    "school-strike.md": (
        "2025-01-07T19:00:00+02:00",
        "Evening Wire",
        "An Israeli airstrike hit a school in Nuseirat on Tuesday, killing 14 people sheltering "
        "in its classrooms, the civil defence agency said.\n\nRescuers searched the rubble "
        "through the night.",
    ),
    "morning-after.md": (
        "2025-01-08T07:00:00+02:00",
        "Morning Daily",
        "An Israeli airstrike has hit a school in Nuseirat, killing 14 people sheltering in its "
        "classrooms.\n\nFamilies gathered at the hospital.",
    ),
    "aid-convoy.md": (
        "2025-01-06T12:00:00+02:00",
        "Evening Wire",
        "Forty aid trucks entered Gaza through the Kerem Shalom crossing on Monday, the United "
        "Nations said.\n\nThe convoy carried flour and medicine for the north.",
    ),
}


def test_a_built_site_tells_the_moved_lead_by_the_day_before(tmp_path: Path) -> None:
    """End to end: ``timeline build`` on real files; the lead of the morning after stands
    under the day before, and its source line and ``timeline.json`` say why."""
    (tmp_path / "timeline.toml").write_text('title = "Made-up war"\nbase_url = "/"\n')
    for name, (published, outlet, body) in SITE.items():
        front = f"---\ntitle: {name[:-3]}\npublished: {published}\nsource: {outlet}\n---\n\n"
        write_article(tmp_path, name, front + body + "\n")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "output" / "timeline.json").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    (strike,) = [e for e in entries if e["date"]["value"] == "2025-01-07"]
    assert [(s["article"], s["basis"]) for s in strike["sources"]] == [
        ("school-strike", "relative"),
        ("morning-after", "day-before"),
    ]
    index = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    moved = strike["sources"][1]["event"]
    source = index[index.index(f'<li class="source" data-event="{moved}">') :]
    assert (
        "Date: the day before the article was published, as other reports date what it tells."
        in source[: source.index("</li>")]
    )
    assert "the day the article was published" not in index
    # The article's own page shows the report where the timeline has it, and says why.
    (page,) = [
        p
        for p in (tmp_path / "output").rglob("*.html")
        if f'<li data-event="{moved}"' in p.read_text(encoding="utf-8")
    ]
    item = page.read_text(encoding="utf-8").split(f'<li data-event="{moved}"')[1]
    item = item[: item.index("</li>")]
    assert '<time datetime="2025-01-07">' in item
    assert "the day before the article was published, as other reports date what it tells" in item


def hour(text: str, expression: str, eid: str) -> Event:
    """A later report of the morning after's article, dated by an hour of its publication
    day (Wednesday 5 p.m.) read from its words."""
    value = DateValue("2025-01-08T17:00", WEDNESDAY, WEDNESDAY + dt.timedelta(days=1),
                      Precision.TIME)  # fmt: skip
    at = text.index(expression)
    found = TimeExpression(at, at + len(expression), expression, "TIME", value.value, date=value)
    made = replace(event("daily", text, value, WEDNESDAY, eid), expression=found)
    return replace(made, basis=Basis.RELATIVE, start=300, end=300 + len(text))


AFTERNOON = "around 5 o'clock in the afternoon"
STRUCK_AT = hour(f"Witnesses said it hit {AFTERNOON}, as pupils queued for lunch.", AFTERNOON,
                 "hour")  # fmt: skip


@pytest.mark.parametrize(
    ("events", "moves"),
    [
        # the hour of the lead's occurrence moves with it and joins its entry, whoever
        # tells it ("Witnesses said")
        ((STRIKE, MORNING, STRUCK_AT), True),
        # not when the lead stays on its day
        ((ELSEWHERE, MORNING, STRUCK_AT), False),
        # nor the hour of something else the lead does not tell
        ((STRIKE, MORNING, hour(f"Rescuers pulled two girls from the rubble {AFTERNOON}.",
                                AFTERNOON, "hour")), False),
        # nor of another happening announced
        ((STRIKE, MORNING, hour(f"Another one hit {AFTERNOON}, as pupils queued for lunch.",
                                AFTERNOON, "hour")), False),
        # nor an hour whose words name the day
        ((STRIKE, MORNING, hour("Witnesses said it hit at 5 p.m. today, as pupils queued for "
                                "lunch.", "at 5 p.m. today", "hour")), False),
    ],
)  # fmt: skip
def test_an_hour_of_the_publication_day_moves_with_the_lead_it_dates(
    events: tuple[Event, ...], moves: bool
) -> None:
    entries = merged(*events)
    (home,) = [e for e in entries if "hour" in {s.event_id for s in (*e.sources, *e.mentions)}]
    assert (home.date.start == TUESDAY) is moves
    if moves:  # a mention of the entry its article's lead is a source of
        assert {s.event_id for s in home.sources} == {"wire", "daily"}


def test_the_hour_moves_back_with_its_lead_in_a_merge_kept_between_builds() -> None:
    memo = MergeMemo()
    with_strike = [*PADDING, STRIKE, MORNING, STRUCK_AT]
    assert merge_events(with_strike, memo=memo) == merge_events(with_strike)
    without = [*PADDING, MORNING, STRUCK_AT]
    after = merge_events(without, memo=memo)
    assert after == merge_events(without)
    (home,) = [e for e in after if "hour" in {s.event_id for s in (*e.sources, *e.mentions)}]
    assert home.date.start == WEDNESDAY
