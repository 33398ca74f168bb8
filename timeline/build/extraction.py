"""Extraction of a build's articles: from the store where it holds them, else in workers.

A worker (``extract_file``) reads one article file, extracts it, finds its doubtful dates
and prepares its body's HTML, and sends back data: the key of the bytes it read and JSON
text of what it made, which the build keeps in its store as it is. The build holds each
article's facts and events (``ArticleEvents``); the bodies wait in the store for their
pages (``StoredBodies``). The HTML is kept for this build alone (``scratch``): the store
never holds HTML, which could not be checked against the article's bytes without making
it again, and a page must never publish markup that no article made.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.build.codec import ArticleReader, article_json, body_json
from timeline.build.doubts import ArticleDoubt, article_doubts
from timeline.build.inputs import ArticleFile, file_key, unreadable
from timeline.build.parallel import Workers, map_in_order
from timeline.build.store import Store, body_matches, dumps
from timeline.errors import BuildFailed, ContentError
from timeline.extract import extract_article, find_expressions
from timeline.load.articles import decode_text, parse_article
from timeline.load.front_matter import MissingPublicationDate
from timeline.model import ArticleBody, ArticleEvents, Basis, SourceLocation
from timeline.render.article import Mark, PreparedBody, prepare_body

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

ARTICLE, BODY, HTML = "article", "body", "html"
"""The kinds of entries the store holds for an article; and of its body made ready for its
page (``render.prepare_body``: HTML), which only a build's ``scratch`` store holds."""


@dataclass(frozen=True, slots=True)
class Work:
    """An article file to extract, as it goes to a worker: plain values only."""

    relative: str
    path: str
    day_first: bool
    salt: str
    data: bytes | None = None
    """The file's bytes, for a worker that does not see the site's files (a Dask
    cluster's); None: the worker reads ``path``."""
    unreadable: str = ""
    """Why the file could not be read here, for such a worker."""


@dataclass(frozen=True, slots=True)
class Made:
    """What a worker made of an article file, as the JSON text the store keeps."""

    key: str
    """The key of the bytes the worker read (the file may have changed since it was keyed)."""
    article: str
    body: str
    html: str
    """The body made ready for its page (``prepared_json``)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A content error from a worker."""

    path: str
    line: int
    message: str
    missing_date: bool
    text: str
    """The file's text, to explain a missing date (empty if it could not be read)."""

    def error(self) -> ContentError:
        """The error as users see it: a missing publication date suggests the text's latest."""
        location = SourceLocation(self.path, self.line)
        if not self.missing_date:
            return ContentError(location, self.message)
        return explain_missing_date(MissingPublicationDate(location, self.message), self.text)


def extract_file(work: Work) -> Made | Failure:
    """Read, extract and prepare one article file (in a worker process, or here)."""
    if work.unreadable:
        return Failure(work.relative, 1, f"cannot read: {work.unreadable}", False, "")
    try:
        data = work.data if work.data is not None else Path(work.path).read_bytes()
    except OSError as error:
        failure = unreadable(work.relative, error)
        return Failure(work.relative, 1, failure.message, False, "")
    key = file_key(work.relative, data, work.salt)
    try:
        text = decode_text(data, work.relative)
        article = parse_article(text, work.relative)
        # Inside the try too: a phrase the engine cannot read is a content error at its
        # line, collected with the others, whether it is read here or in a worker.
        extraction = extract_article(article, day_first=work.day_first)
    except ContentError as error:
        missing = isinstance(error, MissingPublicationDate)
        shown = data.decode("utf-8", errors="replace") if missing else ""
        return Failure(error.location.path, error.location.line, error.message, missing, shown)
    body = ArticleBody(article.text, article.body_start, extraction.expressions)
    events = ArticleEvents(key, article.facts, extraction.events)
    return Made(
        key,
        article_json(events, article_doubts(extraction)),
        body_json(body, data.startswith(b"\xef\xbb\xbf")),
        prepared_json(prepare_body(body)),
    )


