"""What each dated clause reports: happened, expected, state, mention, or furniture.

Sentences of news as it is written, each in an article published on Wednesday 5 February
2025; each row gives the events the sentence makes (the expression that dates it, its kind).
"""

from __future__ import annotations

import pytest

from timeline.extract import extract_article
from timeline.load.articles import parse_article
from timeline.model import EventKind

FRONT = "---\ntitle: Talks\npublished: 2025-02-05T09:00:00+02:00\nsource: Wire\n---\n\n"
H, E, S, M, F = (
    EventKind.HAPPENED,
    EventKind.EXPECTED,
    EventKind.STATE,
    EventKind.MENTION,
    EventKind.FURNITURE,
)


def kinds_of(body: str) -> list[tuple[str, EventKind]]:
    extraction = extract_article(parse_article(FRONT + body + "\n", "content/articles/a.md"))
    return [(e.expression.text if e.expression else "-", e.kind) for e in extraction.events]


HAPPENED = [
    # "however" as an adverb, and a plan carried out
    ("However, the army struck Rafah on Monday.", [("Monday", H)]),
    ("However Hamas struck Rafah on Monday.", [("Monday", H)]),
    ("The army carried out a planned raid on Jenin on Monday.", [("Monday", H)]),
    # a telling of an occurrence, or of what someone did
    ("The strike was a mistake, the army said on Tuesday.", [("Tuesday", H)]),
    ("Hamas freed three hostages, officials said on Monday.", [("Monday", H)]),
    (
        "What matters most is that the boy, after a voyage to the United States last November,"
        " needs care.",
        [("last November", H)],
    ),
    # the end of a range is no bound
    ("Fighting raged from January 20 through January 24.", [("January 24", H)]),
    ("Israeli jets struck a school in Gaza City on Monday.", [("Monday", H)]),
    ("Three hostages were freed on Saturday in Khan Younis.", [("Saturday", H)]),
    ("On Tuesday, troops withdrew from the Netzarim corridor.", [("Tuesday", H)]),
    ("The army said on Tuesday that it had withdrawn from the camp.", [("Tuesday", H)]),
    ("Hamas said on Monday it would not release more hostages.", [("Monday", H)]),
    ("Speaking to reporters on Monday, Trump said he could offer no assurance.", [("Monday", H)]),
    ("The cabinet approved the deal on 17 January after a six-hour meeting.", [("17 January", H)]),
    ("Crowds spilled into the streets tonight as word of the deal spread.", [("tonight", H)]),
    ("The truce, which took effect on 19 January, has largely held.", [("19 January", H)]),
    ("Israel agreed on Monday to release 90 prisoners.", [("Monday", H)]),
    ("Delays due to bad weather slowed the convoy on Monday.", [("Monday", H)]),
    ("The strike, which came as expected on Sunday, killed four people.", [("Sunday", H)]),
    ("Hamas vowed on Saturday to keep fighting.", [("Saturday", H)]),
    ("The pair who flew back to Cairo on 21 January had not been in Gaza.", [("21 January", H)]),
    ("The UN said on Monday that 40 trucks crossed into Gaza on Sunday.", [("Sunday", H)]),
    ("In 2014, Russia annexed Crimea.", [("2014", H)]),
    ("In August 2013, a chemical attack killed more than 1,400 people.", [("August 2013", H)]),
    ("The army quit the town on Monday but said it did not plan to leave.", [("Monday", H)]),
    ("Dodd announced in January 2025 that he would retire that year.", [("January 2025", H)]),
    # A toll a happening at one time has caused is the news of it.
    (
        "An airstrike has killed at least 12 people in Rafah, medics said on Monday.",
        [("Monday", H)],
    ),
    (
        "The earthquake has killed more than 200 people, officials said on Tuesday.",
        [("Tuesday", H)],
    ),
    # An amount that changed hands at one time is a happening of its year.
    ("In 2009, BP was fined a record $87m for safety failings.", [("2009", H)]),
    ("In 2014, the bank bought the insurer for $2.1 billion.", [("2014", H)]),
    ("In 2024, the board rejected a $15-a-share offer from the fund.", [("2024", H)]),
    ("The ministry paid 40 million euros in compensation in 2023.", [("2023", H)]),
]

