"""Reading and extracting articles with a content-hash cache and parallel workers.

The cache (``.timeline-cache/extractions/``) maps a key made of an article's bytes,
its path, the ``day_first`` setting and a fingerprint of the package's own code to what
extraction made of it. A changed file, setting or program misses; a cache that cannot be
read for any reason is rebuilt, never trusted. Extraction of the misses runs in worker
processes, and the result is the same, in the same order, as a serial run.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import logging
import operator
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from timeline.build.parallel import map_in_order
from timeline.errors import ContentError
from timeline.extract import extract_article
from timeline.load import MissingPublicationDate, decode_text, parse_article
from timeline.merge.record import MergeRecord
from timeline.model import (
    Article,
    ArticleRef,
    DateValue,
    Event,
    Extraction,
    SourceLocation,
    TimeExpression,
)
from timeline.render.article import prepare_body

log = logging.getLogger(__name__)

CACHE_DIR = ".timeline-cache"
_OLD_CACHE_FILE = "extractions.pickle"
"""Where the cache was one file; removed when the sharded store is written."""
_FORMAT = 2
_PARALLEL_FROM = 24
"""Below this many articles to extract, starting worker processes costs more than it saves."""
_CHUNK = 16
"""At most this many articles go to a worker at a time: a worker holds the extractions of
its chunk until it sends them all back, and the build holds them until it has taken each."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article's bytes as read, its path relative to the site and its cache key."""

    relative: str
    data: bytes | None
    """None when the key was taken from the last build's record of the file's size and
    times instead of reading it (``FileStats``); read it if the cache misses the key."""
    key: str


FileStat = tuple[int, int, int, int]
"""Size, modification and change time (ns) and inode of a file: a file whose four are as
they were when it was read has the bytes it had (what git and make trust)."""


@dataclass(frozen=True, slots=True)
class FileStats:
    """The article files one build read: the stat of each and its cache key."""

    salt: str
    """The salt the keys were made with (``extraction_salt``)."""
    read_at: int
    """When that build began reading (ns since the epoch): a file changed after then, in
    the same tick of the file system's clock, could keep its stat, so only files last
    changed well before are trusted."""
    files: dict[str, tuple[FileStat, str]]
    """Each file's stat and key, by its path relative to the site."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A content error from a worker, in a form that crosses process boundaries."""

    path: str
    line: int
    message: str
    missing_date: bool

    def error(self) -> ContentError:
        """The error as the rest of the program knows it."""
        kind = MissingPublicationDate if self.missing_date else ContentError
        return kind(SourceLocation(self.path, self.line), self.message)


_EXTRACTION_CODE = (
    "model.py",
    "load/articles.py",
    "load/front_matter.py",
    "build/store.py",
    "extract",
    "render/article.py",
)
"""The code that decides what the cache holds for an article: extraction, and its body HTML."""


