"""Temporal expressions: find them in a text and normalize them, TIMEX3-style.

The seam the rest of the pipeline relies on is two functions: :func:`find_expressions` (text
and publication date in, expressions in text order out; it raises for no text, only
:class:`PhraseError` where a bug would otherwise escape) and :func:`day_value`. See
``docs/extractor.md`` for what is recognized, how it is resolved and what is refused.
"""

from timeline.extract.timex.calendar import day_value
from timeline.extract.timex.engine import PhraseError, find_expressions

__all__ = ["PhraseError", "day_value", "find_expressions"]
