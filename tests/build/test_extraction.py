"""Extracting one article file, as a worker process does."""

from __future__ import annotations

import pickle
import re

import pytest

from timeline.build.extraction import Failure, Work, extract_file
from timeline.extract.timex.engine import INTERPRETERS
from timeline.model import TimeExpression

ARTICLE = (
    "---\ntitle: History\npublished: 2025-02-03\nsource: Wire\n---\n\n"
    "A lead.\n\nThe camp was built\nin the mid-Eighties, officials said.\n"
)


def test_a_phrase_the_engine_cannot_read_is_a_failure_at_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker returns the content error as plain data, so the build collects it with the
    others; the engine's failure is put into it, since no real text makes it fail."""

    def fails(match: re.Match[str], ctx: object) -> list[TimeExpression]:
        raise KeyError("mid")

    monkeypatch.setitem(INTERPRETERS, "decade", fails)
    work = Work("content/articles/history.md", "unused", False, "salt", ARTICLE.encode())
    failure = extract_file(work)
    assert isinstance(failure, Failure)
    assert (failure.path, failure.line) == ("content/articles/history.md", 10)
    assert "cannot read “the mid-Eighties”: KeyError" in failure.message
    assert pickle.loads(pickle.dumps(failure)) == failure  # it crosses to the build intact
