"""An entry's text: a report's sentence without the dateline, byline, credit, stamp or label
a news lead starts with, and without what a web page ran into the lead (which report gives
the text is ``clarity.py``'s choice).

Every source keeps its own sentence as written; only the entry's own text is cleaned. The
rules are about news prose in general (datelines, agency tags, a page's stamps and labels),
never about one outlet's sentences.
"""

from __future__ import annotations

import re

from timeline.merge.clarity import ends_a_sentence, leans_back

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_PLACE = r"[A-Z][A-Z.'’-]+(?:(?:\s+|\s*\\?/\s*)[A-Z][A-Z.'’-]*)*"
"""A dateline's place, in capitals: ``TEL AVIV``, ``MEXICO CITY/GENEVA``, ``AP NEW ORLEANS``."""
_REGION = r"(?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?"
"""What may follow the place: ``, West Bank``, ``, La.``."""
_AGENCY = r"(?:\((?:Reuters|AP|AFP|CNN|UPI|dpa|Xinhua)\)\s*)"
_DASH = r"(?:—|–|--?|\|)"
_NAME = r"[A-Z][\w.'’-]*"
_AGENCY_NAME = r"(?i:AP|Reuters|AFP|EPA|PA|Getty|Rex)"
"""An agency that a photo's credit names before its photographer ("AP/Jo Roe")."""
_RESIDUE = tuple(
    re.compile(pattern)
    for pattern in (
        # "HOUSTON | Thu Apr 22, 2010 7:30 pm EDT " (the place then comes again)
        rf"^{_PLACE}{_REGION}\s*\|\s*{_WEEKDAY}\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+"
        rf"\d{{1,2}}:\d\d\s*[ap]\.?m\.?\s+[A-Z]{{2,4}}\s+",
        # "Tuesday, September 16, 2008; 4:30 PM "
        rf"^{_WEEKDAY},\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}(?:;\s*\d{{1,2}}:\d\d\s*[AP]\.?M\.?)?\s+",
        # "July 15, 2010 - 7:48 AM | by: Jane Doe "
        rf"^{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+-\s+\d{{1,2}}:\d\d\s*[AP]M\s*\|\s*[Bb]y:?\s+"
        r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+",
        # "May 12 - ", "April 3, 2010 - " (a live report's stamp)
        rf"^{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s+-\s+",
        # "By Jane Doe | ", "By Jane Doe, Staff Writer | "
        r"^By\s+[A-Z][^|]{1,60}\|\s+",
        # "Photograph: Jane Doe/AP ", "Photograph: AP "
        r"^(?:Photograph|Photo|Picture):\s+(?:\S+\s+){0,4}?\S*?\b"
        r"(?:AP|Reuters|AFP|Getty Images|EPA|PA|Rex Features)\s+",
        # "Photograph: Jane Doe/REUTERS ", "Photograph: Jo Roe/Corbis ", "Photograph: AP/Jo
        # Roe " (an agency, then its photographer's two names), before a lead's capital (a
        # slash escaped in Markdown, "\/", is a slash in the sentence: extract.sentences)
        rf"^(?:Photograph|Photo|Picture):\s+(?:{_AGENCY_NAME}/{_NAME}\s+{_NAME}"
        rf"|(?:{_NAME}\s+){{0,3}}{_NAME}/[A-Za-z][\w.'’-]*(?:\s+Images)?)"
        r"\s+(?=[\"“‘']?[A-Z])",
    )
)
_DATELINES = tuple(
    re.compile(pattern)
    for pattern in (
        # "TEL AVIV — ", "JENIN, West Bank — ", "HOUSTON (Reuters) - ", "LONDON | "
        rf"^{_PLACE}{_REGION}\s*{_AGENCY}?{_DASH}\s+",
        # "(Reuters) - "
        rf"^{_AGENCY}{_DASH}\s+",
    )
)
"""Where the report was filed from: cleaned off an entry's text, but a word of the report
(the place is often where it happened)."""
_LEAST_LEFT = 20
"""A cleaned text keeps at least this many characters, else the sentence stays whole."""
_TIMED = r"\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?"
"""A clock time: "14:07", "08.38", "3:08 pm"."""
_DATED = rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
"""A full date: "8 November 2011", "Apr 29, 2010"."""
_CLOCK = rf"{_TIMED}(?:\s+(?:GMT|BST|UTC|UK|ET|EDT|EST|CET|CEST))?"
_FULL_DATE = rf"(?:{_WEEKDAY},?\s+)?{_DATED}"
_STAMP_PART = rf"(?:{_CLOCK}|{_FULL_DATE})"
_STAMP = re.compile(
    # "Page last updated at 08:14 GMT, Tuesday, 8 November 2011 09:14 UK",
    # "8 November 2011 Last updated at 14:07 GMT Help", "Published: 12:30PM BST 25 Jun 2009",
    # "Last updated: 29 June 2010"; never "Published on Monday, the report found ..."
    rf"(?:{_FULL_DATE}\s+)?\b(?:Page\s+last\s+updated|Last\s+updated|Updated|Published"
    r"|First\s+published)(?::|\s+at|\s+on)?\s+"
    rf"{_STAMP_PART}(?:\s*,?\s*{_STAMP_PART})*(?!\s*,)(?:\s+Help\b)?"
    r"|\(an error occurred while processing this directive\)"
)
"""A web page's time stamp, its "Help" link and a server's error note: a page's furniture
that a sentence splitter leaves between a headline and the lead."""
_STAMP_WORDS = ("pdated", "ublished", "error occurred")
"""What ``_STAMP`` can match at all, looked for first: most sentences hold none."""


