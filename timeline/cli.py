"""The ``timeline`` command."""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click

from timeline import DISTRIBUTION
from timeline.errors import BuildFailed, TimelineError, UsageError, plural

if TYPE_CHECKING:  # each command imports the stages it runs, inside it: a command loads
    # only its own code, and a build with nothing changed none of the stages it skips
    from timeline.build import BuildReport
    from timeline.build.report import Doubt
    from timeline.deploy import DeployResult

P = ParamSpec("P")
R = TypeVar("R")
SITE_DIR = click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print the package's errors as ``path:line: message`` and exit with their code."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except BuildFailed as failure:
            for error in failure.errors:
                click.echo(str(error), err=True)
            click.echo(f"Error: {failure}", err=True)
            raise SystemExit(failure.exit_code) from None
        except TimelineError as error:
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                logging.exception("details")
            click.echo(f"Error: {error}", err=True)
            raise SystemExit(error.exit_code) from None
        except OSError as error:  # a file-system fault no stage explained: one line still
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                logging.exception("details")
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"Error: {where}{error.strerror or error}", err=True)
            raise SystemExit(1) from None

    return wrapper


def _set_level(context: click.Context, parameter: click.Parameter, value: bool) -> None:
    """``-v`` and ``-q`` before or after the command's name: both set the level."""
    if value:
        level = logging.DEBUG if parameter.name == "verbose" else logging.ERROR
        logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)


def verbosity(command: Callable[P, R]) -> Callable[P, R]:
    """The ``-v``/``-q`` options, on the group and on every command."""
    quiet = click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, callback=_set_level,
        help="Print errors only.",
    )  # fmt: skip
    verbose = click.option(
        "-v", "--verbose", is_flag=True, expose_value=False, callback=_set_level,
        help="Show each stage's timing, every warning and tracebacks.",
    )  # fmt: skip
    return verbose(quiet(command))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION)
@click.option("-v", "--verbose", is_flag=True, help="Show each stage's timing and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def main(verbose: bool, quiet: bool) -> None:
    """Turn news articles into one dated, sourced timeline and publish it as a static site."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops a command as Ctrl-C does: what it was writing is cleaned up."""
    raise KeyboardInterrupt


@main.command()
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
    _print_report(report)


def _progress_bar() -> Callable[[int, int], None] | None:
    """A one-line count on a terminal for builds that take more than a moment."""
    if not sys.stderr.isatty() or not logging.getLogger().isEnabledFor(logging.INFO):
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 50 == 0 or done == total):
            click.echo(f"\rExtracting articles: {done}/{total}", err=True, nl=done == total)

    return show


@main.command()
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
    from timeline.cli_inspect import explain_rank, set_aside_line, set_aside_summary
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
    click.echo(f"Read {read}: {entries}, {_warning_counts(warnings)}", err=True)
    if aside:
        click.echo(set_aside_summary(aside, listed=list_set_aside), err=True)
    if strict and warnings:
        raise SystemExit(1)


def _warning_counts(warnings: Iterable[Doubt]) -> str:
    """``no warnings``, or ``3 warnings (2 doubtful dates, 1 not in English)``."""
    kinds: dict[str, int] = {}
    for warning in warnings:
        kinds[warning.kind] = kinds.get(warning.kind, 0) + 1
    if not kinds:
        return "no warnings"
    parts = [_KIND_WORDS[kind](count) for kind, count in sorted(kinds.items())]
    return f"{plural(sum(kinds.values()), 'warning')} ({', '.join(parts)})"


_KIND_WORDS: dict[str, Callable[[int], str]] = {
    "date": lambda n: plural(n, "doubtful date"),
    "expected": lambda n: f"{plural(n, 'entry', 'entries')} only expected",
    "front matter": lambda n: plural(n, "front matter note"),
    "language": lambda n: f"{plural(n, 'article')} not in English",
}


@main.command()
@click.argument("what", nargs=-1, required=True, metavar='DIRECTORY | article "TITLE"')
@click.option(
    "--site",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The site that gets the new article.",
)
@verbosity
@reports_errors
def new(what: tuple[str, ...], site: Path) -> None:
    """Create a new site in DIRECTORY, or a new dated article in a site
    (timeline new article "Ceasefire talks resume")."""
    from timeline.skeleton import create_site

    if what[0] == "article":
        _new_article(what[1:], site)
        return
    if len(what) != 1:
        raise UsageError('give one DIRECTORY, or: timeline new article "Title"')
    directory = Path(what[0])
    requirements = create_site(directory)
    click.echo(f"Created a new timeline site in {directory}:")
    click.echo("  timeline.toml                        the site's settings")
    click.echo("  content/articles/example-talks-resume.md   an example article")
    click.echo("  .github/workflows/pages.yml          builds and publishes it on GitHub Pages")
    if requirements.wheel is not None:
        click.echo(f"  requirements.txt, wheels/{requirements.wheel[0]}")
        click.echo("                                       this very timeline, for the workflow")
    else:
        click.echo("  requirements.txt                     this very timeline, for the workflow")
    click.echo(f'Next: cd {directory} && timeline new article "Title" && timeline serve')


