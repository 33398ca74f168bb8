"""An entry's text: what a web page ran into a report's lead is cut off, nothing else."""

from __future__ import annotations

import pytest

from timeline.merge.clarity import clearest
from timeline.merge.entries import entry_text
from timeline.merge.text import lead_text


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # a time stamp opening the text, and the wire dateline after it
        ("Tue Apr 21, 2025 10:19 pm BST WASHINGTON (Reuters) - Israeli tanks entered "
         "Khan Younis on Tuesday, officials said.",
         "Israeli tanks entered Khan Younis on Tuesday, officials said."),
        ("Sunday 30 March 2025 20.58 BST Rescue crews searched the rubble of the school.",
         "Rescue crews searched the rubble of the school."),
        ("Sun May 30, 2025 3:40 pm EDT (Reuters) - With the failure of the talks, fears "
         "are growing that the fighting will spread.",
         "With the failure of the talks, fears are growing that the fighting will spread."),
        # a headline or summary before a dateline inside the text
        ("France Plans $33 Billion in Aid PARIS, Dec. 4 -- Facing a drastic slowdown, France "
         "announced a $33 billion plan Thursday.",
         "Facing a drastic slowdown, France announced a $33 billion plan Thursday."),
        ("India confirms first case of the flu NEW DELHI | Sat May 16, 2025 3:13 pm IST "
         "NEW DELHI (Reuters) - The health ministry on Saturday confirmed its first case.",
         "The health ministry on Saturday confirmed its first case."),
        ("\\ Aid convoy reaches the north \\ First in weeks RAFAH, May 28 (Reuters) - Forty "
         "trucks crossed into Gaza on Wednesday, the UN said.",
         "Forty trucks crossed into Gaza on Wednesday, the UN said."),
        # a headline that the lead repeats
        ("Army chief resigns over raid Army chief resigns after the raid on the camp, the "
         "ministry said on Monday.",
         "Army chief resigns after the raid on the camp, the ministry said on Monday."),
        ("8 November 2025 Last updated at 06:28 Israel's army chief resigns Israel's army "
         "chief has resigned over the failures of 7 October, the army said.",
         "Israel's army chief has resigned over the failures of 7 October, the army said."),
        # a photo's or a video's credit in brackets, an agency's tag without a dash
        ("(By Jo Roe -- Associated Press) Israeli troops withdrew from the camp on Monday "
         "after a two-day raid.",
         "Israeli troops withdrew from the camp on Monday after a two-day raid."),
        ("(Jo Roe for The Daily Record) Aid trucks crossed into the north of Gaza on Sunday "
         "for the first time in weeks.",
         "Aid trucks crossed into the north of Gaza on Sunday for the first time in weeks."),
        ("(Reuters) Despite today's focus on the strike, officials stress that the talks "
         "have gone on since the start.",
         "Despite today's focus on the strike, officials stress that the talks have gone on "
         "since the start."),
        # a wire's note to editors
        ("(Updates with death toll, adds quotes) Shelling hit the market in Kharkiv on "
         "Monday, officials said.",
         "Shelling hit the market in Kharkiv on Monday, officials said."),
        # a caption's date, after its credit
        ("(AP) May 10: Soldiers carry the wounded from the market in Kharkiv after the "
         "shelling.",
         "Soldiers carry the wounded from the market in Kharkiv after the shelling."),
        ("Apr. 21: Fire crews battle the blaze at the fuel depot hit by the drones overnight.",
         "Fire crews battle the blaze at the fuel depot hit by the drones overnight."),
        # the full date a chronology's line opens with (the entry shows its date)
        ("12 March 2025 Drones hit the fuel depot outside Odesa, setting two tanks on fire.",
         "Drones hit the fuel depot outside Odesa, setting two tanks on fire."),
        ("Oct. 7, 2024 Rockets are fired at the city from the south for the whole morning.",
         "Rockets are fired at the city from the south for the whole morning."),
        # a photo's credit: the photographer and the agency, either way round, the agency
        # in capitals or not
        ("Photograph: Jo Roe/REUTERS Israeli tanks entered Khan Younis on Tuesday, "
         "officials said.",
         "Israeli tanks entered Khan Younis on Tuesday, officials said."),
        ("Photograph: Anna Maria Kowalska/Corbis The convoy reached Kharkiv on Sunday after "
         "two days on the road.",
         "The convoy reached Kharkiv on Sunday after two days on the road."),
        ("Photograph: AP/Jamal Haddad Rescue crews searched the rubble of the school in Gaza "
         "City through the night.",
         "Rescue crews searched the rubble of the school in Gaza City through the night."),
        ("Photograph: AFP/Getty Hamas has freed three hostages in Khan Younis, the Red "
         "Cross said.",
         "Hamas has freed three hostages in Khan Younis, the Red Cross said."),
        # a chronology's line run into the caption or the line before it: the line after
        # its date, written day first
        ("Footage of the strike on the depot 12 March 2025 Drones hit the fuel depot outside "
         "Odesa, setting two tanks on fire.",
         "Drones hit the fuel depot outside Odesa, setting two tanks on fire."),
        ("Ceasefire monitors report - update 3 14 May 2025 -- As of 14 May 2025, the monitors "
         "have counted 41 violations of the truce.",
         "As of 14 May 2025, the monitors have counted 41 violations of the truce."),
        # a tag and a subhead in capitals
        ("AP FILE: President Zelensky talks with the commander aboard a helicopter on May 2 "
         "near Kharkiv.",
         "President Zelensky talks with the commander aboard a helicopter on May 2 near "
         "Kharkiv."),
        ("CIVILIANS URGED TO LEAVE The army told residents of the eastern districts to leave "
         "by Friday.",
         "The army told residents of the eastern districts to leave by Friday."),
    ],
)  # fmt: skip
def test_what_a_page_ran_into_the_lead_is_cut_off(sentence: str, lead: str) -> None:
    assert lead_text(sentence) == lead


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence's own date and clock time, after "on" or "at"
        "The rig exploded on Tuesday, April 20, 2025 at 9:45 p.m. CDT and sank two days later.",
        # capitals and a dash inside a sentence, not a dateline
        "Scenarios facing the army: ARMY RUNS OUT OF SHELLS - UNLIKELY Officials say the "
        "stocks will last.",
        "Reforms that MAY - not will - have prevented the collapse were shelved.",
        "Labor Secretary Hilda Solis slammed BP -- along with Massey Energy -- on Monday.",
        # what follows a dateline leans on the headline before it
        "Nations Take Financial Action RIO DE JANEIRO, Dec. 9 -- It began with denial, as "
        "leaders insisted their economies would escape.",
        # a repeated name that goes on the same sentence
        "Israeli forces said Israeli forces had withdrawn from the camp on Monday.",
        "The minister met the envoy, and the minister met the envoy's deputy on Monday too.",
        "Gaza strike a result of poor intelligence ' The disastrous Gaza strike on the school "
        "has sharpened the debate about targeting, a former general says.",
        "Mexico and China in flu row Mexico's envoy says he was denied access to citizens at "
        "a hotel A row is growing between Mexico and China over the treatment of travellers.",
        "Created a culture where agencies were the bungling arms of an unworthy government who "
        "should only get out of the way, 6) Created a culture where agencies got into bed with "
        "the companies.",
        # too little left after the cut
        "Headline words here PARIS, Dec. 4 -- France acted.",
        # a headline and a caption run into a lead without a mark: left whole
        "Strike hits school The building was full of families The strike killed twelve people.",
        # brackets, capitals and colons that are the sentence's own
        "(Shelling resumed at dawn) Officials in Kharkiv said the market was hit on Monday.",
        "(MSD) confirmed today that its test was used to detect the first case of the virus.",
        "(March 20, 2025) Sanctions on the bank: the minister wants to widen them further.",
        "NATO CEO John Doe met the envoy in Brussels on Monday to discuss the ceasefire.",
        "UN envoy: Both sides have agreed to a ceasefire that will start on Sunday morning.",
        "GEITHNER: We are going to do what is necessary to stabilize the banking system.",
        "UN: Both sides have agreed to a ceasefire that will start on Sunday morning.",
        "May 10: talks.",
        # a date inside a text that completes what comes before it: after a word that takes
        # a date, or written month first
        "Israeli troops withdrew from the camp on 12 March 2025 After the raid, residents "
        "returned to find their homes in ruins.",
        "The two hostages were freed March 15, 2025 In Gaza City, crowds gathered to watch the "
        "convoy pass.",
        # a credit with no lead's capital after it
        "Photograph: Jo Roe/Corbis shows the market in Kharkiv after the shelling on Monday.",
        # a chronology's date with too little after it, or a date that is the subject
        "16 March 2025 The truce holds.",
        "12 March 2025 was the day the depot burned, the worst strike on Odesa this year.",
    ],
)
def test_a_report_without_a_mark_of_a_page_stays_whole(sentence: str) -> None:
    assert lead_text(sentence) == sentence


