"""Writing the built site: all of it or nothing, and unchanged files kept as they were.

The new site is written into a fresh folder beside the output folder and swapped in when
complete, so no reader ever sees a half-written site and a failed build leaves the
previous one intact. A file whose bytes did not change is hard-linked from the previous
build: it keeps its modification time, which keeps deploy diffs and rsync runs small.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.process
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from timeline.config import Config
from timeline.render import theme_dirs


def static_files(config: Config) -> dict[str, Path]:
    """The theme's static files by output path; the site's own theme files win."""
    files: dict[str, Path] = {}
    for theme in reversed(theme_dirs(config)):
        folder = theme / "static"
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    return files


@dataclass(frozen=True, slots=True)
class Written:
    """What ``write_output`` did."""

    files: int
    changed: int


Files = Iterable[tuple[str, bytes]]
"""A stream of generated files: ``(path in the site, bytes)``."""


def write_output(
    target: Path,
    files: Mapping[str, bytes] | Files,
    static: Mapping[str, Path],
    *,
    elsewhere: Sequence[Callable[[], Files]] = (),
) -> Written:
    """Write the whole site into a fresh folder, then swap it in for ``target`` at once.

    ``files`` may be a stream of ``(path, bytes)``: each is written as it comes, so the
    site is never held in memory whole. Each of ``elsewhere`` makes more files in a forked
    worker process, which writes them beside these (on systems without ``fork`` they are
    written here, one after the other). The theme's ``static`` files fill in what the
    generated files do not provide. A file whose bytes did not change is linked to the
    previous one rather than written again, so it keeps its modification time (and a
    deploy's diff stays small).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    pairs = files.items() if isinstance(files, Mapping) else files
    workers: list[_Worker] = []
    try:
        if _can_fork():
            workers = [_Worker.start(make, fresh, target) for make in elsewhere]
            here = _write_files(pairs, fresh, target)
        else:
            here = _write_files(
                itertools.chain(pairs, *(make() for make in elsewhere)), fresh, target
            )
        parts = [here, *(worker.result() for worker in workers)]
        written = set().union(*(paths for paths, _ in parts))
        changed = sum(count for _, count in parts)
        for relative, source in sorted(static.items()):
            if relative not in written:
                changed += _place(fresh / relative, source.read_bytes(), target / relative)
        _swap_in(fresh, target)
    except BaseException:
        for worker in workers:
            worker.stop()
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Written(len(written | static.keys()), changed)


def _write_files(pairs: Files, fresh: Path, target: Path) -> tuple[set[str], int]:
    written: set[str] = set()
    changed = 0
    for relative, data in pairs:
        changed += _place(fresh / relative, data, target / relative)
        written.add(relative)
    return written, changed


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass(slots=True)
class _Worker:
    """A forked process writing some of the site's files, and the pipe it reports on."""

    process: multiprocessing.process.BaseProcess
    reports: Connection

    @classmethod
    def start(cls, make: Callable[[], Files], fresh: Path, target: Path) -> _Worker:
        """Fork a process that writes what ``make`` makes (nothing is pickled: it forks)."""
        receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
        process = multiprocessing.get_context("fork").Process(
            target=_work, args=(make, fresh, target, send), daemon=True
        )
        process.start()
        send.close()
        return cls(process, receive)

    def result(self) -> tuple[set[str], int]:
        """The files the worker wrote and how many changed; its error, raised here."""
        try:
            report = self.reports.recv()
        except EOFError:
            report = ("error", "a worker writing the site stopped without a word")
        self.process.join()
        if report[0] == "error":
            raise RuntimeError(f"writing the site failed in a worker: {report[1]}")
        return report[1], report[2]

    def stop(self) -> None:
        """End the worker if it still runs."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _work(make: Callable[[], Files], fresh: Path, target: Path, send: Connection) -> None:
    try:
        written, changed = _write_files(make(), fresh, target)
        send.send(("done", written, changed))
    except BaseException as error:  # reported to the parent, which raises it
        send.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        send.close()


def _place(path: Path, data: bytes, previous: Path) -> bool:
    """Put ``data`` at ``path``; False when the previous build's file could be kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if _same_bytes(previous, data):
        try:
            os.link(previous, path)
            return False
        except OSError:
            pass  # a file system without hard links: write the bytes instead
    path.write_bytes(data)
    return True


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _swap_in(fresh: Path, target: Path) -> None:
    os.chmod(fresh, 0o755)
    if not target.exists():
        os.rename(fresh, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rename(target, old / target.name)
    os.rename(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
