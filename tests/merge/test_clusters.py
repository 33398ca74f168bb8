"""A cluster as a whole: a report joins it only if it contradicts none of its members."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.merge.test_blocks import AT_0200, CONVOYS, WAR, one_entry, report, told
from timeline.merge import merge_events
from timeline.merge.blocks import KIN_MEMBERS, Comparer, _kin, event_words
from timeline.merge.clusters import Cluster
from timeline.merge.objects import befallen
from timeline.merge.places import told_occurrences
from timeline.merge.similarity import corpus_weights
from timeline.model import Entry, Event


def together(entries: tuple[Entry, ...], *ids: str) -> bool:
    """Whether the events ``ids`` are the sources or mentions of one entry."""
    return any(set(ids) <= {s.event_id for s in (*e.sources, *e.mentions)} for e in entries)


def in_article(slug: str, text: str, eid: str, at: int) -> Event:
    event = report(slug, text, eid)
    return replace(event, start=at, end=at + len(text))


# A is alike B, B is alike C, and C contradicts A: C must not join the cluster of A and B.
CHAINS = [
    # where: B names no place, A and C name different towns
    (
        "An Israeli airstrike hit a school in Jabalia, killing 15 people, medics said.",
        "An Israeli airstrike hit a school, killing 15 people, medics said.",
        "An Israeli airstrike hit a school in Rafah, killing 9 people, medics said.",
    ),
    # what happened: B tells no occurrence, A and C other occurrences of one town
    (
        "An airstrike on the market in Beit Lahia killed 70 people, witnesses said.",
        "People at the market in Beit Lahia ran when the trucks reached the clinic, medics said.",
        "A convoy of aid trucks reached the clinic in Beit Lahia, medics said.",
    ),
]


@pytest.mark.parametrize(("a", "b", "c"), CHAINS)
def test_a_report_contradicting_any_member_does_not_join(a: str, b: str, c: str) -> None:
    # in report order (first publication, then page name): a, b, c
    events = [report("1-wire", a, "a"), report("2-daily", b, "b"), report("3-post", c, "c"), *WAR]
    entries = merge_events(events)
    assert together(entries, "a", "b")
    assert not together(entries, "a", "c")


@pytest.mark.parametrize(("a", "b", "c"), CHAINS)
def test_nor_as_an_articles_retelling_of_its_first_report(a: str, b: str, c: str) -> None:
    # b and c in one article, after a's article: c retells b, but b's cluster holds a
    events = [
        report("1-wire", a, "a"),
        report("2-daily", b, "b"),
        in_article("2-daily", c, "c", 300),
    ]
    entries = merge_events([*events, *WAR])
    assert not together(entries, "a", "c")


def test_a_report_alike_every_member_joins() -> None:
    a = "An Israeli airstrike hit a school in Jabalia, killing 15 people, medics said."
    b = "An Israeli airstrike hit a school, killing 15 people, medics said."
    c = "An Israeli airstrike on a school in northern Jabalia killed 15 people."
    events = [report("1-wire", a, "a"), report("2-daily", b, "b"), report("3-post", c, "c"), *WAR]
    assert together(merge_events(events), "a", "b", "c")


# A sentence that tells several happenings names one place for all of them: "across Khan
# Younis" is where the guns fell silent, not where the prisoners were released. A report of
# an article the entry holds already (its lead's hour) that shares no word with it is no
# evidence of another happening, and its place none either.
RELEASED_ACROSS = (
    "The guns fell silent across Khan Younis on Monday as the army released 40 Palestinians"
    " from its jails."
)
RELEASED = (
    "The army released 40 Palestinian prisoners from Ketziot prison on Monday, officials said."
)


@pytest.mark.parametrize(
    ("buses", "joins"),
    [
        # the hour of the lead's release, elsewhere than the first report's place, in words
        # that first report does not say: its place is no evidence against the buses
        ("Buses carrying the prisoners left Ketziot, outside Beersheba, shortly after 2 a.m.",
         True),
        # a word shared with the first report makes its place count again
        ("Army buses carrying the prisoners left Ketziot, outside Beersheba, shortly after"
         " 2 a.m.", False),
        # the same place, or none: as before
        ("Buses carrying the prisoners left Ketziot, outside Khan Younis, shortly after 2 a.m.",
         True),
        ("Buses carrying the prisoners left Ketziot shortly after 2 a.m.", True),
    ],
)  # fmt: skip
def test_an_articles_retelling_is_held_only_to_the_places_of_members_sharing_its_words(
    buses: str, joins: bool
) -> None:
    across, lead = told("1-wire", RELEASED_ACROSS, 0, "a"), told("2-daily", RELEASED, 0, "b")
    later = replace(told("2-daily", buses, 200, "c"), date=AT_0200)
    entries = merge_events([across, lead, later, *WAR, *CONVOYS])
    assert together(entries, "a", "b")
    assert together(entries, "a", "b", "c") is joins


@pytest.mark.parametrize(
    ("guards", "joins"),
    [
        # another article's report is held to every member's place, words shared or not
        ("Ketziot prison guards escorted the prisoners onto buses outside Beersheba on Monday.",
         False),
        ("Ketziot prison guards escorted the prisoners onto buses on Monday.", True),
    ],
)  # fmt: skip
def test_another_articles_report_is_held_to_every_members_place(guards: str, joins: bool) -> None:
    across, lead = told("1-wire", RELEASED_ACROSS, 0, "a"), told("2-daily", RELEASED, 0, "b")
    other = told("3-post", guards, 0, "c")
    entries = merge_events([across, lead, other, *WAR, *CONVOYS])
    assert together(entries, "a", "b")
    assert together(entries, "a", "b", "c") is joins


def cluster_of(events: list[Event], comparer: Comparer) -> Cluster:
    """A cluster holding ``events`` in this order, as ``merge_block`` keeps one."""
    words = set().union(*(comparer.words[e.id] for e in events))
    lightest = min(comparer.total(e.id) for e in events)
    slugs = {e.article.slug for e in events}
    return Cluster(list(events), slugs, False, False, True, False, words, lightest)


FOREGROUND = "Israeli airstrikes hit Khan Younis overnight, killing 31 people."
BACKGROUND = "Families queued for water in Khan Younis after the airstrikes ({n})."
KIN = "Khan Younis was hit by heavy airstrikes, the ministry said."


@pytest.mark.parametrize(("place", "joined"), [(KIN_MEMBERS - 1, True), (KIN_MEMBERS, False)])
def test_another_outlets_report_is_compared_by_occurrence_with_the_first_reports_only(
    place: int, joined: bool
) -> None:
    """The cross-outlet occurrence rule (``_kin``) weighs a report against a cluster's
    first ``KIN_MEMBERS`` reports only (a day of thousands of reports of one happening
    stays cheap): a report kin to a later member alone does not join by it."""
    background = [report(f"b{n}", BACKGROUND.format(n=n), f"b{n}") for n in range(KIN_MEMBERS)]
    members = [*background[:place], report("wire", FOREGROUND, "fg"), *background[place:]]
    event = report("daily", KIN, "kin")
    events = [*members, event, *WAR]
    words = {e.id: event_words(e) for e in events}
    comparer = Comparer(words, corpus_weights(words.values()), frozenset(), {})
    comparer.places.locate([*members, event], comparer.weights)
    clusters = [cluster_of(members, comparer)]
    assert (_kin(event, [0], clusters, comparer, False) == 0) is joined


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # one occurrence in one town, other targets: two strikes
        (
            "An airstrike on the school in Maghazi killed 22 people, medics said.",
            "An airstrike on the camp in Maghazi killed 38 people, medics said.",
            False,
        ),
        (
            "An Israeli airstrike hit a school in Rafah, killing 15 people, medics said.",
            "An Israeli airstrike hit a house in Rafah, killing six people, medics said.",
            False,
        ),
        (
            "A convoy of 20 aid trucks reached the camp in Khan Younis, officials said.",
            "A convoy of 88 aid trucks reached the shelter in Khan Younis, officials said.",
            False,
        ),
        # one target told with other tolls, or named by one report only: one strike
        (
            "An airstrike on the school in Maghazi killed 22 people, medics said.",
            "An Israeli airstrike hit the school in Maghazi, killing at least 25, medics said.",
            True,
        ),
        (
            "An airstrike on the school in Maghazi killed 22 people, medics said.",
            "An Israeli airstrike in Maghazi killed 22 people, witnesses said.",
            True,
        ),
        # other targets but the same figure: one happening told two ways
        (
            "An airstrike on the school in Maghazi killed 22 people, medics said.",
            "An airstrike on a shelter in Maghazi killed 22 people, witnesses said.",
            True,
        ),
        # other targets in other places: two strikes, whatever toll they share by chance
        (
            "An airstrike on the shelter in Khan Younis killed 32 people, medics said.",
            "An airstrike on the mosque in Jabalia killed 32 people, officials said.",
            False,
        ),
        (
            "An airstrike on the school in Deir al-Balah killed 18 people, witnesses said.",
            "An Israeli airstrike hit the market in Bureij, killing 18 people, medics said.",
            False,
        ),
        # whom an occurrence befell, named: other people, other happenings
        (
            "Israeli forces arrested Ahmed Jaber in Beit Lahia, witnesses said.",
            "Israeli forces arrested Omar Khalil in Beit Lahia, witnesses said.",
            False,
        ),
        (
            "Israeli forces arrested Ahmed Jaber in Beit Lahia, witnesses said.",
            "Israeli troops arrested Ahmed Jaber at his home in Beit Lahia, his family said.",
            True,
        ),
        # who told it is no word of what happened: a chance figure and "medics" join nothing
        (
            "An airstrike on the mosque in Jabalia killed 50 people, medics said.",
            "Mediators met delegations to discuss a truce and the release of 50 hostages, "
            "medics said.",
            False,
        ),
        (
            "An airstrike on the mosque in Jabalia killed 50 people, medics said.",
            "Mediators met on the release of 50 hostages, medics said.",
            False,
        ),
        (
            "An airstrike on the mosque in Jabalia killed 50 people, the civil defence said.",
            "Mediators met in Cairo on the release of 50 hostages, the civil defence said.",
            False,
        ),
        # one target, occurrences of other kinds (harm, movement): two happenings there
        (
            "A convoy of 26 aid trucks reached the market in Beit Lahia, medics said.",
            "An airstrike on the market in Beit Lahia killed 55 people, medics said.",
            False,
        ),
        (
            "Some 1,120 families fled the market area of Jabalia, officials said.",
            "An airstrike on the market in Jabalia killed 72 people, officials said.",
            False,
        ),
        (
            "A convoy of 79 aid trucks reached the bakery in Deir al-Balah, officials said.",
            "Some 3,080 families fled the bakery area of Deir al-Balah, officials said.",
            False,
        ),
        # one target, occurrences of one kind in other words: one happening
        (
            "A blast tore through the market in Beit Lahia, medics said.",
            "An airstrike on the market in Beit Lahia killed dozens, medics said.",
            True,
        ),
        # talks on a truce around other towns
        (
            "Mediators met delegations to discuss a truce around Nuseirat, officials said.",
            "Mediators met delegations to discuss a truce around Rafah, officials said.",
            False,
        ),
    ],
)
def test_one_occurrence_of_one_day_on_other_targets_or_people_stays_apart(
    first: str, second: str, joined: bool
) -> None:
    for second_slug in ("daily", "wire"):  # another outlet; the same article
        assert one_entry(first, second, second_slug) is joined, second_slug


@pytest.mark.parametrize(
    ("text", "befell"),
    [
        ("An airstrike on the school in Maghazi killed 22 people.", {"school"}),
        ("An Israeli airstrike hit a UN-run school in Rafah.", {"school"}),
        ("A convoy of aid trucks reached the clinic in Bureij.", {"clinic"}),
        ("Some 2,000 families fled the market area of Jabalia.", {"market"}),
        ("Israeli forces arrested Ahmed Jaber in Jenin.", {"ahmed jaber"}),
        ("Hamas freed Ohad Ben Ami in Deir al-Balah.", {"ohad ben ami"}),
        # a name after the occurrence is a place, not a target; a toll is neither
        ("Israeli forces raided the Jenin refugee camp.", set()),
        ("An airstrike in Maghazi killed 22 people.", set()),
        # an occurrence in the background or planned befalls nothing the report tells
        ("Families fled after the strike on the school.", set()),
        ("Israel threatened to strike the hospital.", set()),
    ],
)
def test_whom_or_what_an_occurrence_befell(text: str, befell: set[str]) -> None:
    assert befallen(text, told_occurrences(text)) == befell


def test_a_merge_reads_each_sentence_once_and_keeps_its_readings_to_itself() -> None:
    text = "An Israeli airstrike hit a school in Jabalia, killing 15 people, medics said."
    reaction = "The UN condemned the airstrike on the school in Jabalia."
    block = [report("a", text, "a1"), report("a", text, "a2"), report("b", reaction, "b1")]
    words = {event.id: event_words(event) for event in [*block, *WAR]}
    comparer = Comparer(words, corpus_weights(words.values()), frozenset(), {})
    comparer.places.locate(block, comparer.weights)
    assert list(comparer.places.readings) == [text, reaction]  # two events, one reading
    assert comparer.places.of("a1") == comparer.places.of("a2") == {"jabalia"}
    assert comparer.places.befell["a1"] == {"school"}
    assert [comparer.reacts(event) for event in block] == [False, False, True]
    assert comparer.reactions == {text: False, reaction: True}
    # the next merge's comparer starts with nothing read: the readings go with the merge
    fresh = Comparer(words, comparer.weights, frozenset(), {})
    assert not fresh.places.readings and not fresh.reactions
