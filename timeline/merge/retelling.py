"""An article's later report of a day and its first one (its lead): whether the later one
retells the lead's happening, by its occurrence and one word more, by the hour of the
lead's day, or by a figure (``retells``). ``blocks.py`` asks it of an article's reports in a
block.
"""

from __future__ import annotations

from timeline.merge.clusters import MIN_SHARED
from timeline.merge.dated import occurrences_before
from timeline.merge.places import BROAD_WEIGHT
from timeline.merge.similarity import (
    Weights,
    occurrence_words,
    shares_figure,
    stems,
    toll_words,
)
from timeline.merge.statements import told_in_statement
from timeline.merge.telling import (
    announces_another,
    background,
    foreground,
    quoted,
    refers_back,
)
from timeline.model import Event, Precision

HOUR_MIN_WEIGHT = 2 * BROAD_WEIGHT
"""How rare a word a later report must share with its lead to give the hour of its
happening in other words (``_hour_of_lead``): with no occurrence in common, the lead's
own who or what ("prisoners", "the cap"), not the story's ("people", "health", "Mexico":
a headline's words that a later paragraph of another happening shares)."""


def retells(event: Event, lead: Event, words: dict[str, frozenset[str]], weights: Weights) -> bool:
    """True when a later report of an article tells the happening of its first report of
    the day: they share a word of an occurrence ("sank", "leak") and one word more (who,
    where, a figure), or the later one gives the time of the day the lead gives
    (``timed_detail``: "the rig sank on Thursday", then "it sank at 10:21 a.m."); the
    occurrence is not the background of what the later one tells
    ("shares rose after the flow was stopped"), and nothing announces another happening
    ("meanwhile", "in exchange", "also"). What someone said of the occurrence retells it
    only when it tells what was done (``statements.told_in_statement``). A toll is an
    occurrence only between reports that tell no other (``similarity.toll_words``). With
    no occurrence in common, a later report may give the hour of the lead's happening in
    other words (``_hour_of_lead``)."""
    shared = words[event.id] & words[lead.id]
    occurrences = occurrence_words(shared)
    if not (occurrence_words(words[event.id]) or occurrence_words(words[lead.id])):
        # A lead that tells a toll and nothing else ("A child has died of swine flu in
        # Texas"), retold by a report that tells nothing else either ("the first death of
        # a child from the virus"): the toll is the happening.
        occurrences = toll_words(shared)
    told = event.clause or event.text
    if announces_another(told):
        return False
    if not occurrences and _hour_of_lead(event, lead, shared, words, weights):
        return True
    if not occurrences:
        # A figure and a word more, rarer than a region's: "90 Palestinians walked out
        # of detention" and "90 prisoners had been released overnight".
        return shares_figure(shared, shared) and any(
            not word[0].isdigit() and weights.weight(word) >= BROAD_WEIGHT for word in shared
        )
    if len(shared) < MIN_SHARED:
        # By its time alone: only an occurrence it tells as what happened, not what
        # someone said of it ("Netanyahu said on Tuesday night the strikes were only
        # the beginning"); unless what was said is what was done to it ("the company
        # said that the leak has been isolated": ``told_in_statement``).
        # Or an hour given to the occurrence itself ("the earthquake struck around 5
        # o'clock"), whoever tells it: the hour of the lead's happening.
        hour = occurrences_before(event) if timed_detail(event, lead) else frozenset()
        return any(
            (
                (timed_detail(event, lead) or refers_back(told, word) or _of_told(told, word))
                and foreground(told, word)
                and not quoted(told, word)
            )
            or (told_in_statement(told, word) and not background(told, word))
            or word in hour
            for word in occurrences
        )
    return any(not background(told, word) for word in occurrences)


def timed_detail(event: Event, lead: Event) -> bool:
    """True when a later report gives a time of the day its article's lead gives as a day:
    the lead tells what happened that day, a later paragraph when ("the rig sank on
    Thursday" ... "the platform sank below the surface at 10:21 a.m.")."""
    return event.date.precision is Precision.TIME and lead.date.precision is Precision.DAY


def _hour_of_lead(
    event: Event,
    lead: Event,
    shared: frozenset[str],
    words: dict[str, frozenset[str]],
    weights: Weights,
) -> bool:
    """True when a later report gives the hour of its article's lead in other words: the
    lead tells an occurrence on a day ("Israel released 90 prisoners early today"), the
    later report a time of that day, no occurrence of its own, and who and where of the
    lead ("the buses carrying the detainees left Ofer prison, outside Ramallah, shortly
    after 1 a.m."): two words shared, one of them rare (``HOUR_MIN_WEIGHT``). A later
    report that tells an occurrence of its own ("soldiers raided the camp at 3 a.m.") is
    another happening unless it shares the lead's (``retells``)."""
    if not timed_detail(event, lead) or len(shared) < MIN_SHARED:
        return False
    if occurrence_words(words[event.id]) or not occurrence_words(words[lead.id]):
        return False
    rare = (word for word in shared if not word[0].isdigit())
    return any(weights.weight(word) >= HOUR_MIN_WEIGHT for word in rare)


def _of_told(sentence: str, stem: str) -> bool:
    """True when a sentence names an occurrence (a word as ``similarity.stems`` gives it)
    as the one something is of, with no article of its own: "the cause of death", "the site
    of impact", "the scene of devastation". Such a phrase names what is known already, as
    "the death" does (``telling.refers_back``), which a new occurrence never is: news tells
    it with "a" or a verb first."""
    told = stems(sentence)
    return any(
        word == stem and told[i - 1] == "of" and told[i - 3] == "the"
        for i, word in enumerate(told)
        if i >= 3
    )