EXPECTED = [
    # a concession that holds whatever happens, and the date of a planned noun
    ("However things go in Cairo today, the talks will continue.", [("today", E)]),
    ("Whatever happens in Cairo today, the war will go on.", [("today", E)]),
    ("The White House said Biden called off a scheduled trip to Israel today.", [("today", E)]),
    # what someone looks forward to
    ("With the truce holding, we can look forward to talks in September.", [("September", E)]),
    ("The truce will take effect on Sunday.", [("Sunday", E)]),
    ("Negotiators are due to meet in Cairo on Thursday.", [("Thursday", E)]),
    ("The next exchange is expected on Saturday.", [("Saturday", E)]),
    (
        "Trump, who is due to be sworn in on 20 January, claimed credit for the deal.",
        [("20 January", E)],
    ),
    ("The vote is scheduled for 10 February.", [("10 February", E)]),
    ("Israel plans to reopen the crossing next week.", [("next week", E)]),
    ("Talks are set to resume in Doha tomorrow.", [("tomorrow", E)]),
    ("King Abdullah is to visit Washington next week.", [("next week", E)]),
    (
        "The truce had been scheduled to start at 8:30 a.m. on 19 January.",
        [("8:30 a.m. on 19 January", E)],
    ),
    (
        "If Hamas does not free the hostages by noon on Saturday, the truce would end.",
        [("noon on Saturday", E)],
    ),
    ("Officials said the cabinet could meet today if the dispute is resolved.", [("today", E)]),
    ("Egypt said it would host an emergency summit on 27 February.", [("27 February", E)]),
    (
        "Hamas said on Monday that it would postpone the release due on Saturday.",
        [("Monday", H), ("Saturday", E)],
    ),
    ("The crossing should open later today for the first patients.", [("later today", E)]),
    ("Israel had vowed to reopen the road by midday today.", [("midday today", E)]),
    ("Schools will remain closed this week.", [("this week", E)]),
    ("The talks, scheduled to open on Monday, were postponed.", [("Monday", E)]),
]

STATES = [
    ("More than 46,000 people have been killed since March 2011.", [("March 2011", S)]),
    # a telling of what only describes a condition
    ("The crossing was quiet all day, witnesses said on Monday.", [("Monday", S)]),
    (
        "It was the first fall in aid deliveries since October, a UN official said yesterday.",
        [("yesterday", S)],
    ),
    # a bound the verb runs to, as "until" is
    ("The curfew in Jenin ran through January 31.", [("January 31", S)]),
    (
        "One reason for having the closure go through the end of January was the harvest.",
        [("the end of January", S)],
    ),
    ("The death toll has risen to 413, the health ministry said on Tuesday.", [("Tuesday", S)]),
    ("The army declined to comment on Monday.", [("Monday", S)]),
    ("As of Monday, 18 hostages had been freed.", [("Monday", S)]),
    ("Israeli forces were still operating in the camp tonight.", [("tonight", S)]),
    (
        "By Thursday afternoon, a five-mile long slick extended from the site.",
        [("Thursday afternoon", S)],
    ),
    ("Unemployment rose to 6.1 percent in August.", [("August", S)]),
    (
        "Israel has blocked all aid deliveries since the start of this month.",
        [("the start of this month", S)],
    ),
    ("It was unclear on Monday whether the talks would resume.", [("Monday", S)]),
    ("Aid agencies said no supplies had entered Gaza on Monday.", [("Monday", S)]),
    ("The updated figure was higher than the count of 400 it gave yesterday.", [("yesterday", S)]),
    ("The operation entered its seventh day on Monday.", [("Monday", S)]),
    # A running toll is a state.
    ("The war has killed more than 46,000 people, the ministry said on Monday.", [("Monday", S)]),
    (
        "At least 400 people have died of the flu in Mexico, officials said on Monday.",
        [("Monday", S)],
    ),
    (
        "Swine flu has killed up to 68 people in Mexico, the WHO said on Saturday.",
        [("Saturday", S)],
    ),
    # What a year adds up to is no occurrence at one time.
    (
        "Tourists spent $2.3 billion on the beaches in 2008, supporting 41,000 workers.",
        [("2008", S)],
    ),
    (
        "Louisiana leads the nation with 89 million pounds of shrimp produced in 2008.",
        [("2008", S)],
    ),
    ("Israel received $3.8 billion in military aid in 2023.", [("2023", S)]),
]

