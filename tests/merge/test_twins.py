"""An article's twin reports of one day: two of its sentences dating one occurrence by the
same words tell one happening, though first fit put them in two clusters (``twins.py``).

Made-up war reporting: an agency reports on Tuesday that a commander was shot at a
checkpoint; a weekly published on Saturday recalls the shooting twice, "when he was shot on
Tuesday" and "after he was shot on Tuesday", each time about something else his doctor did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.merge.test_dated import DAY, WAR, dated
from timeline.merge import merge_events
from timeline.model import Event

WIRE = dated(
    "agency",
    "Commander Haddad was shot at the Tulkarm checkpoint on Tuesday and taken to the "
    "hospital in Nablus, where surgeons operated on him for hours.",
    "on Tuesday",
    "agency",
)
FIRST = (
    "Dr Salem, who was with him when he was shot on Tuesday, gave investigators his notes.",
    "on Tuesday",
)
SECOND = (
    "Dr Salem rode in the ambulance with Haddad after he was shot on Tuesday and stayed at "
    "the hospital in Nablus while surgeons operated.",
    "on Tuesday",
)


def daily(text: str, expression: str, eid: str, start: int) -> Event:
    """A report of the weekly published on Saturday, at ``start`` in its article: a recall
    of Tuesday."""
    made = dated("weekly", text, expression, eid, DAY)
    ref = replace(made.article, published=dt.date(2025, 3, 22))
    return replace(made, article=ref, start=start, end=start + len(text))


def together(events: list[Event], *ids: str) -> bool:
    """Whether the events of ``ids`` end up in one entry (as sources or mentions)."""
    entries = merge_events([*events, *WAR])
    return any(set(ids) <= {s.event_id for s in (*e.sources, *e.mentions)} for e in entries)


def test_a_twin_alone_joins_the_entry_its_article_s_other_telling_joined() -> None:
    first, second = daily(*FIRST, "first", 0), daily(*SECOND, "second", 200)
    assert together([WIRE, first, second], "agency", "second")  # by the usual test
    assert together([WIRE, first, second], "agency", "first", "second")


@pytest.mark.parametrize(
    "first",
    [
        # the date dates another thing: a call, not the shooting
        ("Dr Salem, who treated him after he was shot, spoke to investigators in a call on "
         "Tuesday.", "on Tuesday"),
        # another expression of the day: the writer dates two things
        ("Dr Salem, who was with him when he was shot late on Tuesday, gave investigators his "
         "notes.", "late on Tuesday"),
        # nothing shared but the occurrence and words every report gives
        ("A guard who was shot on Tuesday gave investigators his notes.", "on Tuesday"),
        # announced as another happening
        ("Dr Salem, who was also shot on Tuesday with him, gave investigators his notes.",
         "on Tuesday"),
    ],
)  # fmt: skip
def test_no_twins_without_one_occurrence_one_date_and_who(first: tuple[str, str]) -> None:
    events = [WIRE, daily(*first, "first", 0), daily(*SECOND, "second", 200)]
    assert together(events, "agency", "second")
    assert not together(events, "agency", "first")
