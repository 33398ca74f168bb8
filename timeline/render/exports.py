"""Machine-readable exports of the timeline: ``timeline.json`` and ``events.csv``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from timeline.model import DateValue, Entry, Precision, Source, Timeline
from timeline.render.dates import is_range
from timeline.render.entries import outlets, source_urls


def timeline_json(timeline: Timeline, line: Callable[[Entry], str] | None = None) -> bytes:
    """``timeline.json`` as design.md §5 specifies: every entry with all its sources.

    ``line`` gives an entry's line (``entry_line``), perhaps from an earlier build's file.
    """
    return b"".join(timeline_json_pieces(timeline, line))


def timeline_json_pieces(
    timeline: Timeline, line: Callable[[Entry], str] | None = None
) -> Iterator[bytes]:
    """``timeline_json`` in pieces of about 64 KiB, made as they are asked for.

    Without ``line`` no entry's line is made whole either: one happening recalled in
    nearly every article of a large site has a line of MBs.
    """
    head = {"title": timeline.title}
    if line is not None:
        return json_lines_pieces(head, "entries", map(line, timeline.entries))
    return _json_parts_pieces(head, "entries", map(entry_line_parts, timeline.entries))


def entry_line(entry: Entry) -> str:
    """An entry's line in ``timeline.json``."""
    return json.dumps(_entry(entry), ensure_ascii=False)


def entry_line_parts(entry: Entry) -> Iterator[str]:
    """``entry_line`` in parts, a source or mention at a time: the same text joined."""
    whole = _entry(entry, sources=False)
    yield json.dumps(whole, ensure_ascii=False)[:-1]
    for key, sources in (("sources", entry.sources), ("mentions", entry.mentions)):
        yield f', "{key}": ['
        for number, source in enumerate(sources):
            # json.dumps of a list puts ", " between its items, as here.
            yield json.dumps(_source(source), ensure_ascii=False)
            if number + 1 < len(sources):
                yield ", "
        yield "]"
    yield f', "related": {json.dumps(list(entry.related), ensure_ascii=False)}}}'


def json_lines_document(head: dict[str, Any], key: str, items: Iterable[Any]) -> bytes:
    """A JSON object whose list ``key`` holds one item a line: diffable, and fast to write.

    Python's fast JSON encoder only writes compact JSON; an item a line keeps the file
    readable and its diffs small without the slow indenting encoder.
    """
    return json_lines_text(head, key, (json.dumps(item, ensure_ascii=False) for item in items))


def json_lines_text(head: dict[str, Any], key: str, lines: Iterable[str]) -> bytes:
    """``json_lines_document`` of items already written as JSON, one a line."""
    return b"".join(json_lines_pieces(head, key, lines))


_PIECE = 1 << 16
"""About how many bytes of a document ``json_lines_pieces`` gives at a time: 64 KiB, for
a piece is held three or four times over as it is made and written (the buffer as it
grows, the piece, the one before it): at a MB that was 6-7 MiB, the render's whole rise at
10,000 articles."""


def json_lines_pieces(head: dict[str, Any], key: str, lines: Iterable[str]) -> Iterator[bytes]:
    """``json_lines_text`` in pieces of about 64 KiB, each made when it is asked for.

    On a large site the document is tens of MB: a writer that takes it piece by piece
    never holds it whole.
    """
    return _json_parts_pieces(head, key, ((line,) for line in lines))


def _json_parts_pieces(
    head: dict[str, Any], key: str, lines: Iterable[Iterable[str]]
) -> Iterator[bytes]:
    """``json_lines_pieces`` of lines each given in parts, so that none is held whole."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    separator = ", " if head else ""
    out = io.BytesIO()
    out.write(f'{opening}{separator}"{key}": [\n'.encode())
    for number, parts in enumerate(lines):
        if number:
            out.write(b",\n")
        for part in parts:
            out.write(part.encode())
            if out.tell() >= _PIECE:
                yield out.getvalue()
                out = io.BytesIO()
    out.write(b"\n]}\n")
    yield out.getvalue()


def json_lines_items(document: bytes, count: int) -> list[str] | None:
    """The ``count`` item lines of a ``json_lines_document``, or None if it has not that shape.

    JSON escapes every line break inside a string, so a document of ``count`` items has
    exactly ``count + 3`` pieces between its line breaks: head, items, ``]}``, nothing.
    """
    try:
        pieces = document.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if count == 0 or len(pieces) != count + 3 or pieces[-2:] != ["]}", ""]:
        return None
    items = pieces[1:-2]
    if not all(item.endswith(",") for item in items[:-1]):
        return None
    return [item[:-1] for item in items[:-1]] + [items[-1]]


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


def _entry(entry: Entry, sources: bool = True) -> dict[str, Any]:
    head = {
        "id": entry.id,
        "date": date_json(entry.date),
        "text": entry.text,
        "rank": entry.rank,
        "key": entry.key,
        "kind": entry.kind.value,
    }
    if not sources:
        return head
    return {
        **head,
        "sources": [_source(source) for source in entry.sources],
        "mentions": [_source(source) for source in entry.mentions],
        "related": list(entry.related),
    }


def _source(source: Source) -> dict[str, Any]:
    article = source.article
    expression = source.expression
    return {
        "event": source.event_id,
        "article": article.slug,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": iso(article.published),
        "sentence": source.sentence,
        "line": source.line,
        "basis": source.basis.value,
        "kind": source.kind.value,
        "expression": (
            {"text": expression.text, "value": expression.value} if expression else None
        ),
    }


CSV_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "notes",
    "source",
    "source_url",
    "tags",
    "rank",
)
_COARSE = {Precision.SEASON, Precision.QUARTER, Precision.YEAR, Precision.DECADE, Precision.CENTURY}


def events_csv(timeline: Timeline) -> bytes:
    """``events.csv`` with ACLED-like columns, one row per entry in timeline order.

    ``event_date`` is the first day the date covers; ``time_precision`` follows ACLED's
    codes: 1 for a known day, 2 for a week, a month or a span of days, 3 for anything coarser;
    ``rank`` is the entry's place in the importance order (1 the most important).
    """
    return b"".join(events_csv_pieces(timeline))


def events_csv_pieces(timeline: Timeline) -> Iterator[bytes]:
    """``events_csv`` in pieces of about 64 KiB, made as they are asked for."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in timeline.entries:
        writer.writerow(_csv_row(entry))
        if out.tell() >= _PIECE:  # characters, not bytes: about 64 KiB all the same
            yield out.getvalue().encode("utf-8")
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
    yield out.getvalue().encode("utf-8")


def time_precision(date: DateValue) -> int:
    """ACLED's code: 1 a day, 2 a week or month (or days, or a modified day), 3 coarser."""
    if date.precision in _COARSE:
        return 3
    exact_day = date.precision in (Precision.DAY, Precision.TIME) and not is_range(date)
    return 1 if exact_day and not date.mod else 2


def _csv_row(entry: Entry) -> list[str]:
    return [
        entry.id,
        entry.date.start.isoformat(),
        str(time_precision(entry.date)),
        entry.text,
        "; ".join(outlets(entry)),
        "; ".join(source_urls(entry)),
        "; ".join(entry.tags),
        str(entry.rank),
    ]
