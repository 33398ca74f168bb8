"""``timeline serve``: a real server process, real HTTP, and a real headless Chromium."""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, tree, write_article
from timeline.build import build_site
from timeline.render import BUILTIN_THEME
from timeline.serve.client import inject, reload_script
from timeline.serve.paths import BadPath, site_key
from timeline.serve.session import Session
from timeline.serve.watch import is_editor_noise

TIMELINE = Path(sys.executable).with_name("timeline")
WAIT_MS = 15_000
NEW_ARTICLE = """---
title: Harbour reopens to aid ships
published: 2025-01-12
source: Sample Wire
---

The harbour reopened to aid ships on January 11, 2025, port officials said.
"""


# Pure pieces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("/", "index.html"),
        ("/sample/", "sample/index.html"),
        ("/articles/talks-open.html?x=1#top", "articles/talks-open.html"),
        ("/tags/caf%C3%A9.html", "tags/café.html"),
    ],
)
def test_site_key_maps_paths_to_keys(target: str, key: str) -> None:
    assert site_key(target) == key


@pytest.mark.parametrize(
    "target",
    [
        "/../timeline.toml",
        "/%2e%2e/timeline.toml",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2ftimeline.toml",
        "/static/..%5c..%5ctimeline.toml",
        "/a/./b",
        "/..\\timeline.toml",
        "/index.html%00.css",
        "//etc/passwd",
        "http://example.org/../timeline.toml",
        "timeline.toml",
        "/%ff.html",
    ],
)
def test_site_key_refuses_anything_that_could_leave_the_site(target: str) -> None:
    with pytest.raises(BadPath):
        site_key(target)


@pytest.mark.parametrize(
    ("name", "noise"),
    [
        (".#talks.md", True),
        ("talks.md~", True),
        (".talks.md.swp", True),
        ("4913", True),
        ("talks.md", False),
        ("timeline.toml", False),
    ],
)
def test_editor_swap_files_are_noise(name: str, noise: bool) -> None:
    assert is_editor_noise(Path("/site/content/articles") / name) is noise


def test_script_goes_before_the_last_body_end_and_escapes_the_key() -> None:
    page = inject(b"<html><body><p>x</p></body></html>", reload_script("</script>", "d"))
    assert page.endswith(b"</script>\n</body></html>")
    assert b'"\\u003c/script\\u003e"' in page


def test_built_output_never_holds_the_reload_script(sample_site: Path, tmp_path: Path) -> None:
    build_site(sample_site, output=tmp_path / "out")
    for data in tree(tmp_path / "out").values():
        assert b"__timeline" not in data and b"data-timeline-serve" not in data


def test_memory_site_equals_the_built_site_after_edits(sample_site: Path, tmp_path: Path) -> None:
    session = Session(sample_site)
    session.first_build()
    write_article(sample_site, "harbour.md", NEW_ARTICLE)
    (sample_site / "content" / "articles" / "ceasefire-agreed.md").unlink()
    session.rebuild()
    state = session.live.state
    assert state.site is not None and not state.errors
    build_site(sample_site, output=tmp_path / "out")
    assert state.site.all_files() == tree(tmp_path / "out")
    assert not (sample_site / "output").exists()


def many_page_site(folder: Path, articles: int = 90) -> Path:
    """A site whose timeline spans year and month pages."""
    (folder / "content" / "articles").mkdir(parents=True)
    (folder / "timeline.toml").write_text('title = "Big"\n', encoding="utf-8")
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    for number in range(articles):
        lines = [
            f"Convoy {number}-{part} reached checkpoint {number * 7 + part} on "
            f"{months[(number + part) % 8]} {1 + part * 6}, 2024."
            for part in range(4)
        ]
        write_article(folder, f"report-{number:03d}.md", "\n".join([
            "---", f"title: Report {number}", "published: 2024-09-01",
            f"source: Outlet {number % 5}", f"tags: [convoys, area-{number % 3}]", "---",
            "", " ".join(lines), "",
        ]))  # fmt: skip
    return folder


def test_memory_site_equals_the_built_site_when_the_timeline_spans_many_pages(
    tmp_path: Path,
) -> None:
    site = many_page_site(tmp_path / "big")
    session = Session(site)
    session.first_build()
    assert session.live.state.site is not None
    session.live.state.site.all_files()  # every page rendered once, and kept for the next
    write_article(site, "report-200.md", "\n".join([
        "---", "title: Late report", "published: 2024-09-02", "source: Outlet 9",
        "tags: [convoys, Area 1]", "---", "", "Convoy 9-9 reached checkpoint 999 on May 3, 2024.",
        "",
    ]))  # fmt: skip
    session.rebuild()
    state = session.live.state
    assert state.site is not None and not state.errors
    build_site(site, output=tmp_path / "out")
    built = tree(tmp_path / "out")
    assert len([path for path in built if path.startswith("timeline/")]) > 4  # split pages
    assert state.site.all_files() == built


