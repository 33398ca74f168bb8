"""Rebuilds render only the pages whose inputs changed, and never differ from a full build."""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import tree, write_article
from timeline.build import build_site
from timeline.build.store import CACHE_DIR, Store
from timeline.config import Config, load_config
from timeline.model import Timeline
from timeline.render import BUILTIN_THEME, Bodies, Reuse, render_files
from timeline.serve.loading import ArticleCache

OUTLETS = ("Harbor Wire", "Atlas Observer", "Northline Press")
TAGS = ("aid", "talks", "strikes")


def split_site(site: Path, count: int = 220) -> None:
    """Enough articles over two years that the timeline is split into month pages."""
    for number in range(count):
        day = dt.date(2024, 1, 3) + dt.timedelta(days=number * 3)
        other = day - dt.timedelta(days=2)
        third = day - dt.timedelta(days=40)
        write_article(
            site,
            f"report-{number:03d}.md",
            f"---\ntitle: Report {number}\npublished: {day.isoformat()}\n"
            f"source: {OUTLETS[number % 3]}\ntags: [{TAGS[number % 3]}]\n---\n\n"
            f"Convoy {number} reached sector {number % 7} on {day:%d %B %Y}, officials said."
            f" Shelling of district {number * 3} began on {other:%d %B %Y}.\n"
            f"Talks on crossing {number % 5} resumed on Monday.\n\n"
            f"Aid group {number} said on {third:%d %B %Y} that {number + 9} wells had failed.\n",
        )


def kept_pages(caplog: pytest.LogCaptureFixture) -> int:
    """How many pages the last build kept unrendered, from its debug log."""
    found = [re.match(r"(\d+) pages kept", r.getMessage()) for r in caplog.records]
    numbers = [int(m.group(1)) for m in found if m]
    assert numbers, "the build logged no page reuse"
    return numbers[-1]


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.html")}


@pytest.fixture
def built(sample_site: Path) -> Path:
    split_site(sample_site)
    build_site(sample_site)
    assert len(list((sample_site / "output" / "timeline").glob("*-*.html"))) > 12
    return sample_site


def site_timeline(site: Path) -> tuple[Timeline, Config, Bodies]:
    """A site's timeline, its config and its articles' bodies, all in memory."""
    from timeline.build import make_timeline

    config = load_config(site)
    cache = ArticleCache()
    timeline = make_timeline(cache.load(config).loaded)
    return timeline, config, cache.bodies()


