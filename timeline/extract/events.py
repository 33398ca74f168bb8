"""Events: the sentences of an article, each dated by the expression that governs it.

The rules (see docs/events.md):
- a sentence is an event for each distinct date that governs one of its clauses
  (``govern.py`` says which expressions govern);
- the article's lead (the first sentence of its first paragraph) is an event on the
  publication date when the text does not date it otherwise;
- other undated sentences are context, not events.

Reading an article never fails on its text: an unexpected error (a bug of the engine) is
reported as a :class:`ContentError` at ``path:line`` of the phrase or sentence being read,
never as a traceback that names no file.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from timeline.errors import ContentError
from timeline.extract.govern import Clause, dated_clauses
from timeline.extract.sentences import (
    Span,
    mask_markup,
    normalize_space,
    split_paragraphs,
    split_sentences,
)
from timeline.extract.timex import PhraseError, day_value, find_expressions
from timeline.model import (
    Article,
    ArticleRef,
    Basis,
    Event,
    Extraction,
    SourceLocation,
    TimeExpression,
)

T = TypeVar("T")
_QUOTED = 80
"""How much of a phrase or sentence an error message quotes."""


def extract_article(article: Article, *, day_first: bool = False) -> Extraction:
    """The temporal expressions and the dated events of one article, in text order."""

    def read() -> tuple[str, list[TimeExpression]]:
        plain = mask_markup(article.text, article.body_start)
        return plain, find_expressions(plain, article.published_date, day_first=day_first)

    plain, expressions = reading(article, article.body_start, "the article", read)
    return Extraction(article, tuple(expressions), extract_events(article, plain, expressions))


def extract_events(
    article: Article, plain: str, expressions: Sequence[TimeExpression]
) -> tuple[Event, ...]:
    """The dated events of an article whose masked text and expressions are known."""
    ref = article_ref(article)
    lines = _Lines(article.text)
    events: list[Event] = []
    starts = [e.start for e in expressions]
    for number, sentence in enumerate(_sentences(plain, article.body_start)):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        line = lines.line_of(sentence.start)
        lead = number == 0
        read = functools.partial(
            _sentence_events, article, ref, sentence, line, expressions[first:last], lead
        )
        events.extend(reading(article, sentence.start, sentence.text, read))
    return _with_unique_ids(events)


def reading(article: Article, offset: int, phrase: str, read: Callable[[], T]) -> T:
    """``read()``, with an unexpected error in it reported as a :class:`ContentError` at the
    line of ``offset`` in the article, naming ``phrase`` (or, when the date engine says which
    phrase it was reading, that phrase and its line)."""
    try:
        return read()
    except ContentError:
        raise
    except PhraseError as error:
        offset, phrase, cause = error.start, error.phrase, error.__cause__ or error
    except Exception as error:
        cause = error
    location = SourceLocation(article.path, article.line_of(offset))
    message = f"cannot read “{_shortened(phrase)}”: {type(cause).__name__}: {cause}"
    raise ContentError(location, f"{message} (a bug in timeline: please report it)") from cause


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


def _sentence_events(
    article: Article,
    ref: ArticleRef,
    sentence: Span,
    line: int,
    expressions: Sequence[TimeExpression],
    lead: bool,
) -> list[Event]:
    """The events of one sentence: one per distinct date governing a clause; the lead's on
    the publication date when nothing dates it."""
    dated = dated_clauses(sentence.text, sentence.start, expressions)
    text = normalize_space(sentence.text)
    if not dated:
        return [_event(article, ref, sentence, line, text, None, text)] if lead else []
    if len(dated) == 1:  # the sentence reports as a whole
        return [_event(article, ref, sentence, line, text, dated[0][0], text)]
    return [
        _event(article, ref, sentence, line, text, expression, _clause_text(sentence, clause))
        for expression, clause in dated
    ]


def _clause_text(sentence: Span, clause: Clause) -> str:
    return normalize_space(sentence.text[clause[0] - sentence.start : clause[1] - sentence.start])


def _event(
    article: Article,
    ref: ArticleRef,
    sentence: Span,
    line: int,
    text: str,
    expression: TimeExpression | None,
    clause: str,
) -> Event:
    """An event of a sentence whose normalized text is ``text``, reporting ``clause``."""
    if expression is not None and expression.date is not None:
        date, basis = expression.date, expression.basis
    else:
        date, basis = day_value(article.published_date), Basis.PUBLICATION
    return Event(
        id=event_id(article.slug, text, date.value),
        article=ref,
        text=text,
        start=sentence.start,
        end=sentence.end,
        line=line,
        date=date,
        expression=expression,
        basis=basis,
        clause=clause,
    )


class _Lines:
    """Line numbers of increasing offsets, each counted on from the one before (asking the
    article for each would count from its start every time: quadratic in a long one)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1

    def line_of(self, offset: int) -> int:
        """The 1-based line of ``offset``, which is not before the last one asked for."""
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def _shortened(text: str) -> str:
    text = normalize_space(text)
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


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
