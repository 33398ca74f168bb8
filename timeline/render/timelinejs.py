"""``timelinejs.json``: the timeline in the JSON format TimelineJS reads.

By default it holds the key events only (``timelinejs_events = "key"``): a TimelineJS story
is read slide by slide, and twenty to a hundred slides are what a reader gets through;
``timelinejs_events = "all"`` puts every entry in it.

Each date is given only as precisely as it is known: a month-precision entry has no day,
a year-precision entry no month, and a period (a span of days, a week, a season, a decade)
gets an ``end_date`` at the same granularity.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

from markupsafe import escape

from timeline.model import DateValue, Entry, Precision, Source, Timeline
from timeline.render.dates import format_date
from timeline.render.entries import headline
from timeline.render.exports import json_lines_pieces

_GRANULARITY = {
    Precision.TIME: 3,
    Precision.DAY: 3,
    Precision.WEEK: 2,
    Precision.MONTH: 2,
    Precision.SEASON: 2,
    Precision.QUARTER: 2,
}
"""How many of year, month, day a precision knows; coarser precisions know the year only."""


def timelinejs_json(
    timeline: Timeline,
    description: str = "",
    line: Callable[[Entry], str] | None = None,
    *,
    key_only: bool = False,
) -> bytes:
    """The TimelineJS document: a title slide and one event per entry, in timeline order;
    with ``key_only``, per key event (a story of readable length).

    ``line`` gives an entry's line (``event_line``), perhaps from an earlier build's file.
    """
    return b"".join(timelinejs_json_pieces(timeline, description, line, key_only=key_only))


def timelinejs_json_pieces(
    timeline: Timeline,
    description: str = "",
    line: Callable[[Entry], str] | None = None,
    *,
    key_only: bool = False,
) -> Iterator[bytes]:
    """``timelinejs_json`` in pieces of about 64 KiB, made as they are asked for."""
    title = {"text": {"headline": str(escape(timeline.title)), "text": _p(description)}}
    entries = [e for e in timeline.entries if e.key] if key_only else timeline.entries
    lines = map(line or event_line, entries)
    return json_lines_pieces({"title": title}, "events", lines)


def event_line(entry: Entry) -> str:
    """An entry's line in ``timelinejs.json``."""
    return json.dumps(_event(entry), ensure_ascii=False)


def date_parts(date: DateValue) -> tuple[dict[str, str], dict[str, str] | None]:
    """``start_date`` and (for a period) ``end_date``, each only as precise as known."""
    fields = _GRANULARITY.get(date.precision, 1)
    start = _parts(date.start, fields)
    end = _parts(date.end - dt.timedelta(days=1), fields)
    return start, (end if end != start else None)


def _event(entry: Entry) -> dict[str, Any]:
    start, end = date_parts(entry.date)
    event: dict[str, Any] = {"unique_id": entry.anchor, "start_date": start}
    if end:
        event["end_date"] = end
    event["display_date"] = format_date(entry.date)
    event["text"] = {"headline": str(escape(headline(entry.text))), "text": _body(entry)}
    if entry.tags:
        event["group"] = entry.tags[0]
    return event


def _body(entry: Entry) -> str:
    items = "".join(_source_item(source) for source in entry.sources)
    return f"{_p(entry.text)}<ul>{items}</ul>"


def _source_item(source: Source) -> str:
    article = source.article
    outlet = escape(article.source or "Unknown outlet")
    published = article.published.isoformat()[:10]
    return f"<li>{outlet}: {_title(article.title, article.url)} ({published})</li>"


def _title(title: str, url: str | None) -> str:
    if not url:
        return str(escape(title))
    return f'<a href="{escape(url)}">{escape(title)}</a>'


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def _parts(day: dt.date, fields: int) -> dict[str, str]:
    values = {"year": str(day.year), "month": str(day.month), "day": str(day.day)}
    return dict(list(values.items())[:fields])
