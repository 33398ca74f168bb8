"""The article bodies a build's pages are rendered from (``StoredBodies``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import write_article
from timeline.build import scratch_store
from timeline.build.extraction import (
    BODY,
    Made,
    StoredBodies,
    Work,
    extract_articles,
    extract_file,
    prepared_body,
    prepared_json,
)
from timeline.build.inputs import read_articles
from timeline.build.store import Store
from timeline.config import load_config
from timeline.errors import BuildFailed
from timeline.extract import extract_article
from timeline.load.articles import parse_article
from timeline.merge import merge_events
from timeline.model import ArticleBody
from timeline.render.article import article_html, prepare_body

REPORT = (
    "---\ntitle: Crossing reopens\npublished: 2025-03-04\nsource: Frontier Wire\n---\n\n"
    "Aid trucks crossed at the northern gate on Monday, the first since [the 20 February"
    " closure](https://example.org/closure). A second convoy is expected on 10 March, and"
    " the gate's operators' union said it had been shut since January.\n"
)


def test_a_body_made_by_this_builds_workers_needs_neither_store_nor_file(
    tmp_path: Path,
) -> None:
    """The page of an article extracted in this build takes the body its worker made ready:
    it is not read from the store, nor the file read again."""
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "timeline.toml").write_text('title = "T"\n')
    path = write_article(site, "crossing.md", REPORT)
    config = load_config(site)
    read = read_articles(config)
    with Store(tmp_path / "cache") as store, scratch_store() as scratch:
        salt = read.stats.salt
        extracted = extract_articles(
            read.files, store, None, root=site, day_first=False, salt=salt, scratch=scratch
        )
        (article,) = extracted.articles
        made = extract_file(Work(read.files[0].relative, str(path), False, salt))
        assert isinstance(made, Made)
        store.keep_only(BODY, [])  # the store's body gone, and the file too
        path.unlink()
        bodies = StoredBodies(store, scratch, site, False, salt)
        assert bodies(article) == prepared_body(made.html)
    # What this build made is all it had.
    with Store(tmp_path / "cache") as store, scratch_store() as empty, pytest.raises(BuildFailed):
        StoredBodies(store, empty, site, False, salt)(article)


def test_a_prepared_body_comes_back_from_its_json_as_it_was() -> None:
    """Through the scratch store's JSON a body marks its dates as made here: the notes'
    escaped apostrophes are not escaped again, a date inside a link label is not linked."""
    extraction = extract_article(parse_article(REPORT, "content/articles/crossing.md"))
    article = extraction.article
    body = ArticleBody(article.text, article.body_start, extraction.expressions)
    prepared = prepare_body(body)
    again = prepared_body(prepared_json(prepared))
    assert again == prepared
    assert [m.linkable for m in prepared.marks].count(False) == 1
    entries = {e.id: e for e in merge_events(extraction.events)}
    href = lambda entry: f"#{entry.anchor}"  # noqa: E731
    events = extraction.events
    html = str(article_html(again, events, entries, href))
    assert html == str(article_html(prepared, events, entries, href))
    assert "&amp;#39;" not in html and "article&#39;s date" in html
    assert "expected, not reported as fact" in html
    closure = html[html.index('href="https://example.org/closure"') : html.index("closure</a>")]
    assert 'href="#e-' not in closure  # the article's own link holds it: not linked again
