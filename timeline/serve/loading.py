"""Incremental loading for the serve session: only changed articles are re-read and re-extracted.

Each article file is remembered by its stat signature and the hash of its bytes; a file whose
signature is unchanged is not even read again, and one whose bytes hash is unchanged is not
parsed again. The results are the same as :func:`timeline.build.load_site` would give.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.build import Loaded, duplicate_slugs, explain_content_error, load_curation
from timeline.build.store import (
    CACHE_DIR,
    Failure,
    article_file,
    extract_files,
    extraction_salt,
    load_cache,
)
from timeline.config import Config
from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.load import article_paths
from timeline.model import Extraction, SourceLocation

log = logging.getLogger(__name__)

Signature = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one article file gave the last time it was read: an extraction or an error."""

    signature: Signature
    digest: bytes
    extraction: Extraction | None
    error: ContentError | None


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    """The loaded site and how many article files had to be read again."""

    loaded: Loaded
    reread: int


class ArticleCache:
    """Per-article results of one serve session, by file path."""

    def __init__(self) -> None:
        self._results: dict[str, ArticleResult] = {}
        self._settings: tuple[Path, bool] | None = None

    def load(self, config: Config) -> LoadOutcome:
        """Every article of the site, re-reading only what changed; content errors all at once.

        The articles to extract (all of them on the first load) are extracted in worker
        processes, as ``timeline build`` does.
        """
        self._forget_if_settings_changed(config)
        if not config.content_path.is_dir():
            raise UsageError(f"{config.content_path}: no content folder")
        paths = article_paths(config.content_path, config.root)
        before = dict(self._results)
        known = {path: self._result(path, config, before.get(path)) for path in paths}
        self._results = _with_extractions(known, config)
        reread = sum(1 for p, r in self._results.items() if before.get(p) is not r)
        return LoadOutcome(self._loaded(config), reread)

    def _forget_if_settings_changed(self, config: Config) -> None:
        settings = (config.root, config.day_first)
        if settings != self._settings:
            self._results.clear()
            self._settings = settings

    def _result(
        self, path: str, config: Config, old: ArticleResult | None
    ) -> ArticleResult | _Pending:
        try:
            signature = _signature(path)
            if old is not None and old.signature == signature:
                return old
            data = Path(path).read_bytes()
        except OSError as error:
            location = SourceLocation(_relative(Path(path), config.root), 1)
            return ArticleResult(
                (0, 0, 0), b"", None, ContentError(location, f"cannot read: {error}")
            )
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if old is not None and old.digest == digest:
            return ArticleResult(signature, digest, old.extraction, old.error)
        return _Pending(_relative(Path(path), config.root), signature, digest, data)

    def _loaded(self, config: Config) -> Loaded:
        errors = [r.error for r in self._results.values() if r.error is not None]
        extractions = [r.extraction for r in self._results.values() if r.extraction is not None]
        errors.extend(duplicate_slugs([x.article for x in extractions]))
        curated, corrections, curation_errors = load_curation(config)
        errors.extend(curation_errors)
        if errors:
            raise BuildFailed(errors)
        return Loaded(config, tuple(extractions), curated, corrections)


def published_only(loaded: Loaded, drafts: bool) -> Loaded:
    """The loaded site without draft articles, unless ``drafts``."""
    if drafts:
        return loaded
    kept = tuple(x for x in loaded.extractions if not x.article.draft)
    return replace(loaded, extractions=kept)


@dataclass(frozen=True, slots=True)
class _Pending:
    """An article file read anew, waiting for extraction."""

    relative: str
    signature: Signature
    digest: bytes
    data: bytes


def _with_extractions(
    known: dict[str, ArticleResult | _Pending], config: Config
) -> dict[str, ArticleResult]:
    pending = [(path, item) for path, item in known.items() if isinstance(item, _Pending)]
    salt = extraction_salt(config.day_first)  # build's cache keys, to read what it cached
    files = [article_file(item.relative, item.data, salt) for _, item in pending]
    cached = _build_cache(config, salt) if len(files) >= _CACHE_FROM else {}
    hits = sum(1 for f in files if f.key in cached)
    log.debug("extracting %d articles (%d cached by a build)", len(files), hits)
    jobs = os.cpu_count() or 1
    done = extract_files(files, cached, day_first=config.day_first, jobs=jobs)
    results = {path: item for path, item in known.items() if isinstance(item, ArticleResult)}
    for (path, item), outcome in zip(pending, done, strict=True):
        results[path] = _result_of(item, outcome)
    return {path: results[path] for path in known}


_CACHE_FROM = 64
"""From how many articles to extract on one load (the first, usually) serve reads the
extractions that ``timeline build`` cached, instead of extracting again."""


def _build_cache(config: Config, salt: str) -> dict[str, Extraction]:
    """What ``timeline build`` cached for this site, read only: serve never writes it."""
    return load_cache(config.root / CACHE_DIR, salt)


def _result_of(item: _Pending, outcome: Extraction | Failure) -> ArticleResult:
    if isinstance(outcome, Extraction):
        return ArticleResult(item.signature, item.digest, outcome, None)
    text = item.data.decode("utf-8", errors="replace")
    error = explain_content_error(outcome.error(), text)
    return ArticleResult(item.signature, item.digest, None, error)


def _signature(path: str) -> Signature:
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
