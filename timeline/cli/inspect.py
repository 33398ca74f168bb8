"""What ``timeline check`` and ``timeline extract`` print: their rows and summaries.

Apart from the commands (``content.py``), so that those that do not print these (``build``
above all) neither load this code nor the stages it reads.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from timeline.errors import UsageError
from timeline.extract import find_expressions
from timeline.load.articles import decode_text, parse_article
from timeline.load.front_matter import parse_published
from timeline.merge.explain import explain_entry
from timeline.model import Article, Correction, Event, EventKind, TimeExpression, Timeline
from timeline.render.exports import date_json, iso

QUOTED = 100
"""How much of a sentence ``timeline check --set-aside`` quotes."""


def expression_json(expression: TimeExpression) -> dict[str, Any]:
    """An expression as the extraction contract prints it (design.md §3)."""
    row: dict[str, Any] = {
        "start": expression.start,
        "end": expression.end,
        "text": expression.text,
        "type": expression.type,
        "value": expression.value,
    }
    if expression.mod:
        row["mod"] = expression.mod
    if not expression.resolved:
        row["resolved"] = False
    return row


def event_json(event: Event) -> dict[str, Any]:
    """An event with its full provenance, as ``timeline extract --events`` prints it."""
    article = event.article
    date = date_json(event.date)
    return {
        "id": event.id,
        "date": date,
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "line": event.line,
        "basis": event.basis.value,
        "kind": event.kind.value,
        "expression": expression_json(event.expression) if event.expression else None,
        "article": {
            "slug": article.slug,
            "title": article.title,
            "source": article.source,
            "published": iso(article.published),
            "url": article.url,
        },
    }


def extract_batch(lines: Iterable[str], day_first: bool) -> None:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            published = dt.date.fromisoformat(str(item["published"])[:10])
            text = str(item["text"])
        except (ValueError, KeyError, TypeError) as error:
            raise UsageError(f"<stdin>:{number}: not a batch line ({error})") from None
        found = find_expressions(text, published, day_first=day_first)
        row = {"id": item.get("id"), "expressions": [expression_json(e) for e in found]}
        click.echo(json.dumps(row, ensure_ascii=False))


def article_for_extraction(path: str, published: str | None) -> Article:
    name = "<stdin>" if path == "-" else path
    data = sys.stdin.buffer.read() if path == "-" else _read(Path(path))
    text = decode_text(data, name)
    if text.startswith("---"):
        article = parse_article(text, name)
        return article if published is None else _republished(article, published)
    if published is None:
        raise UsageError("plain text needs --published YYYY-MM-DD to resolve relative dates")
    return Article(name, "text", "", _published(published), "", text, 0)


def _republished(article: Article, published: str) -> Article:
    return replace(article, published=_published(published))


def _published(value: str) -> dt.datetime | dt.date:
    try:
        return parse_published(value)
    except ValueError as error:
        raise UsageError(f"--published: {error}") from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror})") from None


def table_row(row: dict[str, Any]) -> str:
    if "expressions" in row or "article" in row:
        return f"{row['date']['value']:<12} {row['basis']:<12} {row['text']}"
    return f"{row['start']:>6} {row['end']:>6}  {row['type']:<9} {row['value']:<14} {row['text']}"


def explain_rank(
    timeline: Timeline, wanted: str, corrections: Iterable[Correction] = ()
) -> list[str]:
    """``explain_entry`` of the entry whose id, or one of whose sources' event id, is
    ``wanted``; a usage error when there is none."""
    for entry in timeline.entries:
        if entry.id == wanted or any(s.event_id == wanted for s in entry.sources):
            return explain_entry(timeline, entry, corrections)
    raise UsageError(f"no entry has the id '{wanted}' (ids are in output/timeline.json)")


def set_aside_line(event: Event) -> str:
    """``path:line: kind id: clause (date)``, the way ``timeline check --set-aside`` lists."""
    clause = event.clause if len(event.clause) <= QUOTED else event.clause[: QUOTED - 1] + "…"
    where = f"{event.article.path}:{event.line}"
    return f"{where}: {event.kind.value} {event.id}: {clause} ({event.date.value})"


def set_aside_summary(events: Iterable[Event], *, listed: bool) -> str:
    """How many dated sentences are not told as happenings, by kind."""
    counts = Counter(event.kind for event in events)
    kinds = [k for k in (EventKind.FURNITURE, EventKind.STATE, EventKind.MENTION) if counts[k]]
    aside = sum(counts[k] for k in kinds)
    parts = [
        f"{aside} set aside"
        + (f" ({', '.join(f'{counts[k]} {k.value}' for k in kinds)})" if kinds else "")
    ]
    parts.append(f"{counts[EventKind.EXPECTED]} expected (shown as expected)")
    hint = "" if listed else "; list them with --set-aside"
    return "Dated sentences not told as happenings: " + ", ".join(parts) + hint
