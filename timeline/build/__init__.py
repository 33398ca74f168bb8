"""The one orchestrator: load, extract, merge, render, then write atomically.

Every content error of every file is collected before anything is written; a build with
errors writes nothing, so the previous ``output/`` stays exactly as it was. Beside it:
``inputs`` (the article files and the one rule for "unchanged"), ``store`` (what is kept
between builds), ``extraction`` (articles from the store or extracted), ``parallel`` (where
the work runs) and ``doubts`` (the doubtful dates a build reports).
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.build.inputs import (
    ReadArticles,
    folder_state,
    input_signature,
    read_articles,
    site_salt,
)
from timeline.build.report import ArticleDoubt, Doubt
from timeline.build.store import CACHE_DIR, LastBuild, Store, last_build, save_last_build
from timeline.config import Config, load_config
from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.load.themes import theme_dirs
from timeline.model import (
    ArticleEvents,
    Correction,
    CuratedEvent,
    Entry,
    SourceLocation,
    Timeline,
)

if TYPE_CHECKING:  # the stages are imported where they run: a build with nothing changed
    # needs none of them, and ``timeline`` starts faster without them (see build_site)
    from timeline.build.extraction import Progress
    from timeline.build.kept import TagMemo
    from timeline.build.parallel import Workers
    from timeline.merge import MergeMemo
    from timeline.merge.mentions import DateMentions
    from timeline.merge.traits import Traits
    from timeline.render import Reuse

__all__ = [
    "BuildReport",
    "Inputs",
    "Loaded",
    "build_site",
    "load_site",
    "make_timeline",
    "read_inputs",
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
    articles: tuple[ArticleEvents, ...]
    curated: tuple[CuratedEvent, ...] = ()
    corrections: tuple[Correction, ...] = ()
    doubts: tuple[tuple[ArticleDoubt, ...], ...] = ()
    """The doubts of each article (``doubts.article_doubts``), before corrections."""


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
    dask: str | None = None,
) -> BuildReport:
    """Build the site at ``root`` into its output folder (or ``output``).

    With ``strict`` (or ``strict = true`` in the config) doubtful dates fail the build.
    The articles the store does not hold are extracted in ``jobs`` processes, or on the
    Dask cluster at ``dask`` (``local``: one started here).
    """
    timings: dict[str, float] = {}
    config = load_config(root, overrides)
    target = _output_folder(config, output)
    options = repr((drafts, strict, str(target), sorted((overrides or {}).items())))
    with open_store(config, use_cache) as store:
        with _timed(timings, "read"):
            inputs = read_inputs(config, store, target, options)
        if inputs.last is not None and inputs.unchanged:
            return _unchanged(inputs.last, target, timings)
        # Imported here, not above: a build that found nothing changed never needs them.
        from timeline.build.extraction import StoredBodies
        from timeline.build.kept import merge_kept
        from timeline.build.parallel import Workers
        from timeline.render import Reuse, render_files
        from timeline.write import static_files, write_output

        with scratch_store() as scratch:
            with _timed(timings, "extract"), Workers(jobs, dask) as workers:  # ended after it
                loaded = load_site(
                    config, inputs.read, store, workers, drafts=drafts, progress=progress,
                    scratch=scratch,
                )  # fmt: skip
            doubts = _settled_doubts(loaded, strict or config.strict)
            with _timed(timings, "merge"):
                timeline = merge_kept(loaded, store)  # from what the last build kept
            reuse = Reuse(inputs.salt, inputs.reusable_pages)
            salt = inputs.read.stats.salt
            bodies = StoredBodies(store, scratch, config.root, config.day_first, salt)
            with _timed(timings, "render"):  # pages are written as they are rendered
                files = render_files(timeline, config, bodies, reuse=reuse, pieces=True)
                written = write_output(target, files, static_files(config))
            events = sum(len(article.events) for article in loaded.articles)
            counts = (len(loaded.articles), events, len(timeline.entries), written.files)
            _keep_record(store, inputs, target, counts, doubts, reuse)
    return BuildReport(target, *counts, written.changed, timings, doubts)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build found before doing anything: the article files and their keys, the
    pages' salt, the signature of every input and the last build's record."""

    read: ReadArticles
    salt: str
    signature: str
    state: dict[str, tuple[int, int]]
    """Size and time of every file of the output folder (when there is a last build)."""
    last: LastBuild | None

    @property
    def unchanged(self) -> bool:
        """True when every input and output is as the last build left it."""
        return self.last is not None and self.last.unchanged(self.signature, self.state)

    @property
    def reusable_pages(self) -> dict[str, str]:
        """The last build's page digests still true of the output folder."""
        return self.last.reusable_pages(self.state) if self.last is not None else {}


