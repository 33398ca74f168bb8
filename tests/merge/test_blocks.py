"""One date block's merge: a later report of an article that retells its first report."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from timeline.extract.timex import day_value
from timeline.merge import merge_events
from timeline.merge.blocks import event_words
from timeline.merge.placenames import capitalized_runs, named_places, place_names, read_places
from timeline.merge.retelling import retells
from timeline.merge.similarity import content_words, corpus_weights, occurrence_words
from timeline.model import ArticleRef, Basis, DateValue, Event, Precision, TimeExpression

DAY = day_value(dt.date(2010, 4, 22))


def told(slug: str, text: str, at: int, eid: str) -> Event:
    ref = ArticleRef(slug, f"content/articles/{slug}.md", slug, "Outlet " + slug, DAY.start)
    return Event(eid, ref, text, at, at + len(text), 5, DAY, None, Basis.EXPLICIT)


LEAD = "The burning oil rig sank in the Gulf of Mexico on Thursday, the Coast Guard said."


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # the occurrence and who or where: the lead's happening told again
        ("The rig went down at 10:21 a.m. and sank below the surface.", True),
        ("Coast Guard officers watched the platform sink in 5,000 ft of water.", True),
        # the occurrence alone, or who alone: not enough
        ("A supply ship nearly sank as well.", False),
        ("The Coast Guard searched for the missing workers.", False),
        # the occurrence as the background of another happening
        ("Shares in the rig's owner fell after the rig had sunk off Mexico.", False),
        ("Crews searched the Gulf during the sinking of the rig.", False),
        # a plan or a possibility, not what happened
        ("Engineers feared the rig would sink into the Gulf.", False),
        ("The Coast Guard decided to sink the damaged rig.", False),
        # words that announce another happening
        ("Meanwhile, a second rig sank in the Gulf.", False),
        ("Another rig sank off Mexico.", False),
    ],
)
def test_a_later_report_retells_the_lead_by_occurrence_and_one_word_more(
    later: str, same: bool
) -> None:
    lead, other = told("wire", LEAD, 0, "a"), told("wire", later, 200, "b")
    words = {e.id: event_words(e) for e in (lead, other)}
    assert retells(other, lead, words, corpus_weights(words.values())) is same


TOLL = "Three children were killed in Khan Younis on Tuesday, medics said."


@pytest.mark.parametrize(
    ("lead", "later", "same"),
    [
        # a lead that tells a toll and nothing else: the toll told again is its happening
        (TOLL, "Their deaths were confirmed by the hospital in Khan Younis.", True),
        # a later report that tells another occurrence, or announced as another
        (TOLL, "Five people were killed when an airstrike hit a house in Khan Younis.", False),
        (TOLL, "Another child died in Khan Younis of his wounds.", False),
        # the toll named as the one something is of: known already, "the cause of death"
        (TOLL, "The cause of death was confirmed by the hospital's director.", True),
        (TOLL, "Fear of death kept the hospital's director indoors.", False),
        (TOLL, "Its director said the cause of death was shrapnel.", False),
        # a lead that tells an occurrence: a toll is no evidence of it
        (
            "An airstrike killed three children in Khan Younis on Tuesday, medics said.",
            "Two more people died of their wounds in Khan Younis.",
            False,
        ),
    ],
)
def test_a_later_report_retells_a_lead_of_a_toll_alone_by_the_toll(
    lead: str, later: str, same: bool
) -> None:
    first, other = told("wire", lead, 0, "a"), told("wire", later, 200, "b")
    events = [first, other, *WAR]
    words = {e.id: event_words(e) for e in events}
    assert retells(other, first, words, corpus_weights(words.values())) is same


AT_1021 = DateValue("2010-04-22T10:21", DAY.start, DAY.end, Precision.TIME)


@pytest.mark.parametrize(
    ("later", "timed", "same"),
    [
        # the lead's occurrence told again at a time of its day: its detail
        ("The fire went out as the platform sank below the surface at 10:21 a.m.", True, True),
        # the occurrence alone, without a time: not enough
        ("The fire went out as the platform sank below the surface.", False, False),
        # at a time, but announced as another, or in the background
        ("A supply ship sank at 10:21 a.m. as well.", True, False),
        ("Crews searched the area after the platform sank at 10:21 a.m.", True, False),
    ],
)
def test_a_later_report_at_a_time_of_the_leads_day_retells_it_by_its_occurrence(
    later: str, timed: bool, same: bool
) -> None:
    lead = told("wire", LEAD, 0, "a")
    other = told("wire", later, 200, "b")
    if timed:
        other = replace(other, date=AT_1021)
    words = {e.id: event_words(e) for e in (lead, other)}
    assert retells(other, lead, words, corpus_weights(words.values())) is same


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # the time given to the occurrence itself, whoever tells it
        ("Officials said the platform sank at 10:21 a.m.", True),
        # the time of the saying, with the occurrence after it: what someone said of it
        ("Officials said at 10:21 a.m. that the platform sank.", False),
    ],
)
def test_a_time_given_to_the_leads_occurrence_retells_it_whoever_tells_it(
    later: str, same: bool
) -> None:
    lead = told("wire", LEAD, 0, "a")
    at = later.index("10:21 a.m.")
    hour = TimeExpression(at, at + 10, "10:21 a.m.", "TIME", AT_1021.value, date=AT_1021)
    other = replace(told("wire", later, 200, "b"), date=AT_1021, expression=hour)
    words = {e.id: event_words(e) for e in (lead, other)}
    assert retells(other, lead, words, corpus_weights(words.values())) is same


RELEASE = "The army released 40 prisoners from Ketziot prison on Monday, officials said."
AT_0200 = DateValue("2010-04-22T02:00", DAY.start, DAY.end, Precision.TIME)
CONVOYS = [told(f"cv{n}", f"Convoy {n} waited at the Kerem Shalom crossing.", 0, f"cv{n}")
           for n in range(40)]  # fmt: skip
"""A collection's routine: the words of one article weigh as they would among many."""