def _new_article(titles: tuple[str, ...], site: Path) -> None:
    from timeline.config import load_config
    from timeline.skeleton import create_article

    if len(titles) != 1:
        raise UsageError(
            'timeline new article "Title" takes one title (in quotes); '
            "for a site named article: timeline new ./article"
        )
    config = load_config(site.resolve())
    path = create_article(config.content_path, titles[0], dt.date.today())
    shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
    click.echo(f"Created {shown}: paste the report's text, fill in source and url,")
    click.echo("and set draft: false (until then only `timeline serve --drafts` shows it)")


@main.command()
@SITE_DIR
@click.option("--remote", default="origin", show_default=True, help="The git remote to push to.")
@click.option(
    "--branch", default="gh-pages", show_default=True, help="The branch that receives the site."
)
@click.option("-m", "--message", help="The commit subject (default: names the source commit).")
@click.option("--cname", help="A custom domain: written to CNAME, the site is at https://DOMAIN/.")
@click.option("--no-push", is_flag=True, help="Commit to the local branch only.")
@click.option("--dry-run", is_flag=True, help="Build, show what would be published, change no ref.")
@click.option(
    "--force",
    is_flag=True,
    help="Publish over a branch timeline did not write, a base_url that does not fit the remote, "
    "or a rejected push.",
)
@verbosity
@reports_errors
def deploy(
    directory: Path,
    remote: str,
    branch: str,
    message: str | None,
    cname: str | None,
    no_push: bool,
    dry_run: bool,
    force: bool,
) -> None:
    """Build the site, commit its output to the gh-pages branch and push it."""
    from timeline.build import build_site
    from timeline.config import load_config
    from timeline.deploy import DeployOptions, normalize_cname, plan_deploy, publish

    root = directory.resolve()
    options = DeployOptions(
        remote=remote,
        branch=branch,
        message=message,
        cname=normalize_cname(cname),
        base_url=load_config(root).base_url,
        push=not no_push,
        dry_run=dry_run,
        force=force,
    )
    plan = plan_deploy(root, options)
    report = build_site(root)
    _print_report(report)
    _print_deploy(publish(plan, report.output))


@main.command()
@SITE_DIR
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0: any free."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a web browser.")
@click.option("--poll", is_flag=True, help="Poll for changes (network mounts, containers).")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--full-render", is_flag=True, help="Render every page on every change.")
@verbosity
@reports_errors
def serve(
    directory: Path,
    host: str,
    port: int,
    open_browser: bool,
    poll: bool,
    drafts: bool,
    full_render: bool,
) -> None:
    """Serve the site from memory, rebuild on every change and reload open pages."""
    from timeline.serve import ServeOptions, serve_site

    options = ServeOptions(
        root=directory,
        host=host,
        port=port,
        open_browser=open_browser,
        poll=poll,
        drafts=drafts,
        full_render=full_render,
    )
    serve_site(options)


@main.command()
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
    from timeline.cli_inspect import (
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


def _print_report(report: BuildReport) -> None:
    log = logging.getLogger("timeline")
    for warning in report.warnings:  # an article whose dates are not read: always said
        log.log(logging.WARNING if warning.kind == "language" else logging.DEBUG, "%s", warning)
    if report.warnings:
        log.warning("%s: see `timeline check`", _warning_counts(report.warnings))
    log.info(
        "Built %s from %s in %s: %s (%d changed) in %s",
        plural(report.entries, "entry", "entries"),
        plural(report.events, "event"),
        plural(report.articles, "article"),
        plural(report.files, "file"),
        report.changed,
        report.output,
    )
    for stage, seconds in report.timings.items():
        log.debug("  %-14s %6.3f s", stage, seconds)


def _print_deploy(result: DeployResult) -> None:
    count = plural(len(result.files), "file")
    parent = f"on top of {result.parent[:7]}" if result.parent else "as a new branch"
    push = f"push to {result.remote}" if result.pushed else "keep it local (--no-push)"
    if result.dry_run:
        click.echo(f"Dry run: would commit {count} to {result.branch} {parent} and {push}")
    elif result.unchanged:
        click.echo(f"Nothing changed: {result.branch} already has this site, no new commit")
    else:
        click.echo(f"Committed {count} to {result.branch} {parent}: {(result.commit or '')[:7]}")
    if not result.dry_run:
        click.echo(
            f"Pushed to {result.remote}"
            if result.pushed
            else f"Not pushed; publish with: git push {result.remote} {result.branch}"
        )
    if result.url:
        click.echo(f"The site {'would be' if result.dry_run else 'will be'} at {result.url}")


def run() -> None:
    """The ``timeline`` command as a program."""
    main()
