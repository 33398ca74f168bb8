"""A page's digest reads what the merge made an entry of when the entry is still that, and
every source of it otherwise."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from timeline.merge import merge_events
from timeline.model import (
    ArticleEvents,
    ArticleFacts,
    ArticleRef,
    Basis,
    DateValue,
    Entry,
    Event,
    Precision,
    Timeline,
)
from timeline.render.digests import PageDigests
from timeline.render.links import site_links
from timeline.render.plan import plan_timeline

DAY = DateValue("2025-03-04", dt.date(2025, 3, 4), dt.date(2025, 3, 5), Precision.DAY)
TOLD = (
    ("harbor", "Shelling hit a school in Khan Younis on Tuesday, medics said."),
    ("atlas", "A school in Khan Younis was shelled on Tuesday, killing six."),
)


def article(slug: str) -> ArticleFacts:
    return ArticleFacts(f"content/articles/{slug}.md", slug, f"{slug} report", DAY.start, slug)


def ref(slug: str) -> ArticleRef:
    return ArticleRef(slug, f"content/articles/{slug}.md", f"{slug} report", slug, DAY.start)


def timeline(slugs: tuple[str, ...] = ("harbor", "atlas")) -> tuple[Timeline, Entry]:
    """One entry of two reports; the articles of ``slugs`` have pages."""
    events = [
        Event(f"{slug}-1", ref(slug), text, 0, len(text), 5, DAY, None, Basis.PUBLICATION)
        for slug, text in TOLD
    ]
    (entry,) = merge_events(events)
    articles = tuple(
        ArticleEvents(slug, article(slug), tuple(e for e in events if e.article.slug == slug))
        for slug in slugs
    )
    return Timeline("War", (entry,), articles), entry


def digest(timeline: Timeline, entry: Entry) -> str:
    links = site_links(timeline, plan_timeline(timeline.entries))
    return PageDigests("salt", links).entry(entry)


def test_an_entry_as_the_merge_made_it_is_read_from_its_digest() -> None:
    site, entry = timeline()
    assert entry.made is not None
    # Told another digest of what it was made of, the page's digest changes: it is read.
    other = replace(entry.made, digest="0" * 32)
    assert digest(site, replace(entry, made=other)) != digest(site, entry)
    # And it is not the digest of the entry read whole, source by source.
    assert digest(site, entry) != digest(site, replace(entry, made=None))


def test_an_entry_changed_after_the_merge_is_read_whole() -> None:
    site, entry = timeline()
    first = entry.sources[0]
    changed = replace(entry, sources=(replace(first, line=9), *entry.sources[1:]))
    assert digest(site, changed) == digest(site, replace(changed, made=None))
    assert digest(site, changed) != digest(site, entry)


def test_an_entry_citing_an_article_without_a_page_is_read_whole() -> None:
    site, entry = timeline(("harbor",))
    assert digest(site, entry) == digest(site, replace(entry, made=None))
    with_pages, _ = timeline()
    assert digest(site, entry) != digest(with_pages, entry)  # the page's link changes


def test_the_fields_set_after_the_merge_change_the_digest() -> None:
    site, entry = timeline()
    changed = [
        replace(entry, tags=("strikes",)),
        replace(entry, key=True),
        replace(entry, related=("other",)),
        replace(entry, curated=True),
    ]
    digests = {digest(site, e) for e in (entry, *changed)}
    assert len(digests) == 1 + len(changed)
