"""What a collection says of each day is the sum of what each article says: the parts of
``DateMentions`` kept between builds add up to the whole, and survive the store."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.merge.test_rank import APRIL, APRIL_20, APRIL_21, article_events, event, ref
from timeline.build import load_site
from timeline.build.kept_codec import (
    SUM_DAY,
    MentionReader,
    mention_part_json,
    mention_sum_of_rows,
    mention_sum_rows,
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
            kept = dict(mention_sum_rows([f"k{at}" for at in held], total))
            total.changed.clear()  # as a sum read from the store: nothing changed yet
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
                keys, read = mention_sum_of_rows(mention_sum_rows([f"k{at}" for at in held], total))
                assert keys == {f"k{at}" for at in held} and read == total
                # Kept as a build keeps it: only the changed days' rows written again.
                kept.update(mention_sum_rows([f"k{at}" for at in held], total, total.changed))
                total.changed.clear()
                head = json.loads(kept["head"])
                kept = {n: v for n, v in kept.items() if n == "head" or n[4:] in head[4]}
                assert mention_sum_of_rows(kept.items())[1] == total
                handed = copy.deepcopy(total)
                assert state(handed.handed_over()) == state(expected)
                assert handed == MentionSum()


def test_a_kept_sum_missing_a_row_does_not_decode() -> None:
    total = MentionSum()
    for article in collection():
        total.add(mention_part(article.events))
    rows = dict(mention_sum_rows(["k"], total))
    assert mention_sum_of_rows(rows.items())[1] == total
    days = [name for name in rows if name.startswith(SUM_DAY)]
    assert len(days) > 1
    for left_out in ["head", *days]:
        with pytest.raises(ValueError):
            mention_sum_of_rows((n, v) for n, v in rows.items() if n != left_out)


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