def code_fingerprint(parts: tuple[str, ...] = _EXTRACTION_CODE) -> str:
    """A digest of some of the package's code (by default what extraction runs).

    The extraction cache depends on the extraction code only, so a change to rendering
    keeps it; ``code_fingerprint(("",))`` covers the whole package.
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
    """What an article's cache key depends on besides its path and bytes: the extraction
    code and the settings that change what it extracts."""
    return f"{code_fingerprint()}:day_first={day_first}"


def article_file(relative: str, data: bytes, salt: str) -> ArticleFile:
    """An article file with its cache key."""
    digest = hashlib.blake2b(data, digest_size=20, key=salt.encode()[:64])
    digest.update(relative.encode())
    return ArticleFile(relative, data, digest.hexdigest())


def load_cache(
    folder: Path | None, salt: str, each: Callable[[str, Extraction], Extraction] | None = None
) -> dict[str, Extraction]:
    """The cached extractions, or nothing when there is no usable cache.

    ``each`` is given every extraction with its key as its shard is read, and what it
    returns is kept instead: a caller that keeps a smaller form never holds them all.
    """
    return EXTRACTIONS.load(folder, salt, each)


def cached_shard(folder: Path, salt: str, key: str) -> dict[str, Extraction]:
    """The cached extractions of the shard that holds ``key`` (if it is usable)."""
    return EXTRACTIONS.load_shard(folder / EXTRACTIONS.name / f"{key[:2]}.pickle", salt) or {}


def save_cache(
    folder: Path | None,
    salt: str,
    entries: Mapping[str, Extraction],
    loaded: Mapping[str, object] | None = None,
) -> None:
    """Make the cache hold exactly these entries; ``loaded`` is what ``load_cache`` gave."""
    EXTRACTIONS.save(folder, salt, entries, loaded)


_T = TypeVar("_T")


class ShardedStore(Generic[_T]):
    """A cache of values by hexadecimal key, kept in one pickle per two-digit key prefix.

    A build that changes a few articles rewrites only their shards, not the whole cache.
    Each shard holds the store's format and the salt it was made with; a shard that is
    unreadable, of another format or of another salt is a miss for all its keys (and is
    written again on save). Every shard is replaced at once, so a crash leaves the old one.
    """

    def __init__(self, name: str, form: int) -> None:
        self.name = name
        self.form = form

    def load(
        self, folder: Path | None, salt: str, each: Callable[[str, _T], _T] | None = None
    ) -> dict[str, _T]:
        """Every value of every usable shard (or what ``each`` makes of it with its key)."""
        if folder is None or not (folder / self.name).is_dir():
            return {}
        values: dict[str, _T] = {}
        for path in sorted((folder / self.name).glob("*.pickle")):
            entries = self.load_shard(path, salt)
            if entries is not None and each is not None:
                values.update((key, each(key, value)) for key, value in entries.items())
            elif entries is not None:
                values.update(entries)
        return values

    def load_shard(self, path: Path, salt: str) -> dict[str, _T] | None:
        """The values of one shard, or None if it is missing or unusable."""
        try:
            with path.open("rb") as stream:
                form, stored_salt, entries = pickle.load(stream)
        except FileNotFoundError:
            return None
        except Exception as error:  # any damage at all means: rebuild
            log.info("ignoring an unreadable cache shard %s (%s)", path.name, error)
            return None
        usable = form == self.form and stored_salt == salt and isinstance(entries, dict)
        if usable and all(key[:2] == path.stem for key in entries):
            values: dict[str, _T] = entries
            return values
        return None

    def save(
        self,
        folder: Path | None,
        salt: str,
        entries: Mapping[str, _T],
        loaded: Mapping[str, object] | None = None,
    ) -> None:
        """Make the store hold exactly ``entries``, rewriting only the shards whose keys
        differ from ``loaded`` (what ``load`` returned: what the shards hold)."""
        if folder is None:
            return
        store = folder / self.name
        store.mkdir(parents=True, exist_ok=True)
        old = _shards(loaded or {})
        new = _shards(entries)
        for prefix, keys in new.items():
            if old.get(prefix) != keys:
                shard = {key: entries[key] for key in sorted(keys)}
                _replace(store / f"{prefix}.pickle", (self.form, salt, shard))
        for path in store.glob("*.pickle"):
            if path.stem not in new:
                path.unlink(missing_ok=True)
        (folder / _OLD_CACHE_FILE).unlink(missing_ok=True)


def _shards(entries: Mapping[str, object]) -> dict[str, set[str]]:
    shards: dict[str, set[str]] = {}
    for key in entries:
        shards.setdefault(key[:2], set()).add(key)
    return shards


def _by_fields(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    getter = operator.attrgetter(*(f.name for f in fields(cls)))
    return lambda value: (cls, getter(value))


_PICKLED_BY_FIELDS = copyreg.dispatch_table.copy()
"""The model's frozen dataclasses pickled as a call of the class with every field: loading
one is about twice as fast as through the ``__setstate__`` that ``dataclass`` gives them.
The cache's salt covers ``model.py``, so the fields never change under a stored value."""
_PICKLED_BY_FIELDS.update(
    (cls, _by_fields(cls))
    for cls in (Article, ArticleRef, DateValue, Event, Extraction, SourceLocation, TimeExpression)
)


def _replace(path: Path, value: object) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _PICKLED_BY_FIELDS
            pickler.dump(value)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


EXTRACTIONS: ShardedStore[Extraction] = ShardedStore("extractions", _FORMAT)
"""Each article's extraction by the key of its file (``article_file``)."""


def extract_files(
    files: Sequence[ArticleFile],
    cached: dict[str, Extraction],
    *,
    day_first: bool,
    jobs: int,
    progress: Progress | None = None,
    keep: Callable[[str, Extraction], Extraction] | None = None,
) -> list[Extraction | Failure]:
    """Each file's extraction (from the cache where it hits) or its failure, in file order.

    ``keep`` is given each extraction a worker makes, with its file's key, as it comes, and
    what it returns stands for the extraction: a caller that keeps a smaller form of each
    never holds every whole extraction at once (and can do the same with ``load_cache``).
    Every file the cache misses must come with its bytes (``extract_keyed`` reads them).
    """
    for file in files:
        assert file.data is not None or file.key in cached, "a missed file comes with its bytes"
    keyed = extract_keyed(files, cached, day_first=day_first, jobs=jobs, progress=progress,
                          keep=keep)  # fmt: skip
    return [result for _, result in keyed]