@pytest.mark.parametrize(
    ("lead", "later", "timed", "same"),
    [
        # the hour of the lead's happening in other words: who and where, no occurrence
        (RELEASE, "Buses carrying the prisoners left Ketziot shortly after 2 a.m.", True, True),
        # without a time of the lead's day, or sharing who alone: not enough
        (RELEASE, "Buses carrying the prisoners left Ketziot shortly after dawn.", False, False),
        (RELEASE, "Buses carrying the prisoners left shortly after 2 a.m.", True, False),
        # two words of the story, not the lead's own: another happening of its day
        ("Israel released 40 prisoners to their families under the truce on Monday.",
         "Families waited in the cold for news of the truce shortly after 2 a.m.", True, False),
        # an occurrence of its own at that hour: another happening
        (RELEASE, "Soldiers arrested the prisoners' relatives outside Ketziot at 2 a.m.", True,
         False),
        # a lead that tells no occurrence has no hour to give
        ("Some 40 prisoners were held at Ketziot prison on Monday, officials said.",
         "Buses carrying the prisoners left Ketziot shortly after 2 a.m.", True, False),
    ],
)  # fmt: skip
def test_a_later_report_gives_the_hour_of_the_leads_happening_in_other_words(
    lead: str, later: str, timed: bool, same: bool
) -> None:
    first, other = told("wire", lead, 0, "a"), told("wire", later, 200, "b")
    if timed:
        other = replace(other, date=AT_0200)
    events = [first, other, *WAR, *CONVOYS]
    words = {e.id: event_words(e) for e in events}
    assert retells(other, first, words, corpus_weights(words.values())) is same


SCHOOL = "An Israeli airstrike hit a school in the Nuseirat camp on Tuesday, killing 12 people."


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # the lead's occurrence named as one told already: "the strike", "this attack"
        ("The strike came as families sheltered in the classrooms.", True),
        ("This strike brought down the top floor.", True),
        # "the" before who or what did it, not before the occurrence
        ("The building collapsed as the warplane struck a second time.", False),
        ("Rescuers searched the rubble for hours after this airstrike.", False),
        # named as a new one, or as what someone said of it
        ("A strike was reported near the border.", False),
        ("Strikes went on across the north.", False),
        ("Netanyahu said the strike was only the beginning.", False),
        # what someone said was done to it, or what it did: a report of it
        ("The army said in a statement that the strike had targeted a Hamas command centre.",
         True),
        ("Hamas said the strike was a massacre.", False),
        ("The ministry said the strike would not go unanswered.", False),
        # the background of another happening, or announced as another
        ("Families fled the camp after the strike.", False),
        ("Meanwhile, the strike on the port went on.", False),
    ],
)  # fmt: skip
def test_a_later_report_naming_the_leads_occurrence_as_told_already_retells_it(
    later: str, same: bool
) -> None:
    day = day_value(dt.date(2025, 3, 18))
    lead = replace(report("wire", SCHOOL, "a", day), start=0)
    other = replace(report("wire", later, "b", day), start=300, end=300 + len(later))
    events = [lead, other, *WAR]
    words = {e.id: event_words(e) for e in events}
    assert len(words["a"] & words["b"]) == 1  # the occurrence, and no word more
    assert retells(other, lead, words, corpus_weights(words.values())) is same


