"""Every HTML page of the site: its path, its template and what it shows.

``plan_pages`` is pure: it turns the timeline and its page plan into ``Page`` values; the
templates decide how they look.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from timeline.model import ArticleEvents, Entry, Timeline
from timeline.render.article import Bodies, article_html, as_placed
from timeline.render.chart import density_chart
from timeline.render.digests import PageDigests
from timeline.render.links import SiteLinks, article_path
from timeline.render.listings import (
    Report,
    entries_by_tag,
    outlet_counts,
    outlet_listings,
    reports_by_outlet,
    tag_counts,
    tag_listings,
)
from timeline.render.plan import (
    FRONT_PAGE,
    SOURCES_PER_PAGE,
    PageLimits,
    PagePlan,
    has_own_pages,
)
from timeline.render.urls import linker_for

NOT_FOUND = "404.html"
SEARCH = "search.html"
TIMELINEJS = "timelinejs.html"
TAGS = "tags/index.html"
SOURCES = "sources/index.html"


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of the site: where it goes, its template and what it shows."""

    path: str
    template: str
    context: dict[str, Any]
    digest: str | None = None
    """A digest of everything the page is rendered from; None when it is not known."""
    prepare: Callable[[], dict[str, Any]] | None = None
    """The part of the context that is costly to make, made only if the page is rendered."""

    def full_context(self) -> dict[str, Any]:
        """The context with its costly part made."""
        return {**self.context, **self.prepare()} if self.prepare else self.context


def plan_pages(
    timeline: Timeline,
    links: SiteLinks,
    limits: PageLimits,
    digests: PageDigests | None = None,
    *,
    articles: bool = True,
    bodies: Bodies | None = None,
) -> list[Page]:
    """Which pages exist: timeline pages, articles, tags, outlets, search and 404.

    With ``digests`` each page but the few that show the whole site (front page, indexes,
    search, 404) carries the digest of what it is rendered from. Without ``articles`` the
    article pages are left out (``serve`` renders those one by one); with them, ``bodies``
    gives each article's body when its page is rendered.
    """
    groups = _page_groups(timeline, links, limits, digests, articles=articles, bodies=bodies)
    return [page for group in groups for page in group()]


class PagePlanner:
    """The pages of ``plan_pages`` but the articles', by path, each group of pages planned
    the first time a page is looked for in it: ``serve`` renders one page at a time, and
    most pages need not plan the tag and outlet listings."""

    def __init__(self, timeline: Timeline, links: SiteLinks, limits: PageLimits) -> None:
        self._groups = iter(_page_groups(timeline, links, limits, None, articles=False))
        self._found: dict[str, Page] = {}

    def page(self, path: str) -> Page | None:
        """The page at ``path``, or None if the site has no such page."""
        while path not in self._found:
            group = next(self._groups, None)
            if group is None:
                return None
            self._found.update((page.path, page) for page in group())
        return self._found[path]

    def pages(self) -> list[Page]:
        """Every page, all groups planned."""
        for group in self._groups:
            self._found.update((page.path, page) for page in group())
        return list(self._found.values())


def _page_groups(
    timeline: Timeline,
    links: SiteLinks,
    limits: PageLimits,
    digests: PageDigests | None,
    *,
    articles: bool,
    bodies: Bodies | None = None,
) -> list[Callable[[], Iterable[Page]]]:
    """The pages of ``plan_pages`` in order, in groups that are planned when called."""

    @functools.cache
    def by_tag() -> dict[str, list[Entry]]:
        return entries_by_tag(timeline)

    @functools.cache
    def by_outlet() -> dict[str, list[Report]]:
        return reports_by_outlet(timeline, links)

    def search_and_not_found() -> list[Page]:
        counts = {
            "tags": tag_counts(timeline, links, by_tag()),
            "outlets": outlet_counts(timeline, links, by_outlet()),
        }
        return [
            Page(SEARCH, "search.html", counts),
            timelinejs_page(timeline),
            Page(NOT_FOUND, "404.html", {}),
        ]

    groups: list[Callable[[], Iterable[Page]]] = [
        lambda: [front_page(timeline, links, limits)],
        lambda: timeline_pages(links.plan, digests),
    ]
    if articles:
        groups.append(lambda: article_pages(timeline, links, digests, bodies))
    groups += [
        lambda: source_pages(timeline, links, digests),
        lambda: listing_pages(timeline, links, limits.per_listing, digests, by_tag(), by_outlet()),
        search_and_not_found,
    ]
    return groups


def front_page(timeline: Timeline, links: SiteLinks, limits: PageLimits) -> Page:
    """The front page: the key events, the chart and outline, then the whole timeline or
    the latest entries."""
    plan = links.plan
    whole = plan.pages[0] if not plan.split else None
    return Page(
        FRONT_PAGE,
        "index.html",
        {
            "chart": density_chart(timeline.entries, plan),
            "outline": plan.outline,
            "years": list(whole.years) if whole else [],
            "latest": plan.latest(limits.latest) if plan.split else [],
            "split": plan.split,
            "entry_count": len(timeline.entries),
            "key_events": [entry for entry in timeline.entries if entry.key],
        },
    )


