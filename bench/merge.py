"""Merge time for generated events: 10,000 and 100,000 by default.

    .venv/bin/python bench/merge.py [COUNT ...]

The events are generated reproducibly (seeded): happenings spread over two years, each
reported by one to five outlets with different wording and figures, plus unrelated
events on the same days, so the blocks hold what a long war's coverage holds.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import sys
import time

from timeline.extract.timex import day_value
from timeline.merge import merge_events
from timeline.model import ArticleRef, Basis, Event

PLACES = "Gaza City|Rafah|Khan Younis|Jenin|Tulkarm|Deir al-Balah|Nablus|Beit Lahia".split("|")
ACTORS = "Israeli forces|Hamas|the army|militants|the health ministry|mediators".split("|")
VERBS = "struck|raided|shelled|freed|detained|evacuated|reopened|closed".split("|")
OBJECTS = "a school|a hospital|a refugee camp|a crossing|a convoy|a market|a mosque".split("|")
WORDINGS = (
    "{actor} {verb} {object} in {place}, killing {n} people, officials said.",
    "In {place}, {object} was {verb} by {actor}; {n} were reported dead.",
    "At least {n} people died after {actor} {verb} {object} near {place}.",
)


def generate(count: int, seed: int = 7) -> list[Event]:
    """About ``count`` events: happenings retold by several outlets with varied wording."""
    rng = random.Random(seed)
    start = dt.date(2023, 10, 7)
    events: list[Event] = []
    happening = 0
    while len(events) < count:
        happening += 1
        day = start + dt.timedelta(days=rng.randrange(730))
        facts = {
            "actor": rng.choice(ACTORS),
            "verb": rng.choice(VERBS),
            "object": rng.choice(OBJECTS),
            "place": rng.choice(PLACES),
        }
        for outlet in range(rng.randint(1, 5)):
            text = rng.choice(WORDINGS).format(n=rng.randint(2, 90), **facts)
            slug = f"a{happening}-{outlet}"
            ref = ArticleRef(slug, f"{slug}.md", slug, f"Outlet {outlet}", day)
            events.append(
                Event(
                    f"{happening:06d}{outlet}",
                    ref,
                    text,
                    0,
                    len(text),
                    1,
                    day_value(day),
                    None,
                    Basis.EXPLICIT,
                )
            )
    return events[:count]


def main(counts: list[int]) -> None:
    """Print merge time and throughput for each count."""
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'events':>8} {'entries':>8} {'seconds':>8} {'events/s':>10}")
    for count in counts:
        events = generate(count)
        started = time.perf_counter()
        entries = merge_events(events)
        seconds = time.perf_counter() - started
        print(f"{count:>8} {len(entries):>8} {seconds:>8.2f} {count / seconds:>10,.0f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000])
