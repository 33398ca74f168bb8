"""The render stage: the page plan, the Jinja2 environment, pages, feeds and exports.

Rendering is pure apart from reading templates: it returns every output file as bytes by
its path in the site, and ``build`` writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2

from timeline.config import Config
from timeline.load.themes import BUILTIN_THEME, theme_dirs
from timeline.model import Timeline
from timeline.render import plan as plan_module
from timeline.render.article import Bodies, bodies_in, prepare_body
from timeline.render.chart import chart_bands
from timeline.render.dates import format_date, format_published, html_datetime
from timeline.render.digests import PageDigests
from timeline.render.entries import EntryFacts, curation, headline, outlets
from timeline.render.exports import (
    entry_line,
    events_csv,
    events_csv_pieces,
    timeline_json,
    timeline_json_pieces,
)
from timeline.render.feeds import atom_feed, sitemap
from timeline.render.filters import page_filters
from timeline.render.fragments import Fragments
from timeline.render.groups import heading_needed, year_runs
from timeline.render.links import SiteLinks, article_path, site_links
from timeline.render.pages import NOT_FOUND, Page, article_page, plan_pages
from timeline.render.phases import phase_of, phase_views
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
from timeline.render.words import how_dated, kind_words

TIMELINEJS_CDN = "https://cdn.knightlab.com/libs/timeline3/latest"
"""Where timelinejs.html loads Knight Lab's viewer from, when a reader opens it."""


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
    env.filters["human_date"] = format_date
    env.filters["html_datetime"] = html_datetime
    env.filters["published_date"] = format_published
    env.filters["headline"] = headline
    env.globals["curation"] = curation
    env.globals["how_dated"] = how_dated
    env.globals["heading_needed"] = heading_needed
    env.globals["year_runs"] = year_runs
    env.globals["page_filters"] = page_filters
    env.globals["phase_of"] = phase_of
    env.globals["phase_views"] = phase_views
    env.globals["chart_bands"] = chart_bands
    env.globals["timelinejs_cdn"] = TIMELINEJS_CDN
    env.globals["kind_words"] = kind_words
    env.globals["outlets"] = outlets
    env.globals["sources_shown"] = plan_module.SOURCES_SHOWN
    return env


def render_site(
    timeline: Timeline,
    config: Config,
    bodies: Bodies,
    limits: PageLimits | None = None,
    env: jinja2.Environment | None = None,
) -> dict[str, bytes]:
    """Every generated file of the site (pages, feeds and exports), by its output path.

    ``bodies`` gives each article's body for its page. ``env`` is an environment from
    ``make_environment(config)`` to reuse: it keeps the compiled templates, which a
    long-lived caller (``serve``) need not compile again.
    """
    files = {}
    for path, data in render_files(timeline, config, bodies, limits=limits, env=env):
        assert isinstance(data, bytes)  # without a Reuse every page is rendered, whole
        files[path] = data
    return files


@dataclass(slots=True)
class Reuse:
    """What a build knows of the last one's pages, and what it learns of its own."""

    salt: str
    """A digest of everything global that pages are rendered from: the program, the
    config, the text of the theme's templates, the curation and the build options."""
    previous: Mapping[str, str]
    """The digest of each page the output folder still holds as the last build wrote it."""
    digests: dict[str, str] = field(default_factory=dict)
    """Filled in while rendering: the digest of each page of this build."""
    kept: int = 0
    """How many pages were not rendered because their digest had not changed."""


def render_files(
    timeline: Timeline,
    config: Config,
    bodies: Bodies,
    *,
    limits: PageLimits | None = None,
    env: jinja2.Environment | None = None,
    reuse: Reuse | None = None,
    pieces: bool = False,
) -> Iterator[tuple[str, bytes | Iterator[bytes] | None]]:
    """Every file of the site one at a time, so that a writer need not hold them all; but
    None for a page whose digest is the one in ``reuse.previous``: the page the output
    folder holds is the one it would render.

    With ``pieces`` the largest exports (``timeline.json``, ``timelinejs.json``,
    ``events.csv``, the search index) come as an iterator of pieces of their bytes, made
    as they are asked for, not whole.
    """
    limits = limits or plan_module.DEFAULT_LIMITS
    links = site_links(timeline, plan_timeline(timeline.entries, limits))
    env = env or make_environment(config)
    paths = yield from _page_files(timeline, config, bodies, links, limits, env, reuse)
    # The pages and what they kept for one another (every article's citation, every
    # entry's facts: about 5 MiB at 2,000 articles) are let go here, before the exports, the
    # largest files, are made: no page is left to ask for them.
    for path, make in _export_makers(timeline, config, links, pieces).items():
        yield path, make()  # one at a time: on a large site each is tens of MB
    yield from redirect_pages(timeline, config.base_url, paths)
    sitemap_xml = sitemap([_sitemap_path(path) for path in paths if path != NOT_FOUND], config)
    if sitemap_xml is not None:
        yield "sitemap.xml", sitemap_xml


