"""Reading what editors write by hand: ``content/events/*.md`` and ``content/corrections.toml``.

Like ``articles.py``, ``load_*`` reads the disk and ``parse_*`` is pure; every problem is a
:class:`ContentError` with the file and line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from timeline.errors import ContentError
from timeline.load.articles import decode_text, parse_front_matter, slug_of
from timeline.load.files import CORRECTIONS_NAME, inside, outside_error
from timeline.load.front_matter import parse_published
from timeline.load.urls import check_url
from timeline.model import ArticleRef, Correction, CuratedEvent, SourceLocation

_EVENT_KEYS = frozenset({"date", "mod", "title", "tags", "sources"})
_SOURCE_KEYS = frozenset({"source", "title", "url", "published"})
_ACTIONS = ("hide", "redate", "split", "restore", "drop", "key", "not_key")


def load_curated_event(path: Path, root: Path) -> CuratedEvent:
    """Read and parse one hand-written event (one that leads outside ``root`` is an error)."""
    if not inside(path, root):
        raise outside_error(path, root)
    relative = path.relative_to(root).as_posix()
    return parse_curated_event(decode_text(path.read_bytes(), relative), relative)


def parse_curated_event(text: str, path: str) -> CuratedEvent:
    """A hand-written event: front matter ``date`` (a TIMEX value) and the text as body."""
    front = parse_front_matter(text, path)
    data = front.data

    def where(key: str) -> SourceLocation:
        return SourceLocation(path, front.lines.get(key, 1))

    unknown = sorted(set(data) - _EVENT_KEYS)
    if unknown:
        raise ContentError(where(unknown[0]), f"unknown key '{unknown[0]}' in a curated event")
    if "date" not in data:
        raise ContentError(SourceLocation(path, 1), "'date' is required (e.g. 2025-01-19)")
    body = " ".join(text[front.body_start :].split())
    if not body:
        raise ContentError(SourceLocation(path, 1), "the event's text (the body) is empty")
    return CuratedEvent(
        path=path,
        slug=slug_of(path),
        value=str(data["date"]),
        mod=str(data["mod"]) if data.get("mod") else None,
        text=body,
        line=front.lines.get("date", 1),
        sources=_sources(data.get("sources") or [], where("sources"), path),
        tags=tuple(str(t).lower() for t in data.get("tags") or ()),
    )


def load_corrections(content_dir: Path, root: Path) -> tuple[Correction, ...]:
    """The corrections of ``content_dir/corrections.toml``, or none if it does not exist."""
    path = content_dir / CORRECTIONS_NAME
    if not path.is_file():
        return ()
    if not inside(path, root):
        raise outside_error(path, root)
    relative = path.relative_to(root).as_posix()
    return parse_corrections(decode_text(path.read_bytes(), relative), relative)


def parse_corrections(text: str, path: str) -> tuple[Correction, ...]:
    """``[hide]``, ``[split]``, ``[restore]``, ``[drop]``, ``[key]`` and ``[not_key]`` map ids
    to reasons; ``[redate.ID]`` has ``date`` (and ``mod``, ``reason``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        where = SourceLocation(path, int(line.group(1)) if line else 1)
        raise ContentError(where, str(error)) from None
    corrections: list[Correction] = []
    for action, table in data.items():
        if action not in _ACTIONS or not isinstance(table, dict):
            where = SourceLocation(path, _line_of(text, action))
            raise ContentError(where, f"unknown section '{action}' (use {', '.join(_ACTIONS)})")
        corrections.extend(
            _correction(action, key, value, text, path) for key, value in table.items()
        )
    return tuple(corrections)


def _correction(action: str, key: str, value: Any, text: str, path: str) -> Correction:
    where = SourceLocation(path, _line_of(text, key))
    if action != "redate":
        if not isinstance(value, str):
            raise ContentError(where, f'[{action}] maps an id to a reason: "{key}" = "..."')
        return Correction(action, key, where, reason=value)
    if not isinstance(value, dict) or "date" not in value:
        raise ContentError(where, f'[redate] needs a date: [redate."{key}"] date = "2025-01-19"')
    return Correction(
        action,
        key,
        where,
        reason=str(value.get("reason", "")),
        value=str(value["date"]),
        mod=str(value["mod"]) if value.get("mod") else None,
    )


def _sources(raw: object, where: SourceLocation, path: str) -> tuple[ArticleRef, ...]:
    if not isinstance(raw, list):
        raise ContentError(where, "'sources' must be a list of {source, title, url, published}")
    refs = []
    for item in raw:
        if not isinstance(item, dict) or set(item) - _SOURCE_KEYS or "published" not in item:
            raise ContentError(
                where, "each source needs 'published' and may have 'source', 'title', 'url'"
            )
        try:
            published = parse_published(item["published"])
        except ValueError as error:
            raise ContentError(where, f"bad source date: {error}") from None
        refs.append(
            ArticleRef(
                slug="",
                path=path,
                title=str(item.get("title", "")),
                source=str(item.get("source", "")),
                published=published,
                url=check_url(str(item["url"]), where) if item.get("url") else None,
            )
        )
    return tuple(refs)


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^[ \t]*(?:\[[^\]\n]*)?[\"']?{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
