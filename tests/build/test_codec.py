"""What the store keeps of an article comes back equal, however its events are written."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from timeline.build import load_site
from timeline.build.codec import ArticleReader, article_json
from timeline.config import load_config
from timeline.extract.timex import day_value
from timeline.model import ArticleEvents, Basis


def test_every_article_of_the_sample_site_comes_back_equal(sample_site: Path) -> None:
    articles = load_site(load_config(sample_site)).articles
    reader = ArticleReader()
    assert articles
    for article in articles:
        back, doubts = reader.article(article.key, article_json(article, ()))
        assert back == article and doubts == ()


def test_an_event_whose_clause_or_expression_date_is_its_own_comes_back_equal(
    sample_site: Path,
) -> None:
    """Written compactly (a clause that is the whole sentence, an expression dated as its
    event: each written once), or in full when they differ: the same event read back."""
    article = next(a for a in load_site(load_config(sample_site)).articles if a.events)
    event = next(e for e in article.events if e.expression is not None)
    assert event.expression is not None and event.expression.date == event.date
    other = day_value(dt.date(2020, 2, 2))
    variants = [
        event,
        replace(event, clause=event.text),
        replace(event, clause="A clause of it"),
        replace(event, clause=""),
        replace(event, date=other, basis=Basis.CURATED),  # re-dated: the expression's own date
        replace(event, expression=replace(event.expression, date=None)),
        replace(event, expression=None, basis=Basis.PUBLICATION),
    ]
    changed = ArticleEvents(article.key, article.article, tuple(variants))
    back, _ = ArticleReader().article(article.key, article_json(changed, ()))
    assert back == changed
    assert [e.expression.date if e.expression else None for e in back.events] == [
        e.expression.date if e.expression else None for e in variants
    ]
