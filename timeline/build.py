"""The one orchestrator: load, extract, merge, render, then write atomically.

Every content error of every file is collected before anything is written; a build with
errors writes nothing, so the previous ``output/`` stays exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.config import Config, load_config
from timeline.content import MissingPublicationDate, discover_articles, load_article
from timeline.curate import (
    curated_entries,
    hide_entries,
    invalid_redates,
    redate_and_split,
    stale_corrections,
)
from timeline.curated_content import (
    discover_curated_events,
    load_corrections,
    load_curated_event,
)
from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.extract import extract_article, find_expressions
from timeline.merge import merge_events, order_entries
from timeline.model import (
    Article,
    Basis,
    Correction,
    CuratedEvent,
    Extraction,
    SourceLocation,
    Timeline,
)
from timeline.render import render_site, theme_dirs

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Doubt:
    """A doubtful thing in the content that does not stop the build."""

    location: SourceLocation
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts, where it wrote, how long each stage took."""

    output: Path
    articles: int
    events: int
    entries: int
    files: int
    timings: Mapping[str, float]
    warnings: tuple[Doubt, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Loaded:
    """The result of the load and extract stages, before merging."""

    config: Config
    extractions: tuple[Extraction, ...]
    curated: tuple[CuratedEvent, ...] = ()
    corrections: tuple[Correction, ...] = ()


def build_site(
    root: Path,
    *,
    output: Path | None = None,
    drafts: bool = False,
    strict: bool = False,
    overrides: dict[str, Any] | None = None,
) -> BuildReport:
    """Build the site at ``root`` into its output folder (or ``output``).

    With ``strict`` (or ``strict = true`` in the config) doubtful dates fail the build.
    """
    timings: dict[str, float] = {}
    config = load_config(root, overrides)
    with _timed(timings, "load+extract"):
        loaded = load_site(config, drafts=drafts)
    doubts = doubtful_dates(loaded.extractions)
    if doubts and (strict or config.strict):
        raise BuildFailed(ContentError(d.location, d.message) for d in doubts)
    with _timed(timings, "merge"):
        timeline = make_timeline(loaded)
    with _timed(timings, "render"):
        files = render_site(timeline, config)
    target = (output or config.output_path).resolve()
    _check_output_folder(target, config)
    with _timed(timings, "write"):
        count = write_output(target, files, static_files(config))
    return BuildReport(
        output=target,
        articles=len(loaded.extractions),
        events=sum(len(x.events) for x in loaded.extractions),
        entries=len(timeline.entries),
        files=count,
        timings=timings,
        warnings=doubts,
    )


def load_site(config: Config, *, drafts: bool = False) -> Loaded:
    """Read and extract every article, collecting all content errors before failing."""
    articles, errors = _load_articles(config)
    errors.extend(_duplicate_slugs(articles))
    curated, corrections = _load_curation(config, errors)
    if errors:
        raise BuildFailed(errors)
    published = [a for a in articles if drafts or not a.draft]
    extractions = tuple(extract_article(a, day_first=config.day_first) for a in published)
    return Loaded(config, extractions, curated, corrections)


def make_timeline(loaded: Loaded) -> Timeline:
    """Apply corrections, merge every article's events and add the hand-written entries."""
    events = [event for x in loaded.extractions for event in x.events]
    handwritten, errors = curated_entries(loaded.curated)
    errors += invalid_redates(loaded.corrections)
    if errors:
        raise BuildFailed(errors)
    corrected, apart = redate_and_split(events, loaded.corrections)
    merged = merge_events(corrected, apart=apart)
    stale = stale_corrections(loaded.corrections, events, merged)
    if stale:
        raise BuildFailed(stale)
    entries = order_entries(hide_entries(merged, loaded.corrections) + handwritten)
    return Timeline(loaded.config.title, entries, loaded.extractions)


def doubtful_dates(extractions: tuple[Extraction, ...]) -> tuple[Doubt, ...]:
    """Expressions that could not be resolved, and events dated after their article."""
    warnings = []
    for extraction in extractions:
        article = extraction.article
        for expression in extraction.expressions:
            if not expression.resolved:
                warnings.append(
                    Doubt(
                        SourceLocation(article.path, article.line_of(expression.start)),
                        f"'{expression.text}' could not be resolved to a date",
                    )
                )
        for event in extraction.events:
            if event.expression is not None and event.date.start > article.published_date:
                warnings.append(
                    Doubt(
                        SourceLocation(article.path, event.line),
                        f"'{event.expression.text if event.expression else ''}' dates an event "
                        f"after the article was published ({event.date.value})",
                    )
                )
    return tuple(warnings)


def static_files(config: Config) -> dict[str, Path]:
    """The theme's static files by output path; the site's own theme files win."""
    files: dict[str, Path] = {}
    for theme in reversed(theme_dirs(config)):
        folder = theme / "static"
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    return files


def write_output(target: Path, files: Mapping[str, bytes], static: Mapping[str, Path]) -> int:
    """Write the whole site into a fresh folder, then swap it in for ``target`` at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        for relative, data in sorted(files.items()):
            _write_file(fresh / relative, data)
        for relative, source in sorted(static.items()):
            if relative not in files:
                _write_file(fresh / relative, source.read_bytes())
        _swap_in(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return len(files) + len(static.keys() - files.keys())


def _load_articles(config: Config) -> tuple[list[Article], list[ContentError]]:
    if not config.content_path.is_dir():
        raise UsageError(f"{config.content_path}: no content folder")
    articles: list[Article] = []
    errors: list[ContentError] = []
    for path in discover_articles(config.content_path):
        try:
            articles.append(load_article(path, config.root))
        except MissingPublicationDate as error:
            errors.append(_with_date_suggestion(error, path))
        except ContentError as error:
            errors.append(error)
        except OSError as error:
            errors.append(ContentError(SourceLocation(str(path), 1), f"cannot read: {error}"))
    return articles, errors


def _load_curation(
    config: Config, errors: list[ContentError]
) -> tuple[tuple[CuratedEvent, ...], tuple[Correction, ...]]:
    curated = []
    for path in discover_curated_events(config.content_path):
        try:
            curated.append(load_curated_event(path, config.root))
        except ContentError as error:
            errors.append(error)
    try:
        corrections = load_corrections(config.content_path, config.root)
    except ContentError as error:
        errors.append(error)
        corrections = ()
    return tuple(curated), corrections


def _with_date_suggestion(error: MissingPublicationDate, path: Path) -> ContentError:
    text = path.read_text(encoding="utf-8", errors="replace")
    dates = [
        e.date.start
        for e in find_expressions(text, dt.date.today())
        if e.date is not None and e.basis is Basis.EXPLICIT
    ]
    if not dates:
        return error
    hint = f"{error.message}; the text's latest date is {max(dates).isoformat()}"
    return ContentError(error.location, hint)


def _duplicate_slugs(articles: list[Article]) -> list[ContentError]:
    first: dict[str, Article] = {}
    errors = []
    for article in articles:
        if article.slug in first:
            other = first[article.slug].path
            errors.append(
                ContentError(
                    SourceLocation(article.path, 1),
                    f"same page name '{article.slug}' as {other}; rename one of the files",
                )
            )
        first.setdefault(article.slug, article)
    return errors


def _check_output_folder(target: Path, config: Config) -> None:
    """Refuse an output folder that would replace the site itself or its content."""
    protected = [config.root.resolve(), config.content_path.resolve()]
    if any(target == p or target in p.parents for p in protected):
        raise UsageError(f"{target}: the output folder must not hold the site or its content")


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _swap_in(fresh: Path, target: Path) -> None:
    os.chmod(fresh, 0o755)
    if not target.exists():
        os.rename(fresh, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rename(target, old / target.name)
    os.rename(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - started
    log.debug("%s took %.3f s", stage, timings[stage])
