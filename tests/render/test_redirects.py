"""Redirect pages for an article's former addresses (front matter ``aliases``)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_article
from timeline.build import build_site
from timeline.render.redirects import redirect_page


def test_a_redirect_page_refreshes_to_the_article_relative_to_where_it_lies() -> None:
    page = redirect_page(
        "2025/02/talks/index.html", "articles/talks.html", "Talks <1>", "/"
    ).decode()
    assert '<meta http-equiv="refresh" content="0; url=../../../articles/talks.html">' in page
    assert '<link rel="canonical" href="../../../articles/talks.html">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "<title>Talks &lt;1&gt;</title>" in page


def test_the_canonical_link_is_absolute_when_the_site_has_an_address() -> None:
    page = redirect_page("old.html", "articles/talks.html", "T", "https://u.github.io/repo/")
    assert (
        '<link rel="canonical" href="https://u.github.io/repo/articles/talks.html">'
        in page.decode()
    )
    assert 'url=articles/talks.html"' in page.decode()


def test_a_build_writes_each_alias_once_and_never_over_a_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "timeline.toml").write_text('title = "T"\n', encoding="utf-8")
    front = "---\ntitle: Talks\npublished: 2025-02-03\nsource: S\nurl: https://s.example/\n"
    write_article(
        site,
        "talks.md",
        front + "aliases: [/2025/02/talks/, /old.html, /index.html]\n---\n\nTalks began.\n",
    )
    write_article(site, "other.md", front + "aliases: [/old.html]\n---\n\nOther news.\n")
    build_site(site)
    output = site / "output"
    moved = (output / "2025" / "02" / "talks" / "index.html").read_text(encoding="utf-8")
    assert "url=../../../articles/talks.html" in moved
    # Two articles claim /old.html: the first by file name keeps it.
    assert "url=articles/other.html" in (output / "old.html").read_text(encoding="utf-8")
    assert "http-equiv" not in (output / "index.html").read_text(encoding="utf-8")
    assert (
        "/old.html" not in (output / "sitemap.xml").read_text(encoding="utf-8")
        if (output / "sitemap.xml").exists()
        else True
    )
