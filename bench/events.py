"""How well a build turns dated sentences into one entry per happening (issue 13).

Builds the articles of the hand-written gold record (``bench/gold``, see its README) as one
site in ``bench/scratch/events/`` (git-ignored): the Timeline17 articles written the way
``../shared/tools/tls_eval.py`` writes a topic (title from the first line, one paragraph a
line, ``published`` the folder's day, ``source`` the outlet), the example site's articles copied
as they are. It runs the checkout's ``timeline build``, maps every source of
``output/timeline.json`` back to the gold sentences (by article and line, then by text) and
prints the issue's figures and targets:

- entries that are real happenings with the right date (target at least 90 %),
- entries per happening (at most 1.2),
- the share of a happening's reports held by its biggest entry (at least 80 %),
- coverage, and what was set aside by kind.

    .venv/bin/python bench/events.py [--json] [--explain] [--shared DIR] [--timeline PATH]

Rules. A source *tells* a gold happening when its sentence is one the record lists for it; a
sentence that tells several is assigned the one whose date fits the entry's date (the
narrowest such gold date: a clause of May 31 tells May 31, not "early 2024"). An entry is
*real* when one happening is told by at least half of its sources; it is *rightly dated* when
its date interval lies inside the gold date's (a day or a finer time on the gold day, any day
of a gold month, ...); a gold date finer than a day is compared as its day, and an entry
coarser than the gold date is wrong. Entries whose ``kind`` (or whose sources' kinds) is
``expected``, ``state`` or ``furniture`` are set aside by the build: they are counted apart,
not in the record; a top-level ``set_aside`` list of sentences with a ``kind``, when a build
writes one, counts among the build's classes; a build without kinds is "not classed".
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
GOLD = BENCH / "gold"
SITE = BENCH / "scratch" / "events"
TIMELINE = ROOT / ".venv" / "bin" / "timeline"
SET_ASIDE_KINDS = ("furniture", "state", "expected")
TARGETS = {"real_and_dated": 0.90, "entries_per_happening": 1.2, "biggest_entry_share": 0.80}
TLS_BODY_FIRST_LINE = 7  # the front matter write_site writes takes six lines
Detokenize = Callable[[str], str]


# --------------------------------------------------------------------------- the gold record


@dataclass(frozen=True)
class Item:
    """One gold sentence: a report of a happening, or a dated sentence that is none."""

    file: str
    line: int
    start: int
    end: int
    text: str
    happening: str | None = None
    kind: str = "happened"
    date: str | None = None
    role: str = "report"


@dataclass
class Article:
    """A gold article, the slug it gets in the site and its sentences by line."""

    file: str
    topic: str
    outlet: str
    published: str
    draft: bool
    slug: str = ""
    items: dict[int, list[Item]] = field(default_factory=lambda: defaultdict(list))
    md_to_line: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Happening:
    id: str
    date: str
    what: str
    files: frozenset[str]


def locate_shared(explicit: Path | None = None) -> Path | None:
    """``../shared`` of the repository, or of the main checkout when this is a worktree."""
    for candidate in (explicit, ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate is not None and (candidate / "data" / "tls").is_dir():
            return candidate
    return None


def load_detokenize(shared: Path) -> Detokenize:
    """The detokenizer of the shared TLS scorer, so articles read as that tool writes them."""
    spec = importlib.util.spec_from_file_location("tls_eval", shared / "tools" / "tls_eval.py")
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {shared / 'tools' / 'tls_eval.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    detokenize: Detokenize = module.detokenize
    return detokenize


@functools.cache
def file_text(path: Path) -> str:
    """A file as tls_eval reads it (replacing what is not UTF-8)."""
    return path.read_text(encoding="utf-8", errors="replace")


def read_lines(path: Path) -> list[str]:
    """A file's lines as tls_eval reads them (and as the gold's line numbers count them)."""
    return file_text(path).splitlines()


def span_text(path: Path, pointer: dict[str, Any], whole_file: bool) -> str:
    """The text a gold pointer points to."""
    start, end = int(pointer["start"]), int(pointer["end"])
    if whole_file:
        return file_text(path)[start:end]
    return read_lines(path)[int(pointer["line"]) - 1][start:end]


def load_gold(shared: Path) -> tuple[dict[str, Article], dict[str, Happening]]:
    """Articles (with every gold sentence filed under its line) and happenings, by file / id."""
    articles: dict[str, Article] = {}
    for row in jsonl(GOLD / "articles.jsonl"):
        article = Article(
            row["file"], row["topic"], row["outlet"], row["published"], row.get("draft", False)
        )
        for item in row["set_aside"]:
            add_item(article, shared, item, kind=item["kind"], date=item.get("date"))
        articles[article.file] = article
    happenings: dict[str, Happening] = {}
    for row in jsonl(GOLD / "happenings.jsonl"):
        for ref in row["reports"]:
            add_item(
                articles[ref["file"]],
                shared,
                ref,
                happening=row["id"],
                date=row["date"],
                role=ref.get("role", "report"),
            )
        files = frozenset(ref["file"] for ref in row["reports"])
        happenings[row["id"]] = Happening(row["id"], row["date"], row["what"], files)
    return articles, happenings


def add_item(article: Article, shared: Path, ref: dict[str, Any], **what: Any) -> None:
    """File one gold pointer under its article and line."""
    example = article.file.startswith("content/")
    path = ROOT / article.file if example else shared / article.file
    text = span_text(path, ref, whole_file=example)
    item = Item(article.file, ref["line"], ref["start"], ref["end"], text, **what)
    article.items[item.line].append(item)


def jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


# --------------------------------------------------------------------------- the site


def write_site(articles: dict[str, Article], shared: Path, site: Path, timeline: Path) -> None:
    """A fresh site holding every gold article; each article learns its slug and line map."""
    shutil.rmtree(site, ignore_errors=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(timeline), "new", str(site)], check=True, capture_output=True)
    out = site / "content" / "articles"
    for old in out.glob("*.md"):
        old.unlink()
    detokenize = load_detokenize(shared)
    for article in articles.values():
        if article.file.startswith("content/"):
            shutil.copy(ROOT / article.file, out / Path(article.file).name)
            article.slug = Path(article.file).stem
            article.md_to_line = {line: line for line in article.items}
        else:
            write_tls_article(article, shared, out, detokenize)
    slugs = Counter(article.slug for article in articles.values())
    if max(slugs.values()) > 1:
        sys.exit(f"two gold articles get one slug: {slugs.most_common(1)[0][0]}")


def write_tls_article(article: Article, shared: Path, out: Path, detokenize: Detokenize) -> None:
    """One Timeline17 article, written exactly as tls_eval.py's write_site writes it."""
    _, topic, _, day, name = Path(article.file).parts[-5:]
    kept = [(n, detokenize(raw)) for n, raw in enumerate(read_lines(shared / article.file), 1)]
    kept = [(n, text) for n, text in kept if text]
    title = re.sub(r"\s+", " ", kept[0][1])[:90].replace('"', "'").replace("\\", "")
    body = "\n\n".join(text for _, text in kept)
    stem = f"{topic}-{name.split('.')[0]}"
    (out / f"{day}-{stem}.md").write_text(
        f'---\ntitle: "{title}"\npublished: {day}\nsource: {article.outlet}\n---\n\n{body}\n',
        encoding="utf-8",
    )
    article.slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    article.md_to_line = {TLS_BODY_FIRST_LINE + 2 * k: n for k, (n, _) in enumerate(kept)}


