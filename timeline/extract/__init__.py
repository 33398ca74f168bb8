"""The extract stage: temporal expressions in a text, and dated events from an article."""

from timeline.extract.events import extract_article
from timeline.extract.timex import find_expressions

__all__ = ["extract_article", "find_expressions"]
