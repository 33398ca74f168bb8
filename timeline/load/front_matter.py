"""The keys of an article's front matter: what each means, read with every problem collected.

The keys of Hugo, Jekyll and Pelican articles are read as those generators mean them, so
existing content comes in as it is. Any other key is kept as page data for templates and
noted (with a did-you-mean when it is close to a key timeline reads); ``timeline check``
lists the notes, and fails on them with ``--strict``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from dateutil import parser as date_parser
from dateutil import tz

from timeline.errors import ContentError
from timeline.model import Article, SourceLocation

KNOWN_KEYS = {
    "title": "the headline",
    "published": "the publication date (Jekyll: true or false, whether to publish)",
    "date": "the publication date, when there is no 'published'",
    "source": "the outlet",
    "url": "the link to the original report",
    "author": "the author, or a list of authors",
    "authors": "the authors",
    "tags": "tags",
    "categories": "categories, read as tags",
    "category": "a category, read as a tag (Pelican)",
    "draft": "true keeps the article out of the site",
    "slug": "the page name",
    "description": "a summary",
    "summary": "a summary",
    "lastmod": "when the report was last changed (Hugo)",
    "updated": "when the report was last changed",
    "modified": "when the report was last changed (Pelican)",
    "aliases": "former addresses of the page, each given a redirect page",
    "image": "an image of the report",
    "lang": "the language of the report",
}
"""Every key timeline reads, with what it means."""

PUBLICATION_YEARS = (1000, 8999)
"""The years a publication date may have: news is not dated in the year 1 or 9999, and the
dates a text gives are worked out from it, centuries either way, inside the calendar."""
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")
_YEAR_FIRST = re.compile(r"^\d{4}-\d\d-\d\d[ T]")
_UTC_NAMES = frozenset({"UTC", "GMT", "Z", "UT"})


class MissingPublicationDate(ContentError):
    """An article has no ``published`` date and no date prefix in its file name."""


class FrontMatterFields:
    """The values of one front matter, each read by what its key means; a bad value is a
    problem noted with its line, and reading goes on, so one run reports them all."""

    def __init__(self, data: dict[str, Any], lines: dict[str, int], path: str) -> None:
        self._data = data
        self._lines = lines
        self._path = path
        self._problems: list[ContentError] = []

    def problems(self) -> list[ContentError]:
        """Every problem met so far, in the order of their lines."""
        return sorted(self._problems, key=lambda problem: problem.location.line)

    def where(self, key: str) -> SourceLocation:
        """The line of ``key`` in the file (the first line when it cannot be told)."""
        return SourceLocation(self._path, self._lines.get(key, 1))

    def required_text(self, key: str) -> str:
        """A text that must be there."""
        value = self.text(key)
        if not value and not self._has_problem(key):
            self._problem(key, f"'{key}' is required")
        return value or ""

    def text(self, *keys: str) -> str | None:
        """The text of the first of ``keys`` present (a number reads as text)."""
        key = self._first(keys)
        if key is None or self._data[key] is None:
            return None
        value = self._data[key]
        if isinstance(value, dict | list):
            self._problem(key, f"'{key}' must be text")
            return None
        return str(value).strip()

    def texts(self, key: str, example: str) -> tuple[str, ...]:
        """A list of texts, or one text (with commas for several)."""
        value = self._data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self._problem(key, f"'{key}' must be a list such as {example}")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    def publication_date(self, prefix: dt.date | None) -> dt.datetime | dt.date:
        """``published``, else ``date``, else the file name's date prefix."""
        published = self._data.get("published")
        key = "published" if "published" in self._data and not _jekyll_flag(published) else "date"
        if key in self._data:
            found = self.date(key)
            return found if found is not None else dt.date.min
        if prefix is not None:
            return prefix
        self._problems.append(
            MissingPublicationDate(
                SourceLocation(self._path, 1),
                "no publication date: add 'published: YYYY-MM-DD' to the front matter",
            )
        )
        return dt.date.min

    def date(self, *keys: str) -> dt.datetime | dt.date | None:
        """The date or time of the first of ``keys`` present."""
        key = self._first(keys)
        if key is None:
            return None
        try:
            return parse_published(self._data[key])
        except ValueError as error:
            name = "publication date" if key in ("published", "date") else f"'{key}'"
            self._problem(key, f"bad {name}: {error}")
            return None

    def authors(self) -> str | None:
        """``author`` or ``authors``, one name or a list, as one text."""
        names = [name for key in ("author", "authors") for name in self._names(key)]
        return ", ".join(dict.fromkeys(names)) or None

    def tags(self) -> tuple[str, ...]:
        """The tags, categories included, lower-cased, each once."""
        found = [
            tag
            for key in ("tags", "categories", "category")
            for tag in self.texts(key, "[gaza, ceasefire]")
        ]
        return tuple(dict.fromkeys(tag.lower() for tag in found))

    def draft(self) -> bool:
        """``draft: true``, or Jekyll's ``published: false``."""
        if _jekyll_flag(self._data.get("published")) and self._data["published"] is False:
            return True
        value = self._data.get("draft", False)
        if not isinstance(value, bool):
            self._problem("draft", "'draft' must be true or false")
            return False
        return value

    def slug(self) -> str | None:
        """The page name the front matter gives, as written."""
        return self.text("slug") or None

    def aliases(self) -> tuple[str, ...]:
        """Former site paths of the page (``/old/``, ``/2024/03/old.html``), normalized to
        the file of a redirect page (``old/index.html``)."""
        paths = []
        for alias in self.texts("aliases", "[/old/address/]"):
            path = alias_path(alias)
            if path is None:
                self._problem(
                    "aliases",
                    f"alias '{alias}' is not a page path of this site (such as /2024/03/old-name/)",
                )
            else:
                paths.append(path)
        return tuple(dict.fromkeys(paths))

    def other_data(self) -> dict[str, Any]:
        """Every key timeline does not read, with its value as plain data."""
        return {key: _plain(value) for key, value in self._data.items() if key not in KNOWN_KEYS}

    def notes(self) -> tuple[tuple[int, str], ...]:
        """A warning for each key timeline does not read, with a did-you-mean if one is close."""
        return tuple(
            (self.where(key).line, unknown_key_note(key))
            for key in self._data
            if key not in KNOWN_KEYS
        )

    def _names(self, key: str) -> tuple[str, ...]:
        value = self._data.get(key)
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return (value["name"].strip(),)  # Jekyll's author: {name: ..., url: ...}
        return self.texts(key, "[Jane Doe, John Roe]")

    def _first(self, keys: tuple[str, ...]) -> str | None:
        return next((key for key in keys if key in self._data), None)

    def _problem(self, key: str, message: str) -> None:
        self._problems.append(ContentError(self.where(key), message))

    def _has_problem(self, key: str) -> bool:
        return any(p.location == self.where(key) for p in self._problems)


