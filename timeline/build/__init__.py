"""The one orchestrator: load, extract, merge, render, then write atomically.

Every content error of every file is collected before anything is written; a build with
errors writes nothing, so the previous ``output/`` stays exactly as it was. Beside it:
``store`` (what is kept between builds), ``parallel`` (extraction in worker processes) and
``doubts`` (the doubtful dates a build reports).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import logging
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.bodies import ArticleBodies, release_freed_memory
from timeline.build.doubts import (
    ArticleDoubt,
    Doubt,
    article_doubts,
    doubtful_dates,
    settle_doubts,
)
from timeline.build.kept_lines import KeptLines
from timeline.build.kept_lines import kept_lines as read_kept_lines  # the name is the module's
from timeline.build.store import (
    CACHE_DIR,
    ArticleFile,
    Failure,
    FileStat,
    FileStats,
    LastBuild,
    Progress,
    ShardedStore,
    article_file,
    cached_shard,
    code_fingerprint,
    extract_keyed,
    extraction_salt,
    folder_state,
    input_signature,
    load_cache,
    load_last_build,
    load_merge_record,
    save_cache,
    save_last_build,
    save_merge_record,
    unreadable,
)
from timeline.config import CONFIG_NAME, Config, load_config
from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.extract import find_expressions
from timeline.load import (
    CORRECTIONS_NAME,
    MissingPublicationDate,
    article_paths,
    discover_curated_events,
    load_corrections,
    load_curated_event,
)
from timeline.merge import MergeMemo, merge_events, order_entries
from timeline.merge.corrections import (
    curated_entries,
    hide_entries,
    invalid_redates,
    key_choices,
    redate_and_split,
    stale_corrections,
)
from timeline.merge.rank import rank_entries
from timeline.merge.record import memo_from, record_of
from timeline.model import (
    Article,
    Basis,
    Correction,
    CuratedEvent,
    Extraction,
    SourceLocation,
    Timeline,
)
from timeline.render import LINE_EXPORTS, Reuse, render_changed, theme_dirs
from timeline.write import static_files, write_output

__all__ = [
    "ArticleDoubt",
    "BuildReport",
    "Doubt",
    "Loaded",
    "ReadArticles",
    "article_doubts",
    "build_site",
    "doubtful_dates",
    "duplicate_slugs",
    "explain_content_error",
    "load_curation",
    "load_site",
    "make_timeline",
    "read_articles",
    "settle_doubts",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts, where it wrote, how long each stage took."""

    output: Path
    articles: int
    events: int
    entries: int
    files: int
    changed: int
    """How many files differ from the previous build (the others kept their bytes and times)."""
    timings: Mapping[str, float]
    warnings: tuple[Doubt, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Loaded:
    """The result of the load and extract stages, before merging."""

    config: Config
    extractions: tuple[Extraction, ...]
    curated: tuple[CuratedEvent, ...] = ()
    corrections: tuple[Correction, ...] = ()
    doubts: tuple[tuple[ArticleDoubt, ...], ...] | None = None
    """``article_doubts`` of each extraction, when the build cache gave them."""
    keys: tuple[str, ...] = ()
    """The cache key of each extraction's file (``article_file``), when the cache is used."""


def build_site(
    root: Path,
    *,
    output: Path | None = None,
    drafts: bool = False,
    strict: bool = False,
    jobs: int | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    overrides: dict[str, Any] | None = None,
) -> BuildReport:
    """Build the site at ``root`` into its output folder (or ``output``).

    With ``strict`` (or ``strict = true`` in the config) doubtful dates fail the build.
    ``jobs`` worker processes extract the articles that the cache does not hold.
    """
    timings: dict[str, float] = {}
    config = load_config(root, overrides)
    target = (output or config.output_path).resolve()
    _check_output_folder(target, config)
    folder = config.root / CACHE_DIR if use_cache else None
    with _timed(timings, "read"):
        previous = load_last_build(folder)
        articles = read_articles(config, previous.articles if previous else None)
        options = repr((drafts, strict, str(target), sorted((overrides or {}).items())))
        signature = _input_signature(config, articles, options)
        state = folder_state(target) if previous else {}
    if previous and previous.signature == signature and previous.manifest == state:
        return _unchanged(previous, target, timings)
    bodies = ArticleBodies(folder)  # the articles' text and body HTML wait on disk for their pages
    lines: dict[str, KeptLines] = {}  # the last build's line exports, open for reading
    collecting = gc.isenabled()
    gc.disable()  # loading and merging make millions of lasting objects and no cycles
    try:
        with _timed(timings, "extract"):
            jobs = jobs or os.cpu_count() or 1
            loaded = load_site(config, drafts=drafts, jobs=jobs, use_cache=use_cache,
                               progress=progress, articles=articles, bodies=bodies)  # fmt: skip
            release_freed_memory()
        if loaded.doubts is not None:
            doubts = settle_doubts(loaded.doubts, loaded.corrections)
        else:
            doubts = doubtful_dates(loaded.extractions, loaded.corrections)
        if doubts and (strict or config.strict):
            raise BuildFailed(ContentError(d.location, d.message) for d in doubts)
        with _timed(timings, "merge"):
            timeline = _merge_kept(loaded, folder)
            release_freed_memory()  # what merging worked with
        gc.freeze()  # they last the whole build: later collections need not scan them
        if collecting:
            gc.enable()
        reuse = None
        if folder is not None:
            reuse = Reuse(_render_salt(config, articles, options), {})
            if previous:
                reuse.previous = previous.reusable_pages(state)
                reuse.lines = lines = _previous_lines(previous, state, target)
        with _timed(timings, "render"):  # pages are written as they are rendered
            files = render_changed(timeline, config, reuse=reuse, bodies=bodies, pieces=True)
            written = write_output(target, files, static_files(config))
        if reuse is not None:
            log.debug("%d pages kept unrendered, their inputs unchanged", reuse.kept)
        events = sum(len(x.events) for x in loaded.extractions)
        counts = (len(loaded.extractions), events, len(timeline.entries), written.files)
        kept = tuple((d.location.path, d.location.line, d.message) for d in doubts)
        pages, entries = (reuse.digests, tuple(reuse.entries)) if reuse else ({}, ())
        record = LastBuild(
            signature, folder_state(target), counts, kept, pages, entries, articles.stats
        )
        save_last_build(folder, record)
        return BuildReport(target, *counts, written.changed, timings, doubts)
    finally:
        bodies.close()
        for previous_lines in lines.values():
            previous_lines.close()
        gc.unfreeze()
        if collecting:
            gc.enable()


@dataclass(frozen=True, slots=True)
class ReadArticles:
    """The article files of a site as read, before anything is parsed."""

    files: list[ArticleFile]
    errors: list[ContentError]
    salt: str
    """What else the cache key depends on: the program and the settings that change output."""
    stats: FileStats | None = None
    """The stat and key of each file, for the next build's ``read_articles``."""


def read_articles(config: Config, known: FileStats | None = None) -> ReadArticles:
    """Every article file with its cache key (the only stage that always touches every file).

    A file is read and hashed unless ``known`` (the last build's record) has its key under
    the same salt and the file's size, times and inode are as recorded then; such a file's
    bytes are read only if the cache misses its key (``load_site``).
    """
    if not config.content_path.is_dir():
        raise UsageError(f"{config.content_path}: no content folder")
    salt = extraction_salt(config.day_first)
    started = time.time_ns()
    usable = known if known is not None and known.salt == salt else None
    files, errors, stats = _read_article_files(config, salt, usable)
    return ReadArticles(files, errors, salt, FileStats(salt, started, stats))


def load_site(
    config: Config,
    *,
    drafts: bool = False,
    jobs: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    articles: ReadArticles | None = None,
    bodies: ArticleBodies | None = None,
) -> Loaded:
    """Read and extract every article, collecting all content errors before failing.

    Unchanged articles come from the cache in ``.timeline-cache/``; the others are extracted
    in ``jobs`` worker processes. With ``bodies`` the extractions loaded are lean ones, the
    whole ones kept in ``bodies`` (``ArticleBodies.keep``).
    """
    read = articles or read_articles(config)
    errors, salt = list(read.errors), read.salt
    folder = config.root / CACHE_DIR if use_cache else None
    lean, keep = None, None
    made: dict[str, tuple[ArticleDoubt, ...]] = {}
    if bodies is not None and folder is not None:
        shard = functools.partial(cached_shard, folder, salt)
        lean = functools.partial(bodies.keep_cached, shard=shard)
    if bodies is not None:

        def keep(key: str, extraction: Extraction) -> Extraction:
            made[key] = article_doubts(extraction)  # while it is whole: a lean one cannot tell
            return bodies.keep(key, extraction)

    cached = load_cache(folder, salt, lean)
    files = read.files  # without their bytes: a worker reads each file the cache misses
    keyed = extract_keyed(files, cached, day_first=config.day_first, jobs=jobs,
                          progress=progress, keep=keep, root=config.root, salt=salt)  # fmt: skip
    results = [result for _, result in keyed]
    stored: dict[str, object] = dict.fromkeys(cached)  # the keys: the extractions are kept
    del cached
    extractions = [r for r in results if isinstance(r, Extraction)]
    errors.extend(
        explain_content_error(r.error(), _text_of(config, f))
        for r, f in zip(results, files, strict=True)
        if isinstance(r, Failure)
    )
    fresh = {key: r for key, r in keyed if isinstance(r, Extraction)}
    whole = bodies.wholes(fresh) if bodies is not None else fresh  # read back one at a time
    if fresh.keys() != stored.keys():
        save_cache(folder, salt, whole, stored)
    errors.extend(duplicate_slugs([x.article for x in extractions]))
    curated, corrections, curation_errors = load_curation(config)
    errors.extend(curation_errors)
    if errors:
        raise BuildFailed(errors)
    published = [(key, x) for key, x in fresh.items() if drafts or not x.article.draft]
    doubts = None
    if folder:
        doubts = _cached_doubts(folder, salt, whole, made)
    elif bodies is not None:  # every extraction was new: its doubts were made with it
        doubts = {key: made[key] for key in fresh}
    return Loaded(
        config,
        tuple(x for _, x in published),
        curated,
        corrections,
        tuple(doubts[key] for key, _ in published) if doubts is not None else None,
        tuple(key for key, _ in published) if folder else (),
    )


_DOUBTS: ShardedStore[tuple[ArticleDoubt, ...]] = ShardedStore("doubts", 1)
"""Each article's doubts (``article_doubts``) by the key of its file, beside its extraction."""


def _cached_doubts(
    folder: Path,
    salt: str,
    extractions: Mapping[str, Extraction],
    made: Mapping[str, tuple[ArticleDoubt, ...]] | None = None,
) -> dict[str, tuple[ArticleDoubt, ...]]:
    """``article_doubts`` of every extraction, from the cache where it holds them (or from
    ``made``, those already worked out)."""
    salt = f"{salt}:{code_fingerprint(('build/doubts.py',))}"  # the doubts' wording is there
    cached = _DOUBTS.load(folder, salt)
    known = {**cached, **(made or {})}
    # The others in key order: their whole extractions may be read back from the cache,
    # whose shards hold keys by prefix.
    for key in sorted(extractions.keys() - known.keys()):
        known[key] = article_doubts(extractions[key])
    doubts = {key: known[key] for key in extractions}
    if doubts.keys() != cached.keys():
        _DOUBTS.save(folder, salt, doubts, cached)
    return doubts


def make_timeline(loaded: Loaded, memo: MergeMemo | None = None) -> Timeline:
    """Apply corrections, merge every article's events, add the hand-written entries and
    rank them all (``merge/rank.py``).

    A caller that merges again and again (``serve``) passes a ``memo`` to keep what did
    not change.
    """
    events = [event for x in loaded.extractions for event in x.events]
    handwritten, errors = curated_entries(loaded.curated)
    errors += invalid_redates(loaded.corrections)
    if errors:
        raise BuildFailed(errors)
    corrected, apart = redate_and_split(events, loaded.corrections)
    merged = merge_events(corrected, apart=apart, memo=memo)
    entries = merged
    if loaded.corrections or handwritten:
        stale = stale_corrections(loaded.corrections, events, merged)
        if stale:
            raise BuildFailed(stale)
        entries = order_entries(hide_entries(merged, loaded.corrections) + handwritten)
    pinned, dropped = key_choices(loaded.corrections)
    ranked = rank_entries(entries, loaded.extractions, key_events=loaded.config.key_events,
                          pinned=pinned, dropped=dropped)  # fmt: skip
    return Timeline(loaded.config.title, ranked, loaded.extractions)


def _merge_kept(loaded: Loaded, folder: Path | None) -> Timeline:
    """``make_timeline``, starting from the last build's merge record in the cache when
    there is a usable one, and leaving this build's there for the next."""
    if folder is None or len(loaded.keys) != len(loaded.extractions):
        return make_timeline(loaded)
    articles = list(zip(loaded.keys, (x.events for x in loaded.extractions), strict=True))
    # The corrections re-date events before the merge: another set of them is another merge.
    salt = input_signature([code_fingerprint(("",)).encode(), repr(loaded.corrections).encode()])
    record = load_merge_record(folder, salt)
    memo = memo_from(record, articles) if record is not None else MergeMemo()
    timeline = make_timeline(loaded, memo)
    log.debug("merge: %d blocks merged, %d kept", memo.merged, len(memo.blocks) - memo.merged)
    save_merge_record(folder, salt, record_of(memo, articles))
    return timeline


def load_curation(
    config: Config,
) -> tuple[tuple[CuratedEvent, ...], tuple[Correction, ...], list[ContentError]]:
    """The hand-written events and corrections, and the content errors met reading them."""
    errors: list[ContentError] = []
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
    return tuple(curated), corrections, errors


def explain_content_error(error: ContentError, text: str) -> ContentError:
    """The error as users see it: a missing publication date suggests the text's latest."""
    if isinstance(error, MissingPublicationDate):
        return _with_date_suggestion(error, text)
    return error


_RACY_NS = 2_000_000_000
"""How long before the last build began reading a file must have last changed for its stat
to be trusted: longer than the coarsest clock tick of common file systems' times."""


def _read_article_files(
    config: Config, salt: str, known: FileStats | None
) -> tuple[list[ArticleFile], list[ContentError], dict[str, tuple[FileStat, str]]]:
    files: list[ArticleFile] = []
    errors: list[ContentError] = []
    stats: dict[str, tuple[FileStat, str]] = {}
    recorded = known.files if known is not None else {}
    settled = known.read_at - _RACY_NS if known is not None else 0
    root = f"{config.root}{os.sep}"
    for path in article_paths(config.content_path):  # strings: 10,000 paths on every build
        if path.startswith(root) and os.sep == "/":
            relative = path[len(root) :]
        else:
            relative = Path(path).relative_to(config.root).as_posix()
        try:
            stat = os.stat(path)  # before reading: a change while reading shows next time
            now: FileStat = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            seen = recorded.get(relative)
            if seen is not None and seen[0] == now and max(now[1], now[2]) < settled:
                file = ArticleFile(relative, None, seen[1])
            else:  # the key alone: the bytes are read again if the cache misses it
                file = ArticleFile(
                    relative, None, article_file(relative, Path(path).read_bytes(), salt).key
                )
        except OSError as error:
            errors.append(unreadable(relative, error))
            continue
        files.append(file)
        stats[relative] = (now, file.key)
    return files, errors, stats


def _text_of(config: Config, file: ArticleFile) -> str:
    """The text of a file that failed, read again to explain its error (empty if it cannot)."""
    try:
        data = file.data if file.data is not None else (config.root / file.relative).read_bytes()
    except OSError:
        return ""
    return data.decode("utf-8", errors="replace")


def _with_date_suggestion(error: MissingPublicationDate, text: str) -> ContentError:
    dates = [
        e.date.start
        for e in find_expressions(text, dt.date.today())
        if e.date is not None and e.basis is Basis.EXPLICIT
    ]
    if not dates:
        return error
    hint = f"{error.message}; the text's latest date is {max(dates).isoformat()}"
    return ContentError(error.location, hint)


def duplicate_slugs(articles: list[Article]) -> list[ContentError]:
    """An error for every article whose page name another article already has."""
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


def _input_signature(config: Config, articles: ReadArticles, options: str) -> str:
    pieces = [articles.salt.encode(), code_fingerprint(("",)).encode(), options.encode()]
    pieces.append((config.root / CONFIG_NAME).read_bytes())
    pieces += [f.key.encode() for f in articles.files]
    pieces += [str(error).encode() for error in articles.errors]
    curation = [
        *discover_curated_events(config.content_path),
        config.content_path / CORRECTIONS_NAME,
    ]
    pieces += [p.read_bytes() for p in curation if p.is_file()]
    for theme in theme_dirs(config):
        state = sorted(folder_state(theme).items())
        pieces.append(f"{theme}{state}".encode())
    return input_signature(pieces)


def _previous_lines(
    previous: LastBuild, state: dict[str, tuple[int, int]], target: Path
) -> dict[str, KeptLines]:
    """The lines of the last build's line exports that the output folder still holds as
    it wrote them, each by the digest of its entry, read from the files when asked for
    (they stay as they are until the new output is swapped in); close them after."""
    lines = {}
    for name in LINE_EXPORTS:
        if previous.entries and previous.kept(name, state):
            items = read_kept_lines(target / name, previous.entries)
            if items is not None:
                lines[name] = items
    return lines


def _render_salt(config: Config, articles: ReadArticles, options: str) -> str:
    """What every page depends on besides its own data: the program, the config, the
    theme's templates, the curation and the build options (never the articles)."""
    pieces = [articles.salt.encode(), code_fingerprint(("",)).encode(), options.encode()]
    pieces.append((config.root / CONFIG_NAME).read_bytes())
    curation = [
        *discover_curated_events(config.content_path),
        config.content_path / CORRECTIONS_NAME,
    ]
    pieces += [p.as_posix().encode() + b"\0" + p.read_bytes() for p in curation if p.is_file()]
    for theme in theme_dirs(config):
        for path in sorted((theme / "templates").rglob("*")):
            if path.is_file():
                pieces.append(path.relative_to(theme).as_posix().encode() + b"\0")
                pieces.append(path.read_bytes())
    return input_signature(pieces)


def _unchanged(previous: LastBuild, target: Path, timings: dict[str, float]) -> BuildReport:
    """The report of a build that found every input and output as the last one left them."""
    log.debug("nothing changed since the last build")
    doubts = tuple(
        Doubt(SourceLocation(path, line), message) for path, line, message in previous.doubts
    )
    return BuildReport(target, *previous.counts, 0, timings, doubts)


def _check_output_folder(target: Path, config: Config) -> None:
    """Refuse an output folder that would replace the site itself or its content."""
    protected = [config.root.resolve(), config.content_path.resolve()]
    if any(target == p or target in p.parents for p in protected):
        raise UsageError(f"{target}: the output folder must not hold the site or its content")


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - started
    log.debug("%s took %.3f s", stage, timings[stage])
