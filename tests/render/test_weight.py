"""Page weight budgets: what a reader downloads for the timeline, per 100 entries shown.

Measured on the built example site (78 entries on its front page, with the key events,
the chart, the phases, the outline and the filters on top). A change that makes pages
heavier must raise a budget here, on purpose.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO
from timeline.build import build_site

HTML_PER_100_ENTRIES = 180_000
"""Bytes of a timeline page's HTML per 100 entries (measured: about 169,000)."""
HTML_GZIP_PER_100_ENTRIES = 26_000
"""The same, compressed as servers send it (measured: about 22,600)."""
CSS = 12_000
"""The theme's one stylesheet, every page (measured: about 11,000)."""
SCRIPT_OF_THE_TIMELINE = 5_000
"""The timeline page's own script, the filters and words (measured: about 4,500)."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "timeline.toml", folder)
    shutil.copytree(REPO / "content", folder / "content")
    return build_site(folder).output


def test_the_timeline_page_keeps_its_budget(built: Path) -> None:
    html = (built / "index.html").read_bytes()
    entries = html.count(b'<li class="entry')
    assert entries >= 70
    assert len(html) * 100 / entries <= HTML_PER_100_ENTRIES
    assert len(gzip.compress(html, 9)) * 100 / entries <= HTML_GZIP_PER_100_ENTRIES


def test_the_stylesheet_and_the_script_keep_their_budgets(built: Path) -> None:
    assert (built / "static" / "style.css").stat().st_size <= CSS
    assert (built / "static" / "filters.js").stat().st_size <= SCRIPT_OF_THE_TIMELINE
    html = (built / "index.html").read_text(encoding="utf-8")
    scripts = html.count("<script")
    assert scripts == 1, "the timeline page loads the filters' script and nothing else"
