"""Years need evidence: a date far outside the collection's own span must be written out.

A collection of war reporting published in 2023-2025 may well recall 1948 or 1967, but a
clock time ("1600 GMT"), a stamp ("updated 1723") or a count misread as a year must not
spread its timeline over centuries. So an event dated more than ``MARGIN_YEARS`` before the
earliest publication of the collection, or as far after the latest, stands only on evidence:

- its own expression is explicit: a full date ("7 October 2023", "March 1989"), a period of a
  written year ("the summer of 1944"), a decade ("the 1930s"), a distance in years ("12 years
  ago"), or a bare year that a word of time introduces ("in 1948", "since 2004"), that
  stands before a noun or a name ("the 1967 war", "the disastrous 1979 Ixtoc spill") or
  that is possessive ("1979's Ixtoc"); never a number that a time zone follows ("1600
  GMT"), nor one that a stamp or a count puts it in ("at 1600", "updated 1723", "at least
  1500 killed", "rose to 1881");
- or its article writes that year out so somewhere else (a history that established "In
  1944," and then says "On 6 June").

What lacks evidence is set aside, never merged, and listed by ``timeline check``. A date an
editor set (a correction) always stands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from timeline.model import Basis, Event, EventKind

MARGIN_YEARS = 3
_YEAR = re.compile(r"\b\d{4}\b")
_DECADE = re.compile(r"\b\d{3}0'?s\b|'\d0s\b")
_WORDS_BESIDE_YEAR = re.compile(r"[A-Za-z]{3,}")
_INTRODUCED = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|between|around|circa|"
    r"through|throughout|early|mid|late|year|of|back to)\s+|\bmid-|\b\d{4}\s*(?:to|and|-|–)\s*)$",
    re.IGNORECASE,
)
"""A word of time before a bare year: "in 1948", "since 2004"."""
_ATTRIBUTIVE = re.compile(r"(?:'s\b|-(?:era|style)\b|\s+[\"“']?[A-Za-z])")
"""A year before a noun or a name, or a possessive one: "the 1967 war", "a ground-breaking
1980 book", "1979's Ixtoc spill" (counts and clock times ruled out before)."""
_COUNT_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|civilians|dead|killed|wounded|"
    r"injured|were|was|have|has|had|are|is|homes|houses|workers|residents|refugees|families|"
    r"cases|deaths|barrels|gallons|tons|tonnes|miles|km|feet|ft|metres|meters|dollars|"
    r"pounds|of)\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"\b(?:at|updated|update|posted|least|than|nearly|almost|some|about|approximately|"
    r"roughly|over|under|to|No\.|number)\s+$",
    re.IGNORECASE,
)
"""What makes a four-digit number a count or a time: "at least 1881 killed", "at 1600",
"updated 1723", "rose to 1500"."""
_CLOCK_AFTER = re.compile(
    r"\s*(?:(?:GMT|UTC|[ECMP][SD]T|BST|CET)\b|(?i:local\b|hours?\b|hrs\b|[ap]\.?m\.?(?!\w)))"
)
"""What makes a four-digit number a clock time: "1600 GMT", "1425 local time"."""
_COUNTED = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))\b", re.I)
"""A distance in years from publication: "12 years ago", "a decade earlier"."""


def unevidenced(events: Sequence[Event]) -> list[Event]:
    """The events dated far outside the span of the collection's publication dates whose
    date has no evidence (see the module's docstring), in the order given. Only the events
    that merging considers count (happened, expected, and those naming a happening)."""
    events = [e for e in events if e.kind.recorded or e.kind is EventKind.MENTION]
    published = span(events)
    if published is None:
        return []
    earliest, latest = published
    before = dt.date(max(earliest.year - MARGIN_YEARS, dt.MINYEAR), 1, 1)
    after = dt.date(min(latest.year + MARGIN_YEARS + 1, dt.MAXYEAR), 1, 1)
    far = [e for e in events if e.date.end <= before or e.date.start >= after]
    if not far:
        return []
    written = _written_years(events, {event.article.slug for event in far})
    return [event for event in far if not _evidenced(event, written[event.article.slug])]


def span(events: Sequence[Event]) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the collection's publication, None without events."""
    if not events:
        return None
    days = [_day(event.article.published) for event in events]
    return min(days), max(days)


def _day(published: dt.datetime | dt.date) -> dt.date:
    return published.date() if isinstance(published, dt.datetime) else published


def _evidenced(event: Event, written: set[int]) -> bool:
    """An editor dated it, its own expression is explicit, or its article writes one of
    its years out."""
    if event.basis is Basis.CURATED or explicit(event):
        return True
    years = range(event.date.start.year, max(event.date.end.year, event.date.start.year + 1))
    return any(year in written for year in years)


def _written_years(events: Iterable[Event], slugs: set[str]) -> dict[str, set[int]]:
    """The years the articles of ``slugs`` date an event with explicitly."""
    written: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.article.slug in slugs and explicit(event):
            written[event.article.slug].add(event.date.start.year)
    return written


def explicit(event: Event) -> bool:
    """True when the event's expression gives its year unmistakably (see the module's
    docstring)."""
    expression = event.expression
    if expression is None:
        return False
    text = expression.text
    if _DECADE.search(text) or (_COUNTED.search(text) and not _YEAR.search(text)):
        return True
    if not _YEAR.search(text):
        return False  # a year-less date: its year was inferred
    if _WORDS_BESIDE_YEAR.search(text):
        return True
    before, after = _around(event)
    if _CLOCK_AFTER.match(after):
        return False  # a clock time
    if _INTRODUCED.search(before):
        return True
    if _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(after):
        return False  # a stamp or a count
    return _ATTRIBUTIVE.match(after) is not None


def _around(event: Event) -> tuple[str, str]:
    """The sentence before and after the event's expression (found near its offset: the
    sentence's spaces were normalized)."""
    assert event.expression is not None
    text, wanted = event.text, event.expression.text
    near = max(0, event.expression.start - event.start - 20)
    place = text.find(wanted, near)
    if place < 0:
        place = text.find(wanted)
    if place < 0:
        return "", ""
    return text[:place], text[place + len(wanted) :]
