"""The store: everything one build keeps for the next, in one SQLite database.

``.timeline-cache/store.sqlite`` holds entries by kind and key: each article's facts,
events and doubts and its body (text and expressions) under the key of its file's bytes,
its body's HTML, the merge record, and the record of the last build (its inputs, its
output files and each page's digest). Every value is data (JSON, ``codec.py``), never a
pickle, and is stored with a digest of its kind, key and bytes: an entry whose digest does
not match is a miss, as is one that does not decode. What derives from an article's bytes
is tied to the key of those bytes: a body is used only if its text has that key
(``body_matches``), otherwise the article is read again.

Deleting the store is always safe. A store that cannot be used (a read-only folder, a
file where the folder should be, a damaged database) means a build without it and one
warning, never a failed build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline.build.inputs import FileStats, file_key

log = logging.getLogger(__name__)

CACHE_DIR = ".timeline-cache"
STORE_FILE = "store.sqlite"
_FORMAT = "timeline store 1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    digest BLOB NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""
_OLD_FILES = ("extractions", "doubts", "extractions.pickle", "last-build.pickle", "merge.pickle")
"""What older versions kept in the cache folder, as pickles: removed, never read."""
_MANY = 500
"""Keys per query when entries are looked up by key."""


def dumps(value: object) -> str:
    """Compact JSON, keys in the order given, Unicode kept as it is: how every value is
    kept (``codec.py`` makes the values)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def entry_digest(kind: str, key: str, value: bytes) -> bytes:
    """The digest stored with an entry: of its kind, its key and its value."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{kind}\0{key}\0".encode())
    digest.update(value)
    return digest.digest()


def body_matches(key: str, relative: str, text: str, bom: bool, salt: str) -> bool:
    """True when ``text`` (read from a file with or without a byte order mark) is the text
    of the article file whose key is ``key``: a body changed in the store is not."""
    data = (("\ufeff" if bom else "") + text).encode("utf-8", "surrogatepass")
    return file_key(relative, data, salt) == key


class Store:
    """One open store, or none (``Store(None)``): then every lookup misses and every
    write is dropped. The first fault turns a store into none, with one warning."""

    def __init__(self, folder: Path | None, *, write: bool = True) -> None:
        """Open (or make) the store in ``folder``; None: no store (``--clean``).

        Without ``write`` the store is only read (``serve`` reads what builds keep).
        """
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._write = write
        self._warned = False
        if folder is not None:
            self._db = self._open(folder)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def usable(self) -> bool:
        """True while the store is open."""
        return self._db is not None

    def get(self, kind: str, key: str) -> bytes | None:
        """The value of an entry, or None: missing, damaged or no store."""
        found = self._select(
            "SELECT key, value, digest FROM entries WHERE kind = ? AND key = ?", (kind, key)
        )
        return next((value for _, value in self._checked(kind, found)), None)

    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The values of the entries of ``kind`` under ``keys`` that are there and sound."""
        wanted = sorted(set(keys))
        values: dict[str, bytes] = {}
        for start in range(0, len(wanted), _MANY):
            part = wanted[start : start + _MANY]
            marks = ",".join("?" * len(part))
            query = f"SELECT key, value, digest FROM entries WHERE kind = ? AND key IN ({marks})"
            values.update(self._checked(kind, self._select(query, (kind, *part))))
        return values

    def scan(self, kind: str, prefix: str) -> Iterator[tuple[str, bytes]]:
        """The sound entries of ``kind`` whose key starts with ``prefix``, in the order of
        their keys, one at a time (thousands of rows are never held at once); a damaged
        one is left out."""
        if self._db is None:
            return
        query = "SELECT key, value, digest FROM entries WHERE kind = ? AND substr(key, 1, ?) = ?"
        try:
            yield from self._checked(kind, self._db.execute(query, (kind, len(prefix), prefix)))
        except sqlite3.Error as error:
            self._fail(error)

    def keys(self, kind: str) -> set[str]:
        """The keys of every entry of ``kind``."""
        rows = self._select("SELECT key, NULL, NULL FROM entries WHERE kind = ?", (kind,))
        return {row[0] for row in rows}

    def put(self, kind: str, key: str, value: bytes) -> None:
        """Keep ``value`` under ``kind`` and ``key`` (replacing what was there)."""
        self.put_many(kind, [(key, value)])

    def put_many(self, kind: str, items: Iterable[tuple[str, bytes]]) -> None:
        """Keep each value under its key."""
        rows = ((kind, key, value, entry_digest(kind, key, value)) for key, value in items)
        self._execute_many("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)

    def keep_only(self, kind: str, keys: Iterable[str]) -> None:
        """Remove every entry of ``kind`` whose key is not one of ``keys``."""
        gone = self.keys(kind) - set(keys)
        self._execute_many(
            "DELETE FROM entries WHERE kind = ? AND key = ?", ((kind, key) for key in gone)
        )

    def commit(self) -> None:
        """Make what was put so far last (a crash before loses only what followed)."""
        if self._db is not None and self._write:
            try:
                self._db.commit()
            except sqlite3.Error as error:
                self._fail(error)

    def close(self) -> None:
        """Commit and close."""
        self.commit()
        if self._db is not None:
            self._db.close()
            self._db = None

    # ------------------------------------------------------------------ inside

    def _open(self, folder: Path) -> sqlite3.Connection | None:
        path = folder / STORE_FILE
        try:
            if self._write:
                folder.mkdir(parents=True, exist_ok=True)
                _remove_old_files(folder)
            elif not path.is_file():
                return None
            return self._connect(path)
        except (OSError, sqlite3.Error) as error:
            return self._renewed(error)

    def _renewed(self, error: Exception) -> sqlite3.Connection | None:
        """A new, empty store in place of a damaged one (deleting it is always safe), or
        none when the fault is not damage (a folder that cannot be written) or stays."""
        self._warn(error)
        damaged = isinstance(error, sqlite3.DatabaseError) and not isinstance(
            error, sqlite3.OperationalError
        )
        if not damaged or not self._write or self.folder is None:
            return None
        try:
            (self.folder / STORE_FILE).unlink(missing_ok=True)
            return self._connect(self.folder / STORE_FILE)
        except (OSError, sqlite3.Error):
            return None

    def _connect(self, path: Path) -> sqlite3.Connection:
        if self._write:
            db = sqlite3.connect(path, isolation_level="DEFERRED", check_same_thread=False)
        else:
            # A file URI needs an absolute path: a site given as "." is read too.
            uri = f"{path.absolute().as_uri()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            # A cache: a crash may lose what was not committed, and damage shows as a miss.
            db.execute("PRAGMA synchronous = OFF")
            if self._write:
                db.executescript(_SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is None and self._write:
                db.execute("INSERT INTO meta VALUES ('format', ?)", (_FORMAT,))
            elif row is None or row[0] != _FORMAT:
                if not self._write:
                    raise sqlite3.DatabaseError(f"a store of another format ({row})")
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (_FORMAT,))
            if self._write:
                db.commit()
            return db
        except BaseException:
            db.close()
            raise

    def _select(self, query: str, arguments: tuple[str, ...]) -> list[tuple[str, bytes, bytes]]:
        if self._db is None:
            return []
        try:
            rows: list[tuple[str, bytes, bytes]] = self._db.execute(query, arguments).fetchall()
        except sqlite3.Error as error:
            self._fail(error)
            return []
        return rows

    def _checked(
        self, kind: str, rows: Iterable[tuple[str, bytes, bytes]]
    ) -> Iterator[tuple[str, bytes]]:
        for key, value, digest in rows:
            if isinstance(value, bytes) and digest == entry_digest(kind, key, value):
                yield key, value
            else:
                log.info("ignoring a damaged entry of the store (%s %s)", kind, key)

    def _execute_many(self, query: str, rows: Iterable[tuple[object, ...]]) -> None:
        if self._db is None or not self._write:
            return
        try:
            self._db.executemany(query, rows)
        except sqlite3.Error as error:
            self._fail(error)

    def _fail(self, error: Exception) -> None:
        """Go on with a new store, or none: a cache that cannot be used is not worth a
        failed build."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        if not self._warned:
            self._db = self._renewed(error)

    def _warn(self, error: Exception) -> None:
        if self._warned:
            return
        self._warned = True
        where = self.folder / STORE_FILE if self.folder is not None else STORE_FILE
        log.warning(
            "warning: cannot use the build cache %s (%s); building without it", where, error
        )


@dataclass(frozen=True, slots=True)
class LastBuild:
    """What the last successful build read and wrote, to skip a build that would change nothing."""

    signature: str
    """A digest of every input: program, config, articles, curation, theme, options."""
    manifest: dict[str, tuple[int, int]]
    """Size and modification time of every file the build left in the output folder."""
    counts: tuple[int, int, int, int]
    """Articles, events, entries and files."""
    doubts: tuple[tuple[str, int, str, str], ...]
    """Each doubt's path, line, message and kind."""
    pages: dict[str, str] = field(default_factory=dict)
    """The digest of what each page was rendered from (``render.Reuse``); a page whose
    digest and output file are both unchanged is kept rather than rendered again."""
    articles: FileStats | None = None
    """The article files as read, so that the next build need not read unchanged ones."""

    def unchanged(self, signature: str, state: dict[str, tuple[int, int]]) -> bool:
        """True when the inputs have this signature and the output folder is as left."""
        return signature == self.signature and state == self.manifest

    def reusable_pages(self, state: dict[str, tuple[int, int]]) -> dict[str, str]:
        """The page digests still true of the output folder: those of the files whose size
        and time ``state`` (``folder_state`` of the output) shows as this build left them."""
        manifest = self.manifest
        return {
            path: digest
            for path, digest in self.pages.items()
            if path in state and state[path] == manifest.get(path)
        }


_LAST, _BUILD = "last", "build"


def last_build(store: Store) -> LastBuild | None:
    """The record of the last successful build, if the store holds a sound one."""
    value = store.get(_LAST, _BUILD)
    if value is None:
        return None
    try:
        data = json.loads(value)
        stats = data["articles"]
        files = {path: ((s[0], s[1], s[2], s[3]), key) for path, (s, key) in stats[2].items()}
        return LastBuild(
            str(data["signature"]),
            {path: (size, time) for path, (size, time) in data["manifest"].items()},
            (data["counts"][0], data["counts"][1], data["counts"][2], data["counts"][3]),
            tuple((path, line, message, kind) for path, line, message, kind in data["doubts"]),
            {str(path): str(digest) for path, digest in data["pages"].items()},
            FileStats(str(stats[0]), int(stats[1]), files),
        )
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def save_last_build(store: Store, record: LastBuild) -> None:
    """Keep the record of a successful build."""
    stats = record.articles or FileStats("", 0, {})
    data = {
        "signature": record.signature,
        "manifest": record.manifest,
        "counts": record.counts,
        "doubts": record.doubts,
        "pages": record.pages,
        "articles": [stats.salt, stats.read_at, stats.files],
    }
    store.put(_LAST, _BUILD, dumps(data).encode())
    store.commit()


def _remove_old_files(folder: Path) -> None:
    """Remove what older versions kept in the cache folder (pickles, never read again)."""
    for name in _OLD_FILES:
        path = folder / name
        if path.is_dir():
            for shard in path.glob("*.pickle"):
                shard.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.rmdir()
        elif path.is_file():
            path.unlink(missing_ok=True)
