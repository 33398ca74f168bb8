"""Page furniture: the parts of an article's text that are not the report itself.

Datelines and bylines at a paragraph's start ("TEL AVIV —", "WASHINGTON, April 21 (Reuters) -",
"By Jane Doe", "Posted on April 4 2017 by …", "Last updated …", "Thursday 29 April 2010 09.28
BST"), photo captions and credits (and a lone dated caption line, "April 29, 2010: Workers lay
booms", where a chronology's lines come in a run), a clip's blurb before a media player's
notice, editors' notes, copyright footers, "Tags:", "Read more", "Related", "Share
this", "Click here" lines, reporting credits, print-edition notes, readers' comment headers,
fact boxes and link lists. A date inside furniture dates no event and is never the narrative
time that later expressions count from (``events.py`` hides furniture from the date engine).
Paragraphs that are furniture as a whole by their shape or their neighbours (link lists, runs of
title-like lines, teasers, a clip's blurb, a lone dated caption) are ``furniture_paragraphs.py``'s.

Everything here is cue lists and patterns over the masked text of one paragraph at a time:
nothing is learned and nothing costs more than a few regular-expression scans per paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from timeline.extract.datewords import AGENCY, CLOCK, DAY, FULL_DATE, MONTH, WEEKDAY, ZONE
from timeline.extract.furniture_paragraphs import SHORT_LINE_WORDS, whole_paragraphs
from timeline.extract.promotion import is_speech, promotion_end
from timeline.extract.sentences import Span

Bounds = tuple[int, int]

_SEPARATOR = r"\s*(?:[;,|/•·–—-]\s*)?"
# A date stamp: a full date with its weekday or its clock time, in either order.
_STAMP = (
    rf"(?:(?:{CLOCK}{_SEPARATOR}(?:on\s+)?)?(?:{WEEKDAY},?\s+)?{FULL_DATE}"
    rf"(?:{_SEPARATOR}(?:at\s+)?{CLOCK})?)"
)
# A stamp that is not a bare date: with its clock time or its weekday.
_TIMED_STAMP = (
    rf"(?:{CLOCK}{_SEPARATOR}(?:on\s+)?(?:{WEEKDAY},?\s+)?{FULL_DATE}"
    rf"(?:{_SEPARATOR}(?:at\s+)?{CLOCK})?"
    rf"|{WEEKDAY},?\s+{FULL_DATE}(?:{_SEPARATOR}(?:at\s+)?{CLOCK})?"
    rf"|{FULL_DATE}{_SEPARATOR}(?:at\s+)?{CLOCK})"
)
# What follows a chronology's date: what happened that day, a sentence of four words or
# more, not a stamp's next words ("Last updated", "Published", "By Jo Roe").
_TOLD_AFTER = (
    r"\s*[-–—:]?\s*(?!(?i:last|updated|published|posted|modified|page|first|by)\b)"
    r"[\"“‘']?[A-Z][\w'’-]*(?:\s+\S+){3}"
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|van|von|al|bin|el|la|le|du)"
_NAME = rf"[A-Z][\w'’.-]+(?:\s+{_NAME_WORD}){{0,3}}"
_DASH = r"(?:—|–|--|-|_|:)"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]{2,}(?:[ /\\][A-Z][A-Z.'’-]+)*"
_PLACE = r"[A-Z][\w.'’-]+(?:[ /\\][A-Z][\w.'’-]+)*"
_REGION = r"(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*\.?)*)"
_DATELINE_DATE = rf"(?:,?\s*(?:{MONTH}\s+{DAY}|{DAY}\s+{MONTH})(?:,?\s*\d{{4}})?)"
_NOT_A_NAME = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Then|Now|Noon|Midnight|Late|Early|Mid|The|"
    r"This|That|Last|Next|Dawn|Nightfall|Tonight|Tomorrow|Today|Yesterday|Christmas|Easter)\b"
)

# "Last updated: 14:05 GMT, 3 March 2024", "Page last updated at 08:14 GMT, Tuesday, 8
# November 2011 09:14 UK", "Published 12 May 2024 by Jo Roe".
_UPDATED_STAMP = (
    rf"(?i:(?:page\s+)?(?:last\s+)?(?:updated|published|posted|modified|first\s+published))"
    rf"(?:\s+(?:on|at))?:?\s+(?:(?:{WEEKDAY}|{MONTH}|\d{{1,4}}(?:st|nd|rd|th)?|[ap]\.?m\.?"
    rf"|{ZONE}|(?<=\d\s)UK\b|at|on|[:.,|/-])\s*)+(?:by\s+{_NAME})?"
)
# A web server's error printed in the page ("(an error occurred while processing this
# directive)").
_SERVER_ERROR = r"\(?(?i:an error occurred while processing this directive)\)?"
_STAMP_OPENING = re.compile(rf"{_UPDATED_STAMP}(?:\s*{_SERVER_ERROR})?")
_SENTENCE_AFTER = re.compile(r"\s*[\"“‘']?[A-Z][\w'’-]*(?:\s+\S+){3}")
# What may open a paragraph and is furniture; several may follow each other
# ("HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) - ...").
_PREFIXES = [
    re.compile(p)
    for p in (
        rf"{_PLACE}{_REGION}?\s*\|\s*(?={_STAMP})",  # "LONDON | ", "William Crawley | "
        # "Tuesday, September 16, 2008; 4:30 PM", "July 15, 2010 - 7:48 AM | by: Jo Serrie |"
        rf"{_TIMED_STAMP}(?:\s*\|?\s*by:?\s+{_NAME}\s*\|?)?(?=\s|$)",
        # "8 November 2011 Last updated at ...", "May 3, 2010 | by: Jo Serrie |", a date alone;
        # not a chronology's line ("28 June 2009 Police interview Dr Murray for three hours.",
        # "April 20, 2010 - Explosion and fire on the rig"), whose date is what it tells
        rf"{FULL_DATE}(?:\s*\|?\s*by:?\s+{_NAME}\s*\|?)?(?=\s|$)(?!{_TOLD_AFTER})",
        rf"{_CAPS_PLACE}{_REGION}?{_DATELINE_DATE}?\s*(?:{AGENCY}\s*)?{_DASH}+(?=\s)",
        rf"{_PLACE}{_REGION}?{_DATELINE_DATE}?\s*{AGENCY}\s*{_DASH}*(?=\s)",
        rf"{AGENCY}\s*{_DASH}*(?=\s)",
        rf"(?i:by):?\s+(?!{_NOT_A_NAME}){_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
        rf"(?=\s*(?:$|\||—|–|\n|,\s*{_STAMP}|(?i:published|updated|posted)\b))",
        _UPDATED_STAMP,
        _SERVER_ERROR,
        r"(?i:photo(?:graph)?s?|picture|pic|image|credit|illustration)\s*:\s*[^.|\n]{0,60}?"
        r"(?:/\s*[A-Z][\w.]*|\b(?:AP|AFP|Reuters|Getty(?:\s+Images)?|EPA|PA|Rex(?:\s+Features)?|"
        r"Corbis|Alamy|Bloomberg|Xinhua|Anadolu|WAFA)\b)",
        rf"(?:At\s+)?{CLOCK}\s+(?:on\s+)?{FULL_DATE},?\s+[^\n]{{1,60}}?\s+wrote:",
    )
]
_PREFIX_GAP = re.compile(r"[\s|:,]*")
# A stamp no sentence of a report is written as, wherever it stands: a full date with its
# weekday and its clock time, or with a clock time and a time zone ("Thursday 29 April 2010
# 09.28 BST", "Thu Apr 29, 2010 3:08 pm EDT").
# A byline and a dateline in the middle of a paragraph (a list of teasers, a headline glued
# to its story): "By Tim Hepher and Karen Jacobs PARIS/ATLANTA, April 27 (Reuters) -".
_DATELINE_ANYWHERE = re.compile(
    rf"(?:\bBy\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s+)?\b{_CAPS_PLACE}{_REGION}?"
    rf"{_DATELINE_DATE}?\s*{AGENCY}\s*{_DASH}+(?=\s)"
)
_STAMP_ANYWHERE = re.compile(
    rf"(?:\|\s*)?(?:{WEEKDAY},?\s+{FULL_DATE}{_SEPARATOR}(?:at\s+)?{CLOCK}|"
    rf"{FULL_DATE}{_SEPARATOR}(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[aApP]\.?[mM]\.?)?\s*{ZONE})"
)

# A photograph's date set off in a sentence: "Lawyers for Dr Murray, shown in 2010, have
# suggested ...", "(pictured in March 2009)". It dates the picture, not what is told.
_PHOTO_ASIDE = re.compile(
    rf"[,(]\s*(?:shown|pictured|photographed)\s+(?:here\s+)?(?:in|on)\s+"
    rf"(?:(?:{WEEKDAY},?\s+)?(?:{DAY}\s+)?{MONTH}\s+(?:{DAY},?\s+)?)?\d{{4}}\s*[,)]"
)

# A sentence that is furniture as a whole, by how it opens.
_DATE_WORD = rf"(?:\d|{WEEKDAY}|{MONTH})"
_FURNITURE_OPENING = re.compile(
    r"(?i)(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved|image (?:caption|copyright)|"
    r"media caption|caption:|(?:photo(?:graph)?|picture)s?\s*:|click here|see here|"
    r"advertisement\b|(?:watch|listen|video|audio):|comments?\s*(?::|\(\d|are\b)|"
    r"join the conversation|have your say|you can stay up to date|for the latest updates|"
    r"a version of this (?:article|story|report)|a version appeared|this (?:article|story) "
    r"(?:was|is|has been) (?:amended|updated|corrected|first published|originally published)|"
    r"\(?(?:reporting|writing|editing|additional reporting|compiled|edited) by\b|"
    r"comment number \d|(?:editor['’]?s\s+)?note\s*:|correction\s*:|clarification\s*:|"
    rf"(?:page\s+)?(?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at))?:?\s+"
    rf"{_DATE_WORD})"
)
# Openings that address the reader; furniture unless the sentence is speech ("Follow us to
# the bridge, the commander urged his men").
_READER_OPENING = re.compile(
    r"(?i)(?:share (?:this|on)|share:|follow (?:us|the latest|@)|sign up|subscribe\b|"
    r"email this|print this)"
)
# A paragraph that is furniture from where the cue opens it to its end.
_PARAGRAPH_OPENING = re.compile(
    r"(?i)(?:tags?|topics?|filed under|categories|keywords)\s*:?\s|(?:read more|read also|"
    r"related(?:\s+(?:articles?|stories|coverage|content|topics|links))?|more on this story|"
    r"more from\b|see also|also read|recommended|most read|most popular|top stories)\b"
)
# Cues of a caption or credit anywhere in a sentence.
_CAPTION = re.compile(
    r"(?i)\bin this (?:\w+ )?(?:photo(?:graph)?|picture|image|handout|file)\b|"
    r"\b(?:photo(?:graph)?|picture) (?:taken|released|provided|obtained)\b|\bfile (?:photo|"
    r"picture|image)\b|\bhandout (?:photo|picture|image)\b|\(?AP Photo\b|\bREUTERS/|"
    r"\bGetty Images\b|\bimage caption\b|\bmedia caption\b|\bimage copyright\b|"
    r"\b(?:pictured|seen) (?:here|above|below)\b|"
    r",\s+(?:left|right|centre|center|second\s+(?:left|right)|background(?:\s+(?:left|right))?|"
    r"foreground|top|bottom),\s|"
    r"\b(?-i:SOURCE|GRAPHIC|PHOTO|CREDIT|CAPTION)S?\s*:|"
    r"\bposted by:?\s|\breport abuse\b|\bcomments? (?:to|on) this (?:entry|story|article)\b|"
    r"\b(?:is|are) (?:seen|pictured|shown) (?!as\b|to\b|by\b)"
)
# A caption's end in agency style: "..., Tuesday, April 27, 2010."
_CAPTION_END = re.compile(rf",\s*{WEEKDAY},?\s+{FULL_DATE}\.?\s*$")
# Link lists and teaser lists: "- 2 hrs ago" or truncated teasers ("spewing ma ...") twice.
_AGO_STAMP = re.compile(r"\b\d+\s+(?:hrs?|hours?|mins?|minutes?|days?)\s+ago\b")
_YEAR_LABEL = re.compile(r"(?:^|\s)(?:1[5-9]|20)\d\d\s?:\s")
_LABEL = re.compile(r"(?:^|\s)[A-Z][A-Za-z]+(?: [a-z]+){0,3}\s?:\s")
_SPEECH = re.compile(r"(?i)\b(?:said|says|told|added|wrote|asked|warned|explained|replied)\b")
_AGENCY_ANYWHERE = re.compile(AGENCY)
_CAPTION_HINTS = (
    "photo", "picture", "image", "getty", "reuters/", "caption", "pictured", " seen ",
    "left,", "right,", "centre,", "center,", "ground,", "top,", "bottom,", "source", "graphic",
    "credit", "posted by", "report abuse", "this entry", " shown ",
)  # fmt: skip
# The first words (lower-cased, without a colon) that may open furniture as a whole.
_OPENING_WORDS = frozenset(
    "copyright all image media caption photo photos photograph photographs picture pictures "
    "click see share follow sign subscribe email print advertisement watch listen video audio "
    "comment comments join have you for a this reporting writing editing additional compiled "
    "edited last updated published posted modified tags tag topics topic filed categories "
    "keywords read related more also recommended most top page note editor's editor’s "
    "editors correction clarification".split()
)
# A clock time's digits ("08:30", "9.15"), found from its mark: a pattern that opens with
# its mark is skipped to in C, one that opens with a digit is tried at every character.
_CLOCK_DIGITS = re.compile(r"[:.](?<=\d[:.])\d\d")
_HEAD = 160
_PREFIX_MARK = re.compile(r"[|(—–_:]")
_PREFIX_WORDS = frozenset(
    "by updated published posted last first modified at photo photograph photos picture pic page "
    "image credit illustration".split()
)


def _may_open_prefix(word: str) -> bool:
    """Whether a paragraph's first word may open a prefix without a mark of one: a byline,
    a stamp, an all-capitals place followed by a dash."""
    lower = word.lower()
    return (
        lower in _PREFIX_WORDS
        or word[:1].isdigit()
        or lower[:3] in _MONTH_OR_DAY
        or (len(word) > 2 and word.isupper())
    )


_MONTH_OR_DAY = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()
)


def furniture_spans(text: str, paragraphs: Sequence[tuple[Span, Sequence[Span]]]) -> list[Bounds]:
    """The furniture of an article, as sorted (start, end) offsets into its file.

    ``text`` is the file as read (for the Markdown links of link lists); ``paragraphs`` are
    the paragraphs of its masked text, each with its sentences.
    """
    spans: list[Bounds] = []
    whole = whole_paragraphs(text, [p for p, _ in paragraphs])
    for paragraph, sentences in paragraphs:
        if paragraph.start in whole:
            spans.append((paragraph.start, paragraph.end))
        else:
            spans.extend(_paragraph_furniture(paragraph, sentences))
            spans.extend(_inner_stamps(paragraph))
    return _merged(spans)


def _inner_stamps(paragraph: Span) -> Iterable[Bounds]:
    """Stamps, agency datelines and a photograph's date inside a paragraph (each looked for
    only when what it needs is there: a clock time, an agency's parenthesis, its verb)."""
    text = paragraph.text
    found: list[re.Match[str]] = []
    if _CLOCK_DIGITS.search(text):
        found += _STAMP_ANYWHERE.finditer(text)
    if "(" in text and _AGENCY_ANYWHERE.search(text):
        found += _DATELINE_ANYWHERE.finditer(text)
    if "shown" in text or "pictured" in text or "photographed" in text:
        found += _PHOTO_ASIDE.finditer(text)
    return [(paragraph.start + m.start(), paragraph.start + m.end()) for m in found]