def _page_files(
    timeline: Timeline,
    config: Config,
    bodies: Bodies,
    links: SiteLinks,
    limits: PageLimits,
    env: jinja2.Environment,
    reuse: Reuse | None,
) -> Generator[tuple[str, bytes | None], None, list[str]]:
    """The pages of ``render_files``, each rendered as it is asked for (None for one whose
    digest ``reuse`` knows); gives back the paths of every page once all are given."""
    digests = PageDigests(reuse.salt, links) if reuse is not None else None
    pages = plan_pages(timeline, links, limits, digests, bodies=bodies)
    site = _site_context(config)
    facts, fragments = EntryFacts(), Fragments(env, links, site)
    for page in pages:
        if reuse is not None and page.digest is not None:
            reuse.digests[page.path] = page.digest
            if reuse.previous.get(page.path) == page.digest:
                reuse.kept += 1
                yield page.path, None
                continue
        yield page.path, _render_page(env, page, site, links, config, facts, fragments)
    return [page.path for page in pages]


def render_export(timeline: Timeline, config: Config, links: SiteLinks, path: str) -> bytes | None:
    """One export or feed of ``render_site`` alone (``timeline.json``, ``feed.xml``...),
    given the ``whole_site_links`` of the site; None for a path that is not one of them."""
    make = _export_makers(timeline, config, links).get(path)
    if make is None:
        return None
    data = make()
    return data if isinstance(data, bytes) else b"".join(data)


def _export_makers(
    timeline: Timeline, config: Config, links: SiteLinks, pieces: bool = False
) -> dict[str, Callable[[], bytes | Iterator[bytes]]]:
    description = config.description
    key_only = config.timelinejs_events == "key"
    if pieces:  # the same files in the same order, the largest made piece by piece
        return {
            **_export_makers(timeline, config, links),
            "timeline.json": lambda: timeline_json_pieces(timeline),
            "timelinejs.json": lambda: timelinejs_json_pieces(
                timeline, description, timelinejs_line, key_only=key_only
            ),
            "events.csv": lambda: events_csv_pieces(timeline),
            INDEX_PATH: lambda: search_index_pieces(timeline, links.entry),
        }
    return {
        "timeline.json": lambda: timeline_json(timeline, entry_line),
        "timelinejs.json": lambda: timelinejs_json(
            timeline, description, timelinejs_line, key_only=key_only
        ),
        "events.csv": lambda: events_csv(timeline),
        "feed.xml": lambda: atom_feed(timeline, config, links.entry),
        INDEX_PATH: lambda: search_index_js(search_index(timeline, links.entry)),
    }


def whole_site_links(timeline: Timeline, limits: PageLimits | None = None) -> SiteLinks:
    """Where every entry, article, tag and outlet of the site is linked, as the pages of
    ``render_site`` link them."""
    return site_links(
        timeline, plan_timeline(timeline.entries, limits or plan_module.DEFAULT_LIMITS)
    )


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
    fragments: Fragments | None = None,
) -> bytes:
    href = Linker(page.path, config.base_path) if page.path == NOT_FOUND else linker_for(page.path)
    context = {
        "site": site,
        "root": href.root,
        "href": href,
        "links": links,
        "page_path": page.path,
        "fragment": (fragments or Fragments(env, links, site)).at(href.root),
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
        "phases": config.phases,
    }


__all__ = [
    "BUILTIN_THEME",
    "Bodies",
    "Page",
    "PageLimits",
    "PagePlan",
    "Reuse",
    "article_page",
    "article_path",
    "bodies_in",
    "make_environment",
    "plan_pages",
    "plan_timeline",
    "prepare_body",
    "render_export",
    "render_files",
    "render_page",
    "render_site",
    "theme_dirs",
    "whole_site_links",
]
