"""The exports a build writes piece by piece are byte for byte the exports made whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.test_reuse import site_timeline, split_site
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
