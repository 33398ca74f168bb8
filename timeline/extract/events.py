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

Reading an article never fails on its text: an unexpected error (a bug of the engine) is
reported as a :class:`ContentError` at ``path:line`` of the phrase or sentence being read,
never as a traceback that names no file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from timeline.errors import ContentError
from timeline.extract.classes import classify, target_of_report
from timeline.extract.furniture import Bounds, furniture_spans
from timeline.extract.govern import Clause, Dating, datings
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
    DateValue,
    Event,
    EventKind,
    Extraction,
    SourceLocation,
    TimeExpression,
)

T = TypeVar("T")
Paragraphs = list[tuple[Span, list[Span]]]
_QUOTED = 80
"""How much of a phrase or sentence an error message quotes."""


def extract_article(article: Article, *, day_first: bool = False) -> Extraction:
    """The temporal expressions and the dated events of one article, in text order."""

    def read() -> tuple[Paragraphs, list[Bounds], tuple[TimeExpression, ...]]:
        plain = mask_markup(article.text, article.body_start)
        paragraphs = [(p, split_sentences(p)) for p in split_paragraphs(plain, article.body_start)]
        furniture = furniture_spans(article.text, paragraphs)
        published = article.published_date
        return paragraphs, furniture, find_dates(plain, furniture, published, day_first=day_first)

    paragraphs, furniture, expressions = reading(article, article.body_start, "the article", read)
    return Extraction(
        article, expressions, extract_events(article, paragraphs, expressions, furniture)
    )


def find_dates(
    plain: str, furniture: Sequence[Bounds], published: dt.date, *, day_first: bool = False
) -> tuple[TimeExpression, ...]:
    """The expressions of the text and those of each piece of its furniture, found apart: the
    engine never reads the furniture and the text together, so no date of a byline is the
    reference that an expression of the text counts from."""
    if not furniture:
        return tuple(find_expressions(plain, published, day_first=day_first))
    found = find_expressions(_blanked(plain, furniture), published, day_first=day_first)
    for start, end in furniture:
        found += find_expressions_at(plain[start:end], start, published, day_first)
    return tuple(sorted(found, key=lambda e: e.start))


def find_expressions_at(
    text: str, offset: int, published: dt.date, day_first: bool
) -> list[TimeExpression]:
    """The expressions of a piece of the text that starts at ``offset`` in it, with offsets
    into the whole text (and so the offset of an error of the engine)."""
    try:
        return [replace(e, start=e.start + offset, end=e.end + offset)
                for e in find_expressions(text, published, day_first=day_first)]  # fmt: skip
    except PhraseError as error:
        raise PhraseError(error.start + offset, error.phrase) from error.__cause__


