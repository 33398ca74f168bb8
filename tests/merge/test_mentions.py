"""What a collection says of each day is the sum of what each article says: the parts of
``DateMentions`` kept between builds add up to the whole, and survive the store."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.merge.test_rank import APRIL, APRIL_20, APRIL_21, article_events, event, ref
from timeline.build import load_site
from timeline.build.kept_codec import (
    MentionReader,
    mention_part_json,
    mention_sum,
    mention_sum_json,
)
from timeline.config import load_config
from timeline.merge.mentions import DateMentions, MentionSum, mention_part
from timeline.model import ArticleEvents, Basis, Event, EventKind

D = dt.date


def state(mentions: DateMentions) -> dict[str, Any]:
    """Everything ``rank.py`` reads of ``mentions``, comparable."""
    return {
        "articles": {day: slugs for day, slugs in mentions.articles.items() if slugs},
        "published": mentions.published,
        "dating": mentions.dating,
        "echoes": {day: dict(said) for day, said in mentions.echoes.items() if said},
        "everywhere": dict(mentions.everywhere),
        "idf": mentions.weights.idf,
        "unseen": mentions.weights.unseen,
        "recalls": {day: mentions.recalls(day) for day in mentions.articles},
    }


def collection() -> list[ArticleEvents]:
    """Articles pointing at days by their text and by their publication, recalling a day
    weeks later, with page furniture, a month and a clause told twice."""
    wire, daily, post = (
        ref("wire", D(2010, 4, 21)),
        ref("daily", D(2010, 4, 21)),
        ref("post", D(2010, 4, 22)),
    )
    later, recap = ref("later", D(2010, 5, 21)), ref("recap", D(2010, 6, 20))
    lead, opinion = ref("lead", D(2010, 4, 21)), ref("opinion", D(2010, 4, 21))
    boom = "An explosion on the Deepwater Horizon rig killed eleven workers."

    def by_publication(e: Event) -> Event:
        return replace(e, expression=None, basis=Basis.PUBLICATION)

    return [
        article_events(wire, event(wire, boom, APRIL_20), event(wire, "The rig sank.", APRIL_21)),
        article_events(
            daily,
            event(daily, "The Deepwater Horizon explosion killed eleven rig workers.", APRIL_20),
            event(daily, "A hearing was adjourned.", APRIL_21),
            event(daily, "Updated 21 April 2010", APRIL_21, EventKind.FURNITURE),
        ),
        article_events(post, event(post, "The burning rig sinks into the Gulf.", APRIL_21)),
        article_events(later, event(later, "A month after the explosion, oil flows.", APRIL_20)),
        article_events(recap, event(recap, "Two months after the explosion.", APRIL_20)),
        article_events(
            lead,
            by_publication(event(lead, "Crews fought the fire all day.", APRIL_21)),
            event(lead, "The rig had been drilling since February.", APRIL, EventKind.STATE),
            event(lead, boom, APRIL_20),  # a clause another article tells too
        ),
        article_events(opinion, by_publication(event(opinion, "A sad day.", APRIL_21))),
    ]


def site_articles(sample_site: Path) -> list[ArticleEvents]:
    return list(load_site(load_config(sample_site)).articles)


def test_the_articles_parts_add_up_to_what_all_their_events_say(sample_site: Path) -> None:
    for articles in (collection(), site_articles(sample_site)):
        whole = DateMentions(e for article in articles for e in article.events)
        words: dict[str, frozenset[str]] = {}
        parts = [mention_part(article.events, words) for article in articles]
        assert state(DateMentions.of_parts(parts)) == state(whole)
        assert state(DateMentions.of_parts(reversed(parts))) == state(whole)


def test_any_split_of_the_events_adds_up_to_the_same() -> None:
    events = [e for article in collection() for e in article.events]
    whole = state(DateMentions(events))
    chance = random.Random(7)
    for _ in range(20):
        cuts = sorted(chance.sample(range(1, len(events)), chance.randint(1, 5)))
        pieces = [events[a:b] for a, b in zip([0, *cuts], [*cuts, len(events)], strict=True)]
        assert state(DateMentions.of_parts(map(mention_part, pieces))) == whole


def test_a_part_is_the_same_after_the_store() -> None:
    reader = MentionReader()
    for article in collection():
        part = mention_part(article.events)
        assert reader.part(mention_part_json(part)) == part
    assert mention_part([]) == reader.part(mention_part_json(mention_part([])))
    told = mention_part(collection()[0].events).told
    odd = [frozenset(), frozenset({""}), frozenset({"a b", "c"}), frozenset({"c", "d"})]
    part = replace(mention_part([]), told=tuple((told[0][0], words) for words in odd))
    assert reader.part(mention_part_json(part)) == part


def test_a_kept_sum_with_parts_taken_out_and_added_is_the_sum_of_its_parts(
    sample_site: Path,
) -> None:
    for articles in (collection(), site_articles(sample_site)):
        parts = [mention_part(article.events) for article in articles]
        chance = random.Random(11)
        for _ in range(10):
            held = set(chance.sample(range(len(parts)), chance.randint(0, len(parts))))
            total = MentionSum()
            for at in sorted(held):
                total.add(parts[at])
            for _ in range(6):  # take some out, put others in, in any order
                out = set(chance.sample(sorted(held), chance.randint(0, len(held))))
                into = set(chance.sample(range(len(parts)), len(parts) // 2)) - held
                for at in out:
                    total.take_out(parts[at])
                for at in into:
                    total.add(parts[at])
                held = (held - out) | into
                expected = DateMentions.of_parts(parts[at] for at in sorted(held))
                assert state(total.mentions()) == state(expected)
                keys, read = mention_sum(mention_sum_json([f"k{at}" for at in held], total))
                assert keys == {f"k{at}" for at in held} and read == total


def test_a_part_of_an_article_counted_already_is_refused() -> None:
    part = mention_part(collection()[0].events)
    total = MentionSum()
    total.add(part)
    with pytest.raises(ValueError):
        total.add(part)
    total.take_out(part)
    with pytest.raises(ValueError):
        total.take_out(part)
    assert total == MentionSum()
