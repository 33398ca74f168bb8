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
        several = page.locator("li.entry:not(:has(ul.sources.one)) details.sources").first
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
        bare = "li.entry:has(ul.sources.one):not(:has(ul.mentions))"
        assert page.locator(f"{bare} details").count() == 0


def test_an_entrys_mentions_open_from_the_line_of_its_sources(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "index.html") as page:
        several = page.locator("li.entry:not(:has(ul.sources.one)):has(ul.mentions)").first
        assert "; also recalled in " in several.locator("summary").inner_text()
        mention = several.locator("ul.mentions li.source").first
        assert not mention.is_visible()
        several.locator("summary").click()
        assert mention.is_visible() and several.locator("p.recalled").is_visible()
        assert mention.locator("time").count() == 1 and mention.locator("blockquote").count() == 1
        # one report shown at once, and one more line for its mentions
        single = page.locator("li.entry:has(ul.sources.one):has(ul.mentions)").first
        assert single.locator("ul.sources.one li.source").is_visible()
        line = single.locator("details > summary")
        assert line.count() == 1 and line.inner_text().startswith("Also recalled in ")
        line.click()
        assert single.locator("ul.mentions li.source").first.is_visible()


def visible_entries(page: Any) -> int:
    return int(
        page.evaluate(
            "[...document.querySelectorAll('li.entry')].filter(e => e.offsetParent).length"
        )
    )


def test_filters_work_in_place_and_from_the_address(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "index.html") as page:
        total = visible_entries(page)
        page.locator("#filters summary", has_text="a tag").click()
        tag = page.locator('#filters [data-filter="tag"]').nth(1)
        slug = str(tag.get_attribute("data-value"))
        tag.click()
        assert page.url.endswith(f"?tag={slug}")
        tagged = page.locator(f'li.entry[data-tags~="{slug}"]').count()
        assert 0 < visible_entries(page) == tagged < total
        assert f"{tagged} entr" in page.inner_text("#filter-status")
        hidden_days = page.evaluate(
            "[...document.querySelectorAll('section.date')].filter(s => !s.offsetParent).length"
        )
        assert hidden_days > 0  # a day without a tagged entry is hidden with its heading
        page.click("#filter-status button")
        assert visible_entries(page) == total and page.url.endswith("index.html")
        page.click('#filters [data-filter="key"]')
        assert visible_entries(page) == page.locator("li.entry.key").count() < total
    outlet_page = site.url + "index.html?outlet="
    with open_page(browser, site.url + "index.html") as page:
        slug = page.locator('#filters [data-filter="outlet"]').first.get_attribute("data-value")
    with open_page(browser, f"{outlet_page}{slug}") as page:
        shown = visible_entries(page)
        assert shown == page.locator(f'li.entry[data-outlets~="{slug}"]').count() > 0


def test_words_filter_the_timeline_page_in_place(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "index.html") as page:
        total = visible_entries(page)
        having = int(
            page.evaluate(
                "[...document.querySelectorAll('li.entry')]"
                ".filter(e => e.textContent.toLowerCase().includes('hostages')).length"
            )
        )
        assert 0 < having < total
        page.fill("#filter-q", "Hostages")
        page.press("#filter-q", "Enter")
        assert page.url.endswith("?q=Hostages")
        assert visible_entries(page) == having
        assert f"{having} entr" in page.inner_text("#filter-status")
        page.click("#filter-status button")
        assert visible_entries(page) == total and page.input_value("#filter-q") == ""
    with open_page(browser, site.url + "index.html?q=hostages+gaza") as page:
        both = int(
            page.evaluate(
                "[...document.querySelectorAll('li.entry')].filter(e => "
                "['hostages', 'gaza'].every(w => e.textContent.toLowerCase().includes(w))).length"
            )
        )
        assert visible_entries(page) == both > 0
        assert page.input_value("#filter-q") == "hostages gaza"


def test_without_javascript_words_go_to_the_search_page(browser: Any, site: Served) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(site.url + "index.html")
        page.fill("#filter-q", "hostages")
        page.click(".filter-search button")
        page.wait_for_url("**/search.html?q=hostages")
    finally:
        context.close()


def test_without_javascript_a_filter_is_a_link_to_its_page(browser: Any, site: Served) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(site.url + "index.html")
        page.locator("#filters summary", has_text="a tag").click()
        tag = page.locator('#filters [data-filter="tag"]').first
        name = tag.inner_text().split(" (")[0]
        tag.click()
        page.wait_for_url("**/tags/*.html")
        assert page.locator("h1").inner_text() == f"Tag: {name}"
    finally:
        context.close()


