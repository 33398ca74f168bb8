"""A build holds lean extractions and reads each whole one back for its article page."""

from __future__ import annotations

from dataclasses import fields, replace

from timeline.bodies import ArticleBodies, text_fingerprint
from timeline.extract import extract_article
from timeline.load import parse_article
from timeline.model import Basis, Event, EventKind, Extraction, TimeExpression

TEXT = (
    "---\ntitle: Talks\npublished: 2025-02-03\n---\n\n"
    "Talks began on 3 February 2025 in Cairo. Aid arrived on 3 February 2025 and on "
    "Monday.\n\nAn older strike on 7 October 2023 was recalled.\n"
)


def test_lean_extractions_keep_the_events_and_give_back_the_whole() -> None:
    whole = replace(extract_article(parse_article(TEXT, "a.md")), body_html="<p>body</p>")
    with ArticleBodies() as bodies:
        lean = bodies.keep("k1", whole)
        assert lean.events == whole.events
        assert lean.article == replace(whole.article, text="")
        assert lean.expressions == () and lean.body_html == ""
        assert bodies.whole(lean) == whole
        assert bodies.by_key("k1") == whole
        assert dict(bodies.wholes({"k1": None})) == {"k1": whole}
        assert bodies.fingerprint(lean) == text_fingerprint(TEXT)


def test_lean_events_share_equal_dates() -> None:
    whole = extract_article(parse_article(TEXT, "a.md"))
    with ArticleBodies() as bodies:
        lean = bodies.keep("k1", whole)
    dates = {}
    for event in lean.events:
        assert dates.setdefault(event.date, event.date) is event.date
    assert len(dates) < len(lean.events)


def test_cached_extractions_are_read_back_from_the_cache() -> None:
    whole = extract_article(parse_article(TEXT, "a.md"))
    reads = []

    def shard(key: str) -> dict[str, Extraction]:
        reads.append(key)
        return {"k1": whole, "k2": whole}

    with ArticleBodies() as bodies:
        lean = bodies.keep_cached("k1", whole, shard)
        assert lean.events == whole.events and lean.article.text == ""
        assert bodies.whole(lean) == whole
        assert bodies.by_key("k1") == whole
        assert bodies.fingerprint(lean) == text_fingerprint(TEXT)
    assert reads == ["k1"]  # the shard read once


def test_lean_events_carry_every_field_even_those_left_at_their_default() -> None:
    # The lean form calls the classes with every field: a field it dropped (or took in
    # another order) would come back at its default, or in the wrong place.
    whole = extract_article(parse_article(TEXT, "a.md"))
    event = whole.events[0]
    assert event.expression is not None and event.expression.date is not None
    expression = replace(
        event.expression, mod="APPROX", basis=Basis.PUBLICATION, resolved=False, type="TIME"
    )
    odd = replace(
        event,
        expression=expression,
        basis=Basis.PUBLICATION,
        clause="a clause",
        kind=EventKind.EXPECTED,
    )
    defaults = {(f.name, f.default) for cls in (Event, TimeExpression) for f in fields(cls)}
    for value in (odd, expression):
        for field in fields(value):
            assert (field.name, getattr(value, field.name)) not in defaults
    with ArticleBodies() as bodies:
        lean = bodies.keep("k1", replace(whole, events=(odd,)))
    assert lean.events == (odd,)
    assert [getattr(lean.events[0], f.name) for f in fields(Event)] == [
        getattr(odd, f.name) for f in fields(Event)
    ]
