"""Small templates that many lines of the site repeat, each rendered once per value.

A timeline page cites an article in every line told from it, and the site cites each
article on many pages (at 2,000 articles, 38,000 cited lines of 2,000 articles). A fragment
sees only the values it is given and what is the same on every page at one depth (``href``,
``links``, ``site``, ``root``), never the page's own variables, so its text is the same
wherever it is shown from that depth: ``fragment("citation.html", article=article)`` is
rendered the first time and repeated after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

from timeline.render.links import SiteLinks
from timeline.render.urls import Linker

Fragment = Callable[..., Markup]
"""``fragment(name, **values)`` as a template calls it."""


class Fragments:
    """The fragments of one render, by template, page depth and values (by identity: each
    kept beside its text, so that its id is not reused)."""

    def __init__(self, env: jinja2.Environment, links: SiteLinks, site: dict[str, Any]) -> None:
        self._env = env
        self._links = links
        self._site = site
        self._made: dict[tuple[Any, ...], tuple[dict[str, Any], Markup]] = {}
        self._templates: dict[str, jinja2.Template] = {}

    def at(self, root: str) -> Fragment:
        """``fragment`` for the pages whose way back to the site root is ``root``."""
        # No page's own path: a link is never cut to its "#anchor", so that the text is
        # right on every page at this depth (the full link is right on the page it names).
        href = Linker("", root)

        def fragment(name: str, **values: Any) -> Markup:
            """The template ``name`` rendered with ``values``, once for these values."""
            # The values are kept with the text: while it is known, no other has their ids.
            key = (name, root, *((key, id(value)) for key, value in values.items()))
            known = self._made.get(key)
            if known is None:
                context = {"href": href, "links": self._links, "site": self._site, "root": root}
                text = self._template(name).render(context, **values)
                known = self._made[key] = (values, Markup(text))
            return known[1]

        return fragment

    def _template(self, name: str) -> jinja2.Template:
        # Looked up once a render: the environment would check the file's time each time.
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self._env.get_template(name)
        return template