def edit(site: Path, name: str, extra: str) -> None:
    path = site / "content" / "articles" / name
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def test_one_changed_article_renders_few_pages_and_equals_a_full_build(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    output = built / "output"
    before = inodes(output)
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    report = build_site(built)
    after = inodes(output)
    kept = kept_pages(caplog)
    assert kept > len(before) * 0.8
    assert before["articles/report-041.html"] == after["articles/report-041.html"]
    assert before["articles/report-040.html"] != after["articles/report-040.html"]
    assert "12 November 2024" in (output / "articles" / "report-040.html").read_text("utf-8")
    assert report.changed < len(before) - kept + 10
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(output) == tree(tmp_path / "full")


def test_a_new_entry_renders_its_own_period_page_not_every_one(
    built: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    output = built / "output"
    periods = len(list((output / "timeline").glob("*.html")))
    before = inodes(output)
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    build_site(built)
    after = inodes(output)
    changed = [p for p in after if after[p] != before.get(p)]
    assert "timeline/2024-11.html" in changed and "timeline/2024-10.html" not in changed
    # Rendered again: the five pages that are always rendered (front page, indexes, search,
    # 404), the changed article, its period page, its tag's and its outlet's pages; not the
    # other period pages (they would give the same bytes and keep their files anyway).
    rendered = len(before) - kept_pages(caplog)
    assert periods > 12 and rendered <= 9
    # The outline of a period page names the years and months without their counts; the
    # front page keeps them.
    page = (output / "timeline" / "2024-11.html").read_text("utf-8")
    outline = page[page.index('<nav class="outline"') :]
    outline = outline[: outline.index("</nav>")]
    assert "November 2024</a></li>" in outline and 'class="n"' not in outline
    front = (output / "index.html").read_text("utf-8")
    assert re.search(r"November 2024</a> <span class=\"n\">\(\d+\)</span>", front)


def test_new_entries_move_links_and_every_page_stays_identical_to_a_full_build(
    built: Path, tmp_path: Path
) -> None:
    for number, extra in enumerate(
        [
            "\nOn 2 January 2024 the first convoy of the war crossed.\n",  # a new first entry
            "\nTalks collapsed on 30 December 2025.\n",  # a new last page
            "\nConvoy 10 reached sector 3 on 23 April 2024, officials said.\n",
        ]
    ):
        edit(built, f"report-0{number}5.md", extra)
        build_site(built)
        build_site(built, output=tmp_path / f"full-{number}", use_cache=False)
        assert tree(built / "output") == tree(tmp_path / f"full-{number}")
    (built / "content" / "articles" / "report-050.md").unlink()
    build_site(built)
    build_site(built, output=tmp_path / "full-removed", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full-removed")


def test_a_page_changed_in_the_output_folder_is_rendered_again(built: Path, tmp_path: Path) -> None:
    page = built / "output" / "articles" / "report-041.html"
    page.write_text("tampered", encoding="utf-8")
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    build_site(built)
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")


@pytest.mark.parametrize("damage", ["garbage", "old-shape", "edited"])
def test_a_damaged_or_old_build_record_renders_every_page(
    built: Path, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    with Store(built / CACHE_DIR) as store:
        record = store.get("last", "build")
        assert record is not None
        if damage == "garbage":
            store.put("last", "build", b"\x80\x05not json")
        elif damage == "old-shape":
            store.put("last", "build", b'{"signature": "x", "manifest": {}}')
        else:  # a page's digest changed inside the entry, its digest not made again
            assert store._db is not None
            value = record.replace(b'"pages":{"', b'"pages":{"x', 1)
            store._db.execute("UPDATE entries SET value = ? WHERE kind = 'last'", (value,))
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    build_site(built)
    assert kept_pages(caplog) == 0
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")


def test_a_copy_of_the_builtin_templates_keeps_pages_as_the_builtin_ones_do(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What ``timeline new`` makes: a site whose theme is a copy of the built-in one."""
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    shutil.copytree(BUILTIN_THEME, built / "themes" / "default")
    build_site(built)
    assert kept_pages(caplog) > 0.9 * len(inodes(built / "output"))
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    build_site(built)
    assert kept_pages(caplog) > 0.8 * len(inodes(built / "output"))
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")


def test_a_changed_template_renders_every_page(
    built: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    templates = built / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "default!article.html" %}{% block title %}'
        "{{ links.plan.pages | length }} pages{% endblock %}",
        encoding="utf-8",
    )
    build_site(built)
    assert kept_pages(caplog) == 0
    assert "pages</title>" in (built / "output/articles/report-041.html").read_text("utf-8")


def test_an_article_page_shows_what_a_template_reads_of_its_entries(built: Path) -> None:
    """A template may show any field of an article's entries: a new source of an entry
    renders the article pages of its other sources again (a report of the next day: a
    recall a year later would be a mention, not a source)."""
    templates = built / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        "{% for event, entry in events %}{{ entry.sources | length if entry else 0 }} {% endfor %}",
        encoding="utf-8",
    )
    build_site(built)
    page = built / "output" / "articles" / "report-041.html"
    before = page.read_text("utf-8")
    write_article(
        built,
        "late-report.md",
        "---\ntitle: Late report\npublished: 2024-05-06\nsource: Harbor Wire\n---\n\n"
        "Convoy 41 reached sector 6 on 05 May 2024, officials said.\n",
    )
    build_site(built)
    assert page.read_text("utf-8") != before


def test_pages_are_kept_only_under_the_same_salt(built: Path) -> None:
    """The salt stands for the program, config, theme and curation: any change renders all."""
    timeline, config, bodies = site_timeline(built)
    first = Reuse("program-1", {})
    rendered = dict(render_files(timeline, config, bodies, reuse=first))
    assert all(data is not None for data in rendered.values())
    assert len(first.digests) > 0.9 * sum(p.endswith(".html") for p in rendered)
    same = Reuse("program-1", first.digests)
    again = dict(render_files(timeline, config, bodies, reuse=same))
    assert {p for p, data in again.items() if data is None} == set(first.digests)
    assert same.digests == first.digests
    other = Reuse("program-2", first.digests)
    files = render_files(timeline, config, bodies, reuse=other)
    assert all(data is not None for _, data in files)
    assert set(other.digests) == set(first.digests)
    assert not set(other.digests.values()) & set(first.digests.values())


def test_a_changed_export_in_the_output_folder_is_written_again(
    built: Path, tmp_path: Path
) -> None:
    export = built / "output" / "timeline.json"
    export.write_bytes(export.read_bytes().replace(b"Convoy", b"Lorry"))
    edit(built, "report-040.md", "\nA new strike hit the port on 12 November 2024.\n")
    build_site(built)
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")


def test_a_new_article_keeps_most_pages(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    write_article(
        built,
        "late-report.md",
        "---\ntitle: Late report\npublished: 2025-06-01\nsource: Harbor Wire\n---\n\n"
        "Convoy 7 reached sector 0 on 27 January 2024, officials said.\n",
    )
    build_site(built)
    assert kept_pages(caplog) > 0.8 * len(inodes(built / "output"))
    build_site(built, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")


@pytest.mark.parametrize("change", ["config", "corrections", "drafts"])
def test_a_global_change_renders_every_page(
    built: Path, tmp_path: Path, change: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build")
    drafts = False
    if change == "config":
        config = built / "timeline.toml"
        config.write_text(config.read_text("utf-8").replace("A tiny", "A small"), "utf-8")
    elif change == "corrections":
        (built / "content" / "corrections.toml").write_text("# nothing yet\n", "utf-8")
    else:
        drafts = True
    build_site(built, drafts=drafts)
    assert kept_pages(caplog) == 0
    build_site(built, drafts=drafts, output=tmp_path / "full", use_cache=False)
    assert tree(built / "output") == tree(tmp_path / "full")
