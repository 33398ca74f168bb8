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
- Where no marker decides, a date that names an unforeseen happening ("the April 20
  explosion") is of the past: nobody dates an explosion ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PAST, UNKNOWN, FUTURE = -1, 0, 1
BACKSHIFTED = 2
"""A future told in the past ("was expected to begin on Sunday"): ahead of the telling, which
is itself just before publication."""

_FUTURE = (
    r"(?:will|would)\s+(?:not\s+|still\s+|also\s+|now\s+|then\s+|[a-z]+ly\s+)?be\s+[a-z]+|"
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|plans?\s+to|(?<!\bas\s)planned|planning|"
    r"(?<!\bas\s)scheduled|"
    # "is due to be sworn in", "payments due on Monday"; "due to shelling" is a cause.
    r"expected\s+to|(?:is|are|be)\s+expected|expects?|(?:(?:is|are|be|'s|'re)\s+)due|"
    r"due(?!\s+to\b)|to\s+be|would|upcoming|is\s+to|"
    r"are\s+to|(?:next|coming)\s+(?:week|month|year|weekend|[a-z]+day)|"
    r"aims?\s+to|hopes?\s+to|intends?\s+to|set\s+to|wants?\s+to|later\s+this|must|should|"
    # "is set for Saturday" is a schedule, as "scheduled for" is; "was set for" is backshifted.
    r"(?:(?:is|are|be|'s|'re)\s+(?:now\s+|also\s+)?)set\s+for|"
    r"as\s+(?:soon|early)\s+as|payable|effective|tomorrow"
)
# A possibility lies ahead ("could drive the slick ashore on Friday"), within its own clause
# only; not "could not", "could have", nor the month "May".
_MODAL = r"(?-i:could|might|may)(?!\s+(?:have|not|never)\b)(?!n't)"
_OTHER_CLAUSE = re.compile(r",")
_COORDINATED = re.compile(r"(?i)\b(?:and|or|but)\s+$")  # "landfall Thursday night and could"
_BACKSHIFT = (
    r"(?:was|were)\s+(?:still\s+|also\s+)?(?:(?:due|scheduled|expected|set|supposed|planned)"
    r"\s+to|set\s+for)"
)
_PAST_OF_FUTURE = r"had\s+(?:been\s+)?(?:due|scheduled|expected|set|planned|supposed)"
_SPEECH = (
    r"said|says|say|told|tells|added|adds|announced|reported|stated|quoted|predicted|warned|"
    r"insisted"
)
_PAST = (
    r"was|were|had|did|been|ago|earlier|began|came|went|took|made|yesterday|"
    # "last week", not the verb of "tests expected to last until Saturday"
    r"last\s+(?:week|month|year|night|weekend|summer|winter|spring|autumn|fall|[a-z]+day)|"
    r"gave|held|met|left|fled|struck|hit|fell|rose|won|lost|saw|became|sent|brought|"
    r"killed|wounded|arrived|sank|sunk|fought|broke|drove|flew|threw|shot|caught|led|stood|"
    r"spoke|wrote|sold|paid|kept|built|spent|found|grew|knew|blew|drew|froze|chose|rode|"
    r"stole|hid|overran|withdrew|swore|tore|shook|sought|thought|taught|bore|begun|"
    # A participle after an article or "still" is an adjective ("a still unspecified date").
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bstill\s)(?<!\btheir\s)"
    r"(?!(?:succeed|proceed|exceed|need|feed|bleed|speed|heed|seed|breed|indeed)\b)"
    r"(?-i:(?!un)[a-z]{2,}ed)"
)
# A deadline ("postponed until Tuesday"), but not "not until", "up until", "Until then,".
_DEADLINE = r"(?<!\bnot\s)(?<!\bup\s)(?-i:until|till)"
_MARKER = re.compile(
    rf"(?i)\b(?:(?P<backshift>{_BACKSHIFT})|(?P<past_future>{_PAST_OF_FUTURE})|"
    rf"(?P<since>since)|(?P<frame>according\s+to)|"
    rf"(?P<speech>{_SPEECH})\b(?=(?P<framing>\s*(?:[,.;:]|''|\"|$))?)|"
    rf"(?P<deadline>{_DEADLINE})|(?P<future>{_FUTURE})|(?P<modal>{_MODAL})|(?P<past>{_PAST}))\b"
)
# Where the clause of the expression ends, looking forward: a subordinate clause ("that",
# "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas",
# "but", "when", "where", "if", "unless"), a quotation. (It begins with a character class,
# which the regex engine skips to: the marks, and the first letters of the words with the
# letters that case-insensitive matching takes for them, the dotted capital I and the
# dotless i; the look-behinds say which it was, and that a word begins there.)
_CLAUSE_END = re.compile(
    r"[;:()\"“”'`tTwWbBaAiIuUİı](?:(?<=[;:()\"“”])|(?<=')'|(?<=`)`|(?<!\w.)(?:"
    r"(?<=[tT])(?i:hat|hough)|(?<=[wW])(?i:hich|ho|hom|hose|hile|hereas|hen|here)|"
    r"(?<=[bB])(?i:ecause|ut)|(?<=[aA])(?i:lthough)|(?<=[iIİı])(?i:f)|(?<=[uU])(?i:nless))\b)"
)
# An appositive after a comma ("on Sunday, the first hostages to be freed") is not the verb,
# nor is a participle clause ("on Saturday, saying it would not proceed"); but after a date
# that opens the sentence the comma ends the date, and the main clause follows it ("On
# Tuesday, the league plans to...").
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their|his|her)\s|,\s+[a-z]+ing\b")
_OPENING = re.compile(
    r"(?i)\s*(?:(?:and|but|also|then|on|in|during|by|late|early|until|since|as\s+of)\s+)*$"
)
# A period after an initial or a common abbreviation ends no sentence: "Roe vs. Wade",
# "Gen. Powell", "Donald J. Trump".
# (It begins with a character class, which the regex engine skips to; the look-behinds say
# which of the two ends it is.)
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“'`(])|(?<=\n)\s*\n)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:vs|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|No|Mt|Ft|Capt|Adm))$"
)
_ABBREVIATION_SIZE = 5
# The words a tense marker can begin with, and the verbs in -ed: only there is the marker
# pattern tried (a pattern this large tried at every character of a window is slow, and
# tried at a word no marker begins with, "the", "a", "year", it fails only after trying
# every alternative). The first word of each alternative of ``_MARKER``, in its order:
_MARKER_OPENERS = frozenset(
    """was were had since according said says say told tells added adds announced reported
    stated quoted predicted warned insisted until till will would won wo shall 'll going plan
    plans planned planning scheduled expected expect expects is are be 's 're due to upcoming
    next coming aim aims hope hopes intend intends set want wants later must should as payable
    effective tomorrow could might may did been ago earlier began came went took made yesterday
    last gave held met left fled struck hit fell rose lost saw became sent brought killed
    wounded arrived sank sunk fought broke drove flew threw shot caught led stood spoke wrote
    sold paid kept built spent found grew knew blew drew froze chose rode stole hid overran
    withdrew swore tore shook sought thought taught bore begun""".split()
)
# Every word of the patterns, and each without its last letter ("plans?" is "plan" too): in
# text with letters outside ASCII the case-insensitive pattern may match more than a word of
# ASCII letters ("wa" and the long s are "was" to it; the word of ASCII letters is "wa").
_MARKER_PIECES = frozenset(
    word[:cut]
    for source in (_PAST_OF_FUTURE, _BACKSHIFT, _SPEECH, _DEADLINE, _FUTURE, _MODAL, _PAST)
    for word in re.findall(r"'?[a-z]+", source)
    for cut in (None, -1)
) | {"since", "according"}
_TOKEN = re.compile(r"'?[A-Za-z]+")
# A condition whose consequence lies ahead: its dates lie ahead too, whatever its verb's tense.
_CONDITIONAL = re.compile(r"(?i)\b(?:if|unless)\b")
_CONSEQUENCE = re.compile(r"(?i),\s+\w+\s+(?:will|would|'ll)\b(?!\s+have\b)")
# A relative clause set off by commas ends at the next comma.
_RELATIVE_CLAUSE = re.compile(r"(?i),\s+(?:who|which|whose|where)\b[^,]*$")
# Where the clause of the expression begins, looking back: the end of a quotation.
# (It begins with a character class, which the regex engine skips to: ``''``, a closing
# mark before a space, or punctuation before a straight mark.)
_QUOTE_END = re.compile(r"[\"”,.!?'](?:(?<=')'|(?<=[\"”])\s|(?<=[,.!?])\")")
_WINDOW = 160
_ADJACENT = re.compile(r"(?i)\s*(?:on\s+|late\s+|early\s+)?")
# What may stand between a deadline's "until" and its date: "until at least late on Friday".
_DEADLINE_GAP = re.compile(r"(?i)\s*(?:at\s+least\s+)?(?:(?:late|early)\s+)?(?:on\s+)?")
_PERFECT = re.compile(r"(?i)\bhad\b")
_CLAUSE_OPENS = re.compile(
    r"(?i)\b(?:that|which|who|when|while|because|after|before|and|but)\b|[,;:]"
)
_PUT_OFF = re.compile(
    r"(?i)\b(?:postpon|delay|put\s+off|adjourn|extend|defer|pushed\s+back|suspend|clos|shut|"
    r"halt|ban|ground|lock)"
)
# A date a thing is put off or moved to: "adjourned the hearing to 5 June", "moved to Friday".
_MOVED_TO = re.compile(r"(?i)\bto\s+(?:(?:late|early)\s+)?(?:on\s+)?$")
_MOVED = re.compile(
    r"(?i)\b(?:postpon|delay|put\s+off|adjourn|extend|defer|pushed\s+back|reschedul|"
    r"moved|brought\s+forward)"
)
# The infinitive a decision, a promise or an order is about: "ordered the secretaries to
# visit the site on Friday", "has agreed to release 90 prisoners on Sunday" (not "agreed on
# Monday to release", where the date is the agreement's).
# Whom an order is given may take many words ("ordered the Secretaries of Interior and
# Homeland Security, as well as Lisa Jackson of the EPA, to visit"): a list, never a verb or
# a clause of its own (see ``_is_object``).
_INTENDED = re.compile(
    r"(?i)\b(?:agreed|decided|vowed|pledged|promised|threatened|offered|proposed|ordered|"
    r"asked|urged|invited|voted)\s+(?P<object>(?:[\w'’.-]+,?\s+){0,24}?)to\s+(?!be\b|have\b)"
    r"[a-z]+(?:\s+(?!(?:was|were|had|did|and|but|that|which|who|after|before|when)\b)"
    r"(?![a-z]+ed\b)[\w'’-]+){0,6}?\s+(?:(?:on|at|by|in|next|this|early|late)\s+)*$"
)
_INTENDED_SPAN = _WINDOW
# An order just given: a present perfect, or a present, right before its verb ("has
# ordered", "have now agreed", "has been asked").
_JUST_DONE_BEFORE = re.compile(
    r"(?i)\b(?:has|have|'ve|is|are|am)\s+(?:(?:now|just|also|again|already|been|formally|"
    r"officially)\s+)*$"
)
_OBJECT_WORDS = 4
"""An object of up to this many words is taken as it is; a longer one is read (``_is_object``)."""
_NOT_IN_OBJECT = frozenset(
    "that which who whom whose when where while because after before if unless but then "
    "it he she they we i you".split()
)
# The words without which the patterns above cannot match, for a quick test first: each is
# tried at every character of its window, and most windows hold none of them.
_CONDITIONAL_WORDS = ("if", "unless")
_INTENDED_VERBS = (
    "agreed", "decided", "vowed", "pledged", "promised", "threatened", "offered", "proposed",
    "ordered", "asked", "urged", "invited", "voted",
)  # fmt: skip
_MOVED_TO_ENDS = ("to", "late", "early", "on")
_REMOTE = 1000  # what a reporting verb away from the expression adds to its distance
_CLAUSE_WORDS = 3
_SINCE_WORDS = 4
"""A date at most this many words after "since" is the point since which: in the past."""
_COMMA = 30
"""What a comma between the expression and a marker after it adds to the marker's distance."""
# A date that names an unforeseen happening ("the April 20 explosion", "the 3 March suicide
# bombing", "the Oct. 7 Hamas attack") is of the past: nobody dates an explosion ahead. Only
# nouns of what cannot be planned: "the November 6 election", "the March 3 strike" (a strike
# of workers is called ahead) or "the Friday deadline" may lie ahead. Up to two modifiers
# stand between: a name, or a word of this short list.
_UNFORESEEN_NOUNS = (
    "explosions?", "blasts?", "attacks?", "bombings?", "shootings?", "killings?", "massacres?",
    "deaths?", "crash(?:es)?", "earthquakes?", "quakes?", "collapse", "ambush", "assassination",
    "murders?", "slayings?", "fires?", "spill", "leak", "disaster", "tragedy", "outbreak", "coup",
    "uprising", "riots?", "clashes", "stampede", "floods?", "flooding", "tsunami", "shelling",
    "incursion", "abduction", "kidnapping", "derailment", "sinking", "rampage", "accident",
)  # fmt: skip
_UNFORESEEN = re.compile(
    r"(?:\s+(?:[A-Z][\w'’-]*|(?i:deadly|fatal|suicide|terror|terrorist|rocket|missile|drone|"
    r"car|truck|bomb|rig|mine|gas|oil|chemical|twin|mass|massive|huge|devastating|"
    r"catastrophic|school|hospital|market))){0,2}"
    rf"\s+(?i:{'|'.join(_UNFORESEEN_NOUNS)})\b"
)
_UNFORESEEN_WORDS = tuple(re.sub(r"\(\?:\w+\)\?|\w\?", "", noun) for noun in _UNFORESEEN_NOUNS)
"""Each noun of ``_UNFORESEEN`` without its optional ending ("explosion", "crash"), looked for
first."""
_UNFORESEEN_REACH = 60
"""How far after the expression its happening's noun is looked for (two modifiers and it)."""


