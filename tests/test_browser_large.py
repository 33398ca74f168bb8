"""A war collection of a thousand articles (``tests/newsroom.py``, made up), built once and
opened in headless Chromium: its front page and every timeline page load without console
errors, fit a 390 px phone, pass the axe-core audit and keep the page weight budgets."""

# The fixtures of tests/test_browser.py and tests/test_audit.py are imported and then
# named as parameters:
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.newsroom import write_collection
from tests.render.test_weight import FEW_ITEMS, items_shown, weight_problems
from tests.test_audit import audit, axe_source  # noqa: F401  (the fixture axe_source)
from tests.test_browser import (  # noqa: F401  (the fixture browser)
    DESKTOP,
    PHONE_390,
    Served,
    browser,
    open_page,
    serve,
)
from timeline.build import build_site

ARTICLES = 1000


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The made-up collection, built and served."""
    root = tmp_path_factory.mktemp("thousand")
    write_collection(root, ARTICLES)
    output = build_site(root).output
    with serve(output, output / "404.html") as url:
        yield Served(url, output)


def pages_to_open(output: Path) -> list[str]:
    """The front page and every timeline page."""
    return [
        "index.html",
        *sorted(p.relative_to(output).as_posix() for p in output.glob("timeline/*.html")),
    ]


def test_the_collection_reads_like_a_war_timeline(large: Served) -> None:
    """What the other tests open is a site of the size and shape they mean to test."""
    output = large.output
    assert len(list((output / "articles").glob("*.html"))) == ARTICLES
    front = (output / "index.html").read_text(encoding="utf-8")
    assert "Latest entries" in front and "Earlier: " in front  # an overview, stray years grouped
    timeline = [(output / p).read_bytes() for p in pages_to_open(output)[1:]]
    entries = sum(html.count(b'<li class="entry') for html in timeline)
    assert entries > 400
    assert sum(html.count(b'<details class="sources">') for html in timeline) > entries // 3
    joined = b"".join(timeline)
    assert joined.count(b"Also recalled in:") > 50
    assert joined.count(b"In reaction to: ") > 20 and joined.count(b"Reactions: ") > 20
    assert sum(items_shown(html) >= FEW_ITEMS for html in timeline) >= 4


def test_the_pages_keep_the_weight_budgets(large: Served) -> None:
    output = large.output
    pages = {path: (output / path).read_bytes() for path in pages_to_open(output)}
    assert weight_problems(pages) == []


def test_pages_load_without_errors_and_fit_a_390px_phone(browser: Any, large: Served) -> None:
    for path in pages_to_open(large.output):
        with open_page(browser, large.url + path, PHONE_390) as page:
            assert page.locator("main h1").count() == 1
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE_390["width"], f"{path} scrolls sideways: {width} px"


def test_a_reaction_leads_to_what_it_reacts_to_and_back(browser: Any, large: Served) -> None:
    start = large.url + pages_to_open(large.output)[-1]
    with open_page(browser, start, PHONE_390) as page:
        reaction = page.locator("li.entry:has(p.related)", has_text="In reaction to: ").first
        reaction_id = str(reaction.get_attribute("id"))
        link = reaction.locator("p.related a").first
        target_id = str(link.get_attribute("href")).split("#")[1]
        link.click()
        page.wait_for_url(f"**#{target_id}")
        target = page.locator(f"#{target_id}")
        assert target.is_visible()
        back = target.locator("p.related", has_text="Reactions: ")
        assert back.locator(f'a[href$="#{reaction_id}"]').count() == 1


def audited(output: Path) -> list[str]:
    """The pages the audit opens (it takes seconds a page): the front page, the two timeline
    pages that show the most, and the one that shows the least."""
    timeline = sorted(
        pages_to_open(output)[1:], key=lambda p: items_shown((output / p).read_bytes())
    )
    return ["index.html", *timeline[-2:], timeline[0]]


def test_axe_finds_no_violation_on_the_large_pages(
    browser: Any, large: Served, axe_source: str
) -> None:
    for path in audited(large.output):
        page = browser.new_page(viewport=DESKTOP)
        try:
            page.goto(large.url + path)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            assert audit(page, axe_source) == [], path
        finally:
            page.close()
