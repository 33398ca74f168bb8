"""Which links a site publishes: http(s), mailto and relative ones; anything else is the
article's error, at its line, and never reaches a page (the render stage drops it too)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from timeline.errors import ContentError
from timeline.load.articles import parse_article
from timeline.load.curation import parse_curated_event
from timeline.load.urls import allowed_url, url_scheme
from timeline.render.article import markdown_html


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("https://example.org/a", "https"),
        ("HTTP://example.org/a", "http"),
        ("mailto:desk@example.org", "mailto"),
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" \t javascript:alert(1)", "javascript"),
        ("\x01javascript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("jav&#x61;script:alert(1)", "javascript"),
        ("jav&#97;script:alert(1)", "javascript"),
        ("&#106avascript:alert(1)", "javascript"),  # a reference without its ';'
        ("javascript&colon;alert(1)", "javascript"),
        ("java&Tab;script:alert(1)", "javascript"),
        ("&#32;&#32;javascript:alert(1)", "javascript"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("data:text/html,<script>alert(1)</script>", "data"),
        ("ftp://example.org/f", "ftp"),
        ("gaza:the-war.html", "gaza"),
        ("./javascript:alert(1)", None),
        ("/javascript:alert(1)", None),
        ("#javascript:alert(1)", None),
        ("?q=javascript:alert(1)", None),
        ("java script:alert(1)", None),  # a space: no scheme, a relative URL
        ("ｊａｖａｓｃｒｉｐｔ:alert(1)", None),  # schemes are ASCII
        ("page.html", None),
        ("//example.org/a", None),
        ("", None),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme
    assert allowed_url(url) == (scheme in (None, "http", "https", "mailto"))


def article(front: str = "", body: str = "Talks resumed on Monday.") -> str:
    return f"---\ntitle: T\npublished: 2025-02-03\n{front}---\n\n{body}\n"


UNSAFE_FRONT = [
    "url: javascript:alert(1)\n",
    "url: JaVaScRiPt:alert(1)\n",
    "url: ' javascript:alert(1)'\n",
    'url: "\\tjava\\tscript:alert(1)"\n',
    "url: vbscript:msgbox(1)\n",
    "url: 'data:text/html,<script>alert(1)</script>'\n",
    "image: javascript:alert(1)\n",
]


@pytest.mark.parametrize("front", UNSAFE_FRONT)
def test_a_front_matter_url_of_another_scheme_is_an_error_at_its_line(front: str) -> None:
    """``url``, and ``image``, which a theme may also put in a link."""
    with pytest.raises(ContentError) as raised:
        parse_article(article(front), "content/articles/a.md")
    assert str(raised.value).startswith("content/articles/a.md:4: link to '")
    assert "only http(s), mailto and relative links" in str(raised.value)


UNSAFE_BODY = [
    "[more](javascript:alert(1))",
    "[more](JAVASCRIPT:alert(1))",
    "[more]( javascript:alert(1))",
    "[more](\njavascript:alert(1))",
    "[more](<javascript:alert(1)>)",
    "[more](<java\nscript:alert(1)>)",
    "[more](java\nscript:alert(1))",
    "[more](jav&#x61;script:alert(1))",
    "[more](&#106;avascript:alert(1))",
    "[more](javascript&colon;alert(1))",
    "[more](java&Tab;script:alert(1))",
    "[more](java&NewLine;script:alert(1))",
    "[more](&#32;&#32;javascript:alert(1))",
    "[more](&#x01;javascript:alert(1))",
    "[more](javascript:alert(1) 'a title')",
    "[more][1]\n\n[1]: javascript:alert(1)",
    "[more][1]\n\n   [1]:\n   <javascript:alert(1)>",
    "[more]\n\n[more]: vbscript:msgbox(1)",
    "[more](vbscript:msgbox(1))",
    "[more](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![chart](data:image/svg+xml,<svg onload=alert(1)>)",
    "[![chart](javascript:alert(1))](https://example.org/)",
    "<ftp://example.org/file>",
    "[a](https://example.org/) and [b](javascript:alert(1))",
]


@pytest.mark.parametrize("body", UNSAFE_BODY)
def test_a_body_link_of_another_scheme_is_an_error_at_its_line(body: str) -> None:
    text = article(body="Talks resumed.\n\nSee " + body)
    with pytest.raises(ContentError) as raised:
        parse_article(text, "content/articles/a.md")
    definition = body.find("]:")  # a reference's URL is on its definition's line
    line = 8 + body.count("\n", 0, max(definition, 0))
    assert str(raised.value).startswith(f"content/articles/a.md:{line}: link to '")


@pytest.mark.parametrize("body", UNSAFE_BODY)
def test_markdown_never_publishes_a_link_of_another_scheme(body: str) -> None:
    """The second wall: whatever loading missed, the page holds no such link."""
    assert all(allowed_url(url) for url in _urls(markdown_html(body)))


SAFE_BODY = [
    "[more](https://example.org/story?q=javascript:alert(1))",
    "[more](http://example.org/)",
    "[more](mailto:desk@example.org)",
    "[more](./javascript:alert(1))",
    "[more](/javascript:alert(1))",
    "[more](#javascript:alert(1))",
    "[more](page.html)",
    "[more](<java script:alert(1)>)",
    "[more](&lt;javascript:alert(1)&gt;)",
    "[more][1]\n\n[1]: https://example.org/",
    "<https://example.org/x>",
    "<desk@example.org>",
    "Not a link: javascript:alert(1), data:text/html and vbscript:x.",
    '<a href="javascript:alert(1)">raw HTML is text</a>',
    "[javascript:alert(1)](https://example.org/)",
]


@pytest.mark.parametrize("body", SAFE_BODY)
def test_allowed_links_and_text_that_only_looks_like_one_pass(body: str) -> None:
    parse_article(article(body=body), "content/articles/a.md")
    assert all(allowed_url(url) for url in _urls(markdown_html(body)))


def test_an_allowed_link_is_published_as_written() -> None:
    html = markdown_html("[more](https://example.org/a?b=1&c=2) [mail](mailto:d@example.org)")
    assert _urls(html) == ["https://example.org/a?b=1&c=2", "mailto:d@example.org"]


def test_a_curated_source_url_of_another_scheme_is_an_error() -> None:
    text = (
        "---\ndate: 2025-01-19\nsources:\n"
        "  - {source: Desk, published: 2025-01-19, url: 'javascript:alert(1)'}\n"
        "---\nThe truce began.\n"
    )
    with pytest.raises(ContentError, match=r"^content/events/e\.md:3: link to 'javascript:"):
        parse_curated_event(text, "content/events/e.md")


def test_a_link_padded_past_what_loading_reads_is_still_never_published() -> None:
    body = "[more](" + "&#32;" * 5000 + "javascript:alert(1))"
    parse_article(article(body=body), "content/articles/a.md")  # too long to tell here
    assert _urls(markdown_html(body)) == []


def _urls(html: str) -> list[str]:
    """Every href and src of the HTML, decoded as a browser decodes attributes."""
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k in ("href", "src"))

    Links().feed(html)
    return found
