"""Which expressions date a sentence: clauses, anchors, noun modifiers, finer dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_timex_property import FUZZ
from timeline.extract.govern import (
    _ANCHOR_BEFORE,
    _MODIFIER_BEFORE,
    ANCHOR_LAST_WORDS,
    MODIFIER_LAST_WORDS,
    background_of,
    dating_expressions,
    datings,
    is_telling,
    may_end_with,
)
from timeline.model import DateValue, Precision, TimeExpression

VALUES = {
    "January 21": DateValue(
        "2025-01-21", dt.date(2025, 1, 21), dt.date(2025, 1, 22), Precision.DAY
    ),
    "Monday": DateValue("2025-01-27", dt.date(2025, 1, 27), dt.date(2025, 1, 28), Precision.DAY),
    "October 7": DateValue("2023-10-07", dt.date(2023, 10, 7), dt.date(2023, 10, 8), Precision.DAY),
    "January": DateValue("2025-01", dt.date(2025, 1, 1), dt.date(2025, 2, 1), Precision.MONTH),
    "Sunday": DateValue("2025-01-26", dt.date(2025, 1, 26), dt.date(2025, 1, 27), Precision.DAY),
    "mid-morning": DateValue(
        "2025-01-19TMO", dt.date(2025, 1, 19), dt.date(2025, 1, 20), Precision.TIME, "MID"
    ),
    "first quarter": DateValue(
        "2025-Q1", dt.date(2025, 1, 1), dt.date(2025, 4, 1), Precision.QUARTER
    ),
    "fourth-quarter": DateValue(
        "2024-Q4", dt.date(2024, 10, 1), dt.date(2025, 1, 1), Precision.QUARTER
    ),
    "11:15 a.m.": DateValue(
        "2025-01-19T11:15", dt.date(2025, 1, 19), dt.date(2025, 1, 20), Precision.TIME
    ),
}


def marked(sentence: str) -> tuple[str, list[TimeExpression]]:
    """'[Monday]' in the sentence marks an expression; brackets are removed."""
    expressions = []
    plain = ""
    for piece in re.split(r"(\[[^\]]+\])", sentence):
        if piece.startswith("["):
            text = piece[1:-1]
            date = VALUES[text]
            expressions.append(
                TimeExpression(
                    len(plain), len(plain) + len(text), text, "DATE", date.value, date=date
                )
            )
            piece = text
        plain += piece
    return plain, expressions


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Talks resumed on [Monday].", ["Monday"]),
        ("Nothing was dated here.", []),
        (
            "The operation launched on [January 21] entered a new phase, and officials "
            "condemned it on [Monday].",
            ["January 21", "Monday"],
        ),
        ("Hostages were freed on [Monday], the first since [October 7].", ["Monday"]),
        ("The [October 7] attack was recalled by officials on [Monday].", ["Monday"]),
        ("[Sunday]'s vote was delayed until [Monday].", ["Sunday"]),
        # A period's figures name the period they cover, not the day they were told.
        ("The bank reported better [first quarter] results on [Monday].", ["Monday"]),
        ("BP posted [fourth-quarter] profit of $5bn on [Monday].", ["Monday"]),
        ("Sales rose in the [first quarter].", ["first quarter"]),
        ("In [January], the army withdrew on [January 21].", ["January 21"]),
        ("Fighting has raged since [October 7].", ["October 7"]),
        # A possessive date is its noun's, even after an anchor: it gives way to another date.
        ("Aid stopped after [Sunday]'s strike, officials said on [Monday].", ["Monday"]),
        ("Aid was cut from [Sunday]'s convoy on [Monday].", ["Monday"]),
        ("Talks ended on [Monday]; they resume on [Monday].", ["Monday"]),
        ("Aid entered on [Sunday] and on [Monday].", ["Sunday"]),
        # A clock time is finer than a part of the same day.
        ("The list came in [mid-morning] and the truce began at [11:15 a.m.].", ["11:15 a.m."]),
        ("The truce began at [11:15 a.m.] and the list came in [mid-morning].", ["11:15 a.m."]),
        # Who said something is not the happening.
        ("Officials said on [Monday] that the army withdrew on [Sunday].", ["Sunday"]),
        ("Officials told reporters on [Monday] the army withdrew on [Sunday].", ["Sunday"]),
        ("The army withdrew on [Sunday], officials said on [Monday].", ["Sunday"]),
        ("Officials said on [Monday] that talks resumed.", ["Monday"]),
        # A statement that announces what is to come is a happening, and so is its plan.
        ("Officials said on [Sunday] that talks would resume on [Monday].", ["Sunday", "Monday"]),
        # A date in a relative clause of what is told is not what is told.
        (
            "Hamas said on [Monday] it rejected the plan, which the deal of [January] set out.",
            ["Monday"],
        ),
        # A date on the told clause's own verb is not a telling.
        ("Officials said Hamas freed them on [Sunday] and fled on [Monday].", ["Sunday"]),
        # "States" of a name tells nothing: the told date does not replace it.
        ("The envoy reached the United States on [Sunday] to meet aides on [Monday].", ["Sunday"]),
        ("The United States said on [Sunday] troops withdrew on [January 21].", ["January 21"]),
        # A comparison's date is the earlier occurrence's, not the sentence's own.
        ("The army, as it did on [Sunday], shelled the port on [Monday].", ["Monday"]),
        ("Rebels, just as they had on [October 7], seized the bridge on [Monday].", ["Monday"]),
        ("The army, like it did on [Sunday], shelled the port on [Monday].", ["Monday"]),
        # Not the same occurrence told again, nor a clause of time whose verb follows.
        ("The army, as it did so on [Sunday], shelled the port on [Monday].", ["Sunday"]),
        ("As the army had on [Sunday] shelled the port, aid stopped on [Monday].", ["Sunday"]),
    ],
)
def test_dating_expressions(sentence: str, dates: list[str]) -> None:
    plain, expressions = marked(sentence)
    chosen = dating_expressions(plain, 0, expressions)
    assert [e.text for e in chosen] == dates


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("Talks resumed on [Monday].", None),
        ("Fighting has raged since [October 7].", "since"),
        ("[Sunday]'s vote was delayed until [Monday].", "modifier"),
        ("Aid stopped after [Sunday]'s strike, officials said on [Monday].", None),
        ("Officials said on [Sunday] that talks would resume on [Monday].", None),
        ("Aid was held until [Monday], and by [Sunday] the convoy had left.", "until"),
        ("Militias shelled the port, as they did on [Sunday].", "comparison"),
        ("The town is as empty as it was in [January].", "comparison"),
        ("Militias shelled the port, as expected, on [Sunday].", None),
        ("Militias shelled the port and, as they did so on [Sunday], fired flares.", None),
    ],
)
def test_a_dating_carries_the_background_of_its_expression(
    sentence: str, background: str | None
) -> None:
    plain, expressions = marked(sentence)
    found = datings(plain, 0, expressions)
    assert found
    assert found[0].background == background
    for dating in found:  # read once by govern, as background_of reads it
        assert dating.background == background_of(dating.expression, plain, 0)


def test_offsets_of_the_sentence_in_its_file_are_respected() -> None:
    plain, expressions = marked("Talks resumed on [Monday].")
    shifted = [
        TimeExpression(e.start + 100, e.end + 100, e.text, e.type, e.value, date=e.date)
        for e in expressions
    ]
    assert [e.start for e in dating_expressions(plain, 100, shifted)] == [117]


@pytest.mark.parametrize(
    ("sentence", "telling"),
    [
        ("The army said on [Monday] that it had withdrawn.", True),
        ("The army said [Monday] it had withdrawn.", True),
        ("Speaking to reporters on [Monday], Trump said he could offer no assurance.", True),
        ("Qatar's prime minister told a news conference in Doha on [Monday] that ...", True),
        ("On [Sunday] the Los Angeles Police Department said they had no plans.", True),
        ("The ministry said in a statement issued on [Monday] that 40 died.", True),
        ("The army said Hamas would free them on [Sunday].", False),
        ("The army said the truce began on [Sunday].", False),
        ("Troops withdrew on [Sunday].", False),
        ("On [Sunday], troops withdrew from the camp.", False),
        # A capitalized verb of telling inside a name is a word of the name, not a telling.
        ("The envoy began a voyage to the United States on [Monday].", False),
        ("The envoy flew to the United States [Monday] for talks.", False),
        ("The United States on [Monday] imposed sanctions on the militia.", False),
        ("The figures were first published by Associated Press Reports on [Monday].", False),
        ("The United States said on [Monday] that the convoy had been struck.", True),
        ("Officials in the United States said [Monday] the convoy was struck.", True),
        ("The United States Says on [Monday]", True),  # a title set in capitals
        ("Army Says Troops Withdrew From the Camp on [Monday]", False),  # told, not telling
        ("Ministry Says on [Monday] Troops Withdrew", True),
        # The nouns of telling are tellings in a name too.
        ("In his State of the Union Address on [Monday], the president vowed to fight on.", True),
    ],
)
def test_is_telling(sentence: str, telling: bool) -> None:
    plain, (expression,) = marked(sentence)
    assert is_telling(plain[: expression.start], plain[expression.end :]) is telling


_ANCHORS = "since until till before after following by from prior to|as of|ahead of"
_ENDINGS = [
    f"{lead}{anchor}{modifier}{gap}"
    for lead in ("", "x ", "The troops ")
    for anchor in [*_ANCHORS.replace("|", " ").split()[:8], "prior to", "as of", "ahead of",
                   "Prior  to", "AS OF"]
    for modifier in ("", " the", " late", " Early", " mid")
    for gap in ("", " ", "\n", "  \t")
] + [f"{lead}{word}{gap}" for lead in ("", "in ")
     for word in ("the", "a", "an", "this", "that", "its", "their", "The", "ITS")
     for gap in (" ", "\n ")]  # fmt: skip
_WINDOW_WORDS = ["since", "Until", "PRIOR", "to", "as", "of", "ahead", "the", "an", "its", "mid",
                 "x", "ſince", "İts"]  # fmt: skip
WINDOW = st.lists(
    st.tuples(st.sampled_from(_WINDOW_WORDS), st.sampled_from([" ", "  ", "\n", ",", ""])),
    max_size=6,
).map(lambda parts: "".join(word + gap for word, gap in parts))


def _quick_test_holds(text: str) -> bool:
    """The quick test passes wherever a pattern would find an anchor or a modifier."""
    pairs = ((_ANCHOR_BEFORE, ANCHOR_LAST_WORDS), (_MODIFIER_BEFORE, MODIFIER_LAST_WORDS))
    return all(pattern.search(text, 0, len(text)) is None or may_end_with(text, 0, len(text), words)
               for pattern, words in pairs)  # fmt: skip


def test_the_quick_test_passes_for_every_anchor_and_modifier() -> None:
    assert all(_ANCHOR_BEFORE.search(text) or _MODIFIER_BEFORE.search(text) for text in _ENDINGS)
    assert [text for text in _ENDINGS if not _quick_test_holds(text)] == []


@FUZZ
@given(WINDOW)
def test_the_quick_test_passes_wherever_a_pattern_ends_the_window(text: str) -> None:
    assert _quick_test_holds(text)
