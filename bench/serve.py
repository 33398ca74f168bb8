"""Live-preview latency of ``timeline serve``: from a file write until the open page shows it.

Generates news-like sites of 100 and 5,000 articles into ``bench/scratch/`` (git-ignored),
measures a cold ``timeline build`` of each, then starts ``timeline serve`` and, in headless
Chromium, edits one article 20 times with two kinds of page open: the article's own page
(the edit adds a sentence to it) and the timeline page that shows the article's events (the
edit adds a dated sentence, which becomes an entry there). It measures the time from the
write until the open page shows the new text and prints the median and the worst per size
and page.

    .venv/bin/python bench/serve.py [--sizes 100,5000] [--edits 20] [--no-cold]

``--no-cold`` skips the cold build (serve then starts from the store an earlier run's build
left, as it would otherwise); the load average is printed before and after each size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRATCH = BENCH / "scratch"
TIMELINE = Path(sys.executable).with_name("timeline")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_OUTLETS = ["Example Courier", "Sample Wire", "Harbour Post", "Northern Ledger", "Daily Signal"]
_PLACES = ["the capital", "Cairo", "Doha", "the northern border", "the coastal city", "Geneva"]
_ACTORS = ["negotiators", "the army", "aid agencies", "the foreign minister", "mediators"]
_VERBS = ["met", "announced a pause", "reported shelling", "opened a crossing", "held talks"]
_FILLER = (
    "Officials declined to give details. Residents described long queues for water and "
    "bread. Several families said they had moved twice in a month. A spokesperson said the "
    "situation remained fragile and that further meetings were expected. Observers noted "
    "that previous agreements had collapsed within days."
).split(". ")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate_site(folder: Path, count: int, seed: int = 7) -> Path:
    """A site of ``count`` news-like articles of about 300 words with varied dates."""
    if (folder / "timeline.toml").is_file() and _article_count(folder) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    articles = folder / "content" / "articles"
    articles.mkdir(parents=True)
    (folder / "timeline.toml").write_text(f'title = "Bench {count}"\n', encoding="utf-8")
    rng = random.Random(seed)
    for number in range(count):
        text = _article(rng, number)
        (articles / f"article-{number:05d}.md").write_text(text, encoding="utf-8")
    return folder


def _article_count(folder: Path) -> int:
    return sum(1 for _ in (folder / "content" / "articles").glob("*.md"))


def _article(rng: random.Random, number: int) -> str:
    published = dt.date(2023, 10, 7) + dt.timedelta(days=rng.randrange(500))
    head = (
        f"---\ntitle: Report {number} from {rng.choice(_PLACES)}\n"
        f"published: {published.isoformat()}\nsource: {rng.choice(_OUTLETS)}\n"
        f"tags: [report, {rng.choice(['talks', 'aid', 'fighting'])}]\n---\n\n"
    )
    paragraphs = [_paragraph(rng, published) for _ in range(6)]
    return head + "\n\n".join(paragraphs) + "\n"


def _paragraph(rng: random.Random, published: dt.date) -> str:
    sentences = [_dated_sentence(rng, published)]
    sentences += rng.sample(_FILLER, 3)
    sentences.append(f"At least {rng.randrange(3, 400)} people were affected, officials said")
    return ". ".join(s.strip().rstrip(".") for s in sentences) + "."


def _dated_sentence(rng: random.Random, published: dt.date) -> str:
    actor, verb, place = rng.choice(_ACTORS), rng.choice(_VERBS), rng.choice(_PLACES)
    earlier = published - dt.timedelta(days=rng.randrange(1, 40))
    when = rng.choice(
        [
            f"on {earlier.strftime('%B')} {earlier.day}, {earlier.year}",
            f"on {earlier.strftime('%B')} {earlier.day}",
            f"on {_WEEKDAYS[earlier.weekday()]}",
            "yesterday",
            "last week",
            f"in {earlier.strftime('%B %Y')}",
        ]
    )
    return f"The {actor} {verb} in {place} {when}".replace("The the", "The")


def cold_build(site: Path) -> float:
    """Seconds of a full ``timeline build`` with no cache."""
    shutil.rmtree(site / ".timeline-cache", ignore_errors=True)
    shutil.rmtree(site / "output", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([str(TIMELINE), "-q", "build", str(site)], check=True)
    return time.perf_counter() - started


def measure_edits(site: Path, edits: int) -> dict[str, list[float]]:
    """Seconds from each write of one article until the open page shows the new text, with
    the article's page open and with the timeline page of the article's new entry open."""
    from playwright.sync_api import sync_playwright

    server = subprocess.Popen(
        [str(TIMELINE), "serve", str(site), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = _wait_for_url(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + "articles/article-00000.html")
            times = {"article page": [_one_edit(page, site, n) for n in range(edits)]}
            page.goto(_timeline_page_of_marker(page, site))
            times["timeline page"] = [_one_edit(page, site, n, dated=True) for n in range(edits)]
            _restore(site)
            return times
    finally:
        server.terminate()  # SIGTERM: SIGINT is ignored when the bench runs in the background
        server.wait(timeout=30)


def _wait_for_url(server: subprocess.Popen[str]) -> str:
    assert server.stderr is not None
    for line in server.stderr:
        match = re.search(r"http://\S+/", line)
        if match:
            return match.group(0)
    raise RuntimeError(f"timeline serve exited with {server.wait()}")


_ARTICLE = Path("content") / "articles" / "article-00000.md"
_MARKER_LINE = re.compile(r"\n\nBenchmark marker[^\n]*\n")


def _one_edit(page: object, site: Path, number: int, *, dated: bool = False) -> float:
    marker = f"Benchmark marker {number} {time.time_ns()}"
    started = _write_marker(site, marker, dated)
    page.wait_for_function(  # type: ignore[attr-defined]
        "m => document.body && document.body.innerText.includes(m)", arg=marker, timeout=60_000
    )
    return time.perf_counter() - started


def _write_marker(site: Path, marker: str, dated: bool) -> float:
    """Put ``marker`` in the article (as a dated sentence if ``dated``); the write's time."""
    path = site / _ARTICLE
    text = _MARKER_LINE.sub("\n", path.read_text(encoding="utf-8"))
    if dated:
        published = dt.date.fromisoformat(re.findall(r"published: (\S+)", text)[0])
        when = f"{published.strftime('%B')} {published.day}, {published.year}"
        marker = f"{marker}: observers toured the depot on {when}."
    started = time.perf_counter()
    path.write_text(text + f"\n{marker}\n", encoding="utf-8")
    return started


