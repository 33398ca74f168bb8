"""Reading articles: front matter, publication dates, slugs, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import ContentError
from timeline.load.articles import (
    _DANGEROUS_HTML,
    decode_text,
    discover_articles,
    load_article,
    parse_article,
    slug_of,
)

GOOD = """---
title: Talks resume
published: 2025-02-03T18:10:00+02:00
source: Example Agency
url: https://agency.example/talks
author: A. Writer
tags: [Gaza, ceasefire]
---

Talks resumed on Monday.
"""


def test_parse_article_reads_front_matter_and_body() -> None:
    article = parse_article(GOOD, "content/articles/talks.md")
    assert article.title == "Talks resume"
    assert article.source == "Example Agency"
    assert article.tags == ("gaza", "ceasefire")
    assert article.published == dt.datetime(
        2025, 2, 3, 18, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.published_date == dt.date(2025, 2, 3)
    assert article.body == "\nTalks resumed on Monday.\n"
    assert article.line_of(article.text.index("Talks resumed")) == 10


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2025-02-03", dt.date(2025, 2, 3)),
        ("date: 2025-02-03", dt.date(2025, 2, 3)),
        ("published: '2025-02-03'", dt.date(2025, 2, 3)),
        ("published: '2025-02-03T10:00:00Z'", dt.datetime(2025, 2, 3, 10, tzinfo=dt.UTC)),
    ],
)
def test_publication_date_forms(front: str, expected: dt.date) -> None:
    article = parse_article(f"---\ntitle: T\n{front}\n---\nText.\n", "a.md")
    assert article.published == expected


def test_date_prefix_of_file_name_serves_as_publication_date() -> None:
    article = parse_article("---\ntitle: T\n---\nText.\n", "content/articles/2025-01-19-release.md")
    assert article.published == dt.date(2025, 1, 19)
    assert article.slug == "release"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: T\n---\nText.\n", 1, "no publication date"),
        ("---\ntitle: T\npublished: 2025-02-30\n---\n", 3, "not a date that exists"),
        ("---\ntitle: T\npublished: [1, 2]\n---\n", 3, "bad publication date"),
        ("---\ntitle: [unclosed\npublished: 2025-01-01\n---\n", 3, "broken front matter"),
        ("---\ntitle: T\n", 1, "not closed"),
        ("Just text.\n", 1, "no front matter"),
        ("---\npublished: 2025-01-01\n---\n", 1, "'title' is required"),
        ("---\ntitle: T\npublished: March 2025\n---\n", 3, "does not name one day"),
        ("---\ntitle: T\npublished: 2025-01-01\ndraft: maybe\n---\n", 4, "'draft' must be"),
        (
            "---\ntitle: T\npublished: 2025-01-01\n---\n\nHi\n\n<script>x()</script>\n",
            8,
            "raw HTML",
        ),
        ("---\ntitle: T\npublished: 2025-01-01\n---\n<img src=x onerror='x()'>\n", 5, "raw HTML"),
    ],
)
def test_bad_articles_are_errors_with_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_article(text, "content/articles/bad.md")
    assert caught.value.location.path == "content/articles/bad.md"
    assert caught.value.location.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"content/articles/bad.md:{line}: ")


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"---\ntitle: T\n---\ncaf\xe9\n", 4, "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", 3, "binary file"),
    ],
)
def test_undecodable_files_are_errors_with_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        decode_text(data, "x.md")
    assert caught.value.location.line == line
    assert message in caught.value.message


def test_byte_order_mark_is_dropped() -> None:
    assert decode_text("\ufeff---\n".encode(), "x.md") == "---\n"


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("content/articles/Talks Resume.md", "talks-resume"),
        ("content/articles/2025-01-19-first-release.md", "first-release"),
        ("content/articles/über_alles!.md", "über-alles"),
        ("content/articles/تقرير.md", "تقرير"),
        ("content/articles/2025-01-19-تقرير-الأمم-المتحدة.md", "تقرير-الأمم-المتحدة"),
        ("content/articles/Доклад ООН.md", "доклад-оон"),
        ("content/articles/報告.md", "報告"),
        ("content/articles/Cafe\u0301.md", "café"),  # decomposed, as macOS writes names
        ("content/articles/!!!.md", "article"),
    ],
)
def test_slug_of(path: str, slug: str) -> None:
    assert slug_of(path) == slug


def test_discover_and_load_from_disk(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "articles" / "2025"
    folder.mkdir(parents=True)
    (folder / "b.md").write_text(GOOD, encoding="utf-8")
    (folder / "a.md").write_text(GOOD, encoding="utf-8")
    (folder / ".hidden.md").write_text(GOOD, encoding="utf-8")
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")
    paths = discover_articles(tmp_path / "content")
    assert [p.name for p in paths] == ["a.md", "b.md"]
    article = load_article(paths[0], tmp_path)
    assert article.path == "content/articles/2025/a.md"


_HTML_PIECES = [
    "<", "< ", "<\t", "script", "SCRIPT", "iframe", "Object", "embed", "style", "form",
    "forms", "o", "O", "on", "ON", "onerror", "onload", "oN", "ſ", "K", "ı", "İ", "x", "1",
    "_", " ", "\n", "=", " = ", '"', "'", ">", "/", "salons", "Sons", "won't", "é", "='", '="',
]  # fmt: skip
"""The pieces raw HTML that runs code is made of, and what may stand around them."""
_DANGEROUS_BEFORE = re.compile(
    r"<\s*(script|iframe|object|embed|style|form)\b|\bon[a-z]+\s*=\s*[\"']", re.I
)
"""The pattern of raw HTML before it began with a character class (slower, same matches)."""


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("The raid <SCRIPT src=x>", "<SCRIPT"),
        ("a map: < iframe src=x>", "< iframe"),
        ("<img src=x OnError='x()'>", "OnError='"),
        ('<a href=x onmouseover = "x()">', 'onmouseover = "'),
        ("the salons='closed' sign", None),  # "on" inside a word
        ("<scripted> text", None),
        ("talks on= 'hold'", None),  # "on" alone is no handler
        ("talks onſet='x'", "onſet='"),  # the long s is a letter when case is ignored
    ],
)
def test_raw_html_that_runs_code_is_found_where_it_begins(body: str, found: str | None) -> None:
    match = _DANGEROUS_HTML.search(body)
    assert (match.group(0) if match else None) == found


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=12), st.integers(0, 3))
def test_raw_html_is_found_as_the_pattern_before_found_it(pieces: list[str], pos: int) -> None:
    text = "".join(pieces)
    new, old = _DANGEROUS_HTML.search(text, pos), _DANGEROUS_BEFORE.search(text, pos)
    assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1)))
