"""The filters of a timeline page: the tags and outlets of the entries it shows.

Each filter is a link to the tag's or the outlet's own page, so it works without
JavaScript; ``static/filters.js`` filters the page in place instead, from the entries'
``data-tags`` and ``data-outlets`` attributes (slugs, as in the pages' addresses).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from timeline.model import Entry
from timeline.render.groups import YearGroup, entries_in_order
from timeline.render.links import SiteLinks, outlet_name


@dataclass(frozen=True, slots=True)
class Choice:
    """One value a filter can take: its name, its slug and the entries of the page it fits."""

    name: str
    slug: str
    count: int


@dataclass(frozen=True, slots=True)
class PageFilters:
    """The tags and outlets of a page's entries, the most frequent first."""

    tags: tuple[Choice, ...]
    outlets: tuple[Choice, ...]
    keys: int
    """How many of the page's entries are key events."""


def page_filters(years: list[YearGroup], links: SiteLinks) -> PageFilters:
    """The filters of a page showing ``years``."""
    entries = entries_in_order(years)
    tags = Counter(tag for entry in entries for tag in entry.tags)
    outlets = Counter(name for entry in entries for name in entry_outlets(entry))
    return PageFilters(
        _choices(tags, links.tag_slugs),
        _choices(outlets, links.outlet_slugs),
        sum(1 for entry in entries if entry.key),
    )


def entry_outlets(entry: Entry) -> list[str]:
    """The distinct outlets of an entry's sources, in order."""
    return list(dict.fromkeys(outlet_name(s.article.source) for s in entry.sources))


def _choices(counts: Counter[str], slugs: dict[str, str]) -> tuple[Choice, ...]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Choice(name, slugs[name], count) for name, count in ordered)
