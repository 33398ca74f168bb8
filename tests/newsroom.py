"""A made-up war collection of about a thousand articles, deterministic, for tests that need a
large site that reads like news: happenings told by several outlets in their own words,
reactions, recalls weeks later, forecasts, a few stray years of background, and phases.

Every name and number is generated here; nothing is taken from research data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

OUTLETS = (
    "Harbor Wire",
    "Atlas Observer",
    "Northline Press",
    "Crescent Report",
    "Meridian News Service",
    "Valley Daily",
)
PLACES = (
    "Rafah", "Khan Younis", "Deir al-Balah", "Nuseirat", "Jabalia", "Beit Lahia",
    "Gaza City", "Bureij", "Maghazi", "Beit Hanoun", "Shujaiya", "Zeitoun",
)  # fmt: skip
SITES = ("school", "hospital", "market", "mosque", "bakery", "shelter", "clinic", "camp")
ATTRIBUTIONS = ("medics said", "officials said", "witnesses said", "the civil defence said")
REACTORS = ("The UN", "Egypt", "The European Union", "Qatar", "Jordan", "The Red Cross")
REACTIONS = ("condemned", "denounced", "deplored")
HEADLINES = {
    "strike": "Airstrike kills civilians",
    "convoy": "Aid convoy arrives",
    "talks": "Truce talks resume",
    "flight": "Families flee",
}
STRAY_YEARS = (1948, 1967, 1987, 2005, 2008, 2014, 2021)
FIRST_DAY = dt.date(2024, 10, 7)
DAYS = 176
"""The war's span here: 7 October 2024 to 30 March 2025."""
PHASES = (
    ("Opening offensive", "2024-10-07", "2024-11-30"),
    ("Winter truce talks", "2025-01-10", "2025-02-15"),
)


@dataclass(frozen=True, slots=True)
class Happening:
    """One thing that happened, which several outlets tell."""

    number: int
    day: dt.date
    kind: str
    place: str
    site: str
    count: int
    tag: str

    def told(self, rng: random.Random, when: str) -> str:
        """A report of it, in one outlet's words."""
        said = rng.choice(ATTRIBUTIONS)
        place, site, count = self.place, self.site, self.count
        if self.kind == "strike":
            return f"An airstrike on the {site} in {place} killed {count} people {when}, {said}."
        if self.kind == "convoy":
            return f"A convoy of {count} aid trucks reached the {site} in {place} {when}, {said}."
        if self.kind == "talks":
            return (
                f"Mediators met delegations in Cairo {when} to discuss a truce around "
                f"{place} and the release of {count} hostages, {said}."
            )
        return f"Some {count * 40} families fled the {site} area of {place} {when}, {said}."

    @property
    def short(self) -> str:
        """How a later report names it."""
        if self.kind == "strike":
            return f"the airstrike on the {self.site} in {self.place}"
        if self.kind == "convoy":
            return f"the convoy that reached {self.place}"
        if self.kind == "talks":
            return f"the Cairo talks on {self.place}"
        return f"the flight from {self.place}"


def on(day: dt.date) -> str:
    """``on 3 November 2024``."""
    return f"on {day.day} {day:%B %Y}"


def happenings(rng: random.Random, count: int) -> list[Happening]:
    """``count`` happenings spread over the war, more of them in its first weeks."""
    kinds = ("strike", "strike", "convoy", "talks", "flight")
    made = []
    for number in range(count):
        offset = min(int(rng.expovariate(1 / 60)), DAYS - 1)
        kind = rng.choice(kinds)
        place, site = rng.choice(PLACES), rng.choice(SITES)
        tag = {"strike": "strikes", "convoy": "aid", "talks": "talks"}.get(kind, "displacement")
        day = FIRST_DAY + dt.timedelta(days=offset)
        made.append(Happening(number, day, kind, place, site, 3 + number % 97, tag))
    return sorted(made, key=lambda h: (h.day, h.number))


def article(rng: random.Random, number: int, day: dt.date, told: list[Happening],
            earlier: list[Happening]) -> str:  # fmt: skip
    """One report published on ``day``: the happenings it tells, maybe a reaction to one of
    them, a recall of an earlier one, a forecast, a line of background."""
    outlet = OUTLETS[number % len(OUTLETS)]
    first = told[0]
    tags = sorted({h.tag for h in told} | ({"health"} if first.site == "hospital" else set()))
    lines = [
        "---",
        f"title: {HEADLINES[first.kind]} in {first.place}, report {number}",
        f"published: {day.isoformat()}T{8 + number % 12:02d}:{number % 60:02d}:00+02:00",
        f"source: {outlet}",
        f"url: https://{outlet.split()[0].lower()}.example/{day:%Y/%m/%d}/report-{number}",
        f"tags: [{', '.join(tags)}]",
        "---",
        "",
    ]
    body = [h.told(rng, on(h.day)) for h in told]
    if first.kind == "strike" and rng.random() < 0.3:
        reactor, verb = rng.choice(REACTORS), rng.choice(REACTIONS)
        body.append(f"{reactor} {verb} {first.short} that killed {first.count} people {on(day)}.")
    if earlier and rng.random() < 0.35:
        recalled = rng.choice(earlier)
        body.append(
            f"More than {recalled.count * 100} people have fled since {recalled.short} "
            f"{on(recalled.day)}."
        )
    if rng.random() < 0.15:
        later = day + dt.timedelta(days=3)
        body.append(f"Mediators are expected to meet again in Cairo {on(later)}.")
    if rng.random() < 0.08:
        year = rng.choice(STRAY_YEARS)
        body.append(f"The camp in {first.place} was first set up in {year}, residents said.")
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def write_collection(root: Path, articles: int = 1000, seed: int = 20241007) -> None:
    """Write ``timeline.toml`` and ``articles`` reports into ``root/content/articles``."""
    rng = random.Random(seed)
    phases = "".join(
        f'\n[[phases]]\nname = "{name}"\nstart = {start}\nend = {end}\n'
        for name, start, end in PHASES
    )
    (root / "timeline.toml").write_text(
        f'title = "A made-up war"\nbase_url = "/"\n{phases}', encoding="utf-8"
    )
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    events = happenings(rng, articles * 3 // 4)
    for number in range(articles):
        # Each report tells a few happenings of a day; a happening is told by several.
        index = rng.randrange(len(events))
        day = events[index].day
        told = [h for h in events[index : index + 4] if h.day == day][: rng.randint(1, 3)]
        published = day + dt.timedelta(days=rng.choice((0, 0, 1)))
        earlier = [h for h in events[: max(0, index - 20)] if h.day < day - dt.timedelta(days=7)]
        text = article(rng, number, published, told, earlier[-200:])
        (folder / f"report-{number:04d}.md").write_text(text, encoding="utf-8")