def extract_events(
    article: Article,
    paragraphs: Paragraphs,
    expressions: Sequence[TimeExpression],
    furniture: Sequence[Bounds] = (),
) -> tuple[Event, ...]:
    """The events of an article whose sentences, expressions and furniture are known."""
    maker = _EventMaker(article, _Furniture(furniture))
    lines = _Lines(article.text)
    starts = [e.start for e in expressions]
    lead = True
    for sentence in (s for _, sentences in paragraphs for s in sentences):
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end, lo=first)
        if first == last and not lead:
            continue  # context, as most sentences are: no date, and not the lead
        line = lines.line_of(sentence.start)
        furniture_only = maker.inside.covers(sentence)
        read = functools.partial(
            maker.sentence, sentence, line, expressions[first:last], lead and not furniture_only
        )
        reading(article, sentence.start, sentence.text, read)
        lead = lead and furniture_only
    return _with_unique_ids(maker.events)


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
    """Makes the events of one article, sentence by sentence, in text order."""

    def __init__(self, article: Article, inside: _Furniture) -> None:
        self.article = article
        self.ref = article_ref(article)
        self.inside = inside
        self.events: list[Event] = []

    def sentence(
        self, sentence: Span, line: int, expressions: Sequence[TimeExpression], lead: bool
    ) -> None:
        """The events of one sentence: one per date in its furniture; one per distinct date
        governing a clause of its text; the lead's on the publication date when nothing
        dates it."""
        if not expressions and not lead:
            return  # context, as most sentences are
        text = normalize_space(sentence.text)
        told = [e for e in expressions if self.inside.span_of(e) is None]
        if len(told) < len(expressions):
            self._furniture(sentence, line, text, [e for e in expressions if e not in told])
        if self.inside.covers(sentence):
            return
        dated = datings(sentence.text, sentence.start, told) if told else []
        if not dated:
            if lead:
                self._event(sentence, line, text, None, text)
        elif len(dated) == 1:  # the sentence reports as a whole
            self._dated(sentence, line, text, dated[0], text, lead)
        else:
            for dating in dated:
                clause_text = _clause_text(sentence, dating.clause)
                self._dated(sentence, line, text, dating, clause_text, lead)

    def _dated(
        self, sentence: Span, line: int, text: str, dating: Dating, clause: str, lead: bool
    ) -> None:
        """The event of a clause as ``dating`` dates it. When that date is only the target
        of what was done, the target is what is expected (or a state: "closed schools until
        Monday"), never what happened; what was done is a happening of the publication day
        when it was done when told ("has delayed the trial until May")."""
        published = self.article.published_date
        expression, bounds = dating.expression, dating.clause
        target = target_of_report(
            sentence.text, sentence.start, expression, published, bounds,
            lead=lead, background=dating.background,
        )  # fmt: skip
        if target is None:
            self._event(sentence, line, text, dating, clause)
            return
        today = day_value(published)
        if target == "told" and not any(
            e.start == sentence.start and e.date == today for e in self.events
        ):
            self._add(event_id(self.article.slug, text, today.value), sentence, line, text,
                      clause, today, None, Basis.PUBLICATION, EventKind.HAPPENED)  # fmt: skip
        assert expression.date is not None
        kind = classify(
            sentence.text, sentence.start, expression, published, bounds,
            background=dating.background,
        )  # fmt: skip
        if kind is EventKind.HAPPENED:
            kind = EventKind.EXPECTED  # "adjourned the hearing to 5 June": June is ahead
        self._add(event_id(self.article.slug, text, expression.date.value), sentence, line,
                  text, clause, expression.date, expression, expression.basis, kind)  # fmt: skip

    def _event(
        self, sentence: Span, line: int, text: str, dating: Dating | None, clause: str
    ) -> None:
        """An event of a sentence whose normalized text is ``text``, reporting ``clause``
        (dated as ``dating`` says; None: an undated lead)."""
        published = self.article.published_date
        if dating is None:
            date, basis, expression = day_value(published), Basis.PUBLICATION, None
            kind = classify(sentence.text, sentence.start, None, published)
        else:
            expression = dating.expression
            assert expression.date is not None  # govern dates a clause by dated ones only
            date, basis = expression.date, expression.basis
            kind = classify(
                sentence.text, sentence.start, expression, published, dating.clause,
                background=dating.background,
            )  # fmt: skip
        self._add(event_id(self.article.slug, text, date.value), sentence, line, text, clause,
                  date, expression, basis, kind)  # fmt: skip

    def _furniture(
        self, sentence: Span, line: int, text: str, expressions: Sequence[TimeExpression]
    ) -> None:
        """An event of kind furniture for each distinct date of the furniture in a sentence;
        its clause is the furniture's own words, and its id is made of them."""
        values: set[str] = set()
        for expression in expressions:
            date, span = expression.date, self.inside.span_of(expression)
            if date is None or span is None or not expression.resolved or date.value in values:
                continue
            values.add(date.value)
            clause = _clause_text(
                sentence, (max(span[0], sentence.start), min(span[1], sentence.end))
            )
            self._add(event_id(self.article.slug, clause, date.value), sentence, line, text,
                      clause, date, expression, expression.basis, EventKind.FURNITURE)  # fmt: skip

    def _add(
        self,
        id: str,
        sentence: Span,
        line: int,
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
                line=line,
                date=date,
                expression=expression,
                basis=basis,
                clause=clause,
                kind=kind,
            )
        )


def _clause_text(sentence: Span, clause: Clause) -> str:
    return normalize_space(sentence.text[clause[0] - sentence.start : clause[1] - sentence.start])


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


def _blanked(plain: str, spans: Sequence[Bounds]) -> str:
    """The text with the spans blanked (their line breaks kept)."""
    pieces, position = [], 0
    for start, end in spans:
        pieces += [plain[position:start], _blank(plain[start:end])]
        position = end
    pieces.append(plain[position:])
    return "".join(pieces)


def _blank(text: str) -> str:
    """Spaces for every character but line breaks."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


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
