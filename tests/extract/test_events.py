"""From an article to its events: lead, dated sentences, provenance and stable ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import tree, write_article
from timeline.cli import main
from timeline.errors import ContentError
from timeline.extract import extract_article
from timeline.extract.events import reading
from timeline.extract.timex import PhraseError
from timeline.extract.timex.engine import INTERPRETERS
from timeline.load.articles import parse_article
from timeline.model import Basis, Event, EventKind, SourceLocation, TimeExpression

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


ARTICLE = parse_article(
    FRONT + "\nThe lead.\n\nIt began in the mid-Eighties, officials said.\n",
    "content/articles/h.md",
)


def test_an_unexpected_error_while_reading_is_a_content_error_at_the_line() -> None:
    offset = ARTICLE.text.index("It began")

    def broken() -> None:
        raise KeyError("mid")

    with pytest.raises(ContentError) as raised:
        reading(ARTICLE, offset, "It began in the mid-Eighties, officials said.", broken)
    assert str(raised.value).startswith(
        "content/articles/h.md:9: cannot read “It began in the mid-Eighties, officials said.”: "
        "KeyError: 'mid'"
    )
    assert isinstance(raised.value.__cause__, KeyError)


def test_the_engine_names_the_phrase_it_was_reading() -> None:
    phrase = ARTICLE.text.index("the mid-Eighties")

    def engine() -> None:
        try:
            raise ValueError("year 0 is out of range")
        except ValueError as error:
            raise PhraseError(phrase, "the mid-Eighties") from error

    with pytest.raises(ContentError) as raised:
        reading(ARTICLE, ARTICLE.body_start, "the article", engine)
    assert str(raised.value).startswith(
        "content/articles/h.md:9: cannot read “the mid-Eighties”: ValueError: year 0 is out"
    )


def test_a_content_error_passes_through_unchanged() -> None:
    error = ContentError(SourceLocation("content/articles/h.md", 3), "bad date")

    def refuses() -> None:
        raise error

    with pytest.raises(ContentError) as raised:
        reading(ARTICLE, 0, "the article", refuses)
    assert raised.value is error


def test_a_long_phrase_is_quoted_shortened() -> None:
    with pytest.raises(ContentError, match=r"cannot read “x{79}…”: ZeroDivisionError"):
        reading(ARTICLE, 0, "x" * 500, lambda: 1 // 0)


def test_a_build_reports_a_reading_error_at_path_line_and_keeps_the_output(
    sample_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end, with an engine whose decade reader fails as it once did on "mid-": no
    real text makes the engine fail any more, so the failure is put into it."""
    built = CliRunner().invoke(main, ["build", str(sample_site)])
    assert built.exit_code == 0, built.output
    before = tree(sample_site / "output")

    def fails_as_before(match: re.Match[str], ctx: object) -> list[TimeExpression]:
        raise KeyError(match.group().lower().split()[-1][:3])

    monkeypatch.setitem(INTERPRETERS, "decade", fails_as_before)
    body = "\nA lead.\n\nThe camp was built\nin the mid-Eighties, officials said.\n"
    write_article(sample_site, "history.md", FRONT + body)
    result = CliRunner().invoke(main, ["build", "--jobs", "1", str(sample_site)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert (
        "content/articles/history.md:10: cannot read “the mid-Eighties”: KeyError: 'mid'"
        in result.output.splitlines()[0]
    )
    assert "build failed with 1 error" in result.output
    assert "Traceback" not in result.output
    assert tree(sample_site / "output") == before


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


def test_an_order_to_many_is_done_when_told_and_its_day_lies_ahead() -> None:
    # Whom the order names may take many words; the day of what was ordered is still ahead
    # (the Friday after Monday's publication), and the order itself the day's happening.
    events = events_of(
        "\nShelling went on in the north.\n\nThe army has ordered residents of Jabalia, Beit "
        "Lahiya and Beit Hanoun in the north of the Strip to leave their homes on Friday.\n"
    )
    assert [(e.date.value, e.kind) for e in events[1:]] == [
        ("2025-02-03", EventKind.HAPPENED),
        ("2025-02-07", EventKind.EXPECTED),
    ]
