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

from timeline.build import Loaded, explain_content_error, load_curation
from timeline.config import Config
from timeline.content import decode_text, discover_articles, parse_article
from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.extract import extract_article
from timeline.model import Article, Extraction, SourceLocation

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
        self._results: dict[Path, ArticleResult] = {}
        self._settings: tuple[Path, bool] | None = None

    def load(self, config: Config) -> LoadOutcome:
        """Every article of the site, re-reading only what changed; content errors all at once."""
        self._forget_if_settings_changed(config)
        if not config.content_path.is_dir():
            raise UsageError(f"{config.content_path}: no content folder")
        paths = discover_articles(config.content_path)
        before = dict(self._results)
        self._results = {path: self._result(path, config, before.get(path)) for path in paths}
        reread = sum(1 for p, r in self._results.items() if before.get(p) is not r)
        return LoadOutcome(self._loaded(config), reread)

    def _forget_if_settings_changed(self, config: Config) -> None:
        settings = (config.root, config.day_first)
        if settings != self._settings:
            self._results.clear()
            self._settings = settings

    def _result(self, path: Path, config: Config, old: ArticleResult | None) -> ArticleResult:
        try:
            signature = _signature(path)
            if old is not None and old.signature == signature:
                return old
            data = path.read_bytes()
        except OSError as error:
            location = SourceLocation(_relative(path, config.root), 1)
            return ArticleResult(
                (0, 0, 0), b"", None, ContentError(location, f"cannot read: {error}")
            )
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if old is not None and old.digest == digest:
            return ArticleResult(signature, digest, old.extraction, old.error)
        return _parsed(path, config, signature, digest, data)

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


def duplicate_slugs(articles: list[Article]) -> list[ContentError]:
    """An error for every article whose page name another article already has."""
    first: dict[str, Article] = {}
    errors = []
    for article in articles:
        if article.slug in first:
            message = (
                f"same page name '{article.slug}' as {first[article.slug].path}; "
                "rename one of the files"
            )
            errors.append(ContentError(SourceLocation(article.path, 1), message))
        first.setdefault(article.slug, article)
    return errors


def _parsed(
    path: Path, config: Config, signature: Signature, digest: bytes, data: bytes
) -> ArticleResult:
    relative = _relative(path, config.root)
    try:
        text = decode_text(data, relative)
        article = parse_article(text, relative)
    except ContentError as error:
        text = data.decode("utf-8", errors="replace")
        return ArticleResult(signature, digest, None, explain_content_error(error, text))
    log.debug("extracting %s", relative)
    extraction = extract_article(article, day_first=config.day_first)
    return ArticleResult(signature, digest, extraction, None)


def _signature(path: Path) -> Signature:
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
