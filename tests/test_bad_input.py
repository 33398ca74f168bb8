"""Bad input as a demanding reviewer tries it: one row per case, each run through the real
``timeline`` command on a built copy of the sample site (issue 16).

A row changes the site, runs the command and names the exit status and a pattern of the
message. Every row also checks what always holds: no traceback; a failed command leaves
the site folder (``output/`` and whatever ``-o`` named in it) byte for byte as it was,
with nothing left beside it; nothing outside the site is changed, and nothing of it is
published. Run as root, the command runs without root's power over file permissions
(``setpriv``), as a user's would.

Beside the table: the links of a built site read by Chromium, SIGTERM during a build, and
builds killed at random moments, after which the next build equals a clean one.
"""

from __future__ import annotations

import csv
import html
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, REPO, TESTS, tree, write_article
from tests.test_browser import serve

TIMELINE = Path(sys.executable).with_name("timeline")
SECRET = "SECRET-OUTSIDE-THE-SITE"
MARKER = ".timeline-output"

Setup = Callable[[Path, Path], None]
"""Changes a built site (first argument); the second is a folder outside the site."""


def timeline(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The ``timeline`` command as a user runs it (as root: without its file powers)."""
    return subprocess.run(
        [*_as_a_user(), str(TIMELINE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )


def _as_a_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def article(title: str = "Talks", front: str = "", body: str = "Talks resumed on Monday.") -> str:
    return f"---\ntitle: {title}\npublished: 2025-02-03\n{front}---\n\n{body}\n"


def add(name: str, text: str | bytes) -> Setup:
    """A setup that writes one article."""

    def setup(site: Path, outside: Path) -> None:
        path = site / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())

    return setup


def link(name: str, target: str) -> Setup:
    """A setup that makes ``name`` (relative to the site) a symbolic link to ``target``;
    ``{outside}`` in it is the folder outside the site."""

    def setup(site: Path, outside: Path) -> None:
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.symlink_to(target.format(outside=outside))

    return setup


def steps(*setups: Setup) -> Setup:
    def setup(site: Path, outside: Path) -> None:
        for each in setups:
            each(site, outside)

    return setup


def edit(name: str, change: Callable[[str], str]) -> Setup:
    def setup(site: Path, outside: Path) -> None:
        path = site / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    return setup


def write(name: str, text: str = "by hand\n") -> Setup:
    def setup(site: Path, outside: Path) -> None:
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return setup


def chmod(name: str, mode: int) -> Setup:
    def setup(site: Path, outside: Path) -> None:
        os.chmod(site / name, mode)

    return setup


def remove(name: str) -> Setup:
    def setup(site: Path, outside: Path) -> None:
        path = site / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)

    return setup


CHANGE = edit("content/articles/talks-open.md", lambda t: t + "\nTalks went on.\n")
"""A change to an article, so that the build has something to write."""


def published(*paths: str) -> Callable[[Path], None]:
    """A check that the built site holds these files."""

    def check(site: Path) -> None:
        for path in paths:
            assert (site / "output" / path).is_file(), path

    return check


def git_repository(site: Path, outside: Path) -> None:
    """The site as a git repository with one commit (for deploy)."""
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], [*identity, "commit", "-qm", "Site"]):
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)


def no_branch(name: str) -> Callable[[Path], None]:
    def check(site: Path) -> None:
        branches = subprocess.run(["git", "branch", "--list", name], cwd=site,
                                  capture_output=True, text=True, check=True)  # fmt: skip
        assert branches.stdout == ""

    return check


def leftovers_gone(site: Path) -> None:
    """The folders stopped builds left are gone; a folder of the user's with a like name
    stays, and the site was built."""
    assert not (site / ".output-new-ab12cd34").exists()
    assert not (site / ".output-old-x_9yz0w1").exists()
    assert (site / ".output-new-notes" / "mine.txt").is_file()
    assert (site / "output" / "index.html").is_file()


def built_into(folder: str) -> Callable[[Path], None]:
    def check(site: Path) -> None:
        assert (site / folder / "index.html").is_file()
        assert (site / folder / MARKER).is_file()

    return check


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    status: int
    message: str = ""
    """A regular expression the standard error must match."""
    args: tuple[str, ...] = ("build",)
    then: Callable[[Path], None] | None = None
    """A check of the site after the command."""
    marks: tuple[Any, ...] = field(default=())


NESTED_LIST = "\n".join("    " * depth + "- level" for depth in range(500))
NESTED_QUOTE = "\n".join("> " * depth + "level" for depth in range(1, 500))
EVENT_OUTSIDE = "---\ndate: 2025-01-19\n---\nThe truce began.\n"

CASES = [
    # What held before issue 16 -----------------------------------------------------------
    Case("broken-yaml", add("bad.md", "---\ntitle: [unclosed\n---\nText.\n"), 1,
         r"content/articles/bad\.md:\d+: broken front matter"),
    Case("not-utf8", add("bad.md", b"---\ntitle: T\npublished: 2025-02-03\n---\n\xff\n"), 1,
         r"content/articles/bad\.md:5: not valid UTF-8"),
    Case("binary", add("bad.md", b"\x00\x01\x02"), 1, r"bad\.md:1: binary file"),
    Case("no-title", add("bad.md", "---\npublished: 2025-02-03\n---\nText.\n"), 1,
         r"bad\.md:1: 'title' is required"),
    Case("impossible-date", add("bad.md", "---\ntitle: T\npublished: 2025-13-01\n---\nT.\n"), 1,
         r"bad\.md:3: bad publication date"),
    Case("script-tag", add("bad.md", article(body="<script>alert(1)</script>")), 1,
         r"bad\.md:6: raw HTML '<script' is not allowed"),
    Case("unknown-config-key", edit("timeline.toml", lambda t: t + 'colour = "red"\n'), 1,
         r"timeline\.toml:4: unknown key 'colour'"),
    Case("output-is-the-site", lambda site, outside: None, 2, "must not hold the site",
         ("build", "-o", ".")),
    Case("same-page-name", steps(add("a b.md", article()), add("a-b.md", article())), 1,
         r"same page name 'a-b'"),
    Case("no-config", remove("timeline.toml"), 2, r"no timeline\.toml here"),
    Case("unreadable-article", chmod("content/articles/talks-open.md", 0), 1,
         r"content/articles/talks-open\.md:1: cannot read: Permission denied"),
    Case("link-inside-the-site", steps(write("notes/inside.md", article("Inside")),
                                       link("content/articles/inside.md", "../../notes/inside.md")),
         0, then=published("articles/inside.html")),
    Case("empty-output-folder", lambda site, outside: (site / "public").mkdir(), 0,
         args=("build", "-o", "public"), then=built_into("public")),
    # 1. Links that run a script ---------------------------------------------------------
    Case("url-javascript", add("x.md", article(front="url: javascript:alert(1)\n")), 1,
         r"content/articles/x\.md:4: link to 'javascript:alert\(1\)' is not allowed"),
    Case("url-case-and-space", add("x.md", article(front="url: ' JaVaScRiPt:alert(1)'\n")), 1,
         r"x\.md:4: link to 'JaVaScRiPt:alert\(1\)'"),
    Case("url-vbscript", add("x.md", article(front="url: vbscript:msgbox(1)\n")), 1,
         r"x\.md:4: link to 'vbscript:"),
    Case("url-data", add("x.md", article(front="url: 'data:text/html,<script>x</script>'\n")),
         1, r"x\.md:4: link to 'data:"),
    Case("body-link", add("x.md", article(body="More [here](javascript:alert(1)).")), 1,
         r"x\.md:6: link to 'javascript:alert\(1'"),
    Case("body-reference", add("x.md", article(body="[More][1].\n\n[1]: javascript:alert(1)")),
         1, r"x\.md:8: link to 'javascript:"),
    Case("body-entities", add("x.md", article(body="[More](jav&#x61;script:alert(1)).")), 1,
         r"x\.md:6: link to 'javascript:"),
    Case("body-newline", add("x.md", article(body="[More](<java\nscript:alert(1)>).")), 1,
         r"x\.md:6: link to 'javascript:"),
    Case("body-image-data", add("x.md", article(body="![m](data:image/svg+xml,<svg>)")), 1,
         r"x\.md:6: link to 'data:"),
    Case("curated-source", write("content/events/e.md", "---\ndate: 2025-01-19\nsources:\n"
         "  - {published: 2025-01-19, url: 'javascript:alert(1)'}\n---\nThe truce began.\n"),
         1, r"content/events/e\.md:3: link to 'javascript:"),
    # 2. Files from outside the site -----------------------------------------------------
    Case("link-article-outside", link("content/articles/leak.md", "../../../../outside/secret.md"),
         1, r"content/articles/leak\.md:1: a symbolic link that leads outside the site"),
    Case("link-etc-passwd", link("content/articles/passwd.md", "/etc/passwd"), 1,
         r"content/articles/passwd\.md:1: a symbolic link that leads outside"),
    Case("link-articles-folder", link("content/articles", "{outside}/articles"), 1,
         r"content/articles:1: a symbolic link that leads outside"),
    Case("link-event-outside", link("content/events/e.md", "{outside}/event.md"), 1,
         r"content/events/e\.md:1: a symbolic link that leads outside"),
    Case("link-corrections-outside", link("content/corrections.toml", "{outside}/c.toml"), 1,
         r"content/corrections\.toml:1: a symbolic link that leads outside"),
    Case("link-theme-static", link("themes/default/static/leak.txt", "{outside}/secret.txt"), 1,
         r"themes/default/static/leak\.txt:1: a symbolic link that leads outside"),
    Case("link-deploy",
         steps(git_repository, link("content/articles/leak.md", "{outside}/secret.md")), 1,
         r"content/articles/leak\.md:1: a symbolic link that leads outside",
         ("deploy", "--no-push"), then=no_branch("gh-pages")),
    Case("link-theme-folder",
         steps(link("themes/mine", "{outside}/theme"),
               edit("timeline.toml", lambda t: t + 'theme = "mine"\n')),
         1, r"themes/mine:1: a symbolic link that leads outside"),
    # 3. Deleting what the build did not write -------------------------------------------
    Case("output-folder-of-the-user", write("mine/notes.txt"), 2,
         r"mine: the build replaces this folder whole and would delete what it did not "
         r"write: notes\.txt", ("build", "-o", "mine")),
    Case("output-symlink", steps(remove("output"), link("output", "{outside}/keep")), 2,
         r"output is a symbolic link"),
    Case("output-git-worktree", write("output/.git", "gitdir: /somewhere/.git/worktrees/o\n"),
         2, r"would delete what it did not write: \.git\. .*timeline deploy"),
    Case("output-git-folder", write("output/.git/HEAD", "ref: refs/heads/gh-pages\n"), 2,
         r"would delete what it did not write: \.git/"),
    Case("output-cname", write("output/CNAME", "example.org\n"), 2,
         r"would delete what it did not write: CNAME\. .*--cname"),
    Case("output-user-file-deep", write("output/articles/notes.txt"), 2,
         r"would delete what it did not write: articles/notes\.txt"),
    Case("output-file", steps(remove("output"), write("output")), 2,
         r"output is a file, not a folder a build made"),
    Case("output-folder-with-a-dotfile", write("public/.gitkeep", ""), 2,
         r"public: .*would delete what it did not write: \.gitkeep", ("build", "-o", "public")),
    Case("output-of-an-earlier-version", steps(remove(f"output/{MARKER}"), CHANGE), 0,
         then=published(MARKER)),
    Case("output-of-an-earlier-version-with-a-user-file",
         steps(remove(f"output/{MARKER}"), write("output/notes.txt"), CHANGE), 2,
         r"would delete what it did not write: notes\.txt"),
    # 4. What stopped builds left ----------------------------------------------------------
    Case("leftovers",
         steps(write(".output-new-ab12cd34/index.html"), write(".output-old-x_9yz0w1/output/a"),
               write(".output-new-notes/mine.txt"), CHANGE),
         0, then=leftovers_gone),
    # 5. File-system faults and extreme input ----------------------------------------------
    Case("read-only-output", steps(chmod("output", 0o555), CHANGE), 2,
         r"output is read-only: the build cannot replace"),
    Case("read-only-output-subfolder", steps(chmod("output/articles", 0o555), CHANGE), 2,
         r"output/articles: the build cannot replace"),
    Case("read-only-site", steps(CHANGE, chmod(".", 0o555)), 1,
         r"cannot write the site: Permission denied"),
    Case("read-only-site-first-build",
         steps(remove("output"), remove(".timeline-cache"), chmod(".", 0o555)), 1,
         r"Permission denied"),
    Case("unreadable-folder", steps(write("content/articles/sub/a.md", article()),
                                    chmod("content/articles/sub", 0)), 1,
         r"content/articles/sub:1: cannot read the folder: Permission denied"),
    Case("year-1", add("x.md", "---\ntitle: T\npublished: 0001-01-01\n---\nOn Monday.\n"), 1,
         r"x\.md:3: bad publication date: the year 1 is outside 1000-8999"),
    Case("year-9999", add("x.md", "---\ntitle: T\npublished: 9999-12-31\n---\nNext year.\n"), 1,
         r"x\.md:3: bad publication date: the year 9999 is outside"),
    Case("year-9999-time",
         add("x.md", "---\ntitle: T\npublished: 9999-12-31T23:00:00-05:00\n---\nTomorrow.\n"),
         1, r"x\.md:3: bad publication date"),
    Case("no-such-day-in-the-name", add("2025-02-30-x.md", "---\ntitle: T\n---\nToday.\n"), 1,
         r"2025-02-30-x\.md:1: no publication date"),
    Case("list-nested-500", add("x.md", article(body=NESTED_LIST)), 1,
         r"x\.md:\d+: lists or quotes nested 51 levels deep; at most 50"),
    Case("quote-nested-500", add("x.md", article(body=NESTED_QUOTE)), 1,
         r"x\.md:\d+: lists or quotes nested \d+ levels deep"),
    Case("duplicate-key", add("x.md", "---\ntitle: A\ntitle: B\npublished: 2025-02-03\n---\nT.\n"),
         1, r"x\.md:3: broken front matter: the key 'title' is given twice"),
    Case("misspelt-theme", edit("timeline.toml", lambda t: t + 'theme = "defualt"\n'), 1,
         r"timeline\.toml:4: theme 'defualt' is not a folder of themes/"),
    Case("no-articles-folder", remove("content/articles"), 2,
         r"content/articles: no such folder"),
    # 8. Names -----------------------------------------------------------------------------
    Case("arabic-name", add("تقرير.md", article("تقرير")), 0,
         then=published("articles/تقرير.html")),
    Case("two-non-latin-names",
         steps(add("تقرير.md", article("A")), add("доклад.md", article("B"))), 0,
         then=published("articles/تقرير.html", "articles/доклад.html")),
    Case("names-differ-in-normalization",
         steps(add(unicodedata.normalize("NFC", "café.md"), article("A")),
               add(unicodedata.normalize("NFD", "café.md"), article("B"))),
         1, r"same page name 'café' as content/articles/caf"),
    Case("names-differ-in-case", steps(add("Report.md", article("A")), add("report.md", article())),
         1, r"content/articles/(R|r)eport\.md:1: same page name 'report' as content/articles/"),
]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once; each row works on a copy."""
    site = tmp_path_factory.mktemp("built") / "site"
    shutil.copytree(TESTS / "sites" / "sample", site)
    result = timeline("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def places(built: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A copy of the built site, and beside it a folder outside the site."""
    folder = tmp_path / "home"
    site = folder / "site"
    shutil.copytree(built, site, symlinks=True)
    outside = tmp_path / "outside"
    _fill_outside(outside)
    yield site, outside
    for path in [site, *site.rglob("*")]:  # chmod back what a row made unreadable
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o755)


def _fill_outside(outside: Path) -> None:
    for name, text in {
        "secret.md": article(SECRET, body=f"{SECRET} was said on Monday."),
        "secret.txt": SECRET,
        "articles/secret.md": article(SECRET, body=SECRET),
        "event.md": EVENT_OUTSIDE.replace("The truce", SECRET),
        "c.toml": f'[hide]\n"x" = "{SECRET}"\n',
        "theme/templates/base.html": SECRET,
        "theme/static/s.css": SECRET,
        "keep/precious.txt": "precious",
    }.items():
        path = outside / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=c.marks) for c in CASES])
