"""Narrative time: a passage that tells a story of its own time dates its year-less dates in it.

An encyclopedia's war history establishes a year ("In 1812, ...", "The war began on 25 June
1950") and goes on with "In September", "December 14", "the following spring": those are in
the story's time, not in the publication's. News mentions years too, as background ("the
1967 war", "since 2014"), and those must not carry "in March" or "on Monday" of the current
story away. The evidence, read here:

- A date **establishes** a story when it writes its year, lies more than a year before
  publication and is the sentence's own date: not a modifier of a noun ("the 1967 war", "a
  2009 analysis"), an anchor ("since 2014", "until 1973") nor in a relative clause between
  commas ("Poland, which was invited in July 1997, will join on March 12"); a bare year
  must also open its clause ("In 1812,", "By 1969 more than ..."), a month or a day may
  stand anywhere ("took office in January 1969").
- A story holds in past clauses only: "will join on March 12" is read from publication.
- The story **moves on** with every later date of its own (a year-less "24 June" resolved in
  it becomes the story's day), not with background dates.
- The **present resumes** with an expression counted from publication ("on Monday",
  "yesterday", "last week", "two days ago"), or with a year written near publication. After
  such an expression the text is news, and a story it tells holds for its paragraph only.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.model import Basis, DateValue, Precision, TimeExpression

_FAR_DAYS = 365
"""How long before publication a story's date lies: a year, so that news of last month is
read from publication as ever."""
_ANCHOR_BEFORE = re.compile(
    r"(?i)\b(?:since|until|till|before|prior\s+to|ahead\s+of|as\s+of|following)\s+"
    r"(?:(?:the|late|early|mid)\s+)?$"
)
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|this|that)\s+$")
_NEXT_WORD = re.compile(r"[-\s]+([a-z][a-z-]*)")
_COMMA_NOUN = re.compile(r",\s+(?!(?:and|or|when|while|as|after|before)\b)[a-z][a-z-]*\b")
_FUNCTION_WORDS = frozenset(
    "the a an and or but nor so yet to into onto on in at of as by from for with without "
    "after before while until till when whence where which who whom whose that this these "
    "those it its they them their he him his she her we our you your i me my there then "
    "was were is are be been being had has have did does do more most some many much all "
    "both each every few several no not only also still again more than".split()
)
# A clause in commas that begins with a relative word: "Poland, which was invited to join
# in July 1997, will join on March 12".
_RELATIVE_CLAUSE = re.compile(r"(?i),\s+(?:who|which|whose|where|when)\b[^,;.]*$")
_SENTENCE_LOOK_BACK = 160
_CLAUSE_OPENING = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+(?:and|but|then)\s+|\n)\s*(?:(?:and|but|then|so)\s+)?"
    r"(?:(?i:in|on|by|during|early\s+in|late\s+in|from|after|at\s+the\s+end\s+of)\s+)?$"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_NOT_SPACE = re.compile(r"\S")
_LOOK_BACK = 40


def is_background(text: str, expression: TimeExpression) -> bool:
    """A date the sentence mentions rather than tells of: an anchor ("since 2014"), a date in
    a relative clause between commas, or a modifier of a noun ("the 1967 war", "a 2009
    analysis", "the 1929 stock market crash", "the Dec. 21, 1988, bombing")."""
    before = text[max(0, expression.start - _LOOK_BACK) : expression.start]
    if _ANCHOR_BEFORE.search(before):
        return True
    low = max(0, expression.start - _SENTENCE_LOOK_BACK)
    if _RELATIVE_CLAUSE.search(text, low, expression.start):
        return True
    determiner = _DETERMINER_BEFORE.search(before) is not None
    if determiner and _COMMA_NOUN.match(text, expression.end, expression.end + _LOOK_BACK):
        return True
    noun = _NEXT_WORD.match(text, expression.end, expression.end + _LOOK_BACK)
    if noun is None or noun.group(1) in _FUNCTION_WORDS:
        return False
    date = expression.date
    bare_year = date is not None and date.precision is Precision.YEAR
    return (bare_year and expression.text[-1:].isdigit()) or determiner


def establishes(text: str, expression: TimeExpression, published: dt.date) -> bool:
    """Whether ``expression`` (not background) sets a story's time: it writes its year, lies
    more than a year before publication, and a bare year opens its clause or follows a
    preposition."""
    date = expression.date
    if date is None or expression.basis is not Basis.EXPLICIT or not is_far(date, published):
        return False
    if date.precision.rank > Precision.YEAR.rank:
        return False  # a decade or a century names no year to date by
    if date.precision.rank < Precision.YEAR.rank:
        return True  # a month, a season, a day with its year
    before = text[max(0, expression.start - _LOOK_BACK) : expression.start]
    return _CLAUSE_OPENING.search(before) is not None


def is_far(date: DateValue, published: dt.date) -> bool:
    """Whether a date ends more than a year before publication."""
    return (published - date.end).days >= _FAR_DAYS


def paragraph_end(text: str, position: int) -> int:
    """The offset where the paragraph holding ``position`` ends."""
    found = _PARAGRAPH.search(text, position)
    return found.start() if found else len(text)


def opening_end(text: str) -> int:
    """Where the first paragraph of ``text`` ends (a masked article begins with blank lines)."""
    first = _NOT_SPACE.search(text)
    return paragraph_end(text, first.start()) if first else len(text)
