"""Editors' corrections and hand-written events, applied around merging.

Pure functions around merging: ``redate_and_split`` before it (re-dates, restores and drops
events, and says which stay apart), ``hide_entries`` after it, ``curated_entries`` beside
it, ``key_choices`` for the ranking after it; ``set_aside_events`` says what the record
leaves out. A correction whose id no longer exists is an error, so an edit elsewhere can
never silently undo an editor's decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from timeline.errors import ContentError
from timeline.extract.values import parse_value
from timeline.model import (
    ArticleRef,
    Basis,
    Correction,
    CuratedEvent,
    Entry,
    Event,
    EventKind,
    Source,
    SourceLocation,
)


def redate_and_split(
    events: Sequence[Event], corrections: Iterable[Correction]
) -> tuple[tuple[Event, ...], frozenset[str]]:
    """Events as the editors corrected them (re-dated, restored as happenings, dropped), and
    the ids of events that must stay apart."""
    corrections = tuple(corrections)
    redates = {c.id: c for c in corrections if c.action == "redate"}
    restored = {c.id for c in corrections if c.action == "restore"}
    dropped = {c.id for c in corrections if c.action == "drop"}
    apart = frozenset(c.id for c in corrections if c.action == "split")
    if not (redates or restored or dropped):
        return tuple(events), apart
    corrected = []
    for event in events:
        if event.id in dropped:
            continue
        if event.id in redates:
            event = _redated(event, redates[event.id])
        if event.id in restored:
            event = replace(event, kind=EventKind.HAPPENED)
        corrected.append(event)
    return tuple(corrected), apart


def set_aside_events(
    events: Iterable[Event], corrections: Iterable[Correction] = ()
) -> tuple[Event, ...]:
    """The events the record does not tell as happenings, after the editors' corrections:
    furniture, states, mentions, and the expected (shown apart, as expected)."""
    corrected, _ = redate_and_split(tuple(events), corrections)
    return tuple(e for e in corrected if e.kind is not EventKind.HAPPENED)


def hide_entries(entries: Iterable[Entry], corrections: Iterable[Correction]) -> tuple[Entry, ...]:
    """Entries without the hidden ones; hiding a source's event removes just that source."""
    hidden = {c.id for c in corrections if c.action == "hide"}
    kept = []
    for entry in entries:
        if entry.id in hidden:
            continue
        sources = tuple(s for s in entry.sources if s.event_id not in hidden)
        if len(sources) == len(entry.sources):
            kept.append(entry)
        elif sources:
            first = sources[0]
            kept.append(
                replace(entry, id=first.event_id, text=first.sentence, sources=sources, told=None)
            )
    return tuple(kept)


def key_choices(corrections: Iterable[Correction]) -> tuple[frozenset[str], frozenset[str]]:
    """The ids an editor pinned among the key events (``[key]``) and those dropped from
    them (``[not_key]``)."""
    chosen = list(corrections)
    pinned = frozenset(c.id for c in chosen if c.action == "key")
    dropped = frozenset(c.id for c in chosen if c.action == "not_key")
    return pinned, dropped


def stale_corrections(
    corrections: Iterable[Correction], events: Iterable[Event], entries: Iterable[Entry]
) -> list[ContentError]:
    """An error for every correction whose id names no event (nor, for hide, no entry)."""
    known = {e.id for e in events} | {e.id for e in entries}
    return [
        ContentError(
            c.location,
            f"no event has the id '{c.id}' any more; remove or update this {c.action} correction",
        )
        for c in corrections
        if c.id not in known
    ]


def invalid_redates(corrections: Iterable[Correction]) -> list[ContentError]:
    """An error for every re-dating whose date is not a TIMEX value."""
    errors = []
    for correction in corrections:
        if correction.action == "redate" and correction.value is not None:
            try:
                parse_value(correction.value, correction.mod)
            except ValueError as error:
                errors.append(ContentError(correction.location, str(error)))
    return errors


def curated_entries(
    curated: Iterable[CuratedEvent],
) -> tuple[tuple[Entry, ...], list[ContentError]]:
    """One entry per hand-written event, and an error for each date that is not valid."""
    entries, errors = [], []
    for event in curated:
        try:
            entries.append(_curated_entry(event))
        except ValueError as error:
            errors.append(ContentError(SourceLocation(event.path, event.line), str(error)))
    return tuple(entries), errors


def _redated(event: Event, correction: Correction) -> Event:
    assert correction.value is not None
    return replace(event, date=parse_value(correction.value, correction.mod), basis=Basis.CURATED)


def _curated_entry(event: CuratedEvent) -> Entry:
    date = parse_value(event.value, event.mod)
    entry_id = f"c-{event.slug}"
    editors = ArticleRef("", event.path, "", "Editors' note", date.start)
    refs = event.sources or (editors,)
    sources = tuple(
        Source(entry_id, ref, event.text, event.line, None, Basis.CURATED) for ref in refs
    )
    return Entry(entry_id, date, event.text, sources, event.tags, curated=True)