MENTIONS = [
    (
        "Nearly 47,000 people have been killed since the war began on 7 October 2023.",
        [("7 October 2023", M)],
    ),
    ("Fighting has raged since the October 7, 2023 attack.", [("October 7, 2023", M)]),
    ("An inquiry into the cause of Tuesday's explosion is continuing.", [("Tuesday's", M)]),
    (
        "Talks have been deadlocked since the first phase ended on 1 March 2024.",
        [("1 March 2024", M)],
    ),
    ("The operation launched on 21 January entered its seventh day.", [("21 January", M)]),
    ("Three million people were affected by Tuesday's earthquake.", [("Tuesday's", M)]),
    ("Imports are higher than before the Sept. 11, 2001, attacks.", [("Sept. 11, 2001", M)]),
    # A possessive date is its noun's, whatever anchor or reporting verb comes before it.
    (
        "Officials say the slick from last week's rig explosion may hurt shrimpers.",
        [("last week", M)],
    ),
    ("Aid has been cut since Tuesday's strike on the convoy.", [("Tuesday's", M)]),
    # The date of a comparison is the earlier occurrence's: the sentence does not report it.
    (
        "Talks resumed in Cairo. Militias shelled the port again, as they did on Monday.",
        [("-", H), ("Monday", M)],
    ),
    (
        "Talks resumed in Cairo. The governor sent troops to the border, just as he had last week.",
        [("-", H), ("last week", M)],
    ),
    (
        "Talks resumed in Cairo. Rebels fired rockets at the airbase, like they did on Friday.",
        [("-", H), ("Friday", M)],
    ),
    # A date of the sentence's own still dates it, whatever the comparison holds.
    (
        "Rebels, as they did on Friday, fired rockets at the airbase on Monday.",
        [("Monday", H)],
    ),
]

FURNITURE = [
    (
        "RAMALLAH, Feb. 4 (Reuters) - Troops raided Jenin on Tuesday.",
        [("Feb. 4", F), ("Tuesday", H)],
    ),
    ("Picture taken on 3 February 2025.", [("3 February 2025", F)]),
    ("Copyright 2025 Wire News. All rights reserved.", [("2025", F)]),
]

# A report whose only date is a target it names was done when it was told: the day of
# publication, the target what is expected (or a state that lasts until it).
TARGETS = [
    ("A judge has delayed the trial of the doctor until May.", [("-", H), ("May", E)]),
    ("The trial has been postponed until September.", [("-", H), ("September", E)]),
    ("Israel has agreed to reopen the crossing by 20 February.", [("-", H), ("20 February", E)]),
    ("The court adjourned the hearing to 5 June.", [("-", H), ("5 June", E)]),
    ("The company has extended the offer to 20 March.", [("-", H), ("20 March", E)]),
    ("The minister has ordered officials to visit the camp on Friday.", [("-", H), ("Friday", E)]),
    # "the states of" is no reporting verb: the date is the closure's end.
    (
        "Officials closed schools in the states of Mexico and Puebla until Monday.",
        [("-", H), ("Monday", S)],
    ),
    # Not what is yet to be done, nor denied, nor a bound reached on the day itself ...
    ("The talks will be delayed until May.", [("May", E)]),
    ("The talks have not been postponed until May.", [("May", E)]),
    ("The vote has been put off until Wednesday.", [("Wednesday", S)]),
    # ... nor a clause that has a date of its own.
    ("On Monday, a judge delayed the trial until May.", [("Monday", H)]),
    # Past tense after the lead: a report of some earlier day, the target alone.
    (
        "Talks resumed in Doha. The court adjourned the hearing to 5 June.",
        [("-", H), ("5 June", E)],
    ),
]

LEADS = [
    ("Negotiators met in Cairo.", [("-", H)]),
    ("Negotiators are expected to meet in Cairo.", [("-", E)]),
    ("The death toll has risen to 400.", [("-", S)]),
]


@pytest.mark.parametrize(("sentence", "events"), HAPPENED)
def test_happened(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), EXPECTED)
def test_expected(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), TARGETS)
def test_target_of_a_report(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), STATES)
def test_state(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), MENTIONS)
def test_mention(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), FURNITURE)
def test_furniture_dates_nothing(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events


@pytest.mark.parametrize(("sentence", "events"), LEADS)
def test_undated_lead(sentence: str, events: list[tuple[str, EventKind]]) -> None:
    assert kinds_of(sentence) == events
