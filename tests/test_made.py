"""What the merge made an entry of: a digest of every value, and the check that an entry is
still the one made."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from typing import Any

import pytest

from timeline.made import Made, made_digest
from timeline.merge.corrections import hide_entries
from timeline.merge.entries import make_entry, with_mentions
from timeline.model import (
    ArticleRef,
    Basis,
    Correction,
    DateValue,
    Entry,
    Event,
    EventKind,
    Precision,
    Source,
    SourceLocation,
    TimeExpression,
)

DAY = DateValue("2025-03-04", dt.date(2025, 3, 4), dt.date(2025, 3, 5), Precision.DAY)
OTHER_DAY = DateValue("2025-03-05", dt.date(2025, 3, 5), dt.date(2025, 3, 6), Precision.DAY)
REF = ArticleRef(
    "shelling-in-khan-younis",
    "content/articles/shelling.md",
    "Shelling in Khan Younis",
    "Harbor Wire",
    dt.date(2025, 3, 5),
    "https://example.org/shelling",
    ("strikes",),
)
HERE = SourceLocation("content/corrections.toml", 1)
SAID = TimeExpression(40, 48, "Tuesday", "DATE", "2025-03-04", None, DAY, Basis.EXPLICIT)


def report(number: int, text: str, ref: ArticleRef = REF) -> Event:
    return Event(
        f"ev{number}", ref, text, 10 * number, 10 * number + len(text), number + 3, DAY,
        SAID, Basis.EXPLICIT,
    )  # fmt: skip


SOURCE = Source(
    "ev1", REF, "Shelling hit a school in Khan Younis on Tuesday.", 4, SAID, Basis.EXPLICIT
)

# Every field of every value an entry's sources are made of, each changed: the table names
# them all (a field added to the model must be added here, and to the digest).
CHANGED: dict[str, dict[str, Any]] = {
    "Source": {
        "event_id": "ev9",
        "article": replace(REF, slug="other"),
        "sentence": "Shelling hit a clinic in Khan Younis on Tuesday.",
        "line": 5,
        "expression": None,
        "basis": Basis.PUBLICATION,
        "kind": EventKind.EXPECTED,
    },
    "ArticleRef": {
        "slug": "another-slug",
        "path": "content/articles/other.md",
        "title": "Shelling in Rafah",
        "source": "Atlas Observer",
        "published": dt.date(2025, 3, 6),
        "url": None,
        "tags": ("strikes", "gaza"),
    },
    "TimeExpression": {
        "start": 41,
        "end": 49,
        "text": "on Tuesday",
        "type": "TIME",
        "value": "2025-03-04T10",
        "mod": "START",
        "date": OTHER_DAY,
        "basis": Basis.RELATIVE,
        "resolved": False,
    },
    "DateValue": {
        "value": "2025-03-05",
        "start": dt.date(2025, 3, 3),
        "end": dt.date(2025, 3, 6),
        "precision": Precision.WEEK,
        "mod": "APPROX",
    },
}


def digest_of(source: Source) -> str:
    return made_digest("ev1", DAY, "Shelling hit a school.", EventKind.HAPPENED, (source,), ())


def changed_sources() -> list[tuple[str, Source]]:
    out = []
    for name, value in CHANGED["Source"].items():
        out.append((f"Source.{name}", replace(SOURCE, **{name: value})))
    for name, value in CHANGED["ArticleRef"].items():
        out.append((f"ArticleRef.{name}", replace(SOURCE, article=replace(REF, **{name: value}))))
    for name, value in CHANGED["TimeExpression"].items():
        expression = replace(SAID, **{name: value})
        out.append((f"TimeExpression.{name}", replace(SOURCE, expression=expression)))
    for name, value in CHANGED["DateValue"].items():
        date = replace(DAY, **{name: value})
        out.append((f"DateValue.{name}", replace(SOURCE, expression=replace(SAID, date=date))))
    return out


def test_the_table_names_every_field_of_the_values_a_source_is_made_of() -> None:
    for cls in (Source, ArticleRef, TimeExpression, DateValue):
        assert set(CHANGED[cls.__name__]) == {f.name for f in fields(cls)}, cls.__name__


@pytest.mark.parametrize(("field", "source"), changed_sources(), ids=lambda v: str(v)[:30])
def test_a_change_of_any_field_of_a_source_changes_the_digest(field: str, source: Source) -> None:
    assert digest_of(source) != digest_of(SOURCE), field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "ev2"),
        ("date", OTHER_DAY),
        ("text", "Shelling hit a clinic."),
        ("kind", EventKind.EXPECTED),
        ("sources", ()),
        ("mentions", (SOURCE,)),
    ],
)
def test_a_change_of_any_value_of_the_entry_changes_the_digest(field: str, value: Any) -> None:
    values: dict[str, Any] = {
        "id": "ev1", "date": DAY, "text": "Shelling hit a school.", "kind": EventKind.HAPPENED,
        "sources": (SOURCE,), "mentions": (),
    }  # fmt: skip
    assert made_digest(**values) != made_digest(**{**values, field: value})


def made_of(entry: Entry) -> Made:
    assert entry.made is not None
    return entry.made


def joined(entry: Entry) -> tuple[Source, ...] | None:
    return made_of(entry).joined(
        entry.id, entry.date, entry.text, entry.kind, entry.sources, entry.mentions
    )


def happening() -> Entry:
    return make_entry(
        [
            report(1, "Shelling hit a school in Khan Younis on Tuesday, medics said."),
            report(2, "A school in Khan Younis was shelled on Tuesday.", replace(REF, slug="b")),
            report(3, "The school shelled on Tuesday had sheltered 300 people."),  # a mention
        ]
    )


def test_an_entry_as_the_merge_made_it_is_the_one_its_digest_is_of() -> None:
    entry = happening()
    assert len(entry.sources) == 2 and len(entry.mentions) == 1
    assert joined(entry) == ()
    assert made_of(entry).digest == made_digest(
        entry.id, entry.date, entry.text, entry.kind, entry.sources, entry.mentions
    )
    # The fields the merge sets later are no part of it: the render adds them.
    assert joined(replace(entry, rank=3, key=True, tags=("aid",), related=("ev7",))) == ()


def coarse() -> Entry:
    """A coarse mention of the happening, an entry of its own until it is folded in."""
    month = DateValue("2025-03", dt.date(2025, 3, 1), dt.date(2025, 4, 1), Precision.MONTH)
    told = "Earlier this month a school in Khan Younis was shelled."
    return make_entry([replace(report(8, told, replace(REF, slug="c")), date=month)])


def test_coarse_entries_folded_in_are_part_of_what_the_entry_is_made_of() -> None:
    entry, folded = happening(), coarse()
    both = with_mentions(entry, [folded])
    assert both.mentions == (*entry.mentions, *folded.sources)
    assert joined(both) == ()
    digests = {made_of(e).digest for e in (entry, folded, both)}
    assert len(digests) == 3
    # The same entries folded in again: the same digest; another coarse entry: another.
    assert made_of(with_mentions(happening(), [coarse()])).digest == made_of(both).digest
    other = replace(folded, mentions=(SOURCE,))  # no longer as the merge made it
    assert with_mentions(entry, [other]).made is None
    later = Source("ev9", REF, "Shelling went on.", 9, None, Basis.PUBLICATION)
    assert joined(replace(both, mentions=(*both.mentions, later))) == (later,)  # joined after


@pytest.mark.parametrize(
    "changed",
    [
        lambda e: hide_entries([e], [Correction("hide", "ev2", HERE)])[0],  # a source hidden
        lambda e: replace(e, text="Shelling hit a school."),
        lambda e: replace(e, date=OTHER_DAY),
        lambda e: replace(e, kind=EventKind.EXPECTED),
        lambda e: replace(e, sources=(replace(e.sources[0], line=99), *e.sources[1:])),
        lambda e: replace(e, mentions=()),  # one of its own mentions gone
        lambda e: replace(e, mentions=(replace(e.mentions[0], sentence="Other."),)),
    ],
    ids=["hidden", "text", "date", "kind", "a source", "no mentions", "a mention"],
)
def test_an_entry_changed_after_the_merge_is_not_the_one_made(changed: Any) -> None:
    assert joined(changed(happening())) is None