def read_inputs(config: Config, store: Store, target: Path, options: str) -> Inputs:
    """The inputs of a build of ``config`` into ``target`` with ``options``."""
    last = last_build(store)
    read = read_articles(config, last.articles if last else None)
    salt = site_salt(config, options, theme_dirs(config))
    state = folder_state(target) if last else {}
    return Inputs(read, salt, _signature(config, read, salt), state, last)


def _settled_doubts(loaded: Loaded, strict: bool) -> tuple[Doubt, ...]:
    """The doubts no correction settled; with ``strict`` they fail the build."""
    from timeline.build.doubts import site_doubts

    doubts = site_doubts(loaded.doubts, loaded.articles, loaded.corrections)
    if doubts and strict:
        raise BuildFailed(ContentError(d.location, d.message) for d in doubts)
    return doubts


def _keep_record(
    store: Store,
    inputs: Inputs,
    target: Path,
    counts: tuple[int, int, int, int],
    doubts: tuple[Doubt, ...],
    reuse: Reuse,
) -> None:
    """Keep what the next build needs to know of this one."""
    log.debug("%d pages kept unrendered, their inputs unchanged", reuse.kept)
    kept = tuple((d.location.path, d.location.line, d.message, d.kind) for d in doubts)
    manifest = folder_state(target)
    record = LastBuild(inputs.signature, manifest, counts, kept, reuse.digests, inputs.read.stats)
    save_last_build(store, record)


def load_site(
    config: Config,
    read: ReadArticles | None = None,
    store: Store | None = None,
    workers: Workers | None = None,
    *,
    drafts: bool = False,
    progress: Progress | None = None,
    scratch: Store | None = None,
) -> Loaded:
    """Read and extract every article (from ``store`` where it holds them), collecting all
    content errors before failing; drafts are left out unless ``drafts``. The HTML of the
    bodies extracted goes to ``scratch``."""
    from timeline.build.extraction import extract_articles
    from timeline.load.site import duplicate_slugs, load_curation

    read = read or read_articles(config)
    store = store or Store(None)
    extracted = extract_articles(
        read.files,
        store,
        workers,
        root=config.root,
        day_first=config.day_first,
        salt=read.stats.salt,
        progress=progress,
        scratch=scratch,
    )
    errors = [*read.errors, *extracted.errors]
    errors.extend(duplicate_slugs(article.article for article in extracted.articles))
    curated, corrections, curation_errors = load_curation(config)
    errors.extend(curation_errors)
    if errors:
        raise BuildFailed(errors)
    published = [
        (article, doubts)
        for article, doubts in zip(extracted.articles, extracted.doubts, strict=True)
        if drafts or not article.article.draft
    ]
    articles = tuple(article for article, _ in published)
    return Loaded(config, articles, curated, corrections, tuple(d for _, d in published))