def tense(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the span ``text[start:end]`` (see the module docstring)."""
    before = _sentence_before(text, start)
    opening = _OPENING.fullmatch(before) is not None
    after = _clause_after(text, end, opening=opening)
    if _RELATIVE_CLAUSE.search(before):
        after = after.split(",", 1)[0]  # ", who is due to be sworn in on Monday, claimed..."
    conditional = _may_hold(before, _CONDITIONAL_WORDS) and _CONDITIONAL.search(before)
    if conditional and _CONSEQUENCE.search(after):
        return FUTURE  # "if they were not returned by noon on Saturday, he would..."
    if _moved_to(before):
        return FUTURE
    intended = _intended(before)
    if intended is not None:
        return intended
    best: tuple[int, int] = (_REMOTE * 2, UNKNOWN)
    for match in _markers(before):
        if match.group("deadline"):
            best = min(best, _deadline(before, match))
        elif match.group("since") and len(before[match.end() :].split()) <= _SINCE_WORDS:
            best = min(best, (0, PAST))  # "missing since the blast about 10 p.m. Tuesday"
        else:
            best = min(best, _weigh(match, before[match.end() :]))
    framed = _has_clause(before)
    for match in _markers(after):
        if not match.group("deadline"):  # "until" after the date bounds something else
            distance, told = _weigh(match, after[: match.start()], framed=framed, after=True)
            if "," in after[: match.start()]:
                distance += _COMMA  # "brought online on Monday, will be turned off"
            best = min(best, (distance, told))
    if best[1] == UNKNOWN and _names_unforeseen(text, end):
        return PAST
    return best[1]


def _names_unforeseen(text: str, end: int) -> bool:
    """Whether the expression ending at ``end`` dates a happening nobody dates ahead: "the
    April 20 explosion", "the 3 March suicide bombing" (``_UNFORESEEN``)."""
    window = text[end : end + _UNFORESEEN_REACH]
    lowered = window.lower()
    if not any(word in lowered for word in _UNFORESEEN_WORDS):
        return False  # (a quick test: most dates are followed by none of them)
    return _UNFORESEEN.match(window) is not None


def _markers(window: str) -> Iterator[re.Match[str]]:
    """The tense markers of ``window``, in order, as ``_MARKER.finditer`` finds them."""
    position = 0
    openers = _MARKER_OPENERS if window.isascii() else _MARKER_PIECES
    for token in _TOKEN.finditer(window):
        word = token.group().lower()
        if token.start() < position or (word not in openers and not word.endswith("ed")):
            continue
        marker = _MARKER.match(window, token.start())
        if marker is not None:
            position = marker.end()
            yield marker


def _sentence_ends(window: str) -> Iterator[re.Match[str]]:
    """Where sentences end in ``window``: not at the period of an initial or an
    abbreviation ("Roe vs. Wade", "Gen. Powell", "Donald J. Trump")."""
    for end in _SENTENCE_END.finditer(window):
        dot = end.start()
        if window[dot] != "." or not _ABBREVIATION.search(
            window, max(0, dot - _ABBREVIATION_SIZE), dot
        ):
            yield end


def _sentence_before(text: str, start: int) -> str:
    # One character more, so that a sentence ending right before the expression is seen.
    window = text[max(0, start - _WINDOW) : start + 1]
    ends = list(_sentence_ends(window))
    window = window[ends[-1].end() : -1] if ends else window[:-1]
    quotes = list(_QUOTE_END.finditer(window))
    return window[quotes[-1].end() :] if quotes else window


def _clause_after(text: str, end: int, *, opening: bool) -> str:
    window = text[end : end + _WINDOW]
    stop = next(_sentence_ends(window), None)
    window = window[: stop.start()] if stop else window
    clause = _CLAUSE_END.search(window)
    window = window[: clause.start()] if clause else window
    aside = None if opening else _APPOSITIVE.search(window)
    return window[: aside.start()] if aside else window


def _deadline(before: str, match: re.Match[str]) -> tuple[int, int]:
    """A deadline's "until" dates what it bounds when it governs the expression. The bound
    lies ahead after a verb of putting off ("postponed until at least Wednesday", "closed
    until Monday") or when the verb nearest it is no past ("will stay until Friday", "tests
    expected to last until Saturday"); it is over after another past verb ("stayed open until
    late on Friday") or a past perfect ("had claimed until Thursday"). Elsewhere in the
    clause ("until it sank Thursday") it tells nothing of the date."""
    gap = before[match.end() :]
    if _DEADLINE_GAP.fullmatch(gap) is None:
        return _REMOTE * 2, UNKNOWN
    clause = before[: match.start()]
    opens = list(_CLAUSE_OPENS.finditer(clause))
    clause = clause[opens[-1].end() :] if opens else clause  # "an order that he stay until"
    if _PERFECT.search(clause):
        return len(gap), PAST
    if _PUT_OFF.search(clause):
        return len(gap), FUTURE
    markers = list(_markers(clause))  # the verb nearest "until" is the bounded one
    past = bool(markers) and markers[-1].group("past") is not None
    return len(gap), PAST if past else FUTURE


def intended_before(before: str) -> bool:
    """Whether the words before a date end in the infinitive that a decision, a promise or
    an order is about ("ordered the secretaries to visit the site on"): the date lies ahead
    of it."""
    return _intended(before) is not None


def _intended(before: str) -> int | None:
    """FUTURE when the words before a date end in the infinitive of an order, a decision or
    a promise just made ("has ordered the secretaries to visit the site on"): the date lies
    ahead of publication; BACKSHIFTED when it was made in the past tense ("ordered
    residents to leave on"): ahead of the order, which was itself just before publication,
    so that "ordered residents to leave on Friday" in Saturday's paper is the day before;
    None when they do not."""
    window = before[-_INTENDED_SPAN:]
    if not _may_hold(window, _INTENDED_VERBS):
        return None
    position = 0
    while (match := _INTENDED.search(window, position)) is not None:
        if _is_object(match.group("object")):
            just_done = _JUST_DONE_BEFORE.search(window, 0, match.start())
            return FUTURE if just_done else BACKSHIFTED
        position = match.start() + 1
    return None


def _is_object(words: str) -> bool:
    """Whether the words between a verb of deciding or ordering and its infinitive are whom
    it was ordered or asked (a noun phrase, or a list of them), not a clause with a verb and
    a subject of its own ("urged calm, and the army began to withdraw on Friday")."""
    split = words.split()
    if len(split) <= _OBJECT_WORDS and "," not in words:
        return True
    lowered = {word.strip(",").lower() for word in split}
    return _NOT_IN_OBJECT.isdisjoint(lowered) and next(_markers(words), None) is None


def _moved_to(before: str) -> bool:
    """A date that something is put off or moved to lies ahead ("adjourned the hearing to 5
    June", "the vote was moved to Friday"), unless a past perfect keeps it in the past ("had
    been postponed to Monday")."""
    to = _MOVED_TO.search(before) if _may_end_with(before, _MOVED_TO_ENDS) else None
    if to is None:
        return False
    clause = before[: to.start()]
    opens = list(_CLAUSE_OPENS.finditer(clause))
    clause = clause[opens[-1].end() :] if opens else clause
    return _MOVED.search(clause) is not None and _PERFECT.search(clause) is None


def _may_hold(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``window`` holds one of ``words`` (lower case), which a case-insensitive
    pattern needs: a substring test spares trying the pattern at every character. Text
    with letters outside ASCII is always tried: such a pattern matches letters that
    ``lower()`` leaves alone (the dotless i of "ıf")."""
    if not window.isascii():
        return True
    lowered = window.lower()  # once, not once a word
    return any(word in lowered for word in words)


def _may_end_with(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``window``, trailing spaces aside, ends with one of ``words``, as a pattern
    anchored at its end needs (see ``_may_hold``)."""
    return not window.isascii() or window.rstrip().lower().endswith(words)


def _has_clause(before: str) -> bool:
    """Whether the words before the expression can hold a subject and a verb: then a
    reporting verb after a comma frames them ("BP could install it by September, Wells told
    the commission"); after an opening phrase ("In May, it announced") it is the main verb."""
    return len(before.split()) >= _CLAUSE_WORDS


def _weigh(
    match: re.Match[str], gap: str, *, framed: bool = False, after: bool = False
) -> tuple[int, int]:
    """(distance, tense) of a marker separated from the expression by ``gap``; ``framed``
    when a reporting verb after a comma there frames what is told (see ``_has_clause``)."""
    distance = len(gap)
    if match.group("past_future"):
        return distance, PAST
    if match.group("backshift"):
        return distance, BACKSHIFTED
    if match.group("modal"):  # "fears it could make the leak worse, and on Wednesday"
        elsewhere = _OTHER_CLAUSE.search(gap) or (after and _COORDINATED.search(gap))
        return (_REMOTE * 2 if elsewhere else distance), FUTURE
    framing = match.group("framing") is not None or (framed and "," in gap)
    if match.group("frame") or (match.group("speech") and framing):
        # "..., officials said." frames what is told; so does "..., Kent Wells told the
        # commission": it dates the telling, next to the expression only.
        adjacent = _ADJACENT.fullmatch(gap) is not None
        return (distance if adjacent else distance + _REMOTE), PAST
    if match.group("speech"):
        return distance, PAST
    return distance, FUTURE if match.group("future") else PAST