def _paragraph_furniture(paragraph: Span, sentences: Sequence[Span]) -> Iterable[Bounds]:
    prefix = _prefix_end(paragraph.text)
    if prefix:
        yield paragraph.start, paragraph.start + prefix
    cued = _cued(paragraph.text)
    for sentence in sentences:
        bounds = _sentence_furniture(sentence, paragraph, prefix, cued)
        if bounds is not None:
            yield bounds
            if bounds[1] == paragraph.end:
                return


def _sentence_furniture(sentence: Span, paragraph: Span, prefix: int, cued: bool) -> Bounds | None:
    """The furniture a sentence holds: none, or from where it begins to its (or its
    paragraph's) end. ``cued``: its paragraph's ``_cued``."""
    start = max(sentence.start, paragraph.start + prefix)
    if start >= sentence.end:
        return None
    opening = paragraph.text[start - paragraph.start : sentence.end - paragraph.start]
    opening = opening.lstrip(" \t-–—•*|")
    word = opening[:12].split(maxsplit=1)[0].lower().rstrip(":") if opening else ""
    if word in _OPENING_WORDS or not word[:1].isalpha():
        if _PARAGRAPH_OPENING.match(opening) and _short_or_listed(opening):
            return start, paragraph.end
        if _FURNITURE_OPENING.match(opening) or (
            _READER_OPENING.match(opening) and not is_speech(opening)
        ):
            return start, start + _stamp_end(opening)
    if _inner_furniture(sentence.text, cued):
        return start, sentence.end
    promotion = promotion_end(opening)
    if promotion is not None:
        return start, sentence.end - len(opening) + promotion
    return None


