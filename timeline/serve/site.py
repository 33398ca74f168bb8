"""One complete version of the site in memory, as ``timeline build`` would write it.

A :class:`SiteVersion` is immutable in what it serves: every page comes from one timeline and
one theme. Pages are rendered on first request and kept (like Hugo's fast render mode): an
edit of one article re-renders only what is looked at, and an article page whose inputs did
not change (its digest, as a build keys its pages) is taken over from the previous version
without rendering. With ``full`` every page is rendered before the version is published,
exactly as ``render_site`` renders them.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2

from timeline.build.inputs import site_salt
from timeline.config import Config
from timeline.model import ArticleEvents, Timeline
from timeline.render import (
    Bodies,
    article_page,
    article_path,
    make_environment,
    render_export,
    render_page,
    render_site,
    theme_dirs,
    whole_site_links,
)
from timeline.render.digests import PageDigests
from timeline.render.links import SiteLinks
from timeline.render.pages import PagePlanner
from timeline.render.plan import DEFAULT_LIMITS

log = logging.getLogger(__name__)

MISSING = "missing"
_EXPORT_SUFFIXES = (".json", ".csv", ".xml", ".js")
_SCRIPT_SRC = re.compile(rb"<script\b[^>]*\bsrc=\"([^\"]+)\"")
"""What the files of a render that are not pages end with (exports, feeds, the search index)."""


class PageMemo:
    """Rendered pages kept across versions while their inputs stay the same."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._theme: object = None
        self._pages: dict[str, tuple[str, bytes]] = {}
        self._whole: tuple[Timeline, dict[str, bytes]] | None = None
        self._environment: tuple[Config, jinja2.Environment] | None = None

    def reset_if_theme_changed(self, theme: object) -> bool:
        """Forget every page when the config or a theme file changed; True if it did."""
        with self._lock:
            if theme == self._theme:
                return False
            self._theme, self._pages, self._whole = theme, {}, None
            self._environment = None
            return True

    def environment(self, config: Config) -> jinja2.Environment:
        """The template environment of the theme, its compiled templates kept across versions."""
        with self._lock:
            if self._environment is None or self._environment[0] != config:
                self._environment = (config, make_environment(config))
            return self._environment[1]

    def page(self, path: str, digest: str | None) -> bytes | None:
        """The page rendered earlier at ``path`` from inputs of the same digest, if any."""
        with self._lock:
            kept = self._pages.get(path)
        return kept[1] if kept is not None and digest is not None and kept[0] == digest else None

    def keep_page(self, path: str, digest: str | None, html: bytes) -> None:
        """Remember a page by the digest of its inputs."""
        if digest is not None:
            with self._lock:
                self._pages[path] = (digest, html)

    def whole(self, timeline: Timeline) -> dict[str, bytes] | None:
        """The whole site rendered earlier from the same timeline, if any."""
        with self._lock:
            kept = self._whole
        return kept[1] if kept is not None and kept[0] == timeline else None

    def keep_whole(self, timeline: Timeline, files: dict[str, bytes]) -> None:
        """Remember the whole rendered site."""
        with self._lock:
            self._whole = (timeline, files)