def _timeline_page_of_marker(page: object, site: Path) -> str:
    """The address of the timeline page that shows the entry of a dated marker sentence."""
    marker = f"Benchmark marker located {time.time_ns()}"
    _write_marker(site, marker, dated=True)
    page.wait_for_function(  # type: ignore[attr-defined]
        "m => document.body && document.body.innerText.includes(m)", arg=marker, timeout=60_000
    )
    href: str = page.evaluate(  # type: ignore[attr-defined]
        """m => [...document.querySelectorAll('.article-body p')]
                 .find(p => p.innerText.includes(m)).querySelector('a.timex').href""",
        marker,
    )
    return href


def _restore(site: Path) -> None:
    path = site / _ARTICLE
    path.write_text(_MARKER_LINE.sub("\n", path.read_text(encoding="utf-8")), encoding="utf-8")


def machine() -> str:
    """The machine the figures were taken on."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else model
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def main() -> None:
    """Run the benchmark for each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,5000")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold build")
    options = parser.parse_args()
    print(machine())
    for count in (int(s) for s in options.sizes.split(",")):
        site = generate_site(SCRATCH / f"site-{count}", count)
        print(f"{count:>6} articles: load average {_load()} at {time.strftime('%H:%M:%S')}")
        if not options.no_cold:
            cold = cold_build(site)
            print(f"{'':>6}  cold build {cold:6.2f} s")
        for kind, times in measure_edits(site, options.edits).items():
            print(
                f"{'':>6}  {kind:<14} edit → page shows it: median "
                f"{statistics.median(times) * 1000:5.0f} ms, worst {max(times) * 1000:5.0f} ms"
            )
        print(f"{'':>6}  load average {_load()} at {time.strftime('%H:%M:%S')}")


def _load() -> str:
    """The load average of the last minute (the machine may be shared)."""
    return f"{os.getloadavg()[0]:.1f}"


if __name__ == "__main__":
    main()
