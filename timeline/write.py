"""Writing the built site: all of it or nothing, and unchanged files kept as they were.

The new site is written into a fresh folder beside the output folder and swapped in when
complete, so no reader ever sees a half-written site and a failed build leaves the
previous one intact. A file whose bytes did not change is hard-linked from the previous
build: it keeps its modification time, which keeps deploy diffs and rsync runs small.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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


def write_output(
    target: Path,
    files: Mapping[str, bytes] | Iterable[tuple[str, bytes | Iterator[bytes] | None]],
    static: Mapping[str, Path],
) -> Written:
    """Write the whole site into a fresh folder, then swap it in for ``target`` at once.

    ``files`` may be a stream of ``(path, bytes)``: each is written as it comes, so the
    site is never held in memory whole; a large file may come as an iterator of pieces of
    its bytes, written as they come. None instead of the bytes keeps the previous
    build's file as it is (the caller knows it would render the same bytes). The theme's
    ``static`` files fill in what the generated files do not provide. A file whose bytes
    did not change is linked to the previous one rather than written again, so it keeps
    its modification time (and a deploy's diff stays small).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    pairs = files.items() if isinstance(files, Mapping) else files
    written: set[str] = set()
    folders = _Folders()
    changed = 0
    try:
        for relative, data in pairs:
            path = folders.made(fresh / relative)
            if data is None:
                _keep(path, target / relative)
            elif isinstance(data, bytes):
                changed += _place(path, data, target / relative)
            else:
                changed += _place_pieces(path, data, target / relative)
            written.add(relative)
        for relative, source in sorted(static.items()):
            if relative not in written:
                path = folders.made(fresh / relative)
                changed += _place(path, source.read_bytes(), target / relative)
        _swap_in(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Written(len(written | static.keys()), changed)


class _Folders:
    """The folders of the new site, each made once."""

    def __init__(self) -> None:
        self._made: set[Path] = set()

    def made(self, path: Path) -> Path:
        """``path``, its folder made if it was not."""
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        return path


def _place(path: Path, data: bytes, previous: Path) -> bool:
    """Put ``data`` at ``path``; False when the previous build's file could be kept."""
    if _same_bytes(previous, data):
        try:
            os.link(previous, path)
            return False
        except OSError:
            pass  # a file system without hard links: write the bytes instead
    path.write_bytes(data)
    return True


def _place_pieces(path: Path, pieces: Iterator[bytes], previous: Path) -> bool:
    """``_place`` of a file that comes in pieces: each written as it comes and compared
    with the previous build's file on the way, so that the file is never held whole."""
    same = True
    with path.open("wb") as out, _open_or_none(previous) as old:
        for piece in pieces:
            out.write(piece)
            same = same and old is not None and old.read(len(piece)) == piece
        same = same and old is not None and old.read(1) == b""
    if same:
        linked = path.with_name(f".{path.name}.link")
        try:
            os.link(previous, linked)
            os.replace(linked, path)  # the bytes written are those of the previous file
            return False
        except OSError:
            linked.unlink(missing_ok=True)  # no hard links here: keep the bytes written
    return True


@contextmanager
def _open_or_none(path: Path) -> Iterator[BinaryIO | None]:
    """``path`` open for reading, or None when it cannot be read."""
    try:
        stream = path.open("rb")
    except OSError:
        yield None
        return
    with stream:
        yield stream


def _keep(path: Path, previous: Path) -> None:
    """Put the previous build's file at ``path`` as it is (a hard link, else a copy)."""
    try:
        os.link(previous, path)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copy2(previous, path)  # a file system without hard links


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
