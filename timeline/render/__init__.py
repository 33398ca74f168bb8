"""The render stage: the page plan, the Jinja2 environment, pages and exports.

Rendering is pure apart from reading templates: it returns every output file as bytes by
its path in the site, and ``build`` writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from timeline.config import Config
from timeline.model import Entry, Extraction, Timeline
from timeline.render.article import article_html
from timeline.render.dates import format_date, format_published, html_datetime
from timeline.render.exports import timeline_json
from timeline.render.groups import group_entries

BUILTIN_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of the site: where it goes, its template and what it shows."""

    path: str
    template: str
    context: dict[str, Any]


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
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(folders),
            jinja2.PrefixLoader(
                {"default": jinja2.FileSystemLoader(str(BUILTIN_THEME / "templates"))},
                delimiter="!",
            ),
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
    return env


def render_site(timeline: Timeline, config: Config) -> dict[str, bytes]:
    """Every generated file of the site (pages and exports), by its path in the output."""
    env = make_environment(config)
    site = _site_context(config)
    files = {page.path: _render_page(env, page, site) for page in plan_pages(timeline)}
    files["timeline.json"] = timeline_json(timeline)
    return files


def plan_pages(timeline: Timeline) -> list[Page]:
    """Which pages exist: the timeline and one page per article."""
    entry_of_event = {s.event_id: e for e in timeline.entries for s in e.sources}
    pages = [
        Page(
            "index.html",
            "index.html",
            {"years": group_entries(timeline.entries), "entry_count": len(timeline.entries)},
        )
    ]
    pages.extend(_article_page(x, entry_of_event) for x in timeline.extractions)
    return pages


def article_path(slug: str) -> str:
    """Where an article's page lives in the output."""
    return f"articles/{slug}.html"


def _article_page(extraction: Extraction, entry_of_event: dict[str, Entry]) -> Page:
    article = extraction.article
    return Page(
        article_path(article.slug),
        "article.html",
        {
            "article": article,
            "body": article_html(extraction, entry_of_event, root="../"),
            "events": extraction.events,
        },
    )


def _render_page(env: jinja2.Environment, page: Page, site: dict[str, Any]) -> bytes:
    depth = page.path.count("/")
    context = {"site": site, "root": "../" * depth, "page_path": page.path, **page.context}
    return env.get_template(page.template).render(context).encode("utf-8")


def _site_context(config: Config) -> dict[str, Any]:
    return {
        "title": config.title,
        "description": config.description,
        "language": config.language,
        "base_url": config.base_url,
        "base_path": config.base_path,
    }


__all__ = ["Page", "article_path", "json", "plan_pages", "render_site", "theme_dirs"]
