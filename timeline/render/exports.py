"""Machine-readable exports of the timeline."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from timeline.model import DateValue, Entry, Source, Timeline


def timeline_json(timeline: Timeline) -> bytes:
    """``timeline.json`` as design.md §5 specifies: every entry with all its sources."""
    document = {
        "title": timeline.title,
        "entries": [_entry(entry) for entry in timeline.entries],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def iso(published: dt.datetime | dt.date) -> str:
    """A publication date or time in ISO 8601."""
    return published.isoformat()


def date_json(date: DateValue) -> dict[str, Any]:
    """A date value with its interval and precision."""
    return {
        "value": date.value,
        "start": date.start.isoformat(),
        "end": date.end.isoformat(),
        "precision": date.precision.value,
        "mod": date.mod,
    }


def _entry(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": date_json(entry.date),
        "text": entry.text,
        "sources": [_source(source) for source in entry.sources],
    }


def _source(source: Source) -> dict[str, Any]:
    article = source.article
    expression = source.expression
    return {
        "article": article.slug,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": iso(article.published),
        "sentence": source.sentence,
        "line": source.line,
        "basis": source.basis.value,
        "expression": (
            {"text": expression.text, "value": expression.value} if expression else None
        ),
    }