def clean_text(sentence: str, *, datelines: bool = True) -> str:
    """A sentence without the time stamp, byline, photo credit it starts with, and without
    its dateline and agency tag unless ``datelines`` is false."""
    text = without_stamps(sentence)
    patterns = _RESIDUE + _DATELINES if datelines else _RESIDUE
    changed = True
    while changed:
        changed = False
        for pattern in patterns:
            match = pattern.match(text)
            if match and len(text) - match.end() >= _LEAST_LEFT:
                text = text[match.end() :]
                changed = True
    if text is not sentence and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def without_stamps(sentence: str) -> str:
    """A sentence without the page stamps it holds ("Page last updated at 08:14 GMT, Tuesday,
    8 November 2011", "Last updated at 14:07 GMT Help", "(an error occurred while processing
    this directive)"). A stamp stands between a page's headline and its lead: the lead after
    it is kept, the headline before it dropped, unless too little would be left."""
    if not any(word in sentence for word in _STAMP_WORDS):
        return sentence
    text = sentence
    stamps = list(_STAMP.finditer(text))
    while stamps:
        last = stamps[-1]
        before, after = text[: last.start()].rstrip(), text[last.end() :].lstrip()
        if len(after) >= _LEAST_LEFT:
            return after
        if len(before) < _LEAST_LEFT:
            return text
        text = f"{before} {after}".rstrip()
        stamps = stamps[:-1]
    return text


