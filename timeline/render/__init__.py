"""The render stage: the page plan, the Jinja2 environment, pages, feeds and exports.

Rendering is pure apart from reading templates: it returns every output file as bytes by
its path in the site, and ``build`` writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from timeline.bodies import ArticleBodies
from timeline.config import Config
from timeline.model import Entry, Extraction, Timeline
from timeline.render import plan as plan_module
from timeline.render.context import FastCallContext
from timeline.render.dates import format_date, format_published, html_datetime
from timeline.render.digests import PageDigests, builtin_templates_only
from timeline.render.entries import EntryFacts, curation, outlets
from timeline.render.exports import (
    entry_line,
    events_csv,
    events_csv_pieces,
    timeline_json,
    timeline_json_pieces,
)
from timeline.render.feeds import atom_feed, sitemap
from timeline.render.links import SiteLinks, article_path, site_links
from timeline.render.pages import NOT_FOUND, Page, article_page, plan_pages
from timeline.render.plan import PageLimits, PagePlan, plan_timeline
from timeline.render.redirects import redirect_pages
from timeline.render.search import (
    INDEX_PATH,
    search_index,
    search_index_js,
    search_index_pieces,
)
from timeline.render.timelinejs import event_line as timelinejs_line
from timeline.render.timelinejs import timelinejs_json, timelinejs_json_pieces
from timeline.render.urls import Linker, linker_for

BUILTIN_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


def theme_dirs(config: Config) -> list[Path]:
    """The theme folders, the site's own first: a file there overrides the built-in one."""
    own = config.root / "themes" / config.theme
    dirs = [own] if own.is_dir() else []
    if not dirs or own.resolve() != BUILTIN_THEME.resolve():
        dirs.append(BUILTIN_THEME)
    return dirs


