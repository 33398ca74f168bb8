"""One serve session: builds the site into memory, again after every change, keeping what it can."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import jinja2

from timeline.build import make_timeline
from timeline.config import Config, load_config
from timeline.errors import BuildFailed, TimelineError, UsageError, plural
from timeline.merge import MergeMemo
from timeline.render import theme_dirs
from timeline.serve.live import Live
from timeline.serve.loading import ArticleCache, published_only
from timeline.serve.ranking import RankingMemo
from timeline.serve.site import PageMemo, SiteVersion, read_static, theme_signature
from timeline.write import static_files

log = logging.getLogger(__name__)


class Session:
    """The site of one ``timeline serve``: per-article results, rendered pages, the live state."""

    def __init__(self, root: Path, *, drafts: bool = False, full: bool = False) -> None:
        self.root = root
        self.live = Live()
        self.config = Config(root=root)
        self._drafts = drafts
        self._full = full
        self._articles = ArticleCache()
        self._pages = PageMemo()
        self._merges = MergeMemo()
        self._ranking = RankingMemo()
        self._lock = threading.Lock()

    def first_build(self) -> None:
        """The build at start: a missing site or content folder stops serve with a message."""
        self.config = load_config(self.root)
        if not self.config.content_path.is_dir():
            raise UsageError(f"{self.config.content_path}: no content folder")
        self.rebuild()

    def rebuild(self) -> None:
        """Build the site again and publish it, or keep the last good one and show the errors."""
        with self._lock:
            started = time.perf_counter()
            errors = self._try_build()
            elapsed = (time.perf_counter() - started) * 1000
            if errors:
                for error in errors:
                    log.error("%s", error)
                log.error("Build failed in %.0f ms; still serving the last good version", elapsed)
                self.live.fail(errors)

    def _try_build(self) -> tuple[str, ...]:
        try:
            self.live.publish(self._build())
        except BuildFailed as failure:
            return tuple(str(error) for error in failure.errors) or (str(failure),)
        except TimelineError as error:
            return (str(error),)
        except jinja2.TemplateError as error:
            return (template_message(error),)
        except Exception as error:  # a bug must not end the session; show it like an error
            log.exception("rebuild failed")
            return (f"internal error: {type(error).__name__}: {error}",)
        return ()

    def _build(self) -> SiteVersion:
        started = time.perf_counter()
        config = load_config(self.root)
        self.config = config
        outcome = self._articles.load(config)
        loaded = published_only(outcome.loaded, self._drafts)
        ranking = self._ranking
        ranking.next_build()
        try:
            mentions = ranking.mentions.update(loaded.articles, loaded.corrections)
            timeline = make_timeline(loaded, self._merges, ranking.tags, mentions, ranking.traits)
        except BuildFailed:
            raise  # the merge, if it ran, ran to its end
        except Exception:
            self._merges = MergeMemo()  # a merge cut short may have left the memo half updated
            self._ranking = RankingMemo()
            raise
        theme_changed = self._pages.reset_if_theme_changed(theme_signature(config))
        folders = [folder / "static" for folder in theme_dirs(config)]
        static = read_static(static_files(config), folders)
        bodies = self._articles.bodies()
        site = SiteVersion(timeline, config, static, self._pages, bodies, full=self._full)
        if theme_changed:
            site.check()
        log.info(
            "Built %s from %s in %.0f ms (%d read again)",
            plural(len(timeline.entries), "entry", "entries"),
            plural(len(timeline.articles), "article"),
            (time.perf_counter() - started) * 1000,
            outcome.reread,
        )
        return site


def template_message(error: jinja2.TemplateError) -> str:
    """A template error as ``path:line: message`` when the template says where."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = error.filename or error.name or "template"
        return f"{where}:{error.lineno}: {error.message}"
    return f"template error: {error}"