_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|IST|[ECMP][SD]T|ET|UK(?:\s+time)?)"
_BARE_STAMP = re.compile(
    # "Thursday 29 April 2010 17.33 BST", "Tue Apr 21, 2009 10:19 pm BST",
    # "09:26 UK time, Friday, 11 June 2010": a full date with its clock time and a weekday
    # or a time zone, in either order; never after "on" or "at" ("... on Tuesday, April 20,
    # 2010 at 9:45 p.m. CDT" is a sentence's own date)
    rf"(?<!\bon\s)(?<!\bat\s)(?<!\bby\s)(?:\|\s*)?(?:"
    rf"{_WEEKDAY},?\s+{_DATED}[,;]?\s+(?:at\s+)?{_TIMED}(?:\s+{_ZONE})?"
    rf"|{_DATED}[,;]?\s+(?:at\s+)?{_TIMED}\s+{_ZONE}"
    rf"|{_TIMED}\s+{_ZONE},?\s+{_WEEKDAY},?\s+{_DATED})(?:\s+{_TIMED}(?:\s+{_ZONE})?)?"
)
"""A time stamp with no word before it, as a web page prints it between its headline and
its lead (a date and a clock time do not stand together in news prose without "on" or "at")."""
_INNER_DATELINE = re.compile(
    # "... Economic Stimulus PARIS, Dec. 4 -- Facing ...", "... \\ Cuba open to cooperation
    # HAVANA, May 28 (Reuters) - Red flags ...": what comes before is a headline, a summary or
    # a credit run into the lead. Without an agency's tag, the lead after the dash must open
    # with a word in lower case after its capital (not "BP RUNS OUT OF CASH - UNLIKELY").
    rf"(?<=\S)\s+{_PLACE}{_REGION}(?:,?\s+{_MONTH}\s+\d{{1,2}})?\s*"
    rf"(?:{_AGENCY}(?:—|–|--?)?|(?:—|–|--?)(?=\s+[\"“‘']?[A-Z][a-z]))\s+"
)
_OPENING_LABEL = re.compile(
    # "(By Jo Roe -- Associated Press) ", "(AP Video) ", "(Reuters) "
    r"\((?P<credit>[^()]{1,80})\)\s+"
    # "April 28: ", "Apr. 21, 2025: "
    rf"|{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?:\s+"
    # a chronology's line: "6 October 2011 Jurors hear ...", "April 20, 2010 - Fire ..."
    rf"|{_DATED}\s+(?:(?:—|–|--?)\s+)?(?=[\"“‘']?[A-Z])"
    # "AP FILE: ", "VIDEO: ", "UPDATE: " (not a speaker's name: "GEITHNER: ")
    r"|(?P<tag>[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2}):\s+"
    # "PASSENGERS URGED TO COME FORWARD " before a word in lower case after its capital
    r"|(?P<subhead>(?:[A-Z][A-Z0-9'’&,.-]*\s+){2,}[A-Z][A-Z0-9'’&.-]*)\s+(?=[\"“‘']?[A-Z][a-z])"
)
"""What a page prints before a lead: a credit, a caption's date, a chronology's date, a
tag, a subhead."""
_INNER_CHRONOLOGY_DATE = re.compile(
    # "... on the depot 12 March 2025 Drones hit ...", "... update 2 26 April 2025 -- As of ..."
    rf"(?<=\s)\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s+(?:(?:—|–|--?)\s+)?(?=[\"“‘']?[A-Z])"
)
"""A full date written day first inside a text, before a capital: the head of a
chronology's line run into what the page printed before it."""
_TAKES_A_DATE = re.compile(
    r"(?i)\b(?:on|at|by|of|since|until|till|from|to|before|after|in|and|or|between|through|"
    r"during|dated|born|died|the)\s*$|[,;(]\s*$"
)
"""What a date completes when it follows: "on 12 March 2025", "born 9 May 1990", "(12 March"."""
_WEEKDAY_AT_END = re.compile(rf"\s*\b{_WEEKDAY},?$")
"""A weekday before a date, part of it: "on Tuesday 12 March 2025"."""
_LABEL_WORDS = 8
_TAGS = frozenset(
    "FILE PHOTO PHOTOS PICTURES VIDEO WATCH UPDATE UPDATED BREAKING LIVE EXCLUSIVE".split()
)
"""The last word of a tag in capitals that a page prints before a lead ("AP FILE: "); other
words in capitals before a colon name a speaker ("GEITHNER: ") or a place ("US: ")."""
_CREDIT_JOINING = frozenset({"--", "-", "—", "–", "/", "|", "of", "and", "for", "the", "&"})
"""What a credit's names may be joined by ("By Jo Roe -- Associated Press")."""
_ADVISORIES = frozenset(
    "adds updates recasts corrects repeats refiles rewrites releads clarifies changes".split()
)
"""The first words of a wire's note to editors in brackets before a story: "(Adds BP
forgoing dividend)", "(Updates with death toll)", "(Corrects name in paragraph 3)"."""
_LEAD_WORDS = 8
"""A lead cut from what a page ran into it keeps at least this many words."""
_HEADLINE_WORDS = 22
"""A headline and its photo's caption run into a lead are at most this long: a name said
again further on is the sentence's own ("... the bungling arms of an unworthy government,
6) Created a culture where ...")."""
_JOINING = frozenset(
    """of in on at to by for from with and or nor than as the a an said says say told
    called named titled about against between among into after before since until like
    including over near across through amid despite""".split()
)
"""Words after which a name goes on in the same sentence ("... against Michael Jackson's
doctor"): not the opening of a lead run into its headline."""
_DETERMINERS = frozenset("the a an this that these those its his her their our".split())
"""A word two before a repeated name that makes it the sentence's own ("The disastrous BP
oil spill ...")."""
_WORD = re.compile(r"[\w'’]+")
_LEAD_OPENING = re.compile(r"[\"“‘']?(?:[A-Z]|\d)")


def lead_text(sentence: str) -> str:
    """A report's sentence as an entry's text: ``clean_text``, and without what a web page
    ran into its lead: a time stamp that opens it ("Sunday 30 May 2010 20.58 BST ...",
    "Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) - ..."), a headline or summary
    before a dateline ("France Plans $33 Billion in Economic Stimulus PARIS, Dec. 4 -- ..."),
    a headline that the lead repeats ("Michael Jackson's doctor goes on trial Michael
    Jackson's doctor has gone on trial ...") and a label before the lead ("(AP Video) ",
    "April 28: ", ``_after_opening_label``). A cut is made only when what is left is a
    sentence of its own (``_is_lead``)."""
    text = _after_inner_dateline(_after_opening_stamp(clean_text(sentence)))
    text = _after_inner_chronology_date(text)
    return _after_opening_label(_after_repeated_opening(text))


def _after_opening_stamp(text: str) -> str:
    """The text after a time stamp that opens it, cleaned of the dateline after it."""
    if not text[:1].isalnum():
        return text
    found = _BARE_STAMP.match(text)
    if found is None:
        return text
    after = text[found.end() :].strip()
    return clean_text(after) if len(after) >= _LEAST_LEFT else text