def test_serve_starts_from_what_a_build_cached_and_never_writes_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = many_page_site(tmp_path / "big", articles=70)
    build_site(site, output=tmp_path / "out")
    cache = tree(site / ".timeline-cache")
    caplog.set_level(logging.DEBUG, logger="timeline.build.extraction")
    session = Session(site)
    session.first_build()
    assert "store: 70 articles kept, 0 to extract" in caplog.text
    assert session.live.state.site is not None
    assert session.live.state.site.all_files() == tree(tmp_path / "out")
    assert tree(site / ".timeline-cache") == cache


# A real server -----------------------------------------------------------------------------


class Server:
    """A ``timeline serve`` process and everything it printed so far."""

    def __init__(self, site: Path, *args: str) -> None:
        command = [str(TIMELINE), "serve", str(site), "--port", "0", *args]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.url = self.wait_for(r"http://127\.0\.0\.1:\d+/\S*").rstrip(".")

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_for(self, pattern: str, timeout: float = 20) -> str:
        """The first match of ``pattern`` in the output, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, "".join(self.lines))
            if found:
                return found.group(0)
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"no {pattern!r} in output: {''.join(self.lines)}")

    @property
    def port(self) -> int:
        return int(re.findall(r":(\d+)/", self.url)[0])

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        if self.process.stderr is not None:
            self.process.stderr.close()
        return code


@pytest.fixture
def server(sample_site: Path) -> Iterator[Server]:
    running = Server(sample_site)
    yield running
    running.stop()


def raw_request(port: int, target: str) -> bytes:
    """The whole answer to ``GET target`` sent as is, byte for byte, without any client help."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    "target",
    [
        "/../timeline.toml",
        "/sample/../../timeline.toml",
        "/%2e%2e/timeline.toml",
        "/sample/%2e%2e/%2e%2e/timeline.toml",
        "/..%2ftimeline.toml",
        "/sample/..%2f..%2ftimeline.toml",
        "/..\\timeline.toml",
        "/sample/%2e%2e%5ccontent%5carticles%5ctalks-open.md",
        "/sample/content/articles/talks-open.md",
        "/%00",
        "//etc/passwd",
        "/../../../../etc/passwd",
    ],
)
def test_traversal_never_serves_files(server: Server, target: str) -> None:
    answer = raw_request(server.port, target)
    status = int(answer.split(b" ", 2)[1])
    assert status in (400, 404)
    assert b"base_url" not in answer and b"Negotiators from both sides" not in answer
    assert b"root:" not in answer


