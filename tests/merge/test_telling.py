"""Words of telling as the merge reads them: stemmed, whatever their part of speech."""

from __future__ import annotations

import pytest

from timeline.merge.similarity import stems
from timeline.merge.statements import told_in_statement
from timeline.merge.telling import TELLING_STEMS, quoted


@pytest.mark.parametrize(
    ("sentence", "stem", "said_of"),
    [
        ("Netanyahu said the strikes were only the beginning.", "strike", True),
        ("The army confirmed the strike was a mistake.", "strike", True),
        ("According to the army, the strike hit a depot.", "strike", True),
        ("Officials told reporters the blast shook the camp.", "explode", True),  # as stemmed
        # a report of it, or a telling only after it
        ("The strike hit a depot in Rafah.", "strike", False),
        ("The strike hit a depot, the army said.", "strike", False),
        ("The strike hit a depot; the army said the strikes would go on.", "strike", False),
        # "report" is a noun's stem too: no word of telling here
        ("Reports of the strike spread quickly.", "strike", False),
    ],
)
def test_quoted_when_every_use_comes_after_a_telling(
    sentence: str, stem: str, said_of: bool
) -> None:
    assert quoted(sentence, stem) is said_of


def test_a_statement_and_a_quotation_read_the_same_tellings() -> None:
    # "confirmed" retells an occurrence as "said" does, in both readers.
    sentence = "The army confirmed the strike killed three commanders."
    assert told_in_statement(sentence, "strike")
    assert quoted(sentence, "strike")
    assert set(stems("said told confirmed according")) <= TELLING_STEMS
    assert not set(stems("reported stated claimed")) & TELLING_STEMS
