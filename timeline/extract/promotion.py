"""The site's own promotion lines: sentences that address the reader in the imperative with a
news site's vocabulary ("Explore all of our graphics of the spill", "Get the Morning Brief
delivered to your inbox", "Send us your comments using the form below", "Watch our video of
the shelling", "Download our app for news alerts"). They are page furniture, not reporting:
a news page prints them between the paragraphs of any story, and the build would otherwise
date them by the page's publication.

Two things must hold: the sentence opens with a verb that pages use to address their readers
(explore, get, sign up, subscribe, follow, click, watch, listen, download, see, read, send,
tell, share, visit, …), and it names the site's own things (our coverage, our graphics, your
inbox, a newsletter, a podcast, news alerts, the form below, the app, a video, "us" on
Twitter). A verb alone is not enough: "Get out, the soldiers shouted", "Follow the river north
to the bridge", "Tell us about the relief well" (an interviewer's question) are not
furniture. Quoted speech never is: a quotation mark or a verb of saying keeps the sentence.
"""

from __future__ import annotations

import re

from timeline.extract.tellingwords import alternation, pick

# The imperatives a page addresses its reader with (lower-cased first words).
_READER_VERBS = frozenset(
    "explore get sign subscribe follow click tap watch listen download see read send tell share "
    "visit email e-mail join find view browse check keep stay catch discover".split()
)
# Openings that address the reader whatever follows: no report opens with "Click here".
_ALWAYS = re.compile(
    r"(?i:click|tap)\s+(?i:here|on|the|through|below|above|image|next|to)\b|Like us on\b"
)
_OPENERS = _READER_VERBS | {"like"}
"""The first words (lower-cased) of every promotion line in ASCII: a reader's verb, or the
"Like" of ``_ALWAYS``, whose other verbs are reader's verbs too. (Ignoring case, ``_ALWAYS``
takes the Kelvin sign for "k" and the dotless i for "i", which end a word of ASCII letters.)"""
# What only a news site offers its readers.
_SITE_THINGS = re.compile(
    r"(?i)\b(?:our|the site's|this site's)\s+(?:\w+['’]?s?\s+){0,4}?(?:coverage|graphics?|"
    r"interactives?|maps?|videos?|galler(?:y|ies)|slide ?shows?|photos?|pictures|podcasts?|"
    r"newsletters?|apps?|live ?blog|blog|site|website|page|special report|timeline|guide|"
    r"explainer|feeds?|alerts?|channel|series|reporting|journalism|archive|stories|"
    r"programmes?|programs?|documentary|Q&A|analysis)\b|"
    r"\b(?:your|an?)\s+(?:in-?box|mobile device|e-?mail alerts?)\b|"
    r"\bdelivered\s+(?:to|straight|directly|every)\b|"
    r"\b(?:newsletters?|podcasts?|(?:e-?mail|news|breaking news|push) alerts?|RSS|"
    r"the app\b|our app\b|app store|google play|the form below|comments? (?:box|section) "
    r"below|full coverage|live coverage|live updates|live blog|full (?:video|interview|"
    r"graphic|story|report|transcript)|(?:this|the) (?:video|graphic|interactive|slideshow|"
    r"gallery))\b|"
    r"\bon\s+(?:Twitter|Facebook|Instagram|YouTube|TikTok|Telegram|WhatsApp|Threads|X)\b|"
    r"\bus\s+(?:an?\s+)?(?:e-?mail|your (?:comments|thoughts|views|experiences|stories|"
    r"questions|photos|pictures|videos|tips|suggestions))\b|"
    r"\b(?:us|your)\s+(?:\w+\s+){0,2}?(?:comments|thoughts|views|experiences|photos|videos|"
    r"suggestions|tips)\b.{0,60}\b(?:below|form|e-?mail|twitter|page|published)\b"
)
_SAID = pick("said says told tells added warned wrote insisted declared announced")
"""The verbs of telling (``tellingwords``) that frame quoted speech."""
_CALLED = frozenset("shouted yelled asked urged chanted pleaded cried screamed ordered".split())
"""The verbs of calling out, which frame an imperative as speech ("Get out, the soldiers
shouted"): no part of the vocabulary of telling, which attributes reports."""
_SPEECH = re.compile(rf"(?i)[\"“”«»]|(?:^|\s)[‘']\w|\b{alternation(_SAID | _CALLED)}\b")
# The first word, after a list's bullet and a "Please".
_OPENING = re.compile(r"[\s\-–—•*|>]*(?=[A-Z])(?:Please\s+)?([A-Za-z][A-Za-z-]*)")


# A sentence of its own glued after the promotion (the page's line break lost): "Download the
# podcast Labor is to set up its own review of policing", "Follow live updates here BP said".
_SENTENCE_AFTER = re.compile(
    r"((?:\s+(?:here|below|now|online))?)\s+(?!(?:Find|Subscribe|Follow|Sign|Get|You|Click|"
    r"Watch|Read|See|Download|Listen|Share|Send)\b)[A-Z][\w'’-]*(?:\s+\S+){3}"
)


def promotion_end(sentence: str) -> int | None:
    """Where the site's own promotion line that opens a sentence ends (None if there is
    none): at the sentence's end, or after the site's thing when a sentence of its own
    follows in the same line."""
    opening = _OPENING.match(sentence)
    if opening is None:
        return None
    word = opening.group(1).lower()
    if word not in _OPENERS and sentence.isascii():
        return None  # most sentences (a letter outside ASCII may end the word early)
    end = _end_of_promotion(sentence, opening.start(1), word)
    if end is None or is_speech(sentence[:end]):
        return None  # quoted speech, or a verb of saying in the promotion itself
    return end


def is_speech(text: str) -> bool:
    """Whether a text reads as someone's speech: a quotation mark, or a verb of saying or of
    calling out ("Get out, the soldiers shouted")."""
    return _SPEECH.search(text) is not None


def _end_of_promotion(sentence: str, verb: int, word: str) -> int | None:
    if _ALWAYS.match(sentence, verb):
        return len(sentence)
    if word not in _READER_VERBS:
        return None
    thing = _SITE_THINGS.search(sentence, verb)
    if thing is None:
        return None
    after = _SENTENCE_AFTER.match(sentence, thing.end())
    return len(sentence) if after is None else after.end(1)


def is_promotion(sentence: str) -> bool:
    """Whether a sentence opens with the site's own promotion line addressed to the reader."""
    return promotion_end(sentence) is not None