def timelinejs_page(timeline: Timeline) -> Page:
    """The key events in Knight Lab's TimelineJS viewer, with the list itself to fall back on."""
    return Page(
        TIMELINEJS, "timelinejs.html", {"key_events": [e for e in timeline.entries if e.key]}
    )


def timeline_pages(plan: PagePlan, digests: PageDigests | None = None) -> Iterator[Page]:
    """One page per year or month when the timeline is split; none otherwise."""
    if not plan.split:
        return
    for index, page in enumerate(plan.pages):
        before = plan.pages[index - 1] if index > 0 else None
        after = plan.pages[index + 1] if index + 1 < len(plan.pages) else None
        yield Page(
            page.path,
            "period.html",
            {
                "period": page,
                "years": list(page.years),
                "previous": before,
                "next": after,
                "outline": plan.outline,
            },
            digests.period(page, before, after) if digests else None,
        )


def article_pages(
    timeline: Timeline,
    links: SiteLinks,
    digests: PageDigests | None = None,
    bodies: Bodies | None = None,
) -> Iterator[Page]:
    """One page per article, its dates marked and linked to their entries (``bodies``:
    where each article's body is)."""
    entry_of_event = {s.event_id: e for e in timeline.entries for s in e.sources}
    for article in timeline.articles:
        yield article_page(article, entry_of_event, links, digests, bodies)


def source_pages(
    timeline: Timeline, links: SiteLinks, digests: PageDigests | None = None
) -> Iterator[Page]:
    """For an entry with more sources or mentions than a timeline page shows, pages
    listing them all (the sources first, then the mentions)."""
    for entry in timeline.entries:
        if not has_own_pages(entry):
            continue
        count, told = len(entry.sources), len(entry.sources) + len(entry.mentions)
        starts = range(0, told, SOURCES_PER_PAGE)
        parts = [links.entry_sources(entry, n) for n in range(1, len(starts) + 1)]
        for number, start in enumerate(starts, start=1):
            end = start + SOURCES_PER_PAGE
            path = parts[number - 1]
            context = {
                "entry": entry,
                "sources": entry.sources[start:end],
                "mentions": entry.mentions[max(0, start - count) : max(0, end - count)],
                "parts": parts,
                "part": number,
            }
            digest = digests.sources(path, entry, number, parts) if digests else None
            yield Page(path, "entry.html", context, digest)


def listing_pages(
    timeline: Timeline,
    links: SiteLinks,
    size: int,
    digests: PageDigests | None = None,
    by_tag: dict[str, list[Entry]] | None = None,
    by_outlet: dict[str, list[Report]] | None = None,
) -> Iterator[Page]:
    """The tag and outlet indexes, and a page (or several) per tag and per outlet
    (``by_tag`` and ``by_outlet``: ``entries_by_tag`` and ``reports_by_outlet``, if known)."""
    by_tag = by_tag or entries_by_tag(timeline)
    by_outlet = by_outlet or reports_by_outlet(timeline, links)
    yield Page(TAGS, "tags.html", {"tags": tag_counts(timeline, links, by_tag)})
    yield Page(SOURCES, "sources.html", {"outlets": outlet_counts(timeline, links, by_outlet)})
    for listing in tag_listings(timeline, links, size, by_tag):
        digest = digests.tag(listing) if digests else None
        yield Page(listing.path, "tag.html", {"listing": listing}, digest)
    for listing in outlet_listings(timeline, links, size, by_outlet):
        digest = digests.outlet(listing) if digests else None
        yield Page(listing.path, "source.html", {"listing": listing}, digest)


def article_page(
    article: ArticleEvents,
    entry_of_event: dict[str, Entry],
    links: SiteLinks,
    digests: PageDigests | None = None,
    bodies: Bodies | None = None,
) -> Page:
    """The page of one article; ``entry_of_event`` holds at least the entries of its events.

    Its body (``bodies``) is read only if the page is rendered.
    """
    facts = article.article
    path = article_path(facts.slug)
    link = linker_for(path)

    def events_and_body() -> dict[str, Any]:
        # Made only when the page is rendered: a build plans every page before it renders
        # the first, and 10,000 articles have ~160,000 events.
        assert bodies is not None, "an article page is rendered with the article's body"
        events = [
            (as_placed(event, entry), entry)
            for event in article.events
            for entry in [entry_of_event.get(event.id)]
        ]
        html = article_html(
            bodies(article), article.events, entry_of_event, lambda e: link(links.entry(e))
        )
        return {"events": events, "body": html}

    digest = None
    if digests is not None:
        entries = [entry_of_event.get(event.id) for event in article.events]
        digest = digests.article(article, entries)
    return Page(path, "article.html", {"article": facts}, digest, events_and_body)
