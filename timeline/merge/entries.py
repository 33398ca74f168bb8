"""From the reports of one happening to its entry: sources and mentions, date, text, id.

- **Sources** are the reports: one per article (its first telling), among the happened
  events published at the time when there are any. A second telling in the same article,
  a recall published days later, an event that only names the happening, and the forecasts
  of a happening that happened, are kept as **mentions**.
- **Date**: the day, with a time only when the sources that give a time all give the same
  and are at least half of the sources; of a coarser period, the part of it the sources
  naming a part agree on ("in late 2007" beside "in 2007").
- **Text**: the clearest standalone sentence among the sources, cleaned of its dateline
  (``text.py``); the sources keep their sentences as written.
- **Id**: the event id of the first report (by publication, then page name, then place in
  the article): another article joining later changes neither id nor order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from timeline.extract.timex import day_value
from timeline.made import joined_made
from timeline.made import made as made_entry
from timeline.merge.blocks import recalls
from timeline.merge.clarity import clearest
from timeline.merge.text import lead_text
from timeline.model import DateValue, Entry, Event, EventKind, Precision, Source


def make_entry(events: Sequence[Event]) -> Entry:
    """The entry of the events of one happening, in the order they joined (reports first,
    in report order)."""
    reports, mentions = split_reports(events)
    return entry_of(reports, mentions, text_choice([event.text for event in reports]))


def entry_of(
    reports: Sequence[Event],
    mentions: Sequence[Event],
    told: int,
    text: str | None = None,
    digest: str | None = None,
) -> Entry:
    """The entry of ``split_reports``' reports and mentions, whose text is that of the
    report at ``told`` (``text_choice`` of the reports), ``text`` when given (a merge kept
    between builds knows both, and the ``digest`` of what the entry is made of)."""
    made = made_entry(
        reports[0].id,
        entry_date(reports),
        report_text(reports[told].text) if text is None else text,
        reports[0].kind,
        tuple(source_of(event) for event in reports),
        tuple(source_of(event) for event in mentions),
        digest,
    )
    return Entry(
        id=made.id,
        date=made.date,
        text=made.text,
        sources=made.sources,
        tags=tuple(sorted({tag for event in reports for tag in event.article.tags})),
        kind=made.kind,
        mentions=made.mentions,
        told=told,
        made=made,
    )


def entry_text(sentences: Sequence[str]) -> str:
    """The text of an entry whose reports tell ``sentences``: the clearest, cleaned."""
    return report_text(sentences[text_choice(sentences)])


def text_choice(sentences: Sequence[str]) -> int:
    """Which of the reports' ``sentences`` gives the entry its text: the clearest once
    each is cleaned (``report_text``)."""
    if len(sentences) == 1:
        return 0
    return clearest([report_text(sentence) for sentence in sentences])


def report_text(sentence: str) -> str:
    """A report's sentence as an entry's text: cut to its lead, without stamps or
    dateline (``text.lead_text``)."""
    return lead_text(sentence)


def split_reports(events: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """The reports among the events and the mentions (the others), each in the events'
    order. The reports are the first telling of each article among the happened events
    published at the time, or if none was, among the happened events, or if none
    happened, among the expected ones. An event that only names the happening is always
    a mention."""
    happened = [event for event in events if event.kind is EventKind.HAPPENED]
    timely = [event for event in happened if not recalls(event)]
    expected = [event for event in events if event.kind is EventKind.EXPECTED]
    chosen = {id(event) for event in (timely or happened or expected)}
    reports: list[Event] = []
    mentions: list[Event] = []
    articles: set[str] = set()
    for event in events:
        if id(event) not in chosen or event.article.slug in articles:
            mentions.append(event)
        else:
            reports.append(event)
            articles.add(event.article.slug)
    return reports, mentions


def entry_date(reports: Sequence[Event]) -> DateValue:
    """The date of the reports' happening: a day (or coarser period) as they all give it,
    with a time when those that give a time agree on it and are at least half of them."""
    first = reports[0].date
    if first.precision.rank > Precision.DAY.rank:
        return _period(reports)  # a block of coarse dates holds one period and its parts
    timed = [event.date for event in reports if _timed(event.date)]
    if timed and len({date.value for date in timed}) == 1 and 2 * len(timed) >= len(reports):
        return timed[0]
    days = [event.date for event in reports if event.date.precision is Precision.DAY]
    return days[0] if days else day_value(first.start)


def _period(reports: Sequence[Event]) -> DateValue:
    """The period of reports of one coarse block: the part of it that those naming a part
    agree on ("in 2007" and "in late 2007": late 2007), else the whole period ("in early
    2007" and "in late 2007": 2007)."""
    first = reports[0].date
    parts = {event.date.mod for event in reports} - {None}
    if not parts or (len(parts) == 1 and first.mod is not None):
        return first
    if len(parts) == 1:
        return next(event.date for event in reports if event.date.mod is not None)
    return replace(first, mod=None)


def _timed(date: DateValue) -> bool:
    return date.precision is Precision.TIME


def source_of(event: Event) -> Source:
    """The source an event gives an entry."""
    return Source(
        event_id=event.id,
        article=event.article,
        sentence=event.text,
        line=event.line,
        expression=event.expression,
        basis=event.basis,
        kind=event.kind,
    )


def with_mentions(entry: Entry, others: Sequence[Entry]) -> Entry:
    """The entry with the sources and mentions of ``others`` (the coarse entries folded into
    it) as mentions after its own; what it is made of says so (``made.joined_made``)."""
    added = tuple(source for other in others for source in (*other.sources, *other.mentions))
    mentions = entry.mentions + added
    return replace(entry, mentions=mentions, made=joined_made(entry, others, mentions))
