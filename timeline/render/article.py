"""An article's text as HTML, every recognized date expression marked and explained."""

from __future__ import annotations

import logging
import re
import string
import threading
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup, escape

from timeline.load.urls import allowed_url
from timeline.merge.nextday import moved_report
from timeline.model import (
    ArticleBody,
    ArticleEvents,
    Basis,
    Entry,
    Event,
    EventKind,
    TimeExpression,
)
from timeline.render.dates import format_date, html_datetime
from timeline.render.words import how_read, kind_words

# Private-use characters survive Markdown untouched and never occur in articles' text.
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MARK = re.compile(f"([{_OPEN}{_CLOSE}])(\\d+){_MID}")

log = logging.getLogger(__name__)


class _Converters(threading.local):
    """One Markdown converter per thread: making one costs a tenth of a conversion, and a
    converter is reset between documents but must not convert two at once."""

    converter: markdown.Markdown | None = None


_CONVERTERS = _Converters()


def markdown_html(source: str) -> str:
    """Markdown to HTML with raw HTML shown as text, never passed through."""
    converter = _CONVERTERS.converter
    if converter is None:
        converter = _CONVERTERS.converter = _new_converter()
    try:
        return converter.convert(source)
    finally:
        converter.reset()


def _new_converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # A backslash escapes any mark of ASCII punctuation, as CommonMark reads it ("9\\/11" is
    # "9/11"), and as the sentences of the record read it (``extract.sentences``).
    converter.ESCAPED_CHARS = list(string.punctuation)
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # After the inline patterns (20), which make the links.
    converter.treeprocessors.register(_OnlyAllowedLinks(converter), "allowed_links", 5)
    return converter


class _OnlyAllowedLinks(Treeprocessor):
    """A link or image whose URL the site does not publish loses it.

    Loading an article already refuses such a link with its line (``timeline.load.urls``);
    this is the second wall, which sees the URLs exactly as Markdown made them.
    """

    def run(self, root: etree.Element) -> None:
        """Drop every ``href`` and ``src`` that is not an allowed URL."""
        for element in root.iter():
            for name in ("href", "src"):
                url = element.get(name)
                if url is not None and not allowed_url(url.replace(AMP_SUBSTITUTE, "&")):
                    log.warning("a link to %r was dropped from an article's page", url[:60])
                    del element.attrib[name]


@dataclass(frozen=True, slots=True)
class Mark:
    """What the mark of one of the body's expressions shows that the article's text alone
    decides: everything but the entry it links to and the kind of clause it dates, which
    the merge and the corrections decide, at render time."""

    start: int
    """The expression's offset in the file: the events dated by it have it too."""
    linkable: bool
    """False inside the label of one of the article's own links (a link inside a link
    would be invalid HTML)."""
    resolved: bool
    time: str
    """The opening ``<time>`` tag of its date, or empty when it has none."""
    timex: str
    """Its TIMEX3 type and value, escaped."""
    note: str
    """How it was read, in a reader's words, escaped."""


@dataclass(frozen=True, slots=True)
class PreparedBody:
    """An article's body made ready for its page from its text alone (``prepare_body``):
    the HTML with a placeholder at each expression, and what each one's mark shows."""

    html: str
    marks: tuple[Mark, ...]


Bodies = Callable[[ArticleEvents], PreparedBody]
"""An article's body as ``prepare_body`` makes it, for its page: a build makes it where it
extracts the article (or again from the body its store holds), ``serve`` keeps the bodies
in memory (``bodies_in``)."""


def bodies_in(bodies: Mapping[str, ArticleBody]) -> Bodies:
    """The ``Bodies`` of articles whose bodies are at hand, by their ``key``."""

    def body_of(article: ArticleEvents) -> PreparedBody:
        return prepare_body(bodies[article.key])

    return body_of


def article_html(
    prepared: PreparedBody,
    events: tuple[Event, ...],
    entry_of_event: Mapping[str, Entry],
    href: Callable[[Entry], str],
) -> Markup:
    """The body of an article with each expression wrapped in a link to its entry.

    ``prepared`` is ``prepare_body`` of the article's body; ``href`` gives the link to an
    entry from the article's page. Every mark can take the keyboard focus and is described
    by a note that hovering or focusing it shows.
    """
    links = _expression_entries(events, entry_of_event)
    kinds = _expression_kinds(events)
    marks = prepared.marks
    return Markup(_MARK.sub(lambda m: _mark(m, marks, links, kinds, href), prepared.html))