SILENT = (
    "GAZA CITY — The guns fell silent across Gaza as three hostages went home and 90 "
    "Palestinians walked out of Israeli detention."
)


@pytest.mark.parametrize(
    ("later", "same"),
    [
        # the lead's figure and a word more: its happening told again
        ("The prison service said 90 Palestinian prisoners had been released.", True),
        # the figure with nothing but a word of the war, or announced as another
        ("Some 90 aid trucks waited at the crossing into Gaza.", False),
        ("Israel also said 90 Palestinian fighters had been killed.", False),
    ],
)
def test_a_later_report_retells_the_lead_by_a_figure_and_one_word_more(
    later: str, same: bool
) -> None:
    day = day_value(dt.date(2025, 1, 19))
    lead = replace(report("wire", SILENT, "a", day), start=0)
    other = replace(report("wire", later, "b", day), start=300, end=300 + len(later))
    events = [lead, other, *WAR]
    words = {e.id: event_words(e) for e in events}
    assert retells(other, lead, words, corpus_weights(words.values())) is same


def test_an_article_retelling_its_lead_in_other_words_gives_one_entry() -> None:
    lead = told("wire", LEAD, 0, "lead")
    later = told("wire", "The fire went out as the rig sank at 10:21 a.m. CDT.", 300, "later")
    other = told("wire", "President Obama promised all assistance to the Gulf states.", 200, "o")
    entries = merge_events([later, other, lead])
    (entry,) = [e for e in entries if e.id == "lead"]
    assert [s.event_id for s in entry.sources] == ["lead"]
    assert [s.event_id for s in entry.mentions] == ["later"]
    assert len(entries) == 2


def test_only_the_articles_first_report_of_the_day_draws_its_retellings() -> None:
    first = told("wire", "President Obama promised all assistance to the Gulf states.", 0, "a")
    second = told("wire", LEAD, 200, "b")
    third = told("wire", "The fire went out as the rig sank at 10:21 a.m. CDT.", 300, "c")
    assert len(merge_events([first, second, third])) == 3


def test_a_split_report_never_retells() -> None:
    lead = told("wire", LEAD, 0, "lead")
    later = told("wire", "The fire went out as the rig sank at 10:21 a.m. CDT.", 300, "later")
    assert len(merge_events([lead, later], apart=frozenset({"later"}))) == 2


def test_a_report_published_days_later_does_not_retell_by_this_rule() -> None:
    lead = told("wire", LEAD, 0, "lead")
    late_ref = replace(lead.article, published=dt.date(2010, 5, 2))
    later = replace(
        told("wire", "The fire went out as the rig sank at 10:21 a.m. CDT.", 300, "later"),
        article=late_ref,
    )
    lead = replace(lead, article=late_ref)
    entries = merge_events([lead, later])
    assert sum(len(e.sources) for e in entries) + sum(len(e.mentions) for e in entries) == 2


@pytest.mark.parametrize(
    ("text", "occurrences"),
    [
        ("The rig sank and the crew escaped", {"sink"}),
        ("Shares plunged 7% as the leak grew", {"plung", "leak"}),
        ("Underwater robots dived to the sea floor", {"dive"}),
        ("The vote was cancelled", {"vote", "cancel"}),
        ("BP stopped the flow", {"stop"}),
        # the noun of an occurrence is its verb: "installed" and "the installation"
        ("Engineers finished the installation of the cap", {"install"}),
        ("The closure of the crossings", {"clos"}),
        ("The suspension of the talks", {"suspend"}),
        ("The governor visited Louisiana", set()),
    ],
)
def test_occurrence_words(text: str, occurrences: set[str]) -> None:
    assert occurrence_words(content_words(text)) == occurrences


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("BP installed the cap", "the installation of the cap"),
        ("Israel closed the crossings", "the closure of the crossings"),
        ("The court convicted the doctor", "the doctor's conviction"),
        ("Parliament approved the deal", "the approval of the deal"),
    ],
)
def test_the_noun_of_an_occurrence_meets_its_verb(verb: str, noun: str) -> None:
    assert occurrence_words(content_words(verb)) == occurrence_words(content_words(noun))


