"""Page furniture: datelines, bylines, stamps, captions, footers and link lists."""

from __future__ import annotations

import pytest

from timeline.extract.furniture import furniture_spans
from timeline.extract.sentences import mask_markup, split_paragraphs, split_sentences


def furniture_of(body: str) -> list[str]:
    """The furniture of a Markdown body, as text."""
    plain = mask_markup(body, 0)
    paragraphs = [(p, split_sentences(p)) for p in split_paragraphs(plain, 0)]
    return [" ".join(plain[a:b].split()) for a, b in furniture_spans(body, paragraphs)]


@pytest.mark.parametrize(
    ("body", "furniture"),
    [
        # datelines
        ("TEL AVIV — Israel's cabinet met on Friday.", ["TEL AVIV —"]),
        (
            "WASHINGTON, April 21 (Reuters) - The Fed held rates.",
            ["WASHINGTON, April 21 (Reuters) -"],
        ),
        ("NAIROBI, Kenya (AP) _ Bombs exploded on Friday.", ["NAIROBI, Kenya (AP)"]),
        ("VENICE, La. (AP) -- BP defended its record.", ["VENICE, La. (AP) --"]),
        ("Gaza City (Reuters) - Strikes hit the north.", ["Gaza City (Reuters) -"]),
        (
            "HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) - The rig sank on Thursday.",
            ["HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) -"],
        ),
        (
            "PASS CHRISTIAN, Mississippi | Thu Apr 29, 2010 3:08 pm EDT PASS CHRISTIAN, "
            "Mississippi (Reuters) - Fishermen are worried.",
            [
                "PASS CHRISTIAN, Mississippi | Thu Apr 29, 2010 3:08 pm EDT PASS CHRISTIAN, "
                "Mississippi (Reuters) -"
            ],
        ),
        (
            "Airline stocks fall By Tim Hepher and Karen Jacobs PARIS, April 27 (Reuters) - "
            "Panicked selling hit airline shares.",
            ["By Tim Hepher and Karen Jacobs PARIS, April 27 (Reuters) -"],
        ),
        # stamps and bylines
        (
            "Tuesday, September 16, 2008; 4:30 PM Lehman is heading into court today.",
            ["Tuesday, September 16, 2008; 4:30 PM"],
        ),
        (
            "July 15, 2010 - 7:48 AM | by: Jonathan Serrie | Testing ran into a snag.",
            ["July 15, 2010 - 7:48 AM | by: Jonathan Serrie |"],
        ),
        (
            "William Crawley | 22:29 UK time, Wednesday, 13 January 2010 His body was found.",
            ["William Crawley | 22:29 UK time, Wednesday, 13 January 2010"],
        ),
        ("By Jane Doe\n\nThe army withdrew on Monday.", ["By Jane Doe"]),
        (
            "By Jane Doe and John Roe | Published 12 May 2024",
            ["By Jane Doe and John Roe | Published 12 May 2024"],
        ),
        ("Posted on April 4 2017 by Sam Lee", ["Posted on April 4 2017 by Sam Lee"]),
        ("Last updated: 14:05 GMT, 3 March 2024", ["Last updated: 14:05 GMT, 3 March 2024"]),
        ("Updated 1723 GMT", ["Updated 1723 GMT"]),
        # a date alone, or before the page's stamp or byline
        ("May 3, 2010", ["May 3, 2010"]),
        (
            "8 November 2011 Last updated at 06:28 GMT The jury found the doctor guilty.",
            ["8 November 2011 Last updated at 06:28 GMT"],
        ),
        (
            "May 14, 2010 09:52 UTC - Kees Willemse is professor of offshore engineering.",
            ["May 14, 2010 09:52 UTC"],
        ),
        ("12 May 2024 By Jo Roe", ["12 May 2024 By Jo Roe"]),
        # a stamp glued to the sentence after it (the page's line break lost): only the stamp
        (
            "Page last updated at 08:14 GMT, Tuesday, 8 November 2011 The jury found the "
            "doctor guilty.",
            ["Page last updated at 08:14 GMT, Tuesday, 8 November 2011"],
        ),
        (
            "Page last updated at 05:27 GMT, Tuesday, 27 September 2011 06:27 UK (an error "
            "occurred while processing this directive) The band joined the tribute.",
            [
                "Page last updated at 05:27 GMT, Tuesday, 27 September 2011 06:27 UK (an error "
                "occurred while processing this directive)"
            ],
        ),
        (
            "The rig sank. Last updated at 14:07 GMT, 3 May 2010 The slick grew on Monday.",
            ["Last updated at 14:07 GMT, 3 May 2010"],
        ),
        ("The rig sank. Published 12 May 2024 by Jo Roe", ["Published 12 May 2024 by Jo Roe"]),
        (
            "Headline words here Thursday 29 April 2010 09.28 BST The slick grew.",
            ["Thursday 29 April 2010 09.28 BST"],
        ),
        # captions and credits
        (
            "Photograph: Miguel Tovar/AP Health officials scrambled today.",
            ["Photograph: Miguel Tovar/AP"],
        ),
        (
            "Image caption Rescuers searched the rubble on Tuesday.",
            ["Image caption Rescuers searched the rubble on Tuesday."],
        ),
        ("Picture taken April 21, 2010.", ["Picture taken April 21, 2010."]),
        (
            "Crews fight the fire, in this handout photograph taken on April 21, 2010.",
            ["Crews fight the fire, in this handout photograph taken on April 21, 2010."],
        ),
        (
            "Stanley Murray, left, and Christy Murray, right, hug on Thursday.",
            ["Stanley Murray, left, and Christy Murray, right, hug on Thursday."],
        ),
        (
            "Sept. 18: Workers are seen on the drilling floor of the relief rig.",
            ["Sept. 18: Workers are seen on the drilling floor of the relief rig."],
        ),
        (
            "A plane passes over an oil skimmer near the coast, Tuesday, April 27, 2010.",
            ["A plane passes over an oil skimmer near the coast, Tuesday, April 27, 2010."],
        ),
        # footers, tags, related, shares, comments
        (
            "The truce held. Copyright 2018 Example News. All rights reserved.",
            ["Copyright 2018 Example News.", "All rights reserved."],
        ),
        ("Tags: Syria, Damascus, 2017", ["Tags: Syria, Damascus, 2017"]),
        # editors' notes
        (
            "Note: The photograph on this page was updated in 2011.",
            ["Note: The photograph on this page was updated in 2011."],
        ),
        (
            "Correction: An earlier version misstated the toll of Monday's strike.",
            ["Correction: An earlier version misstated the toll of Monday's strike."],
        ),
        (
            "Editor's note: This story was updated on Tuesday.",
            ["Editor's note: This story was updated on Tuesday."],
        ),
        (
            "Read more: Gaza truce talks resume in Cairo",
            ["Read more: Gaza truce talks resume in Cairo"],
        ),
        ("Share this article. The army said so on Monday.", ["Share this article."]),
        (
            "Click here to read the full report from Monday.",
            ["Click here to read the full report from Monday."],
        ),
        (
            "(Reporting by Maggie Fox in Washington; Editing by Jo Roe)",
            ["(Reporting by Maggie Fox in Washington; Editing by Jo Roe)"],
        ),
        (
            "A version appeared on p2 of the Guardian on Friday 30 April 2010.",
            ["A version appeared on p2 of the Guardian on Friday 30 April 2010."],
        ),
        (
            "At 17:06 1st Jun 2010, joeboldocks wrote: They should have capped it.",
            ["At 17:06 1st Jun 2010, joeboldocks wrote:"],
        ),
        (
            "Posted by: sparkybambam | May 28, 2010 7:17 PM | Report abuse",
            ["Posted by: sparkybambam | May 28, 2010 7:17 PM | Report abuse"],
        ),
        # fact boxes and lists
        (
            "Born: August 29, 1958, Gary Also known as: The King of Pop Biggest hits: Bad",
            ["Born: August 29, 1958, Gary Also known as: The King of Pop Biggest hits: Bad"],
        ),
        (
            "1991: 520m gallons were released in the Gulf War 1979: 140m gallons were spilt.",
            ["1991: 520m gallons were released in the Gulf War 1979: 140m gallons were spilt."],
        ),
        (
            "The Economist Trouble on oiled waters - 2 hrs ago Mail Online Giant dome could stop "
            "the leak - 2 hrs ago",
            [
                "The Economist Trouble on oiled waters - 2 hrs ago Mail Online Giant dome could "
                "stop the leak - 2 hrs ago"
            ],
        ),
        # a photograph's date set off in a sentence
        (
            "Lawyers for Dr Murray, shown in 2010, have suggested he is innocent.",
            [", shown in 2010,"],
        ),
        ("The minister (pictured in March 2009) resigned on Monday.", ["(pictured in March 2009)"]),
        (
            "- [Truce talks resume](https://a.example/1)\n- [Hostages freed](https://a.example/2)",
            ["Truce talks resume Hostages freed"],
        ),
        (
            "Truce talks resume in Cairo\n\nThree hostages freed on Saturday\n\n"
            "Aid trucks enter Gaza\n\nThe army withdrew on Monday.",
            [
                "Truce talks resume in Cairo",
                "Three hostages freed on Saturday",
                "Aid trucks enter Gaza",
            ],
        ),
        # a clip's blurb, just before the media player's notice (never the article's lead)
        (
            "Strikes hit Rafah on Monday, medics said.\n\n"
            "Our correspondent spent Monday night in a shelter in Rafah.\n\n"
            "To play this content JavaScript must be turned on.\n\n"
            "The army said on Monday it had hit militants.",
            ["Our correspondent spent Monday night in a shelter in Rafah."],
        ),
        # a photograph's caption in agency style, the one dated line of its article
        (
            "March 3, 2024: Medics carry a wounded boy into a hospital in Rafah.\n\n"
            "Strikes hit Rafah overnight, medics said.",
            ["March 3, 2024: Medics carry a wounded boy into a hospital in Rafah."],
        ),
    ],
)
def test_furniture(body: str, furniture: list[str]) -> None:
    assert " | ".join(furniture_of(body)) == " | ".join(furniture)