def extract_keyed(
    files: Sequence[ArticleFile],
    cached: dict[str, Extraction],
    *,
    day_first: bool,
    jobs: int,
    progress: Progress | None = None,
    keep: Callable[[str, Extraction], Extraction] | None = None,
    root: Path | None = None,
    salt: str = "",
) -> list[tuple[str, Extraction | Failure]]:
    """``extract_files``, each result with the key of the bytes it was made from.

    A file the cache misses that comes without its bytes (``data`` None) is read by the
    worker that extracts it, from ``root``, and its key made again from what it read, with
    ``salt``: the build never holds every article's bytes at once (44 MB at 10,000). A
    file changed since its key was made is thus extracted and filed under the key of its
    new bytes, never under the old key.
    """
    results: list[tuple[str, Extraction | Failure] | None] = [None] * len(files)
    misses = []
    for index, file in enumerate(files):
        hit = cached.get(file.key)
        if hit is None:
            misses.append(index)
        else:
            results[index] = (file.key, hit)
    log.debug("extraction cache: %d hits, %d misses", len(files) - len(misses), len(misses))
    work = [_work(files[i], day_first, root, salt) for i in misses]
    for done, (index, (key, result)) in enumerate(zip(misses, _run(work, jobs), strict=True), 1):
        if key != files[index].key:
            log.debug("%s changed while it was read: extracted as it is now", files[index].relative)
        if keep is not None and isinstance(result, Extraction):
            result = keep(key, result)
        results[index] = (key, result)
        if progress is not None:
            progress(done, len(misses))
    return [r for r in results if r is not None]


_Work = tuple[str, bytes | None, bool, str, str, str]
"""An article to extract: its relative path, its bytes (None: to read from the path that
follows), ``day_first``, the file's path, the salt of its key, its key."""


def _work(file: ArticleFile, day_first: bool, root: Path | None, salt: str) -> _Work:
    if file.data is None:
        assert root is not None, "a file without its bytes is read from the site's root"
        path = os.path.join(root, file.relative)
        return (file.relative, None, day_first, path, salt, file.key)
    return (file.relative, file.data, day_first, "", salt, file.key)