GAZA_DAY = day_value(dt.date(2025, 3, 18))


def report(slug: str, text: str, eid: str, date: DateValue = GAZA_DAY) -> Event:
    ref = ArticleRef(slug, f"content/articles/{slug}.md", slug, "Outlet " + slug, date.start)
    return Event(eid, ref, text, 0, len(text), 5, date, None, Basis.EXPLICIT)


WAR = [
    report(f"bg{n}", text, f"bg{n}", day_value(dt.date(2025, 3, 1 + n % 10)))
    for n, text in enumerate(
        [
            "Israeli forces said they killed militants in Gaza.",
            "Aid trucks waited at the Rafah crossing in Gaza.",
            "Israel said Hamas fired rockets from Gaza.",
            "Palestinians in Gaza queued for bread and water.",
            "Israeli tanks moved along the Gaza border fence.",
            "Gaza's health ministry said hospitals lacked fuel.",
            "Talks on the Gaza truce resumed in Cairo.",
            "Israel's cabinet met to discuss the Gaza truce.",
            "Families of hostages marched in Tel Aviv.",
            "The United Nations warned of famine in Gaza.",
        ]
        * 3
    )
]


STRIKES = (
    "Israel carried out heavy airstrikes across the Gaza Strip before dawn, hitting targets "
    "from Beit Hanoun to Rafah."
)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # one occurrence told in other words by two outlets (what they share weighs less
        # than the words test asks): one entry
        (
            STRIKES,
            "Israeli airstrikes killed at least 404 people in Gaza, the ministry said.",
            True,
        ),
        # different happenings of the day that share who or where only
        (STRIKES, "Israel ordered residents of Jabalia to leave their homes in Gaza.", False),
        # the occurrence as the background of another happening, or planned
        (STRIKES, "Israel's shares fell in Tel Aviv after the airstrikes in Gaza.", False),
        (STRIKES, "Israel threatened to strike Gaza harder, the ministry said.", False),
        # announced as another happening
        (STRIKES, "Meanwhile, Israeli airstrikes killed 12 people in Gaza, medics said.", False),
    ],
)
def test_two_outlets_reports_of_one_occurrence_join_by_it_and_one_word_more(
    first: str, second: str, joined: bool
) -> None:
    entries = merge_events([report("wire", first, "w"), report("daily", second, "d"), *WAR])
    together = any({"w", "d"} <= {s.event_id for s in e.sources} for e in entries)
    assert together is joined


def test_reports_of_a_coarser_period_do_not_join_by_an_occurrence() -> None:
    month = DateValue("2025-03", dt.date(2025, 3, 1), dt.date(2025, 4, 1), Precision.MONTH)
    a = report("wire", "Israel carried out heavy airstrikes across the Gaza Strip.", "w", month)
    b = report("daily", "Israeli airstrikes across Gaza killed hundreds of people.", "d", month)
    entries = merge_events([a, b, *WAR])
    assert not any({"w", "d"} <= {s.event_id for s in e.sources} for e in entries)


SCHOOL = "An Israeli airstrike hit a school in Gaza City, killing 15 people, medics said."
HOUSE = "An Israeli airstrike hit a house in Rafah, killing a family of six, medics said."
JENIN = "Israeli forces raided the Jenin refugee camp in the occupied West Bank, killing three."
TULKARM = "Israeli forces raided Tulkarm in the occupied West Bank, killing two Palestinians."


def one_entry(first: str, second: str, second_slug: str) -> bool:
    """Whether two reports of one day, the second in the article ``second_slug``, end up
    in one entry of a merge with the war's background."""
    one, two = report("wire", first, "w"), report(second_slug, second, "d")
    two = replace(two, start=200, end=200 + len(second))
    entries = merge_events([one, two, *WAR])
    return any({"w", "d"} <= {s.event_id for s in (*e.sources, *e.mentions)} for e in entries)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # two strikes, two raids of one day in different places: never one entry
        (SCHOOL, HOUSE, False),
        (JENIN, TULKARM, False),
        ("Israeli forces raided Jenin at dawn, killing three.", TULKARM, False),
        # one strike told with its place and its district, or its region
        (
            SCHOOL,
            "An Israeli airstrike hit a school in the Shujaiya district of Gaza City, "
            "killing 15 people.",
            True,
        ),
        (HOUSE, "An Israeli airstrike hit a house in southern Gaza's Rafah, killing six.", True),
        # a town and the region its dateline gives it
        (
            "KHAN YOUNIS, Gaza — Hamas freed three hostages in central Gaza on Saturday.",
            "Ohad Ben Ami and two other hostages were freed in Khan Younis on Saturday.",
            True,
        ),
        # one outlet names the place, the other names none
        (SCHOOL, "An Israeli airstrike hit a school, killing 15 people, medics said.", True),
        # different places but the same figure: one happening told two ways
        (
            "Israeli airstrikes killed 404 people in Khan Younis, the ministry said.",
            "Israeli airstrikes killed 404 people in Deir al-Balah, the ministry said.",
            True,
        ),
    ],
)
def test_reports_of_one_day_in_different_places_never_join(
    first: str, second: str, joined: bool
) -> None:
    for second_slug in ("daily", "wire"):  # another outlet; the same article
        assert one_entry(first, second, second_slug) is joined, second_slug


