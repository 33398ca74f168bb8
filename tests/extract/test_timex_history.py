"""History narrative: a passage that establishes a year dates its year-less dates in it, and
news keeps its background years in the background (issue 15, "History: narrative time").

Every sentence here is written for the test; none is copied from a corpus. The dev set of
whole passages is ``timex_history_passages.py``; each of its passages is read here too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract import timex_history_passages as passages
from timeline.extract.timex import find_expressions

Row = tuple[str, str] | tuple[str, str, str]
D = dt.date
LATER = D(2024, 3, 15)
"""Publication of the history passages: far after every story they tell."""


def values(text: str, published: dt.date = LATER) -> list[Row]:
    """(text, value[, mod]) of every expression, in text order."""
    return [(e.text, e.value, e.mod) if e.mod else (e.text, e.value)
            for e in find_expressions(text, published)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year established at a clause start holds for the year-less dates after it, across
        # paragraphs, and the story moves on with them.
        ("In 1812, Napoleon invaded Russia. In September he took Moscow.\n\n"
         "The retreat began on 19 October. December 14 saw the last units leave.",
         [("1812", "1812"), ("September", "1812-09"), ("19 October", "1812-10-19"),
          ("December 14", "1812-12-14")]),
        # A month or a day with its year establishes it wherever it stands.
        ("Nixon took office in January 1969. In March he ordered the bombing of Cambodia.",
         [("January 1969", "1969-01"), ("March", "1969-03")]),
        # The end of a month, a season, a holiday, a clock time: in the story's time.
        ("The Korean War began on 25 June 1950. By the end of the month Seoul had fallen. "
         "That winter the front froze. On Christmas Day the evacuation of Hungnam ended.",
         [("25 June 1950", "1950-06-25"), ("the end of the month", "1950-06", "END"),
          ("That winter", "1950-WI"), ("Christmas Day", "1950-12-25")]),
        ("On 5 June 1944 the weather cleared. At 6:30 a.m. the first ships sailed. The next day "
         "the troops landed.",
         [("5 June 1944", "1944-06-05"), ("6:30 a.m.", "1944-06-05T06:30"),
          ("The next day", "1944-06-06")]),
        # Relative offsets chain from the last date.
        ("The task force sailed on 5 April 1982. Two days later it reached Ascension. "
         "Thirteen days later it sailed on. The following spring the garrison was relieved.",
         [("5 April 1982", "1982-04-05"), ("Two days later", "1982-04-07"),
          ("Thirteen days later", "1982-04-20"), ("The following spring", "1983-SP")]),
        # Across the turn of the year, the nearer candidate; a story moves on.
        ("The offensive opened on 16 December 1944. It was spent by mid-January.",
         [("16 December 1944", "1944-12-16"), ("mid-January", "1945-01", "MID")]),
        ("The retreat ended in December 1812. The following spring Prussia changed sides, "
         "and in the autumn Napoleon lost at Leipzig.",
         [("December 1812", "1812-12"), ("The following spring", "1813-SP"),
          ("the autumn", "1813-FA")]),
        # "that year" is the year the text named last, not one it reached by counting.
        ("In 1944 the Allies landed in France. On 16 December the Germans attacked, and by "
         "mid-January they were beaten. Earlier that year, on 6 June, the landings began.",
         [("1944", "1944"), ("16 December", "1944-12-16"), ("mid-January", "1945-01", "MID"),
          ("Earlier that year", "1944"), ("6 June", "1944-06-06")]),
        # A weekday counts from the story's day (not from publication) ...
        ("The talks failed.\n\nOn 5 December 1941 the envoys met again. On Sunday the "
         "attack came.",
         [("5 December 1941", "1941-12-05"), ("Sunday", "1941-12-07")]),
        # ... but never from a date of the first paragraph: a dateline, a byline, a lead.
        ("Posted on April 5, 2017 by the desk. On Monday the talks resumed.",
         [("April 5, 2017", "2017-04-05"), ("Monday", "2024-03-11")]),
        # Bare seasons, months and days of the story.
        ("In February 1971 South Vietnamese troops entered Laos. In summer the last units "
         "came home. In April Nixon spoke. On the 20th the talks resumed.",
         [("February 1971", "1971-02"), ("summer", "1971-SU"), ("April", "1971-04"),
          ("the 20th", "1971-04-20")]),
        ("British troops landed on 21 May 1982. On the 28th they took Goose Green, and on the "
         "3rd they reached the mountains.",
         [("21 May 1982", "1982-05-21"), ("the 28th", "1982-05-28"), ("the 3rd", "1982-06-03")]),
        # The 28th floor is no day.
        ("On the 28th floor the fire spread.", []),
    ],
)  # fmt: skip
def test_a_story_dates_its_year_less_dates(text: str, expected: list[Row]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # News: a year in the background carries nothing ...
        ("The 1967 war changed the map. In March the talks resumed.", D(2025, 5, 2),
         [("1967", "1967"), ("March", "2025-03")]),
        ("Sanctions have been in place since 2014. In March they were extended.", D(2025, 5, 2),
         [("2014", "2014"), ("March", "2025-03")]),
        ("A 2009 analysis found no link. In March a new one was published.", D(2025, 5, 2),
         [("2009", "2009"), ("March", "2025-03")]),
        ("Poland, which was invited to join in July 1997, signed on February 10.",
         D(1999, 2, 27), [("July 1997", "1997-07"), ("February 10", "1999-02-10")]),
        # ... a story does not hold a future clause ...
        ("In 2014, Russia annexed Crimea. The ministers will meet in March.", D(2025, 1, 20),
         [("2014", "2014"), ("March", "2025-03")]),
        # ... the present resumes with a date counted from publication ...
        ("In 2014, Russia annexed Crimea. On Monday, the ministers met. In March they will "
         "meet again.", D(2025, 1, 22),
         [("2014", "2014"), ("Monday", "2025-01-20"), ("March", "2025-03")]),
        # ... and in news a story holds for its paragraph only.
        ("Talks resumed on Monday.\n\nIn 2014, Russia annexed Crimea. In March, sanctions "
         "followed.\n\nThe ministers met in March.", D(2025, 5, 2),
         [("Monday", "2025-04-28"), ("2014", "2014"), ("March", "2014-03"),
          ("March", "2025-03")]),
        # A year within a year of publication is the present's, no story of its own.
        ("In 2024 the army withdrew. In March it returned.", D(2025, 9, 10),
         [("2024", "2024"), ("March", "2025-03")]),
        # Business quarters are reported from publication, whatever year came before.
        ("The company stopped paying a dividend in the third quarter of 1984. It reported "
         "third-quarter profit.", D(1989, 10, 27),
         [("the third quarter of 1984", "1984-Q3"), ("third-quarter", "1989-Q3")]),
    ],
)  # fmt: skip
def test_news_keeps_background_years_in_the_background(
    text: str, published: dt.date, expected: list[Row]
) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Years before Christ keep their TIMEX3 value; a story told then counts in years.
        ("In 490 BC the Persians landed at Marathon. Ten years later Xerxes returned.",
         [("490 BC", "BC0490"), ("Ten years later", "BC0480")]),
        ("In 5 BC the census began. Ten years later it ended.",
         [("5 BC", "BC0005"), ("Ten years later", "0006")]),
        # ... and no calendar day or month is hung on the publication's year after them.
        ("In 480 BC the fleet sailed. The next day it fought. In September it fled.",
         [("480 BC", "BC0480"), ("The next day", "XXXX-XX-XX"), ("September", "XXXX-09")]),
        ("Through the 470s BC the league grew. In the late 460s BC it faltered.",
         [("the 470s BC", "BC047"), ("the late 460s BC", "BC046", "END")]),
        ("In the 4th century BC Persia paid for Greek wars.", [("the 4th century BC", "BC03")]),
        # Years of our era, before 1600: with the era, or after "in" with no noun after them.
        ("The war broke out in AD 66 and ended in 73 AD.", [("AD 66", "0066"), ("73 AD", "0073")]),
        ("Muhammad died in 632, and in 1453 the city fell.", [("632", "0632"), ("1453", "1453")]),
        ("In the seventh century the conquests began; the twelfth-century walls stand.",
         [("the seventh century", "06"), ("the twelfth-century", "11")]),
        # A number after "in" that counts something is no year, nor is an ad.
        ("Protests broke out in 300 cities in 150 days.", [("150 days", "P150D")]),
        ("The ad campaign cost 400 dollars.", []),
    ],
)  # fmt: skip
def test_years_before_1600_and_eras(text: str, expected: list[Row]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A range of years is two years; a short second year takes the first's century.
        ("The American Civil War (1861–1865) divided the nation.",
         [("1861", "1861"), ("1865", "1865")]),
        ("The Gallipoli campaign of 1915-16 failed.", [("1915", "1915"), ("16", "1916")]),
        ("The recession of 2009-2010 was slow to end.", [("2009", "2009"), ("2010", "2010")]),
        ("The pandemic of 1957-58 killed two million.", [("1957", "1957"), ("58", "1958")]),
        # A season across two years is the season of the first.
        ("The winter of 1862-63 was hard.", [("The winter of 1862", "1862-WI")]),
        # A year of two digits: nearest the story's time, or the publication's.
        ("The president survived a bombing in December '99.", [("December '99", "1999-12")]),
        ("The offensive of 1968 failed. In the summer of '69 the talks began.",
         [("1968", "1968"), ("the summer of '69", "1969-SU")]),
        ("Prices have risen since '19.", [("19", "2019")]),
        ("The cup comes here in '26.", [("26", "2026")]),
        # A range that runs backwards is none.
        ("Grades 2009-08 were lost.", []),
    ],
)  # fmt: skip
def test_ranges_and_short_years(text: str, expected: list[Row]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("name", sorted(passages.PASSAGES))
def test_the_dev_set_passages(name: str) -> None:
    """Every expression of the passage is found with its value (each phrase is looked for
    after the one before, so that the same words twice are two rows)."""
    text, gold = passages.PASSAGES[name]
    found = {(e.start, e.end): e.value for e in find_expressions(text, passages.PUBLISHED)}
    got = []
    for start, end, phrase, _ in passages.spans(text, gold):
        overlapping = [v for (s, e), v in found.items() if s < end and start < e]
        got.append((phrase, overlapping[0] if overlapping else None))
    assert got == [(phrase, value) for phrase, value in gold]
