"""From an article to its events: lead, dated sentences, provenance and stable ids."""

from __future__ import annotations

from timeline.extract import extract_article
from timeline.load import parse_article
from timeline.model import Basis, Event

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
