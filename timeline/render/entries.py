"""Facts about an entry that pages, feeds and exports all show the same way."""

from __future__ import annotations

from timeline.model import Entry


def curation(entry: Entry) -> str | None:
    """``"curated"`` for an entry an editor wrote, ``"corrected"`` for one an editor
    re-dated or changed, None for an entry exactly as extracted."""
    if entry.curated:
        return "curated"
    return "corrected" if entry.corrected else None


def is_curated(entry: Entry) -> bool:
    """True when an editor wrote or corrected the entry rather than the extractor alone."""
    return curation(entry) is not None


def outlets(entry: Entry) -> list[str]:
    """The distinct outlets that reported the entry, in the order of its sources."""
    return list(dict.fromkeys(s.article.source or "Unknown outlet" for s in entry.sources))


def source_urls(entry: Entry) -> list[str]:
    """The distinct original URLs of the entry's sources, in order."""
    return list(dict.fromkeys(s.article.url for s in entry.sources if s.article.url))


def headline(text: str, limit: int = 100) -> str:
    """The text cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def latest_published(entry: Entry) -> str:
    """The ISO date of the newest article that reports the entry."""
    return max(s.article.published.isoformat()[:10] for s in entry.sources)
