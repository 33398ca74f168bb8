"""Writing the built site: all of it or nothing, and unchanged files kept as they were.

The new site is written into a fresh folder beside the output folder and swapped in when
complete, so no reader ever sees a half-written site and a failed build leaves the
previous one intact. A file whose bytes did not change is hard-linked from the previous
build: it keeps its modification time, which keeps deploy diffs and rsync runs small.

The build replaces only a folder it made, or an empty one. It marks the folders it makes
with a file (``MARKER``) that lists what it wrote; a folder holding anything else (a
file put there by hand, a ``.git``), a symbolic link or a file in the output folder's
place is refused with what would have been deleted. A folder an earlier version wrote
(no marker, but the build's ``index.html`` and ``timeline.json``) is replaced when every
file in it is one the new build writes too. What builds that were stopped left beside
the output folder (``.output-new-*``, ``.output-old-*``) is removed by the next one.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from timeline.config import Config
from timeline.errors import BuildFailed, OutputError, UsageError
from timeline.load.files import inside, outside_error
from timeline.render import theme_dirs

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

MARKER = ".timeline-output"
"""The file that marks a folder the build made; it lists the files the build wrote there."""
_MARKER_NOTE = (
    "# timeline build wrote this folder and replaces it whole on the next build; it refuses\n"
    "# to replace a folder that holds anything else. The files it wrote:\n"
)
_EARLIER_BUILD = frozenset({"index.html", "timeline.json"})
"""What every build of earlier versions, which wrote no marker, left at the top."""


def static_files(config: Config) -> dict[str, Path]:
    """The theme's static files by output path; the site's own theme files win.

    ``theme_dirs`` refuses a site theme with a link that leads outside the site; a file
    here is checked again as it is listed, so nothing outside is ever copied.
    """
    files: dict[str, Path] = {}
    errors = []
    own = config.root / "themes"
    for theme in reversed(theme_dirs(config)):
        folder = theme / "static"
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if theme.is_relative_to(own) and not inside(path, config.root):
                    errors.append(outside_error(path, config.root))
                elif path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    if errors:
        raise BuildFailed(errors)
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

    ``target`` must be a folder this function made, an empty folder or nothing
    (``UsageError`` otherwise, before anything is rendered); a file system fault is an
    ``OutputError``. Either way ``target`` is as it was.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _writing_beside(target):
            return _write(target, files, static)
    except OSError as error:
        if not _of_the_output(error, target):
            raise  # not the output's: reading a template, say
        raise OutputError(_fault(error, target)) from None


def _write(
    target: Path,
    files: Mapping[str, bytes] | Iterable[tuple[str, bytes | Iterator[bytes] | None]],
    static: Mapping[str, Path],
) -> Written:
    previous = _claim(target)
    # Named before it is made, so that a signal landing as it is made still has it removed.
    fresh = target.parent / f".{target.name}-new-{secrets.token_hex(4)}"
    pairs = files.items() if isinstance(files, Mapping) else files
    written: set[str] = set()
    folders = _Folders()
    changed = 0
    try:
        fresh.mkdir(mode=0o700)  # under the lock: a folder of that name is a leftover
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
        every = frozenset(written | static.keys())
        note = _MARKER_NOTE + "".join(f"{path}\n" for path in sorted(every))
        _place(fresh / MARKER, note.encode(), target / MARKER)  # kept as it was if the same
        if previous is None:  # an earlier version's folder: replaced if nothing is lost
            _refuse_foreign(target, every)
        _swap_in(fresh, target)
    except BaseException:
        _remove(fresh)
        raise
    return Written(len(every), changed)


@contextmanager
def _writing_beside(target: Path) -> Iterator[None]:
    """The one build writing beside ``target``: a lock on its folder, then what builds
    that were stopped (kill -9, a power cut) left there removed."""
    if sys.platform == "win32":  # no flock: builds must not overlap
        _remove_leftovers(target)
        yield
        return
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{target}: another build is writing it now; wait until it ends"
            ) from None
        except OSError:  # a file system without locks (some network mounts): go on
            log.debug("cannot lock %s; builds must not overlap here", target.parent)
        _remove_leftovers(target)
        yield
    finally:
        os.close(handle)  # which releases the lock


def _remove_leftovers(target: Path) -> None:
    made = re.compile(rf"\.{re.escape(target.name)}-(?:new|old)-[a-z0-9_]{{8}}")
    with os.scandir(target.parent) as entries:
        leftovers = [e.path for e in entries if made.fullmatch(e.name) and e.is_dir()]
    for leftover in leftovers:
        if not os.path.islink(leftover):
            log.debug("removing %s, left by a build that was stopped", leftover)
            _remove(Path(leftover))


def _claim(target: Path) -> frozenset[str] | None:
    """What the last build wrote in ``target``, which the build may then replace: the list
    of its marker, or nothing for a folder that is empty or does not exist. None for a
    folder an earlier version wrote, which ``_write`` checks once it knows what it wrote.
    Anything else is refused, saying what would have been deleted."""
    if target.is_symlink():
        raise UsageError(
            f"{target} is a symbolic link (to {os.readlink(target)}): the build would "
            "replace what it leads to; remove the link, or build with -o into a folder"
        )
    if not target.exists():
        return frozenset()
    if not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder a build made: building would delete it")
    marker = target / MARKER
    if marker.is_file() and not marker.is_symlink():
        written = frozenset(_marked(marker.read_text(encoding="utf-8", errors="replace")))
        _refuse_foreign(target, written | {MARKER})
        return written
    names = set(os.listdir(target))
    if not names:
        return frozenset()
    if names >= _EARLIER_BUILD and not any(n.startswith(".") or n == "CNAME" for n in names):
        return None
    _refuse_foreign(target, frozenset())
    return frozenset()  # not reached: the folder holds something


def _marked(text: str) -> Iterator[str]:
    return (line for line in text.splitlines() if line and not line.startswith("#"))


def _refuse_foreign(target: Path, written: frozenset[str]) -> None:
    """Refuse ``target`` if it holds anything but ``written`` or a folder it cannot empty."""
    folders = {path[:i] for path in written for i, c in enumerate(path) if c == "/"}
    foreign: list[str] = []
    locked: list[str] = []
    _look(str(target), "", written, folders, (foreign, locked))
    if foreign:
        raise UsageError(_refusal(target, foreign))
    if locked:
        what = f"{target} is read-only" if locked[0] == str(target) else f"{target}/{locked[0]}"
        raise UsageError(
            f"{what}: the build cannot replace {target} (chmod -R u+w {target} lets it)"
        )


def _look(
    folder: str,
    prefix: str,
    written: frozenset[str],
    folders: set[str],
    found: tuple[list[str], list[str]],
) -> None:
    """Collect what under ``folder`` is not ``written`` (a whole folder at once when
    nothing in it is) and the folders that cannot be emptied."""
    foreign, locked = found
    if not os.access(folder, os.W_OK):
        locked.append(prefix.rstrip("/") or folder)
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        relative = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            if relative in folders:
                _look(entry.path, relative + "/", written, folders, found)
            else:
                foreign.append(relative + "/")
        elif relative not in written:
            foreign.append(relative)


def _refusal(target: Path, foreign: list[str]) -> str:
    shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
    hints = []
    if ".git" in foreign or ".git/" in foreign:
        hints.append("`timeline deploy` commits the site to gh-pages without a work tree here")
    if "CNAME" in foreign:
        hints.append("a custom domain is `timeline deploy --cname DOMAIN`")
    hint = "; ".join([*hints, "or build into a new folder with -o"])
    return (
        f"{target}: the build replaces this folder whole and would delete what it did not "
        f"write: {shown}. Move that away ({hint})"
    )


def _of_the_output(error: OSError, target: Path) -> bool:
    """True when ``error`` concerns the output folder, the folder it is in, or the
    build's own new and old folders beside it."""
    if not isinstance(error.filename, str):
        return False
    path = Path(os.path.abspath(error.filename))
    beside = path.relative_to(target.parent).parts if path.is_relative_to(target.parent) else None
    if beside is None:
        return False
    return not beside or beside[0] == target.name or beside[0].startswith(f".{target.name}-")


