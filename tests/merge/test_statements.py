"""What someone said of a happening: a report of what was done, or a comment of its own."""

from __future__ import annotations

import pytest

from timeline.merge.statements import told_in_statement


@pytest.mark.parametrize(
    ("sentence", "stem", "told"),
    [
        # what was done to the occurrence, or what it did: a report of it
        ("The company said in a statement that the leak has been isolated.", "leak", True),
        ("The army said in a statement that the strike had targeted a Hamas command centre.",
         "strike", True),
        ("The army said the strike was carried out with precise munitions.", "strike", True),
        ("The army said the strike killed three commanders.", "strike", True),
        ("Officials said that the leak in the damaged choke line has been plugged.", "leak",
         True),
        # a judgement of it (a copula) or what will come (a modal): a statement of its own
        ("Netanyahu said on Tuesday night the strikes were only the beginning.", "strike",
         False),
        ("Hamas said the strike was a massacre.", "strike", False),
        ("The ministry said the strike would not go unanswered.", "strike", False),
        ("The army said the strike on the crowded market was a mistake.", "strike", False),
        # not named as told already, or not what someone said
        ("The army said a strike had targeted a Hamas commander.", "strike", False),
        ("The strike killed three commanders, the army said.", "strike", False),
        ("Medics treated the wounded after the strike was over.", "strike", False),
    ],
)  # fmt: skip
def test_a_statement_retells_an_occurrence_when_it_tells_what_was_done(
    sentence: str, stem: str, told: bool
) -> None:
    assert told_in_statement(sentence, stem) is told
