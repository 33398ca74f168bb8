"""The timeline as a reader meets it in headless Chromium: compact entries, labels, filters,
the track, the overview and the TimelineJS page (the example site, served over HTTP)."""

# The fixtures of tests/test_browser.py are imported and then named as parameters:
# ruff: noqa: F811

from __future__ import annotations

from typing import Any

from tests.test_browser import (  # noqa: F401  (the fixtures browser and site)
    DESKTOP,
    PHONE,
    Served,
    browser,
    open_page,
    site,
)


def test_an_entry_is_its_text_then_one_line_that_opens_its_sources(
    browser: Any, site: Served
) -> None:
    with open_page(browser, site.url + "index.html") as page:
        several = page.locator("li.entry details.sources").first
        summary = several.locator("summary")
        assert summary.inner_text().split(":")[0].endswith("outlets")
        first = several.locator("li.source").first
        assert not first.is_visible()
        summary.click()
        assert first.is_visible()
        assert first.locator("a.outlet").count() == 1 and first.locator("time").count() == 1
        assert "Date:" in first.inner_text()
        single = page.locator("li.entry:not(:has(details))").first
        assert single.locator("li.source").count() == 1 and single.locator("li.source").is_visible()
        assert page.locator("li.entry:has(ul.sources.one) details").count() == 0
