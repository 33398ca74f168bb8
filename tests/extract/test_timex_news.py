"""News reading that puts happenings on the right day: weekdays, year-less months, numbers
that are no years, times of day (issue 15, "News"; issue 13, items 4 and 5).

Every sentence here is written for the test; none is copied from a corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.timex import find_expressions

Row = tuple[str, str, str] | tuple[str, str, str, str]
D = dt.date


def found(text: str, published: dt.date) -> list[Row]:
    """(text, type, value[, mod]) of every expression, in text order."""
    rows: list[Row] = []
    for e in find_expressions(text, published):
        rows.append((e.text, e.type, e.value, e.mod) if e.mod else (e.text, e.type, e.value))
    return rows


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "until" dates what it bounds only when it governs the date ...
        ("The vote has been put off until at least Wednesday.", D(2025, 2, 3),
         [("Wednesday", "DATE", "2025-02-05")]),
        ("The bridge stayed open until late on Friday.", D(2025, 2, 8),
         [("Friday", "DATE", "2025-02-07")]),
        ("Tests are expected to last until Saturday.", D(2025, 7, 18),
         [("Saturday", "DATE", "2025-07-19")]),
        # A date something is put off or moved to lies ahead too ...
        ("The judge adjourned the hearing to 5 June.", D(2025, 2, 3),
         [("5 June", "DATE", "2025-06-05")]),
        ("The vote was moved to Friday.", D(2025, 2, 3), [("Friday", "DATE", "2025-02-07")]),
        ("The talks had been postponed to Monday.", D(2025, 2, 5),
         [("Monday", "DATE", "2025-02-03")]),
        # ... as does the infinitive of an order, a decision or a promise ...
        ("I have ordered them to visit the site on Friday.", D(2010, 4, 29),
         [("Friday", "DATE", "2010-04-30")]),
        ("Israel has agreed to release 90 prisoners on Sunday.", D(2025, 2, 5),
         [("Sunday", "DATE", "2025-02-09")]),
        ("Hamas agreed on Monday to release three hostages.", D(2025, 2, 5),
         [("Monday", "DATE", "2025-02-03")]),
        # ... whomever the order names, a list of many words ...
        ("The army has ordered residents of Jabalia, Beit Lahiya and Beit Hanoun in the north"
         " of the Strip to leave their homes on Friday.", D(2025, 2, 5),
         [("Friday", "DATE", "2025-02-07")]),
        ("The president has asked the defence and foreign ministers, as well as the chief of"
         " the general staff of the armed forces, to visit the front on Sunday.", D(2025, 2, 5),
         [("Sunday", "DATE", "2025-02-09")]),
        # An order given in the past tense lies ahead of the order, itself just before
        # publication: Friday is the day before Saturday's paper, not the next week's ...
        ("The army ordered residents of Rafah to leave their homes by Friday.", D(2025, 2, 8),
         [("Friday", "DATE", "2025-02-07")]),
        ("Residents were ordered to leave on Friday.", D(2025, 2, 8),
         [("Friday", "DATE", "2025-02-07")]),
        ("Hamas agreed to release three hostages on Saturday.", D(2025, 2, 5),
         [("Saturday", "DATE", "2025-02-08")]),
        # ... one just given lies ahead of publication.
        ("Residents have been ordered to leave on Friday.", D(2025, 2, 8),
         [("Friday", "DATE", "2025-02-14")]),
        # ... but not a clause with a verb of its own between the order and the infinitive.
        ("The mayor urged calm, and the militia began to withdraw its fighters on Monday.",
         D(2025, 2, 5), [("Monday", "DATE", "2025-02-03")]),
        ("The envoy urged restraint after the shelling, but they started to shell the port"
         " on Monday.", D(2025, 2, 5), [("Monday", "DATE", "2025-02-03")]),
        # ... not when a clause comes between ...
        ("The ferry burned for hours until it sank Thursday morning.", D(2025, 2, 7),
         [("hours", "DURATION", "PTXH"), ("Thursday morning", "TIME", "2025-02-06TMO")]),
        # ... and a past perfect keeps it in the past.
        ("The ministry had denied until late on Thursday that anyone was hurt.", D(2025, 2, 8),
         [("Thursday", "DATE", "2025-02-06")]),
        # The start of a range ahead is today when the clause is past.
        ("Forecasters issued a storm warning from Friday until Sunday evening.", D(2025, 2, 7),
         [("Friday", "DATE", "2025-02-07"), ("Sunday evening", "TIME", "2025-02-09TEV")]),
        # "since" puts the date it governs in the past, whatever the clause's verb.
        ("Hopes faded that the crew, missing since the blast on Tuesday, would be found.",
         D(2025, 2, 6), [("Tuesday", "DATE", "2025-02-04")]),
        ("Ever since the collapse of the bank in March, lenders have been wary.",
         D(2025, 9, 17), [("March", "DATE", "2025-03")]),
        # "due to" with a cause is no future marker; "is due to" with a verb is one.
        ("Three people were killed on Wednesday due to shelling.", D(2025, 2, 7),
         [("Wednesday", "DATE", "2025-02-05")]),
        ("The minister is due to arrive on Wednesday.", D(2025, 2, 3),
         [("Wednesday", "DATE", "2025-02-05")]),
        # "is set for" is a schedule ("set fire to", "set on fire" stay past).
        ("The next prisoner exchange is set for Saturday, the army said.", D(2025, 2, 12),
         [("Saturday", "DATE", "2025-02-15")]),
        ("Militants set fire to the depot on Saturday.", D(2025, 2, 12),
         [("Saturday", "DATE", "2025-02-08")]),
        # A possibility lies ahead; "could not" is no future.
        ("Forecasters warned that the wind could push the slick ashore on Friday.",
         D(2025, 2, 6), [("Friday", "DATE", "2025-02-07")]),
        ("Police could not confirm the arrest on Tuesday.", D(2025, 2, 6),
         [("Tuesday", "DATE", "2025-02-04")]),
        # ... within its own clause: not after a comma, nor as the verb coordinated after it.
        ("The test was delayed, since officials feared it could make the leak worse, and "
         "on Wednesday by a faulty valve.", D(2025, 7, 17), [("Wednesday", "DATE", "2025-07-16")]),
        ("The slick made landfall Thursday night and could become the worst in decades.",
         D(2025, 5, 2), [("Thursday night", "TIME", "2025-05-01TNI"),
                         ("decades", "DURATION", "PXY")]),
        # A period after an abbreviation or an initial ends no sentence ...
        ("In January, a week after the anniversary of Roe vs. Wade, a clinic was bombed.",
         D(2025, 10, 25), [("January", "DATE", "2025-01"), ("a week", "DURATION", "P1W")]),
        # ... and "succeed" is no past.
        ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", D(2025, 10, 26),
         [("Feb. 1", "DATE", "2026-02-01")]),
        # Irregular past verbs are past.
        ("The trawler sank Thursday.", D(2025, 2, 7), [("Thursday", "DATE", "2025-02-06")]),
        # A verb after a comma belongs to another clause than the date's.
        ("One of the pumps, switched on on Monday, will be shut down.", D(2025, 2, 4),
         [("Monday", "DATE", "2025-02-03")]),
        # A reporting verb after a comma frames what was said, even with an object.
        ("The firm could finish the repairs by late August or early September, its chief "
         "engineer told the inquiry.", D(2025, 7, 13),
         [("late August", "DATE", "2025-08", "END"),
          ("early September", "DATE", "2025-09", "START")]),
        # After an opening phrase, the verb after the comma is the main verb.
        ("In September, the company announced plans to sell the unit.", D(2025, 10, 30),
         [("September", "DATE", "2025-09")]),
        # News names the day of publication too: "until Wednesday" in Wednesday's paper.
        ("The test has been delayed until at least Wednesday.", D(2025, 7, 16),
         [("Wednesday", "DATE", "2025-07-16")]),
        # A future told in the past is ahead of the telling, just before publication.
        ("The ship was expected to begin pumping Sunday night or early Monday.",
         D(2025, 7, 14), [("Sunday night", "TIME", "2025-07-13TNI"),
                          ("early Monday", "DATE", "2025-07-14", "START")]),
        ("The ship was expected to dock on Thursday, the port said.", D(2025, 7, 14),
         [("Thursday", "DATE", "2025-07-17")]),
        # A range does not end before it begins, nor is its end moved past the tense's day.
        ("Shares were bought from Sept. 14 to Thursday.", D(2025, 9, 27),
         [("Sept. 14", "DATE", "2025-09-14"), ("Thursday", "DATE", "2025-09-25")]),
    ],
)  # fmt: skip
def test_weekdays_and_months_follow_the_clause(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "afternoon" holds the letters of "noon" but is no noon.
        ("Friday afternoon the troops left.", D(2025, 2, 23),
         [("Friday afternoon", "TIME", "2025-02-21TAF")]),
        ("The ultimatum ran out at noon Friday.", D(2025, 2, 23),
         [("noon Friday", "TIME", "2025-02-21T12:00")]),
        # A clock time with a weekday and a part of day is one expression.
        ("The crew has been missing since the blast about 10 p.m. CDT Tuesday night.",
         D(2025, 2, 20), [("10 p.m. CDT Tuesday night", "TIME", "2025-02-18T22:00")]),
    ],
)  # fmt: skip
def test_times_of_day(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Four digits with a time zone are a clock time, not a year ...
        ("Strikes resumed at 1600 GMT on Monday.", D(2025, 2, 5),
         [("1600 GMT on Monday", "TIME", "2025-02-03T16:00")]),
        # ... and so are four digits with the same time in another zone after them, which
        # takes the day named after it.
        # (the time in brackets is the same, said once)
        ("The well was shut at 1425 local time (1925 GMT) on Thursday.", D(2025, 7, 18),
         [("1425 local time", "TIME", "2025-07-17T14:25"), ("Thursday", "DATE", "2025-07-17")]),
        ("The quake struck at 1653 (2153 GMT) on Tuesday.", D(2025, 1, 13),
         [("1653", "TIME", "2025-01-07T16:53"), ("Tuesday", "DATE", "2025-01-07")]),
        ("The blast came at about 10:35 a.m. (0735 GMT) Friday.", D(2025, 1, 13),
         [("10:35 a.m.", "TIME", "2025-01-10T10:35"), ("Friday", "DATE", "2025-01-10")]),
        ("As of 1700 BST on 15 June 2009, 76 countries had cases.", D(2009, 6, 16),
         [("1700 BST on 15 June 2009", "TIME", "2009-06-15T17:00")]),
        # A clock time that lost its colon.
        ("The raid began at 630 a.m. Monday.", D(2025, 2, 5),
         [("630 a.m. Monday", "TIME", "2025-02-03T06:30")]),
        # A stamp's time and counts are no years.
        ("Gaza death toll rises to 1881 (updated 1723).", D(2025, 2, 5), []),
        ("1881 killed in the north, the ministry said.", D(2025, 2, 5), []),
        ("The toll reached 1881 on Monday.", D(2025, 2, 5), [("Monday", "DATE", "2025-02-03")]),
        # A year it stays when a noun follows the count word's number, or a date word leads.
        ("Sales rose to 2008 levels.", D(2025, 2, 5), [("2008", "DATE", "2008")]),
        ("The treaty was signed in 1881.", D(2025, 2, 5), [("1881", "DATE", "1881")]),
    ],
)  # fmt: skip
def test_numbers_that_are_no_years(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A comparison is no shift: the amount is a duration.
        ("The rains came a month earlier than usual.", D(2025, 2, 5),
         [("a month", "DURATION", "P1M")]),
        ("A month earlier, the army had left.", D(2025, 2, 5),
         [("A month earlier", "DATE", "2025-01")]),
        # A year before a singular noun is that year: "analysis" and "census" are no plurals.
        ("A 2009 analysis found no link.", D(2025, 2, 5), [("2009", "DATE", "2009")]),
        ("The 2009 census counted them.", D(2025, 2, 5), [("2009", "DATE", "2009")]),
        ("2000 votes were cast.", D(2025, 2, 5), []),
        # A hedged amount counted back is a point before or after the year it names.
        ("But that was more than 40 years ago.", D(2010, 4, 26),
         [("more than 40 years ago", "DATE", "1970", "BEFORE")]),
        ("The talks began nearly two years ago.", D(2010, 4, 26),
         [("nearly two years ago", "DATE", "2008", "AFTER")]),
        ("The talks began about two years ago.", D(2010, 4, 26),
         [("about two years ago", "DATE", "2008", "APPROX")]),
    ],
)  # fmt: skip
def test_comparisons_and_hedges(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "today" in a quotation is the day its speaker spoke, when the attribution names it,
        # after the quotation ...
        ('"Today the town is ours, and tomorrow we march on," the colonel said on Tuesday.',
         D(2025, 2, 7), [("Today", "DATE", "2025-02-04"), ("tomorrow", "DATE", "2025-02-05"),
                         ("Tuesday", "DATE", "2025-02-04")]),
        ("``We will meet again on Friday,'' the envoy said on Monday.", D(2025, 2, 14),
         [("Friday", "DATE", "2025-02-14"), ("Monday", "DATE", "2025-02-10")]),
        # ... or before it.
        ('On Monday the general declared: "Yesterday the bridge fell."', D(2025, 2, 7),
         [("Monday", "DATE", "2025-02-03"), ("Yesterday", "DATE", "2025-02-02")]),
        # Without a day in the attribution, the quotation is read from publication ...
        ('"I lost my brother today," his sister said.', D(2025, 2, 7),
         [("today", "DATE", "2025-02-07")]),
        # ... unless the text was telling of a day just before it: the speaker's day.
        ('Militia gunners shelled the port at 6 a.m. on Thursday.\n\n"We lost three boats'
         ' today," a fisherman said.', D(2025, 2, 7),
         [("6 a.m. on Thursday", "TIME", "2025-02-06T06:00"), ("today", "DATE", "2025-02-06")]),
        ("The convoy was hit on Wednesday. Its driver was more hopeful: \"Tonight we sleep in"
         ' our beds, and tomorrow we go back."', D(2025, 2, 6),
         [("Wednesday", "DATE", "2025-02-05"), ("Tonight", "TIME", "2025-02-05TNI"),
          ("tomorrow", "DATE", "2025-02-06")]),
        # A quotation of several paragraphs, a sentence each, is the speaker's to its end.
        ('The port was shelled on Thursday.\n\n"The boats burned all morning.\n\nWe lost'
         ' three of them today."', D(2025, 2, 7),
         [("Thursday", "DATE", "2025-02-06"), ("today", "DATE", "2025-02-06")]),
        # The text's latest day decides: back to publication, a day long past, or one ahead
        # leave the quotation on publication.
        ('The port was shelled on Thursday. Today it is quiet.\n\n"We lost three boats'
         ' today," a fisherman said.', D(2025, 2, 7),
         [("Thursday", "DATE", "2025-02-06"), ("Today", "DATE", "2025-02-07"),
          ("today", "DATE", "2025-02-07")]),
        ('The port was first shelled on 1 February.\n\n"We lost three boats today," a'
         " fisherman said.", D(2025, 2, 7),
         [("1 February", "DATE", "2025-02-01"), ("today", "DATE", "2025-02-07")]),
        # A speaker who speaks in the present speaks on the day of the report ...
        ('Militia gunners shelled the port on Thursday.\n\n"We lost three boats today," a'
         " fisherman tells reporters.", D(2025, 2, 7),
         [("Thursday", "DATE", "2025-02-06"), ("today", "DATE", "2025-02-07")]),
        # ... a day named as background ("Thursday's truce") is not the day the text tells ...
        ("Talks went on after Thursday's truce.\n\n\"We buried them today,\" a nurse said.",
         D(2025, 2, 7),
         [("Thursday's", "DATE", "2025-02-06"), ("today", "DATE", "2025-02-07")]),
        # ... nor one that another speaker named.
        ('"We came under fire on Thursday," the captain said.\n\n"We buried them today,"'
         " a nurse said.", D(2025, 2, 7),
         [("Thursday", "DATE", "2025-02-06"), ("today", "DATE", "2025-02-07")]),
        # A paragraph that opens with its mark holds its own quotation, however it is set.
        ("The envoy spoke on Sunday.\n\n''I am willing to leave tomorrow,'' he wrote.",
         D(2025, 2, 3), [("Sunday", "DATE", "2025-02-02"), ("tomorrow", "DATE", "2025-02-04")]),
        ('Talks will resume on Sunday.\n\n"We lost three boats today," a fisherman said.',
         D(2025, 2, 7), [("Sunday", "DATE", "2025-02-09"), ("today", "DATE", "2025-02-07")]),
        # Outside quotation marks, "today" is the publication day.
        ("Today the town is quiet, the colonel said on Tuesday.", D(2025, 2, 7),
         [("Today", "DATE", "2025-02-07"), ("Tuesday", "DATE", "2025-02-04")]),
    ],
)  # fmt: skip
def test_a_quotation_speaks_from_its_day(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The small hours after a day before publication: the night after it, when the text
        # named the early hours of the next day ...
        ("Israel freed 90 prisoners early today, completing an exchange under a truce that "
         "began yesterday. The buses left the prison shortly after 1 a.m.", D(2025, 1, 20),
         [("early today", "DATE", "2025-01-20", "START"), ("yesterday", "DATE", "2025-01-19"),
          ("1 a.m.", "TIME", "2025-01-20T01:00")]),
        # ... or was in that night ...
        ("The rig exploded on Tuesday night. At 1 a.m. the crew abandoned it.", D(2025, 1, 16),
         [("Tuesday night", "TIME", "2025-01-14TNI"), ("1 a.m.", "TIME", "2025-01-15T01:00")]),
        # ... and on that day otherwise.
        ("The raid began on Tuesday. At 3 a.m. the first shots were fired.", D(2025, 1, 16),
         [("Tuesday", "DATE", "2025-01-14"), ("3 a.m.", "TIME", "2025-01-14T03:00")]),
        ("The raid began at 3 a.m.", D(2025, 1, 16), [("3 a.m.", "TIME", "2025-01-16T03:00")]),
        # In news, a day more than two days back is background: a time is the day's own.
        ("The leak began on April 20. The oil was stopped at 1425 local time.",
         D(2025, 7, 15), [("April 20", "DATE", "2025-04-20"),
                          ("1425 local time", "TIME", "2025-07-15T14:25")]),
        # A price stamped with a time in a sentence naming no day is the day's trading, as
        # a wire reports it, whatever day the sentence before named ...
        ("The drop came despite strong results on Tuesday. Arms makers' shares traded down "
         "6.8 percent at 1516 GMT.", D(2025, 1, 16),
         [("Tuesday", "DATE", "2025-01-14"), ("1516 GMT", "TIME", "2025-01-16T15:16")]),
        ("Two ministers said on Wednesday the tax should go. The stock was up 2.6 percent at "
         "440 pence by 1336 GMT.", D(2025, 1, 16),
         [("Wednesday", "DATE", "2025-01-15"), ("1336 GMT", "TIME", "2025-01-16T13:36")]),
        # ... but the sentence's own day holds, and a time that quotes no price follows the
        # story.
        ("The defence group's ADRs added to losses on Tuesday, trading down 0.2 percent at "
         "1836 GMT.", D(2025, 1, 16),
         [("Tuesday", "DATE", "2025-01-14"), ("1836 GMT", "TIME", "2025-01-14T18:36")]),
        ("The convoy was shelled on Tuesday. Seven people were killed at 1516 GMT.",
         D(2025, 1, 16),
         [("Tuesday", "DATE", "2025-01-14"), ("1516 GMT", "TIME", "2025-01-14T15:16")]),
        # "after midnight" begins a day: in a morning report, the day of publication.
        ("Shelling resumed shortly after midnight.", D(2025, 1, 16),
         [("midnight", "TIME", "2025-01-16T00:00")]),
        ("The strike came on Tuesday. Shelling resumed shortly after midnight.", D(2025, 1, 16),
         [("Tuesday", "DATE", "2025-01-14"), ("midnight", "TIME", "2025-01-15T00:00")]),
        ("The city went dark at midnight.", D(2025, 1, 16),
         [("midnight", "TIME", "2025-01-16T24:00")]),
        # "overnight" is the night before a morning report, or the night after a story's
        # day of the last two days.
        ("Israel postponed the release overnight.", D(2025, 2, 23),
         [("overnight", "DATE", "2025-02-23", "START")]),
        ("Hamas freed six hostages on Saturday. Israel held back the prisoners overnight.",
         D(2025, 2, 24), [("Saturday", "DATE", "2025-02-22"),
                          ("overnight", "DATE", "2025-02-23", "START")]),
        ("Officials imposed an overnight curfew.", D(2025, 2, 23), []),
    ],
)  # fmt: skip
def test_the_small_hours_on_the_right_day(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A week named after the weekday is that weekday's week.
        ("The girl attended school on Wednesday to Friday last week.", D(2025, 4, 30),
         [("Wednesday", "DATE", "2025-04-23"), ("Friday", "DATE", "2025-04-25"),
          ("last week", "DATE", "2025-W17")]),
        ("The envoys meet on Monday next week.", D(2025, 4, 30),
         [("Monday", "DATE", "2025-05-05"), ("next week", "DATE", "2025-W19")]),
        # A comma ends the weekday's phrase: last week's talks are another matter.
        ("They met on Tuesday, after last week's talks failed.", D(2025, 4, 30),
         [("Tuesday", "DATE", "2025-04-29"), ("last week", "DATE", "2025-W17")]),
    ],
)  # fmt: skip
def test_a_weekday_of_a_named_week(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day and month followed by "last year", "this year" take that year.
        ("The crane collapsed at the port on 25 June last year.", D(2025, 6, 9),
         [("25 June last year", "DATE", "2024-06-25")]),
        ("The envoy returned on 3 February this year.", D(2025, 6, 9),
         [("3 February this year", "DATE", "2025-02-03")]),
        ("The envoy returned on February 3 last year.", D(2025, 6, 9),
         [("February 3 last year", "DATE", "2024-02-03")]),
        # "that year" is the year the text last named, even in news of today
        ("The envoy left on Tuesday. In April 2019 he met the king, who died on 25 June "
         "that year.", D(2025, 6, 9),
         [("Tuesday", "DATE", "2025-06-03"), ("April 2019", "DATE", "2019-04"),
          ("25 June that year", "DATE", "2019-06-25")]),
    ],
)  # fmt: skip
def test_a_day_of_a_named_year(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "Sept. 11" without its year names the 2001 attacks where it is a name ...
        ("Officials compared the raid with the attacks of Sept. 11.", D(2008, 9, 24),
         [("Sept. 11", "DATE", "2001-09-11")]),
        ("After September 11th, the agency doubled its staff.", D(2010, 3, 2),
         [("September 11th", "DATE", "2001-09-11")]),
        ("Sept. 11 changed how the port is guarded.", D(2010, 3, 2),
         [("Sept. 11", "DATE", "2001-09-11")]),
        ("He ran the Sept. 11 victim compensation fund.", D(2010, 6, 19),
         [("Sept. 11", "DATE", "2001-09-11")]),
        # ... not where it dates a clause, heads a chronology's line or has its weekday ...
        ("The ministers met on Sept. 11 in Geneva.", D(2008, 9, 24),
         [("Sept. 11", "DATE", "2008-09-11")]),
        ("Sept. 11: Three central banks cut their rates.", D(2008, 10, 7),
         [("Sept. 11", "DATE", "2008-09-11")]),
        ("The ministers met on Thursday, Sept. 11, in Geneva.", D(2008, 9, 24),
         [("Thursday, Sept. 11", "DATE", "2008-09-11")]),
        # ... and never before it happened.
        ("Officials recalled the storm of Sept. 11.", D(1998, 9, 24),
         [("Sept. 11", "DATE", "1998-09-11")]),
    ],
)  # fmt: skip
def test_a_day_that_names_a_happening(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A possessive weekday is a day the reader was told of: the one the text named ...
        ("Mediators will meet in Cairo on Thursday. Thursday's talks are meant to settle "
         "the second phase.", D(2025, 2, 3),
         [("Thursday", "DATE", "2025-02-06"), ("Thursday's", "DATE", "2025-02-06")]),
        ("The next handover will take place on Saturday. Crowds are expected in Khan Younis "
         "for Saturday's release.", D(2025, 2, 5),
         [("Saturday", "DATE", "2025-02-08"), ("Saturday's", "DATE", "2025-02-08")]),
        # ... else a past day, as before ...
        ("Saturday's strike killed four people in Rafah.", D(2025, 2, 3),
         [("Saturday's", "DATE", "2025-02-01")]),
        ("The army shelled the camp on Saturday. Saturday's shelling killed four.",
         D(2025, 2, 3), [("Saturday", "DATE", "2025-02-01"), ("Saturday's", "DATE", "2025-02-01")]),
        # ... unless it is what something is scheduled for; no other future says so ...
        ("The stage is set for Saturday's talks in Cairo.", D(2025, 2, 5),
         [("Saturday's", "DATE", "2025-02-08")]),
        ("The vote is scheduled for Sunday's session of the Knesset.", D(2025, 2, 5),
         [("Sunday's", "DATE", "2025-02-09")]),
        ("The signing was set for Saturday's ceremony.", D(2025, 2, 3),
         [("Saturday's", "DATE", "2025-02-08")]),
        ("The UN will investigate Saturday's attack on the convoy.", D(2025, 2, 5),
         [("Saturday's", "DATE", "2025-02-01")]),
        ("Saturday's attack will be investigated by the UN.", D(2025, 2, 5),
         [("Saturday's", "DATE", "2025-02-01")]),
        ("They would look for ways around Wednesday's ruling.", D(2025, 2, 7),
         [("Wednesday's", "DATE", "2025-02-05")]),
        # ... and a day named weeks away is another week's.
        ("The truce began on Sunday, January 19. Sunday's handover went ahead in Gaza City.",
         D(2025, 2, 3), [("Sunday, January 19", "DATE", "2025-01-19"),
                         ("Sunday's", "DATE", "2025-02-02")]),
    ],
)  # fmt: skip
def test_a_possessive_weekday_the_text_named(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A date that names an unforeseen happening is of the past, though no verb says so
        # ("set" is past and present alike) and the same day of next year is nearer ...
        ("The April 20 blast at the fuel depot set off fires across the port.",
         D(2025, 11, 17), [("April 20", "DATE", "2025-04-20")]),
        ("The 3 May suicide bombing at the checkpoint.", D(2025, 11, 20),
         [("3 May", "DATE", "2025-05-03")]),
        ("The June 2 Kharkiv market attack set off a row over air defence.", D(2025, 12, 20),
         [("June 2", "DATE", "2025-06-02")]),
        # ... but what may be called ahead stays as the clause and the calendar say.
        ("The April 20 meeting on the blast.", D(2025, 11, 17),
         [("April 20", "DATE", "2026-04-20")]),
        ("The April 20 strike by dock workers.", D(2025, 11, 17),
         [("April 20", "DATE", "2026-04-20")]),
    ],
)  # fmt: skip
def test_a_date_of_an_unforeseen_happening_is_past(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert found(text, published) == expected