@pytest.mark.parametrize(
    "body",
    [
        "Israel's cabinet met on Friday to approve the deal.",
        "By Thursday afternoon, a five-mile long slick extended from the site.",
        "By Monday the army had withdrawn from the camp.",
        "Published reports say the talks failed on Monday.",
        "Updated figures released on Tuesday put the toll at 400.",
        "U.S. officials said on Monday that the talks would resume.",
        "NATO warplanes struck the bridge on Tuesday.",
        "Related talks collapsed in May, diplomats said, and neither side has returned since.",
        "He said: 'We are ready.' Netanyahu added: 'We will see.'",
        '"We are ... we will ... we must," he said on Monday.',
        # a chronology's lines come in a run, however they are written
        "March 20, 2003: US-led forces invade Iraq.\n\nApril 9 - Baghdad falls.",
        "The war began in 2003.\n\nMarch 20, 2003: US-led forces invade Iraq.\n\n"
        "9 April 2003: Baghdad falls to US forces.",
        # the lead before a clip
        "Strikes hit Rafah on Monday, medics said.\n\nTo play this content JavaScript must be on.",
        # a chronology's lines: the date is that of what they tell
        "28 June 2009 Los Angeles police interview the doctor for three hours.",
        "April 20, 2010 - Explosion and fire on the drilling rig kill 11 workers.",
        "7 October 2023 Hamas-led gunmen attack towns in southern Israel.",
        "Notes found on Monday showed the plan: troops would cross at dawn.",
        "Comments by the minister on Monday drew an angry response.",
        "Netanyahu is seen as a hardliner by many in his cabinet, officials said on Monday.",
        "The army withdrew on Tuesday, April 27, 2010, officials said.",
        "The film was shown in cinemas in 2010, and the book was pictured on its cover.",
        # an imperative told as speech: the openings that address a page's reader
        "Follow us to the bridge, the commander urged his men on Monday.",
        "Sign up or go home, the recruiting sergeant shouted at the crowd on Friday.",
    ],
)
def test_report_text_is_not_furniture(body: str) -> None:
    assert furniture_of(body) == []
