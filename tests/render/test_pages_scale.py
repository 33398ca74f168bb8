"""A large timeline stays browsable: 10,000 entries split into pages of bounded size."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest

from tests.helpers import write_article
from timeline.build import build_site

ENTRIES = 10_000
PER_ARTICLE = 5
MB = 1_000_000

SYLLABLES = "ka la mo ri tu ne sa vo di pe gu zo fa li ru be no ta mi ko".split()
OUTLETS = ("Harbor Wire", "Atlas Observer", "Northline Press", "Crescent Report")
TAGS = ("gaza", "west-bank", "aid", "hostages", "diplomacy", "military")


def word(rng: random.Random) -> str:
    """A made-up name of three syllables, rare enough to set its sentence apart."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def sentence(rng: random.Random, day: dt.date, serial: int) -> str:
    """A dated sentence that shares too few words with the others to be merged with them."""
    when = f"{day.day} {day:%B} {day.year}"
    return f"On {when}, {word(rng)} and {word(rng)} reached {word(rng)} with {serial} trucks."


def article_text(rng: random.Random, number: int, days: list[dt.date]) -> str:
    published = max(days) + dt.timedelta(days=1)
    lines = [
        "---",
        f"title: Report number {number}",
        f"published: {published.isoformat()}",
        f"source: {OUTLETS[number % len(OUTLETS)]}",
        f"tags: [{TAGS[number % len(TAGS)]}]",
        "---",
        "",
    ]
    body = [sentence(rng, day, number * PER_ARTICLE + i) for i, day in enumerate(days)]
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def generate_site(root: Path, entries: int = ENTRIES) -> None:
    """Articles of full-dated sentences spread over 2021 to 2025, deterministically."""
    rng = random.Random(20231007)
    (root / "timeline.toml").write_text(
        'title = "Scale test"\nbase_url = "https://example.github.io/scale/"\n', encoding="utf-8"
    )
    first, span = dt.date(2021, 1, 1), (dt.date(2025, 12, 31) - dt.date(2021, 1, 1)).days
    for number in range(entries // PER_ARTICLE):
        days = sorted(first + dt.timedelta(days=rng.randrange(span)) for _ in range(PER_ARTICLE))
        write_article(root, f"report-{number:05d}.md", article_text(rng, number, days))


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, float]:
    root = tmp_path_factory.mktemp("scale")
    generate_site(root)
    started = time.perf_counter()
    report = build_site(root)
    return root / "output", report.entries, time.perf_counter() - started


def test_ten_thousand_entries_are_built(large_site: tuple[Path, int, float]) -> None:
    _, entries, seconds = large_site
    assert entries >= ENTRIES * 0.95, "the generated sentences should mostly stay apart"
    assert seconds < 120, f"the build took {seconds:.0f} s"


def test_no_page_over_one_megabyte(large_site: tuple[Path, int, float]) -> None:
    output, _, _ = large_site
    sizes = {p.relative_to(output).as_posix(): p.stat().st_size for p in output.rglob("*.html")}
    too_large = {path: size for path, size in sizes.items() if size > MB}
    assert not too_large
    assert len([p for p in sizes if p.startswith("timeline/")]) >= 5


def test_front_page_is_an_overview_under_150_kb(large_site: tuple[Path, int, float]) -> None:
    output, _, _ = large_site
    front = (output / "index.html").read_text(encoding="utf-8")
    assert len(front.encode("utf-8")) < 150_000
    assert '<li class="entry"' not in front and "Latest entries" in front
    assert 'href="timeline/2023-' in front