def test_a_permalink_shows_the_entrys_date_on_arrival_on_a_phone(
    browser: Any, site: Served
) -> None:
    with open_page(browser, site.url + "index.html") as page:
        anchors = page.locator("section.date:has(h4) li.entry").evaluate_all(
            "items => items.map(e => e.id)"
        )
    for anchor in anchors[len(anchors) // 2 :: 7]:  # entries down the page, not the first
        with open_page(browser, f"{site.url}index.html#{anchor}", PHONE) as page:
            entry = page.locator(f"#{anchor}")
            heading = page.locator(f"section.date:has(#{anchor}) > h4")
            month = page.locator(f"section.month:has(#{anchor}) > h3")
            box, day, head = entry.bounding_box(), heading.bounding_box(), month.bounding_box()
            assert 0 <= head["y"] < day["y"] < box["y"] < PHONE["height"] / 2, anchor
            assert day["y"] + day["height"] <= box["y"] + 1  # the date is not covered
            shown = page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).closest('h4')?.textContent",
                [day["x"] + 5, day["y"] + day["height"] / 2],
            )
            assert shown and shown.strip() == heading.inner_text().strip()


def test_every_entry_has_a_marker_on_the_track_and_key_events_stand_out(
    browser: Any, site: Served
) -> None:
    with open_page(browser, site.url + "index.html") as page:
        marker = "e => getComputedStyle(e, '::before').width"
        plain = page.locator("li.entry:not(.key):not(.entry-expected)").first.evaluate(marker)
        key = page.locator("li.entry.key").first.evaluate(marker)
        assert float(key.removesuffix("px")) > float(plain.removesuffix("px")) > 0
        expected = page.locator("li.entry-expected").first
        assert expected.locator(".badge-expected").inner_text().strip().lower() == "expected"


def test_dark_mode_and_print(browser: Any, site: Served) -> None:
    background = "getComputedStyle(document.body).backgroundColor"
    with open_page(browser, site.url + "index.html") as page:
        light = page.evaluate(background)
        page.emulate_media(color_scheme="dark")
        dark = page.evaluate(background)
        assert light != dark
        page.emulate_media(media="print", color_scheme="light")
        assert not page.locator("#filters").is_visible()
        assert page.locator("details.sources li.source").first.is_visible()
        # every mention printed, under its line when the entry has one report
        assert page.locator("ul.mentions li.source").last.is_visible()
        assert page.locator("details.recalls > summary").first.is_visible()
        assert not page.locator("details.sources:not(.recalls) > summary").first.is_visible()
        assert page.locator(".month > h3").first.evaluate("e => getComputedStyle(e).position") == (
            "static"
        )


STUB_TIMELINEJS = """
window.TL = { Timeline: function (id, source) {
  var embed = document.getElementById(id);
  embed.dataset.started = source;
  embed.textContent = "stub viewer";
} };
"""


def test_the_timelinejs_page_starts_knight_labs_viewer_on_the_json(
    browser: Any, site: Served
) -> None:
    """The CDN is not reachable from the tests: a stand-in for its script records how the
    page starts the viewer."""
    page = browser.new_page(viewport=DESKTOP)
    cdn = "https://cdn.knightlab.com/libs/timeline3/latest/"
    page.route(
        cdn + "js/timeline.js",
        lambda r: r.fulfill(body=STUB_TIMELINEJS, content_type="text/javascript"),
    )
    page.route(cdn + "css/timeline.css", lambda r: r.fulfill(body="", content_type="text/css"))
    try:
        page.goto(site.url + "index.html")
        page.click("footer a >> text=TimelineJS")
        page.wait_for_url("**/timelinejs.html")
        embed = page.locator("#timelinejs-embed")
        assert embed.get_attribute("data-started") == site.url + "timelinejs.json"
        assert "timelinejs-ready" in str(embed.get_attribute("class"))
        assert "cdn.knightlab.com" in page.inner_text("main")
        assert page.locator("main a[href='timelinejs.json']").count() == 1
    finally:
        page.close()


def test_without_the_cdn_the_timelinejs_page_lists_the_key_events(
    browser: Any, site: Served
) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.route("https://cdn.knightlab.com/**", lambda route: route.abort())
    try:
        page.goto(site.url + "timelinejs.html")
        page.wait_for_load_state("load")
        assert page.locator("#timelinejs-embed li.key-event").count() >= 10
        assert "could not be loaded" in page.inner_text("#timelinejs-status")
    finally:
        page.close()
