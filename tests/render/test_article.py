"""The article body as HTML (timeline/render/article.py)."""

from __future__ import annotations

import re
import threading

from timeline.extract import extract_article
from timeline.load.articles import parse_article
from timeline.merge import merge_events
from timeline.model import ArticleBody
from timeline.render.article import article_html, markdown_html, prepare_body


def test_raw_html_is_shown_as_text() -> None:
    html = markdown_html("A <b>bold</b> claim.\n\n<script>alert(1)</script>\n")
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_converter_forgets_one_document_before_the_next() -> None:
    defined = "See [the report][r].\n\n[r]: https://example.org/report\n"
    assert 'href="https://example.org/report"' in markdown_html(defined)
    # the next document does not define the reference: it stays plain text
    assert markdown_html("See [the report][r].\n") == "<p>See [the report][r].</p>"


def test_each_thread_converts_with_its_own_converter() -> None:
    texts = [f"Item {n}:\n\n* *one*\n* two {n}\n" for n in range(40)]
    expected = [markdown_html(text) for text in texts]
    results: dict[int, list[str]] = {}

    def convert(worker: int) -> None:
        results[worker] = [markdown_html(text) for text in texts]

    threads = [threading.Thread(target=convert, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found == expected for found in results.values())


def test_a_date_that_dates_no_happening_is_marked_as_what_it_dates() -> None:
    text = (
        "---\ntitle: T\npublished: 2025-02-05\n---\n\n"
        "Hamas freed three hostages on Saturday. The next exchange is expected on 15 February."
        " More than 46,000 people have been killed since March 2024.\n"
    )
    html = _page_html(text)
    saturday, expected, since = html.split('<span class="timex-wrap">')[1:]
    assert 'class="timex"' in saturday and "not reported" not in saturday
    assert 'class="timex timex-expected"' in expected and 'href="#e-' in expected
    assert "expected, not reported as fact" in expected
    assert 'class="timex timex-state"' in since and "href" not in since
    assert "describes a situation or a tally, so it is not an entry" in since


def test_an_escape_shows_the_mark_it_escapes_and_marks_stay_on_their_words() -> None:
    text = (
        "---\ntitle: T\npublished: 2025-02-05\n---\n\n"
        "Residents called it Gaza's 9\\/11. The 3\\/4 brigade \\(the reserve\\) withdrew on "
        "Saturday, and talks resumed on 15 February.\n\nThe order `9\\/11` stays code.\n"
    )
    html = _page_html(text)
    assert "Gaza's 9/11." in html and "The 3/4 brigade (the reserve) withdrew" in html
    assert "<code>9\\/11</code>" in html
    wraps = html.split('<span class="timex-wrap">')[1:]
    marked = [piece.split('<span class="timex-tip"')[0] for piece in wraps]
    assert [re.sub(r"<[^>]*>", "", piece).strip() for piece in marked] == [
        "Saturday",
        "15 February",
    ]


def _page_html(text: str) -> str:
    """The body HTML of the article page of one article file's ``text``, its entries
    merged from its own events."""
    extraction = extract_article(parse_article(text, "content/articles/a.md"))
    article = extraction.article
    body = ArticleBody(article.text, article.body_start, extraction.expressions)
    entries = {e.id: e for e in merge_events(extraction.events)}
    href = lambda entry: f"#{entry.anchor}"  # noqa: E731
    return str(article_html(prepare_body(body), extraction.events, entries, href))
