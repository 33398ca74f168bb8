"""The exports a build writes piece by piece are byte for byte the exports made whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.test_reuse import split_site
from timeline.build import load_site, make_timeline
from timeline.config import load_config
from timeline.render import exports as exports_module
from timeline.render import render_changed, render_site
from timeline.render import search as search_module


def test_exports_in_pieces_are_the_whole_exports(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    split_site(sample_site, 40)
    article = sample_site / "content" / "articles" / "report-000.md"
    text = article.read_text().replace("source: Harbor Wire", "source: Harbor </ Wire")
    article.write_text(text)  # "</" is escaped in the search index's script
    config = load_config(sample_site)
    timeline = make_timeline(load_site(config))
    whole = render_site(timeline, config)
    for module in (exports_module, search_module):
        monkeypatch.setattr(module, "_PIECE", 200)  # many pieces, even on a small site
    pieced = {}
    for path, data in render_changed(timeline, config, pieces=True):
        assert data is not None
        pieced[path] = data if isinstance(data, bytes) else b"".join(data)
    assert pieced == whole
    assert b"Harbor <\\/ Wire" in whole["search-index.js"]
