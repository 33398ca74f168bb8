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


class EntryFacts:
    """``curation`` and ``outlets`` as the templates ask for them: each entry's worked out
    once in a render, however many pages show the entry (keyed by identity, each entry
    kept beside its facts so that its id is not reused)."""

    def __init__(self) -> None:
        self._curation: dict[int, tuple[Entry, str | None]] = {}
        self._outlets: dict[int, tuple[Entry, list[str]]] = {}

    def curation(self, entry: Entry) -> str | None:
        """``curation(entry)``."""
        known = self._curation.get(id(entry))
        if known is None:
            known = self._curation[id(entry)] = (entry, curation(entry))
        return known[1]

    def outlets(self, entry: Entry) -> list[str]:
        """``outlets(entry)`` (the same list each time: not to be changed)."""
        known = self._outlets.get(id(entry))
        if known is None:
            known = self._outlets[id(entry)] = (entry, outlets(entry))
        return known[1]
