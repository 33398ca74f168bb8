"""Serve's loading: a draft article is left out unless serve shows drafts.

The war, its towns and its outlets are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import write_article
from timeline.serve.session import Session

_DRAFT = """---
title: Bridge at Tervel
published: 2025-03-09
source: Valley Courier
draft: true
---

Engineers rebuilt the bridge at Tervel on March 8, 2025, officials said.
"""
_PUBLISHED = """---
title: Convoy reaches Marsk
published: 2025-03-10
source: Northern Wire
---

An aid convoy of 40 trucks reached Marsk on March 9, 2025, officials said.
"""


@pytest.mark.parametrize("drafts", [False, True])
def test_a_draft_shows_only_when_serve_shows_drafts(tmp_path: Path, drafts: bool) -> None:
    site = tmp_path / "war"
    write_article(site, "convoy.md", _PUBLISHED)
    (site / "timeline.toml").write_text('title = "The Lisk war"\n', encoding="utf-8")
    session = Session(site, drafts=drafts)
    session.first_build()
    write_article(site, "bridge.md", _DRAFT)
    session.rebuild()
    state = session.live.state
    assert state.site is not None and not state.errors
    texts = [entry.text for entry in state.site.timeline.entries]
    assert any("Marsk" in text for text in texts)
    assert any("Tervel" in text for text in texts) is drafts
    assert len(state.site.timeline.articles) == (2 if drafts else 1)
