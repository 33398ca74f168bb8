"""Every internal link of the built site leads somewhere: the file exists, and so does the
element its ``#fragment`` names. Checked over the whole example site, built as one page and
built split into year, month and listing pages."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import REPO
from timeline.build import build_site
from timeline.render import plan
from timeline.render.plan import PageLimits
from timeline.render.search import INDEX_PATH, INDEX_PREFIX

SMALL_PAGES = PageLimits(single_page=20, per_page=12, latest=5, per_listing=4)
"""Limits small enough that the example site gets every kind of split page."""


@dataclass
class PageLinks(HTMLParser):
    """The ids of one HTML page and the internal links it makes."""

    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        for name in ("href", "src", "action"):
            value = values.get(name)
            if value is not None and _is_internal(value):
                self.links.append(value)


def _is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def parse_page(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def resolve(output: Path, page: Path, url: str, base_path: str) -> tuple[Path, str]:
    """The file a link leads to and the fragment it names; ``/...`` starts at base_path."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.startswith("/"):
        assert path.startswith(base_path), f"{url} is outside the site's base path"
        target = output / path[len(base_path) :]
    else:
        target = page.parent / path if path else page
    if target.is_dir():
        target = target / "index.html"
    return target.resolve(), parts.fragment


def broken_links(output: Path, base_path: str = "/") -> list[str]:
    """Every internal link of every page that leads nowhere, as ``page: link (why)``."""
    output = output.resolve()
    pages = {p: parse_page(p) for p in sorted(output.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        name = page.relative_to(output).as_posix()
        problems += [f"{name}: duplicate id {i}" for i, n in Counter(parsed.ids).items() if n > 1]
        for url in parsed.links:
            target, fragment = resolve(output, page, url, base_path)
            if not target.is_relative_to(output):
                problems.append(f"{name}: {url} (leaves the site)")
            elif not target.is_file():
                problems.append(f"{name}: {url} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                problems.append(f"{name}: {url} (no element with id {fragment})")
    return problems


def copy_example_site(tmp_path: Path) -> Path:
    """The repository's own example site, copied so that its build writes into tmp_path."""
    site = tmp_path / "example"
    site.mkdir()
    shutil.copy(REPO / "timeline.toml", site)
    shutil.copytree(REPO / "content", site / "content")
    return site


def test_example_site_has_no_broken_internal_link(tmp_path: Path) -> None:
    site = copy_example_site(tmp_path)
    build_site(site)
    output = site / "output"
    assert len(list(output.rglob("*.html"))) > 20
    assert broken_links(output) == []


def test_split_example_site_has_no_broken_internal_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan, "DEFAULT_LIMITS", SMALL_PAGES)
    site = copy_example_site(tmp_path)
    build_site(site, overrides={"base_url": "https://example.github.io/repo/"})
    output = site / "output"
    assert (output / "timeline").is_dir() and any(output.glob("tags/*.2.html"))
    assert any(p.name.endswith("-2.html") for p in (output / "timeline").iterdir())
    assert broken_links(output, base_path="/repo/") == []
    assert broken_search_results(output) == []


def broken_search_results(output: Path) -> list[str]:
    """Search results whose link leads to no entry (the search page is at the root)."""
    text = (output / INDEX_PATH).read_text(encoding="utf-8")
    index = json.loads(text.removeprefix(INDEX_PREFIX).rstrip().removesuffix(";"))
    search_page = output / "search.html"
    problems = []
    for item in index["entries"]:
        target, fragment = resolve(output, search_page, item["url"], "/")
        if not target.is_file() or fragment not in parse_page(target).ids:
            problems.append(item["url"])
    return problems


def test_the_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<p id="x"></p><p id="x"></p><a href="b.html#y"></a><a href="c.html"></a>'
        '<a href="#x"></a><a href="https://example.org/z"></a><a href="../up.html"></a>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<p id="z"></p>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a.html: duplicate id x",
        "a.html: b.html#y (no element with id y)",
        "a.html: c.html (no such file)",
        "a.html: ../up.html (leaves the site)",
    ]