class MadeOnce:
    """Files made at most once each: who asks for a file that is being made waits for it,
    and different files are made side by side (a page that takes long holds up only itself)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._made: dict[str, bytes] = {}
        self._making: dict[str, threading.Lock] = {}

    def get(self, key: str, make: Callable[[], bytes | None]) -> bytes | None:
        """The file at ``key``, made by ``make`` if it was not made yet (None: there is none)."""
        found = self._made.get(key)
        if found is not None:
            return found
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        with making:
            found = self._made.get(key)
            if found is None:
                found = make()
                if found is not None:
                    self._made[key] = found
            with self._lock:
                self._making.pop(key, None)
        return found


class SiteVersion:
    """Every file of one build, by its path in the site; pages render on first request.

    Every page is rendered alone, with the links of the whole site: an article page from its
    extraction and the entries its events belong to, every other page (timeline, tag and
    source pages, search, 404) from the page plan of the whole timeline, each part of the
    plan made the first time a page of it is asked for. Each export and feed is made alone
    when it is asked for; only a file that none of these gives (the sitemap) takes a
    ``render_site`` of the whole timeline.
    """

    def __init__(
        self,
        timeline: Timeline,
        config: Config,
        static: Mapping[str, bytes],
        memo: PageMemo,
        bodies: Bodies,
        *,
        full: bool = False,
    ) -> None:
        self.timeline = timeline
        self.base_path = config.base_path
        self._config = config
        self._static = static
        self._memo = memo
        self._bodies = bodies
        self._page_digests: PageDigests | None = None
        self._made = MadeOnce()
        self._whole_lock = threading.Lock()
        self._digests: dict[str, str] = {}
        self._articles = {article_path(x.article.slug): x for x in timeline.articles}
        self._entry_of_event = {s.event_id: e for e in timeline.entries for s in e.sources}
        self._links_lock = threading.Lock()
        self._links: SiteLinks | None = None
        self._plan_lock = threading.Lock()
        self._planner_lock = threading.Lock()
        self._plan: PagePlanner | None = None
        self._whole: dict[str, bytes] | None = None
        self._assets = _digest(b"".join(_digest(v).encode() for _, v in sorted(static.items())))
        if full:
            self._whole = render_site(timeline, config, bodies, env=memo.environment(config))
            self._articles = {}

    def get(self, key: str) -> bytes | None:
        """The bytes of the file at ``key`` (``articles/x.html``), or None if there is none."""
        if key in self._articles:
            return self._article(key)
        if key in self._static:
            return self._static[key]
        if self._whole is None and key.endswith(".html"):
            return self._page(key)
        if self._whole is None:
            found = self._export(key)
            if found is not None or not key.endswith(_EXPORT_SUFFIXES):
                return found  # no need to render the whole site for what it could not give
        return self._whole_site().get(key)

    @property
    def assets(self) -> str:
        """A short hash of the theme's static files: a page reloads in full when it changes."""
        return self._assets

    def digest(self, key: str) -> str:
        """A short hash of a page, the site's static files and the site files its scripts
        load (the search page's index): it changes when any of them does."""
        found = self._digests.get(key)
        if found is None:
            data = self.get(key)
            found = MISSING if data is None else _digest(data) + self._assets
            if data is not None and b"<script" in data:
                found += _digest(self._scripts_of(key, data).encode())
            self._digests[key] = found
        return found

    def _scripts_of(self, key: str, page: bytes) -> str:
        """The digests of the site files that the scripts of a page load."""
        digests = []
        for src in _SCRIPT_SRC.findall(page):
            target = _site_file(key, src.decode("utf-8", "replace"))
            data = self.get(target) if target is not None else None
            digests.append(MISSING if data is None else _digest(data))
        return " ".join(digests)

    def check(self) -> None:
        """Render a page of every template now, so that template errors show at once (after
        a theme change), without waiting for the whole site."""
        if self._whole is not None:
            return  # rendered already
        seen = set()
        for page in self._planner().pages():
            if page.template not in seen:
                seen.add(page.template)
                self._page(page.path)
        for key in list(self._articles)[:1]:
            self._article(key)

    def all_files(self) -> dict[str, bytes | None]:
        """Every file of the version, as ``timeline build`` would write it, each page taken
        the way a request gets it (for tests)."""
        files: dict[str, bytes | None] = dict(self._static)
        files.update({key: self.get(key) for key in self._whole_site()})
        files.update({key: self._article(key) for key in self._articles})
        return files

    def _article(self, key: str) -> bytes:
        made = self._made.get(key, lambda: self._render_article(self._articles[key]))
        assert made is not None  # an article always has a page
        return made

    def _render_article(self, article: ArticleEvents) -> bytes:
        links = self._site_links()
        digests = self._page_digests_of(links)
        page = article_page(article, self._entry_of_event, links, digests, self._bodies)
        html = self._memo.page(page.path, page.digest)
        if html is None:
            env = self._memo.environment(self._config)
            html = render_page(page, links, self._config, env)
            self._memo.keep_page(page.path, page.digest, html)
        return html

    def _page_digests_of(self, links: SiteLinks) -> PageDigests:
        """The digests of this version's pages, as a build makes them."""
        with self._links_lock:
            if self._page_digests is None:
                salt = site_salt(self._config, "serve", theme_dirs(self._config))
                self._page_digests = PageDigests(salt, links)
            return self._page_digests

    def _page(self, key: str) -> bytes | None:
        """A page other than an article's, rendered alone the first time it is asked for."""
        return self._made.get(key, lambda: self._render_page(key))

    def _render_page(self, key: str) -> bytes | None:
        with self._plan_lock:  # the plan is made part by part, one part at a time
            page = self._planner().page(key)
        if page is None:
            return None
        env = self._memo.environment(self._config)
        return render_page(page, self._site_links(), self._config, env)

    def _export(self, key: str) -> bytes | None:
        """An export or feed (``timeline.json``...), made alone the first time it is asked for."""
        links = self._site_links()
        return self._made.get(key, lambda: render_export(self.timeline, self._config, links, key))

    def _planner(self) -> PagePlanner:
        with self._planner_lock:
            if self._plan is None:
                self._plan = PagePlanner(self.timeline, self._site_links(), DEFAULT_LIMITS)
            return self._plan

    def _site_links(self) -> SiteLinks:
        """Where the pages of this version link to: an article page links its dates to the
        timeline page each entry is on, which the whole timeline decides."""
        with self._links_lock:
            if self._links is None:
                self._links = whole_site_links(self.timeline)
            return self._links

    def _whole_site(self) -> dict[str, bytes]:
        with self._whole_lock:
            if self._whole is None:
                self._whole = self._memo.whole(self.timeline)
            if self._whole is None:
                env = self._memo.environment(self._config)
                self._whole = render_site(self.timeline, self._config, self._bodies, env=env)
                self._memo.keep_whole(self.timeline, self._whole)
            return self._whole


def _site_file(page: str, src: str) -> str | None:
    """The site file a relative ``src`` in the page at ``page`` names; None for another site."""
    src = src.split("#", 1)[0].split("?", 1)[0]
    if not src or ":" in src or src.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
    return None if target.startswith("../") or target == ".." else target


def theme_signature(config: Config) -> object:
    """What the pages depend on besides the timeline: the config and every theme file's stat."""
    stats = []
    for folder in theme_dirs(config):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return (config, tuple(stats))


def read_static(files: Mapping[str, Path], folders: list[Path]) -> dict[str, bytes]:
    """The bytes of the static files; a file resolving outside ``folders`` is left out."""
    roots = [folder.resolve() for folder in folders]
    kept = {}
    for key, path in files.items():
        real = path.resolve()
        if any(real.is_relative_to(root) for root in roots):
            kept[key] = real.read_bytes()
        else:
            log.warning("%s: points outside the theme; not served", path)
    return kept


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()