def test_a_port_in_use_is_a_clear_message(sample_site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [str(TIMELINE), "serve", str(sample_site), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode == 2
    assert f"port {port}" in done.stderr and "in use" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_without_a_site_is_a_clear_message(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(TIMELINE), "serve", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "timeline.toml" in done.stderr and "Traceback" not in done.stderr


def test_sigint_stops_quickly_and_leaves_nothing_behind(sample_site: Path) -> None:
    before = sorted(p.name for p in sample_site.iterdir())
    running = Server(sample_site)
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as events:
        events.sendall(b"GET /__timeline/events?page=index.html HTTP/1.0\r\n\r\n")
        received = b""
        while b"data: " not in received:
            chunk = events.recv(65536)
            assert chunk, received
            received += chunk
        started = time.monotonic()
        code = running.stop()
    assert code == 0
    assert time.monotonic() - started < 5
    assert sorted(p.name for p in sample_site.iterdir()) == before
    assert "Traceback" not in "".join(running.lines)


# A real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip("needs /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 480, "height": 240})
    yield context.new_page()
    context.close()


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_an_edit_appears_in_the_open_page(server: Server, page: Any, sample_site: Path) -> None:
    page.goto(server.url + "articles/talks-open.html")
    page.evaluate("window.scrollTo(0, 200)")
    page.wait_for_function("window.scrollY >= 150", timeout=WAIT_MS)
    page.evaluate("window.notReloaded = true")
    article = sample_site / "content" / "articles" / "talks-open.md"
    edit(article, lambda text: text + "\nA quokka parade was held on January 9, 2025.\n")
    page.wait_for_function("document.body.innerText.includes('quokka parade')", timeout=WAIT_MS)
    assert page.evaluate("window.notReloaded === true")  # the body was swapped in place
    assert page.evaluate("window.scrollY") >= 150
    edit(article, lambda text: text.replace("quokka parade", "wombat parade"))
    page.wait_for_function("document.body.innerText.includes('wombat parade')", timeout=WAIT_MS)
    assert "quokka" not in page.inner_text("body")
    assert page.locator("script[data-timeline-serve]").count() == 1


def test_a_changed_stylesheet_reloads_the_page(sample_site: Path, page: Any) -> None:
    own = sample_site / "themes" / "default" / "static"
    own.mkdir(parents=True)
    stylesheet = (BUILTIN_THEME / "static" / "style.css").read_text(encoding="utf-8")
    (own / "style.css").write_text(stylesheet, encoding="utf-8")
    running = Server(sample_site)
    try:
        page.goto(running.url + "articles/talks-open.html")
        page.evaluate("window.notReloaded = true")
        marked = stylesheet + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n"
        (own / "style.css").write_text(marked, encoding="utf-8")
        page.wait_for_function(
            "getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", timeout=WAIT_MS
        )
        assert page.evaluate("window.notReloaded === undefined")
    finally:
        running.stop()


def test_broken_front_matter_shows_an_overlay_until_fixed(
    server: Server, page: Any, sample_site: Path
) -> None:
    page.goto(server.url)
    article = sample_site / "content" / "articles" / "talks-open.md"
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("tags: [talks]", "tags: [talks"), encoding="utf-8")
    overlay = page.locator("#timeline-serve-errors")
    overlay.wait_for(timeout=WAIT_MS)
    assert re.search(r"content/articles/talks-open\.md:\d+: ", overlay.inner_text())
    assert page.locator("main").count() == 1  # the last good page is still there
    server.wait_for(r"content/articles/talks-open\.md:\d+: ")
    article.write_text(good.replace("round of talks.", "round of talks in good faith."))
    overlay.wait_for(state="detached", timeout=WAIT_MS)


def test_new_and_deleted_articles_show_on_the_timeline(
    server: Server, page: Any, sample_site: Path
) -> None:
    page.goto(server.url)
    assert page.locator('a[href$="articles/ceasefire-agreed.html"]').count() > 0
    write_article(sample_site, "harbour.md", NEW_ARTICLE)
    page.wait_for_function("document.body.innerText.includes('harbour reopened')", timeout=WAIT_MS)
    (sample_site / "content" / "articles" / "ceasefire-agreed.md").unlink()
    page.wait_for_function(
        "!document.querySelector('a[href$=\"articles/ceasefire-agreed.html\"]')",
        timeout=WAIT_MS,
    )
    assert "harbour reopened" in page.inner_text("body")


def test_a_deleted_content_folder_is_shown_not_fatal(
    server: Server, page: Any, sample_site: Path
) -> None:
    page.goto(server.url)
    content = sample_site / "content"
    moved = sample_site.parent / "content-away"
    content.rename(moved)
    page.locator("#timeline-serve-errors").wait_for(timeout=WAIT_MS)
    assert "no content folder" in page.inner_text("#timeline-serve-errors")
    moved.rename(content)
    page.locator("#timeline-serve-errors").wait_for(state="detached", timeout=WAIT_MS)
    assert server.process.poll() is None


def test_a_broken_template_fails_the_build_at_once(sample_site: Path) -> None:
    templates = sample_site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    source = (BUILTIN_THEME / "templates" / "tag.html").read_text(encoding="utf-8")
    at = source.rindex("{% endblock %}")
    broken = source[:at] + "{{ no_such_name.x }}" + source[at:]  # inside the content block
    (templates / "tag.html").write_text(broken, encoding="utf-8")
    session = Session(sample_site)
    session.first_build()
    assert session.live.state.site is None
    assert any("no_such_name" in error for error in session.live.state.errors)
    (templates / "tag.html").write_text(source + "\n{% if %}\n", encoding="utf-8")
    session.rebuild()
    assert any(re.search(r"tag\.html:\d+: ", error) for error in session.live.state.errors)
    (templates / "tag.html").write_text(source, encoding="utf-8")
    session.rebuild()
    assert session.live.state.site is not None and not session.live.state.errors


def test_the_search_page_follows_its_index_and_exports_come_alone(sample_site: Path) -> None:
    session = Session(sample_site)
    session.first_build()
    before = session.live.state.site
    assert before is not None
    page, digest = before.get("search.html"), before.digest("search.html")
    index = before.get("search-index.js")
    assert index is not None and b"harbour" not in index
    write_article(sample_site, "harbour.md", NEW_ARTICLE)
    session.rebuild()
    after = session.live.state.site
    assert after is not None and after.get("search.html") == page  # the page is the same...
    assert after.digest("search.html") != digest  # ...but the index its script loads is not
    assert b"harbour" in (after.get("search-index.js") or b"")
    assert after.get("favicon.ico") is None
