"""Merge time for generated events: 10,000 and 100,000 by default.

    .venv/bin/python bench/merge.py [COUNT ...]

The events are generated reproducibly (seeded): happenings spread over two years, each
reported by one to five outlets with different wording and figures, plus unrelated
events on the same days, so the blocks hold what a long war's coverage holds. Some reports
give a clock time or a part of the day, some come out days later, some only mention the
happening's week or month, some are forecasts of it, and some are reactions to it, so every
pass of the merge has its share of the work.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import sys
import time
from dataclasses import dataclass

from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import month_value, time_value, week_value
from timeline.merge import merge_events
from timeline.model import ArticleRef, Basis, DateValue, Event, EventKind

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
            told = _told(rng, day, text)
            published = day + dt.timedelta(days=rng.choice(LATER))
            ref = ArticleRef(slug, f"{slug}.md", slug, f"Outlet {outlet}", published)
            events.append(
                Event(
                    f"{happening:06d}{outlet}",
                    ref,
                    told.text,
                    0,
                    len(told.text),
                    1,
                    told.date,
                    None,
                    Basis.EXPLICIT,
                    kind=told.kind,
                )
            )
    return events[:count]


LATER = (0, 0, 0, 1, 1, 2, 9)
"""How many days after the happening its reports come out: most at once, some days later."""


@dataclass(frozen=True)
class _Told:
    text: str
    date: DateValue
    kind: EventKind


def _told(rng: random.Random, day: dt.date, text: str) -> _Told:
    """How one report tells the happening: at a time or part of the day, only by its week
    or month, as a forecast or as a reaction; mostly simply on its day."""
    roll = rng.random()
    if roll < 0.15:
        return _Told(text, time_value(day, rng.choice(CLOCKS)), EventKind.HAPPENED)
    if roll < 0.20:
        return _Told(text, week_value(day), EventKind.HAPPENED)
    if roll < 0.25:
        return _Told(text, month_value(day.year, day.month), EventKind.HAPPENED)
    if roll < 0.30:
        return _Told(
            text.replace(" in ", " is expected in ", 1), day_value(day), EventKind.EXPECTED
        )
    if roll < 0.35:
        return _Told(f"{rng.choice(CONDEMNERS)} condemned it: {text}", day_value(day),
                     EventKind.HAPPENED)  # fmt: skip
    return _Told(text, day_value(day), EventKind.HAPPENED)


CLOCKS = ("01:00", "06:30", "08:30", "11:15", "14:25", "MO", "AF", "EV", "NI")
CONDEMNERS = "The UN|Egypt|Qatar|The Red Cross|Jordan".split("|")


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
