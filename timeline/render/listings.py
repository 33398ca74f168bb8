"""Tag and outlet pages: who reported what, and what is filed under which tag.

A long listing is split into numbered pages (``tags/gaza.html``, ``tags/gaza.2.html``...)
so that no page grows without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from timeline.model import ArticleRef, Entry, Timeline
from timeline.render.links import SiteLinks, outlet_name


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of a tag or outlet listing."""

    path: str
    name: str
    items: tuple[Any, ...]
    total: int
    part: int
    parts: tuple[str, ...]
    """The site paths of every page of this listing, in order."""


@dataclass(frozen=True, slots=True)
class Report:
    """One piece of reporting by an outlet: an article of the site or a curated source."""

    ref: ArticleRef
    page: str | None
    """The site path of its article page; None for a source cited only by an editor."""
    entries: int
    """How many entries cite it."""


@dataclass(frozen=True, slots=True)
class Counted:
    """A tag or outlet with its page and how many items it lists."""

    name: str
    path: str
    count: int


def tag_listings(
    timeline: Timeline,
    links: SiteLinks,
    size: int,
    by_tag: dict[str, list[Entry]] | None = None,
) -> Iterator[Listing]:
    """One listing per tag: its entries in timeline order (``by_tag``, if worked out)."""
    for tag, entries in sorted((by_tag or entries_by_tag(timeline)).items()):
        yield from _paged(tag, entries, size, partial(links.tag, tag))


def outlet_listings(
    timeline: Timeline,
    links: SiteLinks,
    size: int,
    by_outlet: dict[str, list[Report]] | None = None,
) -> Iterator[Listing]:
    """One listing per outlet: its reports, newest first (``by_outlet``, if worked out)."""
    for outlet, reports in sorted((by_outlet or reports_by_outlet(timeline, links)).items()):
        yield from _paged(outlet, reports, size, partial(links.outlet, outlet))


def tag_counts(
    timeline: Timeline, links: SiteLinks, by_tag: dict[str, list[Entry]] | None = None
) -> list[Counted]:
    """Every tag with its page and its number of entries, by name."""
    by_tag = by_tag or entries_by_tag(timeline)
    return [Counted(tag, links.tag(tag), len(by_tag[tag])) for tag in sorted(by_tag)]


def outlet_counts(
    timeline: Timeline, links: SiteLinks, by_outlet: dict[str, list[Report]] | None = None
) -> list[Counted]:
    """Every outlet with its page and its number of reports, by name."""
    by_outlet = by_outlet or reports_by_outlet(timeline, links)
    return [Counted(o, links.outlet(o), len(by_outlet[o])) for o in sorted(by_outlet)]


def entries_by_tag(timeline: Timeline) -> dict[str, list[Entry]]:
    """Every tag's entries, in timeline order."""
    by_tag: dict[str, list[Entry]] = {}
    for entry in timeline.entries:
        for tag in entry.tags:
            by_tag.setdefault(tag, []).append(entry)
    return by_tag


def reports_by_outlet(timeline: Timeline, links: SiteLinks) -> dict[str, list[Report]]:
    """Every article and every curated source, by outlet, newest first."""
    refs = {_key(r): r for r in _article_refs(timeline)}
    cited: dict[tuple[str, str, str], set[str]] = {}
    keys: dict[int, tuple[str, str, str]] = {}  # an article's sources share its ref
    for entry in timeline.entries:
        for source in entry.sources:
            key = keys.get(id(source.article))
            if key is None:  # the ref's first source: where a plain loop would meet it
                key = keys[id(source.article)] = _key(source.article)
                refs.setdefault(key, source.article)
            cited.setdefault(key, set()).add(entry.id)
    by_outlet: dict[str, list[Report]] = {}
    for key, ref in refs.items():
        report = Report(ref, links.article_page(ref.slug), len(cited.get(key, ())))
        by_outlet.setdefault(outlet_name(ref.source), []).append(report)
    for reports in by_outlet.values():
        reports.sort(key=_newest_first)
    return by_outlet


def _article_refs(timeline: Timeline) -> Iterator[ArticleRef]:
    for article in timeline.articles:
        a = article.article
        yield ArticleRef(a.slug, a.path, a.title, a.source, a.published, a.url, a.tags)


def _key(ref: ArticleRef) -> tuple[str, str, str]:
    return ref.slug or ref.path, ref.title, ref.url or ""


def _newest_first(report: Report) -> tuple[int, str, str]:
    ref = report.ref
    return -ref.published.toordinal(), ref.slug, ref.title


def _paged(
    name: str, items: Sequence[Any], size: int, path_of: Callable[[int], str]
) -> Iterator[Listing]:
    count = max(1, -(-len(items) // size))
    parts = tuple(path_of(part) for part in range(1, count + 1))
    for index, path in enumerate(parts):
        chunk = tuple(items[index * size : (index + 1) * size])
        yield Listing(path, name, chunk, len(items), index + 1, parts)
