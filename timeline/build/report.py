"""What a build reports beside its output: the doubts an editor should look at.

The types alone, apart from the code that finds them (``doubts.py``, which reads the
extraction): a build that finds nothing changed reports the last build's doubts without
loading any stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import SourceLocation


@dataclass(frozen=True, slots=True)
class Doubt:
    """A doubtful thing in the content that does not stop the build."""

    location: SourceLocation
    message: str
    kind: str = "date"
    """What it is about: ``date``, ``language`` (dates not read), ``front matter``,
    ``expected`` (an entry only expected, never reported)."""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


ArticleDoubt = tuple[Doubt, tuple[str, ...]]
"""A doubt about an article, and the ids of the events whose correction settles it."""