def _after_opening_label(text: str) -> str:
    """The lead after a label a page printed before it: a photo's or a video's credit in
    brackets ("(By Jo Roe -- Associated Press) ", "(AP Video) ", "(Reuters) "), a wire's
    note to editors ("(Updates with death toll) "), a caption's date ("April 28: ",
    "Apr. 21, 2025: "), the full date a chronology's line opens with ("6 October 2011 Jurors
    hear ...": the entry shows its date), a tag in capitals ("AP FILE: ", "VIDEO: ") or a subhead in
    capitals ("PASSENGERS URGED TO COME FORWARD The man ..."), each only when what is left
    is a sentence of its own (``_is_lead``)."""
    for _ in range(2):  # a credit may stand before a caption's date
        found = _OPENING_LABEL.match(text)
        if found is None or not _is_label(found):
            return text
        after = text[found.end() :]
        if not _is_lead(after):
            return text
        text = after
    return text


def _is_label(found: re.Match[str]) -> bool:
    """Whether a match of ``_OPENING_LABEL`` is a label: a credit in brackets holds only
    names ("By Jo Roe -- Associated Press"); a subhead in capitals has a word of five
    letters or more (not a run of acronyms such as "BP CEO"); a tag ends with a word of
    ``_TAGS``."""
    if found["credit"] is not None:
        words = found["credit"].split()
        if words[0].lower() in _ADVISORIES:
            return True  # a wire's note to editors: "(Updates with toll, adds quotes)"
        return len(words) <= _LABEL_WORDS and all(
            word[:1].isupper() or word in _CREDIT_JOINING for word in words
        )
    if found["subhead"] is not None:
        return any(len(word.strip("'’&,.-")) >= 5 for word in found["subhead"].split())
    if found["tag"] is not None:
        return found["tag"].split()[-1] in _TAGS
    return True


def _after_inner_dateline(text: str) -> str:
    """The lead after the last dateline inside a text, cleaned, when it is a sentence of
    its own: what came before is a headline, a summary or a credit run into it."""
    if "-" not in text and "—" not in text and "–" not in text and "(" not in text:
        return text
    for found in reversed(list(_INNER_DATELINE.finditer(text))):
        after = text[found.end() :].strip()
        if _is_lead(after):
            return clean_text(after)
    return text


def _after_inner_chronology_date(text: str) -> str:
    """The line of a chronology after the full date that heads it inside a text ("Footage of
    the strike on the depot 12 March 2025 Drones hit the fuel depot ..."): what came before is
    a caption or the line before, run into it by the page. Only a date written day first with
    no word before it that takes a date ("on", "since", "born" ...; news prose puts "on" before
    such a date, where a date written month first often stands alone: "was freed March 15,
    2025"), and only when what follows is a sentence of its own."""
    for found in reversed(list(_INNER_CHRONOLOGY_DATE.finditer(text))):
        before = _WEEKDAY_AT_END.sub("", text[: found.start()].rstrip())
        if not before or _TAKES_A_DATE.search(before):
            continue
        after = text[found.end() :]
        if _is_lead(after):
            return after
    return text


def _after_repeated_opening(text: str) -> str:
    """The lead of a headline run into it, when the lead opens with the headline's first
    three words within ``_HEADLINE_WORDS`` ("Michael Jackson's doctor goes on trial Michael
    Jackson's doctor has ...")."""
    words = list(_WORD.finditer(text))
    if len(words) < 2 * 3 + 2:
        return text
    opening = [w[0].lower() for w in words[:3]]
    for at in range(3, min(len(words) - 3, _HEADLINE_WORDS + 1)):
        start = words[at]
        if (
            start[0][:1].isupper()
            and [w[0].lower() for w in words[at : at + 3]] == opening
            and words[at - 1][0].lower() not in _JOINING
            and words[at - 2][0].lower() not in _DETERMINERS
            and text[words[at - 1].end() : start.start()].strip() not in (")", ".)")
            and not text[: start.start()].rstrip().endswith((".", "!", "?", ":", ";", ","))
        ):
            after = text[start.start() :]
            if _is_lead(after):
                return after
    return text


def _is_lead(text: str) -> bool:
    """Whether a text cut from a longer one is a sentence of its own: long enough, a full
    stop at its end, and not leaning on what came before ("It began with denial ...")."""
    return (
        not leans_back(text)
        and len(text) >= _LEAST_LEFT
        and len(text.split()) >= _LEAD_WORDS
        and _LEAD_OPENING.match(text) is not None
        and ends_a_sentence(text)
    )


def dateline_pattern() -> str:
    """The pattern of a dateline's place and the region it gives it ("JENIN, West Bank —"),
    in two groups."""
    return (
        rf"^({_PLACE}),\s+([A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}})"
        rf"\s*{_AGENCY}?{_DASH}\s"
    )