def as_placed(event: Event, entry: Entry | None) -> Event:
    """An article's event as the timeline places it: a report of the morning after that the
    merge moved to the day before (``Basis.DAY_BEFORE``) shows that day and that provenance
    on its article's page too, as on its entry's."""
    # Only an entry dated before the event can hold it moved: the others (nearly all) skip
    # the scan of sources, thousands in a widely told entry, on every article page.
    if (
        entry is not None
        and event.basis is Basis.PUBLICATION
        and entry.date.start < event.date.start
    ):
        for source in entry.sources:
            if source.event_id == event.id and source.basis is Basis.DAY_BEFORE:
                return moved_report(event)
    return event


def prepare_body(body: ArticleBody) -> PreparedBody:
    """The body as HTML with placeholders where ``article_html`` puts each expression's
    mark, and what each mark shows that the text alone decides.

    This is the costly part of an article page and depends only on the article's text, so
    a build prepares it where it extracts the article; the page adds the links and kinds.
    """
    expressions = _body_expressions(body)
    html = markdown_html(_with_placeholders(body.text, body.body_start, expressions))
    inside = _inside_links(body.text, expressions)
    return PreparedBody(html, tuple(_static_mark(e, e.start not in inside) for e in expressions))


def _static_mark(expression: TimeExpression, linkable: bool) -> Mark:
    time = f'<time datetime="{html_datetime(expression.date)}">' if expression.date else ""
    # Plain strings, escaped: a Markup would escape again what is added to it.
    timex = str(escape(f"{expression.type} {expression.value}"))  # TIMEX3, for the curious
    note = str(escape(explain(expression)))
    return Mark(expression.start, linkable, expression.resolved, time, timex, note)


def _body_expressions(body: ArticleBody) -> list[TimeExpression]:
    return [e for e in body.expressions if e.start >= body.body_start]


def _with_placeholders(text: str, body_start: int, expressions: list[TimeExpression]) -> str:
    pieces = []
    position = body_start
    for index, expression in enumerate(expressions):
        pieces.append(text[position : expression.start])
        inner = text[expression.start : expression.end]
        pieces.append(f"{_OPEN}{index}{_MID}{inner}{_CLOSE}{index}{_MID}")
        position = expression.end
    pieces.append(text[position:])
    return "".join(pieces)


def _inside_links(text: str, expressions: list[TimeExpression]) -> set[int]:
    labels = [(m.start(1), m.end(1)) for m in _MARKDOWN_LINK.finditer(text)]
    return {e.start for e in expressions if any(a <= e.start and e.end <= b for a, b in labels)}


def _expression_entries(
    events: tuple[Event, ...], entry_of_event: Mapping[str, Entry]
) -> dict[int, Entry]:
    return {
        event.expression.start: entry_of_event[event.id]
        for event in events
        if event.expression is not None and event.id in entry_of_event
    }


def _expression_kinds(events: tuple[Event, ...]) -> dict[int, EventKind]:
    """The kind of the clause each expression dates, for those that date no happening."""
    return {
        event.expression.start: event.kind
        for event in events
        if event.expression is not None and event.kind is not EventKind.HAPPENED
    }


def _mark(
    match: re.Match[str],
    marks: tuple[Mark, ...],
    links: dict[int, Entry],
    kinds: dict[int, EventKind],
    href: Callable[[Entry], str],
) -> str:
    index = int(match.group(2))
    mark = marks[index]
    entry = links.get(mark.start) if mark.linkable else None
    kind = kinds.get(mark.start)
    element = "a" if entry else "span"
    if match.group(1) == _CLOSE:
        words = kind_words(kind) if kind else None
        # Escaping works character by character: the note and its words escaped apart.
        note = f"{mark.note}{escape(f'; {words}')}" if words else mark.note
        return (
            f'{"</time>" if mark.time else ""}</{element}><span class="timex-tip" role="tooltip"'
            f' id="x-{index}"><span class="paren"> (</span>{note}<span class="paren">)</span>'
            "</span></span>"
        )
    classes = "timex" if mark.resolved else "timex timex-unresolved"
    if kind is not None:
        classes += f" timex-{kind.value}"
    target = f' href="{escape(href(entry))}"' if entry else ' tabindex="0"'
    return (
        f'<span class="timex-wrap"><{element} class="{classes}"{target}'
        f' aria-describedby="x-{index}" data-timex="{mark.timex}">{mark.time}'
    )


def explain(expression: TimeExpression) -> str:
    """How an expression was read, in a reader's words: 'Read as 21 January 2025, counted
    from the article's date'."""
    formatted = format_date(expression.date) if expression.date else None
    return how_read(expression, formatted)
