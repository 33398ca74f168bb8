"""What extraction read, but not with confidence: the expressions an editor should check."""

from __future__ import annotations

import re

from timeline.extract.sentences import mask_markup
from timeline.extract.timex.tense import UNKNOWN, tense
from timeline.model import Basis, Extraction, TimeExpression

_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


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
