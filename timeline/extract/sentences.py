"""Plain text and sentences of an article, with offsets into the file exactly as read.

Markdown markup is masked with spaces rather than removed, so the plain text has the same
length as the file and every offset found in it points at the same character of the file.
A backslash that escapes a mark of punctuation ("9\\/11", "\\*") is masked with
:data:`ESCAPE_MARK` instead, which :func:`normalize_space` removes: a space there would cut
the word in two ("9 /11").
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from dataclasses import dataclass

# Every pattern below is linear in the text: a scan that fails stops where another attempt
# would begin (a link's label at the next bracket, a tag at the next "<"), and runs of
# punctuation or underscores are tried from their first character only. Otherwise a long
# paragraph of odd characters ("[[[[...", "<a <a <a...", "....") takes quadratic time.
_LINK = re.compile(r"(!\[|\[)([^\[\]\n]*)\]\(([^)\[\]\n]*)\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
# The quotation marks and list markers that open a line (its indentation with them): a line
# that opens with neither is left alone, its spaces are blank already.
_LINE_MARKERS = re.compile(
    r"^ {0,3}(?:(?:>[ \t]?)+(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)",
    re.M,
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t][^\n]*$", re.M)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
# Each alternative of the emphasis pattern starts at one of its three characters, which the
# regex engine then skips to (an alternative opening with a look-behind is tried at every
# character); the look-behinds look back past the character taken: "_" not after a letter,
# or a run of "_" that no letter follows.
_EMPHASIS = re.compile(r"[*`_](?:(?<=\*)\**|(?<=`)`*|(?<=_)(?<!\w_)_*|(?<=_)(?<!__)_*+(?!\w))")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A paragraph that ends in an abbreviation in brackets ("(D-Mass.)", "(R-Tex.)"): a name's
# party and state, after which a sentence goes on.
_BRACKETED_ABBREVIATION = re.compile(r"\([^()\s]{1,12}\.\)\Z")
# A backslash before a mark of ASCII punctuation is an escape, as CommonMark reads it; a
# backslash before anything else is a backslash.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BACKTICKS = re.compile(r"`+")
_CODE_BLOCK = re.compile(r"(?:^|\n[ \t]*\n)((?: {4}|\t)[^\n]*(?:\n(?:(?: {4}|\t)[^\n]*|[ \t]*))*)")
ESCAPE_MARK = "\x7f"
"""Stands in the plain text for an escaping backslash: no space (it does not end a word),
no letter, and a control character that prose never holds."""
# A run of sentence-final marks, tried from its first mark only (the look-behind looks past
# the mark taken, so that the pattern begins with a character the regex engine skips to).
_BOUNDARY = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'”’)\]]*+(?=\s++[\"'“‘(\[]*+[A-Z0-9])")
_QUOTE = re.compile(r"[“”\"]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?])(?=\s|$)")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen rep gov pres st mt ft jr sr no nos
    vol p pp fig inc co corp ltd bros vs etc al approx est dept univ jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun a.m p.m u.s u.k u.n e.u
    u.a.e d.c""".split()
)
_WORD_CHARACTERS = string.ascii_letters + "."
_LONGEST_WORD = 40
"""Abbreviations and initials are short: a longer word before a period is none."""


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text and where it lies in the file."""

    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=8)
def mask_markup(text: str, body_start: int) -> str:
    """``text`` with the front matter and Markdown markup replaced by spaces (same length).

    Kept for the last few articles: their events and their doubts both read it."""
    masked = _blank(text[:body_start]) + text[body_start:]
    # (Each line-anchored pattern is tried at every character: not where it cannot match.)
    if "#" in masked:
        masked = _HEADING.sub(lambda m: _blank(m.group(0)), masked)
    if "]:" in masked:
        masked = _REFERENCE_DEFINITION.sub(lambda m: _blank(m.group(0)), masked)
    masked = _LINK.sub(_mask_link, masked)
    masked = _TAG.sub(lambda m: _blank(m.group(0)), masked)
    masked = _LINE_MARKERS.sub(lambda m: _blank(m.group(0)), masked)
    masked = _EMPHASIS.sub(lambda m: _blank(m.group(0)), masked)
    return _unescaped(text, masked, body_start) if "\\" in text else masked


def split_paragraphs(plain: str, body_start: int) -> list[Span]:
    """The non-empty blocks of the masked body, separated by blank lines; a block that goes
    on with the sentence of the block before (:func:`_goes_on`) is one paragraph with it."""
    spans: list[Span] = []
    position = body_start
    for block in _BLOCK_BREAK.split(plain[body_start:]):
        start = plain.index(block, position) if block else position
        position = start + len(block)
        stripped = block.strip()
        if stripped:
            offset = start + len(block) - len(block.lstrip())
            end = offset + len(stripped)
            opening = stripped[0]
            if spans and (opening == "," or opening.islower()) and _goes_on(spans[-1], stripped):
                offset = spans.pop().start
                stripped = plain[offset:end]
            spans.append(Span(offset, end, stripped))
    return spans


def _goes_on(paragraph: Span, block: str) -> bool:
    """Whether ``block`` is the rest of the last sentence of ``paragraph``, cut off by a
    line break: it opens with a comma (", the committee's chairman, said ..."),
    which no sentence does; or in lower case after an abbreviation, a title ("Sen.") or a
    name's party and state in brackets ("Rep. Jo Roe (D-Mass.)" and then "said ...").
    A block in lower case after a sentence's end is one of its own: readers' comments are
    often written so."""
    if block[0] == ",":
        return True
    before = paragraph.text
    if not block[0].islower() or not before.endswith((".", ".)")):
        return False
    if before.endswith(")"):
        return _BRACKETED_ABBREVIATION.search(before) is not None
    return _is_abbreviation(before, len(before) - 1)


def split_sentences(paragraph: Span) -> list[Span]:
    """The sentences of a paragraph, with offsets into the file."""
    sentences = []
    begin = 0
    text = paragraph.text
    quotes = _closed_quotations(text)
    opening = [start for start, _ in quotes]
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text, match.start()):
            continue
        if _quoted(match.end(), quotes, opening):
            continue  # a quotation of several sentences stays with its attribution
        sentences.append(_span(paragraph, begin, match.end()))
        begin = match.end()
    sentences.append(_span(paragraph, begin, len(text)))
    return [s for s in sentences if s.text]


def normalize_space(text: str) -> str:
    """Runs of white space (including masked markup) folded into one space, and the masked
    backslashes of escapes removed."""
    if ESCAPE_MARK in text:
        text = text.replace(ESCAPE_MARK, "")
    # A function, not the template r"\1", which the re module reads again on every call.
    return _SPACE_BEFORE_PUNCTUATION.sub(_group_one, " ".join(text.split()))


def _group_one(match: re.Match[str]) -> str:
    return match.group(1)


def _span(paragraph: Span, begin: int, end: int) -> Span:
    piece = paragraph.text[begin:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    start = paragraph.start + begin + lead
    return Span(start, start + len(stripped), stripped)


def _closed_quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations that open and close within the paragraph.

    News style leaves a quotation open at the end of a paragraph when it goes on in the next
    one; such an unclosed quotation does not hold the rest of the paragraph together.
    """
    spans = []
    opened: int | None = None
    for match in _QUOTE.finditer(text):
        mark = match.group(0)
        if opened is None and mark in '“"':
            opened = match.start()
        elif opened is not None and mark in '”"':
            spans.append((opened, match.end()))
            opened = None
    return spans


