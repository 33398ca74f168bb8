"""Watching the site: which changes count, waiting for a burst to end, one rebuild at a time."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from timeline.config import CONFIG_NAME, Config

log = logging.getLogger(__name__)

QUIET_SECONDS = 0.05
"""How long no event must arrive before a burst of events counts as over: editors write
a swap file and rename it within a few milliseconds."""

_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
_IGNORED_FOLDERS = frozenset({".git", ".timeline-cache", "__pycache__", ".mypy_cache"})
_IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", "___jb_tmp___", "___jb_old___")


@dataclass(frozen=True, slots=True)
class WatchedFolder:
    """A folder to watch, and the inode it had when it was scheduled."""

    path: Path
    recursive: bool
    inode: int


def is_editor_noise(path: Path) -> bool:
    """Swap, backup and lock files of editors (``.#x``, ``x~``, ``.x.swp``, vim's ``4913``)."""
    name = path.name
    return (
        name.startswith(".#")
        or name.endswith(_IGNORED_SUFFIXES)
        or name == "4913"
        or name == ".DS_Store"
        or any(part in _IGNORED_FOLDERS for part in path.parts)
    )


def relevant(path: Path, config: Config) -> bool:
    """Whether a change at ``path`` can change the site: content, themes, the config file."""
    if is_editor_noise(path):
        return False
    output = config.output_path
    if path == output or output in path.parents:
        return False
    root = config.root
    content = config.content_path
    themes = root / "themes"
    return (
        path == root / CONFIG_NAME
        or path in (content, themes)
        or content in path.parents
        or themes in path.parents
    )


def folders_to_watch(config: Config) -> list[tuple[Path, bool]]:
    """The site root (for the config file), its content and its themes."""
    return [
        (config.root, False),
        (config.content_path, True),
        (config.root / "themes", True),
    ]


class ChangeHandler(FileSystemEventHandler):
    """Calls ``changed`` for every event on a path that matters."""

    def __init__(self, matters: Callable[[Path], bool], changed: Callable[[], None]) -> None:
        self._matters = matters
        self._changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Pass on a relevant event; ignore directory timestamps and editor noise."""
        if event.is_directory and event.event_type == "modified":
            return
        paths = [event.src_path, event.dest_path]
        if any(p and self._matters(Path(os.fsdecode(p))) for p in paths):
            log.debug("%s %s", event.event_type, event.src_path)
            self._changed()


class Watcher:
    """One observer for the whole session; folders are rescheduled when they come and go."""

    def __init__(self, handler: FileSystemEventHandler, poll: bool) -> None:
        self._handler = handler
        self._observer: BaseObserver = PollingObserver() if poll else Observer()
        self._watches: dict[WatchedFolder, ObservedWatch] = {}

    def start(self) -> None:
        """Start the observer thread."""
        self._observer.start()

    def follow(self, folders: list[tuple[Path, bool]]) -> None:
        """Watch exactly ``folders`` that exist now (a re-created folder is watched anew)."""
        wanted = {_watched(path, recursive) for path, recursive in folders if path.is_dir()}
        for folder in set(self._watches) - wanted:
            self._unschedule(self._watches.pop(folder))
        for folder in wanted - set(self._watches):
            self._watches[folder] = self._observer.schedule(
                self._handler, str(folder.path), recursive=folder.recursive, event_filter=_EVENTS
            )

    def stop(self) -> None:
        """Stop the observer and wait for its threads."""
        self._observer.stop()
        self._observer.join()

    def _unschedule(self, watch: ObservedWatch) -> None:
        with contextlib.suppress(KeyError, OSError):  # its folder is gone
            self._observer.unschedule(watch)


def _watched(path: Path, recursive: bool) -> WatchedFolder:
    return WatchedFolder(path, recursive, path.stat().st_ino)


class Rebuilder:
    """Runs ``rebuild`` when a burst of changes is over; a change while it runs queues another."""

    def __init__(self, rebuild: Callable[[], None], quiet: float = QUIET_SECONDS) -> None:
        self._rebuild = rebuild
        self._quiet = quiet
        self._last = 0.0
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        # A daemon: serve's rebuilds build in memory only, so one cut short by the end of
        # serve leaves nothing half-written, and stopping need not wait for it.
        self._thread = threading.Thread(target=self._run, name="timeline-rebuild", daemon=True)

    def start(self) -> None:
        """Start the rebuild thread."""
        self._thread.start()

    def changed(self) -> None:
        """Note a change now (called from the observer's thread)."""
        self._last = time.monotonic()
        self._dirty.set()

    def stop(self) -> None:
        """Start no other rebuild; a rebuild that runs now is left to end with the process
        (on a large site it may take seconds: Ctrl-C or SIGTERM must not wait for it)."""
        self._stopping.set()
        self._dirty.set()

    def _run(self) -> None:
        while True:
            self._dirty.wait()
            self._wait_for_quiet()
            if self._stopping.is_set():
                return
            self._dirty.clear()
            self._rebuild()

    def _wait_for_quiet(self) -> None:
        while (left := self._last + self._quiet - time.monotonic()) > 0:
            if self._stopping.wait(left):
                return