def article_notes(article: Article) -> list[tuple[int, str]]:
    """The warnings about an article's front matter, each with its line: keys timeline does
    not read, and a missing ``source`` or ``url`` (a report readers cannot trace)."""
    notes = list(article.notes)
    if not article.source:
        notes.append((1, "no 'source': the report is shown from 'Unknown outlet'; name the outlet"))
    if not article.url:
        notes.append((1, "no 'url': readers cannot open the original report; add its link"))
    return notes


def unknown_key_note(key: object) -> str:
    """The warning about a front matter key timeline does not read."""
    name = str(key)
    close = difflib.get_close_matches(name.lower(), KNOWN_KEYS, n=1, cutoff=0.75)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"front matter key '{name}' is not one timeline reads: kept as page data{hint}"


def alias_path(alias: str) -> str | None:
    """The output file of a redirect page for the site path ``alias``, or None when the
    alias is not the path of a page inside the site (a URL, ``..``, a query, a .css)."""
    path = alias.strip()
    if re.search(r"^[a-z][a-z0-9+.-]*:|^//|[?#\\\\]|[\x00-\x1f]", path, re.I):
        return None
    parts = [part for part in path.split("/") if part]
    if not parts or any(part in (".", "..") for part in parts):
        return None
    if path.endswith("/") or "." not in parts[-1]:
        parts.append("index.html")
    elif not parts[-1].lower().endswith((".html", ".htm")):
        return None  # a redirect is a page: /feed.xml or /style.css cannot be one
    return "/".join(parts)


def parse_published(value: object) -> dt.datetime | dt.date:
    """A publication date from YAML: a date, a datetime, an ISO 8601 string, or a date
    written out (``March 10, 2025``, ``10 March 2025 09:30 +0100``) that names one day,
    in the years ``PUBLICATION_YEARS``."""
    published = _read_date(value)
    low, high = PUBLICATION_YEARS
    if not low <= published.year <= high:
        raise ValueError(f"the year {published.year} is outside {low}-{high}")
    return published


def _read_date(value: object) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2025-02-03, not {value!r}")
    text = value.strip()
    try:
        parsed = date_parser.isoparse(text.replace(" ", "T", 1))
    except ValueError:
        if not (_MONTH_WORD.search(text) or _YEAR_FIRST.match(text)):
            raise ValueError(f"'{value}' is not a date that exists (use YYYY-MM-DD)") from None
        return _written_date(text)
    return parsed if "T" in text or " " in text else parsed.date()


def _written_date(text: str) -> dt.datetime | dt.date:
    """A date written out, read twice with defaults that differ in every field: a field that
    differs between the two was not written, and a date must write its day, month and year."""
    try:
        first = date_parser.parse(text, default=dt.datetime(2001, 1, 1, 0, 0, 0), tzinfos=_zone)
        second = date_parser.parse(text, default=dt.datetime(2002, 2, 2, 1, 1, 1), tzinfos=_zone)
    except (ValueError, OverflowError) as error:
        if "time zone" in str(error):
            raise ValueError(f"'{text}': {error}") from None
        raise ValueError(f"'{text}' is not a date that exists (use YYYY-MM-DD)") from None
    if first.date() != second.date():
        raise ValueError(f"'{text}' does not name one day (use YYYY-MM-DD)")
    if first.hour != second.hour:
        return first.date()
    return first


def _zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    """Time zones by offset or as UTC; a zone name is refused, for names are ambiguous."""
    if name is None:
        return tz.tzoffset(None, offset) if offset is not None else None
    if name.upper() in _UTC_NAMES:
        return dt.UTC
    raise ValueError(f"unknown time zone '{name}': write it as an offset such as +02:00")


def _jekyll_flag(value: object) -> bool:
    """Jekyll's ``published: false`` (or true) says whether to publish, not when."""
    return isinstance(value, bool)


def _plain(value: object) -> Any:
    """A YAML value as plain data: mappings with text keys, lists, text, numbers, booleans."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
