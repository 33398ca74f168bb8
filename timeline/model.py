"""The data that flows between the pipeline's stages.

Every class here is a frozen dataclass: a later stage derives new values with
``dataclasses.replace`` and never mutates what an earlier stage produced. This module
imports nothing else of the package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.made import Made  # beside this module: what the merge made an entry of


class Precision(StrEnum):
    """How much of a date the text actually gives, finest first."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for the finest precision, growing as the precision gets coarser."""
        return _PRECISION_RANKS[self]


_PRECISION_RANKS = {precision: rank for rank, precision in enumerate(Precision)}


class Basis(StrEnum):
    """Where an event's date comes from."""

    EXPLICIT = "explicit"
    """The expression names the calendar date itself ("October 7, 2023")."""
    RELATIVE = "relative"
    """The expression is resolved against the publication date or the narrative ("on Monday")."""
    PUBLICATION = "publication"
    """No expression dates the sentence; the article's publication date stands in."""
    CURATED = "curated"
    """An editor wrote the date by hand (``content/events``) or corrected it."""
    DAY_BEFORE = "day-before"
    """Dated by the collection: no expression dates the sentence, and other reports date
    what it tells on the day before its publication (``merge/nextday.py``)."""


class EventKind(StrEnum):
    """What a dated clause is: a reported happening, or something that must not be shown as one."""

    HAPPENED = "happened"
    """A reported occurrence: the record is made of these."""
    EXPECTED = "expected"
    """Future, planned, scheduled or conditional ("is due to", "is expected to"): shown as
    expected, never as fact."""
    STATE = "state"
    """A tally, an ongoing condition or a recap ("more than 400 have been killed since
    March"): dates nothing on the timeline."""
    FURNITURE = "furniture"
    """Not text of the report at all: bylines, datelines, captions, footers, link lists."""
    MENTION = "mention"
    """A state whose date is that of a happening it names ("more than 46,000 have been killed
    since the war began on October 7", "since the October 7 attack"): it recalls that
    happening without reporting it anew. It makes no entry of its own; merging may count it
    as a mention of the entry of its date (the happening it names)."""

    @property
    def recorded(self) -> bool:
        """True for the kinds that become timeline entries (happened and expected)."""
        return self in (EventKind.HAPPENED, EventKind.EXPECTED)


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in a file, printed the way editors and compilers print it: ``path:line``."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class DateValue:
    """What one date expression means, at the precision the text gives and no finer.

    ``start`` and ``end`` bound the calendar interval the value covers (half-open), so values
    of different precision can be sorted and filtered together.
    """

    value: str
    """The TIMEX3 value: ``2025-02-03``, ``2025-02``, ``2025-W05``, ``2025-SU``, ``202``..."""
    start: dt.date
    end: dt.date
    precision: Precision
    mod: str | None = None
    """TIMEX3 modifier such as ``START``, ``MID``, ``END``, ``APPROX``."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression found in a text, with its offsets and its normalized value."""

    start: int
    end: int
    text: str
    type: str
    """TimeML type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    value: str
    mod: str | None = None
    date: DateValue | None = None
    """The calendar interval, when the expression resolves to one (never for durations)."""
    basis: Basis = Basis.EXPLICIT
    resolved: bool = True
    """False when the expression was recognized but could not be resolved safely."""


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read from ``content/articles``: front matter and Markdown body."""

    path: str
    """The file's path relative to the site root, with forward slashes."""
    slug: str
    title: str
    published: dt.datetime | dt.date
    """The document creation time that relative expressions are resolved against."""
    source: str
    text: str
    """The whole file as read; every offset in the pipeline points into it."""
    body_start: int
    """Offset of the Markdown body in ``text``."""
    url: str | None = None
    author: str | None = None
    """The author, or the authors joined with commas."""
    tags: tuple[str, ...] = ()
    """The tags, with the categories of Hugo, Jekyll and Pelican front matter."""
    draft: bool = False
    summary: str | None = None
    """``description`` or ``summary``."""
    updated: dt.datetime | dt.date | None = None
    """When the report was last changed (``lastmod``, ``updated`` or ``modified``)."""
    aliases: tuple[str, ...] = ()
    """Site paths of former addresses of the article's page, each given a redirect page."""
    image: str | None = None
    lang: str | None = None
    """The language the front matter declares, as written (``en``, ``ar``...)."""
    data: dict[str, Any] = field(default_factory=dict, hash=False)
    """Every other front matter key with its value (plain data), for templates."""
    notes: tuple[tuple[int, str], ...] = ()
    """Warnings about the front matter, each with its line: what ``timeline check`` lists."""

    @property
    def published_date(self) -> dt.date:
        """The calendar day of publication, in the article's own time zone."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published

    @property
    def body(self) -> str:
        """The Markdown body without the front matter."""
        return self.text[self.body_start :]

    def line_of(self, offset: int) -> int:
        """The 1-based line number of an offset into ``text``."""
        return self.text.count("\n", 0, offset) + 1

    @property
    def facts(self) -> ArticleFacts:
        """What the front matter says, without the text."""
        return ArticleFacts(
            self.path,
            self.slug,
            self.title,
            self.published,
            self.source,
            self.url,
            self.author,
            self.tags,
            self.draft,
            self.summary,
            self.updated,
            self.aliases,
            self.image,
            self.lang,
            self.data,
        )


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """An article without its text: what merging, the timeline and every page read of it."""

    path: str
    slug: str
    title: str
    published: dt.datetime | dt.date
    source: str
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    summary: str | None = None
    updated: dt.datetime | dt.date | None = None
    aliases: tuple[str, ...] = ()
    image: str | None = None
    lang: str | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False)
    """Every other front matter key with its value (plain data), for templates."""

    @property
    def published_date(self) -> dt.date:
        """The calendar day of publication, in the article's own time zone."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The part of an article that travels with every event taken from it."""

    slug: str
    path: str
    title: str
    source: str
    published: dt.datetime | dt.date
    url: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A sentence of an article, dated by the expression that governs it."""

    id: str
    article: ArticleRef
    text: str
    """The sentence, as plain text."""
    start: int
    end: int
    """Offsets of the sentence in the article's file."""
    line: int
    date: DateValue
    expression: TimeExpression | None
    """The expression the date comes from; None when the publication date stands in."""
    basis: Basis
    clause: str = ""
    """What the event reports, and what merging compares: the clause its date governs when
    the sentence has several dated clauses, else the whole sentence."""
    kind: EventKind = EventKind.HAPPENED
    """Whether the clause reports a happening; only happened and expected events are merged
    into entries, the others are set aside (``timeline check`` lists them)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an entry: which article said it, in which sentence, dated how."""

    event_id: str
    article: ArticleRef
    sentence: str
    line: int
    expression: TimeExpression | None
    basis: Basis
    kind: EventKind = EventKind.HAPPENED


