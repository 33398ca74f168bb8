"""The prebuilt search index that the theme's ``static/search.js`` reads.

The index is a JSON document; it is written as ``search-index.js`` (the JSON assigned to
one global variable) so that search works from the file system too, where a script may not
fetch a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
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
    data = _json(index)
    # "</" never appears raw, so the data cannot end a script element early.
    return (INDEX_PREFIX + data.replace("</", "<\\/") + ";\n").encode("utf-8")


def search_index_pieces(timeline: Timeline, href: Callable[[Entry], str]) -> Iterator[bytes]:
    """``search_index_js(search_index(timeline, href))`` in pieces of about 64 KiB, each
    made when it is asked for."""
    pieces = [f'{INDEX_PREFIX}{{"entries":['.encode()]
    size = 0
    for number, entry in enumerate(timeline.entries):
        item = _json(_item(entry, href(entry)))
        # Items are joined by commas, so no "</" straddles two of them.
        pieces.append((item if number == 0 else "," + item).replace("</", "<\\/").encode())
        size += len(pieces[-1])
        if size >= _PIECE:
            yield b"".join(pieces)
            pieces, size = [], 0
    pieces.append(b"]};\n")
    yield b"".join(pieces)


_PIECE = 1 << 16


def _json(value: Any) -> str:
    """JSON as ``search_index_js`` writes it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


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
