"""Every article's whole extraction kept aside on disk while a build holds a lean form of it.

Of what extraction makes of an article, merging and all pages but the article's own need
only its events and a few facts about the article; its text, body HTML and expressions
(about half of it) are read by the article page alone. On a large site holding them all
through merging and rendering costs hundreds of MB, so a build keeps each whole extraction
in a temporary file the moment it has it and works on a lean one (``ArticleBodies.keep``);
the article page reads the whole one back (``ArticleBodies.whole``).

The lean form also shares the values that many events repeat (a date, the text of a date
expression, an offset) instead of holding a copy of each per event: equal values, so every
page and export is the same, byte for byte.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO, TypeVar

from timeline.model import DateValue, Event, Extraction, TimeExpression

_T = TypeVar("_T")


def text_fingerprint(text: str) -> str:
    """A digest of an article's text, which stands for the text in the digest of its page."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class ArticleBodies:
    """The whole extractions of a build in a temporary file, by the key of their file.

    A lean extraction (``keep``) has the article's facts and its events, but an empty text,
    no expressions and no body HTML: it must not be given to anything that reads those
    (doubts, the article page's body) but through ``whole``.
    """

    def __init__(self, directory: Path | None = None) -> None:
        """A store whose file is in ``directory`` (made if need be), else in the system's
        temporary folder (which may be in memory: a build gives its cache folder)."""
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
        # Open as long as the store: ``close`` (or the ``with`` block) removes it.
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115
            prefix=".bodies-", dir=directory
        )
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}
        """Where each whole extraction is in the file, by the key of its article file."""
        self._keys: dict[str, str] = {}
        """The key of each article file, by the article's path."""
        self._fingerprints: dict[str, str] = {}
        """``text_fingerprint`` of each article, by its path."""
        self._cached: set[str] = set()
        """The keys of the whole extractions that the build cache holds (``keep_cached``)."""
        self._shard: Callable[[str], Mapping[str, Extraction]] | None = None
        self._recent: tuple[str, Mapping[str, Extraction]] = ("", {})
        """The last shard read from the cache, by key prefix."""
        self._dates: dict[DateValue, DateValue] = {}
        self._strings: dict[str, str] = {}
        self._numbers: dict[int, int] = {}

    def __enter__(self) -> ArticleBodies:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary file."""
        self._file.close()

    def keep(self, key: str, extraction: Extraction) -> Extraction:
        """Put the whole extraction aside under ``key`` and return its lean form."""
        data = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._where[key] = (self._end, len(data))
        self._end += len(data)
        return self._lean_extraction(key, extraction)

    def keep_cached(
        self, key: str, extraction: Extraction, shard: Callable[[str], Mapping[str, Extraction]]
    ) -> Extraction:
        """The lean form of an extraction that the build cache holds under ``key``: the
        whole one is read back from there (``shard`` gives the cached extractions of the
        shard that holds a key), not written again."""
        self._cached.add(key)
        self._shard = shard
        return self._lean_extraction(key, extraction)

    def _lean_extraction(self, key: str, extraction: Extraction) -> Extraction:
        article = extraction.article
        self._keys[article.path] = key
        self._fingerprints[article.path] = text_fingerprint(article.text)
        # Only the article page reads the text, the body and the expressions (through
        # ``whole``); the events keep the expressions that date them.
        return Extraction(
            replace(article, text=""), (), tuple(self._lean(event) for event in extraction.events)
        )

    def whole(self, extraction: Extraction) -> Extraction:
        """The whole extraction of a lean one (``keep``)."""
        return self.by_key(self._keys[extraction.article.path])

    def by_key(self, key: str) -> Extraction:
        """The whole extraction kept under ``key``."""
        if key in self._cached and key not in self._where:
            assert self._shard is not None
            prefix, shard = self._recent
            if prefix != key[:2] or key not in shard:  # pages and saves go shard by shard
                shard = self._shard(key)
                self._recent = (key[:2], shard)
            if key not in shard:
                raise RuntimeError(f"the build cache lost the extraction {key} during the build")
            return shard[key]
        start, length = self._where[key]
        self._file.seek(start)
        extraction = pickle.loads(self._file.read(length))
        assert isinstance(extraction, Extraction)
        return extraction

    def fingerprint(self, extraction: Extraction) -> str:
        """``text_fingerprint`` of the article of a lean extraction."""
        return self._fingerprints[extraction.article.path]

    def wholes(self, keys: Mapping[str, object]) -> Mapping[str, Extraction]:
        """The whole extractions under ``keys``, each read back when it is looked up."""
        return _Wholes(self, keys)

    def _lean(self, event: Event) -> Event:
        # The classes are called with every field rather than through
        # ``dataclasses.replace``, which costs three times as much: the cache loads 164,000
        # events at 10,000 articles (``test_bodies`` checks that every field is carried).
        expression = event.expression
        if expression is not None:
            expression = self._lean_expression(expression)
        string = self._strings.setdefault
        number = self._numbers.setdefault
        return Event(
            event.id,
            event.article,
            string(event.text, event.text),  # one sentence often gives several events
            number(event.start, event.start),
            number(event.end, event.end),
            event.line,
            self._dates.setdefault(event.date, event.date),
            expression,
            event.basis,
            string(event.clause, event.clause),
            event.kind,
        )

    def _lean_expression(self, expression: TimeExpression) -> TimeExpression:
        string = self._strings.setdefault
        number = self._numbers.setdefault
        date = expression.date
        return TimeExpression(
            number(expression.start, expression.start),
            number(expression.end, expression.end),
            string(expression.text, expression.text),
            string(expression.type, expression.type),
            string(expression.value, expression.value),
            expression.mod,
            self._dates.setdefault(date, date) if date else None,
            expression.basis,
            expression.resolved,
        )


def release_freed_memory() -> None:
    """Give back to the system the memory that a stage freed but the C heap kept.

    Objects of more than 512 bytes (the articles' bytes and text, the whole extractions on
    their way to the temporary file) live in glibc's heap, which keeps what they leave
    behind for itself, where Python's own small objects never go; at 10,000 articles that
    is ~40 MB still resident after extraction. ``malloc_trim`` returns it. Elsewhere than
    glibc this does nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


class _Wholes(Mapping[str, Extraction]):
    """A read-only mapping of keys to whole extractions, read from an ``ArticleBodies``."""

    def __init__(self, bodies: ArticleBodies, keys: Mapping[str, object]) -> None:
        self._bodies = bodies
        self._keys = keys

    def __getitem__(self, key: str) -> Extraction:
        if key not in self._keys:
            raise KeyError(key)
        return self._bodies.by_key(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
