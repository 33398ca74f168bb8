"""Whether an entry's text reads on its own, as a key event is read: alone, on the front page
and in a TimelineJS story, with no article around it (the ``text`` factor of ``rank.py``)."""

from __future__ import annotations

import re

from timeline.merge.clarity import broken

MIN_STANDALONE_WORDS = 8
"""Fewer words than this seldom say who did what where."""
_WORDS = re.compile(r"[A-Za-z0-9][\w'’-]*")
# An opening that points back at what the article said before.
_LEANS_BACK = re.compile(
    r"[\"'“‘]?(?:He|She|It|They|We|I|This|These|Those|That|His|Her|Its|Their|But|And|Also|"
    r"However|Still|Instead|Then|Later|Since\s+then|After\s+that|Before\s+that|By\s+then|"
    r"Meanwhile|Earlier)\b(?!['’]s\b)"
)
# The writer's own first person: a column's, a reader's comment's, a diary's ("In recent
# years I've outlined plans ...", "Yesterday we visited a clinic."), where no quotation gives
# the words to someone the text names.
_OWN_VOICE = re.compile(
    r"\bI(?:['’](?:m|ve|d|ll))?\b"
    r"|\b(?:me|my|myself|we|we['’](?:re|ve|d|ll)|us|our|ours|ourselves)\b"
    r"|^[\"“‘']?(?:My|We|Our)\b"
)
"""A first person: "I", "me", "my", "we", "us", "our" in lower case ("US" is a country), or
in capitals opening the text."""
_QUOTED = re.compile(r"[\"“”]|(?:^|\s)['‘]")


def needs_context(text: str) -> bool:
    """True when a text cannot be read without the article it comes from: it opens with a
    pronoun or a link to what came before ("They were freed ...", "Since then, ...", "But
    ..."), it is too short to say who did what ("The prisoners were freed late on
    Thursday."), or it is a piece of a sentence that a splitter cut inside a bracket
    ("N) chairman apologized on Wednesday ...", "... the ministry of Energy (MoE."; ``broken``):
    no report of its entry gave a whole sentence; or it speaks in its writer's own first
    person (``in_own_voice``): who is speaking is on the page, not in the text."""
    words = _WORDS.findall(text)
    return (
        len(words) < MIN_STANDALONE_WORDS
        or _LEANS_BACK.match(text) is not None
        or broken(text)
        or in_own_voice(text)
    )


def in_own_voice(text: str) -> bool:
    """True when a text speaks in its writer's own first person, outside any quotation ("In
    recent years I've outlined plans ...", "Yesterday we visited one of the clinics."): a
    column, a reader's comment or a diary, whose "I" or "we" only its page names. Not "World
    War I", nor "US" opening a text, nor words a quotation gives to someone it names."""
    if _QUOTED.search(text):
        return False
    return any(_first_person(text, found) for found in _OWN_VOICE.finditer(text))


def _first_person(text: str, found: re.Match[str]) -> bool:
    """Whether a match of ``_OWN_VOICE`` is a first person: an "I" after a word in capitals
    within the text ("World War I", "Phase I") is a numeral, not after one that opens it or
    ends a clause ("Then I left", "In Gaza, I saw")."""
    if not found[0].startswith("I"):
        return True
    before = text[: found.start()].split()
    return len(before) <= 1 or not before[-1][:1].isupper() or before[-1][-1] in ",;:"
