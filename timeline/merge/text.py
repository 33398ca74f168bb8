"""An entry's text: the clearest standalone sentence among its reports, without the
dateline or byline a news lead starts with.

Every source keeps its own sentence as written; only the entry's own text is cleaned and
chosen. The rules are about news prose in general (datelines, agency tags, pronouns left
dangling by the sentence before), never about one outlet's sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from timeline.merge.similarity import occurrence_words, stems

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

_DANGLING = frozenset(
    """it he she they this that these those his her their its him them we i you our us but
    and or so yet also however meanwhile then still instead besides moreover furthermore
    which who whose where while though although because otherwise nonetheless
    nevertheless thus hence such both""".split()
)
"""First words that lean on a sentence before: a pronoun, a conjunction, a linking adverb."""
_FIRST_WORD = re.compile(r"[\"“‘'(\[]*([A-Za-z]+)")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|we're|our|Our|my|My)\b")
_ENDS = (".", "!", '."', ".”", "!”", '!"', ".'", ".’", ".)")
_SHORT, _LONG, _TOO_LONG = 50, 280, 400
_FORECAST_WORDS = ("expected", "due", "scheduled", "set to", "likely", "will", "would")
"""What ``_FORECAST`` can match at all, looked for first."""
_FORECAST = re.compile(
    r"\b(?:(?:is|are|was|were) (?:expected|due|scheduled|set|likely) to|will|would)\b"
    r"|\b(?:expected|scheduled) (?:on|for|at|in)\b",
    re.IGNORECASE,
)


def clean_text(sentence: str, *, datelines: bool = True) -> str:
    """A sentence without the time stamp, byline, photo credit it starts with, and without
    its dateline and agency tag unless ``datelines`` is false."""
    text = sentence
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


def clearest(sentences: Sequence[str]) -> int:
    """The place of the clearest standalone sentence among ``sentences`` (cleaned ones):
    the first of those with the fewest faults, so the earliest report wins a tie."""
    faults = [_faults(sentence) for sentence in sentences]
    return min(range(len(sentences)), key=lambda place: (faults[place], place))


def _faults(sentence: str) -> int:
    """How much a sentence needs the text around it, or reads badly on its own."""
    faults = 0
    first = _FIRST_WORD.match(sentence)
    if first is None or first[1].lower() in _DANGLING:
        faults += 2
    if sentence[:1] in "\"“‘'" or _FIRST_PERSON.search(sentence):
        faults += 1  # a quotation: someone's words, not the report
    length = len(sentence)
    if length < _SHORT or length > _TOO_LONG:
        faults += 2
    elif length > _LONG:
        faults += 1
    if not sentence.rstrip().endswith(_ENDS):
        faults += 1  # a headline run into the lead, a list, a question
    lower = sentence.lower()
    if any(word in lower for word in _FORECAST_WORDS) and _FORECAST.search(sentence):
        faults += 2  # what was expected, not what happened
    return faults


_REACTION = re.compile(
    r"\b(?:condemn(?:s|ed|ing|ation)?|denounc(?:e|es|ed|ing)|deplor(?:e|es|ed|ing)"
    r"|decri(?:ed|es)|welcom(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|hail(?:s|ed|ing)"
    r"|applaud(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|slamm?(?:s|ed)|lambast(?:s|ed)?"
    r"|outrag(?:e|ed)|mourn(?:s|ed|ing)?|tributes?|condolences?|reacted|reactions?"
    r"|in response to|expressed (?:[a-z]+ ){0,2}(?:concern|regret|sorrow|shock"
    r"|outrage|sadness|grief|dismay)|(?:was|were|is|are) (?:shocked|appalled|saddened))\b",
    re.IGNORECASE,
)


_REACTION_STEMS = (
    "condemn", "denounc", "deplor", "decri", "welcom", "prais", "hail", "applaud", "critici",
    "slam", "lambast", "outrag", "mourn", "tribute", "condolence", "react", "in response to",
    "expressed", "shocked", "appalled", "saddened",
)  # fmt: skip
"""What ``_REACTION`` can match at all, looked for first: most sentences hold none."""


@functools.lru_cache(maxsize=1 << 16)
def is_reaction(sentence: str) -> bool:
    """True when a sentence reacts to something: condemns, welcomes, mourns it."""
    lower = sentence.lower()
    if not any(stem in lower for stem in _REACTION_STEMS):
        return False
    return _REACTION.search(sentence) is not None


_BACKGROUND_REACH = 5
_BACKGROUND_CUES = frozenset(
    {"after", "since", "before", "following", "until", "ahead", "amid", "during"}
)
_UNREAL_REACH = 2
_UNREAL_CUES = frozenset({"to", "will", "would", "could", "should", "may", "might", "must"})
_ANOTHER = re.compile(
    r"\b(?:meanwhile|separately|elsewhere|also|another|in (?:exchange|return|response)"
    r"|in a separate)\b",
    re.IGNORECASE,
)


def background(sentence: str, stem: str) -> bool:
    """True when every use of a word (as ``similarity.stems`` gives it) in a sentence is
    the background of something else, within five words after "after", "since", "during"
    ... ("shares rose after the flow was stopped"), or a plan or a possibility, just after
    "to" or a modal ("decided to slaughter", "charges should be brought")."""
    told = stems(sentence)
    places = [i for i, word in enumerate(told) if word == stem]
    return bool(places) and all(
        _BACKGROUND_CUES.intersection(told[max(0, i - _BACKGROUND_REACH) : i])
        or _UNREAL_CUES.intersection(told[max(0, i - _UNREAL_REACH) : i])
        for i in places
    )


def announces_another(sentence: str) -> bool:
    """True when a sentence announces a happening other than one told before
    ("Meanwhile, ...", "In exchange, Israel freed 183 Palestinians", "Ireland also
    reported its first case")."""
    return _ANOTHER.search(sentence) is not None


_PLACE_CUES = frozenset({"in", "at", "near", "outside", "across", "into", "on"})
"""Words a place of a happening follows: "a strike in Rafah", "a raid on Jenin"."""
_PLACE_MODIFIERS = frozenset(
    """the southern northern eastern western central occupied besieged nearby
    neighbouring neighboring""".split()
)
"""Words that may stand between the cue and the place: "in southern Gaza"."""
_PLACE_NOUNS = frozenset(
    """of city town village district neighbourhood neighborhood area camp refugee suburb
    suburbs outskirts region province governorate , in""".split()
)
"""Words that link a place to the place it lies in: "the Shujaiya district of Gaza City",
"the Jenin camp in the West Bank", "Jenin, West Bank"."""
_NOT_PLACES = frozenset(
    """I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December""".split()
)
_ACTORS = frozenset(
    """forces troops army military police soldiers officials authorities government media
    jets warplanes drones tanks targets positions fighters militants commanders leaders
    members""".split()
)
_LINKS = frozenset({"in", "of", ","})
_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
_DATELINE_REGION = re.compile(
    rf"^({_PLACE}),\s+([A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}})\s*{_AGENCY}?{_DASH}\s"
)
_RAIDS = frozenset({"raid", "raided", "raiding", "raids", "stormed", "besieged", "shelled"})
"""Nouns after which a capitalized word is who acted, not where: "in Israeli strikes",
"in Israeli army raids"."""
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\S")

Places = tuple[tuple[str, tuple[str, ...]], ...]
"""Each place a sentence names, lower case, with the places it is said to lie in."""


@functools.lru_cache(maxsize=1 << 16)
def place_names(sentence: str) -> Places:
    """The places a sentence tells something happened in: the capitalized words after "in",
    "at", "near", "on" ... ("in Rafah"), one name a run of them ("gaza city"), each with the
    places the sentence says it lies in ("in southern Gaza's Rafah": rafah in gaza; "the
    Shujaiya district of Gaza City": shujaiya in gaza city); not a name that qualifies an
    actor or an occurrence ("in Israeli strikes")."""
    tokens = _TOKEN.findall(clean_text(sentence))
    found: list[tuple[str, tuple[str, ...]]] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if token in _PLACE_CUES or _targets(token, tokens[at : at + 1]):
            names, outer, at = _names_after(tokens, at)
            if names:
                found.append((names[0], tuple(outer + names[1:])))
        elif _capital(token) and (at == 1 or not _capital(tokens[at - 2])):
            found.extend(_lying_in(tokens, at - 1))
    return tuple(found)


def _capital(token: str) -> bool:
    """True for a word of a name: capitalized, or after a particle ("al-Balah")."""
    return token[:1].isupper() or _PARTICLE.match(token) is not None


def dateline_within(sentence: str) -> tuple[str, str] | None:
    """The place a dateline files from and the region it gives it ("DEIR AL-BALAH, Gaza —":
    deir al-balah in gaza), if the sentence starts with one that gives a region."""
    match = _DATELINE_REGION.match(sentence)
    if match is None:
        return None
    return " ".join(match[1].lower().split()), " ".join(match[2].lower().split())


def _targets(token: str, following: list[str]) -> bool:
    """True for a verb of an occurrence followed by a capitalized word: what it names is
    the place struck ("raided Jenin", "hit Rafah")."""
    return (
        token.islower()
        and bool(following)
        and following[0][:1].isupper()
        and (token in _RAIDS or bool(occurrence_words(frozenset(stems(token)))))
    )


def _lying_in(tokens: list[str], at: int) -> list[tuple[str, tuple[str, ...]]]:
    """A place said to lie in another, named without a cue: "raided the Jenin refugee camp
    in the West Bank" (jenin in west bank); nothing for any other capitalized run."""
    run: list[str] = []
    while at < len(tokens) and _capital(tokens[at]) and tokens[at] not in _NOT_PLACES:
        run.append(tokens[at].lower())
        at += 1
    nouns = at
    while at < len(tokens) and tokens[at] in _PLACE_NOUNS and tokens[at] not in _LINKS:
        at += 1
    link = tokens[at] if at < len(tokens) else ""
    if not run or not (link == "in" or (link == "of" and at > nouns)):
        return []
    names, owners, _ = _names_after(tokens, at + 1)
    return [(" ".join(run), tuple(owners + names))] if names else []


def _names_after(tokens: list[str], at: int) -> tuple[list[str], list[str], int]:
    """The place names of the phrase that starts at ``tokens[at]``: the names in order,
    those that own another ("Gaza's") apart, and where the phrase ends."""
    names: list[str] = []
    owners: list[str] = []
    run: list[str] = []
    while at < len(tokens):
        token = tokens[at]
        bare = token.removesuffix("'s").removesuffix("’s")
        if _capital(bare) and bare not in _NOT_PLACES:
            run.append(bare.lower())
            if bare != token:  # "Gaza's Rafah": a name ends at its possessive
                owners.append(" ".join(run))
                run = []
        elif token in _PLACE_MODIFIERS or token in _PLACE_NOUNS:
            if run:
                names.append(" ".join(run))
                run = []
        else:
            break
        at += 1
    if run and not _qualifies(tokens[at] if at < len(tokens) else ""):
        names.append(" ".join(run))
    return names, owners, at


def _qualifies(word: str) -> bool:
    """True when a capitalized run followed by ``word`` names who acted or what happened
    rather than a place ("Israeli strikes", "Israeli forces")."""
    if not word.islower():
        return False
    return word in _ACTORS or bool(occurrence_words(frozenset(stems(word))))


def named_places(sentence: str, known: frozenset[str]) -> frozenset[str]:
    """The places a sentence names: those after a cue (``place_names``, not the places
    they lie in) and every run of capitalized words that is a ``known`` place ("Israeli
    forces raided Jenin", Jenin being a place another report names after "in")."""
    tokens = _TOKEN.findall(clean_text(sentence))
    runs = {" ".join(run) for run in _capitalized_runs(tokens)}
    outer = {name for _, within in place_names(sentence) for name in within}
    return frozenset(({name for name, _ in place_names(sentence)} | (runs & known)) - outer)


def _capitalized_runs(tokens: list[str]) -> list[list[str]]:
    """Every run of capitalized words of a sentence, lower case, a possessive ending one."""
    runs: list[list[str]] = []
    run: list[str] = []
    for token in tokens:
        bare = token.removesuffix("'s").removesuffix("’s")
        if _capital(bare) and bare not in _NOT_PLACES:
            run.append(bare.lower())
            if bare == token:
                continue
        if run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def apart_places(
    mine: frozenset[str], theirs: frozenset[str], within: Mapping[str, frozenset[str]]
) -> bool:
    """True when two reports each name a place and no place of one is, or holds, or lies
    in a place of the other: word by word ("gaza" and "gaza city" meet, "jenin" and
    "tulkarm" do not) or as a report of the block says (``within``: rafah in gaza)."""
    if not mine or not theirs:
        return False
    return not any(_meet(a, b, within) for a in mine for b in theirs)


def _meet(a: str, b: str, within: Mapping[str, frozenset[str]]) -> bool:
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    return b in within.get(a, ()) or a in within.get(b, ())