def _stamp_end(opening: str) -> int:
    """Where the furniture that opens a sentence ends: after a stamp ("Last updated at 08:14
    GMT, Tuesday, 8 November 2011") when a sentence of its own follows it in the same line
    (the page's line break lost), else at the sentence's end."""
    lead = len(opening) - len(opening.lstrip())
    stamp = _STAMP_OPENING.match(opening, lead)
    if stamp is not None and _SENTENCE_AFTER.match(opening, stamp.end()):
        return len(opening[: stamp.end()].rstrip())
    return len(opening)


def _inner_furniture(sentence: str, cued: bool) -> bool:
    """A caption, a credit, a list of links or a fact box, by cues anywhere in the sentence
    (each pattern is tried only when a word it needs is there: most sentences have none).
    ``cued``: whether its paragraph holds a word of one of the cues (``_cued``); when it
    holds none, only a caption's end is looked for."""
    if _CAPTION_END.search(sentence[-40:]) is not None:
        return True
    if not cued:
        return False
    lower = sentence.lower()
    colons = sentence.count(":")
    return (
        (_has_hint(lower) and _CAPTION.search(sentence) is not None)
        or (" ago" in lower and len(_AGO_STAMP.findall(sentence)) >= 2)
        or (colons >= 3 and _fact_box(sentence))
        or (colons >= 2 and len(_YEAR_LABEL.findall(sentence)) >= 2)
    )