def make_environment(config: Config) -> jinja2.Environment:
    """Jinja2 with autoescape, strict undefined names and the theme's template folders."""
    folders = [str(d / "templates") for d in theme_dirs(config)]
    builtin = jinja2.FileSystemLoader(str(BUILTIN_THEME / "templates"))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(folders),
            jinja2.PrefixLoader({"default": builtin}, delimiter="!"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.context_class = FastCallContext
    env.filters["human_date"] = format_date
    env.filters["html_datetime"] = html_datetime
    env.filters["published_date"] = format_published
    env.globals["curation"] = curation
    env.globals["outlets"] = outlets
    env.globals["sources_shown"] = plan_module.SOURCES_SHOWN
    return env


def render_site(
    timeline: Timeline,
    config: Config,
    limits: PageLimits | None = None,
    env: jinja2.Environment | None = None,
) -> dict[str, bytes]:
    """Every generated file of the site (pages, feeds and exports), by its output path.

    ``env`` is an environment from ``make_environment(config)`` to reuse: it keeps the
    compiled templates, which a long-lived caller (``serve``) need not compile again.
    """
    return dict(render_files(timeline, config, limits, env))


def render_files(
    timeline: Timeline,
    config: Config,
    limits: PageLimits | None = None,
    env: jinja2.Environment | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The files of ``render_site`` one at a time, so a writer need not hold them all."""
    for path, data in render_changed(timeline, config, limits, env):
        assert isinstance(data, bytes)  # without a Reuse every page is rendered, whole
        yield path, data


@dataclass(slots=True)
class Reuse:
    """What a build knows of the last one's pages, and what it learns of its own."""

    salt: str
    """A digest of everything global that pages are rendered from: the program, the
    config, the theme, the curation and the build options."""
    previous: Mapping[str, str]
    """The digest of each page the output folder still holds as the last build wrote it."""
    lines: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """For each of ``LINE_EXPORTS`` the output folder holds as the last build wrote it:
    the line of each of the last build's entries, by the entry's digest."""
    digests: dict[str, str] = field(default_factory=dict)
    """Filled in while rendering: the digest of each page of this build."""
    entries: list[str] = field(default_factory=list)
    """Filled in while rendering: the digest of each entry's line (``PageDigests.line``),
    in timeline order (which is the order of the lines of ``LINE_EXPORTS``)."""
    kept: int = 0
    """How many pages were not rendered because their digest had not changed."""


LINE_EXPORTS = ("timeline.json", "timelinejs.json")
"""The exports written an entry a line, whose lines a build takes over from the last."""


def render_changed(
    timeline: Timeline,
    config: Config,
    limits: PageLimits | None = None,
    env: jinja2.Environment | None = None,
    reuse: Reuse | None = None,
    bodies: ArticleBodies | None = None,
    pieces: bool = False,
) -> Iterator[tuple[str, bytes | Iterator[bytes] | None]]:
    """The files of ``render_site``, but None for a page whose digest is the one in
    ``reuse.previous``: the page the output folder holds is the one it would render.

    ``bodies`` holds the whole extractions when the timeline's are lean (a build's). With
    ``pieces`` the largest exports (``LINE_EXPORTS``, ``events.csv``, the search index)
    come as an iterator of pieces of their bytes, made as they are asked for, not whole.
    """
    limits = limits or plan_module.DEFAULT_LIMITS
    links = site_links(timeline, plan_timeline(timeline.entries, limits))
    track = reuse is not None and builtin_templates_only(
        [d / "templates" for d in theme_dirs(config)], BUILTIN_THEME / "templates"
    )
    digests = PageDigests(reuse.salt, links) if reuse is not None else None
    pages = plan_pages(timeline, links, limits, digests if track else None, bodies=bodies)
    env = env or make_environment(config)
    site = _site_context(config)
    facts = EntryFacts()
    for page in pages:
        if reuse is not None and page.digest is not None:
            reuse.digests[page.path] = page.digest
            if reuse.previous.get(page.path) == page.digest:
                reuse.kept += 1
                yield page.path, None
                continue
        yield page.path, _render_page(env, page, site, links, config, facts)
    for path, make in _exports(timeline, config, links, reuse, digests, pieces).items():
        yield path, make()  # one at a time: on a large site each is tens of MB
    yield from redirect_pages(timeline, config.base_url, (p.path for p in pages))
    sitemap_xml = sitemap([_sitemap_path(p.path) for p in pages if p.path != NOT_FOUND], config)
    if sitemap_xml is not None:
        yield "sitemap.xml", sitemap_xml


def _exports(
    timeline: Timeline,
    config: Config,
    links: SiteLinks,
    reuse: Reuse | None = None,
    digests: PageDigests | None = None,
    pieces: bool = False,
) -> dict[str, Callable[[], bytes | Iterator[bytes]]]:
    """How to make each export, lines of unchanged entries taken from the last build."""
    json_line: Callable[[Entry], str] = entry_line
    event_line: Callable[[Entry], str] = timelinejs_line
    if reuse is not None and digests is not None:
        reuse.entries = [digests.line(entry) for entry in timeline.entries]
        json_line = _known_lines(reuse.lines.get("timeline.json"), digests, entry_line)
        event_line = _known_lines(reuse.lines.get("timelinejs.json"), digests, timelinejs_line)
    return _export_makers(timeline, config, links, json_line, event_line, pieces)


def render_export(timeline: Timeline, config: Config, links: SiteLinks, path: str) -> bytes | None:
    """One export or feed of ``render_site`` alone (``timeline.json``, ``feed.xml``...),
    given the ``whole_site_links`` of the site; None for a path that is not one of them."""
    make = _export_makers(timeline, config, links, entry_line, timelinejs_line).get(path)
    if make is None:
        return None
    data = make()
    return data if isinstance(data, bytes) else b"".join(data)


def _export_makers(
    timeline: Timeline,
    config: Config,
    links: SiteLinks,
    json_line: Callable[[Entry], str],
    event_line: Callable[[Entry], str],
    pieces: bool = False,
) -> dict[str, Callable[[], bytes | Iterator[bytes]]]:
    description = config.description
    key_only = config.timelinejs_events == "key"
    if pieces:  # the same files in the same order, the largest made piece by piece
        return {
            **_export_makers(timeline, config, links, json_line, event_line),
            "timeline.json": lambda: timeline_json_pieces(timeline, json_line),
            "timelinejs.json": lambda: timelinejs_json_pieces(
                timeline, description, event_line, key_only=key_only
            ),
            "events.csv": lambda: events_csv_pieces(timeline),
            INDEX_PATH: lambda: search_index_pieces(timeline, links.entry),
        }
    return {
        "timeline.json": lambda: timeline_json(timeline, json_line),
        "timelinejs.json": lambda: timelinejs_json(
            timeline, description, event_line, key_only=key_only
        ),
        "events.csv": lambda: events_csv(timeline),
        "feed.xml": lambda: atom_feed(timeline, config, links.entry),
        INDEX_PATH: lambda: search_index_js(search_index(timeline, links.entry)),
    }


def _known_lines(
    known: Mapping[str, str] | None, digests: PageDigests, line: Callable[[Entry], str]
) -> Callable[[Entry], str]:
    """``line``, but an entry's line from ``known`` when its digest is there."""
    if not known:
        return line

    def known_or_new(entry: Entry) -> str:
        found = known.get(digests.line(entry))
        return line(entry) if found is None else found

    return known_or_new


def whole_site_links(timeline: Timeline, limits: PageLimits | None = None) -> SiteLinks:
    """Where every entry, article, tag and outlet of the site is linked, as the pages of
    ``render_site`` link them."""
    return site_links(
        timeline, plan_timeline(timeline.entries, limits or plan_module.DEFAULT_LIMITS)
    )


def render_article(
    extraction: Extraction,
    entry_of_event: dict[str, Entry],
    links: SiteLinks,
    config: Config,
    env: jinja2.Environment,
) -> bytes:
    """One article's page alone, byte for byte as ``render_site`` renders it, given the
    ``whole_site_links`` of its site and (at least) the entries of the article's events."""
    page = article_page(extraction, entry_of_event, links)
    return _render_page(env, page, _site_context(config), links, config)


def render_page(page: Page, links: SiteLinks, config: Config, env: jinja2.Environment) -> bytes:
    """One planned page alone (``plan_pages``), byte for byte as ``render_site`` renders it,
    given the ``whole_site_links`` of its site."""
    return _render_page(env, page, _site_context(config), links, config)


def _render_page(
    env: jinja2.Environment,
    page: Page,
    site: dict[str, Any],
    links: SiteLinks,
    config: Config,
    facts: EntryFacts | None = None,
) -> bytes:
    href = Linker(page.path, config.base_path) if page.path == NOT_FOUND else linker_for(page.path)
    context = {
        "site": site,
        "root": href.root,
        "href": href,
        "links": links,
        "page_path": page.path,
    }
    if facts is not None:  # the globals of the same names, worked out once per entry
        context["curation"], context["outlets"] = facts.curation, facts.outlets
    context.update(page.full_context())
    return env.get_template(page.template).render(context).encode("utf-8")


def _sitemap_path(path: str) -> str:
    return path.removesuffix("index.html")


def _site_context(config: Config) -> dict[str, Any]:
    return {
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "base_url": config.base_url,
        "base_path": config.base_path,
    }


__all__ = [
    "BUILTIN_THEME",
    "LINE_EXPORTS",
    "Page",
    "PageLimits",
    "PagePlan",
    "Reuse",
    "article_path",
    "make_environment",
    "plan_pages",
    "plan_timeline",
    "render_changed",
    "render_files",
    "render_site",
    "theme_dirs",
]
