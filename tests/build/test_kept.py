"""What the merge keeps between builds: the entries' tags are searched again only for
entries told differently, and the site is the one a build from nothing makes."""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import tree, write_article
from timeline.build import build_site, load_site, make_timeline
from timeline.build.kept import TagMemo, tags_key
from timeline.build.store import CACHE_DIR, STORE_FILE, entry_digest
from timeline.config import load_config

log = logging.getLogger("timeline.build.kept")

NEW = """---
title: Aid convoy reaches Rafah crossing
published: 2025-01-14
source: Example Wire
tags: [aid, rafah, talks]
---

An aid convoy reached the Rafah crossing on January 13, 2025, officials said.
"""


def searched(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """How many entries the last build searched for their tags, and how many it knew."""
    lines = [r.getMessage() for r in caplog.records if r.name == "timeline.build.kept"]
    found = [re.fullmatch(r"tags: (\d+) entries searched, (\d+) known", line) for line in lines]
    last = [m for m in found if m][-1]
    return int(last[1]), int(last[2])


def test_a_changed_article_searches_only_its_entries_for_tags(
    sample_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build.kept")
    build_site(sample_site)
    first = searched(caplog)
    assert first[0] > 0 and first[1] == 0  # nothing kept yet: every entry searched

    write_article(sample_site, "convoy.md", NEW)
    build_site(sample_site)

    assert searched(caplog) == (1, first[0])  # the new entry; the others as they were told
    build_site(sample_site, output=tmp_path / "cold", use_cache=False)
    assert tree(sample_site / "output") == tree(tmp_path / "cold")


@pytest.mark.parametrize("written", [1, 200])  # parts written one by one, or all at the end
def test_only_a_changed_articles_part_of_the_day_mentions_is_worked_out(
    sample_site: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    written: int,
) -> None:
    monkeypatch.setattr("timeline.build.kept._MENTIONS_WRITTEN", written)
    caplog.set_level(logging.DEBUG, logger="timeline.build.kept")

    def worked() -> tuple[int, int]:
        pattern = r"mentions: (\d+) articles' parts worked out, (\d+) kept"
        lines = [r.getMessage() for r in caplog.records if r.name == "timeline.build.kept"]
        last = [m for m in (re.fullmatch(pattern, line) for line in lines) if m][-1]
        return int(last[1]), int(last[2])

    build_site(sample_site)
    articles = worked()[0]
    assert articles > 0 and worked()[1] == 0

    write_article(sample_site, "convoy.md", NEW)
    build_site(sample_site)

    assert worked() == (1, articles)
    build_site(sample_site, output=tmp_path / "cold", use_cache=False)
    assert tree(sample_site / "output") == tree(tmp_path / "cold")


def test_the_kept_sum_of_the_day_mentions_takes_out_and_adds_only_the_changed_parts(
    sample_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build.kept")

    def updated() -> tuple[int, int] | None:
        """The parts the last build took out of the kept sum and added to it; None when it
        added every part up again."""
        lines = [r.getMessage() for r in caplog.records if r.name == "timeline.build.kept"]
        pattern = r"mentions: (\d+) articles' parts taken out of the kept sum, (\d+) added"
        found = [re.fullmatch(pattern, line) for line in lines[lines.index(start) :]]
        kept = [m for m in found if m]
        return (int(kept[-1][1]), int(kept[-1][2])) if kept else None

    def cold_equal(name: str) -> bool:
        build_site(sample_site, output=tmp_path / name, use_cache=False)
        return tree(sample_site / "output") == tree(tmp_path / name)

    articles = sample_site / "content" / "articles"
    changed, gone = articles / "ceasefire-agreed.md", articles / "talks-open.md"
    steps = [
        (lambda: write_article(sample_site, "convoy.md", NEW), (0, 1)),  # one new
        (lambda: _append(changed, "Crowds gathered on January 2, 2025."), (1, 1)),
        (gone.unlink, (1, 0)),
    ]
    start = "first"
    log.debug(start)
    build_site(sample_site)
    assert updated() is None  # no sum kept yet: every part added up
    for number, (change, expected) in enumerate(steps):
        change()
        start = f"step {number}"
        log.debug(start)
        build_site(sample_site)
        assert updated() == expected
        assert cold_equal(f"cold{number}")


def _append(path: Path, sentence: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")


def test_known_tags_are_those_a_search_finds(sample_site: Path) -> None:
    loaded = load_site(load_config(sample_site))
    fresh = make_timeline(loaded)
    tags = TagMemo()
    make_timeline(loaded, tags=tags)
    searched_first = tags.worked

    again = make_timeline(loaded, tags=tags)

    assert searched_first > 0 and tags.worked == 0
    assert again.entries == fresh.entries
    assert len(tags.known) == searched_first and tags.used == set(tags.known)


def test_an_entry_told_otherwise_has_another_key(sample_site: Path) -> None:
    entry = next(e for e in make_timeline(load_site(load_config(sample_site))).entries if e.tags)
    source = entry.sources[0]
    retold = replace(source, sentence=source.sentence + " Again.")
    titled = replace(source, article=replace(source.article, title="Another headline"))

    keys = {
        tags_key(entry),
        tags_key(replace(entry, tags=(*entry.tags, "rafah"))),
        tags_key(replace(entry, text=entry.text + " Again.")),
        tags_key(replace(entry, sources=(retold, *entry.sources[1:]))),
        tags_key(replace(entry, sources=(titled, *entry.sources[1:]))),
    }
    assert len(keys) == 5


@pytest.mark.parametrize(
    ("row", "value", "signed"),
    [
        (":day:", b"[]", False),  # a day's row damaged: left out, the sum not whole
        (":head", b"[]", False),
        (":day:", b"[[],[],{}]", True),  # a day's row emptied, as the store would sign it
    ],
)
def test_a_kept_sum_of_the_day_mentions_with_a_damaged_row_is_not_used(
    sample_site: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    row: str,
    value: bytes,
    signed: bool,
) -> None:
    caplog.set_level(logging.INFO, logger="timeline.build.kept")
    build_site(sample_site)
    with sqlite3.connect(sample_site / CACHE_DIR / STORE_FILE) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM entries WHERE kind = 'mention-sum'")]
        assert sum(":day:" in key for key in keys) > 1  # kept a row a day
        key = next(k for k in keys if row in k)
        digest = entry_digest("mention-sum", key, value if signed else b"")
        db.execute(
            "UPDATE entries SET value = ?, digest = ? WHERE kind = 'mention-sum' AND key = ?",
            (value, digest, key),
        )
    db.close()
    write_article(sample_site, "convoy.md", NEW)

    build_site(sample_site)

    ignored = "ignoring a sum of what the articles say of days that does not fit its parts"
    assert ignored in caplog.messages
    build_site(sample_site, output=tmp_path / "cold", use_cache=False)
    assert tree(sample_site / "output") == tree(tmp_path / "cold")
