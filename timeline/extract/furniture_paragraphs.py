"""Paragraphs that are page furniture as a whole, by their shape or their neighbours: link
lists and runs of title-like lines, truncated teasers of other stories, a clip's blurb before a
media player's notice, a lone dated caption. ``furniture.py`` looks inside the other paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from timeline.extract.datewords import AGENCY, DAY, FULL_DATE, MONTH, WEEKDAY
from timeline.extract.sentences import Span

# The most words of a line that reads as a title or a short label, not prose.
SHORT_LINE_WORDS = 12

_TRUNCATED = re.compile(r"\w\s?(?:\.\s?\.\s?\.|…)(?:\s|$)")
_AGENCY_ANYWHERE = re.compile(AGENCY)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")

_MEDIA_NOTICE = re.compile(
    r"(?i)\s*(?:to play this (?:content|video|clip)|media playback is (?:not supported|"
    r"unsupported)|your (?:browser|device) does not support|this (?:video|content) (?:can ?not|"
    r"is not available))"
)
_BLURB_WORDS = 60
_DATED_CAPTION = re.compile(rf"\s*{FULL_DATE}\s*:\s+[\"“‘']?[A-Z]")
_DATE_OPENING = re.compile(
    rf"\s*(?:[-–—•*]\s*)?(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}\b|{DAY}\s+{MONTH}|\d{{4}}\b)"
)
_LINE_ENDS = frozenset(".!?:;\"'”’)")
"""The marks a line of prose ends with (before trailing spaces)."""
_LIST_LINES = 3
_LINKED_SHARE = 0.6


def whole_paragraphs(text: str, paragraphs: Sequence[Span]) -> set[int]:
    """The starts of the paragraphs that are furniture as a whole.

    ``text`` is the file as read (for the Markdown links of link lists); ``paragraphs`` are
    the paragraphs of its masked text, in order.
    """
    found = _title_line_runs(paragraphs) | _media_blurbs(paragraphs)
    found |= _lone_dated_caption(paragraphs)
    found.update(p.start for p in paragraphs if _is_link_list(text, p) or _teasers(p.text))
    return found


def _teasers(paragraph: str) -> bool:
    """Truncated teasers of other stories ("... spewing ma ... Photos of fish with sores
    may ..."): three cut-offs, or two with an agency's dateline."""
    if "..." not in paragraph and ". . ." not in paragraph and "…" not in paragraph:
        return False
    cuts = len(_TRUNCATED.findall(paragraph))
    return cuts >= 3 or (cuts == 2 and _AGENCY_ANYWHERE.search(paragraph) is not None)


def _is_link_list(text: str, paragraph: Span) -> bool:
    """Mostly Markdown links, or a block of several short title-like lines."""
    if "\n" not in paragraph.text and "](" not in text[paragraph.start : paragraph.end + 1]:
        return False  # one line with no link: prose
    first = text.rfind("\n", 0, paragraph.start) + 1  # the line's markup opens before it
    raw = text[first : paragraph.end + 1]
    labels = sum(len(m.group(1).strip()) for m in _LINK.finditer(raw))
    if labels and labels >= _LINKED_SHARE * len("".join(paragraph.text.split())):
        return True
    lines = [line for line in paragraph.text.splitlines() if line.strip()]
    return len(lines) >= _LIST_LINES and all(_title_like(line) for line in lines)


def _title_line_runs(paragraphs: Sequence[Span]) -> set[int]:
    """Starts of paragraphs in runs of at least three one-line, title-like paragraphs."""
    found: set[int] = set()
    run: list[int] = []
    for paragraph in [*paragraphs, None]:
        if paragraph is not None and "\n" not in paragraph.text and _title_like(paragraph.text):
            run.append(paragraph.start)
            continue
        if len(run) >= _LIST_LINES:
            found.update(run)
        run = []
    return found


def _media_blurbs(paragraphs: Sequence[Span]) -> set[int]:
    """Starts of paragraphs that introduce a video or a sound clip: the paragraph just before
    a media player's notice, after the article's first ("Dixie Bickel gives World Today an
    account of what happened." then "To play this content JavaScript must be turned on").
    Its date is the clip's."""
    return {
        before.start
        for before, after in itertools.pairwise(paragraphs[1:])  # never the article's lead
        if _MEDIA_NOTICE.match(after.text) and len(before.text.split()) <= _BLURB_WORDS
    }


def _lone_dated_caption(paragraphs: Sequence[Span]) -> set[int]:
    """The start of a photograph's caption in agency style, a full date and a colon ("April
    29, 2010: Workers in Orange Beach lay inflatable booms"), when it is the only paragraph
    of its article that opens with a date: a chronology's lines, written the same way, come
    in a run ("April 20, 2010 - Explosion and fire on the rig", "April 22 - The rig sinks")."""
    captions = [p.start for p in paragraphs if _DATED_CAPTION.match(p.text)]
    if len(captions) != 1:
        return set()
    dated = sum(1 for p in paragraphs if _DATE_OPENING.match(p.text))
    return set(captions) if dated == 1 else set()


def _title_like(line: str) -> bool:
    """A line of a few words that ends with no mark of prose (its end read first: most
    lines are prose, and a long one is not split into all its words)."""
    end = line.rstrip()[-1:]
    if not end or end in _LINE_ENDS:
        return False
    return len(line.split(maxsplit=SHORT_LINE_WORDS)) <= SHORT_LINE_WORDS