NAMED_PLACES = [
    ("An Israeli airstrike hit a school in Gaza City on Tuesday.", {"gaza city"}),
    ("A strike hit the Shujaiya district of Gaza City.", {"shujaiya"}),
    ("Israeli jets struck Hamas targets across Gaza.", {"gaza"}),
    ("A strike hit a house in the Shujaiya district of Gaza City.", {"shujaiya"}),
    ("A strike hit a house in southern Gaza's Rafah.", {"rafah"}),
    ("Five people were killed in Israeli strikes in Rafah.", {"rafah"}),
    ("Troops raided the Jenin refugee camp in the occupied West Bank.", {"jenin"}),
    ("Israeli forces raided Jenin.", {"jenin"}),
    ("In Rafah, a school was struck by Israeli jets.", {"rafah"}),
    ("Hostages were released in Deir al-Balah.", {"deir al-balah"}),
    ("Israeli forces raided Tulkarm on Monday.", {"tulkarm"}),
    # whom an occurrence befell is no place
    ("Israeli forces arrested Ahmed Jaber in Jenin.", {"jenin"}),
    ("Hamas freed Ohad Ben Ami in Gaza City.", {"gaza city"}),
    ("Families fled the market area of Bureij.", {"bureij"}),
    ("Tanks reached the outskirts of Rafah.", {"rafah"}),
    ("The ministry said 12 people died in hospital.", set()),
    # words that only look like places: a sentence's first word, an outlet, a qualifier
    ("Chemists in Torbay sold out of face masks.", {"torbay"}),
    ("Oil has flowed in, the Associated Press reported.", set()),
    ("Israel freed 90 prisoners under the Gaza City truce.", set()),
    ("The truce began on Jan. 19 in Gaza City.", {"gaza city"}),
    # a verb in the past tense after a place ends its name; a noun after it is qualified
    ("Shops in Khan Younis closed on Saturday.", {"khan younis"}),
    ("Gunmen in Jenin attacked a checkpoint at dawn.", {"jenin"}),
    ("Two houses in Beit Hanoun collapsed after the shelling.", {"beit hanoun"}),
    ("A drone strike in Nuseirat struck a crowded market.", {"nuseirat"}),
    ("Clinics in Deir al-Balah opened again on Sunday.", {"deir al-balah"}),
    ("Crowds in Gaza City hit the streets overnight.", {"gaza city"}),
    ("Talks on a Gaza ceasefire stalled in Cairo.", {"cairo"}),
    ("Three men died in Israeli shelling overnight.", set()),
    ("Shares in Elbit Systems fell after the strike.", set()),
    # an occurrence at the sentence's end names nothing after it
    ("Jenin was raided", {"jenin"}),
    ("Troops stormed", set()),
]


@pytest.mark.parametrize(("text", "places"), NAMED_PLACES)
def test_named_places(text: str, places: set[str]) -> None:
    assert named_places(text, frozenset({"jenin", "gaza city"})) == places


@pytest.mark.parametrize("text", [text for text, _ in NAMED_PLACES])
def test_a_sentence_read_once_gives_its_names_and_runs(text: str) -> None:
    assert read_places(text) == (place_names(text), capitalized_runs(text))


