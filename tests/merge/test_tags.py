"""Tags that fit the entry, not the whole article."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.merge.tags import fit_tags, fitting_tags
from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source

DAY = DateValue("2025-01-19", dt.date(2025, 1, 19), dt.date(2025, 1, 20), Precision.DAY)
TAGS = ("gaza", "west-bank", "hostages", "ceasefire", "united-states")


def entry(text: str, headline: str = "Report", curated: bool = False) -> Entry:
    ref = ArticleRef(
        "a", "content/articles/a.md", headline, "Wire", dt.date(2025, 1, 20), tags=TAGS
    )
    source = Source("e1", ref, text, 3, None, Basis.PUBLICATION)
    return Entry("e1", DAY, text, (source,), TAGS, curated=curated)


@pytest.mark.parametrize(
    ("text", "headline", "tags"),
    [
        ("An airstrike hit a school in Gaza City on Sunday.", "Report", ("gaza",)),
        ("Settlers attacked two villages in the West Bank.", "Report", ("west-bank",)),
        ("Three hostages were freed.", "Report", ("hostages",)),
        ("Crowds of Gazans walked north.", "Report", ("gaza",)),
        ("The U.S. envoy arrived.", "Report", ()),
        ("The envoy of the United States arrived.", "Report", ("united-states",)),
        (
            "Three women were freed.",
            "Hostages freed as Gaza ceasefire begins",
            ("gaza", "hostages", "ceasefire"),
        ),
        ("A bank in the west of the city was closed.", "Report", ()),
    ],
)
def test_a_tag_fits_when_the_entry_or_its_headline_names_it(
    text: str, headline: str, tags: tuple[str, ...]
) -> None:
    assert fitting_tags(entry(text, headline)) == tags


def test_an_editors_entry_keeps_its_tags() -> None:
    assert fitting_tags(entry("Nothing named.", curated=True)) == TAGS


def test_fit_tags_keeps_entries_whose_tags_all_fit() -> None:
    one = entry("Nothing named.")
    (fitted,) = fit_tags((one,))
    assert fitted.tags == () and fitted.id == one.id
    curated = entry("Nothing named.", curated=True)
    assert fit_tags((curated,))[0] is curated
