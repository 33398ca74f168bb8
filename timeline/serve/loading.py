"""Incremental loading for the serve session: only changed articles are read and extracted.

Files are keyed as the build keys them (``build.inputs``): a file that is unchanged by
the build's rule is not read again, and one whose key is known is not extracted again.
The first load takes what ``timeline build`` keeps in its store (read only). The results
are those ``timeline.build.load_site`` gives.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.build import Loaded
from timeline.build.doubts import ArticleDoubt
from timeline.build.extraction import extract_articles
from timeline.build.inputs import FileStats, read_articles
from timeline.build.parallel import Workers
from timeline.build.store import CACHE_DIR, Store
from timeline.config import Config
from timeline.errors import BuildFailed
from timeline.load.site import duplicate_slugs, load_curation
from timeline.model import ArticleBody, ArticleEvents
from timeline.render import Bodies, prepare_body
from timeline.render.article import PreparedBody

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one article file gave: its article, doubts, body and the body made ready for
    its page (None: not made yet)."""

    article: ArticleEvents
    doubts: tuple[ArticleDoubt, ...]
    body: ArticleBody
    prepared: PreparedBody | None


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    """The loaded site and how many article files had to be extracted again."""

    loaded: Loaded
    reread: int


_STORE_FROM = 64
"""From how many articles to extract on one load (the first, usually) serve reads what
``timeline build`` keeps in its store, instead of extracting again."""


class ArticleCache:
    """Every article of one serve session, by the key of its file."""

    def __init__(self) -> None:
        self._results: dict[str, ArticleResult] = {}
        self._stats: FileStats | None = None
        self._settings: tuple[Path, bool] | None = None

    def load(self, config: Config) -> LoadOutcome:
        """Every article of the site, extracting only what changed; content errors all at once.

        The articles to extract (all of them on the first load) are extracted in worker
        processes, as ``timeline build`` does.
        """
        settings = (config.root, config.day_first)
        if settings != self._settings:
            self._results, self._stats, self._settings = {}, None, settings
        read = read_articles(config, self._stats)
        self._stats = read.stats
        known = self._results
        new = [f for f in read.files if f.key not in known]
        folder = config.root / CACHE_DIR if len(new) >= _STORE_FROM else None
        bodies: dict[str, tuple[ArticleBody, PreparedBody | None]] = {}
        with Store(folder, write=False) as store, Workers() as workers:
            extracted = extract_articles(
                new,
                store,
                workers,
                root=config.root,
                day_first=config.day_first,
                salt=read.stats.salt,
                bodies=bodies,
            )
        made = zip(extracted.articles, extracted.doubts, strict=True)
        fresh = {a.key: ArticleResult(a, d, *bodies[a.key]) for a, d in made}
        # A new dict, never the last one changed: the last version's bodies read it still.
        self._results = {}
        for file in read.files:
            found = known.get(file.key) or fresh.get(file.key)
            if found is not None:  # None: the file did not extract (its error is listed)
                self._results[file.key] = found
        errors = [*read.errors, *extracted.errors]
        results = list(self._results.values())
        errors.extend(duplicate_slugs(r.article.article for r in results))
        curated, corrections, curation_errors = load_curation(config)
        errors.extend(curation_errors)
        if errors:
            raise BuildFailed(errors)
        articles = tuple(r.article for r in results)
        doubts = tuple(r.doubts for r in results)
        return LoadOutcome(Loaded(config, articles, curated, corrections, doubts), len(new))

    def bodies(self) -> Bodies:
        """The bodies of the articles of the last load made ready for their pages."""
        results = self._results  # replaced, never changed, by the next load
        made: dict[str, PreparedBody] = {}

        def body_of(article: ArticleEvents) -> PreparedBody:
            result = results[article.key]
            prepared = result.prepared or made.get(article.key)
            if prepared is None:  # a body read from the build's store: made ready once
                prepared = made[article.key] = prepare_body(result.body)
            return prepared

        return body_of


def published_only(loaded: Loaded, drafts: bool) -> Loaded:
    """The loaded site without draft articles, unless ``drafts``."""
    if drafts or not any(a.article.draft for a in loaded.articles):
        return loaded
    kept = [
        (a, d) for a, d in zip(loaded.articles, loaded.doubts, strict=True) if not a.article.draft
    ]
    return replace(loaded, articles=tuple(a for a, _ in kept), doubts=tuple(d for _, d in kept))