def _fault(error: OSError, target: Path) -> str:
    reason = error.strerror or str(error)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason += " (the output folder and the folder it is in must be writable)"
    where = Path(str(error.filename))
    if where.parent == target.parent and where.name.startswith(f".{target.name}-"):
        where = target.parent  # the build's own new folder could not be made there
    return f"{where}: cannot write the site: {reason}; {target} is as it was"


def _remove(folder: Path) -> None:
    """Delete a folder the build made, read-only parts too."""
    shutil.rmtree(folder, onerror=_writable_and_again)


def _writable_and_again(function: Callable[..., Any], path: str, _: object) -> None:
    """``rmtree``'s way past a read-only folder of the build's own: make it (and the folder
    it is in) readable and writable, then try again."""
    try:
        for folder in (os.path.dirname(path), path):
            if os.path.isdir(folder) and not os.path.islink(folder):
                os.chmod(folder, os.stat(folder).st_mode | stat.S_IRWXU)
        if function in (os.rmdir, os.unlink, os.remove):
            function(path)
        else:
            shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass  # left for the next build to remove


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
    try:
        os.rename(target, old / target.name)
        os.rename(fresh, target)
    except BaseException:  # a fault, or SIGTERM between the two: the previous one goes back
        if (old / target.name).exists() and not target.exists():
            os.rename(old / target.name, target)
        raise
    _remove(old)
