"""From an article to its events: lead, dated sentences, provenance and stable ids."""

from __future__ import annotations

from timeline.extract import extract_article
from timeline.load import parse_article
from timeline.model import Basis, Event, EventKind

FRONT = "---\ntitle: Talks\npublished: 2025-02-03T10:00:00+02:00\nsource: Wire\n---\n"


def events_of(body: str) -> tuple[Event, ...]:
    return extract_article(parse_article(FRONT + body, "content/articles/talks.md")).events


def test_undated_lead_is_an_event_on_the_publication_date() -> None:
    (lead,) = events_of("\nNegotiators met in Cairo.\n\nNothing else happened.\n")
    assert lead.text == "Negotiators met in Cairo."
    assert lead.date.value == "2025-02-03"
    assert lead.basis is Basis.PUBLICATION and lead.expression is None
    assert lead.line == 7


def test_dated_lead_is_dated_by_its_text() -> None:
    (lead,) = events_of("\nA truce took hold on 19 January 2025 in Gaza.\n")
    assert lead.date.value == "2025-01-19"
    assert lead.basis is Basis.EXPLICIT
    assert lead.expression is not None and lead.expression.text == "19 January 2025"


def test_undated_sentences_after_the_lead_are_context_not_events() -> None:
    events = events_of(
        "\nNegotiators met in Cairo.\n\nThe mood was tense. Talks had opened on "
        "14 January 2025 in Doha. Few expected a deal.\n"
    )
    assert [e.date.value for e in events] == ["2025-02-03", "2025-01-14"]
    assert events[1].text == "Talks had opened on 14 January 2025 in Doha."
    assert events[1].line == 9


def test_sentence_with_two_clause_dates_gives_two_events() -> None:
    events = events_of(
        "\nThe raid that began on 21 January 2025 went on, and officials condemned it on "
        "27 January 2025.\n"
    )
    assert [e.date.value for e in events] == ["2025-01-21", "2025-01-27"]
    assert events[0].text == events[1].text
    assert events[0].id != events[1].id
    assert [e.clause for e in events] == [
        "The raid that began on 21 January 2025 went on",
        ", and officials condemned it on 27 January 2025.",
    ]


def test_a_sentence_with_one_date_reports_as_a_whole() -> None:
    (event,) = events_of("\nHamas freed three women, and the army said on 19 January 2025 so.\n")
    assert event.clause == event.text


def test_ids_are_stable_when_other_sentences_change() -> None:
    sentence = "A convoy crossed at Rafah on 2 February 2025."
    before = events_of(f"\nLead one.\n\n{sentence}\n")
    after = events_of(f"\nA different lead entirely.\n\nNew paragraph here.\n\n{sentence}\n")
    assert before[-1].id == after[-1].id
    assert before[0].id != after[0].id


def test_the_same_sentence_twice_gets_two_ids() -> None:
    sentence = "Shelling hit Khan Younis on 2 February 2025."
    events = events_of(f"\n{sentence}\n\n{sentence}\n")
    assert len({e.id for e in events}) == 2
    assert events[1].id == events[0].id + "-2"


def test_event_offsets_point_at_the_sentence_in_the_file() -> None:
    text = FRONT + "\nIntro.\n\nA ceasefire began on **19 January 2025** in Gaza.\n"
    extraction = extract_article(parse_article(text, "a.md"))
    event = extraction.events[-1]
    assert text[event.start : event.end] == "A ceasefire began on **19 January 2025** in Gaza."
    assert event.text == "A ceasefire began on 19 January 2025 in Gaza."


def test_a_byline_is_not_the_lead() -> None:
    events = events_of("\nBy Jane Doe\n\nNegotiators met in Cairo.\n")
    (lead,) = events
    assert lead.text == "Negotiators met in Cairo." and lead.basis is Basis.PUBLICATION


def test_a_dateline_date_dates_nothing() -> None:
    # The dateline's 20 January, the sentence's first date, must not date it.
    events = events_of("\nGAZA CITY, Jan 20 (Reuters) - Troops withdrew on Tuesday.\n")
    assert [(e.kind, e.date.value) for e in events] == [
        (EventKind.FURNITURE, "2025-01-20"),
        (EventKind.HAPPENED, "2025-01-28"),
    ]
    furniture, event = events
    assert furniture.clause == "GAZA CITY, Jan 20 (Reuters) -"
    assert furniture.id != event.id and event.clause == event.text


def test_a_stamp_at_the_top_is_furniture_and_the_text_after_it_the_lead() -> None:
    events = events_of("\nMonday, February 3, 2025; 4:30 PM Negotiators met in Cairo.\n")
    assert [e.kind for e in events] == [
        EventKind.FURNITURE,
        EventKind.FURNITURE,
        EventKind.HAPPENED,
    ]
    assert events[-1].basis is Basis.PUBLICATION


def test_furniture_ids_are_stable_and_distinct_from_the_text_events() -> None:
    body = "\nTEL AVIV, Feb. 3 (AP) - The cabinet met on 3 February 2025.\n"
    first, second = events_of(body), events_of(body)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2


def test_the_text_never_counts_from_a_date_in_furniture() -> None:
    # "the next day" counts from the text's own dates, never from the caption's.
    events = events_of(
        "\nTroops entered the camp on 20 January 2025.\n\nPicture taken on 1 February 2025."
        "\n\nThey withdrew the next day.\n"
    )
    assert [(e.kind, e.date.value) for e in events] == [
        (EventKind.HAPPENED, "2025-01-20"),
        (EventKind.FURNITURE, "2025-02-01"),
        (EventKind.HAPPENED, "2025-01-21"),
    ]
