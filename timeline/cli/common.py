"""What every command shares: the site argument, ``-v``/``-q``, errors printed as
``path:line: message``, and the build's report."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from timeline.errors import BuildFailed, TimelineError, plural

if TYPE_CHECKING:
    from timeline.build import BuildReport
    from timeline.build.report import Doubt

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


def warning_counts(warnings: Iterable[Doubt]) -> str:
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


def print_report(report: BuildReport) -> None:
    log = logging.getLogger("timeline")
    for warning in report.warnings:  # an article whose dates are not read: always said
        log.log(logging.WARNING if warning.kind == "language" else logging.DEBUG, "%s", warning)
    if report.warnings:
        log.warning("%s: see `timeline check`", warning_counts(report.warnings))
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
