"""Redirect pages: an article's former addresses (its front matter ``aliases``) lead to it.

Each is the small page Hugo writes for an alias: a meta refresh to the article's page and a
canonical link to it, so old links and search engines find the page where it is now.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from timeline.model import Timeline
from timeline.render.links import article_path
from timeline.render.urls import linker_for

_PAGE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
</head><body><p>This page has moved to <a href="{href}">{title}</a>.</p></body></html>
"""


def redirect_pages(
    timeline: Timeline, base_url: str, taken: Iterable[str]
) -> Iterator[tuple[str, bytes]]:
    """A redirect page at each alias of each article, in article order; an alias never
    replaces a page of the site (``taken``) or the redirect of an earlier article."""
    seen = set(taken)
    for each in timeline.articles:
        article = each.article
        for alias in article.aliases:
            if alias not in seen:
                seen.add(alias)
                yield (
                    alias,
                    redirect_page(alias, article_path(article.slug), article.title, base_url),
                )


def redirect_page(alias: str, target: str, title: str, base_url: str) -> bytes:
    """The page at site path ``alias`` that sends its reader to site path ``target``."""
    href = linker_for(alias)(target)
    absolute = base_url.startswith(("http://", "https://"))
    canonical = base_url.rstrip("/") + "/" + linker_for("")(target) if absolute else href
    return _PAGE.format(
        title=html.escape(title), href=html.escape(href), canonical=html.escape(canonical)
    ).encode("utf-8")
