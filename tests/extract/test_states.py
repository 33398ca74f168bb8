"""Clauses that describe a condition on a day (states) against reports of what happened on it.

Made-up sentences in the style of war reporting, each in an article published on Wednesday 5
February 2025 (as in ``test_classes.py``); each row gives the events the sentence makes.
"""

from __future__ import annotations

import pytest

from timeline.extract import extract_article
from timeline.extract.cues import tokens_of
from timeline.extract.states import describes_condition
from timeline.load.articles import parse_article
from timeline.model import EventKind

FRONT = "---\ntitle: Gaza\npublished: 2025-02-05T09:00:00+02:00\nsource: Wire\n---\n\n"
H, S = EventKind.HAPPENED, EventKind.STATE


def kinds_of(body: str) -> list[tuple[str, EventKind]]:
    extraction = extract_article(parse_article(FRONT + body + "\n", "content/articles/a.md"))
    return [(e.expression.text if e.expression else "-", e.kind) for e in extraction.events]


CONDITIONS = [
    # A copula: what held on the day.
    ("Much of the attention today is on Rafah.", [("today", S)]),
    ("The crossing was quiet on Sunday.", [("Sunday", S)]),
    ("Yesterday the convoy was about 20 km from the border.", [("Yesterday", S)]),
    ("Yesterday the convoy was about 20 km from reaching the border.", [("Yesterday", S)]),
    (
        "Yesterday the convoy was about 20 km from reaching the border, a UN official said.",
        [("Yesterday", S)],
    ),
    # Any verb of telling attributes the clause; it is no verb of it.
    ("The crossing was quiet on Sunday, the mayor announced.", [("Sunday", S)]),
    ("For all the drama of the weekend, these were only the first steps.", [("the weekend", S)]),
    # A copula of an impression.
    ("The mood in Tel Aviv seemed calm on Monday.", [("Monday", S)]),
    ("Progress looked unlikely last week.", [("last week", S)]),
    # A progressive of living through a condition.
    ("Bakeries in Khan Younis were selling out of bread today.", [("today", S)]),
    ("Families in Rafah were sheltering in tents this week.", [("this week", S)]),
    ("Hospitals in the north are running out of fuel today.", [("today", S)]),
    # A habit: what happens as a rule, no happening of the date it names.
    (
        "The crossing, which usually opens at 8 a.m. on Sunday, stayed shut.",
        [("8 a.m. on Sunday", S)],
    ),
    ("Fighting eases in a winter that normally ends in January.", [("January", S)]),
    # A verb of lasting just before the date: a condition that held then.
    (
        "The mistrust between the factions that persisted 10 years ago was addressed in the talks.",
        [("10 years ago", S)],
    ),
    ("Fears that lingered on Monday kept shops in Rafah shut.", [("Monday", S)]),
    # An occurrence that a condition prevented did not happen.
    (
        "Weather and sea conditions Thursday prevented the navy from trying another landing.",
        [("Thursday", S)],
    ),
    ("High winds on Monday kept the fishing boats from sailing out of Gaza port.", [("Monday", S)]),
    # What pictures of a day show is a description of it.
    (
        "The first pictures to emerge after sunrise on Wednesday showed streets full of rubble.",
        [("Wednesday", S)],
    ),
    ("Satellite images taken on Monday show craters across the airfield.", [("Monday", S)]),
    # An undated lead recapping recent days tells no happening of its publication day.
    (
        "Relentless shelling has forced aid agencies to move convoys by night in recent days.",
        [("-", S)],
    ),
    ("Israeli strikes have killed hundreds across Gaza in recent days.", [("-", S)]),
    # A century dates no happening.
    (
        "It is the deadliest war of the 21st century, the author told reporters.",
        [("the 21st century", S)],
    ),
]

OCCURRENCES = [
    # A progressive of doing something is news.
    ("Troops were advancing on the town on Tuesday.", [("Tuesday", H)]),
    ("Residents were fleeing Jabalia on Monday.", [("Monday", H)]),
    # A passive, with the date inside it or after it.
    ("Two soldiers were killed in Jenin on Monday.", [("Monday", H)]),
    ("Three hostages were this afternoon handed to the Red Cross.", [("this afternoon", H)]),
    ("The hostages were successfully freed on Saturday.", [("Saturday", H)]),
    # A copula whose subject or complement is an occurrence.
    ("There was an explosion at the port on Tuesday.", [("Tuesday", H)]),
    ("The strike was the deadliest in Gaza City on Monday.", [("Monday", H)]),
    ("The last round of fighting was in May 2021.", [("May 2021", H)]),
    # The date is the copula's complement: it dates the subject.
    ("The last Israeli withdrawal from the town was in 2005.", [("2005", H)]),
    # Being somewhere on a day tells a visit, a hearing.
    ("The foreign minister was in Kyiv on Monday.", [("Monday", H)]),
    # "appeared" of a place, or before an infinitive, is no impression.
    ("The negotiators appeared in Cairo on Monday.", [("Monday", H)]),
    ("Officials appeared to rule out a truce on Monday.", [("Monday", H)]),
    # "unusually" is no habit.
    ("An unusually large crowd gathered in Rafah on Sunday.", [("Sunday", H)]),
    # Another verb in the clause: an action, a statement.
    ("The drop is despite the army reporting gains on Tuesday.", [("Tuesday", H)]),
    ("On Tuesday the commander said the town is no place for civilians.", [("Tuesday", H)]),
    # Who stopped someone did something; what footage shows on its date is a happening.
    ("Troops stopped the convoy from entering Jabalia on Monday.", [("Monday", H)]),
    ("Footage showed a missile hitting the hospital ward on Tuesday.", [("Tuesday", H)]),
    ("The army released pictures on Tuesday of the tunnel under the hospital.", [("Tuesday", H)]),
    ("The fighting went on in Khan Younis on Tuesday despite the truce.", [("Tuesday", H)]),
    # The measure of a happening, or its own time, is no recap.
    ("Israel has carried out its heaviest strikes on Rafah in recent weeks.", [("-", H)]),
    ("Hamas has freed three hostages in Gaza City.", [("-", H)]),
    # The date opens another clause after a dash, or a relative clause has its own verb.
    ("It is new, but it is also familiar - in 2014, troops entered the town.", [("2014", H)]),
    ("The shells that hit the market on Monday are now behind the lines.", [("Monday", H)]),
]


@pytest.mark.parametrize(("sentence", "events"), CONDITIONS)
def test_a_condition_is_a_state(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), OCCURRENCES)
def test_an_occurrence_stays_what_happened(
    sentence: str, events: list[tuple[str, EventKind]]
) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(
    ("scope", "date", "condition"),
    [
        # Who told it is cut off: "said" and "advanced" after it are no verbs of the clause.
        ("The crossing was calm on Monday, the army said after troops advanced", "on Monday", True),
        ("The border town was quiet on Sunday, a local official told reporters", "on Sunday", True),
        ("Families were queuing for bread on Thursday", "on Thursday", True),
        ("Rebels seized the depot on Tuesday, the militia said", "on Tuesday", False),
        ("The hospital was shelled on Wednesday, medics said", "on Wednesday", False),
    ],
)
def test_a_condition_read_from_the_callers_tokens(scope: str, date: str, condition: bool) -> None:
    """The clause's tokens passed in (as ``classify`` passes them) give what tokenizing it
    here gives, the words of who told it left out as when the clause is cut there."""
    at = scope.index(date)
    end = at + len(date)
    assert describes_condition(scope, at, end) is condition
    assert describes_condition(scope, at, end, tokens_of(scope)) is condition
