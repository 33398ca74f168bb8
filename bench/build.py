"""Build time and memory of ``timeline build`` against Hugo, Pelican and MkDocs (issue 5).

Generates the same reproducible (seeded) corpus of ~600-word news articles about a long war
for every generator into ``bench/scratch/build-N/`` (git-ignored), installs the peers (Hugo
from Debian, Pelican and MkDocs from PyPI into ``bench/scratch/peers-venv``), then for each
size runs cold builds of each generator, and for timeline also a rebuild with nothing changed
and a rebuild after one article changed. Wall time and the peak memory of the whole process
tree are measured; a table and the issue's targets (with ✓/✗) are printed.

    .venv/bin/python bench/build.py                    # 1000 5000 10000 20000
    .venv/bin/python bench/build.py --quick            # 1000 only
    .venv/bin/python bench/build.py --sizes 10000 --peers hugo,pelican,mkdocs --write-docs

Slow peers (Pelican, MkDocs) are skipped above 10,000 articles unless ``--all-peers``.
``--write-docs`` writes the table, the machine and the commit into
``docs/internals/performance.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SCRATCH = BENCH / "scratch"
PEERS_VENV = SCRATCH / "peers-venv"
TIMELINE = ROOT / ".venv" / "bin" / "timeline"
GNU_TIME = Path("/usr/bin/time")
DOCS = ROOT / "docs" / "internals" / "performance.md"
RESULTS = SCRATCH / "results.json"  # the latest run, saved after each size
CORPUS_VERSION = 2  # bump when the generator changes, so old corpora are regenerated
SEED = 2023
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
DEFAULT_SIZES = (1000, 5000, 10000, 20000)
ALL_PEERS = ("hugo", "pelican", "mkdocs")
SLOW_PEERS = ("pelican", "mkdocs")
SLOW_PEER_LIMIT = 10_000
REPEATS = 3  # warm and incremental rebuilds: the median of this many runs ...
REPEAT_BELOW = 5.0  # ... when one run takes less than this many seconds

# --------------------------------------------------------------------------- the corpus

WAR_START = dt.date(2023, 10, 7)
SPAN_DAYS = 730
OUTLETS = (
    "Example Courier|Sample Wire|Harbour Post|Northern Ledger|Daily Signal|Coastal Herald|"
    "Meridian News|Frontier Times|Crescent Agency|Valley Tribune|Open Dispatch|Eastern Observer"
).split("|")
US_STYLE = {"Sample Wire", "Daily Signal", "Valley Tribune", "Open Dispatch"}  # "October 7, 2023"
PLACES = (
    "Gaza City|Rafah|Khan Younis|Jabalia|Deir al-Balah|Beit Lahia|Nuseirat|Jenin|Tulkarm|Nablus|"
    "Hebron|the Kerem Shalom crossing|the Rafah crossing|northern Gaza|the coastal road"
).split("|")
NAMES = "Ahmed Nasser|Mariam Haddad|Yusuf Qassem|Dalia Awad|Omar Saleh|Rania Khalil".split("|")
ROLES = "a resident|a nurse|a teacher|a father of four|an aid worker|a shopkeeper".split("|")
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday".split("|")
SEASON_WORDS = ((4, "early"), (8, "mid-"), (12, "late"))


@dataclass(frozen=True)
class Kind:
    """A sort of happening: headlines, lead sentences and tags, with slots to fill."""

    tag: str
    headlines: tuple[str, ...]
    leads: tuple[str, ...]


KINDS = (
    Kind(
        "airstrike",
        ("Strike on {target} in {place} kills {n}", "{n} killed as {target} hit in {place}"),
        (
            "An airstrike hit {target} in {place} {when}, killing at least {n} people, "
            "according to the health ministry.",
            "At least {n} people were killed {when} when {target} in {place} was struck, "
            "local officials said.",
            "{when_cap}, a strike on {target} in {place} left {n} dead and dozens wounded, "
            "rescuers said.",
        ),
    ),
    Kind(
        "aid",
        ("Aid convoy of {n} trucks reaches {place}", "{n} aid trucks enter through {place}"),
        (
            "A convoy of {n} aid trucks reached {place} {when}, the first in weeks, "
            "the United Nations said.",
            "{when_cap}, {n} trucks carrying flour and medicine entered through {place}, "
            "aid agencies said.",
            "Aid groups said {n} lorries of food crossed into {place} {when} after days of delays.",
        ),
    ),
    Kind(
        "talks",
        ("Ceasefire talks resume in {city}", "Negotiators meet in {city} on truce"),
        (
            "Mediators met in {city} {when} to discuss a ceasefire and the release of {n} "
            "hostages, officials said.",
            "{when_cap}, negotiators gathered in {city} for a new round of truce talks "
            "covering {n} captives.",
            "Delegations arrived in {city} {when} for talks that could free {n} hostages, "
            "a diplomat said.",
        ),
    ),
    Kind(
        "evacuation",
        ("Army orders evacuation of {place}", "Thousands flee {place} after order"),
        (
            "The army ordered residents of {place} to leave {when}, displacing about "
            "{n},000 people, the UN estimated.",
            "{when_cap}, an evacuation order for {place} sent some {n},000 people south, "
            "aid workers said.",
            "Around {n},000 people fled {place} {when} after leaflets ordered them out, "
            "witnesses said.",
        ),
    ),
    Kind(
        "hospital",
        ("Troops raid hospital in {place}", "Hospital in {place} besieged, {n} patients trapped"),
        (
            "Troops raided the main hospital in {place} {when}, where {n} patients remained, "
            "doctors said.",
            "{when_cap}, soldiers entered a hospital in {place} with {n} patients inside, "
            "medical staff said.",
            "Doctors said {n} patients were trapped {when} as forces surrounded the "
            "hospital in {place}.",
        ),
    ),
    Kind(
        "hostages",
        ("{n} hostages freed in exchange", "Exchange frees {n} hostages and prisoners"),
        (
            "{n} hostages were released {when} in exchange for prisoners, officials "
            "in {city} confirmed.",
            "{when_cap}, {n} captives were handed to the Red Cross near {place}, mediators said.",
            "Mediators in {city} said {n} hostages were freed {when} under the truce.",
        ),
    ),
)
TARGETS = "a school|a refugee camp|a market|a mosque|a residential block|a water station"
TARGETS_LIST = TARGETS.split("|")
CITIES = "Cairo|Doha|Paris|Geneva|Amman".split("|")
TOPIC_TAGS = "gaza|west-bank|humanitarian|diplomacy|casualties|displacement|health".split("|")
CONTEXT_WHO = (
    "Residents|Doctors at the last working clinic|Aid workers|Local officials|Teachers|"
    "Fishermen|Farmers on the edge of the city|Displaced families|Engineers from the water utility"
).split("|")
CONTEXT_SAID = (
    "said prices for flour and cooking gas had tripled|"
    "described queues for water that lasted most of the day|"
    "said they had moved more than five times since the fighting began|"
    "warned that sewage was flowing into the streets|"
    "said fuel for generators would last only a few more days|"
    "said most roads were impassable because of rubble|"
    "described nights without sleep under constant drone noise|"
    "said children had not been to school for over a year|"
    "said the few remaining bakeries could not meet demand|"
    "reported outbreaks of skin disease and hepatitis in crowded shelters"
).split("|")
FILLER = (
    "Residents described long queues for water and bread, and said prices had tripled.",
    "Officials declined to give details, citing the safety of those involved.",
    "Several families said they had moved more than five times since the fighting began.",
    "Observers noted that previous agreements had collapsed within days.",
    "Power has been cut across much of the area, and generators run for a few hours at most.",
    "Aid agencies have warned repeatedly that the health system is close to collapse.",
    "The figures could not be independently verified.",
    "Journalists have been barred from entering except on escorted visits.",
    "Schools have been turned into shelters, each housing thousands of people.",
    "Diplomats said pressure was growing on both sides to agree to a lasting truce.",
    "Satellite images showed entire neighbourhoods reduced to rubble.",
    "The ministry's figures do not distinguish between civilians and fighters.",
)


@dataclass(frozen=True)
class Happening:
    """A real-world event that one or more outlets report."""

    number: int
    day: dt.date
    kind: Kind
    place: str
    city: str
    target: str
    figure: int


@dataclass(frozen=True)
class Story:
    """One generated news article, independent of any generator's file format."""

    slug: str
    title: str
    published: dt.datetime
    source: str
    url: str
    tags: tuple[str, ...]
    body: str