def test_the_entry_text_is_the_lead_of_the_clearest_report() -> None:
    glued = (
        "Truce holds in Gaza GAZA CITY, Jan. 20 (Reuters) - The truce held through its first "
        "night on Monday, with no strikes reported."
    )
    leaning = "It held through the night, officials said."
    assert entry_text([leaning, glued]) == (
        "The truce held through its first night on Monday, with no strikes reported."
    )


@pytest.mark.parametrize(
    ("sentences", "chosen"),
    [
        # of reports equally clear, the one that says what the others say, not an aside
        (["Rescue teams reached the area of the delta on Monday after the storm.",
          "Floods killed 40 people in villages of the delta on Monday, the army said.",
          "Floods in the delta killed at least 40 people in three villages on Monday."], 1),
        (["Shares in the company fell by 4 per cent in early trading in London.",
          "An explosion on the rig killed 11 workers and set it ablaze off Louisiana.",
          "The rig exploded and burned off Louisiana, killing 11 of its workers."], 1),
        # two reports that share the same words: the earliest
        (["Israel and Hamas agreed a ceasefire in Doha on Wednesday.",
          "Israel and Hamas agreed a ceasefire in Doha on Wednesday, mediators said."], 0),
        # a piece of a sentence cut inside a bracket is not clear, whatever it shares
        (["N) chairman apologized on Wednesday to the families of the 11 workers killed.",
          "The company's chairman apologized on Wednesday to the families of the workers."], 1),
        (["Israel struck the port, hitting ships of Maersk Line (MAERSK.",
          "Israeli jets struck the port on Sunday, hitting two ships."], 1),
        # fewer faults first: the consensus does not make a forecast or a pronoun clearer
        (["The strikes hit the north of the Gaza Strip overnight, the army said.",
          "They hit the north of the Gaza Strip overnight and killed 12 people.",
          "The strikes on the north of the Gaza Strip will go on, the army said."], 0),
    ],
)  # fmt: skip
def test_the_clearest_report_is_the_one_its_reports_agree_on(
    sentences: list[str], chosen: int
) -> None:
    assert clearest(sentences) == chosen