def test_bad_input(case: Case, places: tuple[Path, Path]) -> None:
    site, outside = places
    case.setup(site, outside)
    before, outside_before = snapshot(site), snapshot(outside)
    result = timeline(*case.args, cwd=site)
    os.chmod(site, 0o755)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == case.status, result.stderr
    if case.message:
        assert re.search(case.message, result.stderr), result.stderr
    assert snapshot(outside) == outside_before, "something outside the site changed"
    if result.returncode != 0:
        assert snapshot(site) == before, "a failed command changed the site"
    if case.then is not None:
        case.then(site)
    output = site / "output"
    if output.is_dir() and not output.is_symlink():
        assert all(SECRET.encode() not in data for data in tree(output).values())


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry below ``folder`` (links as links; the build cache and the site's own
    git repository, whose index git refreshes as it likes, left out)."""
    found: dict[str, object] = {}
    for base, dirs, names in os.walk(folder):
        top = Path(base) == folder
        dirs[:] = [d for d in dirs if d != ".timeline-cache" and not (top and d == ".git")]
        for name in dirs + names:
            path = Path(base, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_dir():
                found[key] = ("folder", path.stat().st_mode & 0o777)
            else:
                found[key] = path.read_bytes()
    return found


# 1. Links read by a browser ------------------------------------------------------------------

UNSAFE_ARTICLES = {
    "front-url.md": article(front="url: javascript:alert(1)\n"),
    "front-url-spaced.md": article(front="url: ' JaVaScRiPt:alert(1)'\n"),
    "front-url-vbscript.md": article(front="url: vbscript:msgbox(1)\n"),
    "front-url-data.md": article(front="url: 'data:text/html,<script>alert(1)</script>'\n"),
    "body-link.md": article(body="More [here](javascript:alert(1))."),
    "body-link-upper.md": article(body="More [here](JAVASCRIPT:alert(1))."),
    "body-reference.md": article(body="[More][1] on Monday.\n\n[1]: javascript:alert(1)"),
    "body-entities.md": article(body="[More](jav&#x61;script&colon;alert(1)) on Monday."),
    "body-newline.md": article(body="[More](<java\nscript:alert(1)>) on Monday."),
    "body-data.md": article(
        body="[More](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)."
    ),
    "body-image.md": article(body="![map](javascript:alert(1)) on Monday."),
}
NEAR_MISSES = article(
    "Near misses",
    front="url: https://example.org/story?next=javascript:alert(1)\n",
    body="\n\n".join([
        "[relative](./javascript:alert(1)) and [rooted](/javascript:alert(1)) on Monday.",
        "[fragment](#javascript:alert(1)) and [mail](mailto:desk@example.org).",
        "[spaced](<java script:alert(1)>) and [escaped](&lt;javascript:alert(1)&gt;).",
        '<a href="javascript:alert(1)">raw HTML is shown as text</a>',
        "Text that mentions javascript:alert(1) is only text. <desk@example.org>",
    ]),
)  # fmt: skip


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, as tests/test_browser.py drives it."""
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip("needs /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_no_page_or_export_links_to_a_script(chromium: Any, tmp_path: Path) -> None:
    """Each unsafe link is an error naming its file; the site built without those files
    (and with links that only look alike) holds no link that Chromium reads as anything
    but http(s) or mailto, and clicking every link of its articles runs nothing."""
    from timeline.build import build_site
    from timeline.errors import BuildFailed

    site = tmp_path / "site"
    shutil.copytree(TESTS / "sites" / "sample", site)
    for name, text in {**UNSAFE_ARTICLES, "near-misses.md": NEAR_MISSES}.items():
        write_article(site, name, text)
    try:
        build_site(site)
    except BuildFailed as failure:
        named = {error.location.path for error in failure.errors}
        assert named == {f"content/articles/{name}" for name in UNSAFE_ARTICLES}
        for name in UNSAFE_ARTICLES:
            (site / "content" / "articles" / name).unlink()
        build_site(site)
    output = site / "output"
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    with serve(output, output / "404.html") as url:
        protocols = _protocols(chromium, [url + path for path in pages])
        allowed = {"http:", "https:", "mailto:"}
        assert {page: found - allowed for page, found in protocols.items() if found - allowed} == {}
        clicked, dialogs = _click_every_link(chromium, url + "articles/near-misses.html")
        assert clicked >= 8 and dialogs == []
    schemes = {_scheme(url) for url in _export_urls(output)}
    assert schemes <= {"", "http", "https", "mailto"}


def _scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it (references decoded, tabs and newlines
    dropped, spaces and controls stripped at the ends)."""
    text = html.unescape(url).translate({9: None, 10: None, 13: None}).strip("\x00 ")
    return urlsplit(text).scheme.lower()


def _export_urls(output: Path) -> list[str]:
    """The URLs of the exports: fields named url, links in TimelineJS's HTML, the CSV's."""

    urls: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "url" and isinstance(item, str):
                    urls.append(item)
                elif isinstance(item, str):
                    urls.extend(re.findall(r'(?:href|src)="([^"]*)"', item))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in ("timeline.json", "timelinejs.json"):
        walk(json.loads((output / name).read_text(encoding="utf-8")))
    with (output / "events.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            urls.extend(url for url in row["source_url"].split("; ") if url)
    return urls


_SCHEMES = """() => [...document.querySelectorAll(
        '[href]:not(link), [src], [action], [formaction]')]
    .map(e => e.getAttribute('href') ?? e.getAttribute('src')
              ?? e.getAttribute('action') ?? e.getAttribute('formaction'))
    .map(h => new URL(h, location.href).protocol)"""
"""The scheme Chromium itself reads in every link, image and form of a page (the theme's
``<link rel=icon href="data:,">``, no favicon, is no link)."""


def _protocols(browser: Any, urls: list[str]) -> dict[str, set[str]]:
    """The schemes of the links of each page, by its URL."""
    page = browser.new_page()
    try:
        found = {}
        for url in urls:
            page.goto(url)
            found[url] = set(page.evaluate(_SCHEMES))
    finally:
        page.close()
    return found


def _click_every_link(browser: Any, url: str) -> tuple[int, list[str]]:
    """How many links of an article's text and byline were clicked, each on the page
    freshly opened, and what dialogs (``alert``) they opened."""
    dialogs: list[str] = []
    count = 1
    index = 0
    while index < count:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(url)
            links = page.locator(".article-body a[href], .byline a[href]")
            count = links.count()
            if index < count:
                links.nth(index).click(timeout=5000)
                page.wait_for_load_state()
        finally:
            page.close()
        index += 1
    return count, dialogs


# 4. Stopped builds -----------------------------------------------------------------------------


def example_site(folder: Path) -> Path:
    """A copy of the repository's example site (23 articles)."""
    folder.mkdir(parents=True)
    shutil.copy(REPO / "timeline.toml", folder)
    shutil.copytree(REPO / "content", folder / "content")
    return folder


def test_sigterm_cleans_up_like_ctrl_c(tmp_path: Path) -> None:
    """SIGTERM while the new output is being written: it is removed, the old one stays."""
    site = example_site(tmp_path / "site")
    assert timeline("build", cwd=site).returncode == 0
    before = snapshot(site / "output")
    edited = sorted((site / "content" / "articles").glob("*.md"))[0]
    for attempt in range(20):  # until the signal lands while the new folder is written
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nUpdate {attempt}.\n")
        running = subprocess.Popen(
            [*_as_a_user(), str(TIMELINE), "build"], cwd=site, stderr=subprocess.PIPE, text=True
        )
        caught = _when(lambda: any(p.name.startswith(".output-new-") for p in site.iterdir()))
        if caught:
            running.send_signal(signal.SIGTERM)
        _, stderr = running.communicate(timeout=60)
        if caught and running.returncode != 0:
            break
    else:
        pytest.fail("no build was caught writing its output")
    assert "Traceback" not in stderr and "Aborted" in stderr
    assert not [p.name for p in site.iterdir() if p.name.startswith(".output-")]
    assert snapshot(site / "output") == before


def _when(condition: Callable[[], bool], timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.002)
    return False


def test_builds_killed_at_random_moments_leave_no_trace(tmp_path: Path) -> None:
    """kill -9 at random moments of real builds (an article edited before each): of the
    whole build, or of its last part, while it writes the new output folder. Then a build:
    its output equals a clean build's byte for byte and nothing is left over."""
    site = example_site(tmp_path / "site")
    assert timeline("build", cwd=site).returncode == 0
    rng = random.Random(int(os.environ.get("TIMELINE_FAULT_SEED", "16")))
    articles = sorted((site / "content" / "articles").glob("*.md"))

    def edit_one(round_: int) -> None:
        path = articles[rng.randrange(len(articles))]
        text = path.read_text(encoding="utf-8")
        path.write_text(text + f"\nThe talks went on, round {round_}.\n", encoding="utf-8")

    def writing() -> bool:
        return any(p.name.startswith(".output-new-") for p in site.iterdir())

    edit_one(0)
    started = time.monotonic()  # how long a build after an edit takes, as those killed
    assert timeline("build", cwd=site).returncode == 0
    whole = time.monotonic() - started
    for round_ in range(1, 7):
        edit_one(round_)
        command = [*_as_a_user(), str(TIMELINE), "build"]
        running = subprocess.Popen(
            command, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if round_ % 2:
            time.sleep(rng.uniform(0.1, 1.0) * whole)
        elif _when(writing, timeout=whole * 3):
            time.sleep(rng.uniform(0, 0.1))
        running.kill()
        running.wait()
    result = timeline("build", cwd=site)
    assert result.returncode == 0, result.stderr
    clean = tmp_path / "clean"
    shutil.copytree(site / "content", clean / "content")
    shutil.copy(site / "timeline.toml", clean)
    assert timeline("build", "--clean", cwd=clean).returncode == 0
    assert tree(site / "output") == tree(clean / "output")
    assert sorted(p.name for p in site.iterdir()) == [
        ".timeline-cache", "content", "output", "timeline.toml"
    ]  # fmt: skip
