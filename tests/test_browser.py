"""The built example site, opened as a person opens it: served by a real HTTP server and
driven in headless Chromium (Debian's ``chromium``, through Playwright)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, REPO
from timeline.build import build_site

ARTICLE = "articles/three-women-freed-as-gaza-truce-begins.html"
PHONE = {"width": 360, "height": 740}
PHONE_390 = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = os.environ.get("TIMELINE_SCREENSHOTS")
"""A folder (``docs/screenshots``) to keep the screenshots in; by default a temporary one."""


class SiteHandler(SimpleHTTPRequestHandler):
    """A static server that, like GitHub Pages, answers a missing path with the site's 404."""

    def __init__(self, *args: Any, not_found: Path, **kwargs: Any) -> None:
        self.not_found = not_found
        super().__init__(*args, **kwargs)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Served:
    """A built site behind a running server."""

    url: str
    """The URL of the site's root, ending in ``/``."""
    output: Path


@contextmanager
def serve(folder: Path, not_found: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) in a thread; yields the server's URL."""
    handler = partial(SiteHandler, directory=str(folder), not_found=not_found)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_example(folder: Path, base_url: str | None = None, output: Path | None = None) -> Path:
    """The repository's example site, copied into ``folder`` and built."""
    shutil.copy(REPO / "timeline.toml", folder)
    shutil.copytree(REPO / "content", folder / "content")
    overrides = {"base_url": base_url} if base_url else None
    return build_site(folder, output=output, overrides=overrides).output


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs /usr/bin/chromium: .ci/system-packages installs it")
        pytest.skip("needs /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example site served at the server's root."""
    output = build_example(tmp_path_factory.mktemp("example"))
    with serve(output, output / "404.html") as url:
        yield Served(url, output)


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example site built for https://example.github.io/repo/ and served under /repo/."""
    folder = tmp_path_factory.mktemp("subpath")
    mount = folder / "www"
    output = build_example(folder, "https://example.github.io/repo/", mount / "repo")
    with serve(mount, output / "404.html") as url:
        yield Served(url + "repo/", output)


@contextmanager
def open_page(browser: Any, url: str, viewport: dict[str, int] = DESKTOP) -> Iterator[Any]:
    """A fresh page at ``url``; fails the test on any console error or script exception."""
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    try:
        yield page
    finally:
        page.close()
    assert errors == [], f"{url}: {errors}"


def target_exists(browser: Any, url: str) -> bool:
    """True when the page at ``url`` has the element its fragment names."""
    page_url, _, fragment = url.partition("#")
    with open_page(browser, page_url) as page:
        return bool(page.evaluate("id => !!document.getElementById(id)", fragment))


def stylesheet_applied(page: Any) -> bool:
    """True when the theme's style.css has been loaded and applied to the page."""
    header = page.locator(".site-header")
    return bool(header.evaluate("e => getComputedStyle(e).display === 'flex'"))


PAGES = ["index.html", ARTICLE, "search.html", "tags/index.html", "sources/index.html"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_console_errors(browser: Any, site: Served, path: str) -> None:
    with open_page(browser, site.url + path) as page:
        assert stylesheet_applied(page)
        assert page.locator("main h1").count() == 1


def test_timeline_shows_entries_and_a_linked_density_chart(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "index.html") as page:
        assert page.locator("li.entry").count() >= 20
        assert page.locator("ol.entries time[datetime], h4 time[datetime]").count() > 0
        bars = page.locator("figure.density svg a")
        assert bars.count() >= 3
        href = bars.first.get_attribute("href")
        assert href and page.evaluate("h => !!document.getElementById(h.slice(1))", href)


def test_the_front_page_opens_with_the_key_events_marked_in_the_record(
    browser: Any, site: Served
) -> None:
    with open_page(browser, site.url + "index.html") as page:
        first = page.locator("main > section").first
        assert first.get_attribute("class") == "key-events"
        assert first.locator("h2").inner_text() == "Key events"
        items = first.locator("li.key-event")
        count = items.count()
        assert 10 <= count == page.locator("li.entry.key").count()
        days = [items.nth(i).locator("time").get_attribute("datetime") for i in range(count)]
        assert days == sorted(days, key=lambda d: str(d)[:10])  # in the order they happened
        assert all("Told by" in items.nth(i).inner_text() for i in range(count))
        link = items.first.locator("a")
        text, href = link.inner_text(), str(link.get_attribute("href"))
        link.click()
        page.wait_for_url(f"**{href}")
        target = page.locator(f"#{href.split('#')[1]}")
        assert "key" in str(target.get_attribute("class")).split()
        assert text in target.inner_text()
        # Marked in words, not by colour alone.
        assert target.locator(".key-mark").inner_text().strip().lower() == "key event"


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll_on_a_360px_phone(browser: Any, site: Served, path: str) -> None:
    with open_page(browser, site.url + path, PHONE) as page:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]


def test_search_finds_an_entry_and_links_to_it(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "search.html") as page:
        page.fill("#search-q", "Netzarim corridor")
        results = page.locator("#search-results li a")
        results.first.wait_for()
        assert "Netzarim corridor" in results.first.inner_text()
        assert "match" in page.inner_text("#search-status")
        href = results.first.get_attribute("href")
    assert href and target_exists(browser, site.url + href)


def test_search_filters_by_tag_and_outlet_and_reads_the_address(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + "search.html?q=hostages&tag=prisoners") as page:
        page.locator("#search-results li").first.wait_for()
        with_tag = page.locator("#search-results li").count()
        outlet = page.locator("#search-outlet option").nth(1).get_attribute("value")
        page.select_option("#search-outlet", outlet)
        outlets = page.locator("#search-results li .outlets").all_inner_texts()
        assert with_tag > 0 and len(outlets) <= with_tag
        assert all(outlet in text for text in outlets)


def test_article_marks_link_to_entries_that_exist(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + ARTICLE) as page:
        marks = page.locator("a.timex")
        assert marks.count() >= 3
        hrefs = sorted({str(marks.nth(i).get_attribute("href")) for i in range(marks.count())})
        targets = [page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs]
    assert all(target_exists(browser, target) for target in targets)


def test_a_mark_explains_itself_when_focused_by_keyboard(browser: Any, site: Served) -> None:
    with open_page(browser, site.url + ARTICLE) as page:
        tip = page.locator(".timex-wrap .timex-tip").first
        assert not tip.is_visible()
        for _ in range(40):  # tab through the page until the first mark has the focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('timex')"):
                break
        described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
        shown = page.locator(f"#{described}")
        assert shown.is_visible() and "Read as" in shown.inner_text()


def test_the_site_works_under_a_sub_path(browser: Any, subpath_site: Served) -> None:
    assert subpath_site.url.endswith("/repo/")
    with open_page(browser, subpath_site.url + "index.html") as page:
        assert stylesheet_applied(page)
        page.click(f'a[href="{ARTICLE}"] >> nth=0')
        page.wait_for_url(f"**/repo/{ARTICLE}")
        href = page.locator("a.timex").first.get_attribute("href")
        target = page.evaluate("h => new URL(h, location.href).href", href)
    assert "/repo/" in target and target_exists(browser, target)
    with open_page(browser, subpath_site.url + "search.html?q=Rafah") as page:
        page.locator("#search-results li a").first.wait_for()


def test_404_page_is_styled_at_any_depth(browser: Any, subpath_site: Served) -> None:
    url = subpath_site.url + "no/such/deep/page.html"
    page = browser.new_page(viewport=DESKTOP)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    try:
        response = page.goto(url)
        assert response.status == 404
        assert stylesheet_applied(page)
        assert failed == [url], "only the missing page itself may fail to load"
        page.click("main a >> text=The timeline")
        page.wait_for_url("**/repo/index.html")
    finally:
        page.close()


def test_screenshots(browser: Any, site: Served, tmp_path: Path) -> None:
    """The timeline on a desktop and on a 390 px phone, the overview, an entry told by three
    outlets with its sources open, an article with a focused mark: PNGs for the docs."""
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    merged = "li.entry:has(details.sources summary:text-matches('^3 outlets'))"
    shots = [
        ("timeline-desktop.png", "index.html#m-2025-01", DESKTOP),
        ("overview-desktop.png", "index.html#density-caption", DESKTOP),
        ("merged-entry.png", "index.html", DESKTOP),
        ("article-marks.png", ARTICLE, DESKTOP),
        ("timeline-phone.png", "index.html#m-2025-02", PHONE_390),
    ]
    for name, path, viewport in shots:
        with open_page(browser, site.url + path, viewport) as page:
            if name == "article-marks.png":
                page.locator("a.timex").nth(1).focus()
            if name == "overview-desktop.png":
                page.locator("figure.density").scroll_into_view_if_needed()
            if name == "merged-entry.png":
                entry = page.locator(merged).first
                entry.locator("summary").click()
                entry.screenshot(path=str(folder / name))
            else:
                page.screenshot(path=str(folder / name))
        assert (folder / name).stat().st_size < 300_000
