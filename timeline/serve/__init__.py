"""``timeline serve``: build into memory, serve, watch, rebuild what changed, reload open pages.

Nothing is written to disk: the site lives in memory as complete versions, each replacing the
previous one in one assignment when it is ready, so the tool's own writes can never trigger a
rebuild and a request never sees a half-built site.
"""

from __future__ import annotations

import asyncio
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
    stopper = _Stopper()
    try:
        with stopper.installed():
            server = bind(options.host, options.port, session.live)
            try:
                session.first_build()
                _run(server, session, options, stopper)
            finally:
                server.close()
    except KeyboardInterrupt:
        pass
    log.info("Stopped.")


def _run(server: PreviewServer, session: Session, options: ServeOptions, stopper: _Stopper) -> None:
    rebuilder = Rebuilder(lambda: _rebuild_and_follow(session, watcher))
    handler = ChangeHandler(lambda path: relevant(path, session.config), rebuilder.changed)
    watcher = Watcher(handler, poll=options.poll)
    watcher.follow(folders_to_watch(session.config))
    watcher.start()
    rebuilder.start()
    try:
        _announce(server, session, options)
        asyncio.run(_serve_until_stopped(server, stopper))
    finally:
        rebuilder.stop()
        watcher.stop()


async def _serve_until_stopped(server: PreviewServer, stopper: _Stopper) -> None:
    stop = asyncio.Event()
    with stopper.waking(asyncio.get_running_loop(), stop):
        await server.serve(stop)


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


class _Stopper:
    """Ends serve on SIGINT (Ctrl-C) or SIGTERM: before the event loop runs (the first
    build), by KeyboardInterrupt; while it runs, by waking it to close every connection.

    Its own handler for both signals, also when serve was started with SIGINT ignored (a
    shell starts background jobs so): serve is stopped by a signal, and by nothing else.
    """

    def __init__(self) -> None:
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT and SIGTERM (only possible in the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self._handle) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    @contextmanager
    def waking(self, loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> Iterator[None]:
        """While inside, a signal sets ``stop`` on ``loop`` instead of interrupting.

        In the main thread through the loop's own signal handling: the kernel may hand a
        signal to any thread (watchdog's, a render worker), and only the loop's wake-up
        file wakes a loop waiting in ``select`` at once; a Python handler alone would run
        when the loop next woke for a timer, up to a heartbeat later."""
        self._wake = (loop, stop)
        main = threading.current_thread() is threading.main_thread()
        if main:
            for sig in _STOP_SIGNALS:
                loop.add_signal_handler(sig, stop.set)
        try:
            yield
        finally:
            self._wake = None
            if main:
                for sig in _STOP_SIGNALS:
                    loop.remove_signal_handler(sig)
                    signal.signal(sig, self._handle)  # ours again, until ``installed`` ends

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._wake is None:
            raise KeyboardInterrupt
        loop, stop = self._wake
        loop.call_soon_threadsafe(stop.set)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


__all__ = ["ServeOptions", "serve_site"]
