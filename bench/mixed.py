"""How many entries mix different happenings, on the made-up war collection.

Writes ``tests/newsroom.py``'s collection (a thousand articles by default) into
``bench/scratch/newsroom/`` (git-ignored), runs the checkout's ``timeline build`` there and
reads ``output/timeline.json``. The generator knows each report's happening: a source
whose sentence is one a generated happening is told in (any of its attributions) is a
report of it. An entry *mixes* happenings when its sources report two or more of them;
sentences that report none (reactions, recalls, forecasts, background) are not counted.
Entries per happening: how many entries hold a happening's reports, over those reported.

    .venv/bin/python bench/mixed.py [--articles N] [--json] [--explain]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SITE = BENCH / "scratch" / "newsroom"
TIMELINE = ROOT / ".venv" / "bin" / "timeline"
SEED = 20241007

sys.path.insert(0, str(ROOT))
from tests.newsroom import (  # noqa: E402  (the generator lives with the tests)
    ATTRIBUTIONS,
    Happening,
    happenings,
    on,
    write_collection,
)


class _Said(random.Random):
    """A generator whose every choice is one attribution: a happening's sentences, one by one."""

    def __init__(self, said: str) -> None:
        super().__init__(0)
        self.said = said

    def choice(self, seq: Any) -> Any:
        return self.said


def reports(articles: int) -> dict[str, set[int]]:
    """Every sentence a generated happening is told in, with the happenings told so."""
    events = happenings(random.Random(SEED), articles * 3 // 4)  # as write_collection draws
    told: dict[str, set[int]] = defaultdict(set)
    for happening in events:
        for said in ATTRIBUTIONS:
            told[_sentence(happening, said)].add(happening.number)
    return told


def _sentence(happening: Happening, said: str) -> str:
    return happening.told(_Said(said), on(happening.day))


def build(articles: int) -> dict[str, Any]:
    """The collection written afresh and built; its ``timeline.json``."""
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    write_collection(SITE, articles, SEED)
    subprocess.run([str(TIMELINE), "build"], cwd=SITE, check=True, capture_output=True)
    data: dict[str, Any] = json.loads((SITE / "output" / "timeline.json").read_text("utf-8"))
    return data


def mixed(data: dict[str, Any], told: dict[str, set[int]]) -> list[tuple[str, list[str]]]:
    """The entries whose sources report more than one happening, with those sources."""
    found = []
    for entry in data["entries"]:
        numbers: set[int] = set()
        sentences = []
        for source in entry["sources"]:
            sentence = source.get("sentence", "")
            if sentence in told:
                numbers |= told[sentence]
                sentences.append(sentence)
        if len(numbers) > 1:
            found.append((entry["id"], sentences))
    return found


def strays(data: dict[str, Any], told: dict[str, set[int]]) -> int:
    """How many sources report another happening than the one most of their entry's
    sources report: what a mixed entry holds that is not its own."""
    count = 0
    for entry in data["entries"]:
        reported: Counter[int] = Counter()
        for source in entry["sources"]:
            for number in told.get(source.get("sentence", ""), ()):
                reported[number] += 1
        if reported:
            count += sum(reported.values()) - max(reported.values())
    return count


def entries_per_happening(data: dict[str, Any], told: dict[str, set[int]]) -> float:
    """How many entries hold the reports of a happening, over the happenings reported."""
    holding: dict[int, set[str]] = defaultdict(set)
    for entry in data["entries"]:
        for source in entry["sources"]:
            for number in told.get(source.get("sentence", ""), ()):
                holding[number].add(entry["id"])
    return sum(map(len, holding.values())) / max(len(holding), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--explain", action="store_true", help="list the mixed entries")
    args = parser.parse_args()
    data = build(args.articles)
    told = reports(args.articles)
    found = mixed(data, told)
    entries = len(data["entries"])
    reported = sum(
        any(s.get("sentence", "") in told for s in entry["sources"]) for entry in data["entries"]
    )
    spread = entries_per_happening(data, told)
    figures = {
        "entries": entries,
        "entries_with_reports": reported,
        "mixed": len(found),
        "strays": strays(data, told),
        "entries_per_happening": spread,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"entries: {entries}, of which reporting a generated happening: {reported}")
        print(f"entries mixing happenings: {len(found)} ({len(found) / max(reported, 1):.1%})")
        print(f"sources reporting another happening than their entry's: {figures['strays']}")
        print(f"entries per happening: {spread:.2f}")
    if args.explain:
        for entry_id, sentences in found:
            print(f"\n{entry_id}:")
            for sentence in sentences:
                print(f"  {sentence}")


if __name__ == "__main__":
    main()