def prepared_json(prepared: PreparedBody) -> str:
    """A body made ready for its page, as JSON for a build's ``scratch`` store alone: HTML
    is never kept between builds."""
    marks = [[m.start, m.linkable, m.resolved, m.time, m.timex, m.note] for m in prepared.marks]
    return dumps([prepared.html, marks])


def prepared_body(text: str) -> PreparedBody:
    """The body ``prepared_json`` wrote."""
    html, marks = json.loads(text)
    if not isinstance(html, str):
        raise ValueError("not a prepared body")
    return PreparedBody(html, tuple(Mark(*mark) for mark in marks))


@dataclass(frozen=True, slots=True)
class Extracted:
    """Every article of a build, in file order, with its doubts; and the content errors."""

    articles: list[ArticleEvents]
    doubts: list[tuple[ArticleDoubt, ...]]
    errors: list[ContentError]


def extract_articles(
    files: Sequence[ArticleFile],
    store: Store,
    workers: Workers | None,
    *,
    root: Path,
    day_first: bool,
    salt: str,
    progress: Progress | None = None,
    scratch: Store | None = None,
    bodies: dict[str, tuple[ArticleBody, PreparedBody | None]] | None = None,
) -> Extracted:
    """Each file's article and doubts, from the store where it holds them, else extracted
    by ``workers`` (here, without them) and kept in the store.

    The HTML of what is extracted goes to ``scratch`` (a store of this build alone). With
    ``bodies`` each article's body and the body made ready for its page are put there too
    (``serve`` holds them; None: not made yet): an article whose body the store does not
    hold soundly is extracted again.
    """
    reader = ArticleReader()
    found = _stored_articles(files, store, reader)
    if bodies is not None:
        bodies.update(_stored_bodies(found, store, reader, salt))
        found = {key: found[key] for key in bodies.keys() & found.keys()}
    misses = [f for f in files if f.key not in found]
    log.debug("store: %d articles kept, %d to extract", len(files) - len(misses), len(misses))
    local = workers is None or workers.dask is None  # else the files cross the network
    work = [_work(f, root, day_first, salt, local) for f in misses]
    made = _extracted(work, workers, progress)
    result = Extracted([], [], [])
    batch = _Batch(store, scratch)
    for file in files:
        if file.key in found:
            article, doubts = found[file.key]
        else:
            outcome = next(made)
            if isinstance(outcome, Failure):
                result.errors.append(outcome.error())
                continue
            if outcome.key != file.key:
                log.debug("%s changed while it was read: extracted as it is now", file.relative)
            article, doubts = reader.article(outcome.key, outcome.article)
            batch.add(outcome)  # into the store as they come: the build never holds them all
            if bodies is not None:
                prepared = prepared_body(outcome.html)
                bodies[outcome.key] = (reader.body(outcome.body)[0], prepared)
        result.articles.append(article)
        result.doubts.append(doubts)
    batch.flush()
    if misses:
        keys = [a.key for a in result.articles]
        store.keep_only(ARTICLE, keys)
        store.keep_only(BODY, keys)
        store.commit()
    return result


class _Batch:
    """What workers made, put into the stores a few hundred articles at a time."""

    _SIZE = 256

    def __init__(self, store: Store, scratch: Store | None) -> None:
        self._store = store
        self._scratch = scratch
        self._made: list[Made] = []

    def add(self, made: Made) -> None:
        self._made.append(made)
        if len(self._made) >= self._SIZE:
            self.flush()

    def flush(self) -> None:
        made, self._made = self._made, []
        self._store.put_many(ARTICLE, ((m.key, m.article.encode()) for m in made))
        self._store.put_many(BODY, ((m.key, m.body.encode()) for m in made))
        if self._scratch is not None:
            self._scratch.put_many(HTML, ((m.key, m.html.encode()) for m in made))


_UNDECODABLE = (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError)
"""What reading a value of the wrong shape raises: the entry is a miss."""


