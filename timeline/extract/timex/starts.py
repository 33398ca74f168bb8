"""Where an expression can begin, and which kinds of expression to try there.

A pass over a text is cheap because most of it is never tried: one compiled pattern (a trie
of the words expressions begin with, each with the few words that must follow it, and the
numbers that are no parts of amounts like "1,200" or "$5.2") finds the candidate words in C,
and at each candidate the engine tries only the kinds of expression that can begin with
that word (``scanner_for``), in the order of the whole scanner. ``FIRST_WORDS`` says which
words begin which kind; ``tests/extract/test_timex_starts.py`` checks that the dispatch finds
what the whole scanner would.
"""

from __future__ import annotations

import functools
import re
import string

from timeline.extract.timex.lexicon import (
    CENTURY_WORDS,
    HEDGES,
    MONTHS,
    NUMBERS,
    SEASONS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from timeline.extract.timex.scanner import EXTRA, KIND_PATTERNS, UNIT

DIGITS = "#"
"""The first word of an expression that begins with a number in digits."""

_NUMBER_WORDS = (
    {w.split()[0] for w in NUMBERS}
    | {w.split()[0] for w in VAGUE_NUMBERS}
    | set("twenty thirty forty fifty sixty seventy eighty ninety".split())
)
_HEDGE_WORDS = {w.split()[0] for w in HEDGES}
_EARLY = {"early", "late", "earlier", "later", "mid"}
_WEEKDAYS = set(WEEKDAYS)
_MONTHS = set(MONTHS)


def _words(text: str) -> set[str]:
    return set(text.split())


FIRST_WORDS: dict[str, frozenset[str]] = {
    kind: frozenset(words)
    for kind, words in {
        "iso": {DIGITS},
        "slash": {DIGITS},
        "week_of": {"the"},
        "month_day": _WEEKDAYS | _MONTHS,
        "day_month": _WEEKDAYS | {DIGITS},
        "position": {"early", "mid", "late", "the"},
        "month_year": _MONTHS,
        "season": _EARLY | set(SEASONS) | _words("the this last next that"),
        "quarter": {DIGITS}
        | _words(
            "the this last next its their year fiscal first second third fourth latest "
            "previous current same comparable corresponding that"
        ),
        "decade": {"the", DIGITS} | _EARLY,
        "century": {"the", DIGITS}
        | _words("this last next")
        | {w.split("-")[0] for w in CENTURY_WORDS},
        "era": {"the", "ad", DIGITS} | _EARLY,
        "ago": {DIGITS} | _HEDGE_WORDS | _NUMBER_WORDS,
        "deictic": _EARLY | _words("the day today yesterday tomorrow tonight this last overnight"),
        "anaphor": _words("the earlier later that"),
        "spelled_year": _words("the eighteen nineteen twenty two"),
        "the_year": _words("the year"),
        "day_of_month": {"the"},
        "relative": _EARLY | _words("this last next coming the"),
        "clock": {DIGITS} | _words("noon midnight midday"),
        "weekday": _WEEKDAYS | _words("early late"),
        "duration": {DIGITS}
        | _HEDGE_WORDS
        | _NUMBER_WORDS
        | _words(
            "the past last next coming first final previous following recent hour day week "
            "month year decade years months weeks decades centuries days hours"
        ),
        "set": {f"{day}s" for day in WEEKDAYS}
        | _words("every each daily weekly monthly annually yearly hourly nightly"),
        "generic": _words(
            "then current now currently nowadays at presently recently lately formerly the these"
        ),
        "holiday": _words("christmas new thanksgiving easter halloween independence election"),
        "month": _MONTHS,
        "year_range": {DIGITS},
        "year": {DIGITS} | _words("fiscal post pre"),
    }.items()
}
assert set(FIRST_WORDS) == set(KIND_PATTERNS), "every kind needs the words it begins with"


def _trie(suffixes: dict[str, str]) -> str:
    """A pattern that matches any of the words, each followed by its suffix pattern, built as
    a trie so that the regex engine compares a word with one branch, not with all."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for form, suffix in suffixes.items():
        node = root
        for letter in form:
            node = node.setdefault(letter, {})
        node[""] = {suffix: {}}
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [
        re.escape(letter) + _branches(child) for letter, child in sorted(node.items()) if letter
    ]
    if "" in node:
        branches.append(next(iter(node[""])))  # the word ends here: its suffix
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _one_of(words: str) -> str:
    """A pattern that matches any of the space-separated ``words``, written as a trie: in a
    gate, which ignores case, the regex engine enters every alternative to compare its
    first letter, so a hundred words cost a hundred tries, and their twenty first letters
    twenty."""
    return _trie(dict.fromkeys(words.split(), ""))


# The commonest first words begin an expression only before a few words ("the first quarter",
# "that day", "a year ago"): the candidate pattern checks the next word, so the kinds are not
# even tried elsewhere.
_AFTER_THE = (
    "past last next coming first second third fourth final previous following preceding prior "
    "same latest current this fiscal full day week weekend month year decade century quarter "
    "period summer winter spring autumn fall early mid late earlier later beginning start middle "
    "end close near distant future twenty twenties thirties fifth sixth seventh eighth ninth tenth "
    "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth morning afternoon evening comparable corresponding forties fifties "
    "sixties seventies eighties nineties recent year-ago year-earlier days weeks months years"
)
_AFTER_THAT = (
    "day morning afternoon evening night week weekend month year same summer winter spring "
    "autumn fall quarter"
)
_A_NEXT = rf"\s+(?:(?:{EXTRA})\s+)?(?:{UNIT}|few|couple|number|hundred)"
_NUMBER_START = rf"(?:\d|{_one_of(' '.join(sorted(_NUMBER_WORDS)))}(?![A-Za-z]))"
_HEDGED = rf"\s+(?:(?:than|to|over|more\s+than)\s+)?{_NUMBER_START}"
_VAGUE_NEXT = rf"\s+(?:(?:more|other|of|{EXTRA})\s+)*(?:{UNIT}|\d)"
_ITS = r"\s+(?:\d{4}\s+)?(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\s]"
_ORDINAL_NEXT = r"[-\s]+(?:quarter|half|century)\b"
_PERIOD_WORDS = " ".join(
    [*"week weekend month year quarter century morning afternoon evening night".split(),
     *"spring summer autumn fall winter".split(), *WEEKDAYS, *sorted(_MONTHS)]
)  # fmt: skip
_THIS_NEXT = rf"\s+(?:past\s+)?{_one_of(_PERIOD_WORDS)}(?![A-Za-z])"
_EACH_NEXT = rf"\s+(?:other\s+)?{_one_of('hour day ' + _PERIOD_WORDS)}(?![A-Za-z])"
_EARLIER_NEXT = r"[-\s]+(?:this|that|last|next|today|yesterday|tomorrow|tonight)\b"
GATES: dict[str, str] = {
    "the": rf"\s+(?:{_one_of(_AFTER_THE)}(?![A-Za-z])|['\d])",
    "that": rf"\s+{_one_of(_AFTER_THAT)}(?![A-Za-z])",
    # a singular unit only in a few compounds: "a week-long strike", "year-end", "the
    # year-ago quarter", "the day before yesterday"
    "hour": "-long", "week": "-long", "month": "-long", "decade": "-long",
    "day": r"-long|\s+(?:before|after)\s", "year": r"-long|[-\s](?:end|ago|earlier)|'s\s+end",
    # "a" and "an" begin an amount ("a year ago", "a few days", "a full week"); "at" only
    # "at least" and "at present"
    "a": _A_NEXT, "an": _A_NEXT, "at": r"\s+(?:least|present)\b",
    "then": r"[-\s]current\b", "post": r"-\d", "pre": r"-\d", "ad": r"\s+\d",
    # "its third quarter", "New Year's", "these days"
    "its": _ITS, "their": _ITS, "new": r"\s+Year's", "these": r"\s+days\b",
    "first": _ORDINAL_NEXT, "second": _ORDINAL_NEXT, "third": _ORDINAL_NEXT,
    "fourth": _ORDINAL_NEXT, "this": _THIS_NEXT, "each": _EACH_NEXT, "every": _EACH_NEXT,
    "earlier": _EARLIER_NEXT, "later": _EARLIER_NEXT,
    # hedges before an amount: "about two weeks", "more than a year", "up to 10 days"
    **{hedge: _HEDGED for hedge in _HEDGE_WORDS - _NUMBER_WORDS - {"at"}},
    # vague amounts before a unit: "many years", "several weeks", "some 20 days"
    **{vague: _VAGUE_NEXT for vague in ("many", "several", "few", "dozens")},
    "some": f"{_HEDGED}|{_VAGUE_NEXT}",  # "some three months", "some days"
}  # fmt: skip
# Month and weekday names and holidays begin an expression only capitalized (or in capitals):
# "may" and "march" are verbs.
_CAPITALIZED_ONLY = (
    _MONTHS
    | _WEEKDAYS
    | {f"{day}s" for day in WEEKDAYS}
    | _words("christmas thanksgiving easter halloween independence election")
)
STARTERS = frozenset(
    form
    for words in FIRST_WORDS.values()
    for word in words - {DIGITS}
    for form in (word, word.capitalize(), word.upper())
    if word not in _CAPITALIZED_ONLY or form != word
)


# The regex engine tries the candidate pattern at every character, so a word's start is
# tested cheapest first: an ASCII word boundary (no look-up in Unicode's tables), then one
# class of the words' first letters (not each first letter in turn), then that no letter or
# digit of another script comes before ("CaféMonday" holds no word "Monday"). Together they
# are ``\b`` before a word of ASCII letters.
WORD_START = rf"(?a:\b)(?=[{''.join(sorted({form[0] for form in STARTERS}))}])(?<![^\W\x00-\x7f])"


def candidate_source(word_start: str = WORD_START) -> str:
    """The source of ``candidates``, with ``word_start`` before its words: the trie of the
    starters, each with its gate, or a number that is no part of an amount."""
    suffixes = {
        form: rf"(?=(?i:{GATES[form.lower()]}))" if form.lower() in GATES else "(?![A-Za-z])"
        for form in STARTERS
    }
    # A number that is part of an amount ("1,200", "$5.2", "40%") begins no expression. It
    # begins with a character class, which the regex engine tests quickly.
    number = r"\d(?<![\d$£€.,]\d)\d*(?![\d%]|,\d)"
    return rf"{word_start}{_trie(suffixes)}|{number}"


@functools.cache
def candidates() -> re.Pattern[str]:
    """Candidate words (each with its gate) and numbers: a match that begins with an ASCII
    letter is a word (see ``scanner_of``), else a number. Compiled when first read, not at
    import: a build with nothing to extract never pays it. (No named groups: marking them at
    every character costs the scan of a text an eighth of its time.)"""
    return re.compile(candidate_source())


_LETTERS = frozenset(string.ascii_letters)


@functools.lru_cache(maxsize=1024)
def scanner_of(candidate: str) -> re.Pattern[str] | None:
    """The scanner for a match of ``candidates``: that of its word lower-cased, or of
    ``DIGITS`` for a number (words are of ASCII letters, numbers of digits). A lookup of the
    candidate as written: the same few words come again and again."""
    return scanner_for(candidate.lower() if candidate[0] in _LETTERS else DIGITS)


@functools.cache
def scanner_for(first: str) -> re.Pattern[str] | None:
    """The scanner of the kinds that can begin with ``first`` (a lower-cased word, or
    ``DIGITS``), in the order of the whole scanner; None when no kind can."""
    kinds = [kind for kind in KIND_PATTERNS if first in FIRST_WORDS[kind]]
    return _compiled(tuple(kinds)) if kinds else None


@functools.cache
def _compiled(kinds: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(f"(?P<{kind}>{KIND_PATTERNS[kind]})" for kind in kinds) + ")"
    )
