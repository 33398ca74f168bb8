"""Front matter as Hugo, Jekyll and Pelican write it: every key read, the rest kept and noted."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.errors import ContentError
from timeline.load.articles import FrontMatterErrors, parse_article
from timeline.load.front_matter import alias_path, parse_published, unknown_key_note

HUGO = """---
title: "Ceasefire talks resume in Cairo"
date: 2025-02-03T18:10:00+02:00
lastmod: 2025-02-04T09:00:00+02:00
slug: talks-resume-cairo
description: Delegations met again after a week.
categories: [Diplomacy]
tags: [gaza, ceasefire]
aliases: [/2025/02/talks/, /old/talks.html]
authors: [Jane Doe, John Roe]
image: /images/cairo.jpg
lang: en
draft: false
weight: 10
params:
  featured: true
---

Talks resumed on Monday.
"""


def test_a_hugo_article_comes_in_as_it_is() -> None:
    article = parse_article(HUGO, "content/articles/talks.md")
    assert article.slug == "talks-resume-cairo"
    assert article.published == dt.datetime(
        2025, 2, 3, 18, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.updated == dt.datetime(
        2025, 2, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.summary == "Delegations met again after a week."
    assert article.tags == ("gaza", "ceasefire", "diplomacy")
    assert article.aliases == ("2025/02/talks/index.html", "old/talks.html")
    assert article.author == "Jane Doe, John Roe"
    assert article.image == "/images/cairo.jpg"
    assert article.lang == "en"
    assert article.data == {"weight": 10, "params": {"featured": True}}
    assert [line for line, _ in article.notes] == [14, 15]
    assert "'weight' is not one timeline reads: kept as page data" in article.notes[0][1]


JEKYLL = """---
layout: post
title: Talks resume
date: 2025-02-03 18:10:00 +0200
categories: diplomacy gaza
author:
  name: Jane Doe
  url: https://jane.example
