"""Events: the sentences of an article, each dated by the expression that governs it.

The rules (see docs/events.md):
- a sentence is an event for each distinct date that governs one of its clauses
  (``govern.py`` says which expressions govern);
- the article's lead (the first sentence of its first paragraph) is an event on the
  publication date when the text does not date it otherwise;
- other undated sentences are context, not events.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from timeline.extract.govern import clause_around, dating_expressions
from timeline.extract.sentences import (
    Span,
    mask_markup,
    normalize_space,
    split_paragraphs,
    split_sentences,
)
from timeline.extract.timex import day_value, find_expressions
from timeline.model import Article, ArticleRef, Basis, Event, Extraction, TimeExpression


def extract_article(article: Article, *, day_first: bool = False) -> Extraction:
    """The temporal expressions and the dated events of one article, in text order."""
    plain = mask_markup(article.text, article.body_start)
    expressions = find_expressions(plain, article.published_date, day_first=day_first)
    return Extraction(article, tuple(expressions), extract_events(article, plain, expressions))


def extract_events(
    article: Article, plain: str, expressions: Sequence[TimeExpression]
) -> tuple[Event, ...]:
    """The dated events of an article whose masked text and expressions are known."""
    ref = article_ref(article)
    events: list[Event] = []
    starts = [e.start for e in expressions]
    for number, sentence in enumerate(_sentences(plain, article.body_start)):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        dating = dating_expressions(sentence.text, sentence.start, expressions[first:last])
        if not dating and number == 0:
            events.append(_event(article, ref, sentence, None))
        several = len(dating) > 1
        events.extend(_event(article, ref, sentence, e, several) for e in dating)
    return _with_unique_ids(events)


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


def _sentences(plain: str, body_start: int) -> list[Span]:
    return [
        sentence
        for paragraph in split_paragraphs(plain, body_start)
        for sentence in split_sentences(paragraph)
    ]


def _event(
    article: Article,
    ref: ArticleRef,
    sentence: Span,
    expression: TimeExpression | None,
    several: bool = False,
) -> Event:
    """An event of a sentence; when the sentence has ``several`` dated clauses, the event
    reports the clause of its own date, otherwise the whole sentence."""
    text = normalize_space(sentence.text)
    clause = text
    if expression is not None and expression.date is not None:
        date, basis = expression.date, expression.basis
        if several:
            clause = normalize_space(clause_around(sentence.text, sentence.start, expression.start))
    else:
        date, basis = day_value(article.published_date), Basis.PUBLICATION
    return Event(
        id=event_id(article.slug, text, date.value),
        article=ref,
        text=text,
        start=sentence.start,
        end=sentence.end,
        line=article.line_of(sentence.start),
        date=date,
        expression=expression,
        basis=basis,
        clause=clause,
    )


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
