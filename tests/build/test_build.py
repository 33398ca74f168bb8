"""The orchestrator: a whole build on disk, atomic output, collected errors, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import tree, write_article
from timeline.build import build_site
from timeline.errors import BuildFailed, UsageError


def test_build_writes_pages_and_exports(sample_site: Path) -> None:
    report = build_site(sample_site)
    files = tree(sample_site / "output")
    assert {"index.html", "timeline.json", "static/style.css"} <= files.keys()
    assert "articles/talks-open.html" in files and "articles/ceasefire-agreed.html" in files
    assert "articles/draft-note.html" not in files
    assert report.articles == 2
    index = files["index.html"].decode()
    assert '<time datetime="2025-01-08">8 January 2025</time>' in index
    assert index.index("12 December 2024") < index.index("8 January 2025")


def test_drafts_are_built_on_request(sample_site: Path) -> None:
    build_site(sample_site, drafts=True)
    assert (sample_site / "output" / "articles" / "draft-note.html").is_file()


def test_same_happening_from_two_articles_is_one_entry(sample_site: Path) -> None:
    build_site(sample_site)
    data = json.loads((sample_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    agreed = [e for e in data["entries"] if e["date"]["value"] == "2025-01-08"]
    assert len(agreed) == 1
    assert sorted(s["article"] for s in agreed[0]["sources"]) == [
        "ceasefire-agreed",
        "talks-open",
    ]


def test_two_builds_give_identical_bytes(sample_site: Path, tmp_path: Path) -> None:
    build_site(sample_site, output=tmp_path / "one")
    build_site(sample_site, output=tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_failed_build_reports_every_error_and_keeps_previous_output(sample_site: Path) -> None:
    build_site(sample_site)
    before = tree(sample_site / "output")
    write_article(sample_site, "broken.md", "---\ntitle: [oops\n---\n")
    write_article(sample_site, "undated.md", "---\ntitle: Undated\n---\n\nOn May 4, 2024 x.\n")
    (sample_site / "content" / "articles" / "latin1.md").write_bytes(
        b"---\ntitle: T\npublished: 2025-01-01\n---\n\ncaf\xe9\n"
    )
    with pytest.raises(BuildFailed) as caught:
        build_site(sample_site)
    messages = [str(e) for e in caught.value.errors]
    assert [m.split(": ")[0] for m in messages] == [
        "content/articles/broken.md:3",
        "content/articles/latin1.md:6",
        "content/articles/undated.md:1",
    ]
    assert "latest date is 2024-05-04" in messages[2]
    assert tree(sample_site / "output") == before
    leftovers = sorted(p.name for p in sample_site.iterdir())
    assert leftovers == [".timeline-cache", "content", "output", "timeline.toml"]


def test_duplicate_page_names_are_an_error(sample_site: Path) -> None:
    text = (sample_site / "content" / "articles" / "talks-open.md").read_text(encoding="utf-8")
    write_article(sample_site, "2025-01-10-talks-open.md", text)
    with pytest.raises(BuildFailed, match="1 error") as caught:
        build_site(sample_site)
    assert "same page name 'talks-open'" in str(caught.value.errors[0])


def test_output_folder_may_not_replace_the_site(sample_site: Path) -> None:
    with pytest.raises(UsageError):
        build_site(sample_site, output=sample_site)
    with pytest.raises(UsageError):
        build_site(sample_site, output=sample_site / "content")
    assert (sample_site / "content" / "articles" / "talks-open.md").is_file()


def test_a_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text('title = "Empty"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="no content folder"):
        build_site(tmp_path)


def test_the_cycle_collector_is_left_as_the_build_found_it(sample_site: Path) -> None:
    import gc

    assert gc.isenabled() and gc.get_freeze_count() == 0
    build_site(sample_site, use_cache=False)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    write_article(sample_site, "broken.md", "---\ntitle: [oops\n---\n")
    with pytest.raises(BuildFailed):
        build_site(sample_site, use_cache=False)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        (sample_site / "content" / "articles" / "broken.md").unlink()
        build_site(sample_site, use_cache=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
