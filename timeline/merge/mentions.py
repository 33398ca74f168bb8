"""What a collection says of each day: which articles point at it, which of them later, and
the words they say of it (the evidence of ``rank.py`` that is the day's, not one entry's).

An article points at a day with a dated clause of any kind but page furniture, whether its
text gives the date ("on Tuesday", "the April 20 explosion", "since 7 October") or its
publication does (its own news of the day). Those published ``RECALL_DAYS`` or more after the
day recall it, once at least ``MIN_RECALLS`` of them do. The words each article says of each
day weigh how many articles tell an entry's happening (``echo``) and how many tellings of the
whole collection share its words (``story``); docs/events.md, "Key events".

What the collection says is the sum of what each article says (``MentionPart``, made of its
events alone): a build keeps each article's part and works out again only those of the
articles that changed (``DateMentions.of_parts``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.merge.similarity import Weights, content_words, frequency_weights
from timeline.model import Basis, DateValue, Event, EventKind, Precision

RECALL_DAYS = 7
"""How long after a happening an article that points back at it recalls it."""
MIN_RECALLS = 2
"""How many later articles must point back at a day before it counts as remembered."""


def day_of(date: DateValue) -> dt.date | None:
    """The day a date points at, when it is known to the day (or to the time); else None."""
    return date.start if date.precision.rank <= Precision.DAY.rank else None


Telling = tuple[dt.date, str]
"""A day, and the page name of an article that points at it."""


@dataclass(frozen=True, slots=True)
class MentionPart:
    """What some events (one article's) say of each day: the part of ``DateMentions`` that
    is theirs. The parts of several articles add up to what all their events say."""

    published: tuple[tuple[str, dt.date], ...]
    """The day each article was published on, in the order its events first point at a day."""
    dating: frozenset[str]
    """The articles whose text dates something, to any precision."""
    pointed: frozenset[Telling]
    """The days the text dates a clause at, each with its article."""
    own: frozenset[Telling]
    """The days the publication dates a clause at, each with its article."""
    told: tuple[tuple[Telling, frozenset[str]], ...]
    """The words each article says of each day, in the order first told."""


def mention_part(
    events: Iterable[Event], words: dict[str, frozenset[str]] | None = None
) -> MentionPart:
    """What ``events`` say of each day. ``words`` keeps each clause's content words for a
    caller that makes many parts (a sentence retold by many articles is read once)."""
    words = {} if words is None else words
    published: dict[str, dt.date] = {}
    dating: set[str] = set()
    pointed: set[Telling] = set()
    own: set[Telling] = set()
    told: dict[Telling, set[str]] = {}
    for event in events:
        if event.kind is EventKind.FURNITURE:
            continue
        slug = event.article.slug
        if event.basis is not Basis.PUBLICATION:
            dating.add(slug)
        day = day_of(event.date)
        if day is None:
            continue
        clause = event.clause or event.text
        said = words.get(clause)
        if said is None:
            said = words[clause] = content_words(clause)
        telling = (day, slug)
        found = told.get(telling)
        if found is None:
            found = told[telling] = set()
        found.update(said)
        (own if event.basis is Basis.PUBLICATION else pointed).add(telling)
        if slug not in published:
            published[slug] = published_day(event.article.published)
    return MentionPart(
        tuple(published.items()),
        frozenset(dating),
        frozenset(pointed),
        frozenset(own),
        tuple((telling, frozenset(said)) for telling, said in told.items()),
    )


class DateMentions:
    """Which articles point at each day, and the words each of them says of it."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._add((mention_part(events),))

    @classmethod
    def of_parts(cls, parts: Iterable[MentionPart]) -> DateMentions:
        """What the events of all the parts say (each part ``mention_part`` of some of
        them): the same as ``DateMentions`` of all those events."""
        mentions = cls.__new__(cls)
        mentions._add(parts)
        return mentions

    def _add(self, parts: Iterable[MentionPart]) -> None:
        self.articles: dict[dt.date, set[str]] = defaultdict(set)
        """The articles with a dated clause at each day: dated by the text, or by the
        publication in an article whose text dates something (a report of its day's news)."""
        self.published: dict[str, dt.date] = {}
        told: dict[Telling, frozenset[str]] = {}
        own_day: dict[dt.date, set[str]] = defaultdict(set)
        dating: set[str] = set()
        for part in parts:
            for slug, day in part.published:
                self.published.setdefault(slug, day)
            dating.update(part.dating)
            for day, slug in part.pointed:
                self.articles[day].add(slug)
            for day, slug in part.own:
                own_day[day].add(slug)
            for telling, said in part.told:
                found = told.get(telling)
                told[telling] = said if found is None else found | said
        # The publication dates an article's clauses as its day's news only when the article
        # is a report that dates what it tells; an opinion piece, a feature or a listing
        # whose text dates nothing points at no day, however many of its clauses it holds.
        for day, slugs in own_day.items():
            self.articles[day].update(slugs & dating)
        self.dating: frozenset[str] = frozenset(dating)
        """The articles whose text dates something, to any precision (a report)."""
        echoes: dict[dt.date, Counter[str]] = defaultdict(Counter)
        everywhere: Counter[str] = Counter()
        for (day, _), words_told in told.items():
            echoes[day].update(words_told)
            everywhere.update(words_told)
        self._told(echoes, everywhere, len(told))

    def _told(
        self, echoes: dict[dt.date, Counter[str]], everywhere: Counter[str], tellings: int
    ) -> None:
        self.echoes = echoes
        """How many articles say each word of what happened on each day."""
        self.everywhere = everywhere
        """How many tellings (what an article says of a day) say each word."""
        self.weights: Weights = frequency_weights(self.everywhere, tellings)
        """How rare each word is among what each article says of each day."""
        self._recalls: dict[dt.date, int] = {}

    def recalls(self, day: dt.date) -> int:
        """The articles pointing at a day published ``RECALL_DAYS`` or more after it."""
        found = self._recalls.get(day)
        if found is None:
            published = self.published
            later = [
                s for s in self.articles.get(day, ()) if (published[s] - day).days >= RECALL_DAYS
            ]
            found = self._recalls[day] = len(later) if len(later) >= MIN_RECALLS else 0
        return found

    def story(self, words: frozenset[str]) -> float:
        """How many tellings of the whole collection share ``words`` (an entry's content
        words): the mean, over them, of the tellings saying each, weighted by the word's
        rarity (to a tenth, as ``echo``)."""
        weight = self.weights.weight
        weights = {word: weight(word) for word in words}
        total = math.fsum(weights.values())
        if total == 0:
            return 0.0
        told = self.everywhere
        return round(math.fsum(weights[w] * told.get(w, 0) for w in words) / total, 1)

    def echo(self, day: dt.date, words: frozenset[str]) -> float:
        """How many of the articles that tell of a day share ``words`` (an entry's content
        words): the mean, over them, of the articles saying each, weighted by the square of the
        word's rarity (to a tenth, so that an article added elsewhere seldom moves it)."""
        said = self.echoes.get(day)
        if not said or not words:
            return 0.0
        weight = self.weights.weight
        squares = {word: weight(word) ** 2 for word in words}
        total = math.fsum(squares.values())
        if total == 0:
            return 0.0
        return round(math.fsum(squares[w] * said.get(w, 0) for w in words) / total, 1)


@dataclass(slots=True)
class MentionSum:
    """What the parts of distinct articles say together, kept so that a part can be taken
    out as well as added (a build keeps it, and adds and takes out the parts of the
    articles that changed): ``mentions`` is ``DateMentions.of_parts`` of the parts it holds.

    Each part must be a whole article's (no two parts name the same article): taking one out
    takes out everything said under its articles' page names.
    """

    published: dict[str, dt.date] = field(default_factory=dict)
    dating: set[str] = field(default_factory=set)
    pointed: dict[dt.date, set[str]] = field(default_factory=dict)
    own: dict[dt.date, set[str]] = field(default_factory=dict)
    echoes: dict[dt.date, Counter[str]] = field(default_factory=dict)
    """How many tellings of each day say each word."""
    tellings: int = 0
    """How many tellings (what an article says of a day) the parts hold."""
    slugs: set[str] = field(default_factory=set)
    """The page names of the articles whose parts it holds."""
    changed: set[dt.date] = field(default_factory=set, compare=False)
    """The days whose articles or words ``add`` and ``take_out`` changed (a keeper of the
    sum by days rewrites only those)."""

    def add(self, part: MentionPart) -> None:
        """Count ``part`` in; a ``ValueError`` if it names an article already counted."""
        named = part_slugs(part)
        if not self.slugs.isdisjoint(named):
            raise ValueError("a part of an article already counted")
        self.slugs |= named
        for slug, day in part.published:
            self.published.setdefault(slug, day)
        self.dating |= part.dating
        self.changed.update(part_days(part))
        for day, slug in part.pointed:
            self.pointed.setdefault(day, set()).add(slug)
        for day, slug in part.own:
            self.own.setdefault(day, set()).add(slug)
        for (day, _), said in part.told:
            found = self.echoes.get(day)
            if found is None:
                found = self.echoes[day] = Counter()
            found.update(said)
        self.tellings += len(part.told)

    def take_out(self, part: MentionPart) -> None:
        """Count ``part`` out (a part ``add`` counted in); a ``ValueError`` if it was not."""
        named = part_slugs(part)
        if not named <= self.slugs:
            raise ValueError("a part of an article not counted")
        self.slugs -= named
        for slug, _ in part.published:
            self.published.pop(slug, None)
        self.dating -= part.dating
        self.changed.update(part_days(part))
        for by_day, pairs in ((self.pointed, part.pointed), (self.own, part.own)):
            for day, slug in pairs:
                slugs = by_day[day]
                slugs.discard(slug)
                if not slugs:
                    del by_day[day]
        for (day, _), said in part.told:
            counts = self.echoes[day]
            for word in said:
                left = counts[word] - 1
                if left > 0:
                    counts[word] = left
                else:
                    del counts[word]
            if not counts:
                del self.echoes[day]
        self.tellings -= len(part.told)

    def mentions(self) -> DateMentions:
        """``DateMentions.of_parts`` of the parts counted in (the sum is left as it is)."""
        return self._made(
            {day: set(slugs) for day, slugs in self.pointed.items()},
            dict(self.published),
            {day: Counter(counts) for day, counts in self.echoes.items()},
        )

    def handed_over(self) -> DateMentions:
        """``mentions``, made of the sum's own sets and counts rather than copies of them
        (some 7 MiB at 10,000 articles): the sum is left empty."""
        mentions = self._made(self.pointed, self.published, self.echoes)
        self.pointed, self.published, self.echoes, self.own = {}, {}, {}, {}
        self.dating, self.slugs, self.changed, self.tellings = set(), set(), set(), 0
        return mentions

    def _made(
        self,
        pointed: dict[dt.date, set[str]],
        published: dict[str, dt.date],
        echoes: dict[dt.date, Counter[str]],
    ) -> DateMentions:
        """The ``DateMentions`` of the sum, holding ``pointed``'s sets (the articles of
        each day are those and the dating ones published that day), ``published`` and
        ``echoes`` as they are given."""
        mentions = DateMentions.__new__(DateMentions)
        articles = pointed
        for day, slugs in self.own.items():
            articles.setdefault(day, set()).update(slugs & self.dating)
        mentions.articles = articles
        mentions.published = published
        mentions.dating = frozenset(self.dating)
        everywhere: Counter[str] = Counter()
        for counts in echoes.values():
            everywhere.update(counts)
        mentions._told(echoes, everywhere, self.tellings)
        return mentions


def part_days(part: MentionPart) -> set[dt.date]:
    """The days a part says something of."""
    days = {day for day, _ in part.pointed}
    days.update(day for day, _ in part.own)
    days.update(day for (day, _), _ in part.told)
    return days


def part_slugs(part: MentionPart) -> set[str]:
    """The page names of the articles a part is of."""
    named = {slug for slug, _ in part.published} | part.dating
    named.update(slug for _, slug in part.pointed)
    named.update(slug for _, slug in part.own)
    named.update(slug for (_, slug), _ in part.told)
    return named


def published_day(published: dt.datetime | dt.date) -> dt.date:
    """The day an article was published on."""
    return published.date() if isinstance(published, dt.datetime) else published
