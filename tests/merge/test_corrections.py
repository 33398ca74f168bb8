"""Hand-written events and corrections: parsing, applying, and stale ids."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import write_article
from timeline.build import build_site
from timeline.errors import BuildFailed, ContentError
from timeline.extract.timex import day_value
from timeline.load.curation import parse_corrections, parse_curated_event
from timeline.merge import merge_events
from timeline.merge.corrections import (
    curated_entries,
    hide_entries,
    redate_and_split,
    set_aside_events,
    stale_corrections,
)
from timeline.model import ArticleRef, Basis, Event, EventKind, Precision

CORRECTIONS = """\
[hide]
"aaa" = "Duplicate"

[split]
"bbb" = "A different strike"

[redate."ccc"]
date = "2025-01-20"
reason = "Overnight into the 20th"
"""


def test_parse_corrections() -> None:
    hide, split, redate = parse_corrections(CORRECTIONS, "content/corrections.toml")
    assert (hide.action, hide.id, hide.reason, hide.location.line) == (
        "hide",
        "aaa",
        "Duplicate",
        2,
    )
    assert (split.action, split.id, split.location.line) == ("split", "bbb", 5)
    assert (redate.action, redate.id, redate.value, redate.location.line) == (
        "redate",
        "ccc",
        "2025-01-20",
        7,
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[remove]\n"a" = "x"\n', 1, "unknown section"),
        ('[hide]\n"a" = 3\n', 2, "maps an id to a reason"),
        ('[redate."a"]\nreason = "x"\n', 1, "needs a date"),
        ("[hide\n", 1, ""),
    ],
)
def test_bad_corrections(text: str, line: int, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_corrections(text, "content/corrections.toml")
    assert caught.value.location.line == line
    assert message in caught.value.message


def test_parse_curated_event() -> None:
    text = (
        "---\ndate: 2025-01-18\ntags: [Cabinet]\nsources:\n  - source: Gazette\n"
        "    title: Cabinet approves deal\n    url: https://gazette.example/a\n"
        "    published: 2025-01-18\n---\n\nThe Israeli government approved\nthe deal.\n"
    )
    event = parse_curated_event(text, "content/events/cabinet-approval.md")
    assert (event.slug, event.value, event.line) == ("cabinet-approval", "2025-01-18", 2)
    assert event.text == "The Israeli government approved the deal."
    assert event.tags == ("cabinet",)
    assert event.sources[0].source == "Gazette"
    assert event.sources[0].published == dt.date(2025, 1, 18)
    ((entry,), errors) = curated_entries([event])
    assert errors == []
    assert entry.curated and entry.id == "c-cabinet-approval"
    assert entry.date.precision is Precision.DAY


def test_curated_event_with_impossible_date_is_an_error_with_line() -> None:
    event = parse_curated_event("---\ndate: 2025-02-30\n---\nText.\n", "content/events/x.md")
    (entries, (error,)) = curated_entries([event])
    assert entries == ()
    assert str(error) == "content/events/x.md:2: '2025-02-30' is not a date that exists"


def make_event(eid: str, slug: str, text: str) -> Event:
    ref = ArticleRef(slug, f"{slug}.md", slug, slug, dt.date(2025, 1, 19))
    return Event(eid, ref, text, 0, 1, 1, day_value(dt.date(2025, 1, 19)), None, Basis.EXPLICIT)


def test_redate_split_and_hide() -> None:
    a = make_event("aaa", "one", "Hamas freed three hostages in Gaza City.")
    b = make_event("bbb", "two", "Three hostages were freed by Hamas in Gaza City.")
    c = make_event("ccc", "three", "Hamas freed three hostages in Gaza City today.")
    corrections = parse_corrections(CORRECTIONS, "corrections.toml")
    events, apart = redate_and_split([a, b, c], corrections)
    assert apart == {"bbb"}
    assert events[2].date.value == "2025-01-20" and events[2].basis is Basis.CURATED
    entries = merge_events(events, apart=apart)
    assert [e.id for e in entries] == ["aaa", "bbb", "ccc"]
    assert entries[2].corrected
    assert [e.id for e in hide_entries(entries, corrections)] == ["bbb", "ccc"]
    assert stale_corrections(corrections, events, entries) == []


def test_hiding_one_source_keeps_the_entry_with_the_others() -> None:
    a = make_event("aaa", "one", "Hamas freed three hostages in Gaza City.")
    d = make_event("ddd", "four", "Three hostages were freed by Hamas in Gaza City.")
    (entry,) = merge_events([a, d])
    hidden = parse_corrections('[hide]\n"aaa" = "wrong"\n', "c.toml")
    (kept,) = hide_entries([entry], hidden)
    assert kept.id == "ddd" and [s.event_id for s in kept.sources] == ["ddd"]


def test_stale_correction_fails_the_build_naming_its_line(sample_site: Path) -> None:
    (sample_site / "content" / "corrections.toml").write_text(
        '[hide]\n"0123456789ab" = "no longer there"\n', encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as caught:
        build_site(sample_site)
    assert str(caught.value.errors[0]).startswith("content/corrections.toml:2: no event has")


def test_corrections_and_curated_events_in_a_built_site(sample_site: Path) -> None:
    build_site(sample_site)
    data = json.loads((sample_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    collapsed = next(e for e in data["entries"] if e["date"]["value"] == "2024-12-12")
    (sample_site / "content" / "corrections.toml").write_text(
        f'[redate."{collapsed["id"]}"]\ndate = "2024-12"\nreason = "Only the month is sure"\n',
        encoding="utf-8",
    )
    (sample_site / "content" / "events").mkdir()
    (sample_site / "content" / "events" / "mediators-named.md").write_text(
        "---\ndate: 2024-11\n---\nMediators were named for the talks.\n", encoding="utf-8"
    )
    write_article(sample_site, "extra.md", "---\ntitle: X\npublished: 2025-01-02\n---\n\nHi.\n")
    build_site(sample_site)
    data = json.loads((sample_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    values = [(e["date"]["value"], e["text"][:20]) for e in data["entries"]]
    assert values[:2] == [("2024-11", "Mediators were named"), ("2024-12", "The last round of ta")]


def test_parse_restore_and_drop() -> None:
    text = '[restore]\n"aaa" = "The strike is the news"\n\n[drop]\n"bbb" = "A quote"\n'
    restore, drop = parse_corrections(text, "content/corrections.toml")
    assert (restore.action, restore.id, restore.reason, restore.location.line) == (
        "restore",
        "aaa",
        "The strike is the news",
        2,
    )
    assert (drop.action, drop.id, drop.location.line) == ("drop", "bbb", 5)


def test_restore_makes_a_happening_and_drop_leaves_an_event_out() -> None:
    expected = replace(
        make_event("aaa", "one", "Hamas will free three hostages in Gaza City."),
        kind=EventKind.EXPECTED,
    )
    furniture = replace(
        make_event("fff", "five", "Photo taken on 19 January."), kind=EventKind.FURNITURE
    )
    happened = make_event("bbb", "two", "Israeli jets struck Rafah.")
    corrections = parse_corrections(
        '[restore]\n"aaa" = "It happened"\n"fff" = "A real report"\n[drop]\n"bbb" = "Wrong"\n',
        "c.toml",
    )
    events, _ = redate_and_split([expected, furniture, happened], corrections)
    assert [(e.id, e.kind) for e in events] == [
        ("aaa", EventKind.HAPPENED),
        ("fff", EventKind.HAPPENED),
    ]
    assert [e.id for e in merge_events(events)] == ["aaa", "fff"]
    assert set_aside_events([expected, furniture, happened]) == (expected, furniture)
    assert set_aside_events([expected, furniture, happened], corrections) == ()


def test_a_stale_restore_or_drop_is_an_error_naming_its_line() -> None:
    event = make_event("aaa", "one", "Israeli jets struck Rafah.")
    corrections = parse_corrections('[restore]\n"aaa" = "x"\n[drop]\n"zzz" = "gone"\n', "c.toml")
    (error,) = stale_corrections(corrections, [event], ())
    assert str(error).startswith("c.toml:4: no event has the id 'zzz'")


def test_dropping_an_event_in_a_built_site_removes_its_report(sample_site: Path) -> None:
    build_site(sample_site)
    data = json.loads((sample_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    shared = next(e for e in data["entries"] if len(e["sources"]) == 2)
    dropped = shared["sources"][1]["event"]
    (sample_site / "content" / "corrections.toml").write_text(
        f'[drop]\n"{dropped}" = "Not a report of its own"\n', encoding="utf-8"
    )
    build_site(sample_site)
    data = json.loads((sample_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    sources = [s["event"] for e in data["entries"] for s in e["sources"]]
    assert dropped not in sources and shared["sources"][0]["event"] in sources