CONVOY = "A convoy of 3 aid trucks reached the clinic in Beit Lahia, witnesses said."
MARKET = "An airstrike on the market in Beit Lahia killed 70 people, witnesses said."
EVACUATION = "Hundreds of families evacuated the Maghazi camp, the civil defence said."
RAID = "Israeli troops raided a house in the Maghazi camp, the civil defence said."


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # one place, one day, different occurrences sharing nothing but where: apart
        (MARKET, CONVOY, False),
        (EVACUATION, RAID, False),
        (
            "Israeli forces arrested 12 men in Deir al-Balah, witnesses said.",
            "A drone strike hit a car in Deir al-Balah, witnesses said.",
            False,
        ),
        # occurrences of one family, or a shared figure: one happening
        (MARKET, "A bombing in Beit Lahia left 70 dead at the market, witnesses said.", True),
        (MARKET, "A bombing in Beit Lahia left 70 dead, witnesses said.", True),
        # a shared target noun: one happening told by its target
        (
            "The strike on the market in Beit Lahia killed dozens, medics said.",
            "An Israeli airstrike hit the market in Beit Lahia, witnesses said.",
            True,
        ),
        # one report tells an occurrence, the other none
        (MARKET, "Dozens of people were killed at the market in Beit Lahia, medics said.", True),
        # different occurrences, but the same named victim
        (
            "Israeli forces arrested Ahmed Jaber in Beit Lahia, witnesses said.",
            "Ahmed Jaber was shot in Beit Lahia, his family said.",
            True,
        ),
    ],
)
def test_reports_of_one_place_and_day_telling_different_occurrences_stay_apart(
    first: str, second: str, joined: bool
) -> None:
    for second_slug in ("daily", "wire"):  # another outlet; the same article
        assert one_entry(first, second, second_slug) is joined, second_slug


@pytest.mark.parametrize(
    ("one", "other"),
    [("crossings", "crossing"), ("buildings", "building"), ("hearings", "hearing")],
)
def test_a_plural_in_ings_stems_as_its_singular(one: str, other: str) -> None:
    assert content_words(one) == content_words(other)


def test_a_statement_retelling_its_articles_lead_joins_it_not_another_articles_report() -> None:
    # Another outlet's earlier report shares the statement's words (who, the command
    # centre), the lead only its occurrence: the article's own lead is the closer evidence.
    day = day_value(dt.date(2025, 3, 18))
    earlier = day_value(dt.date(2025, 3, 17))
    other = report(
        "daily", "The army said it targeted a Hamas command centre on Tuesday.", "d", day
    )
    other = replace(other, article=replace(other.article, published=earlier.start))
    lead = report("wire", "An Israeli airstrike hit a school in Nuseirat on Tuesday.", "a", day)
    said = "The army said in a statement that the strike had targeted a Hamas command centre."
    statement = replace(report("wire", said, "b", day), start=300, end=300 + len(said))
    entries = merge_events([other, lead, statement, *WAR])
    home = next(e for e in entries if "a" in {s.event_id for s in e.sources})
    assert "b" in {s.event_id for s in (*home.sources, *home.mentions)}


def test_a_report_naming_no_occurrence_as_told_already_joins_by_its_words_first() -> None:
    # The lead is a caption giving the quake as the reason for an appeal; a later report of
    # the quake in its article is alike another article's report of it, and joins that.
    day = day_value(dt.date(2010, 1, 12))
    earlier = day_value(dt.date(2010, 1, 11))
    quake = (
        "The 7.0-magnitude quake struck south of Port-au-Prince on Tuesday, toppling the "
        "presidential palace and flattening hospitals."
    )
    other = report("wire", quake, "o", day)
    other = replace(other, article=replace(other.article, published=earlier.start))
    caption = (
        "Wyclef Jean urged fans to donate to relief efforts in the wake of the huge "
        "earthquake that struck Haiti on Tuesday."
    )
    lead = report("daily", caption, "a", day)
    later_text = (
        "Thousands are feared dead after the 7.0-magnitude quake, which struck south of "
        "Port-au-Prince on Tuesday."
    )
    later = replace(report("daily", later_text, "b", day), start=300, end=300 + len(later_text))
    entries = merge_events([other, lead, later, *WAR])
    home = next(e for e in entries if "o" in {s.event_id for s in e.sources})
    assert "b" in {s.event_id for s in (*home.sources, *home.mentions)}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("the devastation of the camp", "the camp was devastated"),
        ("scenes of devastation", "devastating scenes"),
    ],
)
def test_the_noun_of_a_consequence_meets_its_verb(one: str, other: str) -> None:
    # "scenes of devastation after a strike" and "a strike devastated the town": the
    # noun in "-ation" is no stem of the verb by the crude stemmer
    assert content_words(one) == content_words(other)