def generate_stories(count: int, seed: int = SEED) -> list[Story]:
    """``count`` reproducible articles: happenings retold by 1-5 outlets with other wording."""
    rng = random.Random(seed)
    history: list[Happening] = []
    stories: list[Story] = []
    days = sorted(rng.randrange(SPAN_DAYS) for _ in range(max(1, count * 2 // 5)))
    for number, offset in enumerate(days):
        happening = _happening(rng, number, WAR_START + dt.timedelta(days=offset))
        history.append(happening)
        for outlet in rng.sample(OUTLETS, rng.choice((1, 1, 2, 2, 3, 3, 4, 5))):
            stories.append(_story(rng, len(stories), happening, outlet, history))
            if len(stories) == count:
                return stories
    while len(stories) < count:  # rounding: top up with more retellings of recent events
        stories.append(_story(rng, len(stories), history[-1], rng.choice(OUTLETS), history))
    return stories


def _happening(rng: random.Random, number: int, day: dt.date) -> Happening:
    return Happening(
        number,
        day,
        rng.choice(KINDS),
        rng.choice(PLACES),
        rng.choice(CITIES),
        rng.choice(TARGETS_LIST),
        rng.randint(3, 120),
    )


def _story(
    rng: random.Random, number: int, event: Happening, outlet: str, history: list[Happening]
) -> Story:
    delay = rng.choice((0, 0, 1, 1, 1, 2, 3, 5))
    published = dt.datetime.combine(
        event.day + dt.timedelta(days=delay),
        dt.time(rng.randint(6, 22), rng.choice((0, 10, 25, 40, 55))),
        dt.timezone(dt.timedelta(hours=rng.choice((2, 3)))),
    )
    figure = max(2, event.figure + rng.randint(-event.figure // 5, event.figure // 5 + 1))
    slots = _slots(event, figure)
    title = rng.choice(event.kind.headlines).format(**slots)
    title = title[0].upper() + title[1:]
    slug = f"{published:%Y-%m-%d}-{_slugify(title)}-{number:05d}"
    domain = outlet.lower().replace(" ", "") + ".example"
    tags = (event.kind.tag, rng.choice(TOPIC_TAGS), _slugify(event.place))
    body = _body(rng, event, figure, outlet, published.date(), history)
    return Story(
        slug, title, published, outlet, f"https://{domain}/{slug}", tuple(dict.fromkeys(tags)), body
    )


def _slots(event: Happening, figure: int) -> dict[str, str]:
    return {
        "place": event.place,
        "city": event.city,
        "target": event.target,
        "n": str(figure),
    }


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _body(
    rng: random.Random,
    event: Happening,
    figure: int,
    outlet: str,
    published: dt.date,
    history: list[Happening],
) -> str:
    """About 600 words: lead, details, quotes, background with older dates, outlook."""
    us = outlet in US_STYLE
    when = _relative_when(rng, event.day, published, us)
    lead = rng.choice(event.kind.leads).format(
        when=when, when_cap=when[0].upper() + when[1:], **_slots(event, figure)
    )
    paragraphs = [
        lead,
        _details(rng, event, published, us),
        _quote(rng, event, published),
        _reaction(rng, event, published),
        "## Background",
    ]
    earlier = [h for h in history[-400:] if h.day < event.day]
    for older in rng.sample(earlier, min(len(earlier), 4)):
        paragraphs.append(_background(rng, older, published, us))
    paragraphs.append(_war_so_far(rng, published, us))
    paragraphs.append(_outlook(rng, event))
    while _words(paragraphs) < 590:
        paragraphs.insert(-1, " ".join(_context(rng) for _ in range(3)))
    return "\n\n".join(paragraphs) + "\n"


def _words(paragraphs: Iterable[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _full_date(day: dt.date, us: bool) -> str:
    """``7 October 2023`` or, for American outlets, ``October 7, 2023``."""
    return f"{day:%B} {day.day}, {day.year}" if us else f"{day.day} {day:%B %Y}"


def _relative_when(rng: random.Random, day: dt.date, published: dt.date, us: bool) -> str:
    """How an article published on ``published`` says ``day``: as a reporter would."""
    delta = (published - day).days
    choices = [f"on {_full_date(day, us)}"]
    if delta == 0:
        choices += ["today", "early today", "this morning"]
    elif delta == 1:
        choices += ["yesterday", "on " + WEEKDAYS[day.weekday()], "late yesterday"]
    elif delta < 7:
        choices += ["on " + WEEKDAYS[day.weekday()]] * 2
    if day.year == published.year and delta > 0:
        choices.append(f"on {day:%B} {day.day}")
    return rng.choice(choices)


def _details(rng: random.Random, event: Happening, published: dt.date, us: bool) -> str:
    wounded = event.figure * rng.randint(2, 4)
    count = rng.randint(2, 9)
    return (
        f"Witnesses in {event.place} said the area had been quiet for {count} days before. "
        f"Medical workers reported {wounded} wounded, many of them children, and said "
        f"supplies of anaesthetic had run out last week. "
        + f"{_context(rng)} {_context(rng)}"
        + f" A spokesperson for the civil defence said teams were still searching the rubble "
        f"{rng.choice(('this evening', 'on the same day', 'hours later'))}."
    )


def _context(rng: random.Random) -> str:
    """An undated sentence of context, from parts, so that articles do not repeat verbatim."""
    if rng.random() < 0.35:
        return rng.choice(FILLER)
    return f"{rng.choice(CONTEXT_WHO)} in {rng.choice(PLACES)} {rng.choice(CONTEXT_SAID)}."


def _reaction(rng: random.Random, event: Happening, published: dt.date) -> str:
    weekday = WEEKDAYS[(published - dt.timedelta(days=rng.randint(0, 3))).weekday()]
    who = rng.choice(("The foreign minister", "A UN spokesperson", "The army", "Hamas officials"))
    verb = rng.choice(("condemned", "defended", "called for an inquiry into", "played down"))
    return (
        f"{who} {verb} the events in {event.place} on {weekday}. "
        f"{rng.choice(CONTEXT_WHO)} said on Sunday that {rng.randint(2, 40)} families "
        f"were still unaccounted for. {_context(rng)}"
    )


def _quote(rng: random.Random, event: Happening, published: dt.date) -> str:
    name, role = rng.choice(NAMES), rng.choice(ROLES)
    weekday = WEEKDAYS[(published - dt.timedelta(days=rng.randint(2, 6))).weekday()]
    return (
        f"“We have nothing left, not even a tent,” said {name}, {role} who fled "
        f"{event.place} on {weekday}. “Every night we wonder if we will see the morning.” "
        f"{name.split()[0]} said the family had last received food aid {rng.randint(2, 5)} "
        f"weeks ago."
    )


def _background(rng: random.Random, older: Happening, published: dt.date, us: bool) -> str:
    delta = (published - older.day).days
    if delta < 7:
        when = "last week" if rng.random() < 0.5 else f"on {WEEKDAYS[older.day.weekday()]}"
    elif older.day.year == published.year and rng.random() < 0.5:
        when = f"on {older.day:%B} {older.day.day}"
    elif rng.random() < 0.3:
        when = f"in {_season(older.day)} {older.day.year}"
    elif rng.random() < 0.3:
        when = f"in {older.day:%B %Y}"
    else:
        when = f"on {_full_date(older.day, us)}"
    lead = rng.choice(older.kind.leads).format(
        when=when, when_cap=when[0].upper() + when[1:], **_slots(older, older.figure)
    )
    return f"{lead} {_context(rng)}"


def _season(day: dt.date) -> str:
    return next(word for last, word in SEASON_WORDS if day.month <= last).rstrip("-")


def _war_so_far(rng: random.Random, published: dt.date, us: bool) -> str:
    months = (published.year - WAR_START.year) * 12 + published.month - WAR_START.month
    days = (published - WAR_START).days
    famine = max(WAR_START, published - dt.timedelta(days=rng.randint(40, 200)))
    span = rng.choice((f"{max(months, 1)} months of war", f"more than {days} days of fighting"))
    return (
        f"The war began on {_full_date(WAR_START, us)}. After {span}, large parts of the "
        f"territory lie in ruins. Last month the United Nations said most of the population "
        f"had been displaced at least once, and that famine conditions had been confirmed "
        f"in the north in {_season(famine)} {famine.year}."
    )


def _outlook(rng: random.Random, event: Happening) -> str:
    weekday = rng.choice(WEEKDAYS)
    return (
        f"Mediators are expected to meet again in {event.city} on {weekday}, and officials "
        f"will brief the Security Council next week. {_context(rng)}"
    )


# ------------------------------------------------------------------ one corpus, four formats


@dataclass(frozen=True)
class Corpus:
    """The folders of one generated corpus, one per generator."""

    count: int
    root: Path

    @property
    def timeline(self) -> Path:
        return self.root / "timeline"

    @property
    def hugo(self) -> Path:
        return self.root / "hugo"

    @property
    def pelican(self) -> Path:
        return self.root / "pelican"

    @property
    def mkdocs(self) -> Path:
        return self.root / "mkdocs"


def prepare_corpus(count: int) -> Corpus:
    """The corpus of ``count`` articles in every format; reused when already generated."""
    corpus = Corpus(count, SCRATCH / f"build-{count}")
    stamp = corpus.root / "corpus.json"
    # The theme too: the site carries a copy of the built-in one, as a site made today would.
    wanted = {"version": CORPUS_VERSION, "count": count, "seed": SEED, "theme": _theme_digest()}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return corpus
    shutil.rmtree(corpus.root, ignore_errors=True)
    started = time.perf_counter()
    stories = generate_stories(count)
    write_timeline_site(corpus.timeline, stories)
    write_hugo_site(corpus.hugo, stories)
    write_pelican_site(corpus.pelican, stories)
    write_mkdocs_site(corpus.mkdocs, stories)
    stamp.write_text(json.dumps(wanted))
    words = _words(s.body for s in stories) / count
    print(f"generated {count} articles (~{words:.0f} words each) in "
          f"{time.perf_counter() - started:.1f} s: {corpus.root}")  # fmt: skip
    return corpus


def _theme_digest() -> str:
    theme = ROOT / "themes" / "default"
    digest = hashlib.sha256()
    for path in sorted(p for p in theme.rglob("*") if p.is_file()):
        digest.update(path.relative_to(theme).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _write_all(folder: Path, stories: list[Story], render: Callable[[Story], str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for story in stories:
        (folder / f"{story.slug}.md").write_text(render(story), encoding="utf-8")


def write_timeline_site(site: Path, stories: list[Story]) -> None:
    """A site as users make one: ``timeline new``, its example article removed, a copy of
    the built-in theme in ``themes/default`` (as a site whose theme is being changed has),
    then the articles with Hugo-style front matter (``title``, ``date``, ``tags``,
    ``draft``), the outlet and the link to the original."""
    site.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(TIMELINE), "new", str(site)], check=True, capture_output=True)
    if not (site / "themes" / "default").exists():
        shutil.copytree(ROOT / "themes" / "default", site / "themes" / "default")
    (site / "timeline.toml").write_text(f'title = "A long war: {len(stories)} articles"\n')
    for example in (site / "content" / "articles").glob("*.md"):
        example.unlink()

    def render(story: Story) -> str:
        return (
            f"---\ntitle: {json.dumps(story.title)}\ndate: {story.published.isoformat()}\n"
            f"tags: [{', '.join(story.tags)}]\ndraft: false\n"
            f"source: {story.source}\nurl: {story.url}\n---\n\n{story.body}"
        )

    _write_all(site / "content" / "articles", stories, render)


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "A long war"
languageCode = "en"
disableKinds = ["RSS"]
[taxonomies]
  tag = "tags"
"""
HUGO_BASEOF = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
</head><body><header><a href="{{ .Site.BaseURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages.ByDate.Reverse }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">
{{ .Date.Format "2 Jan 2006" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>{{ end }}
"""
HUGO_HOME = """\
{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
</li>{{ end }}</ul>{{ end }}
"""


def write_hugo_site(site: Path, stories: list[Story]) -> None:
    """A minimal Hugo site: a page per article, a list of all of them, tag pages."""
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG)
    (layouts / "baseof.html").write_text(HUGO_BASEOF)
    (layouts / "single.html").write_text(HUGO_SINGLE)
    (layouts / "list.html").write_text(HUGO_LIST)
    (site / "layouts" / "index.html").write_text(HUGO_HOME)

    def render(story: Story) -> str:
        return (
            f"---\ntitle: {json.dumps(story.title)}\ndate: {story.published.isoformat()}\n"
            f"tags: [{', '.join(story.tags)}]\n---\n\n{story.body}"
        )

    _write_all(site / "content" / "posts", stories, render)


PELICAN_CONFIG = """\
AUTHOR = "Bench"
SITENAME = "A long war"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
"""


def write_pelican_site(site: Path, stories: list[Story]) -> None:
    """``pelicanconf.py`` with Pelican's defaults and ``content/*.md`` with its metadata."""
    site.mkdir(parents=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG)

    def render(story: Story) -> str:
        return (
            f"Title: {story.title}\nDate: {story.published:%Y-%m-%d %H:%M}\n"
            f"Tags: {', '.join(story.tags)}\nSlug: {story.slug}\n\n{story.body}"
        )

    _write_all(site / "content", stories, render)


def write_mkdocs_site(site: Path, stories: list[Story]) -> None:
    """``mkdocs.yml`` (navigation made by MkDocs, default theme) and ``docs/*.md``."""
    site.mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: A long war\n")
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text("# A long war\n\nArticles about a long war.\n")
    _write_all(site / "docs", stories, lambda story: f"# {story.title}\n\n{story.body}")


# ------------------------------------------------------------------------------ the peers


def ensure_peers(peers: Iterable[str]) -> dict[str, str]:
    """Install the requested peers when missing; their versions by name."""
    versions: dict[str, str] = {}
    for peer in peers:
        if peer == "hugo":
            _ensure_hugo()
            versions[peer] = _first_line(["hugo", "version"])
        else:
            _ensure_python_peers()
            versions[peer] = _first_line([str(PEERS_VENV / "bin" / peer), "--version"])
    return versions


def _ensure_hugo() -> None:
    if shutil.which("hugo"):
        return
    policy = _first_line(["apt-cache", "policy", "hugo"], all_lines=True)
    if "Candidate: (none)" in policy or os.geteuid() != 0:
        sys.exit("hugo is missing and cannot be installed from Debian here (need root and apt)")
    subprocess.run(["apt-get", "install", "-y", "hugo"], check=True, stdout=subprocess.DEVNULL)


def _ensure_python_peers() -> None:
    if (PEERS_VENV / "bin" / "pelican").exists() and (PEERS_VENV / "bin" / "mkdocs").exists():
        return
    subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    pip = [str(PEERS_VENV / "bin" / "pip"), "install", "-q", "pelican", "markdown", "mkdocs"]
    subprocess.run(pip, check=True)


def ensure_gnu_time() -> bool:
    """``/usr/bin/time`` (installed from Debian when missing and possible)."""
    if GNU_TIME.exists():
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "time"], stdout=subprocess.DEVNULL)
    return GNU_TIME.exists()


def _first_line(command: list[str], all_lines: bool = False) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    text = (result.stdout or result.stderr).strip()
    return text if all_lines else text.splitlines()[0] if text else "?"


def peer_command(peer: str, corpus: Corpus) -> tuple[list[str], Path, list[Path]]:
    """The command of a cold build, its working folder, and what to delete before it."""
    venv = PEERS_VENV / "bin"
    if peer == "hugo":
        site = corpus.hugo
        command = ["hugo", "--quiet", "--cacheDir", str(site / ".hugo-cache")]
        return command, site, [site / "public", site / "resources", site / ".hugo-cache"]
    if peer == "pelican":
        site = corpus.pelican
        command = [str(venv / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
        return command, site, [site / "output", site / "cache", site / "__pycache__"]
    if peer == "mkdocs":
        return [str(venv / "mkdocs"), "build", "-q"], corpus.mkdocs, [corpus.mkdocs / "site"]
    raise ValueError(f"unknown peer {peer!r}")


# --------------------------------------------------------------------------- measurement


@dataclass
class Measurement:
    """One timed run of one build."""

    generator: str
    run: str  # "cold", "no change", "one changed"
    articles: int
    seconds: float
    peak_bytes: int
    ok: bool = True
    note: str = ""

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / MIB


def _process_table() -> dict[int, list[int]]:
    """Children of every process, from ``/proc/*/stat``."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                text = stat.read()
        except OSError:
            continue
        parent = int(text[text.rfind(b")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int, include_root: bool) -> int:
    """Summed resident memory of ``root``'s descendants (and of ``root`` if asked)."""
    children = _process_table()
    total = _rss(root) if include_root else 0
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += _rss(pid)
        stack.extend(children.get(pid, []))
    return total


@dataclass
class TreeSampler:
    """Polls a process tree's summed RSS from a thread every ``interval`` seconds."""

    root: int
    include_root: bool
    interval: float = 0.05
    peak: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> TreeSampler:
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.root, self.include_root))
            self._stop.wait(self.interval)


def measure(command: list[str], cwd: Path, log: Path) -> tuple[float, int, int]:
    """Wall seconds, peak bytes of the process tree and the exit status of ``command``.

    The peak is the larger of GNU time's maximum RSS (the largest single process) and the
    sampled sum over the whole tree (for builds that run worker processes).
    """
    report = log.with_suffix(".time")
    wrapped = ["/usr/bin/time", "-v", "-o", str(report), *command] if GNU_TIME.exists() else command
    with log.open("w") as output:
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        with TreeSampler(process.pid, include_root=wrapped is command) as sampler:
            status = process.wait()
        seconds = time.perf_counter() - started
    return seconds, max(sampler.peak, _gnu_time_peak(report)), status


def _gnu_time_peak(report: Path) -> int:
    if not report.is_file():
        return 0
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
    return int(found.group(1)) * 1024 if found else 0


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def _record(generator: str, run: str, count: int, command: list[str], cwd: Path) -> Measurement:
    log = cwd.parent / f"{generator}-{run.replace(' ', '-')}.log"
    seconds, peak, status = measure(command, cwd, log)
    note = "" if status == 0 else f"exit {status}, see {log}"
    return Measurement(generator, run, count, seconds, peak, status == 0, note)


def bench_timeline(corpus: Corpus) -> list[Measurement]:
    """Cold build, rebuilds with nothing changed, rebuilds after one article changed."""
    site = corpus.timeline
    command = [str(TIMELINE), "build", str(site)]
    _remove([site / ".timeline-cache", site / "output"])
    cold = _record("timeline", "cold", corpus.count, command, site)
    if not cold.ok:
        return [cold]
    warm = _repeat(lambda _: _record("timeline", "no change", corpus.count, command, site))
    changed = _repeat(lambda number: _one_changed(corpus, command, number))
    return [cold, _median(warm), _median(changed)]


def _repeat(run: Callable[[int], Measurement]) -> list[Measurement]:
    """Up to ``REPEATS`` runs; only one when a run is slow enough that noise does not matter."""
    runs = [run(0)]
    while len(runs) < REPEATS and runs[0].seconds < REPEAT_BELOW:
        runs.append(run(len(runs)))
    return runs


_BENCH_EDIT = re.compile(r"(?:\nBench edit \d+ \d+: talks resumed on Tuesday\.\n)+\Z")


def without_bench_edits(text: str) -> str:
    """An article without the sentences earlier runs appended to it: a run killed before it
    could restore the article leaves its edit behind, and every later run would add to it."""
    return _BENCH_EDIT.sub("", text)


def _one_changed(corpus: Corpus, command: list[str], number: int) -> Measurement:
    """Append a dated sentence to one article, rebuild, and check the page shows it."""
    articles = sorted((corpus.timeline / "content" / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    original = without_bench_edits(article.read_text(encoding="utf-8"))
    marker = f"Bench edit {number} {time.time_ns()}"
    article.write_text(f"{original}\n{marker}: talks resumed on Tuesday.\n", encoding="utf-8")
    try:
        result = _record("timeline", "one changed", corpus.count, command, corpus.timeline)
    finally:
        article.write_text(original, encoding="utf-8")
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", article.stem)  # the page name drops the date
    page = corpus.timeline / "output" / "articles" / f"{slug}.html"
    if result.ok and (not page.is_file() or marker not in page.read_text(encoding="utf-8")):
        result.ok, result.note = False, f"{page.name} does not show the change"
    return result


def _median(runs: list[Measurement]) -> Measurement:
    ordered = sorted(runs, key=lambda m: m.seconds)
    middle = ordered[len(ordered) // 2]
    middle.ok = all(m.ok for m in runs)
    notes = dict.fromkeys(m.note for m in runs if m.note)
    middle.note = "; ".join(notes) or f"median of {len(runs)}"
    return middle


def bench_peer(peer: str, corpus: Corpus) -> Measurement:
    """One cold build of a peer generator."""
    command, cwd, stale = peer_command(peer, corpus)
    _remove(stale)
    try:
        return _record(peer, "cold", corpus.count, command, cwd)
    finally:
        _remove(stale)  # MkDocs writes the whole navigation into every page: gigabytes


# ------------------------------------------------------------------------------ reporting


def ratio(results: list[Measurement], peer: str, count: int) -> float | None:
    """Timeline's cold time over ``peer``'s at ``count`` articles (below 1: timeline faster)."""
    ours = _find(results, "timeline", "cold", count)
    theirs = _find(results, peer, "cold", count)
    if not (ours and theirs and ours.ok and theirs.ok):
        return None
    return ours.seconds / theirs.seconds


def _find(results: list[Measurement], generator: str, run: str, count: int) -> Measurement | None:
    return next(
        (m for m in results if (m.generator, m.run, m.articles) == (generator, run, count)), None
    )


def table(results: list[Measurement]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| generator | articles | build | wall s | peak MiB | pages/s | ratio |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for m in results:
        found = ratio(results, m.generator, m.articles) if m.generator != "timeline" else None
        shown = f"{found:.2f}" if found is not None else ""
        rate = f"{m.articles / m.seconds:,.0f}" if m.run == "cold" and m.ok else ""
        status = "" if m.ok else f" ✗ {m.note}"
        lines.append(
            f"| {m.generator} | {m.articles:,} | {m.run} | {m.seconds:.2f}{status} | "
            f"{m.peak_mib:.0f} | {rate} | {shown} |"
        )
    return "\n".join(lines)


COLD_SECONDS = 53.0
"""The cold build at 10,000 articles before the house issue (48-53 s on this machine)."""


def targets(results: list[Measurement]) -> list[str]:
    """The issue's targets, each with ✓ or ✗ and the figure it was judged on."""
    sizes = sorted({m.articles for m in results})
    if not sizes:
        return []
    size = 10_000 if 10_000 in sizes else sizes[-1]
    where = f"{size:,} articles" + ("" if size == 10_000 else " (the target is at 10,000)")
    lines = [f"Targets, judged at {where}:"]

    def check(label: str, value: float | None, limit: float, unit: str = "") -> None:
        if value is None:
            lines.append(f"- {label}: not measured")
            return
        mark = "✓" if value <= limit else "✗"
        lines.append(f"- {mark} {label}: {value:.2f}{unit} (target ≤ {limit:g}{unit})")

    def report(label: str, value: float | None) -> None:
        shown = "not measured" if value is None else f"{value:.2f}"
        lines.append(f"- {label}: {shown} (reported, no target)")

    # The house issue's targets: the cold build no slower than before it (48-53 s here),
    # the ratios to the peers reported beside it.
    cold = _find(results, "timeline", "cold", size)
    check("cold build", cold.seconds if cold else None, COLD_SECONDS, " s")
    report("cold build, ratio to Hugo", ratio(results, "hugo", size))
    report("cold build, ratio to Pelican", ratio(results, "pelican", size))
    report("cold build, ratio to MkDocs", ratio(results, "mkdocs", size))
    warm = _find(results, "timeline", "no change", size)
    check("rebuild, nothing changed", warm.seconds if warm else None, 0.5, " s")
    changed = _find(results, "timeline", "one changed", size)
    check("rebuild, one article changed", changed.seconds if changed else None, 2.0, " s")
    check("peak memory of the cold build", cold.peak_mib if cold else None, 300, " MiB")
    check("linear growth", _growth(results), 1.25)
    return lines


def _growth(results: list[Measurement]) -> float | None:
    """Per-article time at the largest size over that at the next size down."""
    colds = sorted(
        (m for m in results if m.generator == "timeline" and m.run == "cold" and m.ok),
        key=lambda m: m.articles,
    )
    if len(colds) < 2:
        return None
    small, large = colds[-2], colds[-1]
    return (large.seconds / large.articles) / (small.seconds / small.articles)


def machine(versions: dict[str, str], load: tuple[float, float]) -> list[str]:
    """The machine, the interpreter, the peers and the commit the figures were taken with."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else model
    memory = os.sysconf("SC_PHYS_PAGES") * PAGE_SIZE / 1024**3
    commit = _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "timeline"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    lines = [
        f"- taken: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, commit `{commit}`"
        + (" with uncommitted changes in `timeline/`" if dirty else ""),
        f"- machine: {os.cpu_count()} CPUs (nproc), {model}, {memory:.1f} GiB RAM",
        f"- Python {platform.python_version()} ({platform.system()} {platform.release()})",
        f"- load average (1 min) when the run started: {load[0]:.1f}, when it ended: "
        f"{load[1]:.1f} (other work on the machine slows every generator; compare ratios)",
    ]
    lines += [f"- {name}: {version.split(' from ')[0]}" for name, version in versions.items()]
    return lines


def save_results(
    results: list[Measurement], versions: dict[str, str], argv: list[str], load: float
) -> None:
    """Keep the run so far in ``RESULTS``: ``--docs-from`` writes the docs from it later."""
    run = {
        "argv": argv,
        "versions": versions,
        "load": load,
        "machine": machine(versions, (load, os.getloadavg()[0])),
        "results": [asdict(m) for m in results],
    }
    RESULTS.write_text(json.dumps(run, indent=1), encoding="utf-8")


def docs_from(path: Path) -> None:
    """Write ``docs/internals/performance.md`` from a run saved by ``save_results``."""
    run = json.loads(path.read_text(encoding="utf-8"))
    results = [Measurement(**m) for m in run["results"]]
    write_docs(results, run["machine"], run["argv"])


def write_docs(results: list[Measurement], machine_lines: list[str], argv: list[str]) -> None:
    """Rewrite ``docs/internals/performance.md`` with this run's figures."""
    text = DOCS_TEMPLATE.format(
        machine="\n".join(machine_lines),
        command=" ".join(["bench/build.py", *argv]),
        table=table(results),
        targets="\n".join(targets(results)),
    )
    DOCS.write_text(text + _kept_notes(), encoding="utf-8")
    print(f"wrote {DOCS.relative_to(ROOT)}")


KEPT_FROM = "\n## Where the time goes"
"""The written part of ``docs/internals/performance.md``, from this heading on, survives a
rewrite."""


def _kept_notes() -> str:
    old = DOCS.read_text(encoding="utf-8") if DOCS.is_file() else ""
    return old[old.index(KEPT_FROM) :] if KEPT_FROM in old else ""


DOCS_TEMPLATE = """\
# Performance

How fast `timeline build` is on a large conflict (issue 5), next to the generators users
know. The figures below were written by the benchmark itself:

    .venv/bin/python {command}

The package is being optimized, so re-run it for current figures rather than trusting old
ones.

## The latest figures

{machine}

{table}

{targets}

- **wall s**: from starting the command until it exits (including interpreter start-up).
- **peak MiB**: the larger of GNU time's *Maximum resident set size* (the largest single
  process) and the summed RSS of the whole process tree sampled every 50 ms (timeline runs
  worker processes; the sum counts pages shared between them more than once, so it is an
  upper bound).
- **pages/s**: articles divided by wall seconds of a cold build (each generator writes one
  page per article, plus its own lists, tag pages and feeds).
- **ratio**: timeline's cold time over the peer's at the same size, in the same run; below 1
  means timeline is faster.
- **cold**: the build's own cache and output deleted first (`.timeline-cache/` and `output/`
  for timeline, `public/`, `resources/` and the cache folder for Hugo, `output/` for Pelican,
  `site/` for MkDocs). The operating system's file cache is warm for everyone.
- **no change**: `timeline build` again with nothing changed (median of 3 when a run takes
  under 5 s, else one run).
- **one changed**: a dated sentence appended to one article, then `timeline build` until it
  exits (median of 3 when under 5 s); the article's page is checked to show the new sentence.

## The corpus

`bench/build.py` generates, reproducibly (seeded), ~600-word news articles about a long war
published over two years from 7 October 2023 into `bench/scratch/build-N/` (git-ignored), the
same text for every generator: happenings (strikes, aid convoys, talks, evacuations, hospital
raids, hostage exchanges) each retold by one to five of twelve outlets with their own wording
and figures and their own way of saying the date ("7 October 2023", "October 7, 2023",
"January 21", "on Monday", "yesterday", "last week", "early 2024", "15 months of war"),
with quotes, a background section recalling older happenings, and an outlook.

- timeline: a site made by `timeline new` (its example article removed) with a copy of the
  built-in theme in `themes/default`, + `content/articles/*.md` (Hugo-style front matter
  `title`, `date`, `tags`, `draft`, and `source`, `url`).
- Hugo (from Debian): `hugo.toml`, `content/posts/*.md` (YAML front matter `title`, `date`,
  `tags`), minimal layouts: a page per article, a list page of all articles, tag pages, a
  home page listing every article; RSS disabled.
- Pelican (from PyPI): `pelicanconf.py` with the defaults, `content/*.md` with `Title:`,
  `Date:`, `Tags:`, `Slug:`; the default theme, feeds and archive pages.
- MkDocs (from PyPI): `mkdocs.yml` with only `site_name` (navigation made by MkDocs, the
  default theme, the search plugin), `docs/*.md`. With that automatic navigation every page
  carries a link to every other page, so MkDocs' time and output grow with the square of the
  article count (264 MB of HTML at 1,000 articles, about 6.6 GB at 5,000); the benchmark
  deletes each peer's output after measuring it.

## Running it

```sh
.venv/bin/python bench/build.py --quick                  # 1,000 articles, all peers
.venv/bin/python bench/build.py                          # 1k, 5k, 10k, 20k
.venv/bin/python bench/build.py --sizes 10000 --peers hugo --write-docs
```

`--peers hugo,pelican,mkdocs` chooses the peers (`--peers none` for timeline alone);
Pelican and MkDocs are skipped above 10,000 articles unless `--all-peers`; `--write-docs`
rewrites this file. Each run is saved in `bench/scratch/results.json` after every size;
`--docs-from bench/scratch/results.json` rewrites this file from it. Hugo is installed from
Debian (`apt-get install -y hugo`) when missing, Pelican and MkDocs into
`bench/scratch/peers-venv`. Each run's output is kept in
`bench/scratch/build-N/*.log`.
"""


# ----------------------------------------------------------------------------------- main


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="article counts, comma-separated (default %(default)s)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="1000 articles only")
    parser.add_argument("--peers", default=",".join(ALL_PEERS),
                        help="peers to compare, comma-separated, or 'none'")  # fmt: skip
    parser.add_argument("--all-peers", action="store_true",
                        help=f"run Pelican and MkDocs above {SLOW_PEER_LIMIT:,} too")  # fmt: skip
    parser.add_argument("--write-docs", action="store_true", help="rewrite the performance docs")
    parser.add_argument("--docs-from", type=Path, metavar="JSON",
                        help="only rewrite the docs from a saved run")  # fmt: skip
    options = parser.parse_args(argv)
    options.sizes = [1000] if options.quick else [int(s) for s in options.sizes.split(",")]
    options.peers = [] if options.peers == "none" else options.peers.split(",")
    unknown = set(options.peers) - set(ALL_PEERS)
    if unknown:
        parser.error(f"unknown peers: {', '.join(sorted(unknown))}")
    return options


def peers_for(count: int, peers: list[str], all_peers: bool) -> list[str]:
    """The peers to run at ``count`` articles."""
    slow_ok = all_peers or count <= SLOW_PEER_LIMIT
    return [peer for peer in peers if slow_ok or peer not in SLOW_PEERS]


def _show(m: Measurement) -> None:
    state = "" if m.ok else f"  FAILED: {m.note}"
    print(f"  {m.generator:<9} {m.run:<12} {m.articles:>7,} {m.seconds:8.2f} s "
          f"{m.peak_mib:8.0f} MiB{state}", flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and the targets; 1 if a build failed."""
    argv = sys.argv[1:] if argv is None else argv
    options = parse_args(argv)
    if options.docs_from:
        docs_from(options.docs_from)
        return 0
    if not TIMELINE.exists():
        sys.exit(f"{TIMELINE} is missing: install the project into .venv first")
    if not ensure_gnu_time():
        print("warning: /usr/bin/time is missing; peak memory is sampled only", file=sys.stderr)
    versions = {"timeline": _first_line([str(TIMELINE), "--version"])}
    versions.update(ensure_peers(options.peers))
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"warning: load average {load:.1f}: other work will slow the builds", file=sys.stderr)
    results: list[Measurement] = []
    for count in options.sizes:
        corpus = prepare_corpus(count)
        runs = bench_timeline(corpus)
        for peer in peers_for(count, options.peers, options.all_peers):
            runs.append(bench_peer(peer, corpus))
        for m in runs:
            _show(m)
        results += runs
        save_results(results, versions, argv, load)
    print()
    print(table(results))
    print()
    print("\n".join(targets(results)))
    if options.write_docs:
        write_docs(results, machine(versions, (load, os.getloadavg()[0])), argv)
    return 0 if all(m.ok for m in results) else 1


if __name__ == "__main__":
    sys.exit(main())
