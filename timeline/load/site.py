"""What the load stage reads and checks of a whole site, beyond one file at a time."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.config import Config
from timeline.errors import ContentError
from timeline.load.curation import load_corrections, load_curated_event
from timeline.load.files import discover_curated_events
from timeline.model import ArticleFacts, Correction, CuratedEvent, SourceLocation


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


def duplicate_slugs(articles: Iterable[ArticleFacts]) -> list[ContentError]:
    """An error for every article whose page name another article already has."""
    first: dict[str, ArticleFacts] = {}
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