def _quoted(position: int, quotes: list[tuple[int, int]], opening: list[int]) -> bool:
    """Whether ``position`` lies inside one of the (sorted, disjoint) ``quotes``, whose
    opening offsets are ``opening``."""
    last = bisect.bisect_left(opening, position) - 1
    return last >= 0 and position < quotes[last][1]


def _is_abbreviation(text: str, period: int) -> bool:
    window = text[max(0, period - _LONGEST_WORD - 1) : period]
    if window.endswith("\n"):
        window = window[:-1]  # the word before a line break, as the pattern of "$" took it
    word = window[len(window.rstrip(_WORD_CHARACTERS)) :]  # the letters and periods before
    if not word or len(word) > _LONGEST_WORD:
        return False
    token = word.lower().strip(".")
    if len(token) == 1 and token.isalpha():
        return True  # an initial, as in "Donald J. Trump"
    return token in _ABBREVIATIONS


def _unescaped(text: str, masked: str, body_start: int) -> str:
    """``masked`` with each escape of the body outside code read as the mark it escapes:
    the backslash masked with :data:`ESCAPE_MARK`, the mark itself shown even where it
    would be markup ("\\*" is a star, not emphasis). An escape inside markup that is
    masked already (a link's address) stays masked."""
    found = [m for m in _ESCAPE.finditer(text, body_start) if masked[m.start()] == "\\"]
    if not found:
        return masked
    code = _code_spans(text, body_start)
    starts = [start for start, _ in code]
    pieces, position = [], 0
    for match in found:
        backslash = match.start()
        last = bisect.bisect_right(starts, backslash) - 1
        if last >= 0 and backslash < code[last][1]:
            continue  # code shows its backslashes
        pieces += [masked[position:backslash], ESCAPE_MARK, match.group(1)]
        position = backslash + 2
    pieces.append(masked[position:])
    return "".join(pieces)


def _code_spans(text: str, body_start: int) -> list[tuple[int, int]]:
    """The (sorted, disjoint) spans of the body that Markdown shows as code: blocks indented
    by four spaces or a tab after a blank line, and spans between two equal runs of
    backticks within a paragraph (a run with no equal run after it is no code)."""
    spans = []
    if "\n    " in text or "\n\t" in text:  # (a fast look before the slower pattern)
        spans += [match.span(1) for match in _CODE_BLOCK.finditer(text, body_start)]
    if "`" in text:
        spans += _backtick_spans(text, body_start)
    return sorted(spans)


def _backtick_spans(text: str, body_start: int) -> list[tuple[int, int]]:
    """Spans between an opening run of backticks and the next run of the same length in
    the same paragraph; linear: each run's next equal run is found once, from the end."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, body_start)]
    breaks: list[int] | None = None  # the paragraph breaks, found once if ever needed
    following: dict[int, int] = {}
    next_equal = [-1] * len(runs)
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_equal[index] = following.get(length, -1)
        following[length] = index
    spans = []
    index = 0
    while index < len(runs):
        closing = next_equal[index]
        start, end = runs[index][0], runs[closing][1] if closing >= 0 else 0
        if closing >= 0:
            if breaks is None:
                breaks = [m.start() for m in _BLOCK_BREAK.finditer(text, body_start)]
            if bisect.bisect_left(breaks, start) != bisect.bisect_left(breaks, end):
                closing = -1  # the next equal run is in another paragraph: no code
        if closing >= 0:
            spans.append((start, end))
            index = closing + 1
        else:
            index += 1
    return spans


def _mask_link(match: re.Match[str]) -> str:
    opening, label, target = match.groups()
    if opening == "![":
        return _blank(match.group(0))
    return " " + label + _blank("](" + target + ")")


def _blank(text: str) -> str:
    """A space for every character of ``text`` but line breaks."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))
