"""An article's text as HTML, every recognized date expression marked and explained."""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup, escape

from timeline.model import Entry, Extraction, TimeExpression
from timeline.render.dates import format_date, html_datetime

# Private-use characters survive Markdown untouched and never occur in articles' text.
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MARK = re.compile(f"([{_OPEN}{_CLOSE}])(\\d+){_MID}")


def markdown_html(source: str) -> str:
    """Markdown to HTML with raw HTML shown as text, never passed through."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter.convert(source)


def article_html(extraction: Extraction, entry_of_event: dict[str, Entry], root: str) -> Markup:
    """The body of an article with each expression wrapped in a link to its entry."""
    article = extraction.article
    expressions = [e for e in extraction.expressions if e.start >= article.body_start]
    source = _with_placeholders(article.text, article.body_start, expressions)
    links = _expression_entries(extraction, entry_of_event)
    for start in _inside_links(article.text, expressions):
        links.pop(start, None)  # a link inside the article's own link would be invalid HTML
    html = markdown_html(source)
    return Markup(_MARK.sub(lambda m: _mark(m, expressions, links, root), html))


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
    extraction: Extraction, entry_of_event: dict[str, Entry]
) -> dict[int, Entry]:
    return {
        event.expression.start: entry_of_event[event.id]
        for event in extraction.events
        if event.expression is not None and event.id in entry_of_event
    }


def _mark(
    match: re.Match[str],
    expressions: list[TimeExpression],
    links: dict[int, Entry],
    root: str,
) -> str:
    expression = expressions[int(match.group(2))]
    entry = links.get(expression.start)
    element = "a" if entry else "span"
    time = f'<time datetime="{html_datetime(expression.date)}">' if expression.date else ""
    if match.group(1) == _CLOSE:
        return ("</time>" if time else "") + f"</{element}>"
    href = f' href="{root}index.html#{entry.anchor}"' if entry else ""
    classes = "timex" if expression.resolved else "timex timex-unresolved"
    title = escape(_explain(expression))
    return f'<{element} class="{classes}"{href} title="{title}">{time}'


def _explain(expression: TimeExpression) -> str:
    if not expression.resolved:
        return f"{expression.type}: could not be resolved safely"
    if expression.date is not None:
        return (
            f"{expression.type} {expression.value}: {format_date(expression.date)} "
            f"({expression.basis.value})"
        )
    return f"{expression.type} {expression.value}"
