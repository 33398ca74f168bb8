"""``timeline serve``: build into memory, serve, watch, rebuild what changed, reload open pages.

Nothing is written to disk: the site lives in memory as complete versions, each replacing the
previous one in one assignment when it is ready, so the tool's own writes can never trigger a
rebuild and a request never sees a half-built site.
"""

from __future__ import annotations

import logging
import signal
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from timeline.serve.http import PreviewServer, bind
from timeline.serve.session import Session
from timeline.serve.watch import ChangeHandler, Rebuilder, Watcher, folders_to_watch, relevant

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What ``timeline serve`` was asked to do."""

    root: Path
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False
    poll: bool = False
    drafts: bool = False
    full_render: bool = False


def serve_site(options: ServeOptions) -> None:
    """Serve the site at ``options.root`` until Ctrl-C (or SIGTERM); returns normally then."""
    session = Session(options.root.resolve(), drafts=options.drafts, full=options.full_render)
    try:
        with _terminate_as_interrupt():
            server = bind(options.host, options.port, session.live)
            with _closing(server, session):
                session.first_build()
                _run(server, session, options)
    except KeyboardInterrupt:
        log.info("Stopped.")


def _run(server: PreviewServer, session: Session, options: ServeOptions) -> None:
    rebuilder = Rebuilder(lambda: _rebuild_and_follow(session, watcher))
    handler = ChangeHandler(lambda path: relevant(path, session.config), rebuilder.changed)
    watcher = Watcher(handler, poll=options.poll)
    watcher.follow(folders_to_watch(session.config))
    watcher.start()
    rebuilder.start()
    try:
        _announce(server, session, options)
        server.serve_forever(poll_interval=0.2)
    finally:
        rebuilder.stop()
        watcher.stop()


def _rebuild_and_follow(session: Session, watcher: Watcher) -> None:
    session.rebuild()
    watcher.follow(folders_to_watch(session.config))


def _announce(server: PreviewServer, session: Session, options: ServeOptions) -> None:
    url = server.url.rstrip("/") + session.config.base_path
    log.info("Serving at %s (in memory; output/ is not written). Ctrl-C to stop.", url)
    if options.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("Listening on %s: other machines can reach this preview.", options.host)
    if options.open_browser:
        webbrowser.open(url)


@contextmanager
def _closing(server: PreviewServer, session: Session) -> Iterator[None]:
    try:
        yield
    finally:
        session.live.close()
        server.close_connections()
        server.server_close()


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops serve like Ctrl-C does (only possible in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


__all__ = ["ServeOptions", "serve_site"]