def make_timeline(
    loaded: Loaded,
    memo: MergeMemo | None = None,
    tags: TagMemo | None = None,
    mentions: Callable[[], DateMentions] | None = None,
    traits: Callable[[Entry], Traits] | None = None,
) -> Timeline:
    """Apply corrections, merge every article's events, add the hand-written entries,
    rank them all (``merge/rank.py``) and keep the tags that fit each (``merge/tags.py``).

    A caller that merges again and again (``serve``, a build from what the last one kept)
    passes a ``memo`` and ``tags`` to keep what did not change, and ``mentions`` when it
    keeps what the articles (as corrected) say of each day (``merge/mentions.py``): called
    when the ranking needs it; and ``traits`` when it keeps what the ranking reads of each
    entry alone (``rank.Traits``).
    """
    from timeline.merge import merge_events, order_entries
    from timeline.merge.corrections import (
        curated_entries,
        hide_entries,
        invalid_redates,
        key_choices,
        redate_and_split,
        stale_corrections,
    )
    from timeline.merge.rank import entry_traits, rank_entries
    from timeline.merge.tags import fit_tags

    events = [event for article in loaded.articles for event in article.events]
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
    articles = corrected_articles(loaded.articles, loaded.corrections)
    ranked = rank_entries(entries, articles, key_events=loaded.config.key_events,
                          pinned=pinned, dropped=dropped,
                          mentions=mentions() if mentions is not None else None,
                          traits=traits or entry_traits)  # fmt: skip
    fitted = tags.fit(ranked) if tags is not None else fit_tags(ranked)
    return Timeline(loaded.config.title, fitted, articles)


def corrected_articles(
    articles: Sequence[ArticleEvents], corrections: tuple[Correction, ...]
) -> tuple[ArticleEvents, ...]:
    """The articles with their events as the editors corrected them (re-dated, restored,
    dropped): as the merge saw them, and as their pages and the ranking show them."""
    from timeline.merge.corrections import redate_and_split

    if not corrections:
        return tuple(articles)
    return tuple(
        replace(article, events=redate_and_split(article.events, corrections)[0])
        for article in articles
    )


@contextmanager
def open_store(config: Config, use_cache: bool) -> Iterator[Store]:
    """The site's store; without ``use_cache``, or when the site's cannot be used, a
    store of this build alone, so that the pages still find the articles' bodies."""
    if use_cache:
        with Store(config.root / CACHE_DIR) as store:
            if store.usable:
                yield store
                return
    with scratch_store() as own:
        yield own


@contextmanager
def scratch_store() -> Iterator[Store]:
    """A store of one build alone, in a temporary folder removed after it."""
    with tempfile.TemporaryDirectory(prefix="timeline-") as folder, Store(Path(folder)) as own:
        yield own


def _signature(config: Config, read: ReadArticles, salt: str) -> str:
    """A digest of every input of a build: the pages' salt (program, config, templates,
    curation, options), the articles' keys and errors and every theme file's state."""
    pieces = [salt.encode(), read.stats.salt.encode()]
    pieces += [f"{f.relative}\0{f.key}".encode() for f in read.files]
    pieces += [str(error).encode() for error in read.errors]
    for theme in theme_dirs(config):
        pieces.append(f"{theme}{sorted(folder_state(theme).items())}".encode())
    return input_signature(pieces)


def _unchanged(previous: LastBuild, target: Path, timings: dict[str, float]) -> BuildReport:
    """The report of a build that found every input and output as the last one left them."""
    log.debug("nothing changed since the last build")
    doubts = tuple(
        Doubt(SourceLocation(path, line), message, kind)
        for path, line, message, kind in previous.doubts
    )
    return BuildReport(target, *previous.counts, 0, timings, doubts)


def _output_folder(config: Config, output: Path | None) -> Path:
    """The output folder; one that would replace the site itself or its content is refused.

    Made absolute with its parent's links resolved, but not its own: an output folder that
    is a link must be seen as one (``write_output`` refuses it).
    """
    absolute = Path(os.path.abspath(output or config.output_path))
    target = absolute.parent.resolve() / absolute.name
    protected = [config.root.resolve(), config.content_path.resolve()]
    if any(target == p or target in p.parents for p in protected):
        raise UsageError(f"{target}: the output folder must not hold the site or its content")
    return target


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - started
    log.debug("%s took %.3f s", stage, timings[stage])
