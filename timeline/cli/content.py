"""The commands that read a site's content: ``build``, ``check`` and ``extract``.

Each imports the stages it runs inside it: a build that finds nothing changed loads none
of them, and what ``check`` and ``extract`` print is in ``inspect.py``.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from timeline.cli.common import SITE_DIR, print_report, reports_errors, verbosity, warning_counts
from timeline.errors import plural


@click.command()
@SITE_DIR
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the site here instead of the configured output folder.",
)
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--strict", is_flag=True, help="Fail on doubtful dates, not just warn.")
@click.option("--clean", is_flag=True, help="Ignore the build cache and extract everything anew.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for extraction (default: the number of cores).",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' "
    "for one started here (pip install 'timeline[dask]').",
)
@verbosity
@reports_errors
def build(
    directory: Path,
    output: Path | None,
    drafts: bool,
    strict: bool,
    clean: bool,
    jobs: int | None,
    dask: str | None,
) -> None:
    """Build the site in DIRECTORY (default: here) into its output folder."""
    from timeline.build import build_site

    report = build_site(
        directory.resolve(),
        output=output,
        drafts=drafts,
        strict=strict,
        jobs=jobs,
        use_cache=not clean,
        progress=_progress_bar(),
        dask=dask,
    )
    print_report(report)


def _progress_bar() -> Callable[[int, int], None] | None:
    """A one-line count on a terminal for builds that take more than a moment."""
    if not sys.stderr.isatty() or not logging.getLogger().isEnabledFor(logging.INFO):
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 50 == 0 or done == total):
            click.echo(f"\rExtracting articles: {done}/{total}", err=True, nl=done == total)

    return show


@click.command()
@SITE_DIR
@click.option("--drafts", is_flag=True, help="Check drafts too.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any warning.")
@click.option(
    "--set-aside",
    "list_set_aside",
    is_flag=True,
    help="List each dated sentence that is not told as a happening, with its id.",
)
@click.option(
    "--explain",
    metavar="ID",
    help="Show why the entry ID (or the entry of event ID) ranks where it does.",
)
@verbosity
@reports_errors
def check(
    directory: Path, drafts: bool, strict: bool, list_set_aside: bool, explain: str | None
) -> None:
    """Validate the content and list what an editor should look at, writing nothing."""
    from timeline.build import load_site, make_timeline
    from timeline.build.doubts import expected_only, site_doubts
    from timeline.cli.inspect import explain_rank, set_aside_line, set_aside_summary
    from timeline.config import load_config
    from timeline.merge.corrections import set_aside_events

    config = load_config(directory.resolve())
    loaded = load_site(config, drafts=drafts)
    timeline = make_timeline(loaded)
    if explain is not None:
        for line in explain_rank(timeline, explain, loaded.corrections):
            click.echo(line)
        return
    warnings = site_doubts(loaded.doubts, loaded.articles, loaded.corrections)
    warnings += expected_only(timeline)
    for warning in sorted(warnings, key=lambda w: (w.location.path, w.location.line)):
        click.echo(f"{warning}")
    events = [event for article in loaded.articles for event in article.events]
    aside = set_aside_events(events, loaded.corrections)
    if list_set_aside:
        for event in aside:
            click.echo(set_aside_line(event))
    read = plural(len(loaded.articles), "article")
    entries = plural(len(timeline.entries), "entry", "entries")
    click.echo(f"Read {read}: {entries}, {warning_counts(warnings)}", err=True)
    if aside:
        click.echo(set_aside_summary(aside, listed=list_set_aside), err=True)
    if strict and warnings:
        raise SystemExit(1)


@click.command()
@click.argument("path", required=False, default="-")
@click.option("--published", help="The publication date (YYYY-MM-DD) relative dates resolve to.")
@click.option(
    "--format", "form", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@click.option("--events", is_flag=True, help="Print dated events instead of expressions.")
@click.option(
    "--batch", is_flag=True, help='Read JSON lines {"id", "text", "published"} and answer each.'
)
@click.option("--day-first", is_flag=True, help="Read 10/7/2023 as 10 July.")
@verbosity
@reports_errors
def extract(
    path: str, published: str | None, form: str, events: bool, batch: bool, day_first: bool
) -> None:
    """Print the temporal expressions (or events) of PATH, or of standard input ('-')."""
    from timeline.cli.inspect import (
        article_for_extraction,
        event_json,
        expression_json,
        extract_batch,
        table_row,
    )
    from timeline.extract import extract_article

    if batch:
        extract_batch(sys.stdin, day_first)
        return
    article = article_for_extraction(path, published)
    extraction = extract_article(article, day_first=day_first)
    rows: Iterable[dict[str, Any]] = (
        (event_json(e) for e in extraction.events)
        if events
        else (expression_json(e) for e in extraction.expressions)
    )
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if form == "jsonl" else table_row(row))
