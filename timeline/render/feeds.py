"""The Atom feed of the newest entries and the sitemap.

Both are deterministic: the feed is dated by the articles' publication dates, never by
the time of the build, and both list their items in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from timeline.config import Config
from timeline.model import Entry, Timeline
from timeline.render.dates import format_date
from timeline.render.entries import outlets

FEED_SIZE = 50
_EPOCH = "1970-01-01T00:00:00Z"


@functools.lru_cache(maxsize=1 << 16)
def rfc3339(published: dt.datetime | dt.date) -> str:
    """A publication date as an Atom date; a date or a naive time is taken as UTC.

    Kept per value: the feed asks for the date of every source of every entry (175,000 at
    10,000 articles) to find the newest, and the articles number far fewer. Equal values
    (the same instant in any zone) give the same Atom date, so the cache is exact."""
    if not isinstance(published, dt.datetime):
        published = dt.datetime(published.year, published.month, published.day)
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    return published.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_updated(entry: Entry) -> str:
    """When the entry was last reported: its newest source's publication, in UTC."""
    return max(rfc3339(s.article.published) for s in entry.sources)


def newest_entries(entries: Iterable[Entry], count: int = FEED_SIZE) -> list[Entry]:
    """The entries most recently reported, newest first; ties broken by date, then id."""
    return sorted(entries, key=_recency, reverse=True)[:count]


def _recency(entry: Entry) -> tuple[str, str, str]:
    return entry_updated(entry), entry.date.start.isoformat(), entry.id


def atom_feed(timeline: Timeline, config: Config, href: Callable[[Entry], str]) -> bytes:
    """``feed.xml``: the newest entries, each linking to the page that holds it."""
    base = absolute_base(config)
    entries = newest_entries(timeline.entries)
    updated = entry_updated(entries[0]) if entries else _EPOCH
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}'
        f" xml:base={quoteattr(base)}>",
        f"<title>{escape(config.title)}</title>",
    ]
    if config.description:
        lines.append(f"<subtitle>{escape(config.description)}</subtitle>")
    lines += [
        f"<id>{_urn(base, 'feed')}</id>",
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(config.title)}</name></author>",
        '<link rel="self" href="feed.xml"/>',
        '<link rel="alternate" type="text/html" href="index.html"/>',
    ]
    lines += [_atom_entry(e, base, href(e)) for e in entries]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap(paths: Iterable[str], config: Config) -> bytes | None:
    """``sitemap.xml`` of the given pages, or None when ``base_url`` is not absolute."""
    if "://" not in config.base_url:
        return None
    base = config.base_url if config.base_url.endswith("/") else config.base_url + "/"
    urls = [f"<url><loc>{escape(base + p)}</loc></url>" for p in sorted(paths)]
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *urls,
        "</urlset>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def absolute_base(config: Config) -> str:
    """The base URL, ending in ``/``; relative (``/repo/``) when the config gives no host."""
    return config.base_url if config.base_url.endswith("/") else config.base_url + "/"


def _atom_entry(entry: Entry, base: str, link: str) -> str:
    title = f"{format_date(entry.date)}: {entry.text}"
    summary = f"{entry.text} (reported by {', '.join(outlets(entry))})"
    return "\n".join(
        [
            "<entry>",
            f"<title>{escape(title)}</title>",
            f"<id>{_urn(base, entry.id)}</id>",
            f"<updated>{entry_updated(entry)}</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"<summary>{escape(summary)}</summary>",
            *(f"<category term={quoteattr(tag)}/>" for tag in entry.tags),
            "</entry>",
        ]
    )


def _urn(base: str, name: str) -> str:
    """A globally unique id made of the base URL and a name: the same in every build."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'timeline:{base}{name}')}"
