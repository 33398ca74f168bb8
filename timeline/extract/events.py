"""Events: the sentences of an article, each dated by the expression that governs it.

The rules (see docs/events.md):
- page furniture (datelines, bylines, captions, footers, link lists: ``furniture.py``) is
  found first and hidden from the date engine, so that its dates neither date the text nor
  become the time later expressions count from; each date in it is an event of kind
  ``furniture``, which no entry is made of, kept so ``timeline check`` can list it and a
  correction can restore it;
- a sentence is an event for each distinct date that governs one of its clauses
  (``govern.py`` says which expressions govern), of the kind its clause reports
  (``classes.py``: happened, expected, state, mention);
- the article's lead (its first sentence that is not furniture) is an event on the
  publication date when the text does not date it otherwise;
- other undated sentences are context, not events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from timeline.extract.classes import classify
from timeline.extract.furniture import Bounds, furniture_spans
from timeline.extract.govern import clause_around, dating_expressions
from timeline.extract.sentences import (
    Span,
    mask_markup,
    normalize_space,
    split_paragraphs,
    split_sentences,
)
from timeline.extract.timex import day_value, find_expressions
from timeline.model import (
    Article,
    ArticleRef,
    Basis,
    DateValue,
    Event,
    EventKind,
    Extraction,
    TimeExpression,
)

Paragraphs = list[tuple[Span, list[Span]]]
_NEWLINE = re.compile("\n")


def extract_article(article: Article, *, day_first: bool = False) -> Extraction:
    """The temporal expressions and the dated events of one article, in text order."""
    plain = mask_markup(article.text, article.body_start)
    paragraphs = [(p, split_sentences(p)) for p in split_paragraphs(plain, article.body_start)]
    furniture = furniture_spans(article.text, paragraphs)
    expressions = find_dates(plain, furniture, article.published_date, day_first=day_first)
    events = extract_events(article, paragraphs, expressions, furniture)
    return Extraction(article, expressions, events)


def find_dates(
    plain: str, furniture: Sequence[Bounds], published: dt.date, *, day_first: bool = False
) -> tuple[TimeExpression, ...]:
    """The expressions of the text, and those of its furniture found apart: the engine never
    sees the furniture and the text together, so no date of a byline is the reference that a
    weekday of the text counts from."""
    if not furniture:
        return tuple(find_expressions(plain, published, day_first=day_first))
    found = find_expressions(_blanked(plain, furniture), published, day_first=day_first)
    for start, end in furniture:
        inside = find_expressions(plain[start:end], published, day_first=day_first)
        found.extend(replace(e, start=e.start + start, end=e.end + start) for e in inside)
    return tuple(sorted(found, key=lambda e: e.start))


def extract_events(
    article: Article,
    paragraphs: Paragraphs,
    expressions: Sequence[TimeExpression],
    furniture: Sequence[Bounds] = (),
) -> tuple[Event, ...]:
    """The events of an article whose sentences, expressions and furniture are known."""
    maker = _EventMaker(article)
    starts = [e.start for e in expressions]
    inside = _Furniture(furniture)
    lead = True
    for sentence in (s for _, sentences in paragraphs for s in sentences):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        found = expressions[first:last]
        if inside.covers(sentence):
            maker.furniture(sentence, found, inside)
            continue
        text = [e for e in found if inside.span_of(e) is None]
        if len(text) < len(found):
            maker.furniture(sentence, [e for e in found if e not in text], inside)
        dating = dating_expressions(sentence.text, sentence.start, text) if text else []
        if not dating and lead:
            maker.event(sentence, None)
        lead = False
        several = len(dating) > 1
        for expression in dating:
            maker.event(sentence, expression, several)
    return _with_unique_ids(maker.events)


def article_ref(article: Article) -> ArticleRef:
    """What each event keeps of the article it comes from."""
    return ArticleRef(
        slug=article.slug,
        path=article.path,
        title=article.title,
        source=article.source,
        published=article.published,
        url=article.url,
        tags=article.tags,
    )


def event_id(slug: str, sentence: str, value: str) -> str:
    """A stable id: the same article, sentence and date give the same id on every build."""
    digest = hashlib.sha1(f"{slug}\0{sentence}\0{value}".encode()).hexdigest()
    return digest[:12]


class _Furniture:
    """Which offsets of the article lie in its furniture."""

    def __init__(self, spans: Sequence[Bounds]) -> None:
        self._spans = list(spans)
        self._starts = [start for start, _ in self._spans]

    def span_of(self, expression: TimeExpression) -> Bounds | None:
        """The furniture that holds an expression, if any."""
        return self._around(expression.start, expression.end)

    def covers(self, sentence: Span) -> bool:
        """True when the whole sentence is furniture."""
        return self._around(sentence.start, sentence.end) is not None

    def _around(self, start: int, end: int) -> Bounds | None:
        index = bisect.bisect_right(self._starts, start) - 1
        if index >= 0 and end <= self._spans[index][1]:
            return self._spans[index]
        return None


class _EventMaker:
    """Makes the events of one article, in text order."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.ref = article_ref(article)
        self.events: list[Event] = []
        self._lines = [m.start() for m in _NEWLINE.finditer(article.text)]

    def event(
        self, sentence: Span, expression: TimeExpression | None, several: bool = False
    ) -> None:
        """An event of a sentence; when the sentence has ``several`` dated clauses, the event
        reports the clause of its own date, otherwise the whole sentence."""
        text = normalize_space(sentence.text)
        clause = text
        if expression is not None and expression.date is not None:
            date, basis = expression.date, expression.basis
            if several:
                clause = normalize_space(
                    clause_around(sentence.text, sentence.start, expression.start)
                )
        else:
            date, basis = day_value(self.article.published_date), Basis.PUBLICATION
        kind = classify(sentence.text, sentence.start, expression, self.article.published_date)
        self._add(event_id(self.article.slug, text, date.value), sentence, text, clause,
                  date, expression, basis, kind)  # fmt: skip

    def furniture(
        self, sentence: Span, expressions: Sequence[TimeExpression], inside: _Furniture
    ) -> None:
        """An event of kind furniture for each distinct date of the furniture in a sentence;
        its clause is the furniture's own words, and its id is made of them."""
        text = normalize_space(sentence.text)
        values: set[str] = set()
        for expression in expressions:
            date = expression.date
            span = inside.span_of(expression)
            if date is None or span is None or not expression.resolved or date.value in values:
                continue
            values.add(date.value)
            start, end = max(span[0], sentence.start), min(span[1], sentence.end)
            clause = normalize_space(sentence.text[start - sentence.start : end - sentence.start])
            self._add(event_id(self.article.slug, clause, date.value), sentence, text, clause,
                      date, expression, expression.basis, EventKind.FURNITURE)  # fmt: skip

    def _add(
        self,
        id: str,
        sentence: Span,
        text: str,
        clause: str,
        date: DateValue,
        expression: TimeExpression | None,
        basis: Basis,
        kind: EventKind,
    ) -> None:
        self.events.append(
            Event(
                id=id,
                article=self.ref,
                text=text,
                start=sentence.start,
                end=sentence.end,
                line=bisect.bisect_left(self._lines, sentence.start) + 1,
                date=date,
                expression=expression,
                basis=basis,
                clause=clause,
                kind=kind,
            )
        )


def _blanked(plain: str, spans: Sequence[Bounds]) -> str:
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(plain[position:start])
        pieces.append(re.sub(r"[^\n]", " ", plain[start:end]))
        position = end
    pieces.append(plain[position:])
    return "".join(pieces)


def _with_unique_ids(events: list[Event]) -> tuple[Event, ...]:
    """The same sentence twice in one article still gives two distinct, stable ids."""
    seen: Counter[str] = Counter()
    unique = []
    for event in events:
        seen[event.id] += 1
        if seen[event.id] > 1:
            event = replace(event, id=f"{event.id}-{seen[event.id]}")
        unique.append(event)
    return tuple(unique)
