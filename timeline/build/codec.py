"""What the build keeps of each article between builds, as plain JSON data and back: its
facts, events and doubts, and its body (what the merge keeps is ``kept_codec.py``'s).

The store holds no pickles: every value is JSON of lists, strings, numbers and booleans,
made here from the model's frozen dataclasses and made back into them. Reading a value
never runs anything but this code; a value of the wrong shape raises ``ValueError`` (or a
``TypeError``, ``KeyError``, ``IndexError`` from the same cause), which the store treats
as a miss.

Events are written compactly (a list per value, the article's reference once per
article) and read back sharing the values many events repeat (dates, their expressions'
texts): 164,000 events at 10,000 articles have ~3,100 distinct dates.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from timeline.build.report import ArticleDoubt, Doubt
from timeline.build.store import dumps
from timeline.model import (
    ArticleBody,
    ArticleEvents,
    ArticleFacts,
    ArticleRef,
    Basis,
    DateValue,
    Event,
    EventKind,
    Precision,
    SourceLocation,
    TimeExpression,
)

Json = Any
"""A value ``json.loads`` gives."""

_BASES = {basis.value: basis for basis in Basis}
_KINDS = {kind.value: kind for kind in EventKind}
_PRECISIONS = {precision.value: precision for precision in Precision}


# ---------------------------------------------------------------- articles


def article_json(article: ArticleEvents, doubts: tuple[ArticleDoubt, ...]) -> str:
    """An article's facts, events and doubts, for the store (``ArticleReader.article``)."""
    facts = article.article
    ref = _ref_of(facts)
    return dumps(
        [
            _facts_json(facts),
            [_event_json(event, ref) for event in article.events],
            [[d.location.path, d.location.line, d.message, d.kind, list(ids)] for d, ids in doubts],
        ]
    )


def body_json(body: ArticleBody, bom: bool) -> str:
    """An article's text and expressions; ``bom``: the file began with a byte order mark
    that reading dropped (the text is tied to the key of the file's bytes)."""
    expressions = [_expression_json(x) for x in body.expressions]
    return dumps([body.text, body.body_start, expressions, bom])


def _ref_of(facts: ArticleFacts) -> ArticleRef:
    return ArticleRef(
        facts.slug, facts.path, facts.title, facts.source, facts.published, facts.url, facts.tags
    )


def _facts_json(facts: ArticleFacts) -> Json:
    return [
        facts.path,
        facts.slug,
        facts.title,
        facts.published.isoformat(),
        facts.source,
        facts.url,
        facts.author,
        list(facts.tags),
        facts.draft,
        facts.summary,
        facts.updated.isoformat() if facts.updated is not None else None,
        list(facts.aliases),
        facts.image,
        facts.lang,
        facts.data,
    ]


def _event_json(event: Event, ref: ArticleRef) -> Json:
    expression = _expression_json(event.expression) if event.expression else None
    if expression is not None and event.expression and event.expression.date == event.date:
        del expression[6]  # its date is the event's (nearly always): written once
    item = [
        event.id,
        event.text,
        event.start,
        event.end,
        event.line,
        _date_json(event.date),
        expression,
        event.basis.value,
        event.clause if event.clause != event.text else None,  # most clauses are the sentence
        event.kind.value,
    ]
    if event.article != ref:  # never from extraction, but kept exactly if it happens
        item.append(_facts_json(ArticleFacts(*_ref_fields(event.article))))
    return item


def _ref_fields(ref: ArticleRef) -> tuple[Any, ...]:
    return (ref.path, ref.slug, ref.title, ref.published, ref.source, ref.url, None, ref.tags)


def _expression_json(x: TimeExpression) -> Json:
    date = _date_json(x.date) if x.date else None
    return [x.start, x.end, x.text, x.type, x.value, x.mod, date, x.basis.value, x.resolved]


def _date_json(date: DateValue) -> Json:
    return [date.value, date.start.isoformat(), date.end.isoformat(), date.precision, date.mod]


class ArticleReader:
    """Makes stored articles into the model again, sharing the dates and strings that
    many events repeat among all the articles one reader reads."""

    def __init__(self) -> None:
        self._dates: dict[tuple[Any, ...], DateValue] = {}
        self._strings: dict[str, str] = {}

    def article(self, key: str, text: str) -> tuple[ArticleEvents, tuple[ArticleDoubt, ...]]:
        """The article stored under ``key`` by ``article_json``, and its doubts."""
        facts_item, events, doubts = json.loads(text)
        facts = _facts(facts_item)
        ref = _ref_of(facts)
        made = tuple(self._event(item, ref) for item in events)
        kept = tuple(
            (Doubt(SourceLocation(path, line), message, kind), tuple(ids))
            for path, line, message, kind, ids in doubts
        )
        return ArticleEvents(key, facts, made), kept

    def body(self, text: str) -> tuple[ArticleBody, bool]:
        """The body stored by ``body_json``, and whether the file had a byte order mark."""
        value, start, expressions, bom = json.loads(text)
        if not isinstance(value, str) or not isinstance(bom, bool):
            raise ValueError("not an article body")
        made = tuple(self._expression(item) for item in expressions)
        return ArticleBody(value, int(start), made), bom

    def _event(self, item: list[Any], ref: ArticleRef) -> Event:
        string = self._strings.setdefault
        if len(item) == 11:
            ref = _ref_of(_facts(item[10]))
        date = self._date(item[5])
        told = item[6]
        expression = None if told is None else self._expression(told, date)
        text = string(item[1], item[1])  # one sentence often gives several events
        clause = text if item[8] is None else string(item[8], item[8])
        return Event(
            item[0],
            ref,
            text,
            item[2],
            item[3],
            item[4],
            date,
            expression,
            _BASES[item[7]],
            clause,
            _KINDS[item[9]],
        )

    def _expression(self, item: list[Any], dated: DateValue | None = None) -> TimeExpression:
        """An expression; ``dated``: an event's date, which is the expression's when its
        item leaves the date out."""
        string = self._strings.setdefault
        date: DateValue | None
        if len(item) == 8 and dated is not None:
            start, end, text, kind, value, mod, basis, resolved = item
            date = dated
        else:
            start, end, text, kind, value, mod, told, basis, resolved = item
            date = self._date(told) if told is not None else None
        return TimeExpression(
            start,
            end,
            string(text, text),
            string(kind, kind),
            string(value, value),
            mod,
            date,
            _BASES[basis],
            bool(resolved),
        )

    def _date(self, item: list[Any]) -> DateValue:
        key = tuple(item)
        known = self._dates.get(key)
        if known is None:
            value, start, end, precision, mod = item
            known = DateValue(
                value,
                dt.date.fromisoformat(start),
                dt.date.fromisoformat(end),
                _PRECISIONS[precision],
                mod,
            )
            self._dates[key] = known
        return known


def _facts(item: list[Any]) -> ArticleFacts:
    path, slug, title, published, source, url, author, tags, draft = item[:9]
    summary, updated, aliases, image, lang, data = item[9:]
    if not isinstance(data, dict):
        raise ValueError("an article's data is a mapping")
    return ArticleFacts(
        path,
        slug,
        title,
        _published(published),
        source,
        url,
        author,
        tuple(tags),
        bool(draft),
        summary,
        _published(updated) if updated is not None else None,
        tuple(aliases),
        image,
        lang,
        data,
    )


def _published(text: str) -> dt.datetime | dt.date:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)