def _cued(paragraph: str) -> bool:
    """Whether a sentence of the paragraph may hold a cue of ``_inner_furniture`` besides a
    caption's end: a caption's hint, an "ago", two colons. Read once a paragraph, for a
    sentence holds no word its paragraph does not (the hints are ASCII, and lower-casing a
    piece of a text gives a piece of the text lower-cased wherever it gives ASCII)."""
    lower = paragraph.lower()
    return _has_hint(lower) or " ago" in lower or paragraph.count(":") >= 2


def _has_hint(lower: str) -> bool:
    return any(map(lower.__contains__, _CAPTION_HINTS))


def _fact_box(sentence: str) -> bool:
    """A fact box ("Born: August 29, 1958, Gary, Indiana Also known as: ... Biggest hits:
    ..."): three labels or more, the first opening the sentence."""
    labels = _LABEL.findall(sentence)
    return (
        len(labels) >= 3
        and _LABEL.match(sentence) is not None
        and not any(_SPEECH.search(label) for label in labels)
    )


def _prefix_end(paragraph: str) -> int:
    """How far datelines, bylines and stamps run at the paragraph's start (0 if none)."""
    head = paragraph[:_HEAD]
    first = head.split(maxsplit=1)[0].rstrip(",:") if head.strip() else ""
    if _PREFIX_MARK.search(head) is None and not _may_open_prefix(first):
        return 0  # most paragraphs: no mark of a dateline, a byline or a stamp in sight
    position = 0
    while True:
        for pattern in _PREFIXES:
            match = pattern.match(paragraph, position)
            if match is not None and match.end() > position:
                position = _PREFIX_GAP.match(paragraph, match.end()).end()  # type: ignore[union-attr]
                break
        else:
            return len(paragraph[:position].rstrip())


def _short_or_listed(text: str) -> bool:
    """A "Related" or "Tags" cue opens furniture in a short line or a list, not in prose
    ("Related talks collapsed in May" is a sentence)."""
    return len(text.split()) <= SHORT_LINE_WORDS or ":" in text[:20] or "\n" in text


def _merged(spans: list[Bounds]) -> list[Bounds]:
    merged: list[Bounds] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
