"""The one exception hierarchy of the package.

Every error a user can cause carries a :class:`SourceLocation` when it concerns a file, and
prints as ``path:line: message`` so editors and terminals can jump to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.model import SourceLocation


class TimelineError(Exception):
    """Base class of every error the ``timeline`` command reports without a traceback."""

    exit_code = 1


class UsageError(TimelineError):
    """The command was called wrongly (a missing folder, a bad option value)."""

    exit_code = 2


class ContentError(TimelineError):
    """A problem in one file of the site: front matter, encoding, a date, a config key."""

    def __init__(self, location: SourceLocation, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class ConfigError(ContentError):
    """A problem in ``timeline.toml``."""


class BuildFailed(TimelineError):
    """The build found content errors; nothing was written."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = tuple(sorted(errors, key=_error_order))
        super().__init__(f"build failed with {plural(len(self.errors), 'error')}")


class OutputError(TimelineError):
    """The output folder could not be written; what it held is as it was."""


class DeployError(TimelineError):
    """Publishing was refused or failed; the repository and the remote are as they were."""


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1 entry``, ``0 entries`` (``nouns`` when not noun+s)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def _error_order(error: ContentError) -> tuple[str, int, str]:
    return (error.location.path, error.location.line, error.message)
