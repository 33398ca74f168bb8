"""Plain text and sentences of an article, with offsets into the file exactly as read.

Markdown markup is masked with spaces rather than removed, so the plain text has the same
length as the file and every offset found in it points at the same character of the file.
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
    return _EMPHASIS.sub(lambda m: _blank(m.group(0)), masked)


def split_paragraphs(plain: str, body_start: int) -> list[Span]:
    """The non-empty blocks of the masked body, separated by blank lines."""
    spans = []
    position = body_start
    for block in _BLOCK_BREAK.split(plain[body_start:]):
        start = plain.index(block, position) if block else position
        position = start + len(block)
        stripped = block.strip()
        if stripped:
            offset = start + len(block) - len(block.lstrip())
            spans.append(Span(offset, offset + len(stripped), stripped))
    return spans


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
    """Runs of white space (including masked markup) folded into one space."""
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
