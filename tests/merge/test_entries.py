"""One entry per happening: days and their times, mentions, forecasts, reactions, the text
of an entry and the order within a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.merge.test_merge import DAY, event
from timeline.extract.timex import day_value
from timeline.extract.timex.calendar import time_value, week_value, year_value
from timeline.extract.values import parse_value
from timeline.merge import merge_events
from timeline.merge.clarity import clearest
from timeline.merge.telling import announces_another, background, is_reaction
from timeline.merge.text import clean_text
from timeline.model import DateValue, Entry, EventKind, TimeExpression

SUNDAY = dt.date(2025, 1, 19)


def at(clock: str, day: dt.date = SUNDAY) -> DateValue:
    return time_value(day, clock)


def test_a_day_and_its_times_and_parts_of_day_are_one_block() -> None:
    told = [
        event("wire", "Hamas freed three hostages in Gaza City on Sunday.", DAY, SUNDAY),
        event("daily", "Three hostages were freed by Hamas in Gaza City at 4 p.m.", at("16:00"),
              SUNDAY),
        event("post", "Hamas freed the three hostages in Gaza City on Sunday afternoon.",
              at("AF"), dt.date(2025, 1, 20)),
    ]  # fmt: skip
    (entry,) = merge_events(told)
    assert [s.article.slug for s in entry.sources] == ["daily", "wire", "post"]
    assert entry.date == DAY  # the times differ: the day


def test_an_entry_has_a_time_when_the_sources_giving_one_agree() -> None:
    told = [
        event("wire", "The ceasefire took effect in Gaza on Sunday.", DAY, SUNDAY),
        event("daily", "The ceasefire took effect in Gaza at 11:15 a.m.", at("11:15"), SUNDAY),
        event("post", "In Gaza the ceasefire took effect at 11:15.", at("11:15"), SUNDAY),
    ]
    (entry,) = merge_events(told)
    assert entry.date.value == "2025-01-19T11:15"
    more = [
        event(f"o{n}", f"The ceasefire took effect in Gaza, report {n} said.", DAY, SUNDAY)
        for n in range(2)
    ]
    (entry,) = merge_events([*told, *more])
    assert entry.date == DAY  # two of five reports give the time: the day


SENTENCES = [
    "A convoy of fuel trucks reached Rafah.",
    "Rockets were fired at Sderot.",
    "Tanks withdrew from Jabalia camp.",
    "Drones struck a car near Khan Younis.",
    "Crowds gathered at Kerem Shalom.",
    "Ambulances evacuated patients from Nasser hospital.",
    "Bulldozers cleared rubble in Beit Hanoun.",
]


@pytest.mark.parametrize(
    ("clocks", "expected"),
    [
        (["NI", "11:15", "08:30", "01:00", "MO", "AF", "EV"],
         ["01:00", "08:30", "MO", "11:15", "AF", "EV", "NI"]),
        (["24:00", "NI", "23:30"], ["NI", "23:30", "24:00"]),
    ],
)  # fmt: skip
def test_entries_of_a_day_run_by_clock_time_and_part_of_day(
    clocks: list[str], expected: list[str]
) -> None:
    told = [
        event(f"a{n}", sentence, at(clock), SUNDAY, f"e{n}")
        for n, (clock, sentence) in enumerate(zip(clocks, SENTENCES, strict=False))
    ]
    day = event("day", "Gunfire echoed over the harbour district.", DAY, SUNDAY)
    entries = merge_events([*told, day])
    assert entries[0].date == DAY  # a day without a time comes before its times
    assert [e.date.value.rpartition("T")[2] for e in entries[1:]] == expected


def test_a_forecast_never_absorbs_a_report_and_becomes_a_mention_of_it() -> None:
    forecast = replace(
        event("wire", "Hamas is expected to free three hostages in Gaza City on Sunday.", DAY,
              dt.date(2025, 1, 17)),
        kind=EventKind.EXPECTED,
    )  # fmt: skip
    report = event("post", "Hamas freed three hostages in Gaza City on Sunday.", DAY, SUNDAY)
    (alone,) = merge_events([forecast])
    assert alone.kind is EventKind.EXPECTED and alone.id == forecast.id
    (entry,) = merge_events([forecast, report])
    assert entry.kind is EventKind.HAPPENED and entry.id == report.id
    assert [s.event_id for s in entry.sources] == [report.id]
    assert [s.event_id for s in entry.mentions] == [forecast.id]


def test_a_report_published_days_later_recalls_the_happening_as_a_mention() -> None:
    report = event("wire", "A strike destroyed the Nuseirat bakery, killing nine.", DAY, SUNDAY)
    recall = event(
        "weekly", "Nine died when the Nuseirat bakery was destroyed on 19 January.", DAY,
        dt.date(2025, 2, 3),
    )  # fmt: skip
    (entry,) = merge_events([recall, report])
    assert [s.event_id for s in entry.sources] == [report.id]
    assert [s.event_id for s in entry.mentions] == [recall.id]
    (alone,) = merge_events([recall])  # the only telling is a report all the same
    assert [s.event_id for s in alone.sources] == [recall.id]


def test_a_coarse_mention_of_a_forecast_never_folds_a_report_into_it() -> None:
    forecast = replace(
        event("wire", "Hamas will free three hostages in Gaza City on Sunday.", DAY,
              dt.date(2025, 1, 17)),
        kind=EventKind.EXPECTED,
    )  # fmt: skip
    week = week_value(SUNDAY)
    coarse = event("weekly", "Hamas freed three hostages in Gaza City this week.", week, SUNDAY)
    assert len(merge_events([forecast, coarse])) == 2


def test_a_reaction_is_its_own_entry_linked_to_what_it_reacts_to() -> None:
    strike = event(
        "wire", "An airstrike on the Nuseirat school killed twelve displaced people.", DAY,
        SUNDAY,
    )  # fmt: skip
    reaction = event(
        "daily",
        "The UN condemned the airstrike on the Nuseirat school that killed twelve people.",
        day_value(dt.date(2025, 1, 20)),
        dt.date(2025, 1, 20),
    )
    other = event("post", "Talks resumed in Doha over the prisoner lists.", DAY, SUNDAY)
    entries = merge_events([strike, reaction, other])
    assert len(entries) == 3
    (linked,) = [e for e in entries if e.related]
    assert linked.id == reaction.id and linked.related == (strike.id,)


def test_a_reaction_on_the_same_day_never_joins_the_report() -> None:
    strike = event("wire", "An airstrike on the Nuseirat school killed twelve.", DAY, SUNDAY)
    reaction = event("daily", "Egypt condemned the airstrike on the Nuseirat school.", DAY, SUNDAY)
    entries = merge_events([strike, reaction])
    assert len(entries) == 2
    assert [e.related for e in entries if e.id == reaction.id] == [(strike.id,)]


def test_the_entry_text_is_the_clearest_report_without_its_dateline() -> None:
    lead = event("wire", "It came after hours of delay, he said.", DAY, SUNDAY)
    lead = replace(lead, text="It came as Hamas freed three hostages in Gaza City, he said.")
    clear = event(
        "daily",
        "TEL AVIV — Hamas freed three hostages in Gaza City on Sunday, the first of the truce.",
        DAY,
        dt.date(2025, 1, 20),
    )
    (entry,) = merge_events([lead, clear])
    assert entry.id == lead.id  # the first report gives the id
    assert (
        entry.text == "Hamas freed three hostages in Gaza City on Sunday, the first of the truce."
    )
    assert entry.sources[1].sentence.startswith("TEL AVIV — ")  # sources as written


def test_a_page_stamp_leaves_the_entry_text_but_not_its_source() -> None:
    stamped = (
        "Page last updated at 08:14 GMT, Sunday, 19 January 2025 08:14 UK "
        "Hamas freed three hostages in Gaza City on Sunday, the first of the truce."
    )
    (entry,) = merge_events([event("bbc", stamped, DAY, SUNDAY)])
    assert entry.text == stamped[stamped.index("Hamas") :]
    assert entry.sources[0].sentence == stamped


@pytest.mark.parametrize(
    ("sentence", "cleaned"),
    [
        ("TEL AVIV — Hamas handed three women to the Red Cross.",
         "Hamas handed three women to the Red Cross."),
        ("JENIN, West Bank — Israeli forces launched an operation.",
         "Israeli forces launched an operation."),
        ("HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) - An oil rig sank on Thursday.",
         "An oil rig sank on Thursday."),
        ("NEW ORLEANS -- No oil appeared to be leaking from the well.",
         "No oil appeared to be leaking from the well."),
        ("(Reuters) - BP shares fell 7 percent.", "BP shares fell 7 percent."),
        ("Tuesday, September 16, 2008; 4:30 PM Just a day after filing for bankruptcy, it sold.",
         "Just a day after filing for bankruptcy, it sold."),
        ("July 15, 2010 - 7:48 AM | by: Jonathan Serrie Pressure testing ran into a snag.",
         "Pressure testing ran into a snag."),
        ("Photograph: Gerald Herbert/AP Underwater robots dived to the ocean floor.",
         "Underwater robots dived to the ocean floor."),
        ("By Jane Doe | The cabinet met on Friday to approve the deal.",
         "The cabinet met on Friday to approve the deal."),
        ("US officials — not all of them — backed the plan on Monday.",
         "US officials — not all of them — backed the plan on Monday."),
        ("GAZA — Short.", "GAZA — Short."),
        ("Page last updated at 08:14 GMT, Tuesday, 8 November 2025 09:14 UK (an error occurred "
         "while processing this directive) Israeli tanks entered Khan Younis.",
         "Israeli tanks entered Khan Younis."),
        ("8 November 2025 Last updated at 14:07 GMT Help Shelling hit a school in Rafah.",
         "Shelling hit a school in Rafah."),
        ("Strike on Rafah school, says UN Page last updated at 06:56 GMT, Friday, 7 March 2025 "
         "An airstrike hit a UN school in Rafah.",
         "An airstrike hit a UN school in Rafah."),
        ("Published: 12:30PM BST 25 Jun 2025 Hamas released two hostages in Khan Younis.",
         "Hamas released two hostages in Khan Younis."),
        ("Last updated: 29 June 2025 The army said it had seized the crossing.",
         "The army said it had seized the crossing."),
        ("The army seized the Rafah crossing on Tuesday. Last updated at 14:07 GMT",
         "The army seized the Rafah crossing on Tuesday."),
        ("Published on 8 November 2025, the report found the shelter was hit twice.",
         "Published on 8 November 2025, the report found the shelter was hit twice."),
        ("The ministry updated its toll on 8 November 2025 after the shelling of Jabalia.",
         "The ministry updated its toll on 8 November 2025 after the shelling of Jabalia."),
        ("Updated at 14:07 GMT Short.", "Updated at 14:07 GMT Short."),
    ],
)  # fmt: skip
def test_datelines_bylines_and_stamps_are_cleaned_off_the_entry_text(
    sentence: str, cleaned: str
) -> None:
    assert clean_text(sentence) == cleaned


@pytest.mark.parametrize(
    ("sentences", "chosen"),
    [
        (["He said it was over.", "Hamas freed three hostages in Gaza City on Sunday."], 1),
        (["But the strikes went on across the north of the Gaza Strip overnight.",
          "The strikes went on across the north of the Gaza Strip overnight."], 1),
        (["\"We are ready,\" the minister told reporters in Cairo on Monday.",
          "The minister said Egypt was ready to host the talks in Cairo on Monday."], 1),
        (["Israel and Hamas agreed a ceasefire in Doha on Wednesday.",
          "Israel and Hamas agreed a ceasefire in Doha on Wednesday, mediators said."], 0),
    ],
)  # fmt: skip
def test_the_clearest_sentence_stands_on_its_own(sentences: list[str], chosen: int) -> None:
    assert clearest(sentences) == chosen


@pytest.mark.parametrize(
    ("sentence", "reacts"),
    [
        ("The UN condemned the strike on the school.", True),
        ("Egypt welcomed the agreement as a first step.", True),
        ("Guterres said he was shocked by the deaths.", True),
        ("The foreign ministry expressed deep concern over the raid.", True),
        ("Fans paid tribute outside the hospital.", True),
        ("An airstrike hit the school, killing twelve.", False),
        ("The cabinet approved the deal on Friday.", False),
    ],
)
def test_reactions_are_told_by_their_verbs(sentence: str, reacts: bool) -> None:
    assert is_reaction(sentence) is reacts


def expression(text: str, at: int) -> TimeExpression:
    return TimeExpression(at, at + len(text), text, "DATE", "x")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kept"),
    [
        ("Israel was founded in 1948 after the war.", "1948", "1948", True),
        ("The 1967 war changed the map.", "1967", "1967", True),
        ("Oil stopped at 1425 local time (1925 GMT) on Thursday.", "1925", "1925", False),
        ("Updated 1723 by the desk.", "1723", "1723", False),
        ("The Allies landed in Normandy in the summer of 1944.", "the summer of 1944", "1944-SU",
         True),
        ("The Great Depression of the 1930s hurt farmers.", "the 1930s", "193", True),
        ("A rig spilled oil more than 40 years ago.", "more than 40 years ago", "1970", True),
        ("The truce began on 6 June, officials said.", "6 June", "1990-06-06", False),
        ("The truce began on 6 June 1990, officials said.", "6 June 1990", "1990-06-06", True),
        ("At 1600 GMT the talks ended.", "1600", "1600", False),
        ("The procedure began at 1300 local time (1800 GMT).", "1800", "1800", False),
        ("2042: Mr Gibbs says he will not let BP dictate media access.", "2042", "2042", False),
        ("The worst spill, 1979's Ixtoc 1, lasted ten months.", "1979", "1979", True),
        ("MMS ignored the disastrous 1979 Ixtoc spill in the Gulf.", "1979", "1979", True),
        ("Some banks were barred until the repeal in 1999 of the act.", "1999", "1999", True),
        ("The writer was counsel from 1994 to 1999.", "1999", "1999", True),
        ("The act of 1933 established the FDIC.", "1933", "1933", True),
        ("At least 1500 people were killed.", "1500", "1500", False),
        ("The toll rose to 1881.", "1881", "1881", False),
        ("A generation lived through the crisis of the '80s.", "the '80s", "198", True),
    ],
)  # fmt: skip
def test_dates_far_outside_the_collection_need_evidence(
    sentence: str, text: str, value: str, kept: bool
) -> None:
    date = parse_value(value)
    far = replace(
        event("old", sentence, date, dt.date(2025, 1, 20)),
        expression=expression(text, sentence.index(text)),
    )
    recent = event("new", "Talks resumed in Doha over prisoner lists.", DAY, dt.date(2025, 1, 20))
    entries = merge_events([far, recent])
    assert (far.id in {s.event_id for e in entries for s in e.sources}) is kept


def test_a_yearless_date_stands_when_its_article_writes_the_year_out() -> None:
    published = dt.date(2024, 6, 6)
    landing = event("history", "The Allies landed on 6 June.", day_value(dt.date(1944, 6, 6)),
                    published, "h2")  # fmt: skip
    landing = replace(landing, expression=expression("6 June", 20), start=100)
    established = event("history", "In 1944, the Allies prepared the invasion.",
                        year_value(1944), published, "h1")  # fmt: skip
    established = replace(established, expression=expression("1944", 3))
    recent = event("news", "Veterans gathered on the beach.", day_value(published), published)

    def kept(entries: tuple[Entry, ...]) -> set[str]:
        return {s.event_id for e in entries for s in e.sources}

    assert kept(merge_events([established, landing, recent])) == {"h1", "h2", recent.id}
    assert kept(merge_events([landing, recent])) == {recent.id}


def test_a_state_naming_a_happening_is_a_mention_of_its_entry_and_never_an_entry() -> None:
    attack = event("wire", "Hamas-led fighters stormed southern Israel, killing 1,200.",
                   day_value(dt.date(2023, 10, 7)), dt.date(2023, 10, 7))  # fmt: skip
    since = replace(
        event("later", "More than 46,000 have been killed since the attack on southern Israel.",
              day_value(dt.date(2023, 10, 7)), dt.date(2025, 1, 20)),
        kind=EventKind.MENTION,
    )  # fmt: skip
    (entry,) = merge_events([attack, since])
    assert [s.event_id for s in entry.sources] == [attack.id]
    assert [s.event_id for s in entry.mentions] == [since.id]
    assert merge_events([since]) == ()


@pytest.mark.parametrize(
    ("sentence", "stem", "behind"),
    [
        ("BP stopped the flow on Thursday.", "stop", False),
        ("Shares rose after the flow was stopped.", "stop", True),
        ("Crews searched the Gulf during the sinking of the rig.", "sink", True),
        ("Fighting has raged since the army launched its offensive.", "launch", True),
        ("The ministry decided to slaughter all pigs.", "slaughter", True),
        ("Engineers feared the rig would sink.", "sink", True),
        # one use in the foreground is enough
        ("The rig sank after the blast, and sank again in the report.", "sink", False),
        # a word the sentence does not hold is not background
        ("The rig sank.", "leak", False),
    ],
)
def test_an_occurrence_in_the_background_or_planned(sentence: str, stem: str, behind: bool) -> None:
    assert background(sentence, stem) is behind


@pytest.mark.parametrize(
    ("sentence", "another"),
    [
        ("Meanwhile, a second rig sank.", True),
        ("In exchange, Israel freed 183 Palestinians on Saturday.", True),
        ("Ireland also reported its first probable case.", True),
        ("Another strike hit Rafah.", True),
        ("In a separate incident, two men were arrested.", True),
        ("Israel freed 183 Palestinians on Saturday.", False),
        ("The exchange went ahead on Saturday.", False),
    ],
)
def test_words_that_announce_another_happening(sentence: str, another: bool) -> None:
    assert announces_another(sentence) is another


LATER = dt.date(2025, 2, 5)


@pytest.mark.parametrize(
    ("mods", "entries", "date"),
    [
        # "in 2023" and "in late 2023": one period and its part, one happening, late 2023
        ((None, "END"), 1, year_value(2023, "END")),
        (("END", None), 1, year_value(2023, "END")),
        # two parts that differ: the whole year holds both
        (("START", "END"), 1, year_value(2023)),
        # "before 2023" is no part of 2023
        ((None, "BEFORE"), 2, year_value(2023)),
    ],
)
def test_a_period_and_its_parts_are_one_block(
    mods: tuple[str | None, str | None], entries: int, date: DateValue
) -> None:
    told = [
        event("wire", "Israel lobbied Egypt to reopen the Rafah crossing to aid trucks.",
              year_value(2023, mods[0]), LATER),
        event("daily", "Egypt was lobbied by Israel to reopen the Rafah crossing for aid.",
              year_value(2023, mods[1]), LATER),
    ]  # fmt: skip
    found = merge_events(told)
    assert len(found) == entries
    assert date in [entry.date for entry in found]


def test_parts_of_a_period_that_tell_other_happenings_stay_apart() -> None:
    told = [
        event("wire", "Israel lobbied Egypt to reopen the Rafah crossing to aid trucks.",
              year_value(2023, "START"), LATER),
        event("daily", "Hamas fighters stormed army posts near Kissufim and Nahal Oz.",
              year_value(2023, "END"), LATER),
    ]  # fmt: skip
    found = merge_events(told)
    assert sorted(entry.date.mod or "" for entry in found) == ["END", "START"]
