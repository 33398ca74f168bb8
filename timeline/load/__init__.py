"""The load stage: articles and what editors write by hand, read from a site's content.

``articles`` reads news articles (front matter, publication date, slug, Markdown body);
``curation`` reads hand-written events (``content/events/``) and ``corrections.toml``.
``load_*`` functions read the disk and ``parse_*`` functions are pure.
"""

from __future__ import annotations

from timeline.load.articles import (
    FrontMatter,
    FrontMatterErrors,
    article_paths,
    decode_text,
    discover_articles,
    load_article,
    page_name,
    parse_article,
    parse_front_matter,
    slug_of,
)
from timeline.load.curation import (
    CORRECTIONS_NAME,
    discover_curated_events,
    load_corrections,
    load_curated_event,
    parse_corrections,
    parse_curated_event,
)
from timeline.load.front_matter import (
    KNOWN_KEYS,
    MissingPublicationDate,
    article_notes,
    parse_published,
)

__all__ = [
    "CORRECTIONS_NAME",
    "KNOWN_KEYS",
    "FrontMatter",
    "FrontMatterErrors",
    "MissingPublicationDate",
    "article_notes",
    "article_paths",
    "decode_text",
    "discover_articles",
    "discover_curated_events",
    "load_article",
    "load_corrections",
    "load_curated_event",
    "page_name",
    "parse_article",
    "parse_corrections",
    "parse_curated_event",
    "parse_front_matter",
    "parse_published",
    "slug_of",
]
