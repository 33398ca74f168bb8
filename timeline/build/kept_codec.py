"""What the merge keeps between builds (``kept.py``), as plain JSON data and back: what each
article says of each day, and the merge record (``merge/record.py``) by rows.

As in ``codec.py`` (the articles and their bodies): no pickles, and a value of the wrong
shape raises ``ValueError`` (or a ``TypeError``, ``KeyError``, ``IndexError`` from the same
cause), which the store treats as a miss.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from timeline.build.store import dumps
from timeline.merge import BlockKey
from timeline.merge.mentions import MentionPart, MentionSum
from timeline.merge.record import BlockRecord, MergeRecord
from timeline.merge.similarity import Weights
from timeline.merge.traits import Traits

Json = Any
"""A value ``json.loads`` gives."""


# ---------------------------------------------------------------- what articles say of days


def mention_part_json(part: MentionPart) -> bytes:
    """What an article says of each day (``mentions.MentionPart``), for the store."""
    return _encoded(
        [
            [[slug, day.isoformat()] for slug, day in part.published],
            sorted(part.dating),
            sorted([day.isoformat(), slug] for day, slug in part.pointed),
            sorted([day.isoformat(), slug] for day, slug in part.own),
            [[day.isoformat(), slug, _words_json(words)] for (day, slug), words in part.told],
        ]
    )


def _words_json(words: frozenset[str]) -> str | list[str]:
    """A set of words as one text, the words apart by spaces (read back by one split, and
    the same text for the same set); a list when a word is empty or holds a space."""
    ordered = sorted(words)
    return ordered if any(" " in word or not word for word in ordered) else " ".join(ordered)


class MentionReader:
    """Makes stored ``MentionPart``s again, sharing the days and the sets of words that
    many articles repeat."""

    def __init__(self) -> None:
        self._days: dict[str, dt.date] = {}
        self._words: dict[str, frozenset[str]] = {}

    def part(self, data: bytes) -> MentionPart:
        """The part ``mention_part_json`` wrote (a ``ValueError`` if it is not one)."""
        published, dating, pointed, own, told = json.loads(data)
        day = self._day
        return MentionPart(
            tuple((_text(slug), day(when)) for slug, when in published),
            frozenset(map(_text, dating)),
            frozenset((day(when), _text(slug)) for when, slug in pointed),
            frozenset((day(when), _text(slug)) for when, slug in own),
            tuple(((day(when), _text(slug)), self._set(words)) for when, slug, words in told),
        )

    def _day(self, text: str) -> dt.date:
        found = self._days.get(text)
        if found is None:
            found = self._days[text] = dt.date.fromisoformat(text)
        return found

    def _set(self, words: str | list[str]) -> frozenset[str]:
        if not isinstance(words, str):
            return frozenset(map(_text, words))
        found = self._words.get(words)
        if found is None:
            found = self._words[words] = frozenset(words.split(" ")) if words else frozenset()
        return found


SUM_HEAD = "head"
SUM_DAY = "day:"
"""The rows of a kept ``MentionSum``: its head (the keys of the parts it holds, the
articles' days, the dating ones, how many tellings, and the days it has rows for), and one
row a day (the articles pointing at it by their text and by their publication, the words
said of it), each made and written before the next: written whole, the sum was 6.4 MB of
JSON at 10,000 articles, made at the build's peak."""


def mention_sum_rows(
    of: Collection[str], mentions: MentionSum, days: Collection[dt.date] | None = None
) -> Iterator[tuple[str, bytes]]:
    """A ``MentionSum`` of the parts kept under the keys ``of``, for the store: its head
    and the rows of ``days`` (all when None) it says something of, by row name."""
    every = sorted(mentions.pointed.keys() | mentions.own.keys() | mentions.echoes.keys())
    yield (
        SUM_HEAD,
        _encoded(
            [
                sorted(of),
                [[slug, day.isoformat()] for slug, day in sorted(mentions.published.items())],
                sorted(mentions.dating),
                mentions.tellings,
                [day.isoformat() for day in every],
            ]
        ),
    )
    wanted = every if days is None else sorted(set(days).intersection(every))
    for day in wanted:
        counts = mentions.echoes.get(day) or Counter[str]()
        row = [
            sorted(mentions.pointed.get(day, ())),
            sorted(mentions.own.get(day, ())),
            dict(sorted(counts.items())),
        ]
        yield SUM_DAY + day.isoformat(), _encoded(row)


def mention_sum_of_rows(rows: Iterable[tuple[str, bytes]]) -> tuple[set[str], MentionSum]:
    """The keys and the sum ``mention_sum_rows`` wrote, from all its rows as they come (a
    ``ValueError`` if they are not one: a row missing, or one not the head names)."""
    names: dict[str, str] = {}

    def name(value: object) -> str:
        text = _text(value)
        return names.setdefault(text, text)

    day = dt.date.fromisoformat
    made = MentionSum()
    head: Json = None
    read: list[str] = []
    for row, data in rows:
        if row == SUM_HEAD:
            head = json.loads(data)
            continue
        if not row.startswith(SUM_DAY):
            raise ValueError("not a row of the sum")
        when = row[len(SUM_DAY) :]
        read.append(when)
        pointed, own, counts = json.loads(data)
        if not (pointed or own or counts):
            raise ValueError("a day's row that says nothing of it")  # never written so
        if pointed:
            made.pointed[day(when)] = set(map(name, pointed))
        if own:
            made.own[day(when)] = set(map(name, own))
        if counts:
            made.echoes[day(when)] = Counter({_text(w): _count(n) for w, n in counts.items()})
    if head is None:
        raise ValueError("a sum without its head")
    of, published, dating, tellings, days = head
    if sorted(read) != sorted(map(_text, days)):
        raise ValueError("a sum without all its days")
    made.published = {name(slug): day(when) for slug, when in published}
    made.dating = set(map(name, dating))
    made.tellings = _count(tellings, 0)
    made.slugs = set(made.published) | made.dating
    for by_day in (made.pointed, made.own):
        for slugs in by_day.values():
            made.slugs |= slugs
    return set(map(_text, of)), made


def _count(value: object, least: int = 1) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise ValueError("not a count")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("not a text")
    return value


# ---------------------------------------------------------------- the merge record


RECORD_PARTS = ("sets", "words", "frequency", "weights", "months", "folded")
"""The parts of the merge record kept whole beside its rows, each made, encoded and stored
before the next: written whole, the record's JSON was a spike of tens of MB."""
ARTICLE_ROW = "article:"
BLOCK_ROW = "block:"
"""The rows of the merge record kept one an article (its events' ids and digests, by its
key) and one a date block: a build writes only those of the articles and blocks that
changed."""


def block_row(key: BlockKey) -> str:
    """The name of a date block's row."""
    return BLOCK_ROW + dumps(list(key))


def record_rows(
    record: MergeRecord,
    *,
    articles: Collection[str] | None = None,
    blocks: Collection[BlockKey] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The merge record (``merge/record.py``) as data, ids, words and numbers, by row name:
    the rows of ``articles`` and ``blocks`` (all when None) and the parts kept whole
    (``RECORD_PARTS``), each made when it is asked for."""
    for key in record.articles if articles is None else articles:
        yield ARTICLE_ROW + key, _encoded([record.articles[key], record.digests[key]])
    for where in record.blocks if blocks is None else blocks:
        b = record.blocks[where]
        choices = [[text, list(places)] for text, places in b.choices]
        traits = [_traits_json(t) for t in b.traits]
        row = [b.members, sorted(b.words), sorted(b.apart), b.clusters, choices, b.texts, traits]
        row.append(b.digests)
        yield block_row(where), _encoded(row)
    # ~15,000 distinct sets of words among 164,000 events at 10,000 articles: each once.
    sets: dict[frozenset[str], int] = {}
    words = {i: sets.setdefault(w, len(sets)) for i, w in record.words.items()}
    yield "sets", _encoded([sorted(w) for w in sets])
    del sets
    yield "words", _encoded(words)
    del words
    yield "frequency", _encoded(dict(record.frequency))
    yield "weights", _encoded([record.weights.idf, record.weights.unseen])
    yield "months", _encoded([[list(month), ids] for month, ids in record.months.items()])
    yield (
        "folded",
        _encoded(
            [
                [i, [list(m) for m in spans], list(target) if target else None]
                for i, (spans, target) in record.folded.items()
            ]
        ),
    )


def _traits_json(traits: Traits | None) -> Json:
    if traits is None:
        return None
    words = None if traits.words == traits.told else traits.words  # mostly: one text
    return [traits.told, words, traits.statement, traits.needs_context]


def _traits(value: Json) -> Traits | None:
    """An entry's traits ``_traits_json`` wrote (a ``ValueError`` if not)."""
    if value is None:
        return None
    told, words, statement, needs_context = value
    if not isinstance(statement, bool) or not isinstance(needs_context, bool):
        raise ValueError("not a yes or no")
    told = _text(told)
    return Traits(told, told if words is None else _text(words), statement, needs_context)


def _digest(value: Json) -> str:
    """An entry's digest (``made.Made``): 32 hex digits (a ``ValueError`` if not)."""
    text = _text(value)
    if len(text) != 32 or text.strip("0123456789abcdef"):
        raise ValueError("not a digest")
    return text


def _encoded(value: Json) -> bytes:
    return dumps(value).encode()


def _choice(cluster: tuple[str, ...], choice: list[Any]) -> tuple[int, tuple[int, ...]]:
    """How an entry was made of ``cluster``: one of its reports' text, the places of its
    mentions in it (a ``ValueError`` for places that are not the cluster's)."""
    text, places = int(choice[0]), tuple(map(int, choice[1]))
    reports = len(cluster) - len(places)
    if list(places) != sorted(set(places)) or not all(0 <= at < len(cluster) for at in places):
        raise ValueError("a mention that is not one of its cluster's events")
    if not 0 <= text < reports:
        raise ValueError("an entry's text that is not one of its reports'")
    return text, places


def _same_length(items: list[Any], other: tuple[Any, ...]) -> list[Any]:
    """``items``, one for each of ``other`` (a ``ValueError`` if not)."""
    if len(items) != len(other):
        raise ValueError("not one for each entry")
    return items


def record_of_rows(
    rows: Iterable[tuple[str, bytes]], known: dict[str, str] | None = None
) -> MergeRecord:
    """The merge record ``record_rows`` wrote, from its rows as they come, each decoded and
    let go before the next (a ``KeyError`` if a part is missing).

    The record names each event four times (its article's, its block's, its entry's and
    its words' rows): each id is one string, that of ``known`` when it holds it (the
    events' own ids: 164,000 at 10,000 articles, some 15 MB a copy)."""
    one = ({} if known is None else known).setdefault
    parts: dict[str, bytes] = {}
    articles: dict[str, tuple[str, ...]] = {}
    digests: dict[str, str] = {}
    blocks: dict[BlockKey, BlockRecord] = {}
    for name, value in rows:
        if name.startswith(ARTICLE_ROW):
            ids, told = json.loads(value)
            key = name[len(ARTICLE_ROW) :]
            articles[key], digests[key] = tuple([one(i, i) for i in ids]), str(told)
        elif name.startswith(BLOCK_ROW):
            first, second, third = json.loads(name[len(BLOCK_ROW) :])
            members, block_words, apart, clusters, choices, texts, traits, entry_digests = (
                json.loads(value)
            )
            made = tuple(tuple([one(i, i) for i in cluster]) for cluster in clusters)
            blocks[(str(first), str(second), None if third is None else str(third))] = BlockRecord(
                tuple([one(i, i) for i in members]),
                frozenset(block_words),
                frozenset(apart),
                made,
                tuple(_choice(c, choice) for c, choice in zip(made, choices, strict=True)),
                tuple(map(_text, _same_length(texts, made))),
                tuple(map(_traits, _same_length(traits, made) if traits else ())),
                tuple(map(_digest, _same_length(entry_digests, made) if entry_digests else ())),
            )
        else:
            parts[name] = value
    sets = [frozenset(items) for items in json.loads(parts.pop("sets"))]
    words = {one(i, i): sets[index] for i, index in json.loads(parts.pop("words")).items()}
    del sets
    idf, unseen = json.loads(parts["weights"])
    return MergeRecord(
        articles,
        digests,
        words,
        Counter({word: int(n) for word, n in json.loads(parts["frequency"]).items()}),
        Weights({word: float(w) for word, w in idf.items()}, float(unseen)),
        blocks,
        {(month[0], month[1]): tuple(ids) for month, ids in json.loads(parts["months"])},
        {
            i: (
                tuple((m[0], m[1]) for m in spans),
                (target[0], target[1]) if target is not None else None,
            )
            for i, spans, target in json.loads(parts["folded"])
        },
    )