excerpt: Delegations met again.
published: false
---
Talks resumed on Monday.
"""


def test_a_jekyll_article_comes_in_as_it_is() -> None:
    article = parse_article(JEKYLL, "content/articles/2025-02-03-talks-resume.md")
    assert article.slug == "talks-resume"
    assert article.published == dt.datetime(
        2025, 2, 3, 18, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.draft  # Jekyll's published: false
    assert article.author == "Jane Doe"
    assert article.tags == ("diplomacy gaza",)
    assert sorted(article.data) == ["excerpt", "layout"]


PELICAN = """---
title: Talks resume
date: 2025-02-03 18:10
modified: 2025-02-04 08:00
category: Diplomacy
summary: Delegations met again.
authors: Jane Doe, John Roe
---
Talks resumed on Monday.
"""


def test_a_pelican_article_comes_in_as_it_is() -> None:
    article = parse_article(PELICAN, "content/articles/talks.md")
    assert article.published == dt.datetime(2025, 2, 3, 18, 10)
    assert article.updated == dt.datetime(2025, 2, 4, 8, 0)
    assert article.tags == ("diplomacy",)
    assert article.summary == "Delegations met again."
    assert article.author == "Jane Doe, John Roe"
    assert not article.notes


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("tittle", "did you mean 'title'?"),
        ("Tags", "did you mean 'tags'?"),
        ("publshed", "did you mean 'published'?"),
        ("alias", "did you mean 'aliases'?"),
        ("layout", None),
        ("weight", None),
    ],
)
def test_unknown_keys_are_noted_with_a_did_you_mean_when_one_is_close(
    key: str, hint: str | None
) -> None:
    note = unknown_key_note(key)
    assert note.startswith(f"front matter key '{key}' is not one timeline reads")
    if hint:
        assert note.endswith(hint)
    else:
        assert "did you mean" not in note


def test_every_problem_of_one_file_is_reported_in_one_run() -> None:
    text = (
        "---\ntitle: [a, list]\npublished: 2025-02-30\ndraft: maybe\n"
        "tags: {a: b}\naliases: [https://elsewhere.example/]\n---\nText.\n"
    )
    with pytest.raises(FrontMatterErrors) as caught:
        parse_article(text, "content/articles/bad.md")
    lines = str(caught.value).splitlines()
    assert lines == [
        "content/articles/bad.md:2: 'title' must be text",
        "content/articles/bad.md:3: bad publication date: '2025-02-30' is not a date that exists"
        " (use YYYY-MM-DD)",
        "content/articles/bad.md:4: 'draft' must be true or false",
        "content/articles/bad.md:5: 'tags' must be a list such as [gaza, ceasefire]",
        "content/articles/bad.md:6: alias 'https://elsewhere.example/' is not a page path of this "
        "site (such as /2024/03/old-name/)",
    ]
    assert len(caught.value.problems) == 5


def test_a_missing_date_among_other_problems_is_reported_with_them() -> None:
    with pytest.raises(ContentError) as caught:
        parse_article("---\ntitle: T\ndraft: 1\n---\nText.\n", "a.md")
    assert str(caught.value).splitlines() == [
        "a.md:1: no publication date: add 'published: YYYY-MM-DD' to the front matter",
        "a.md:3: 'draft' must be true or false",
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("March 10, 2025", dt.date(2025, 3, 10)),
        ("10 March 2025", dt.date(2025, 3, 10)),
        ("Monday, 10 March 2025", dt.date(2025, 3, 10)),
        ("March 10th, 2025", dt.date(2025, 3, 10)),
        ("10 March 2025 09:30", dt.datetime(2025, 3, 10, 9, 30)),
        ("Mon, 10 Mar 2025 10:00:00 GMT", dt.datetime(2025, 3, 10, 10, tzinfo=dt.UTC)),
        (
            "2025-03-10 10:00:00 +0100",
            dt.datetime(2025, 3, 10, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ),
        ("2025-03-10", dt.date(2025, 3, 10)),
        ("2025-03-10T10:00:00Z", dt.datetime(2025, 3, 10, 10, tzinfo=dt.UTC)),
    ],
)
def test_dates_written_out_are_read(written: str, expected: dt.date) -> None:
    assert parse_published(written) == expected


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("March 2025", "does not name one day"),
        ("10 March", "does not name one day"),
        ("Tuesday", "does not name one day"),
        ("February 30, 2025", "not a date that exists"),
        ("March 10, 2025 9:30 EST", "unknown time zone 'EST'"),
        ("10/03/2025", "not a date that exists"),
        ("soon", "not a date that exists"),
    ],
)
def test_values_that_do_not_name_one_day_stay_errors(written: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_published(written)


@pytest.mark.parametrize(
    ("alias", "path"),
    [
        ("/2025/02/talks/", "2025/02/talks/index.html"),
        ("/2025/02/talks", "2025/02/talks/index.html"),
        ("old/talks.html", "old/talks.html"),
        ("https://elsewhere.example/talks/", None),
        ("//elsewhere.example/talks/", None),
        ("/../outside/", None),
        ("/talks/?page=2", None),
        ("/", None),
        ("javascript:alert(1)", None),
        ("/feed.xml", None),
        ("/Old.HTM", "Old.HTM"),
    ],
)
def test_alias_paths(alias: str, path: str | None) -> None:
    assert alias_path(alias) == path


def test_slug_is_the_page_name_made_safe() -> None:
    article = parse_article("---\ntitle: T\npublished: 2025-01-01\nslug: My Page!\n---\n", "a.md")
    assert article.slug == "my-page"


def test_jekyll_published_true_leaves_the_date_to_date() -> None:
    text = "---\ntitle: T\npublished: true\ndate: 2025-01-02\n---\nText.\n"
    article = parse_article(text, "a.md")
    assert article.published == dt.date(2025, 1, 2) and not article.draft
