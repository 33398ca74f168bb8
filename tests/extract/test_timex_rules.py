"""The temporal expression engine's reading rules, one table row per rule.

Every sentence here is written for the test; none is copied from a corpus. Publication is
Monday 3 February 2025 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.timex import find_expressions

MONDAY = dt.date(2025, 2, 3)
Row = tuple[str, str, str] | tuple[str, str, str, str]


def found(text: str, published: dt.date = MONDAY) -> list[Row]:
    """(text, type, value[, mod]) of every expression, in text order."""
    rows: list[Row] = []
    for e in find_expressions(text, published):
        rows.append((e.text, e.type, e.value, e.mod) if e.mod else (e.text, e.type, e.value))
    return rows


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The future marker governs the whole clause, however long the list before the day.
        ("Hamas will free Yehud, the soldier Agam Berger and a third hostage on Thursday.",
         dt.date(2025, 1, 27), [("Thursday", "DATE", "2025-01-30")]),
        # A reporting verb after a comma frames what is told: it does not date the event.
        ("The army will reopen the crossing on Thursday, officials said.", MONDAY,
         [("Thursday", "DATE", "2025-02-06")]),
        ("The convoy may leave as soon as Friday, according to aid workers.", MONDAY,
         [("Friday", "DATE", "2025-02-07")]),
        # Next to the expression it does: "said on Monday" is the day of the saying.
        ("The envoy said on Thursday the talks will resume soon.", MONDAY,
         [("Thursday", "DATE", "2025-01-30")]),
        # A reporting verb with an object is the main verb of its clause.
        ("In December, the ministry announced plans to rebuild the port.", MONDAY,
         [("December", "DATE", "2024-12")]),
        # Nor does an appositive after a comma.
        ("Hamas freed three women in Gaza City on Sunday, the first hostages to be released.",
         dt.date(2025, 1, 19), [("Sunday", "DATE", "2025-01-19")]),
        # A weekday the text describes is not the one nearest publication.
        ("Releases came on a Thursday and on the Sunday the truce began.", dt.date(2025, 2, 23),
         [("Thursday", "DATE", "XXXX-WXX-4"), ("Sunday", "DATE", "XXXX-WXX-7")]),
        # Before a noun it modifies, the weekday is the nearest one.
        ("The Friday explosions shook the city.", dt.date(2025, 2, 23),
         [("Friday", "DATE", "2025-02-21")]),
        # A day and month without a year, day first.
        ("Talks began on 3 February.", dt.date(2025, 2, 23),
         [("3 February", "DATE", "2025-02-03")]),
        # A condition whose consequence lies ahead.
        ("Trump said that if the hostages were not returned by noon on Saturday, he would act.",
         dt.date(2025, 2, 11), [("noon on Saturday", "TIME", "2025-02-15T12:00")]),
        ("If the talks had failed on Monday, he would have resigned.", dt.date(2025, 2, 11),
         [("Monday", "DATE", "2025-02-10")]),
        # A relative clause between commas is a clause of its own.
        ("Trump, who is due to be sworn in on Monday, claimed credit for the deal.",
         dt.date(2025, 1, 15), [("Monday", "DATE", "2025-01-20")]),
        # Nor does a participle clause.
        ("Israel held back prisoners after Hamas freed six hostages on Saturday, saying it "
         "would not proceed.", dt.date(2025, 2, 23), [("Saturday", "DATE", "2025-02-22")]),
        # A date that opens the sentence belongs to the main clause after its comma.
        ("On Thursday, the union plans to march on the ministry.", MONDAY,
         [("Thursday", "DATE", "2025-02-06")]),
        ("Also on Friday, the rebels will hand over their weapons.", MONDAY,
         [("Friday", "DATE", "2025-02-07")]),
        # A subordinate clause after the expression tells nothing of it.
        ("Officials sent a message Sunday that the army wants to withdraw.", MONDAY,
         [("Sunday", "DATE", "2025-02-02")]),
        # A quotation before the expression is another clause.
        ("``We will go to court,'' the lawyer said in an interview Friday.", MONDAY,
         [("Friday", "DATE", "2025-01-31")]),
        # The past of a future is past.
        ("The permit had been due to expire Friday.", MONDAY,
         [("Friday", "DATE", "2025-01-31")]),
        # A deadline is ahead; "not until" and "up until" are not.
        ("The court postponed the hearing until Tuesday.", MONDAY,
         [("Tuesday", "DATE", "2025-02-04")]),
        ("It was not until Tuesday that the names were published.", dt.date(2025, 2, 6),
         [("Tuesday", "DATE", "2025-02-04")]),
        # "as planned" tells of a plan, not of the future.
        ("The cabinet did not convene as planned on Thursday.", dt.date(2025, 1, 16),
         [("Thursday", "DATE", "2025-01-16")]),
        # "next to" and "as expected" are no future markers.
        ("A shell landed next to the school Friday morning.", MONDAY,
         [("Friday morning", "TIME", "2025-01-31TMO")]),
        ("As expected, the bank reported lower fourth-quarter profit.", dt.date(2025, 1, 27),
         [("fourth-quarter", "DATE", "2024-Q4")]),
        # An adverb between "would" and "be" keeps the future.
        ("The summit would still be held on April 24 in Rome.", MONDAY,
         [("April 24", "DATE", "2025-04-24")]),
        # A participle after an article is an adjective, not a past-tense verb.
        ("Dividends will be paid on a still unspecified date to holders of record Dec. 21.",
         dt.date(2025, 10, 27), [("Dec. 21", "DATE", "2025-12-21")]),
    ],
)  # fmt: skip
def test_tense_reads_the_whole_clause(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A quarter's results are reported after it ends: the quarter just over, not next year's.
        ("The airline expects to report third-quarter losses.", dt.date(2025, 10, 27),
         [("third-quarter", "DATE", "2025-Q3")]),
        ("The company said third-quarter profit fell.", dt.date(2025, 10, 27),
         [("third-quarter", "DATE", "2025-Q3")]),
        ("Sales rose in the quarter.", dt.date(2025, 10, 27),
         [("the quarter", "DATE", "2025-Q3")]),
        # "the year-ago quarter" is the reported quarter a year before.
        ("Third-quarter profit rose; in the year-ago quarter it fell.", dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("the year-ago quarter", "DATE", "2024-Q3")]),
        ("In the year-ago third quarter, it lost money.", dt.date(2025, 10, 27),
         [("the year-ago third quarter", "DATE", "2024-Q3")]),
        ("Profit rose in the third quarter. Results for that quarter were restated.",
         dt.date(2025, 10, 27),
         [("the third quarter", "DATE", "2025-Q3"), ("that quarter", "DATE", "2025-Q3")]),
        ("It earned $3 million in the third quarter, against $2 million in the 2024 quarter.",
         dt.date(2025, 10, 27),
         [("the third quarter", "DATE", "2025-Q3"), ("the 2024 quarter", "DATE", "2024-Q3")]),
        # A forecast quarter is not the one reported: "a year ago" compares with the report.
        ("Third-quarter sales fell; losses may last through the third quarter of 2026. "
         "Sales were higher a year ago.", dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("the third quarter of 2026", "DATE", "2026-Q3"),
          ("a year ago", "DATE", "2024-Q3")]),
        # "a year ago" compares; it does not move the story to last year.
        ("Third-quarter profit rose from a year ago. In the year-earlier period, it fell.",
         dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("a year ago", "DATE", "2024-Q3"),
          ("the year-earlier period", "DATE", "2024-Q3")]),
        ("Revenue in the latest period rose.", dt.date(2025, 10, 27),
         [("the latest period", "DATE", "2025-Q3")]),
        # The reported quarter is the newest one over by publication: an older quarter named
        # after it is background, and so is one long past named before it.
        ("Third-quarter profit rose. After a weak second quarter, the miner said costs were "
         "lower than a year ago.", dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("second quarter", "DATE", "2025-Q2"),
          ("a year ago", "DATE", "2024-Q3")]),
        ("The bank stopped its dividend in the second quarter of 2019. Third-quarter profit "
         "rose from a year ago.", dt.date(2025, 10, 27),
         [("the second quarter of 2019", "DATE", "2019-Q2"), ("Third-quarter", "DATE", "2025-Q3"),
          ("a year ago", "DATE", "2024-Q3")]),
        # "the quarter a year ago" is one expression: the reported quarter a year before.
        ("Third-quarter sales rose. For the quarter a year ago, the airline lost money.",
         dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("the quarter a year ago", "DATE", "2024-Q3")]),
        ("Third-quarter profit fell from $2 million in the corresponding period last year.",
         dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"),
          ("the corresponding period last year", "DATE", "2024-Q3")]),
        ("Third-quarter sales rose; sales for last year's quarter were lower.",
         dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("last year's quarter", "DATE", "2024-Q3")]),
        # The quarter under way is forecast, not reported.
        ("Third-quarter sales fell and the slump will go on into the fourth quarter, "
         "compared with a year ago.", dt.date(2025, 10, 27),
         [("Third-quarter", "DATE", "2025-Q3"), ("the fourth quarter", "DATE", "2025-Q4"),
          ("a year ago", "DATE", "2024-Q3")]),
    ],
)  # fmt: skip
def test_business_quarters(text: str, published: dt.date, expected: list[Row]) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Possessives: the period is the expression, "'s" is not.
        ("Last month's vote was annulled.", [("Last month", "DATE", "2025-01")]),
        ("Delegates prepared for next week's talks.", [("next week", "DATE", "2025-W07")]),
        # "May" the month after a date word, "last May" too.
        ("The case will be heard in May.", [("May", "DATE", "2025-05")]),
        ("The treaty was signed last May.", [("last May", "DATE", "2024-05")]),
        # A month, a comma, then a capitalized word: a date at the head of a sentence.
        ("In January, Congress passed the bill.", [("January", "DATE", "2025-01")]),
        # Clock time with a date.
        ("The offer runs until 5 p.m. EST, Nov. 6, 2024.",
         [("5 p.m. EST, Nov. 6, 2024", "TIME", "2024-11-06T17:00")]),
        ("Prices peaked in the summer of last year.",
         [("the summer of last year", "DATE", "2024-SU")]),
        # Seasons with the article: the tense picks the year.
        ("Demand was weak over the summer.", [("the summer", "DATE", "2024-SU")]),
        ("Prices rose in the early summer.", [("the early summer", "DATE", "2024-SU", "START")]),
    ],
)  # fmt: skip
def test_months_seasons_and_possessives(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The games opened in nineteen ninety-six.", [("nineteen ninety-six", "DATE", "1996")]),
        ("It was founded in nineteen oh five.", [("nineteen oh five", "DATE", "1905")]),
        ("Prices will double by the year two thousand.",
         [("the year two thousand", "DATE", "2000")]),
        ("It reopened in two thousand and one.", [("two thousand and one", "DATE", "2001")]),
        ("January nineteen ninety-seven was cold.",
         [("January nineteen ninety-seven", "DATE", "1997-01")]),
        ("Oil fell in the winter of nineteen ninety-four.",
         [("the winter of nineteen ninety-four", "DATE", "1994-WI")]),
        ("The band was big in the nineties.", [("the nineties", "DATE", "199")]),
        ("The duo was famed in the mid-Eighties.", [("the mid-Eighties", "DATE", "198", "MID")]),
        ("A history of nineteenth-century Hay.", [("nineteenth-century", "DATE", "18")]),
        ("Two thousand people marched.", []),
    ],
)  # fmt: skip
def test_years_in_words(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell in 2023. For the year, imports were flat.",
         [("2023", "DATE", "2023"), ("the year", "DATE", "2023")]),
        ("It earned $3 million in the year ended March 31.",
         [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2024-03-31")]),
        ("Sales should rise in the current fiscal year.",
         [("the current fiscal year", "DATE", "2025")]),
        ("Sales fell in the latest fiscal year.", [("the latest fiscal year", "DATE", "2024")]),
        ("The deal should close by year-end.", [("year-end", "DATE", "2025", "END")]),
        ("The index has risen 3% since year-end.", [("year-end", "DATE", "2024", "END")]),
        # A unit word starts an expression only in its compounds (the scanner's gates).
        ("Year-end bonuses were cut.", [("Year-end", "DATE", "2025", "END")]),
        ("It rained the day before yesterday.",
         [("the day before yesterday", "DATE", "2025-02-01")]),
        ("A week-long strike began.", [("week-long", "DURATION", "P1W")]),
        ("Its hour hand and day rate are fixed.", []),
        # "a", "an" and "at" start an expression only before an amount or "least"/"present".
        ("A full year passed; it took a couple of days at least.",
         [("A full year", "DURATION", "P1Y"), ("a couple of days", "DURATION", "P2D")]),
        ("At present an annual fee applies.", [("At present", "DATE", "PRESENT_REF")]),
    ],
)  # fmt: skip
def test_the_year(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor, 52 years old, resigned.", []),
        ("Shares pay $1.76 a year.", []),
        ("The airline adds 700 seats a week.", []),
        ("Rooms cost $55 a night.", []),
        ("The country imports three-quarters of its food.", []),
        ("Funds hold more than a quarter of the market.", []),
        ("Baker spoke on ABC's \"This Week\" program.", []),
        ("For weeks the rallies went on.", [("weeks", "DURATION", "PXW")]),
        ("Troops will arrive within weeks.", [("weeks", "DURATION", "PXW")]),
        ("The city was ruled from abroad for centuries.", [("centuries", "DURATION", "PXY")]),
        ("The siege lasted a year.", [("a year", "DURATION", "P1Y")]),
        # Vague amounts of time: "-long" compounds, "the weeks ahead", "recent days".
        ("The talks were a day-long affair.", [("day-long", "DURATION", "P1D")]),
        ("The decades-long dispute is over.", [("decades-long", "DURATION", "PXY")]),
        ("Prices may rise in the months ahead.", [("the months ahead", "DURATION", "PXM")]),
        ("Clashes spread in recent days.", [("recent days", "DURATION", "PXD")]),
        ("Within hours, rescuers arrived.", [("hours", "DURATION", "PTXH")]),
        ("Over the years, the waits grew.", [("the years", "DURATION", "PXY")]),
        ("Shares fell for eight trading days.", [("eight trading days", "DURATION", "P8D")]),
        # A vague amount after the story's time: the tense says on which side of publication.
        ("A few weeks later, the envoy resigned.", [("A few weeks later", "DATE", "PAST_REF")]),
        ("A few weeks later, the envoy will resign.",
         [("A few weeks later", "DATE", "FUTURE_REF")]),
        # A bare plural unit before "of", or after "in": an unknown number of them.
        ("The deal ended months of talks.", [("months", "DURATION", "PXM")]),
        ("Exports rose for the first time in years.", [("years", "DURATION", "PXY")]),
        ("Aid may come within weeks or months of the vote.", [("weeks", "DURATION", "PXW")]),
        # A vague number of quarters is no fraction.
        ("The firm lost money for several quarters of the decade.",
         [("several quarters", "DURATION", "PXQ")]),
        # "and a half", after the number or after the unit.
        ("The siege lasted two and a half years.",
         [("two and a half years", "DURATION", "P2Y6M")]),
        ("The vote took an hour and a half.", [("an hour and a half", "DURATION", "PT1H30M")]),
        # A number in words before a singular unit: a compound with its hyphen dropped.
        ("Farmers began a three day strike.", [("three day", "DURATION", "P3D")]),
        ("The currency fell to a twelve year low.", [("twelve year", "DURATION", "P12Y")]),
    ],
)  # fmt: skip
def test_amounts_that_are_and_are_not_durations(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_a_year_ago_outside_business_news_still_moves_the_story() -> None:
    """Only a quarter's "a year ago" is a comparison; a plain one sets the story's time, so
    "the next day" after it is refused rather than hung on a day of the publication year."""
    expressions = find_expressions("A year ago the town fell. The next day, troops left.", MONDAY)
    assert [(e.text, e.value, e.resolved) for e in expressions] == [
        ("A year ago", "2024", True),
        ("The next day", "XXXX-XX-XX", False),
    ]