def _run(work: list[_Work], jobs: int) -> Iterator[tuple[str, Extraction | Failure]]:
    """Each item's key and extraction, in order, as it is done."""
    if jobs <= 1 or len(work) < _PARALLEL_FROM:
        with _collecting():
            yield from (_extract_work(item) for item in work)
        return
    chunk = max(1, min(len(work) // (jobs * 8), _CHUNK))
    # Python-Markdown leaves a cycle of objects behind for every article: the workers
    # collect garbage whatever the build does.
    # Workers start as new interpreters rather than forks of the build, which by then holds
    # the cached extractions and more: a forked worker was resident with a copy of all of it
    # (77 MiB each at 10,000 articles, against 35 for a new one).
    # They are plain subprocesses, not multiprocessing's: its resource tracker would stay
    # resident (12 MiB) until the build ends (``timeline.build.parallel``).
    yield from map_in_order(_extract_work, work, jobs, chunk)


def unreadable(relative: str, error: OSError) -> ContentError:
    """The error of an article file that cannot be read."""
    reason = error.strerror or str(error)
    return ContentError(SourceLocation(relative, 1), f"cannot read: {reason}")


def _extract_work(item: _Work) -> tuple[str, Extraction | Failure]:
    relative, data, day_first, path, salt, key = item
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            failure = unreadable(relative, error)
            return key, Failure(relative, 1, failure.message, False)
        key = article_file(relative, data, salt).key  # of the bytes read: the file may have changed
    return key, _extract_one((relative, data, day_first))


@contextmanager
def _collecting() -> Iterator[None]:
    """Cycle collection on while articles are extracted here, as it was before after."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


def _extract_one(item: tuple[str, bytes, bool]) -> Extraction | Failure:
    relative, data, day_first = item
    try:
        article = parse_article(decode_text(data, relative), relative)
    except ContentError as error:
        missing = isinstance(error, MissingPublicationDate)
        return Failure(error.location.path, error.location.line, error.message, missing)
    extraction = extract_article(article, day_first=day_first)
    return replace(extraction, body_html=prepare_body(extraction))


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the last successful build read and wrote, to skip a build that would change nothing."""

    signature: str
    """A digest of every input: program, config, articles, curation, theme, options."""
    manifest: dict[str, tuple[int, int]]
    """Size and modification time of every file the build left in the output folder."""
    counts: tuple[int, int, int, int]
    """Articles, events, entries and files."""
    doubts: tuple[tuple[str, int, str], ...]
    pages: dict[str, str] = field(default_factory=dict)
    """The digest of what each page was rendered from (``render.Reuse``); a page whose
    digest and output file are both unchanged is kept rather than rendered again."""
    entries: tuple[str, ...] = ()
    """The digest of each entry in timeline order: the lines of ``render.LINE_EXPORTS``."""
    articles: FileStats | None = None
    """The article files as read, so that the next build need not read unchanged ones."""

    def reusable_pages(self, state: dict[str, tuple[int, int]]) -> dict[str, str]:
        """The page digests still true of the output folder: those of the files whose size
        and time ``state`` (``folder_state`` of the output) shows as this build left them."""
        return {path: digest for path, digest in self.pages.items() if self.kept(path, state)}

    def kept(self, path: str, state: dict[str, tuple[int, int]]) -> bool:
        """True when the output file ``path`` is as this build left it."""
        return path in state and state[path] == self.manifest.get(path)


_LAST_BUILD_FILE = "last-build.pickle"
_LAST_BUILD_FORMAT = 4


def input_signature(pieces: Sequence[bytes]) -> str:
    """One digest of a build's inputs, each piece kept apart from the next."""
    digest = hashlib.blake2b(digest_size=20)
    for piece in pieces:
        digest.update(len(piece).to_bytes(8, "little"))
        digest.update(piece)
    return digest.hexdigest()


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


def load_last_build(folder: Path | None) -> LastBuild | None:
    """The record of the last successful build, if there is a readable one."""
    if folder is None:
        return None
    try:
        with (folder / _LAST_BUILD_FILE).open("rb") as stream:
            form, record = pickle.load(stream)
    except Exception:  # missing, damaged or of an older shape: build, and write a new record
        return None
    return record if form == _LAST_BUILD_FORMAT and isinstance(record, LastBuild) else None


def save_last_build(folder: Path | None, record: LastBuild) -> None:
    """Keep the record of a successful build (replaced at once)."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".last-build-", dir=folder)
    with os.fdopen(handle, "wb") as stream:
        pickle.dump((_LAST_BUILD_FORMAT, record), stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, folder / _LAST_BUILD_FILE)


_MERGE_FILE = "merge.pickle"
_MERGE_HEADER = b"timeline merge record 2\n"
"""The merge record's file: this header, the pickle of ``(salt, record)``, then the
pickle's digest (``_DIGEST`` bytes). The pickle is written and checked as a stream, never
held whole: at 10,000 articles it is 15-20 MB, on top of the build's own peak."""
_DIGEST = 16
_BLOCK = 1 << 16


def load_merge_record(folder: Path | None, salt: str) -> MergeRecord | None:
    """The last build's merge record, if there is one made with this ``salt`` (the program
    and the curation) and its bytes are exactly those written: anything else is a miss."""
    if folder is None:
        return None
    try:
        with (folder / _MERGE_FILE).open("rb") as stream:
            end = os.fstat(stream.fileno()).st_size - _DIGEST
            if stream.read(len(_MERGE_HEADER)) != _MERGE_HEADER or end < len(_MERGE_HEADER):
                log.info("ignoring a merge record of another format")
                return None
            digest = hashlib.blake2b(digest_size=_DIGEST)
            left = end - len(_MERGE_HEADER)
            while left > 0:
                block = stream.read(min(left, _BLOCK))
                if not block:
                    break
                digest.update(block)
                left -= len(block)
            if left or stream.read() != digest.digest():
                log.info("ignoring a damaged merge record")
                return None
            stream.seek(len(_MERGE_HEADER))
            stored_salt, record = pickle.load(stream)
            if stream.tell() != end:
                return None
    except Exception:  # missing or unreadable: merge everything, and write a new record
        return None
    return record if stored_salt == salt and isinstance(record, MergeRecord) else None


def save_merge_record(folder: Path | None, salt: str, record: MergeRecord) -> None:
    """Keep a build's merge record (replaced at once), with a digest that proves it whole."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _MERGE_FILE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MERGE_HEADER)
            # The record decides which blocks are merged again: a flipped bit must be a
            # miss, not a wrong timeline, and not every damage makes unpickling fail.
            hashing = _HashingWriter(stream)
            pickle.dump((salt, record), hashing, protocol=pickle.HIGHEST_PROTOCOL)
            stream.write(hashing.digest.digest())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _HashingWriter:
    """Writes to ``stream`` and digests what it writes."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.digest = hashlib.blake2b(digest_size=_DIGEST)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self.digest.update(data)
        return self.stream.write(data)
