"""Why an entry ranks where it does, as ``timeline check --explain`` shows it: a line per
part of its score (``rank.py``) and the editor's choice that pins or drops it."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.merge.rank import (
    CONTEXT_FACTOR,
    DOUBLE_FACTOR,
    KIND_FACTORS,
    STATEMENT_FACTOR,
    UNDATED_FACTOR,
    collection_evidence,
)
from timeline.model import Correction, Entry, Timeline

_CHOICES = {"key": "pinned among the key events", "not_key": "dropped from the key events"}


def explain_entry(
    timeline: Timeline, entry: Entry, corrections: Iterable[Correction] = ()
) -> list[str]:
    """Why an entry of a ranked timeline ranks where it does, a line per part of its score
    and the editor's choice if ``corrections`` pin it or drop it (``timeline check
    --explain``)."""
    evidence = collection_evidence(timeline.entries, timeline.articles)[entry.id]
    key_count = sum(1 for e in timeline.entries if e.key)
    place = "a key event" if entry.key else "not a key event"
    points = evidence.points()
    said = "only says when someone spoke" if evidence.statement else "reports a happening"
    read = "needs its article to be read" if evidence.needs_context else "reads on its own"
    told = "says what a higher entry of its day says" if evidence.double else "its own"
    dated = "its articles date nothing" if evidence.undated else "told by a report"
    rows = [
        ("reports", "articles telling it", f"{evidence.reports}", points["reports"]),
        ("outlets", "outlets among them", f"{evidence.outlets}", points["outlets"]),
        ("day", "articles dating a clause on its day", f"{evidence.day}", points["day"]),
        ("recalls", "of them a week or more later", f"{evidence.recalls}", points["recalls"]),
        ("echo", "of the day's articles sharing its words", f"{evidence.echo:g}", points["echo"]),
        ("story", "of all the tellings sharing its words", f"{evidence.story:g}", points["story"]),
    ]
    factors = [
        ("kind", entry.kind.value, KIND_FACTORS.get(entry.kind, 1.0)),
        ("attribution", said, STATEMENT_FACTOR if evidence.statement else 1.0),
        ("text", read, CONTEXT_FACTOR if evidence.needs_context else 1.0),
        ("retelling", told, DOUBLE_FACTOR if evidence.double else 1.0),
        ("dating", dated, UNDATED_FACTOR if evidence.undated else 1.0),
    ]
    lines = [
        f"{entry.id}: rank {entry.rank} of {len(timeline.entries)}, {place} "
        f"({_count(key_count, 'key event')} in this timeline)",
        f"  {entry.text}",
        *(f"  {name:<12}{what:<40}{count:>6}  +{value:.2f}" for name, what, count, value in rows),
        *(f"  {name:<12}{what:<40}{'':>6}  ×{value:g}" for name, what, value in factors),
        f"  {'score':<12}{'':<40}{'':>6}  ={evidence.score():.2f}",
    ]
    if not evidence.first_of_day:
        lines.append(
            f"  {'key score':<12}{'without its day, counted for a higher entry':<48}"
            f"={evidence.key_score():.2f}"
        )
    ids = {entry.id, *(source.event_id for source in entry.sources)}
    for chosen in (c for c in corrections if c.action in _CHOICES and c.id in ids):
        lines.append(f"  {_CHOICES[chosen.action]} by {chosen.location}: {chosen.reason}")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
