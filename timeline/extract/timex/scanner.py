"""The one scanning pattern: every kind of expression as a named alternative.

The whole text is scanned once by a single compiled regex, so the per-character work runs in
the regex engine, not in Python. Alternatives are tried in order at each position, so the
longer and more specific kinds come first ("Monday, Oct. 26, 1998" before "Monday"). Each
alternative uses only non-capturing groups: ``match.lastgroup`` names the kind, and the kind's
interpreter parses the few characters matched with its own small pattern.

Case is significant on purpose: month and weekday names must be capitalized ("May" the month,
not "may" the verb; "a march on Jerusalem" is no date); the other words are matched in any case
with inline ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

from timeline.extract.timex.lexicon import (
    CENTURY_WORDS,
    HEDGES,
    MONTHS,
    NUMBERS,
    PARTS_OF_DAY,
    SEASONS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
    capitalized,
)

_FULL_MONTHS = [name for name in MONTHS if len(name) > 3 and name != "sept"]
_ABBREVIATIONS = [name for name in MONTHS if len(name) <= 4 and name not in _FULL_MONTHS]
MONTH = rf"(?:{capitalized(_FULL_MONTHS)}|{capitalized(_ABBREVIATIONS)}\.?)(?![A-Za-z])"
FULL_MONTH = rf"{capitalized([*_FULL_MONTHS, 'may'])}(?![A-Za-z])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|,\d\d\d|:\d|\.\d|%)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])(?!,\d)"
_UNITS_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand".
SPELLED_YEAR = (
    rf"(?i:(?:eighteen|nineteen|twenty)[-\s]+(?:{_TENS}(?:[-\s]{_UNITS_WORDS})?|{_TEENS}|hundred|"
    rf"oh[-\s]{_UNITS_WORDS})|two\s+thousand(?:(?:\s+and)?[-\s]+(?:{_TEENS}|{_UNITS_WORDS}))?)"
    r"(?![A-Za-z-])"
)
_FUNCTION_WORDS = (
    "the|a|an|and|or|but|to|into|on|in|at|of|as|by|from|for|with|after|before|while|until|"
    "when|that|which|amid|across|near|despite|he|she|it|we|they|his|her|its|their"
)
_BC = r"(?:BCE?|B\.C\.(?:E\.)?)(?![A-Za-z])"
_AD = r"(?:AD|A\.D\.|CE)"
AD_YEAR = rf"(?:{_AD}\s+\d{{1,4}}(?!\d)|\d{{1,4}}\s+{_AD}(?![A-Za-z]))"
# A year before 1600 without its era is read only where nothing else can be meant: after
# "in" or a month, when no noun follows ("in 632,", "in 1453 the city fell", "August 636";
# not "in 300 cities").
EARLY_YEAR = (
    r"(?:1[0-5]\d\d|[1-9]\d\d)(?!\d|[,.]\d|%)"
    rf"(?=\s*[,.;:)]|\s*$|\s+(?:{_FUNCTION_WORDS})\b|\s+[A-Z])"
)
SHORT_YEAR = r"['’]\d\d(?![\w%'’])"
"""A year written with two digits: "December '99"."""
ANY_YEAR = rf"(?:{YEAR}|{SPELLED_YEAR}|{AD_YEAR}|{SHORT_YEAR}|{EARLY_YEAR})"
WEEKDAY = rf"{capitalized(WEEKDAYS)}(?:'s)?(?![A-Za-z])"
SEASON = rf"(?i:{alternation(SEASONS)})(?![A-Za-z])"
PART = rf"(?i:{alternation(PARTS_OF_DAY)})(?![A-Za-z])"
_WORD_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?"
)
# An amount in digits has at most nine: "a 309-digit number of days" is no amount of time.
AMOUNT_DIGITS = r"\d{1,9}(?!\d)"
NUMBER = (
    rf"(?:(?:{AMOUNT_DIGITS}(?:\.\d+)?(?:\s+\d/[1-9])?|(?i:{_WORD_NUMBER}|{alternation(NUMBERS)}))"
    rf"(?:\s+(?i:and\s+a\s+half))?|(?i:{alternation(VAGUE_NUMBERS)}))"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries)(?![A-Za-z])"
)
HEDGE = rf"(?i:{alternation(HEDGES)})"
_ZONE_WORD = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|local\s+time)(?![A-Za-z])"
_ZONE = rf"(?:\s*{_ZONE_WORD})?"
# A clock time of four digits ("1425 local time", "at 1653 (2153 GMT)") is one only with its
# zone, or with another clock time in brackets after it: otherwise it is a year or a count.
_HHMM = r"(?<![\d,.$£€#/-])(?:[01]\d|2[0-3])[0-5]\d(?!\d)"
_CLOCK_CORE = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![A-Za-z])"
    # "630 a.m.", a colon lost
    r"|(?:1[0-2]|0?[1-9])[0-5]\d\s*(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![A-Za-z])"
    # "3 in the afternoon", "5 o'clock in the afternoon", "9 at night": the part of the day
    # sets the half of the day that a.m. or p.m. would
    r"|(?:[01]?\d|1[0-2])(?::[0-5]\d)?(?:\s+o['’]clock)?\s+"
    r"(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?![A-Za-z])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|(?:[01]?\d|1[0-2])\s+o['’]clock"
    rf"|{_HHMM}(?=\s*{_ZONE_WORD}|\s*\(\s*{_HHMM}\s*{_ZONE_WORD}\s*\))"
    r"|(?i:noon|midnight|midday)(?![A-Za-z]))"
)
CLOCK = rf"{_CLOCK_CORE}{_ZONE}"
_RANGE = r"(?:\s*(?:-|–|—|to|through|until|till)\s*)"
# Words between an amount and its unit: "two more weeks", "eight trading days".
EXTRA = "more|additional|full|straight|long|trading|business|working"
# "April 24 and 25": a second day, unless a noun follows the number ("on May 3 and 4 others").
_AND_DAY = (
    rf"\s+and\s+{DAY}(?!\s+(?!(?:in|at|on|and|or|to|for|with|when|as|during|after|before|"
    r"but|while|from|by|the)\b)[a-z])"
)
_RELATIVE_YEAR = r"(?i:(?:this|last|next)\s+year)"
_DAY_YEAR = r"(?i:(?:this|last|next|that)\s+year)"
"""The year after a day and month: "25 June last year", "on 25 June that year"."""
_EARLY = r"(?i:(?:early|late|earlier|later|mid)[-\s]+)"

_KINDS: dict[str, str] = {
    "iso": r"(?<![\d-])\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?![\d-])",
    "slash": r"(?<![\d/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)(?![\d/])",
    "week_of": rf"(?i:the\s+week\s+of)\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?",
    "month_day": (
        rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:{_RANGE}{DAY}|{_AND_DAY})?"
        rf"(?:,?\s+{YEAR}|\s+{_DAY_YEAR})?"
    ),
    "day_month": (
        rf"(?:{WEEKDAY},?\s+)?{DAY}(?:{_RANGE}{DAY}|\s+and\s+{DAY})?\s+(?:(?i:of)\s+)?{MONTH}"
        rf"(?:,?\s+{YEAR}|\s+{_DAY_YEAR})?"
    ),
    "position": (
        rf"(?i:early|mid|late|the\s+(?:beginning|start|middle|end|close)\s+of|the\s+(?:first|"
        rf"second|last)\s+half\s+of|the\s+(?:first|last)\s+two\s+quarters\s+of)[-\s]+(?:{MONTH}(?:,?\s+{YEAR}|\s+{_RELATIVE_YEAR})?|{YEAR}(?!s)|"
        rf"(?i:(?:this|last|next|that|the)\s+(?:year|month|week|decade|century))(?![A-Za-z]))"
    ),
    "month_year": rf"{MONTH},?\s+(?:(?i:of)\s+)?(?:{ANY_YEAR}|{_RELATIVE_YEAR})",
    "season": (
        rf"(?:(?:(?i:the)\s+)?(?:{_EARLY})?{SEASON}(?:\s+(?i:of))?\s+(?:{ANY_YEAR}|{_RELATIVE_YEAR})|"
        rf"(?:{_EARLY})?(?i:this\s+past|this|last|next|that|the\s+coming)\s+{SEASON}|"
        rf"(?i:the)\s+(?:{_EARLY})?(?i:summer|winter|spring|autumn)(?![A-Za-z])(?!\s+(?i:of)\b)|"
        # a bare season after a preposition: "In summer 25,000 men came home"
        rf"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Bb]y\s))(?:{_EARLY})?"
        r"(?i:summer|winter|spring|autumn)(?![A-Za-z])(?!\s+(?i:of)\b))"
    ),
    "quarter": (
        rf"(?:(?i:the|this|last|next|its|their)\s+)?(?:(?:{YEAR}|(?i:this|last|next)\s+year's|"
        r"(?i:year-ago|year-earlier))\s+)?(?:(?i:fiscal)\s+)?(?i:(?:first|second|third|fourth|1st|2nd|"
        rf"3rd|4th)[-\s]quarter|(?:first|second|1st|2nd)[-\s]half)(?![A-Za-z])(?:\s+(?i:of)\s+(?:(?i:fiscal\s+)?{YEAR}|{_RELATIVE_YEAR}))?"
        r"|(?i:the\s+(?:comparable|corresponding|same)\s+(?:quarter|period)\s+(?:of\s+)?last\s+"
        r"year|last\s+year's\s+(?:quarter|period)|"
        r"(?:the\s+)?(?:latest|last|previous|current|same|year-ago|year-earlier|"
        r"this|next)\s+quarter|(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?"
        r"year-(?:ago|earlier)(?:\s+(?:quarter|period))?|"
        r"the\s+(?:same\s+)?(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)|"
        r"the\s+(?:latest\s+period|quarter)|that\s+quarter)(?![A-Za-z-])"
        rf"|(?i:the)\s+{YEAR}\s+(?i:quarter|period)(?![A-Za-z-])"
    ),
    "decade": (
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s]+)?(?:(?:1[5-9]|20)\d0|'\d0)s(?![A-Za-z])"
        r"|(?i:the\s+(?:(?:early|mid|late)[-\s]+)?(?:twenties|thirties|forties|fifties|sixties|"
        r"seventies|eighties|nineties))(?![A-Za-z])"
    ),
    "century": (
        rf"(?:(?i:the)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{alternation(CENTURY_WORDS)}))"
        rf"[-\s](?i:century)(?![A-Za-z])(?:\s+(?:{_BC}|{_AD}))?|(?i:this|last|next)\s+(?i:century)"
    ),
    # Years of another era and before 1600: "490 BC", "the 470s BC", "AD 70", "in 632",
    # "in '99".
    "era": (
        rf"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s]+)?\d{{1,3}}0s\s+{_BC}"
        rf"|\d{{1,4}}\s+{_BC}|{AD_YEAR}|(?<=\b[Ii]n\s){EARLY_YEAR}"
        # "in '99": the engine tries words and numbers, so the span starts after the mark
        r"|(?:(?<=\b[Ii]n\s['’])|(?<=\bof\s['’])|(?<=\b[Ss]ince\s['’])|(?<=\b[Uu]ntil\s['’]))"
        r"\d\d(?![\w%'’])"
    ),
    "ago": (
        rf"(?:{HEDGE}\s+)?{NUMBER}[-\s]+{UNIT}\s+(?:(?i:ago|earlier|later|from\s+now|hence|"
        # "a month earlier than usual" compares: no shift
        r"previously)(?![A-Za-z])(?!\s+(?i:than)\b)|(?i:before|after)(?=\s*[,.;:)]|$))"
    ),
    "deictic": (
        rf"(?i:(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)|"
        rf"(?:(?:early|late|earlier|later)\s+)?(?:today|yesterday|tomorrow|tonight)"
        rf"(?:\s+{PART})?|(?:(?:early|late|earlier|later)\s+)?this\s+{PART}|last\s+night|"
        r"mid[-\s]?(?:morning|afternoon|evening)(?:\s+(?:today|yesterday|tomorrow))?|"
        r"(?:(?<=\bin\s)|(?<=\bduring\s))the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening)|"
        # "released overnight", not "an overnight curfew"
        rf"overnight(?![A-Za-z-])(?!\s+(?!(?:{_FUNCTION_WORDS})\b)[a-z]))"
        r"(?![A-Za-z])"
    ),
    "anaphor": (
        rf"(?i:the\s+(?:following|next|previous|preceding|same|prior)\s+(?:day|morning|"
        rf"afternoon|evening|night|week|weekend|month|year|spring|summer|autumn|winter)|"
        rf"(?:earlier\s+|later\s+)?that\s+"
        rf"(?:same\s+)?(?:day|morning|afternoon|evening|night|week|weekend|month|year)|"
        rf"the\s+(?:day|week|month|year)\s+(?:before|after)(?=\s*[,.;:)]))(?![A-Za-z])|"
        rf"(?i:the\s+(?:previous|following|next)\s+){WEEKDAY}"
    ),
    "spelled_year": rf"(?:(?i:the\s+year)\s+)?{SPELLED_YEAR}",
    # "On the 28th they took Goose Green": a day of the story's month; not "the 5th floor",
    # "the 38th parallel", "the 4th July" (a date of its own), "the 15th of October".
    "day_of_month": (
        r"(?<=\b[Oo]n\s)(?i:the)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![A-Za-z\d])"
        rf"(?=\s*[,.;:)]|\s*$|\s+(?:{_FUNCTION_WORDS})\b|\s+[A-Z])(?!\s+{MONTH}|\s+of\b)"
    ),
    "the_year": (
        r"(?i:the\s+(?:current\s+|full\s+|(?:latest|last|previous|prior)\s+(?=fiscal))?"
        r"(?:fiscal\s+)?year|(?:the\s+)?year[-\s]end|"
        r"year's\s+end)(?![A-Za-z'-])"
    ),
    "relative": (
        rf"(?:{_EARLY})?(?i:this\s+past|this|last|next|coming)\s+(?:(?i:week(?:end)?|month|"
        rf"year)(?![A-Za-z])|{WEEKDAY}|{FULL_MONTH})|(?i:the\s+weekend)(?![A-Za-z])"
    ),
    "clock": (
        rf"{CLOCK}(?:,?\s+(?:(?i:on)\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"
        rf"|,?\s+(?:(?i:on)\s+)?(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?:,?\s+{YEAR})?"
        rf"|\s+(?:(?i:on)\s+)?{WEEKDAY}(?:\s+{PART})?|\s+(?i:today|yesterday|tomorrow)(?![A-Za-z]))?"
    ),
    "weekday": (
        rf"(?:(?i:early|late)\s+)?{WEEKDAY}(?:\s+{PART}|,?\s+(?i:at\s+)?{CLOCK}"
        r"|\s+(?i:mornings|afternoons|evenings|nights)(?![A-Za-z]))?"
    ),
    "duration": (
        rf"(?:{HEDGE}\s+(?!(?i:the)\s))?(?:(?i:(?:the\s+)?(?:past|last|next|coming)|the\s+(?:first|final|"
        rf"previous|following))\s+)?{NUMBER}[-\s]+(?:(?i:{EXTRA})\s+)?"
        rf"{UNIT}(?!-(?i:old|earlier|ago|end))(?!\s+(?i:old)(?![A-Za-z]))(?:-(?i:long))?"
        r"(?:\s+(?i:and\s+a\s+half)(?![A-Za-z]))?"
        rf"|(?i:the\s+)?(?i:past|coming|recent)\s+(?i:day|week|month|quarter|year|decade)s?"
        r"(?![A-Za-z])|(?i:the\s+(?:days|weeks|months|years)\s+ahead)(?![A-Za-z])"
        r"|(?i:(?:hour|day|week|month|year|decade)s?-long)(?![A-Za-z])"
        r"|(?<=\b[Oo]ver\s)(?i:the\s+years)(?![A-Za-z])"
        r"|(?:(?<=\b[Ff]or\s)|(?<=\b[Ww]ithin\s)|(?<=\bin\s))(?i:years|months|weeks|decades|"
        r"centuries|days|hours)(?![A-Za-z])"
        # "after weeks of talks", "the heady days of growth"
        r"|(?<!\bor\s)(?<!\band\s)(?i:years|months|weeks|decades|days)(?=\s+of\s)"
    ),
    "set": (
        rf"(?i:every|each)\s+(?:(?i:other)\s+)?(?:(?i:hour|day|week|month|quarter|year|morning|"
        rf"night|evening|weekend|summer|winter|spring|autumn)(?![A-Za-z])|{WEEKDAY}|{FULL_MONTH})"
        r"|(?i:daily|weekly|monthly|annually|yearly|hourly|nightly)(?![A-Za-z])"
        rf"|{capitalized(WEEKDAYS)}s(?![A-Za-z])"
    ),
    "generic": (
        r"(?i:then[-\s]current)(?![A-Za-z])|(?i:current)(?=\s+[a-z])|(?i:now|currently|nowadays|at\s+present|presently|recently|lately|formerly|"
        r"the\s+(?:near\s+|distant\s+)?future|the\s+past|these\s+days)"
        # "the past century", "the past three summers" count periods: no "the past" in them
        rf"(?![A-Za-z])(?!\s+(?:[\w-]+\s+)?(?i:{UNIT}|(?:summer|winter|spring|autumn)s?\b))"
    ),
    "holiday": (
        r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?"
        r"|Easter(?:\s+Sunday)?|Halloween|Independence\s+Day|Election\s+Day)(?![A-Za-z])"
        rf"(?:,?\s+{YEAR})?"
    ),
    "month": FULL_MONTH,
    # "1915-16", "2009-2010", "1861-1865" with a dash: two years.
    "year_range": rf"(?<![\d,.$£€#/-]){YEAR}\s*[-–—]\s*(?:{YEAR}|\d\d)(?![\d%]|[-/]\d)",
    "year": (
        rf"(?:(?<![\d,.$£€#/-])(?:(?i:fiscal)\s+(?:(?i:year)\s+)?)?|(?i:post|pre)-){YEAR}"
        r"(?![-/]\d|\.\d|s)"
    ),
}

KIND_PATTERNS: dict[str, str] = _KINDS
"""Each kind of expression and its pattern, in the order they are tried (``starts.py`` picks
those that can begin with a word)."""
KINDS = tuple(_KINDS)


def whole_scanner() -> re.Pattern[str]:
    """Every kind as one pattern, tried in order: what ``starts.scanner_for`` must agree with."""
    return re.compile(
        r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS.items()) + ")"
    )
