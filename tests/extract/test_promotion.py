"""The site's own promotion lines between paragraphs are page furniture; reporting is not."""

from __future__ import annotations

import pytest

from tests.extract.test_furniture import furniture_of
from timeline.extract.promotion import is_promotion

_REPORT = "Shelling hit the eastern district of Kharkiv on Monday, officials said."


@pytest.mark.parametrize(
    ("promotion", "furniture"),
    [
        (
            "Explore all of our maps of the front line to track the fighting.",
            "Explore all of our maps of the front line to track the fighting.",
        ),
        (
            "Get the Frontline Brief delivered to your inbox every morning.",
            "Get the Frontline Brief delivered to your inbox every morning.",
        ),
        (
            "Send us an e-mail with your questions about the ceasefire.",
            "Send us an e-mail with your questions about the ceasefire.",
        ),
        (
            "Tell us your experiences of the blackout by filling in the form below.",
            "Tell us your experiences of the blackout by filling in the form below.",
        ),
        (
            "Share your thoughts by sending us a response on our Twitter page.",
            "Share your thoughts by sending us a response on our Twitter page.",
        ),
        (
            "Watch our video of the convoy crossing the border.",
            "Watch our video of the convoy crossing the border.",
        ),
        (
            "Download our app for breaking news alerts from the region.",
            "Download our app for breaking news alerts from the region.",
        ),
        (
            "Read our full coverage of the war in Sudan.",
            "Read our full coverage of the war in Sudan.",
        ),
        (
            "Listen to our podcast on the siege of Mariupol.",
            "Listen to our podcast on the siege of Mariupol.",
        ),
        (
            "Please follow our correspondent on Instagram for pictures from Gaza.",
            "Please follow our correspondent on Instagram for pictures from Gaza.",
        ),
        ("Click NEXT to see the next photograph.", "Click NEXT to see the next photograph."),
        ("Like us on Facebook.", "Like us on Facebook."),
        ("- See our interactive guide to the border.", "See our interactive guide to the border."),
        # a report glued after the promotion (the page's line break lost): only the promotion
        (
            "Download the podcast Rebels shelled the airport road on Monday morning.",
            "Download the podcast",
        ),
        (
            "Follow our live updates here Rebels shelled the airport road on Monday morning.",
            "Follow our live updates here",
        ),
        ("Follow live updates A convoy left Kherson at dawn.", "Follow live updates"),
        (
            "Follow live updates here Kyiv said on Monday that the dam had been breached.",
            "Follow live updates here",
        ),
    ],
)
def test_promotion_lines_are_furniture(promotion: str, furniture: str) -> None:
    body = f"{_REPORT}\n\n{promotion}\n\n{_REPORT}"
    assert furniture_of(body) == [furniture]


@pytest.mark.parametrize(
    "sentence",
    [
        # imperatives of reporting and quoted speech
        "Get out, the soldiers shouted as they entered the village on Monday.",
        "Follow the river north and you reach the bridge the army blew up in March.",
        "Tell us about the drilling of the relief well?",
        '"Send us your photos of the tanks," the mayor pleaded on Tuesday.',
        "Download our app and report troop movements, the ministry urged residents on Monday.",
        "Watch our video and you will see the truth, the spokesman said of the raid.",
        "Explore the ruins and you find shell casings from the 2014 battle.",
        "See you in Kyiv, the president wrote on Twitter.",
        # a reader-address verb opening a sentence that is not one
        "Like many activists, Ahmed posted videos of the strike on Facebook.",
        "Read the statement and the limits of the truce become clear, analysts say.",
        "Get-togethers in the camp were banned after the curfew on Friday.",
        "Watchdogs said on Monday that our own figures were wrong.",
        # a site's vocabulary in reporting
        "The ministry's newsletter reported 40 strikes on Tuesday.",
        "Our correspondent saw the convoy cross the border on Sunday.",
    ],
)
def test_reporting_is_not_promotion(sentence: str) -> None:
    assert not is_promotion(sentence)
    assert furniture_of(sentence) == []