def build(site: Path, timeline: Path) -> dict[str, Any]:
    """Run ``timeline build`` in the site and read its timeline.json."""
    done = subprocess.run([str(timeline), "build"], cwd=site, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
        sys.exit(f"timeline build failed ({done.returncode}): {last[0]}")
    data: dict[str, Any] = json.loads((site / "output" / "timeline.json").read_text("utf-8"))
    return data


# --------------------------------------------------------------------------- dates


def gold_interval(value: str) -> tuple[dt.date, dt.date]:
    """The days a TIMEX value covers (half-open); a value finer than a day covers its day."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day + dt.timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=7)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1)
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        year, first = int(m[1]), 3 * int(m[2]) - 2
        return dt.date(year, first, 1), dt.date(year + (first + 3) // 13, (first + 2) % 12 + 1, 1)
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value) + 1, 1, 1)
    if re.fullmatch(r"\d{3}", value):
        return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 10, 1, 1)
    raise ValueError(f"not a gold date: {value}")


def entry_interval(date: dict[str, Any]) -> tuple[dt.date, dt.date]:
    """The days an entry's date covers, from timeline.json's start and end."""
    start = dt.date.fromisoformat(date["start"][:10])
    end = dt.date.fromisoformat(date["end"][:10])
    return start, max(end, start + dt.timedelta(days=1))


def fits(entry: tuple[dt.date, dt.date], gold: str | None) -> bool:
    """True when the entry's date is the gold date at its precision, or lies inside it."""
    if gold is None:
        return False
    start, end = gold_interval(gold)
    return start <= entry[0] and entry[1] <= end


def span_days(gold: str | None) -> int:
    """How many days a gold date covers (a sort key: finer first)."""
    if gold is None:
        return 0
    start, end = gold_interval(gold)
    return (end - start).days


def holds(entry: tuple[dt.date, dt.date], gold: str) -> bool:
    """True when the entry's date is coarser than the gold date but contains it."""
    start, end = gold_interval(gold)
    return entry[0] <= start and end <= entry[1] and not fits(entry, gold)


# --------------------------------------------------------------------------- matching


def normalized(text: str) -> str:
    """Letters and digits only: tokenization, quotes and Markdown escapes do not matter."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def alike(sentence: str, gold: str) -> bool:
    """The build's sentence and a gold span are the same text, or overlap by most of it."""
    if not sentence or not gold:
        return False
    if gold in sentence or sentence in gold:
        return True
    match = SequenceMatcher(None, sentence, gold, autojunk=False)
    longest = match.find_longest_match(0, len(sentence), 0, len(gold)).size
    return longest >= 20 and longest >= 0.5 * min(len(sentence), len(gold))


def gold_items(article: Article, source: dict[str, Any], detokenize: Detokenize) -> list[Item]:
    """The gold sentences a source's sentence is: on its line first, anywhere in it then."""
    sentence = normalized(source.get("sentence") or "")
    line = article.md_to_line.get(source.get("line") or 0)
    on_line = article.items.get(line, []) if line else []
    found = [i for i in on_line if alike(sentence, normalized(detokenize(i.text)))]
    if found:
        return found
    every = (i for items in article.items.values() for i in items)
    return [i for i in every if normalized(detokenize(i.text)) in sentence]


def assign(items: list[Item], entry: tuple[dt.date, dt.date]) -> Item | None:
    """The gold item a source stands for: a rightly dated happening first (of a sentence
    telling several, the one whose gold date is the narrowest the entry's date lies in:
    "talks in Paris in early 2024, ... a proposal that President Joe Biden set out on May
    31, 2024" dated May 31 tells the proposal, not the talks), then a set-aside sentence of
    that date, then any happening, then any set-aside sentence."""
    happenings = [i for i in items if i.happening]
    others = [i for i in items if not i.happening]
    fitting = sorted(
        (i for i in happenings if fits(entry, i.date)), key=lambda i: span_days(i.date)
    )
    for group in (
        fitting,
        [i for i in others if fits(entry, i.date)],
        happenings,
        others,
    ):
        if group:
            return group[0]
    return None


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Source:
    article: str
    item: Item | None
    kind: str | None
    """The build's class of the sentence (``happened``, ``expected`` ...), when it gives one."""


@dataclass(frozen=True)
class Entry:
    id: str
    value: str
    interval: tuple[dt.date, dt.date]
    text: str
    kind: str | None
    sources: tuple[Source, ...]

    @property
    def in_record(self) -> bool:
        """Entries the build classes as expected, state or furniture are not in the record."""
        return self.kind not in SET_ASIDE_KINDS


@dataclass(frozen=True)
class Verdict:
    happening: str | None
    real: bool
    dated: bool
    coarse: bool
    """Real, and dated coarser than the gold date but not against it ("last week")."""
    clean: bool
    reason: str


def read_entries(
    data: dict[str, Any], articles: Iterable[Article], detokenize: Detokenize
) -> list[Entry]:
    """timeline.json's entries with every source mapped to the gold sentence it is."""
    by_slug = {article.slug: article for article in articles}
    entries = []
    for raw in data["entries"]:
        interval = entry_interval(raw["date"])
        sources = tuple(read_source(s, by_slug, interval, detokenize) for s in raw["sources"])
        kinds = Counter(s.kind for s in sources if s.kind)
        kind = raw.get("kind") or (kinds.most_common(1)[0][0] if kinds else None)
        entries.append(Entry(raw["id"], raw["date"]["value"], interval, raw["text"], kind, sources))
    return entries


def read_source(
    raw: dict[str, Any],
    by_slug: dict[str, Article],
    interval: tuple[dt.date, dt.date],
    detokenize: Detokenize,
) -> Source:
    article = by_slug.get(raw.get("article", ""))
    items = gold_items(article, raw, detokenize) if article else []
    return Source(raw.get("article", ""), assign(items, interval), raw.get("kind"))


def judge(entry: Entry, happenings: dict[str, Happening]) -> Verdict:
    """Is the entry one real happening, rightly dated, and nothing else?"""
    told = Counter(s.item.happening for s in entry.sources if s.item and s.item.happening)
    if not told:
        kinds = sorted({s.item.kind if s.item else "nothing recorded" for s in entry.sources})
        return Verdict(None, False, False, False, False, "tells no happening: " + ", ".join(kinds))
    top = max(told, key=lambda h: (told[h], fits(entry.interval, happenings[h].date)))
    real = 2 * told[top] >= len(entry.sources)
    dated = real and fits(entry.interval, happenings[top].date)
    coarse = real and holds(entry.interval, happenings[top].date)
    clean = len(told) == 1 and told[top] == len(entry.sources)
    if not real:
        reason = f"mixed: {top} told by {told[top]} of {len(entry.sources)} sources"
    elif not dated:
        how = "coarser than" if coarse else "wrong date:"
        reason = f"{how} {top} is {happenings[top].date}"
    else:
        reason = "" if clean else f"also holds {len(entry.sources) - told[top]} other sources"
    return Verdict(top, real, dated, coarse, clean, reason)


def spread(record: list[Entry]) -> dict[str, Counter[str]]:
    """For each happening, how many of its reports each entry holds."""
    by_happening: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in record:
        for source in entry.sources:
            if source.item and source.item.happening:
                by_happening[source.item.happening][entry.id] += 1
    return by_happening


def figures(
    entries: list[Entry],
    happenings: dict[str, Happening],
    articles: dict[str, Article],
    extra_kinds: Counter[str],
) -> dict[str, Any]:
    """Every figure the bench prints, as plain data."""
    record = [e for e in entries if e.in_record]
    verdicts = [judge(e, happenings) for e in record]
    by_happening = spread(record)
    several = [c for c in by_happening.values() if sum(c.values()) >= 2]
    published = [h for h in happenings.values() if any(not articles[f].draft for f in h.files)]
    sources = [s for e in entries for s in e.sources]
    return {
        "entries": len(entries),
        "record_entries": len(record),
        "sources": len(sources),
        "sources_matched": share(sum(s.item is not None for s in sources), len(sources)),
        "real": share(sum(v.real for v in verdicts), len(record)),
        "real_and_dated": share(sum(v.dated for v in verdicts), len(record)),
        "real_and_coarser": share(sum(v.coarse for v in verdicts), len(record)),
        "clean": share(sum(v.clean for v in verdicts), len(record)),
        "mixed": share(sum(v.happening is not None and not v.real for v in verdicts), len(record)),
        "not_happenings": not_happenings(record, verdicts),
        "entries_per_happening": mean(len(c) for c in by_happening.values()),
        "happenings_with_entries": len(by_happening),
        "biggest_entry_share": mean(max(c.values()) / sum(c.values()) for c in several),
        "happenings_with_two_reports": len(several),
        "coverage": share(sum(h.id in by_happening for h in published), len(published)),
        "gold_happenings": len(published),
        "build_kinds": build_kinds(entries, extra_kinds),
        "gold_kinds": gold_kinds(entries, articles),
    }


def not_happenings(record: list[Entry], verdicts: list[Verdict]) -> dict[str, float]:
    """The share of the record's entries that tell no happening, by what their sources are."""
    kinds: Counter[str] = Counter()
    for entry, verdict in zip(record, verdicts, strict=True):
        if verdict.happening is None:
            told = Counter(s.item.kind if s.item else "nothing recorded" for s in entry.sources)
            kinds[told.most_common(1)[0][0]] += 1
    return {
        kind: share(kinds[kind], len(record)) for kind in (*SET_ASIDE_KINDS, "nothing recorded")
    }


def build_kinds(entries: list[Entry], extra: Counter[str]) -> dict[str, float] | None:
    """The share of the build's dated sentences in each class, or None when it has none."""
    kinds = Counter(s.kind for e in entries for s in e.sources if s.kind) + extra
    total = sum(kinds.values()) + sum(1 for e in entries for s in e.sources if not s.kind)
    return {k: share(n, total) for k, n in sorted(kinds.items())} if kinds else None


def gold_kinds(entries: list[Entry], articles: dict[str, Article]) -> dict[str, dict[str, Any]]:
    """For each gold kind of non-happening: how many such sentences the record kept as
    happenings, and how many the build classed as that kind."""
    kept: set[Item] = set()
    classed: set[Item] = set()
    for entry in entries:
        for source in entry.sources:
            if source.item and not source.item.happening:
                if entry.in_record:
                    kept.add(source.item)
                if source.kind == source.item.kind:
                    classed.add(source.item)
    out = {}
    for kind in SET_ASIDE_KINDS:
        items = [
            i
            for a in articles.values()
            if not a.draft
            for line in a.items.values()
            for i in line
            if i.kind == kind
        ]
        out[kind] = {
            "sentences": len(items),
            "kept_in_record": share(sum(i in kept for i in items), len(items)),
            "classed_alike": share(sum(i in classed for i in items), len(items)),
        }
    return out


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def mean(values: Iterable[float]) -> float:
    numbers = list(values)
    return sum(numbers) / len(numbers) if numbers else 0.0


def set_aside_list(data: dict[str, Any]) -> Counter[str]:
    """Kinds of sentences a build lists apart from its entries (a ``set_aside`` list), if any."""
    return Counter(item.get("kind") for item in data.get("set_aside", []) if item.get("kind"))


# --------------------------------------------------------------------------- report


def report(f: dict[str, Any], gold: str) -> str:
    """The figures and the issue's targets, for people."""
    tick = {True: "✓", False: "✗"}
    ok_real = f["real_and_dated"] >= TARGETS["real_and_dated"]
    ok_per = 0 < f["entries_per_happening"] <= TARGETS["entries_per_happening"]
    ok_big = f["biggest_entry_share"] >= TARGETS["biggest_entry_share"]
    lines = [
        gold,
        f"build: {f['entries']} entries ({f['record_entries']} in the record), {f['sources']} "
        f"sources, {f['sources_matched']:.0%} of them matched to a gold sentence",
        "",
        f"real happenings with the right date  {f['real_and_dated']:6.1%}   target ≥ 90 %   "
        f"{tick[ok_real]}  (real {f['real']:.1%}: dated coarser {f['real_and_coarser']:.1%}, "
        f"wrongly {f['real'] - f['real_and_dated'] - f['real_and_coarser']:.1%}; one happening "
        f"only {f['clean']:.1%})",
        f"entries per happening                {f['entries_per_happening']:6.2f}   target ≤ 1.2    "
        f"{tick[ok_per]}  (over {f['happenings_with_entries']} happenings with an entry)",
        f"reports in the biggest entry         {f['biggest_entry_share']:6.1%}   target ≥ 80 %   "
        f"{tick[ok_big]}  (over {f['happenings_with_two_reports']} happenings with ≥ 2 reports)",
        "entries that tell no happening       "
        + ", ".join(f"{k} {v:.1%}" for k, v in f["not_happenings"].items())
        + f"; mixed {f['mixed']:.1%}",
        f"coverage: happenings with an entry   {f['coverage']:6.1%}   "
        f"(of {f['gold_happenings']} published happenings)",
    ]
    kinds = f["build_kinds"]
    classes = ", ".join(f"{k} {v:.1%}" for k, v in kinds.items()) if kinds else "not classed"
    lines.append(f"dated sentences by the build's kind   {classes}")
    for kind, g in f["gold_kinds"].items():
        lines.append(
            f"gold {kind:9} sentences: {g['sentences']:3}, set aside {1 - g['kept_in_record']:6.1%}"
            f" (kept in the record {g['kept_in_record']:5.1%}), classed as {kind} "
            f"{g['classed_alike']:5.1%}"
        )
    return "\n".join(lines)


def explain(entries: list[Entry], happenings: dict[str, Happening]) -> str:
    """What to fix: happenings spread over entries, and entries not counted as right."""
    record = [e for e in entries if e.in_record]
    by_id = {e.id: e for e in record}
    out = ["", "== happenings held by more than one entry"]
    for hid, counts in sorted(spread(record).items(), key=lambda kv: -len(kv[1])):
        if len(counts) < 2:
            continue
        h = happenings[hid]
        out.append(f"{hid} ({h.date}): {h.what}")
        for eid, n in counts.most_common():
            e = by_id[eid]
            out.append(f"    {eid} {e.value:17} {n}/{len(e.sources)} sources  {e.text[:70]}")
    out += ["", "== entries not counted as a real, rightly dated happening"]
    for entry in record:
        verdict = judge(entry, happenings)
        if not verdict.dated:
            out.append(f"{entry.id} {entry.value:17} {verdict.reason}")
            out.append(f"    {entry.text[:110]}")
    covered = spread(record)
    missing = sorted(h for h in happenings if h not in covered)
    out += ["", f"== happenings with no entry ({len(missing)})", " ".join(missing)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--explain", action="store_true", help="list what was not counted, and why")
    ap.add_argument("--shared", type=Path, help="the shared data folder (default: ../shared)")
    ap.add_argument("--timeline", type=Path, default=TIMELINE, help="the timeline command")
    args = ap.parse_args(argv)
    shared = locate_shared(args.shared)
    if shared is None:
        sys.exit("no ../shared/data/tls: pass --shared DIR")
    articles, happenings = load_gold(shared)
    write_site(articles, shared, SITE, args.timeline)
    data = build(SITE, args.timeline)
    detokenize = load_detokenize(shared)
    entries = read_entries(data, articles.values(), detokenize)
    f = figures(entries, happenings, articles, set_aside_list(data))
    if args.json:
        print(json.dumps(f, indent=2, sort_keys=True))
        return
    reports = sum(len(i) for a in articles.values() for i in a.items.values())
    gold = (
        f"gold: {len(articles)} articles, {len(happenings)} happenings, {reports} "
        f"sentences ({sum(len(h.files) > 1 for h in happenings.values())} happenings told "
        "by several articles)"
    )
    print(report(f, gold))
    if args.explain:
        print(explain(entries, happenings))


if __name__ == "__main__":
    main()
