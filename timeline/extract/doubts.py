"""What extraction read, but not with confidence: the expressions an editor should check."""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.sentences import mask_markup
from timeline.extract.timex.tense import UNKNOWN, tense
from timeline.model import Basis, Extraction, TimeExpression

_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")
_MONTH = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|"
    r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_FAR = dt.timedelta(days=92)


def unclear_weekdays(extraction: Extraction) -> list[TimeExpression]:
    """Weekdays resolved against publication in a clause whose tense says nothing.

    "On Monday" in "Talks on Monday." can be the Monday before or the one after; the engine
    reads it as the one before (news tells of the past), and this says that it had to guess.
    """
    article = extraction.article
    plain = mask_markup(article.text, article.body_start)
    return [
        expression
        for expression in extraction.expressions
        if expression.basis is Basis.RELATIVE
        and expression.date is not None
        and _WEEKDAY.search(expression.text)
        and tense(plain, expression.start, expression.end) == UNKNOWN
    ]


def distant_yearless(extraction: Extraction) -> list[TimeExpression]:
    """Dates written without a year ("October 7") that resolve far from publication.

    Without a year the engine takes the nearest such day in the direction the tense
    points; months away, the writer may well have meant another year ("October 7" written
    in February 2025 is read as 2024-10-07, though it is often the 2023 attack).
    """
    published = extraction.article.published_date
    return [
        expression
        for expression in extraction.expressions
        if expression.date is not None
        and expression.basis is Basis.RELATIVE
        and _MONTH.search(expression.text)
        and not _YEAR.search(expression.text)
        and abs(expression.date.start - published) > _FAR
    ]
