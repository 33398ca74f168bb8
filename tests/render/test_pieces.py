"""The exports a build writes piece by piece are byte for byte the exports made whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.render.test_reuse import site_timeline, split_site
from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source
from timeline.render import exports as exports_module
from timeline.render import render_files, render_site
from timeline.render import search as search_module


def test_exports_in_pieces_are_the_whole_exports(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    split_site(sample_site, 40)
    article = sample_site / "content" / "articles" / "report-000.md"
    text = article.read_text().replace("source: Harbor Wire", "source: Harbor </ Wire")
    article.write_text(text)  # "</" is escaped in the search index's script
    timeline, config, bodies = site_timeline(sample_site)
    whole = render_site(timeline, config, bodies)
    for module in (exports_module, search_module):
        monkeypatch.setattr(module, "_PIECE", 200)  # many pieces, even on a small site
    pieced = {}
    for path, data in render_files(timeline, config, bodies, pieces=True):
        assert data is not None
        pieced[path] = data if isinstance(data, bytes) else b"".join(data)
    assert pieced == whole
    assert b"Harbor <\\/ Wire" in whole["search-index.js"]


_DAY = DateValue("2024-11-02", dt.date(2024, 11, 2), dt.date(2024, 11, 3), Precision.DAY)
_PUBLISHED = dt.datetime(2024, 11, 3, 9, 30, tzinfo=dt.UTC)
_MILL = ArticleRef("mill", "content/articles/mill.md", "Mill hit «again»", "Dale Post", _PUBLISHED)


def _told(number: int) -> Source:
    return Source(
        f"e{number}", _MILL, f"Shells hit the mill, report {number}.", 3, None, Basis.PUBLICATION
    )


@pytest.mark.parametrize(
    ("sources", "mentions", "related"),
    [(1, 0, ()), (2, 3, ("b", "c")), (1, 1, ()), (3, 0, ("b",))],
)
def test_an_entry_line_in_parts_is_the_line(
    sources: int, mentions: int, related: tuple[str, ...]
) -> None:
    """A happening recalled in thousands of reports is written a report at a time."""
    told = tuple(_told(n) for n in range(sources))
    recalled = tuple(_told(100 + n) for n in range(mentions))
    entry = Entry("a", _DAY, told[0].sentence, told, (), mentions=recalled, related=related)
    assert "".join(exports_module.entry_line_parts(entry)) == exports_module.entry_line(entry)
