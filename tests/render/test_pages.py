"""The render stage's pure parts, table by table: the page plan, the chart, exports, feeds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.config import Config
from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source, Timeline
from timeline.render import bodies_in, render_site, whole_site_links
from timeline.render.chart import density_chart
from timeline.render.exports import events_csv, time_precision
from timeline.render.feeds import atom_feed, rfc3339
from timeline.render.pages import PagePlanner, plan_pages
from timeline.render.plan import PageLimits, plan_timeline
from timeline.render.timelinejs import date_parts
from timeline.render.urls import Linker, linker_for, slugify, unique_slugs

D = dt.date
ATOM = "{http://www.w3.org/2005/Atom}"


def day(value: D) -> DateValue:
    return DateValue(value.isoformat(), value, value + dt.timedelta(days=1), Precision.DAY)


def month(year: int, number: int, mod: str | None = None) -> DateValue:
    end = D(year + number // 12, number % 12 + 1, 1)
    return DateValue(f"{year}-{number:02d}", D(year, number, 1), end, Precision.MONTH, mod)


def entry(eid: str, date: DateValue, sources: int = 1, tags: tuple[str, ...] = ()) -> Entry:
    published = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    ref = ArticleRef("a", "content/articles/a.md", "Headline", "Wire", published, "https://x/a")
    source = Source(eid, ref, f"Text {eid}.", 7, None, Basis.PUBLICATION)
    return Entry(eid, date, f"Text {eid}.", (source,) * sources, tags)


def entries_per_day(first: D, days: int, per_day: int) -> tuple[Entry, ...]:
    return tuple(
        entry(f"{n:03d}{k}", day(first + dt.timedelta(days=n)))
        for n in range(days)
        for k in range(per_day)
    )


def test_a_small_timeline_is_one_page() -> None:
    plan = plan_timeline(entries_per_day(D(2025, 1, 1), 10, 1))
    assert not plan.split and [p.path for p in plan.pages] == ["index.html"]
    assert plan.entry_href(entry("0030", day(D(2025, 1, 4)))) == "index.html#e-0030"


def test_a_large_year_is_split_into_months() -> None:
    limits = PageLimits(single_page=10, per_page=12)
    small_year = entries_per_day(D(2023, 5, 1), 2, 1)
    big_year = entries_per_day(D(2025, 1, 30), 4, 3)  # 2 days of January, 2 of February
    plan = plan_timeline(small_year + big_year, limits)
    assert plan.split
    assert [p.path for p in plan.pages] == [
        "timeline/2023.html",
        "timeline/2025-01.html",
        "timeline/2025-02.html",
    ]
    assert plan.anchor_href("d-2025-02-01") == "timeline/2025-02.html#d-2025-02-01"
    assert plan.month_href(2025, 1) == "timeline/2025-01.html#m-2025-01"
    assert plan.month_href(2024, 1) is None


def test_a_huge_day_is_cut_between_pages_and_every_entry_has_one_home() -> None:
    limits = PageLimits(single_page=10, per_page=8)
    entries = entries_per_day(D(2025, 1, 1), 1, 10)  # weight 20 on one day
    plan = plan_timeline(entries, limits)
    assert [p.path for p in plan.pages] == [
        "timeline/2025-01.html",
        "timeline/2025-01-2.html",
        "timeline/2025-01-3.html",
    ]
    assert sorted(plan.entry_page) == sorted(e.id for e in entries)
    assert plan.anchor_href("d-2025-01-01").startswith("timeline/2025-01.html#")
    assert sum(p.count for p in plan.pages) == 10


def test_coarse_entries_of_a_year_come_first_under_one_anchor() -> None:
    year = DateValue("2024", D(2024, 1, 1), D(2025, 1, 1), Precision.YEAR)
    summer = DateValue("2024-SU", D(2024, 6, 1), D(2024, 9, 1), Precision.SEASON)
    plan = plan_timeline((entry("y", year), entry("d", day(D(2024, 3, 2))), entry("s", summer)))
    (year_group,) = plan.outline
    assert [m.anchor for m in year_group.months] == ["y-2024-whole", "m-2024-03"]
    assert [e.id for d in year_group.months[0].dates for e in d.entries] == ["y", "s"]


def test_chart_has_a_bar_per_month_linking_to_its_page() -> None:
    entries = (entry("a", day(D(2024, 11, 3))), entry("b", month(2025, 1)))
    entries += (entry("c", day(D(2025, 1, 9))),)
    chart = density_chart(entries, plan_timeline(entries))
    assert chart is not None
    assert [b.label for b in chart.bars] == [
        "November 2024: 1 entry",
        "December 2024: 0 entries",
        "January 2025: 2 entries",
    ]
    assert [b.target for b in chart.bars] == [
        "index.html#m-2024-11",
        None,
        "index.html#m-2025-01",
    ]
    assert "busiest month is January 2025 with 2" in chart.summary
    assert density_chart((), plan_timeline(())) is None


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (day(D(2025, 1, 19)), 1),
        (DateValue("2025-01-19", D(2025, 1, 19), D(2025, 1, 22), Precision.DAY), 2),
        (month(2025, 1), 2),
        (DateValue("2025-W05", D(2025, 1, 27), D(2025, 2, 3), Precision.WEEK), 2),
        (DateValue("2025-SU", D(2025, 6, 1), D(2025, 9, 1), Precision.SEASON), 3),
        (DateValue("2025", D(2025, 1, 1), D(2026, 1, 1), Precision.YEAR), 3),
    ],
)
def test_acled_time_precision(date: DateValue, code: int) -> None:
    assert time_precision(date) == code


def test_events_csv_has_acled_columns() -> None:
    ranked = replace(entry("a1", day(D(2025, 1, 19)), 2, ("gaza", "aid")), rank=3)
    rows = list(csv.reader(io.StringIO(events_csv(Timeline("T", (ranked,), ())).decode())))
    acled = ["event_id", "event_date", "time_precision", "notes", "source", "source_url", "tags"]
    assert rows[0] == [*acled, "rank"]
    assert rows[1] == ["a1", "2025-01-19", "1", "Text a1.", "Wire", "https://x/a", "gaza; aid", "3"]
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("date", "start", "end"),
    [
        (day(D(2025, 1, 19)), {"year": "2025", "month": "1", "day": "19"}, None),
        (month(2025, 1), {"year": "2025", "month": "1"}, None),
        (
            DateValue("2025-01-19", D(2025, 1, 19), D(2025, 1, 22), Precision.DAY),
            {"year": "2025", "month": "1", "day": "19"},
            {"year": "2025", "month": "1", "day": "21"},
        ),
        (
            DateValue("2014-SU", D(2014, 6, 1), D(2014, 9, 1), Precision.SEASON),
            {"year": "2014", "month": "6"},
            {"year": "2014", "month": "8"},
        ),
        (DateValue("2024", D(2024, 1, 1), D(2025, 1, 1), Precision.YEAR), {"year": "2024"}, None),
        (
            DateValue("202", D(2020, 1, 1), D(2030, 1, 1), Precision.DECADE),
            {"year": "2020"},
            {"year": "2029"},
        ),
    ],
)
def test_timelinejs_dates_are_only_as_precise_as_known(
    date: DateValue, start: dict[str, str], end: dict[str, str] | None
) -> None:
    assert date_parts(date) == (start, end)


def test_atom_feed_is_valid_xml_dated_by_publication(tmp_path: Path) -> None:
    config = Config(root=tmp_path, title="T & co", base_url="https://example.org/t/")
    timeline = Timeline("T", (entry("a", day(D(2025, 1, 2))), entry("b", month(2025, 2))), ())
    feed = ET.fromstring(atom_feed(timeline, config, lambda e: f"index.html#{e.anchor}"))
    assert feed.findtext(f"{ATOM}title") == "T & co"
    assert feed.findtext(f"{ATOM}updated") == "2025-03-01T10:00:00Z"
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    assert len(set(ids)) == 2 and all(i and i.startswith("urn:uuid:") for i in ids)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (D(2025, 1, 2), "2025-01-02T00:00:00Z"),
        (dt.datetime(2025, 1, 2, 3, 4), "2025-01-02T03:04:00Z"),
        (
            dt.datetime(2025, 1, 2, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "2025-01-01T23:00:00Z",
        ),
    ],
)
def test_rfc3339(published: D | dt.datetime, expected: str) -> None:
    assert rfc3339(published) == expected


def test_render_site_writes_feeds_and_exports_but_no_sitemap_without_a_host(
    tmp_path: Path,
) -> None:
    entries = (entry("a", day(D(2025, 1, 2)), tags=("gaza",)),)
    files = render_site(
        Timeline("T", entries, ()), Config(root=tmp_path, base_url="/repo/"), bodies_in({})
    )
    assert {"feed.xml", "events.csv", "timelinejs.json", "search-index.js"} <= files.keys()
    assert "sitemap.xml" not in files
    assert b'href="/repo/static/style.css"' in files["404.html"]
    assert b'href="../index.html#e-a"' in files["tags/gaza.html"]
    document = json.loads(files["timelinejs.json"])
    assert document["title"]["text"]["headline"] == "T"


def test_exports_carry_the_rank_and_timelinejs_the_key_events(tmp_path: Path) -> None:
    entries = tuple(
        replace(entry(name, day(D(2025, 1, 2 + n))), rank=rank, key=rank == 1)
        for n, (name, rank) in enumerate([("a", 2), ("b", 1), ("c", 3)])
    )
    files = render_site(Timeline("T", entries, ()), Config(root=tmp_path), bodies_in({}))
    lines = json.loads(files["timeline.json"])["entries"]
    assert [(e["id"], e["rank"], e["key"]) for e in lines] == [
        ("a", 2, False),
        ("b", 1, True),
        ("c", 3, False),
    ]
    slides = json.loads(files["timelinejs.json"])["events"]
    assert [s["unique_id"] for s in slides] == ["e-b"]
    every = render_site(
        Timeline("T", entries, ()), Config(tmp_path, timelinejs_events="all"), bodies_in({})
    )
    slides = json.loads(every["timelinejs.json"])["events"]
    assert [s["unique_id"] for s in slides] == ["e-a", "e-b", "e-c"]
    front = files["index.html"].decode()
    key_list = front[front.index('<ol class="key-events-list">') :]
    assert key_list.count('<li class="key-event">') == 1 and 'href="#e-b"' in key_list
    assert front.count('<li class="entry key" id="e-b" ') == 1
    assert front.count('<li class="entry" id="e-a" ') == 1


@pytest.mark.parametrize(
    ("linker", "target", "href"),
    [
        (linker_for("index.html"), "timeline/2024.html#e-1", "timeline/2024.html#e-1"),
        (linker_for("tags/gaza.html"), "index.html#e-1", "../index.html#e-1"),
        (linker_for("timeline/2024.html"), "timeline/2024.html#e-1", "#e-1"),
        (Linker("404.html", "/repo/"), "static/style.css", "/repo/static/style.css"),
        (linker_for("index.html"), "tags/الضفة.html", "tags/%D8%A7%D9%84%D8%B6%D9%81%D8%A9.html"),
    ],
)
def test_links_from_a_page(linker: Linker, target: str, href: str) -> None:
    assert linker(target) == href


def test_slugs() -> None:
    assert slugify("Al Jazeera (English)") == "al-jazeera-english"
    assert slugify("الضفة الغربية") == "الضفة-الغربية"
    assert unique_slugs(["A b", "a-b", "c"]) == {"A b": "a-b", "a-b": "a-b-2", "c": "c"}


def test_a_widely_reported_entry_lists_its_sources_on_pages_of_its_own(tmp_path: Path) -> None:
    entries = (entry("wide", day(D(2025, 1, 2)), sources=650), entry("few", day(D(2025, 1, 3)), 3))
    files = render_site(Timeline("T", entries, ()), Config(root=tmp_path), bodies_in({}))
    index = files["index.html"].decode()
    assert index.count('<li class="source" ') == 10 + 3
    assert 'href="entries/wide.html">All 650 reports' in index
    assert [p for p in files if p.startswith("entries/")] == [
        "entries/wide.html",
        "entries/wide.2.html",
        "entries/wide.3.html",
    ]
    first = files["entries/wide.html"].decode()
    assert first.count('<li class="source" ') == 300
    assert 'href="../index.html#e-wide"' in first and 'href="../entries/wide.3.html"' in first
    assert files["entries/wide.3.html"].decode().count('<li class="source" ') == 50


def test_the_page_planner_finds_every_page_of_the_plan_but_the_articles() -> None:
    limits = PageLimits(single_page=10, per_page=12, per_listing=5)
    entries = tuple(
        replace(e, tags=("aid",) if n % 2 else ("talks", "aid"))
        for n, e in enumerate(entries_per_day(D(2025, 1, 25), 14, 2))
    )
    timeline = Timeline("T", entries, ())
    links = whole_site_links(timeline, limits)
    planned = plan_pages(timeline, links, limits, articles=False)
    planner = PagePlanner(timeline, links, limits)
    for page in planned:  # each group planned when its first page is looked for
        found = planner.page(page.path)
        assert found is not None and found.template == page.template
        assert found.full_context() == page.full_context()
    assert len({p.path for p in planned}) == len(planned) > 8
    assert planner.page("articles/a.html") is None and planner.page("nowhere.html") is None
