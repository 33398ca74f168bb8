"""How the pages tell a reader where a date came from, in the reader's words.

The pipeline's terms (``explicit``, ``relative``, TIMEX3 values, event ids) stay in the
exports and in attributes; what a reader sees says it plainly: "“Sunday”, counted from the
article's date".
"""

from __future__ import annotations

from timeline.model import Basis, EventKind, TimeExpression

_KIND_WORDS = {
    EventKind.EXPECTED: "expected, not reported as fact",
    EventKind.STATE: "describes a situation or a tally, so it is not an entry",
    EventKind.MENTION: "recalls something told elsewhere, so it is not an entry of its own",
    EventKind.FURNITURE: "part of the page around the report (a dateline, a byline, a caption)",
}


def how_dated(expression: TimeExpression | None, basis: Basis) -> str:
    """Where a date came from, as a phrase: '“Sunday”, counted from the article's date',
    '“October 7, 2023”, as written', 'the day the article was published', 'the day before
    the article was published, as other reports date what it tells'."""
    if basis is Basis.CURATED:
        return "set by an editor"
    if basis is Basis.DAY_BEFORE:
        return "the day before the article was published, as other reports date what it tells"
    if expression is None or basis is Basis.PUBLICATION:
        return "the day the article was published"
    words = f"“{expression.text}”"
    if basis is Basis.RELATIVE:
        return f"{words}, counted from the article's date"
    return f"{words}, as written"


def how_read(expression: TimeExpression, formatted: str | None) -> str:
    """How a marked expression of an article was read (``formatted``: its date as the
    pages show it): 'Read as 21 January 2025, counted from the article's date'."""
    if not expression.resolved:
        return "Not used as a date: it could not be placed in time with confidence"
    if formatted is None:
        return "A length of time or a repetition, not a date"
    if expression.basis is Basis.RELATIVE:
        return f"Read as {formatted}, counted from the article's date"
    return f"Read as {formatted}, as written"


def kind_words(kind: EventKind) -> str | None:
    """What a dated passage is when it is not a reported happening; None when it is one."""
    return _KIND_WORDS.get(kind)
