"""What a build reads before anything else, and the one rule for "this file is unchanged".

An article file is known by a key: a digest of its bytes, its path and what else decides
what extraction makes of it (the extraction code and the ``day_first`` setting). A file
whose size, times and inode are those recorded when it was last read, and that last
changed well before that reading began, is taken to hold the bytes it held then
(``unchanged``): the build and ``serve`` both skip reading such a file.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.config import CONFIG_NAME, Config
from timeline.errors import ContentError, UsageError
from timeline.load.files import CORRECTIONS_NAME, article_paths, discover_curated_events
from timeline.model import SourceLocation

FileStat = tuple[int, int, int, int]
"""Size, modification and change time (ns) and inode of a file: a file whose four are as
they were when it was read has the bytes it had (what git and make trust)."""

_RACY_NS = 2_000_000_000
"""How long before a reading began a file must have last changed for its stat to be
trusted: longer than the coarsest clock tick of common file systems' times."""

_EXTRACTION_CODE = (
    "model.py",
    "load",
    "extract",
    "build/doubts.py",
    "build/report.py",
    "build/codec.py",
)
"""The code that decides what the store holds for an article: reading, extraction, the
doubts found in it and how it is written down."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article file: its path relative to the site and the key of its bytes."""

    relative: str
    key: str


@dataclass(frozen=True, slots=True)
class FileStats:
    """The article files one reading found: the stat of each and its key."""

    salt: str
    """The salt the keys were made with (``extraction_salt``)."""
    read_at: int
    """When the reading began (ns since the epoch)."""
    files: dict[str, tuple[FileStat, str]]
    """Each file's stat and key, by its path relative to the site."""

    def known_key(self, relative: str, now: FileStat) -> str | None:
        """The key recorded for a file whose stat is ``now``, if the file is unchanged."""
        seen = self.files.get(relative)
        if seen is None or seen[0] != now:
            return None
        return seen[1] if max(now[1], now[2]) < self.read_at - _RACY_NS else None


@dataclass(frozen=True, slots=True)
class ReadArticles:
    """The article files of a site with their keys, before anything is parsed."""

    files: list[ArticleFile]
    errors: list[ContentError]
    stats: FileStats


def file_stat(path: str) -> FileStat:
    """The stat ``FileStats`` records of a file."""
    stat = os.stat(path)
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def code_fingerprint(parts: Sequence[str] = _EXTRACTION_CODE) -> str:
    """A digest of some of the package's code (by default what extraction runs).

    What the store holds for an article depends on the extraction code only, so a change
    to rendering keeps it; ``code_fingerprint(("",))`` covers the whole package.
    """
    package = Path(__file__).resolve().parent.parent  # timeline/, this file is in build/
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        paths = [package / part] if part.endswith(".py") else (package / part).rglob("*.py")
        for path in sorted(paths):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_salt(day_first: bool) -> str:
    """What an article's key depends on besides its path and bytes: the extraction code
    and the settings that change what it extracts."""
    return f"{code_fingerprint()}:day_first={day_first}"


def file_key(relative: str, data: bytes, salt: str) -> str:
    """The key of an article file's bytes."""
    digest = hashlib.blake2b(data, digest_size=20, key=salt.encode()[:64])
    digest.update(relative.encode())
    return digest.hexdigest()


def read_articles(config: Config, known: FileStats | None = None) -> ReadArticles:
    """Every article file with its key (the only stage that always touches every file).

    A file is read and hashed unless ``known`` (the last reading) has its key under the
    same salt and the file is ``unchanged`` since.
    """
    if not config.content_path.is_dir():
        raise UsageError(f"{config.content_path}: no content folder")
    salt = extraction_salt(config.day_first)
    started = time.time_ns()
    usable = known if known is not None and known.salt == salt else None
    files: list[ArticleFile] = []
    errors: list[ContentError] = []
    stats: dict[str, tuple[FileStat, str]] = {}
    root = f"{config.root}{os.sep}"
    for path in article_paths(config.content_path, config.root):  # 10,000 paths: strings
        if path.startswith(root) and os.sep == "/":
            relative = path[len(root) :]
        else:
            relative = Path(path).relative_to(config.root).as_posix()
        try:
            now = file_stat(path)  # before reading: a change while reading shows next time
            key = usable.known_key(relative, now) if usable is not None else None
            if key is None:
                key = file_key(relative, Path(path).read_bytes(), salt)
        except OSError as error:
            errors.append(unreadable(relative, error))
            continue
        files.append(ArticleFile(relative, key))
        stats[relative] = (now, key)
    return ReadArticles(files, errors, FileStats(salt, started, stats))


def unreadable(relative: str, error: OSError) -> ContentError:
    """The error of an article file that cannot be read."""
    reason = error.strerror or str(error)
    return ContentError(SourceLocation(relative, 1), f"cannot read: {reason}")


def input_signature(pieces: Sequence[bytes]) -> str:
    """One digest of some inputs, each piece kept apart from the next."""
    digest = hashlib.blake2b(digest_size=20)
    for piece in pieces:
        digest.update(len(piece).to_bytes(8, "little"))
        digest.update(piece)
    return digest.hexdigest()


def site_salt(config: Config, options: str, theme_dirs: Sequence[Path]) -> str:
    """What every page depends on besides its own data: the program, the config, the
    text of the theme's templates, the curation and the build options (never the
    articles). A site whose templates are copies of the built-in ones has the salt of
    a site without templates of its own."""
    pieces = [code_fingerprint(("",)).encode(), options.encode()]
    pieces.append((config.root / CONFIG_NAME).read_bytes())
    pieces += [p.as_posix().encode() + b"\0" + p.read_bytes() for p in curation_files(config)]
    # The templates a page is rendered with, the site's own overriding the built-in ones,
    # and the built-in ones too, which a site's template may extend (``default!base.html``).
    templates: dict[str, bytes] = {}
    for theme in theme_dirs:
        for path in sorted((theme / "templates").rglob("*")):
            if path.is_file():
                templates.setdefault(path.relative_to(theme).as_posix(), path.read_bytes())
    for name, data in sorted(templates.items()):
        pieces += [name.encode() + b"\0", data]
    builtin = theme_dirs[-1] / "templates"
    for path in sorted(builtin.rglob("*")):
        if path.is_file():
            pieces += [
                b"default!" + path.relative_to(builtin).as_posix().encode(),
                path.read_bytes(),
            ]
    return input_signature(pieces)


def curation_files(config: Config) -> list[Path]:
    """The hand-written events and the corrections file of a site, those that exist."""
    paths = [*discover_curated_events(config.content_path), config.content_path / CORRECTIONS_NAME]
    return [path for path in paths if path.is_file()]


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file below ``folder`` (nothing if it is missing)."""
    state: dict[str, tuple[int, int]] = {}
    _scan(str(folder), "", state)
    return state


def _scan(directory: str, prefix: str, state: dict[str, tuple[int, int]]) -> None:
    """``folder_state`` of one folder, as ``os.walk`` sees it (unreadable folders and the
    insides of linked folders left out), with paths made by joining strings: it runs over
    the whole output folder (12,780 files at 10,000 articles) on every build."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink():
                _scan(entry.path, f"{prefix}{entry.name}/", state)
        else:
            stat = entry.stat()
            state[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