@dataclass(frozen=True, slots=True)
class Entry:
    """One real-world happening on the timeline, with every source that reported it."""

    id: str
    date: DateValue
    text: str
    sources: tuple[Source, ...]
    tags: tuple[str, ...] = ()
    curated: bool = False
    """Written by hand in ``content/events`` rather than extracted from articles."""
    kind: EventKind = EventKind.HAPPENED
    """``happened`` when any source reports the happening, ``expected`` when all only
    expect it."""
    rank: int = 0
    """The entry's place in the collection's importance order: 1 is the most important
    (``merge/rank.py``); 0 before the entries are ranked."""
    key: bool = False
    """True for the key events: the first of that order, or pinned by an editor."""
    mentions: tuple[Source, ...] = ()
    """Tellings of the happening that are not reports of it, each with its own sentence:
    coarse or retrospective mentions ("earlier this week", "in April"), a second telling in
    an article already among the sources, and the forecasts of it ("is expected on
    Saturday") once it happened. They make no entry of their own."""
    related: tuple[str, ...] = ()
    """The ids of the entries this one reacts to: a condemnation, a statement about them."""
    told: int | None = None
    """Which of its sources gives its text (``entries.report_text`` of its sentence), as the
    merge chose it; None when no merge chose it (an editor's entry, or one a correction
    changed)."""
    made: Made | None = field(default=None, compare=False, repr=False)
    """What the merge made it of, with a digest (``made.py``); None if no merge made it."""

    @property
    def corrected(self) -> bool:
        """True when a correction re-dated one of the entry's extracted events."""
        return not self.curated and any(s.basis is Basis.CURATED for s in self.sources)

    @property
    def anchor(self) -> str:
        """The fragment identifier of the entry on any page that lists it."""
        return f"e-{self.id}"


@dataclass(frozen=True, slots=True)
class CuratedEvent:
    """A hand-written event from ``content/events/*.md``, its date still a TIMEX string."""

    path: str
    slug: str
    value: str
    mod: str | None
    text: str
    line: int
    """The line of ``date`` in the front matter, for errors about it."""
    sources: tuple[ArticleRef, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Correction:
    """One line of ``content/corrections.toml``: what to do with an extracted event."""

    action: str
    """``hide``, ``redate``, ``split``, ``restore`` (a set-aside or expected event is taken as
    a happening), ``drop`` (an event is left out before merging), ``key`` (pin among the key
    events) or ``not_key`` (drop from them)."""
    id: str
    """An event id, or for ``hide``, ``key`` and ``not_key`` also an entry id."""
    location: SourceLocation
    reason: str = ""
    value: str | None = None
    """The new TIMEX value, for ``redate``."""
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage learned from one article."""

    article: Article
    expressions: tuple[TimeExpression, ...]
    """Every temporal expression of the article file, in text order."""
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """An article as merging and the timeline need it: its facts and its events.

    Its text and expressions (``ArticleBody``), which only the article's own page reads,
    are kept apart under ``key``.
    """

    key: str
    """The key of the bytes the article was read from (its path and the extraction's
    settings included): its ``ArticleBody`` is kept under it."""
    article: ArticleFacts
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class ArticleBody:
    """What only an article's own page needs: its text and every expression found in it."""

    text: str
    """The whole file as read; every offset in the pipeline points into it."""
    body_start: int
    """Offset of the Markdown body in ``text``."""
    expressions: tuple[TimeExpression, ...]
    """Every temporal expression of the text, in text order."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """The merged, ordered record that the site is rendered from."""

    title: str
    entries: tuple[Entry, ...]
    articles: tuple[ArticleEvents, ...]
    """Every article with its events, in the order of their files."""
