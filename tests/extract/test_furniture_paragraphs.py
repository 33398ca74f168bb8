"""Paragraphs that are furniture as a whole: link lists, title-line runs, teasers, a clip's
blurb, a lone dated caption."""

from __future__ import annotations

import pytest

from timeline.extract.furniture_paragraphs import whole_paragraphs
from timeline.extract.sentences import mask_markup, split_paragraphs


def whole_of(body: str) -> list[str]:
    """The paragraphs of a Markdown body that are furniture as a whole, as text."""
    plain = mask_markup(body, 0)
    paragraphs = split_paragraphs(plain, 0)
    starts = whole_paragraphs(body, paragraphs)
    return [" ".join(p.text.split()) for p in paragraphs if p.start in starts]


LEAD = "Israeli forces withdrew from the town on Monday, officials said."


@pytest.mark.parametrize(
    ("body", "whole"),
    [
        # a link list, and a block of short title-like lines
        (
            f"{LEAD}\n\n- [Truce talks resume](https://a.example/1)\n"
            "- [Hostages freed](https://a.example/2)",
            ["Truce talks resume Hostages freed"],
        ),
        (
            f"{LEAD}\n\nTruce talks resume\nHostages freed in Gaza\nAid convoy reaches north",
            ["Truce talks resume Hostages freed in Gaza Aid convoy reaches north"],
        ),
        # a run of three one-line titles; two are not a run
        (
            f"{LEAD}\n\nTruce talks resume\n\nHostages freed in Gaza\n\nAid convoy reaches north",
            ["Truce talks resume", "Hostages freed in Gaza", "Aid convoy reaches north"],
        ),
        (f"{LEAD}\n\nTruce talks resume\n\nHostages freed in Gaza", []),
        # truncated teasers of other stories
        (
            f"{LEAD}\n\nShelling hit the ma ... Aid trucks waited at the cro ... "
            "Talks in Cairo were sus ...",
            [
                "Shelling hit the ma ... Aid trucks waited at the cro ... "
                "Talks in Cairo were sus ..."
            ],
        ),
        # a clip's blurb before a media player's notice, never the lead
        (
            f"{LEAD}\n\nA medic gives World Today an account of the night.\n\n"
            "To play this content JavaScript must be turned on.",
            ["A medic gives World Today an account of the night."],
        ),
        (
            "A medic gives World Today an account of the night.\n\n"
            "To play this content JavaScript must be turned on.",
            [],
        ),
        # a lone dated caption; a chronology's lines come in a run and stay text
        (
            f"{LEAD}\n\nMarch 4, 2024: Residents inspect a destroyed building in the town.",
            ["March 4, 2024: Residents inspect a destroyed building in the town."],
        ),
        (
            f"{LEAD}\n\nMarch 4, 2024: Troops enter the town after a night of shelling.\n\n"
            "March 5 - The army says it has taken the town centre and the bridge.",
            [],
        ),
        # prose is not furniture
        (f"{LEAD}\n\nThe army said the operation would last several more days.", []),
    ],
)
def test_whole_paragraphs(body: str, whole: list[str]) -> None:
    assert whole_of(body) == whole