def _stored_articles(
    files: Sequence[ArticleFile], store: Store, reader: ArticleReader
) -> dict[str, tuple[ArticleEvents, tuple[ArticleDoubt, ...]]]:
    found = {}
    for key, value in store.get_many(ARTICLE, (f.key for f in files)).items():
        try:
            found[key] = reader.article(key, value.decode())
        except _UNDECODABLE:
            log.info("ignoring an entry of the store that does not decode (%s)", key)
    return found


def _stored_bodies(
    found: Mapping[str, tuple[ArticleEvents, object]],
    store: Store,
    reader: ArticleReader,
    salt: str,
) -> dict[str, tuple[ArticleBody, PreparedBody | None]]:
    """The bodies the store holds of ``found`` that are those of their files; their HTML
    is left to be made (None) when a page needs it."""
    bodies: dict[str, tuple[ArticleBody, PreparedBody | None]] = {}
    for key, value in store.get_many(BODY, found).items():
        try:
            body, bom = reader.body(value.decode())
        except _UNDECODABLE:
            continue
        if body_matches(key, found[key][0].article.path, body.text, bom, salt):
            bodies[key] = (body, None)
    return bodies


def _work(file: ArticleFile, root: Path, day_first: bool, salt: str, local: bool) -> Work:
    path = root / file.relative
    if local:
        return Work(file.relative, str(path), day_first, salt)
    try:
        return Work(file.relative, str(path), day_first, salt, path.read_bytes())
    except OSError as error:
        reason = unreadable(file.relative, error).message.removeprefix("cannot read: ")
        return Work(file.relative, str(path), day_first, salt, None, reason)


def _extracted(
    work: list[Work], workers: Workers | None, progress: Progress | None
) -> Iterator[Made | Failure]:
    results = map_in_order(extract_file, work, workers)
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(done, len(work))
        yield result


class StoredBodies:
    """The ``render.Bodies`` of a build: each article's body made ready for its page by
    the worker that extracted it in this build (``scratch``), else made here of the body
    the store holds; when the store does not hold the body as it was read from the
    article's bytes, made again from the file."""

    def __init__(
        self, store: Store, scratch: Store, root: Path, day_first: bool, salt: str
    ) -> None:
        self._store = store
        self._scratch = scratch
        self._root = root
        self._day_first = day_first
        self._salt = salt
        self._reader = ArticleReader()

    def __call__(self, article: ArticleEvents) -> PreparedBody:
        """The body of an article of this build, made ready for its page."""
        # What this build's workers made of the article's bytes (the key is of them): the
        # text and expressions need not be read again.
        made = self._scratch.get(HTML, article.key)
        if made is not None:
            try:
                return prepared_body(made.decode())
            except _UNDECODABLE:
                pass
        body = self._stored_body(article)
        if body is None:
            return self._made_again(article)
        return prepare_body(body)

    def _stored_body(self, article: ArticleEvents) -> ArticleBody | None:
        value = self._store.get(BODY, article.key)
        if value is None:
            return None
        try:
            body, bom = self._reader.body(value.decode())
        except _UNDECODABLE:
            return None
        if not body_matches(article.key, article.article.path, body.text, bom, self._salt):
            log.info("%s: the store's text is not the file's; read again", article.article.path)
            return None
        return body

    def _made_again(self, article: ArticleEvents) -> PreparedBody:
        path = article.article.path
        outcome = extract_file(Work(path, str(self._root / path), self._day_first, self._salt))
        if isinstance(outcome, Failure) or outcome.key != article.key:
            message = "changed while the site was built; build again"
            raise BuildFailed([ContentError(SourceLocation(path, 1), message)])
        self._store.put(BODY, outcome.key, outcome.body.encode())
        return prepared_body(outcome.html)


def explain_missing_date(error: MissingPublicationDate, text: str) -> ContentError:
    """A missing publication date, with the latest date the text gives as a suggestion."""
    dates = [
        e.date.start
        for e in find_expressions(text, dt.date.today())
        if e.date is not None and e.basis is Basis.EXPLICIT
    ]
    if not dates:
        return error
    hint = f"{error.message}; the text's latest date is {max(dates).isoformat()}"
    return ContentError(error.location, hint)
