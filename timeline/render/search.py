"""The prebuilt search index that the theme's ``static/search.js`` reads.

The index is a JSON document; it is written as ``search-index.js`` (the JSON assigned to
one global variable) so that search works from the file system too, where a script may not
fetch a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from timeline.model import Entry, Timeline
from timeline.render.dates import format_date, html_datetime
from timeline.render.entries import outlets

INDEX_PATH = "search-index.js"
INDEX_PREFIX = "window.timelineSearchIndex = "


def search_index(timeline: Timeline, href: Callable[[Entry], str]) -> dict[str, Any]:
    """Every entry with its date, text, tags, outlets and the site path of its page."""
    return {
        "entries": [_item(entry, href(entry)) for entry in timeline.entries],
    }


def search_index_js(index: dict[str, Any]) -> bytes:
    """The index as the script file the search page loads."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" never appears raw, so the data cannot end a script element early.
    return (INDEX_PREFIX + data.replace("</", "<\\/") + ";\n").encode("utf-8")


def _item(entry: Entry, url: str) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": format_date(entry.date),
        "datetime": html_datetime(entry.date),
        "text": entry.text,
        "tags": list(entry.tags),
        "outlets": outlets(entry),
        "url": url,
    }
