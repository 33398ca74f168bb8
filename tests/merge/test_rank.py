"""The importance order: evidence from the collection, ties, pins and drops, the key count."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import write_article
from timeline.build import build_site
from timeline.errors import BuildFailed
from timeline.extract.timex import day_value
from timeline.load.curation import parse_corrections
from timeline.merge.corrections import key_choices
from timeline.merge.rank import (
    CONTEXT_FACTOR,
    DOUBLE_FACTOR,
    STATEMENT_FACTOR,
    UNDATED_FACTOR,
    Evidence,
    collection_evidence,
    is_statement,
    key_event_count,
    rank_entries,
    told_words,
)
from timeline.merge.readable import needs_context
from timeline.model import (
    ArticleEvents,
    ArticleFacts,
    ArticleRef,
    Basis,
    DateValue,
    Entry,
    Event,
    EventKind,
    Precision,
    Source,
    TimeExpression,
)

D = dt.date
APRIL_20 = day_value(D(2010, 4, 20))
APRIL_21 = day_value(D(2010, 4, 21))
APRIL = DateValue("2010-04", D(2010, 4, 1), D(2010, 5, 1), Precision.MONTH)


def ref(slug: str, published: D, outlet: str = "") -> ArticleRef:
    return ArticleRef(
        slug, f"content/articles/{slug}.md", slug, outlet or f"Outlet {slug}", published
    )


def event(
    article: ArticleRef,
    text: str,
    date: DateValue,
    kind: EventKind = EventKind.HAPPENED,
    said: str = "on Tuesday",
) -> Event:
    """An event dated by the expression ``said`` (None: by its publication)."""
    expression = TimeExpression(0, len(said), said, "DATE", date.value, date=date)
    eid = f"{article.slug}-{text[:12]}"
    return Event(eid, article, text, 0, len(text), 3, date, expression, Basis.RELATIVE, text, kind)


def source(e: Event) -> Source:
    return Source(e.id, e.article, e.text, e.line, e.expression, e.basis, e.kind)


def entry_of(*events: Event, kind: EventKind = EventKind.HAPPENED) -> Entry:
    first = events[0]
    return Entry(first.id, first.date, first.text, tuple(source(e) for e in events), kind=kind)


def article_events(article: ArticleRef, *events: Event) -> ArticleEvents:
    facts = ArticleFacts(article.path, article.slug, article.slug, article.published, "Outlet")
    return ArticleEvents(f"key-{article.slug}", facts, events)


EXPLOSION = "An explosion on the Deepwater Horizon rig killed eleven workers."
SINKS = "The burning Deepwater Horizon rig sinks into the Gulf."
HEARING = "A committee hearing on drilling safety was adjourned."


@pytest.fixture
def collection() -> tuple[list[Entry], list[ArticleEvents]]:
    """Three reports of the explosion (one a month later), two of the sinking (not merged),
    one of a hearing."""
    wire, daily, later = (
        ref("wire", D(2010, 4, 21)),
        ref("daily", D(2010, 4, 21)),
        ref("later", D(2010, 5, 21)),
    )
    post = ref("post", D(2010, 4, 22))
    boom = [
        event(wire, EXPLOSION, APRIL_20),
        event(daily, "The Deepwater Horizon explosion killed eleven rig workers.", APRIL_20),
        event(
            later, "A month after the explosion killed eleven workers, oil still flows.", APRIL_20
        ),
    ]
    sink = event(post, SINKS, APRIL_21)
    sank = event(wire, "The rig sank into the Gulf on Wednesday.", APRIL_21)  # not merged
    hearing = event(daily, HEARING, APRIL_21)
    entries = [entry_of(*boom), entry_of(sink), entry_of(sank), entry_of(hearing)]
    articles = [
        article_events(wire, boom[0], sank),
        article_events(daily, boom[1], hearing),
        article_events(later, boom[2]),
        article_events(post, sink),
    ]
    return entries, articles


def test_evidence_counts_each_part_from_the_collection(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    evidence = collection_evidence(entries, articles)
    boom, sink, _, hearing = (evidence[e.id] for e in entries)
    # One article a month later is a passing mention, not yet a day remembered.
    assert (boom.reports, boom.outlets, boom.day, boom.recalls) == (3, 3, 3, 0)
    assert (sink.reports, sink.day, sink.recalls) == (1, 3, 0)
    assert boom.echo > 2 > sink.echo > hearing.echo == 1.0  # the sinking is told twice
    assert boom.story > sink.story > hearing.story  # the explosion is what the collection tells
    points = boom.points()
    assert list(points) == ["reports", "outlets", "day", "recalls", "echo", "story"]
    assert points["reports"] == pytest.approx(math.log(4))


def test_a_day_is_remembered_when_later_articles_recall_it(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    recap = ref("recap", D(2010, 6, 20))
    again = event(recap, "Two months after the explosion, the well still leaks.", APRIL_20)
    found = collection_evidence(entries, [*articles, article_events(recap, again)])
    assert (found[entries[0].id].day, found[entries[0].id].recalls) == (4, 2)


@pytest.mark.parametrize(
    ("dates_in_its_text", "counted"),
    [
        (True, 1),  # a report: "on Tuesday" dates one of its clauses, its lead is its day's news
        (False, 0),  # an opinion piece or a listing: its text dates nothing, it points nowhere
    ],
)
def test_an_article_published_on_the_day_points_at_it_by_its_news(
    collection: tuple[list[Entry], list[ArticleEvents]], dates_in_its_text: bool, counted: int
) -> None:
    entries, articles = collection
    lead = ref("lead", D(2010, 4, 21))
    undated = replace(
        event(lead, "Crews fought the fire all day.", APRIL_21),
        expression=None,
        basis=Basis.PUBLICATION,
    )
    events = [undated]
    if dates_in_its_text:
        events.append(
            event(lead, "The rig had been drilling since February.", APRIL, EventKind.STATE)
        )
    before = collection_evidence(entries, articles)[entries[1].id]
    after = collection_evidence(entries, [*articles, article_events(lead, *events)])
    assert after[entries[1].id].day == before.day + counted
    assert after[entries[1].id].recalls == 0


@pytest.mark.parametrize(
    ("dates_in_its_text", "undated"),
    [
        (True, False),  # a report: its text dates a clause, its lead is its day's news
        (False, True),  # an opinion piece: only its publication dates what it says
    ],
)
def test_an_entry_only_articles_dating_nothing_tell_counts_a_little_less(
    collection: tuple[list[Entry], list[ArticleEvents]], dates_in_its_text: bool, undated: bool
) -> None:
    entries, articles = collection
    column = ref("column", D(2010, 4, 21))
    lead = replace(
        event(column, "The war has shown how little the alliance can agree on.", APRIL_21),
        expression=None,
        basis=Basis.PUBLICATION,
    )
    events = [lead]
    if dates_in_its_text:
        events.append(
            event(column, "The talks had stalled since February.", APRIL, EventKind.STATE)
        )
    told = entry_of(lead)
    found = collection_evidence([*entries, told], [*articles, article_events(column, *events)])
    assert found[told.id].undated is undated
    assert found[told.id].factor() == (UNDATED_FACTOR if undated else 1.0)
    assert not found[entries[0].id].undated  # reports whose articles date what they tell
    editors = replace(told, sources=())  # an editor's entry is dated by the editor
    assert not collection_evidence([editors], articles)[told.id].undated


def test_story_counts_the_tellings_of_the_whole_collection_sharing_its_words(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    listing = ref("listing", D(2010, 4, 21))
    aside = event(listing, "Tonight's concert programme features a string quartet.", APRIL_21)
    listed = entry_of(aside)
    found = collection_evidence([*entries, listed], [*articles, article_events(listing, aside)])
    assert found[listed.id].story < found[entries[1].id].story  # shares no word of the story
    assert found[listed.id].day == found[entries[1].id].day  # though its day is the same


def test_an_entry_is_weighed_by_its_report_as_printed_headline_and_all() -> None:
    wire = ref("wire", D(2010, 4, 21))
    printed = (
        "Rig explodes in the Gulf HOUSTON, April 21 (Reuters) - An explosion on the "
        "Deepwater Horizon rig killed eleven workers."
    )
    told = replace(entry_of(event(wire, printed, APRIL_20)), text=EXPLOSION)
    words = told_words(told)
    assert {"gulf", "explode", "worker"} <= words  # the headline counts
    assert "gulf" not in told_words(replace(told, sources=()))  # not in the text shown
    unknown = replace(told, text="The rig exploded.")  # a text no source gives
    assert told_words(unknown) == {"rig", "explode"}  # its own words


def test_more_evidence_ranks_higher_and_the_order_is_total(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    ranked = rank_entries(entries, articles, key_events=2)
    assert [e.id for e in ranked] == [e.id for e in entries]  # still in timeline order
    # the sinking told twice: the report in fewer, shared words first, the other retelling
    # it after the day's other happening
    assert [e.rank for e in ranked] == [1, 4, 2, 3]
    assert [e.key for e in ranked] == [True, False, True, False]


def test_the_order_does_not_depend_on_the_input_order(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    tied = [replace(entries[1], id=f"tie-{n}") for n in range(5)]  # equal evidence: by id
    everything = [*entries, *tied]
    expected = {e.id: e.rank for e in rank_entries(everything, articles)}
    for seed in range(5):
        shuffled = everything[:]
        random.Random(seed).shuffle(shuffled)
        assert {e.id: e.rank for e in rank_entries(shuffled, articles)} == expected
    assert [expected[f"tie-{n}"] for n in range(5)] == sorted(
        expected[f"tie-{n}"] for n in range(5)
    )


@pytest.mark.parametrize(
    ("evidence", "other", "higher"),
    [
        # Expected happenings count half; a date that only says when someone spoke, a little less.
        (Evidence(2, 2, 5, 1, 2.0), Evidence(2, 2, 5, 1, 2.0, kind=EventKind.EXPECTED), True),
        (Evidence(2, 2, 5, 1, 2.0), Evidence(2, 2, 5, 1, 2.0, statement=True), True),
        (Evidence(1, 1, 5, 3, 1.0), Evidence(1, 1, 5, 0, 1.0), True),  # recalled
        (Evidence(1, 1, 9, 0, 1.0), Evidence(1, 1, 2, 0, 1.0), True),  # its day pointed at more
        (Evidence(1, 1, 2, 0, 4.0), Evidence(1, 1, 2, 0, 1.0), True),  # echoed by the day's reports
        (Evidence(4, 3, 2, 0, 1.0), Evidence(1, 1, 2, 0, 1.0), True),  # told by more outlets
        (Evidence(1, 1, 2, 0, 1.0, 9.0), Evidence(1, 1, 2, 0, 1.0, 1.0), True),  # the story's
    ],
)
def test_each_part_counts(evidence: Evidence, other: Evidence, higher: bool) -> None:
    assert (evidence.score() > other.score()) is higher


def test_factors() -> None:
    plain = Evidence(1, 1, 1, 0, 1.0)
    assert plain.factor() == 1.0
    assert Evidence(1, 1, 1, 0, 1.0, kind=EventKind.EXPECTED).factor() == 0.5
    assert Evidence(1, 1, 1, 0, 1.0, statement=True).factor() == STATEMENT_FACTOR
    assert Evidence(1, 1, 1, 0, 1.0, needs_context=True).factor() == CONTEXT_FACTOR


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # Too short to say who did what where.
        ("The prisoners were freed late on Thursday.", True),
        # Leaning on what the article said before.
        ("They were freed late on Thursday after a day of delays at Ofer prison.", True),
        ("Since then, all 25 living hostages covered by the first phase have been freed.", True),
        ("But the talks collapsed on Monday when the delegations could not agree.", True),
        ('"It is a tragedy," the mayor said on Tuesday after visiting the flooded town.', True),
        # Reads on its own.
        ("Israel freed 90 Palestinian prisoners from Ofer prison late on Thursday.", False),
        ("Hamas handed three Israeli women to the Red Cross in Gaza City on Sunday.", False),
        ("Its chief executive, Tony Hayward, resigned on Tuesday after months of criticism.", True),
        ("Italy's prime minister resigned on Tuesday after losing a confidence vote.", False),
        ("Thousands marched in the capital on Saturday to protest against the new law.", False),
        # A piece of a sentence that a splitter cut inside a bracket (a ticker, an acronym).
        ("L) said on Monday its pipeline to the port had been hit by a drone overnight.", True),
        ("The convoy was hit near the depot run by the state rail firm Ukrzaliznytsia (UZ.", True),
        # A bracket opened and closed within the text is its own.
        ("The ministry (which runs the crossings) reopened the southern gate on Monday.", False),
        # The writer's own first person: a column, a reader's comment, a diary.
        ("In recent weeks I've warned that the blockade would starve the northern towns.", True),
        ("Yesterday we drove the aid convoy to the last open crossing into the north.", True),
        ("The shelling went on all night, and my neighbours slept in the metro station.", True),
        ("Today I drove the last convoy of flour into the besieged northern town.", True),
        # Not when a quotation gives the words to someone, nor "US", nor a numeral.
        ('The mayor said on Tuesday: "We will rebuild every school in the district."', False),
        ("US troops left the base near the border on Monday after a week of shelling.", False),
        ("Veterans of World War I were honoured in the capital on Sunday.", False),
    ],
)
def test_a_text_that_needs_its_article(text: str, needs: bool) -> None:
    assert needs_context(text) is needs


def test_an_entry_known_only_to_the_month_has_no_day_evidence(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    coarse = replace(entries[0], id="coarse", date=APRIL)
    found = collection_evidence([coarse], articles)["coarse"]
    assert (found.day, found.recalls, found.echo) == (0, 0, 0.0)
    assert found.reports == 3


def test_a_day_counts_once_for_its_best_entry(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    _, sink, sank, hearing = entries
    found = collection_evidence(entries, articles)
    firsts = [found[e.id].first_of_day for e in entries]
    assert firsts == [True, False, True, False]  # April 21: the sinking in the wire's words
    for other in (sink, hearing):
        alone = found[other.id]
        assert alone.day == found[sank.id].day  # its day's evidence still counts in its rank
        assert alone.key_score() < alone.score() == replace(alone, first_of_day=True).score()
    assert found[sank.id].key_score() == found[sank.id].score()


def test_key_events_are_distinct_happenings() -> None:
    """Three entries of a day many articles point at, one of another day: the order is the
    score's, but the second key event is the other day's, not a second entry of the first."""
    day_articles = [ref(f"d{n}", D(2010, 4, 21)) for n in range(4)]
    texts = [EXPLOSION, "Rescuers searched the waters for the eleven missing workers.",
             "Shares in the rig's owner fell sharply in early trading.",
             "Coast Guard cutters fought the fire through the night."]  # fmt: skip
    told = [event(a, texts[n], APRIL_20) for n, a in enumerate(day_articles)]
    other = ref("o", D(2010, 4, 22))
    sinking = event(other, SINKS, APRIL_21)
    entries = [entry_of(told[0], told[1]), entry_of(told[2]), entry_of(told[3]), entry_of(sinking)]
    articles = [*(article_events(a, e) for a, e in zip(day_articles, told, strict=True)),
                article_events(other, sinking)]  # fmt: skip
    ranked = rank_entries(entries, articles, key_events=2)
    assert [e.rank for e in ranked] == [1, 2, 3, 4]  # the day's evidence lifts all three
    assert [e.key for e in ranked] == [True, False, False, True]


@pytest.mark.parametrize(
    ("texts", "doubles"),
    [
        # one happening told by two entries of a day: the lower one retells it
        (["Israeli jets struck the port of Hodeidah, killing three dock workers.",
          "Three dock workers were killed when Israeli jets struck Hodeidah port.",
          "The UN envoy met rebel leaders in Sanaa to discuss a prisoner swap."],
         [False, True, False]),
        # the day's happenings, each told once, share a place or an actor but not the telling
        (["Israeli jets struck the port of Hodeidah, killing three dock workers.",
          "Rebels fired two missiles at Israeli ships from the port of Hodeidah.",
          "Aid agencies said fuel ran out at the main hospital in Hodeidah."],
         [False, False, False]),
    ],
)  # fmt: skip
def test_an_entry_retelling_a_higher_one_of_its_day_comes_after_the_days_others(
    texts: list[str], doubles: list[bool]
) -> None:
    # the first two told by two articles each, the third by one: the order of the score
    told = [
        [event(ref(f"a{n}-{k}", D(2010, 4, 21)), text, APRIL_20) for k in range(2 - n // 2)]
        for n, text in enumerate(texts)
    ]
    entries = [entry_of(*reports) for reports in told]
    articles = [article_events(e.article, e) for reports in told for e in reports]
    found = collection_evidence(entries, articles)
    second = entries[1]
    assert [found[e.id].double for e in entries] == doubles
    ranked = rank_entries(entries, articles, key_events=1)
    if doubles[1]:
        assert found[second.id].factor() == DOUBLE_FACTOR
        assert [e.rank for e in ranked] == [1, 3, 2]  # told twice: once where it is read
    else:
        assert [e.rank for e in ranked] == [1, 2, 3]


def test_furniture_points_at_nothing(collection: tuple[list[Entry], list[ArticleEvents]]) -> None:
    entries, articles = collection
    byline = ref("byline", D(2010, 5, 30))
    posted = event(byline, "Posted on April 21 2010 by staff.", APRIL_21, EventKind.FURNITURE)
    state = event(byline, "The rig has burned since April 21.", APRIL_21, EventKind.STATE)
    before = collection_evidence(entries, articles)[entries[1].id]
    after = collection_evidence(entries, [*articles, article_events(byline, posted)])
    assert after[entries[1].id].day == before.day
    recap = ref("recap", D(2010, 6, 1))
    again = event(recap, "The rig has lain on the seabed since April 21.", APRIL_21)
    later = [article_events(byline, state), article_events(recap, again)]
    with_state = collection_evidence(entries, [*articles, *later])
    assert with_state[entries[1].id].day == before.day + 2  # a state still points at the day
    assert with_state[entries[1].id].recalls == before.recalls + 2


def test_pinned_entries_come_first_and_dropped_ones_last(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    boom, *_, hearing = entries
    ranked = rank_entries(
        entries, articles, key_events=1, pinned={hearing.id}, dropped={boom.sources[1].event_id}
    )
    by_id = {e.id: e for e in ranked}
    assert [by_id[e.id].rank for e in entries] == [4, 3, 2, 1]
    assert [by_id[e.id].key for e in entries] == [False, False, False, True]


def test_pins_beyond_the_count_are_all_key(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    pins = {e.id for e in entries[2:]}
    ranked = rank_entries(entries, articles, key_events=1, pinned=pins)
    assert sorted((e.rank, e.key) for e in ranked) == [(1, True), (2, True), (3, False), (4, False)]


def test_no_key_events_when_the_config_says_none(
    collection: tuple[list[Entry], list[ArticleEvents]],
) -> None:
    entries, articles = collection
    assert not any(e.key for e in rank_entries(entries, articles, key_events=0))


def articles_over(days: int, count: int) -> list[ArticleEvents]:
    first = D(2023, 10, 7)
    step = max(1, days // max(1, count - 1))
    return [
        article_events(
            ref(f"a{n}", min(first + dt.timedelta(days=n * step), first + dt.timedelta(days=days)))
        )
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("days", "articles", "entries", "expected"),
    [
        (30, 300, 3000, 10),  # a month: the floor
        (365, 10_000, 50_000, 35),  # a year: ten for each square root of its months
        (3 * 365, 10_000, 50_000, 60),
        (30 * 365, 100_000, 500_000, 150),  # the ceiling
        (3 * 365, 100, 50_000, 30),  # few articles: three for each square root of them
        (365, 300, 12, 4),  # never more than a third of the entries
        (0, 0, 2, 1),
    ],
)
def test_key_event_count(days: int, articles: int, entries: int, expected: int) -> None:
    found = key_event_count(articles_over(days, articles), [None] * entries)  # type: ignore[list-item]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "said", "statement"),
    [
        ("The ministry said on Tuesday that the strike killed 12.", "on Tuesday", True),
        ("Officials told reporters on Monday the road was open.", "on Monday", True),
        ("On Monday, the spokesman said the talks had failed.", "On Monday", True),
        ("Hamas freed three hostages on Sunday, officials said.", "on Sunday", False),
        ("An airstrike hit the school on Tuesday.", "on Tuesday", False),
        # an announcement of what was just done: the day it was told is its day
        (
            "Both sides have agreed to a truce, the mediator announced on Wednesday.",
            "on Wednesday",
            False,
        ),
        ("The doctor has been found guilty, the court said on Monday.", "on Monday", False),
        ("The ministry said on Tuesday that the strike had killed 12.", "on Tuesday", True),
        ("Officials have said on Monday that the road was open.", "on Monday", True),
        # not a state that lasts, nor a denial
        (
            "No oil has leaked since the blast, but officials said on Monday it might.",
            "on Monday",
            True,
        ),
        ("Hamas has not agreed to the plan, officials said on Monday.", "on Monday", True),
    ],
)
def test_statements(sentence: str, said: str, statement: bool) -> None:
    start = sentence.index(said)
    expression = TimeExpression(start, start + len(said), said, "DATE", "2025-01-21")
    found = Source("e", ref("a", D(2025, 1, 22)), sentence, 1, expression, Basis.RELATIVE)
    assert is_statement(found) is statement


def test_key_choices_from_the_corrections_file() -> None:
    text = '[key]\n"aaa" = "the founding attack"\n\n[not_key]\n"bbb" = "a rumour"\n'
    corrections = parse_corrections(text, "content/corrections.toml")
    assert [(c.action, c.id, c.location.line) for c in corrections] == [
        ("key", "aaa", 2),
        ("not_key", "bbb", 5),
    ]
    assert key_choices(corrections) == (frozenset({"aaa"}), frozenset({"bbb"}))


def read_entries(site: Path) -> list[dict[str, object]]:
    data = json.loads((site / "output" / "timeline.json").read_text(encoding="utf-8"))
    entries: list[dict[str, object]] = data["entries"]
    return entries


def test_a_built_site_ranks_every_entry_and_editors_can_pin_and_drop(sample_site: Path) -> None:
    for number in range(6):
        write_article(
            sample_site,
            f"strike-{number}.md",
            f"---\ntitle: Strike {number}\npublished: 2025-01-{20 + number}\n"
            f"source: Outlet {number}\n---\n\n"
            f"An airstrike hit the Jabalia market on January 19, 2025, killing {30 + number}.\n",
        )
    build_site(sample_site)
    entries = read_entries(sample_site)
    assert sorted(e["rank"] for e in entries) == list(range(1, len(entries) + 1))
    top = min(entries, key=lambda e: e["rank"])  # type: ignore[arg-type, return-value]
    assert "Jabalia" in str(top["text"]) and top["key"] is True
    last = max(entries, key=lambda e: e["rank"])  # type: ignore[arg-type, return-value]
    (sample_site / "content" / "corrections.toml").write_text(
        f'[key]\n"{last["id"]}" = "an editor says so"\n\n[not_key]\n"{top["id"]}" = "no"\n',
        encoding="utf-8",
    )
    build_site(sample_site)
    ranks = {e["id"]: (e["rank"], e["key"]) for e in read_entries(sample_site)}
    assert ranks[last["id"]] == (1, True)
    assert ranks[top["id"]] == (len(ranks), False)
    (sample_site / "content" / "corrections.toml").write_text(
        '[key]\n"0123456789ab" = "gone"\n', encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as caught:
        build_site(sample_site)
    assert str(caught.value.errors[0]).startswith("content/corrections.toml:2: no event has")


def test_key_events_setting(sample_site: Path) -> None:
    config = sample_site / "timeline.toml"
    config.write_text(config.read_text(encoding="utf-8") + "key_events = 1\n", encoding="utf-8")
    build_site(sample_site)
    assert sum(1 for e in read_entries(sample_site) if e["key"]) == 1
