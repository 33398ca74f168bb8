"""The tense of the clause around an expression: does it tell of the past or of the future?

Weekdays and year-less dates need it: "said on Monday" is the Monday before publication, "will
meet on Monday" the Monday after. The nearest tense marker of the sentence decides, with three
refinements that read the whole clause rather than the next word:

- A reporting verb ("officials said", "according to") dates the telling, not the event told:
  it counts only next to the expression ("said Monday", "said on Monday") or when the sentence
  has no other marker. "Hamas will free three hostages on Thursday, officials said" is future.
- After the expression, the clause ends at a subordinating word, a quotation mark, a bracket
  or an appositive: in "sent signals Sunday that Israel wants to withdraw", "wants to" tells
  nothing of Sunday, nor does "to be freed" in "freed women on Sunday, the first to be freed".
- The past of a future ("had been due to expire Friday") is past; a participle after an article
  ("a still unspecified date") is an adjective, not a past-tense verb.
"""

from __future__ import annotations

import re

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE = (
    r"(?:will|would)\s+(?:not\s+|still\s+|also\s+|now\s+|then\s+|[a-z]+ly\s+)?be\s+[a-z]+|"
    # A deadline ("postponed until Tuesday"), but not "not until", "up until", "Until then,".
    r"(?<!\bnot\s)(?<!\bup\s)(?-i:until)|"
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|plans?\s+to|(?<!\bas\s)planned|planning|"
    r"(?<!\bas\s)scheduled|"
    r"expected\s+to|(?:is|are|be)\s+expected|expects?|due|to\s+be|would|upcoming|is\s+to|"
    r"are\s+to|(?:next|coming)\s+(?:week|month|year|weekend|[a-z]+day)|"
    r"aims?\s+to|hopes?\s+to|intends?\s+to|set\s+to|wants?\s+to|later\s+this|must|should|"
    r"as\s+(?:soon|early)\s+as|payable|effective|tomorrow"
)
_PAST_OF_FUTURE = r"had\s+(?:been\s+)?(?:due|scheduled|expected|set|planned|supposed)"
_SPEECH = (
    r"said|says|say|told|tells|added|adds|announced|reported|stated|quoted|predicted|warned|"
    r"insisted"
)
_PAST = (
    r"was|were|had|did|been|ago|last|earlier|began|came|went|took|made|yesterday|"
    r"gave|held|met|left|fled|struck|hit|fell|rose|won|lost|saw|became|sent|brought|"
    r"killed|wounded|arrived|"
    # A participle after an article or "still" is an adjective ("a still unspecified date").
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bstill\s)(?<!\btheir\s)"
    r"(?-i:(?!un)[a-z]{2,}ed)"
)
_MARKER = re.compile(
    rf"(?i)\b(?:(?P<past_future>{_PAST_OF_FUTURE})|(?P<frame>according\s+to)|"
    rf"(?P<speech>{_SPEECH})\b(?=(?P<framing>\s*(?:[,.;:]|''|\"|$))?)|"
    rf"(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b"
)
# Where the clause of the expression ends, looking forward: a subordinate clause, a quotation.
_CLAUSE_END = re.compile(
    r"(?i)\b(?:that|which|who|whom|whose|because|although|though|while|whereas|but|when|"
    r"where|if|unless)\b|[;:()\"“”]|''|``"
)
# An appositive after a comma ("on Sunday, the first hostages to be freed") is not the verb,
# nor is a participle clause ("on Saturday, saying it would not proceed"); but after a date
# that opens the sentence the comma ends the date, and the main clause follows it ("On
# Tuesday, the league plans to...").
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their|his|her)\s|,\s+[a-z]+ing\b")
_OPENING = re.compile(r"(?i)\s*(?:(?:and|but|also|then|on|by|late|early|until|since|as\s+of)\s+)*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“'`(])|\n\s*\n")
# A condition whose consequence lies ahead: its dates lie ahead too, whatever its verb's tense.
_CONDITIONAL = re.compile(r"(?i)\b(?:if|unless)\b")
_CONSEQUENCE = re.compile(r"(?i),\s+\w+\s+(?:will|would|'ll)\b(?!\s+have\b)")
# A relative clause set off by commas ends at the next comma.
_RELATIVE_CLAUSE = re.compile(r"(?i),\s+(?:who|which|whose|where)\b[^,]*$")
# Where the clause of the expression begins, looking back: the end of a quotation.
_QUOTE_END = re.compile(r"''|[\"”]\s|[,.!?]\"")
_WINDOW = 160
_ADJACENT = re.compile(r"(?i)\s*(?:on\s+|late\s+|early\s+)?")
_REMOTE = 1000  # what a reporting verb away from the expression adds to its distance


def tense(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the span ``text[start:end]`` (see the module docstring)."""
    before = _sentence_before(text, start)
    after = _clause_after(text, end, opening=_OPENING.fullmatch(before) is not None)
    if _RELATIVE_CLAUSE.search(before):
        after = after.split(",", 1)[0]  # ", who is due to be sworn in on Monday, claimed..."
    if _CONDITIONAL.search(before) and _CONSEQUENCE.search(after):
        return FUTURE  # "if they were not returned by noon on Saturday, he would..."
    best: tuple[int, int] = (_REMOTE * 2, UNKNOWN)
    for match in _MARKER.finditer(before):
        best = min(best, _weigh(match, before[match.end() :]))
    for match in _MARKER.finditer(after):
        best = min(best, _weigh(match, after[: match.start()]))
    return best[1]


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - _WINDOW) : start]
    ends = list(_SENTENCE_END.finditer(window))
    window = window[ends[-1].end() :] if ends else window
    quotes = list(_QUOTE_END.finditer(window))
    return window[quotes[-1].end() :] if quotes else window


def _clause_after(text: str, end: int, *, opening: bool) -> str:
    window = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(window)
    window = window[: stop.start()] if stop else window
    clause = _CLAUSE_END.search(window)
    window = window[: clause.start()] if clause else window
    aside = None if opening else _APPOSITIVE.search(window)
    return window[: aside.start()] if aside else window


def _weigh(match: re.Match[str], gap: str) -> tuple[int, int]:
    """(distance, tense) of a marker separated from the expression by ``gap``."""
    distance = len(gap)
    if match.group("past_future"):
        return distance, PAST
    if match.group("frame") or (match.group("speech") and match.group("framing") is not None):
        # "..., officials said." frames what is told; it dates the telling, next to it only.
        adjacent = _ADJACENT.fullmatch(gap) is not None
        return (distance if adjacent else distance + _REMOTE), PAST
    if match.group("speech"):
        return distance, PAST
    return distance, FUTURE if match.group("future") else PAST
