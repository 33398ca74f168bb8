"""bench/events.py: the date rule, the matching of sentences, the verdicts, and the gold record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import load_bench

ROOT = Path(__file__).resolve().parent.parent


events = load_bench("events.py", "bench_events")
D = dt.date


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2010-04-20", D(2010, 4, 20), D(2010, 4, 21)),
        ("2010-04-20T22:00", D(2010, 4, 20), D(2010, 4, 21)),
        ("2010-04-29TNI", D(2010, 4, 29), D(2010, 4, 30)),
        ("2010-04", D(2010, 4, 1), D(2010, 5, 1)),
        ("2010-12", D(2010, 12, 1), D(2011, 1, 1)),
        ("2010-W16", D(2010, 4, 19), D(2010, 4, 26)),
        ("2010-W16-WE", D(2010, 4, 24), D(2010, 4, 26)),
        ("2025-Q1", D(2025, 1, 1), D(2025, 4, 1)),
        ("2025-Q4", D(2025, 10, 1), D(2026, 1, 1)),
        ("2005", D(2005, 1, 1), D(2006, 1, 1)),
        ("196", D(1960, 1, 1), D(1970, 1, 1)),
    ],
)
def test_gold_interval(value: str, start: dt.date, end: dt.date) -> None:
    assert events.gold_interval(value) == (start, end)


def test_gold_interval_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError):
        events.gold_interval("PAST_REF")


def day(start: dt.date, days: int = 1) -> tuple[dt.date, dt.date]:
    return start, start + dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("entry", "gold", "fits", "holds"),
    [
        (day(D(2010, 4, 20)), "2010-04-20", True, False),  # the same day
        (day(D(2010, 4, 20)), "2010-04-20T22:00", True, False),  # a time is compared as its day
        (day(D(2010, 4, 21)), "2010-04-20TNI", False, False),  # the night's next day is wrong
        (day(D(2010, 4, 20)), "2010-04", True, False),  # finer, inside the month
        (day(D(2010, 4, 19), 7), "2010-04-20", False, True),  # "last week": coarser, not wrong
        (day(D(2010, 4, 1), 30), "2010-04-20", False, True),  # "in April"
        (day(D(2010, 5, 1), 31), "2010-04-20", False, False),  # another month
        (day(D(2010, 4, 24), 2), "2010-W16-WE", True, False),  # the weekend itself
        (day(D(2010, 4, 20)), None, False, False),
    ],
)
def test_fits_and_holds(
    entry: tuple[dt.date, dt.date], gold: str | None, fits: bool, holds: bool
) -> None:
    assert events.fits(entry, gold) is fits
    if gold is not None:
        assert events.holds(entry, gold) is holds


def test_entry_interval_of_a_time_covers_its_day() -> None:
    date = {"value": "2025-01-19T11:15", "start": "2025-01-19", "end": "2025-01-20"}
    assert events.entry_interval(date) == day(D(2025, 1, 19))


@pytest.mark.parametrize(
    ("sentence", "gold", "alike"),
    [
        ("Thursday's quake was felt.", "Thursday 's quake was felt .", True),
        ('He said: "We will go."', "He said : `` We will go . ''", True),
        ("HOUSTON (Reuters) - The rig sank.", "The rig sank .", True),  # a dateline in front
        ("The rig sank.", "HOUSTON -LRB- Reuters -RRB- - The rig sank .", True),
        ("The rig sank on Thursday in 5,000 ft of water.", "BP shares fell 7 percent .", False),
        ("", "The rig sank .", False),
    ],
)
def test_alike_ignores_tokenization(sentence: str, gold: str, alike: bool) -> None:
    gold = gold.replace("-LRB-", "(").replace("-RRB-", ")")
    assert events.alike(events.normalized(sentence), events.normalized(gold)) is alike


def item(happening: str | None, date: str | None, kind: str = "happened") -> Any:
    return events.Item("f", 1, 0, 1, "t", happening=happening, kind=kind, date=date)


def test_assign_prefers_the_happening_whose_date_fits() -> None:
    expected = item(None, "2010-04-30", kind="expected")
    order = item("order", "2010-04-29")
    sentence = [expected, order]
    assert events.assign(sentence, day(D(2010, 4, 29))) is order
    assert events.assign(sentence, day(D(2010, 4, 30))) is expected  # the plan taken as fact
    assert events.assign(sentence, day(D(2010, 5, 7))) is order  # wrong date: still the happening
    assert events.assign([], day(D(2010, 5, 7))) is None


def test_assign_prefers_the_narrowest_gold_date_the_entry_lies_in() -> None:
    # one sentence telling talks "in early 2024" and a proposal "on May 31, 2024"
    talks, proposal = item("talks", "2024"), item("proposal", "2024-05-31")
    assert events.assign([talks, proposal], day(D(2024, 5, 31))) is proposal
    assert events.assign([talks, proposal], day(D(2024, 2, 1))) is talks


def entry(date: tuple[dt.date, dt.date], *tells: object) -> Any:
    sources = tuple(events.Source("a", told, None) for told in tells)
    return events.Entry("e", "v", date, "text", None, sources)


HAPPENINGS = {
    "sank": events.Happening("sank", "2010-04-22", "the rig sinks", frozenset({"f"})),
    "fire": events.Happening("fire", "2010-04-20T22:00", "the rig explodes", frozenset({"f"})),
}


@pytest.mark.parametrize(
    ("tells", "date", "real", "dated", "clean", "reason"),
    [
        (["sank", "sank"], D(2010, 4, 22), True, True, True, ""),
        (["sank", "fire"], D(2010, 4, 22), True, True, False, "also holds 1 other sources"),
        (["sank", None, None], D(2010, 4, 22), False, False, False, "mixed: sank told by 1 of 3"),
        (["sank"], D(2010, 4, 23), True, False, True, "wrong date: sank is 2010-04-22"),
        ([None], D(2010, 4, 22), False, False, False, "tells no happening: nothing recorded"),
    ],
)
def test_judge(
    tells: list[str | None], date: dt.date, real: bool, dated: bool, clean: bool, reason: str
) -> None:
    told = [item(h, HAPPENINGS[h].date) if h else None for h in tells]
    verdict = events.judge(entry(day(date), *told), HAPPENINGS)
    assert (verdict.real, verdict.dated, verdict.clean) == (real, dated, clean)
    assert verdict.reason.startswith(reason)


def test_spread_counts_reports_per_entry() -> None:
    one = entry(day(D(2010, 4, 22)), item("sank", "2010-04-22"), item("sank", "2010-04-22"))
    other = events.Entry("x", "v", day(D(2010, 4, 22)), "t", None, one.sources[:1])
    assert events.spread([one, other])["sank"] == {"e": 2, "x": 1}


# --------------------------------------------------------------------------- the gold record


def rows(name: str) -> list[dict[str, Any]]:
    lines = (ROOT / "bench" / "gold" / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_gold_ids_dates_and_files_hold_together() -> None:
    articles = {row["file"]: row for row in rows("articles.jsonl")}
    happenings = rows("happenings.jsonl")
    assert len({h["id"] for h in happenings}) == len(happenings)
    for h in happenings:
        start, _ = events.gold_interval(str(h["date"]))
        assert h["reports"], h["id"]
        for ref in h["reports"]:
            published = D.fromisoformat(str(articles[ref["file"]]["published"]))
            assert start <= published, (h["id"], ref["file"])  # nothing told before it happened
    for article in articles.values():
        for aside in article["set_aside"]:
            assert aside["kind"] in events.SET_ASIDE_KINDS
            if "date" in aside:
                events.gold_interval(aside["date"])


def test_gold_pointers_land_on_text() -> None:
    """Every pointer is inside its line and starts and ends on a word, not inside one."""
    shared = events.locate_shared()
    if shared is None:
        pytest.skip("the Timeline17 articles are read from ../shared")
    pointers = [(a["file"], p) for a in rows("articles.jsonl") for p in a["set_aside"]]
    pointers += [(r["file"], r) for h in rows("happenings.jsonl") for r in h["reports"]]
    for file, pointer in pointers:
        example = str(file).startswith("content/")
        path = ROOT / str(file) if example else shared / str(file)
        whole = events.file_text(path) if example else events.read_lines(path)[pointer["line"] - 1]
        start, end = pointer["start"], pointer["end"]
        assert 0 <= start < end <= len(whole), (file, pointer)
        assert whole[start].strip() and whole[end - 1].strip(), (file, pointer)
        assert start == 0 or not whole[start - 1].isalnum(), (file, pointer)


def test_tls_articles_are_written_line_for_line(tmp_path: Path) -> None:
    shared = events.locate_shared()
    if shared is None:
        pytest.skip("the Timeline17 articles are read from ../shared")
    file = "data/tls/bpoil_bbc/InputDocs/2010-04-23/2073.htm.txt"
    article = events.Article(file, "bpoil", "bbc", "2010-04-23", False)
    detokenize = events.load_detokenize(shared)
    events.write_tls_article(article, shared, tmp_path, detokenize)
    written = (tmp_path / "2010-04-23-bpoil_bbc-2073.md").read_text(encoding="utf-8").splitlines()
    raw = events.read_lines(shared / file)
    assert article.slug == "bpoil-bbc-2073"
    for md_line, line in article.md_to_line.items():
        assert written[md_line - 1] == detokenize(raw[line - 1])
