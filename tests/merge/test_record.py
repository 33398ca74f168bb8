"""The merge kept between builds on disk: never different from a fresh merge."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import random
import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import tree, write_article
from tests.merge.test_merge import DATES, JANUARY, event, varied
from timeline.build import build_site, load_site
from timeline.build.kept_codec import ARTICLE_ROW, block_row, record_of_rows, record_rows
from timeline.build.store import CACHE_DIR, Store
from timeline.config import load_config
from timeline.extract.timex import day_value
from timeline.merge import MergeMemo, merge_events
from timeline.merge.blocks import block_key
from timeline.merge.entries import report_text
from timeline.merge.rank import entry_traits, told_words
from timeline.merge.record import (
    ArticleEvents,
    EntryTraits,
    MergeRecord,
    event_digest,
    memo_from,
    record_of,
)
from timeline.merge.similarity import content_words
from timeline.merge.text import clean_text
from timeline.merge.traits import Traits
from timeline.model import (
    DateValue,
    Entry,
    Event,
    EventKind,
    Precision,
    Source,
    TimeExpression,
)


def entry_values(
    entry: Entry,
) -> tuple[str, DateValue, str, EventKind, tuple[Source, ...], tuple[Source, ...]]:
    """What ``made.Made.joined`` compares of an entry."""
    return entry.id, entry.date, entry.text, entry.kind, entry.sources, entry.mentions


def key_of(events: list[Event]) -> str:
    """A stand-in for an article file's cache key: it changes when its events do."""
    return hashlib.sha1(repr(events).encode()).hexdigest()


def through_disk(folder: Path, record: MergeRecord) -> MergeRecord:
    """The record written to a store and read back; the rows of blocks gone are removed,
    as a build removes them."""
    rows = list(record_rows(record))
    with Store(folder) as store:
        store.put_many("merge", rows)
        store.keep_only("merge", [name for name, _ in rows])
    with Store(folder) as store:
        stored = store.get_many("merge", store.keys("merge"))
    return record_of_rows(stored.items())


def stored_record(site: Path) -> MergeRecord:
    """The merge record a site's store holds (its rows, without the salt they are under),
    each block's members in one order (theirs in the memo depends on its history)."""
    with Store(site / CACHE_DIR) as store:
        stored = store.get_many("merge", store.keys("merge"))
    record = record_of_rows((key.split(":", 1)[1], value) for key, value in stored.items())
    blocks = {k: replace(b, members=tuple(sorted(b.members))) for k, b in record.blocks.items()}
    return replace(record, blocks=blocks)


def rows_written(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """How many article and block rows of the merge record the last build wrote."""
    lines = [r.getMessage() for r in caplog.records if r.name == "timeline.build.kept"]
    pattern = r"merge record: (\d+) article and (\d+) block rows written"
    found = [re.fullmatch(pattern, line) for line in lines]
    last = [m for m in found if m][-1]
    return int(last[1]), int(last[2])


def test_a_merge_from_the_record_of_the_last_build_is_a_fresh_merge(tmp_path: Path) -> None:
    rng = random.Random(11)
    numbers = iter(range(10_000))

    def made(slug: str) -> Event:
        published = dt.date(2025, 1, 20 + int(slug[1:]) % 9)
        return varied(rng, slug, next(numbers), published)

    articles = {f"s{n}": [made(f"s{n}") for _ in range(rng.randint(1, 12))] for n in range(30)}

    def given() -> list[ArticleEvents]:
        return [(key_of(events), events) for events in articles.values()]

    def events() -> list[Event]:
        return [e for listed in articles.values() for e in listed]

    def traits_read(merged: tuple[Entry, ...], traits: EntryTraits) -> None:
        """The ranking reads each entry's traits through the record's ``traits``; they are
        those of the entry, worked out."""
        for entry in merged:
            assert traits(entry) == entry_traits(entry), f"{entry.id} at step {step}"

    def made_as_worked_out(merged: tuple[Entry, ...], fresh: tuple[Entry, ...]) -> None:
        """Each entry carries the digest of what it is made of, as a fresh merge works it
        out (a kept block's from the record); ``Entry`` equality leaves it out."""
        for entry, other in zip(merged, fresh, strict=True):
            assert entry.made is not None and other.made is not None
            assert entry.made.joined(*entry_values(entry)) == (), f"step {step}"
            assert entry.made.digest == other.made.digest, f"{entry.id} step {step}"

    step = -1
    memo = MergeMemo()
    assert merge_events(events(), memo=memo) == merge_events(events())
    traits = EntryTraits(None, memo)
    traits_read(merge_events(events(), memo=memo), traits)
    record = through_disk(tmp_path, record_of(memo, given(), traits))
    kept_some = kept_traits = False
    for step in range(84):
        slug = rng.choice(sorted(articles))
        listed = articles[slug]
        change = step % 7
        if change == 0 and listed:  # a sentence rewritten
            at = rng.randrange(len(listed))
            listed[at] = replace(listed[at], text=made(slug).text, clause="")
        elif change == 1 and listed:  # re-dated: from one date block to another
            at = rng.randrange(len(listed))
            listed[at] = replace(listed[at], date=rng.choice(DATES))
        elif change == 2:  # a sentence added
            listed.append(made(slug))
        elif change == 3 and listed:  # and one taken out
            listed.pop(rng.randrange(len(listed)))
        elif change == 4:  # an article removed
            del articles[slug]
        elif change == 5:  # a block's neighbour: a report of the day after another's
            other = rng.choice(events())
            if other.date.precision is Precision.DAY:
                after = day_value(other.date.start + dt.timedelta(days=1))
                listed.append(replace(made(slug), text=other.text, clause="", date=after))
        else:  # an article added
            new = f"s{100 + step}"
            articles[new] = [made(new) for _ in range(rng.randint(1, 6))]
        apart = frozenset(e.id for e in events()[:: 29 + step])
        memo = memo_from(record, given())
        memo.once = step % 2 == 0  # as a build merges: once, then recorded
        traits = EntryTraits(record, memo)
        merged = merge_events(events(), apart=apart, memo=memo)
        fresh = merge_events(events(), apart=apart)
        assert merged == fresh, f"step {step}"
        made_as_worked_out(merged, fresh)
        traits_read(merged, traits)
        kept_some = kept_some or memo.merged < len(memo.blocks)
        kept_traits = kept_traits or traits.worked < len(merged)
        record = through_disk(tmp_path, record_of(memo, given(), traits))
    assert kept_some and kept_traits


def test_an_event_of_a_changed_article_with_other_words_never_stands_in() -> None:
    day = day_value(dt.date(2025, 1, 3))
    a = event("a", "Drones hit a bakery in Rafah, killing nine.", day, dt.date(2025, 1, 4))
    b = event("b", "Nine were killed as drones hit a Rafah bakery.", day, dt.date(2025, 1, 5))
    memo = MergeMemo()
    assert len(merge_events([a, b], memo=memo)) == 1
    record = record_of(memo, [("ka", [a]), ("kb", [b])])
    # The same id, other words, under another key: the block is merged again.
    b2 = replace(b, text="Convoys waited at the Kerem Shalom crossing.", clause="")
    memo = memo_from(record, [("ka", [a]), ("kb2", [b2])])
    assert merge_events([a, b2], memo=memo) == merge_events([a, b2])
    assert len(merge_events([a, b2], memo=memo_from(record, [("ka", [a]), ("kb2", [b2])]))) == 2


def test_one_sentence_changed_merges_again_only_the_block_it_is_in(tmp_path: Path) -> None:
    days = [day_value(dt.date(2025, 1, d)) for d in (3, 4, 5)]
    told = [  # each day's happening, in words no other day's report holds
        ("Drones hit a bakery in Rafah, killing nine.", "Nine died as drones hit a Rafah bakery."),
        ("Tanks entered Khan Younis from the east.", "Tanks pushed into eastern Khan Younis."),
        ("Convoys waited at the Kerem Shalom crossing.", "Trucks queued at Kerem Shalom."),
    ]
    articles = {
        slug: [
            event(slug, told[n][i % 2], day, dt.date(2025, 1, 6 + i)) for n, day in enumerate(days)
        ]
        for i, slug in enumerate(("wire", "daily", "post"))
    }
    articles["post"].append(
        event("post", "Fuel ran out in Gaza City.", JANUARY, dt.date(2025, 2, 8))
    )

    def given() -> list[ArticleEvents]:
        return [(key_of(events), events) for events in articles.values()]

    def events() -> list[Event]:
        return [e for listed in articles.values() for e in listed]

    memo = MergeMemo()
    merge_events(events(), memo=memo)
    assert len(memo.remerged) == 4
    record = through_disk(tmp_path, record_of(memo, given()))
    # The post's 5 January sentence is rewritten: its key changes, its other events do not.
    articles["post"][2] = event(
        "post", "Convoys waited hours at Kerem Shalom.", days[2], dt.date(2025, 1, 8)
    )
    memo = memo_from(record, given())
    assert merge_events(events(), memo=memo) == merge_events(events())
    assert memo.remerged == {block_key(days[2])}
    # Recorded again, the next build knows the rewritten sentence as it is now.
    memo = memo_from(through_disk(tmp_path, record_of(memo, given())), given())
    assert merge_events(events(), memo=memo) == merge_events(events())
    assert memo.remerged == set()


def test_the_record_keeps_one_string_of_digests_an_article_and_reuses_it() -> None:
    a = event("a", "Drones hit a bakery in Rafah, killing nine.", JANUARY, dt.date(2025, 2, 4))
    b = event("b", "Tanks entered Khan Younis from the east.", JANUARY, dt.date(2025, 2, 5))
    c = event("b", "Convoys waited at the Kerem Shalom crossing.", JANUARY, dt.date(2025, 2, 6))
    memo = MergeMemo()
    merge_events([a, b, c], memo=memo)
    record = record_of(memo, [("ka", [a]), ("kb", [b, c])])
    assert record.digests == {"ka": event_digest(a), "kb": event_digest(b) + event_digest(c)}

    # b's article changed (another key) and lost c; a's did not.
    memo = memo_from(replace(record, digests={**record.digests, "ka": "kept"}), [
        ("ka", [a]),
        ("kb2", [b]),
    ])  # fmt: skip
    assert memo.digests == {"ka": "kept", "kb2": event_digest(b)}  # a's taken as recorded
    assert set(memo.members[block_key(JANUARY)]) == {a.id, b.id}  # b by its recorded digest
    other = "0" * len(record.digests["kb"])
    memo = memo_from(replace(record, digests={**record.digests, "kb": other}), [
        ("ka", [a]),
        ("kb2", [b]),
    ])  # fmt: skip
    assert set(memo.members[block_key(JANUARY)]) == {a.id}


def test_a_restored_event_stands_in_for_no_recorded_block_as_it_was_extracted() -> None:
    day = day_value(dt.date(2025, 1, 3))
    raw = replace(
        event("a", "By Friday the gaps were closed.", day, dt.date(2025, 1, 4)),
        kind=EventKind.STATE,
    )
    restored = replace(raw, kind=EventKind.HAPPENED)  # as a [restore] correction makes it
    memo = MergeMemo()
    merged = merge_events([restored], memo=memo)
    record = record_of(memo, [("ka", [raw])])
    # The build reads the events as extracted, then merges them as corrected.
    again = merge_events([restored], memo=memo_from(record, [("ka", [raw])]))
    assert again == merged


def test_a_record_is_data_and_comes_back_equal(tmp_path: Path) -> None:
    a = event("a", "Drones hit a bakery in Rafah, killing nine.", JANUARY, dt.date(2025, 2, 4))
    memo = MergeMemo()
    merge_events([a], memo=memo)
    record = record_of(memo, [("ka", [a])])
    rows = dict(record_rows(record))
    assert json.loads(rows[ARTICLE_ROW + "ka"]) == [[a.id], record.digests["ka"]]
    assert through_disk(tmp_path, record) == record
    with Store(tmp_path) as store:
        assert store.get("merge", "another program") is None
    # What the ranking read of each entry alone, a set of words empty among them.
    ((key, block),) = record.blocks.items()
    kept = Traits("bakery dron kill", "", False, True)
    told = replace(record, blocks={key: replace(block, traits=(kept,))})
    assert through_disk(tmp_path, told) == told
    assert told.blocks[key].traits[0] is not None
    assert told.blocks[key].traits[0].text_words() == frozenset()
    assert told.blocks[key].traits[0].told_words() == {"bakery", "dron", "kill"}
    same = Traits("bakery dron kill", "bakery dron kill", False, True)  # written once
    told = replace(record, blocks={key: replace(block, traits=(same, None))})
    assert json.loads(dict(record_rows(told))[block_row(key)])[6] == [
        ["bakery dron kill", None, False, True],
        None,
    ]
    row = json.loads(dict(record_rows(told))[block_row(key)])
    for damaged in (["bakery", "", "yes", True], ["bakery", 7, False, True], [None, None]):
        row[6] = [damaged]
        with pytest.raises((ValueError, TypeError)):
            record_of_rows([*rows.items(), (block_row(key), json.dumps(row).encode())])
    # The digest of what each entry is made of, one for each entry, 32 hex digits.
    assert len(block.digests) == 1 and json.loads(rows[block_row(key)])[7] == list(block.digests)
    row = json.loads(rows[block_row(key)])
    for wrong in ([7], ["not a digest"], ["0" * 31], ["A" * 32], [*block.digests, *block.digests]):
        row[7] = wrong
        with pytest.raises((ValueError, TypeError)):
            record_of_rows([*rows.items(), (block_row(key), json.dumps(row).encode())])


def test_a_record_read_back_names_each_event_by_the_events_own_id_string() -> None:
    told = ["Drones hit a bakery in Rafah, killing nine.", "Nine died as drones hit a bakery."]
    events = [event(s, t, JANUARY, dt.date(2025, 2, 4)) for s, t in zip("ab", told, strict=True)]
    memo = MergeMemo()
    merge_events(events, memo=memo)
    record = record_of(memo, [("ka", events[:1]), ("kb", events[1:])])
    rows = list(record_rows(record))
    # Strings equal to the events' ids but other objects, as the events read from the store.
    own = {e.id: "".join(list(e.id)) for e in events}
    read = record_of_rows(rows, dict(own))
    assert read == record_of_rows(rows) == record
    named = [
        *(i for ids in read.articles.values() for i in ids),
        *read.words,
        *(i for block in read.blocks.values() for i in block.members),
        *(i for block in read.blocks.values() for cluster in block.clusters for i in cluster),
    ]
    assert len(named) == 4 * len(events)
    assert all(i is own[i] for i in named)


def test_a_build_after_edits_equals_a_build_without_cache(
    sample_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="timeline.build.kept")
    for number in range(12):
        day = dt.date(2024, 11, 1) + dt.timedelta(days=number)
        write_article(
            sample_site,
            f"strike-{number:02d}.md",
            f"---\ntitle: Strike {number}\npublished: {day.isoformat()}\n"
            f"source: Wire {number % 3}\n---\n\n"
            f"Shelling hit the Jabalia camp on {dt.date(2024, 11, 1).strftime('%d %B %Y')},"
            f" medics said. Aid trucks reached Rafah sector {number} on {day.day} November"
            f" 2024.\n",
        )
    build_site(sample_site)
    whole = stored_record(sample_site)
    assert rows_written(caplog) == (len(whole.articles), len(whole.blocks))
    articles = sample_site / "content" / "articles"
    edits = [
        ("strike-03.md", "\nOn 1 November 2024 shelling hit the Jabalia camp, officials said.\n"),
        ("strike-07.md", "\nAid trucks reached Rafah sector 9 on 9 November 2024.\n"),
    ]
    for name, text in edits:
        with (articles / name).open("a", encoding="utf-8") as stream:
            stream.write(text)
        build_site(sample_site)
        written = rows_written(caplog)
        fresh = tmp_path / f"fresh-{name}"
        shutil.copytree(sample_site, fresh, ignore=shutil.ignore_patterns(CACHE_DIR, "output"))
        build_site(fresh)  # from an empty store
        assert tree(sample_site / "output") == tree(fresh / "output")
        # Only the edited article's row and the blocks merged again were written (all of
        # them when the new event changes every word's weight); the record is whole.
        assert written[0] == 1 and 1 <= written[1] <= len(whole.blocks)
        assert name != "strike-03.md" or written[1] < len(whole.blocks)
        assert stored_record(sample_site) == stored_record(fresh)
    (articles / "strike-05.md").unlink()
    build_site(sample_site)
    assert rows_written(caplog)[0] == 0
    fresh = tmp_path / "fresh-removed"
    shutil.copytree(sample_site, fresh, ignore=shutil.ignore_patterns(CACHE_DIR, "output"))
    build_site(fresh)
    assert tree(sample_site / "output") == tree(fresh / "output")
    assert stored_record(sample_site) == stored_record(fresh)


def test_a_restored_event_is_recorded_as_the_merge_saw_it(
    sample_site: Path, tmp_path: Path
) -> None:
    """The record is of the corrected events: a state an editor restored as a happening
    stands in as a happening on the next build (it crashed the build when an unchanged
    article's raw event stood in)."""
    write_article(
        sample_site,
        "toll.md",
        "---\ntitle: Toll\npublished: 2024-11-20\nsource: Wire\n---\n\n"
        "More than 40 people have been killed since 3 November 2024, medics said.\n",
    )
    build_site(sample_site, use_cache=False)
    data = json.loads((sample_site / "output" / "timeline.json").read_text("utf-8"))
    assert not any(s["article"] == "toll" for e in data["entries"] for s in e["sources"])
    extracted = [
        e for a in load_site(load_config(sample_site)).articles for e in a.events
        if e.article.slug == "toll"
    ]  # fmt: skip
    assert [e.kind.value for e in extracted] == ["state"]
    (sample_site / "content" / "corrections.toml").write_text(
        f'[restore]\n"{extracted[0].id}" = "The toll is the news"\n', encoding="utf-8"
    )
    build_site(sample_site)
    with (sample_site / "content" / "articles" / "strike-extra.md").open("w") as stream:
        stream.write(
            "---\ntitle: Extra\npublished: 2024-11-21\nsource: Post\n---\n\n"
            "Talks resumed in Cairo on 20 November 2024.\n"
        )
    build_site(sample_site)
    fresh = tmp_path / "fresh"
    shutil.copytree(sample_site, fresh, ignore=shutil.ignore_patterns(CACHE_DIR, "output"))
    build_site(fresh, use_cache=False)
    assert tree(sample_site / "output") == tree(fresh / "output")
    data = json.loads((sample_site / "output" / "timeline.json").read_text("utf-8"))
    assert any(s["article"] == "toll" for e in data["entries"] for s in e["sources"])
    page = (sample_site / "output" / "articles" / "toll.html").read_text("utf-8")
    assert f'data-event="{extracted[0].id}"' in page
    assert "event-state" not in page and "timex-state" not in page  # shown as restored


def test_a_record_with_a_damaged_row_is_not_used(
    sample_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="timeline.build.kept")
    build_site(sample_site)
    database = sqlite3.connect(sample_site / CACHE_DIR / "store.sqlite")
    with database:
        row = database.execute(
            "SELECT key FROM entries WHERE kind = 'merge' AND key LIKE '%:block:%'"
        ).fetchone()
        database.execute("UPDATE entries SET value = X'5b5d' WHERE key = ?", row)
    database.close()
    write_article(sample_site, "convoy.md", CONVOY)

    build_site(sample_site)

    assert "ignoring a merge record with a damaged row" in caplog.messages
    fresh = tmp_path / "fresh"
    shutil.copytree(sample_site, fresh, ignore=shutil.ignore_patterns(CACHE_DIR, "output"))
    build_site(fresh)
    assert tree(sample_site / "output") == tree(fresh / "output")
    assert stored_record(sample_site) == stored_record(fresh)


CONVOY = """---
title: Aid convoy reaches Rafah crossing
published: 2025-01-14
source: Example Wire
---

An aid convoy reached the Rafah crossing on January 13, 2025, officials said.
"""


BAKERY_DAY = day_value(dt.date(2025, 1, 3))


def bakery_reports(clear: str) -> tuple[list[Event], list[ArticleEvents]]:
    """Three reports of one strike, the second ``clear``: the events and the articles the
    record is made of."""
    events = [
        event("a", "It killed nine.", BAKERY_DAY, dt.date(2025, 1, 4)),
        event("b", clear, BAKERY_DAY, dt.date(2025, 1, 4)),
        event(
            "c", "Nine were killed as drones hit a Rafah bakery.", BAKERY_DAY, dt.date(2025, 1, 5)
        ),
    ]
    return events, [(key_of([e]), [e]) for e in events]


def test_a_kept_block_makes_its_entries_as_the_record_says_without_choosing_again() -> None:
    day = BAKERY_DAY
    clear = "Drones hit a bakery in Rafah on Friday, killing nine people, medics said."
    events, given = bakery_reports(clear)
    memo = MergeMemo()
    (entry,) = merge_events(events, memo=memo)
    record = record_of(memo, given)
    ((text, mentions),) = record.blocks[block_key(day)].choices
    assert entry.text == clear and text == [s.event_id for s in entry.sources].index(events[1].id)
    assert mentions == ()
    assert record.blocks[block_key(day)].texts == (entry.text,)
    # Told another report's text by the record, the kept block's entry shows that text:
    # the memo made the entry as recorded, without choosing its text again.
    other = (text + 1) % 3
    said = entry.sources[other].sentence
    block = replace(record.blocks[block_key(day)], choices=((other, ()),), texts=(said,))
    told = replace(record, blocks={block_key(day): block})
    (kept,) = merge_events(events, memo=memo_from(told, given))
    assert kept.text == said != entry.text
    assert (entry.told, kept.told) == (text, other)


def test_a_kept_entry_takes_its_text_from_the_record_without_cutting_it_again() -> None:
    events, given = bakery_reports(
        "Drones hit a bakery in Rafah on Friday, killing nine people, medics said."
    )
    memo = MergeMemo()
    (entry,) = merge_events(events, memo=memo)
    record = record_of(memo, given)
    block = replace(record.blocks[block_key(BAKERY_DAY)], texts=("The recorded text.",))
    told = replace(record, blocks={block_key(BAKERY_DAY): block})
    (kept,) = merge_events(events, memo=memo_from(told, given))
    assert kept == replace(entry, text="The recorded text.")


def test_the_ranking_reads_the_report_the_merge_chose_for_the_text() -> None:
    """``rank.told_words`` takes the report the entry says gives its text, as the merge
    chose it (here the record), without choosing among its reports again."""
    events, given = bakery_reports(
        "Drones hit a bakery in Rafah on Friday, killing nine people, medics said."
    )
    memo = MergeMemo()
    (entry,) = merge_events(events, memo=memo)
    record = record_of(memo, given)
    ((text, _),) = record.blocks[block_key(BAKERY_DAY)].choices
    other = (text + 1) % 3
    said = report_text(entry.sources[other].sentence)
    block = replace(record.blocks[block_key(BAKERY_DAY)], choices=((other, ()),), texts=(said,))
    told = replace(record, blocks={block_key(BAKERY_DAY): block})
    (kept,) = merge_events(events, memo=memo_from(told, given))
    assert told_words(entry) == content_words(clean_text(entry.sources[text].sentence))
    assert told_words(kept) == content_words(clean_text(kept.sources[other].sentence))
    assert told_words(kept) != told_words(entry)
    # Without the merge's choice (an entry a correction changed), the text is chosen again.
    assert told_words(replace(entry, told=None)) == told_words(entry)


def test_an_entry_whose_text_is_cut_to_its_lead_is_recorded_and_kept_the_same() -> None:
    """The record names the report that gives the text by the rule the entry was made by:
    a text cut to its lead (a wire dateline dropped) is still one of its reports'."""
    wire = (
        "Fri Jan 3, 2025 10:19 pm GMT GAZA (Reuters) - Drones hit a bakery in Rafah on "
        "Friday, killing nine people."
    )
    events, given = bakery_reports(wire)
    memo = MergeMemo()
    (entry,) = merge_events(events, memo=memo)
    assert entry.text == "Drones hit a bakery in Rafah on Friday, killing nine people."
    record = record_of(memo, given)
    ((text, _),) = record.blocks[block_key(BAKERY_DAY)].choices
    assert entry.sources[text].sentence == wire
    (kept,) = merge_events(events, memo=memo_from(record, given))
    assert kept == entry


def test_a_kept_entry_gives_the_ranking_the_traits_the_record_keeps() -> None:
    """The ranking reads what it read of a kept block's entry alone (``rank.Traits``) from
    the record, not from the entry again: told other traits, it reads those."""
    events, given = bakery_reports(
        "Drones hit a bakery in Rafah on Friday, killing nine people, medics said."
    )
    memo = MergeMemo()
    (entry,) = merge_events(events, memo=memo)
    traits = EntryTraits(None, memo)
    assert traits(entry) == entry_traits(entry) and traits.worked == 1
    record = record_of(memo, given, traits)
    (kept,) = record.blocks[block_key(BAKERY_DAY)].traits
    assert kept == entry_traits(entry)
    other = Traits("recorded", "words", True, True)
    block = replace(record.blocks[block_key(BAKERY_DAY)], traits=(other,))
    told = replace(record, blocks={block_key(BAKERY_DAY): block})
    memo = memo_from(told, given)
    traits = EntryTraits(told, memo)
    (again,) = merge_events(events, memo=memo)
    assert again == entry
    assert traits(again) == other
    assert traits.worked == 0
    # What the next record keeps is what was read of the entry as the merge made it.
    assert record_of(memo, given, traits).blocks[block_key(BAKERY_DAY)].traits == (other,)
    # An entry a correction changed (fewer sources, its text no longer chosen by the
    # merge) is another entry: its traits are worked out, and none are kept of the
    # merge's entry, which the ranking did not read.
    changed = replace(again, sources=again.sources[:1], told=None)
    assert traits(changed) == entry_traits(changed) and traits.worked == 1
    assert record_of(memo, given, traits).blocks[block_key(BAKERY_DAY)].traits == (None,)


def test_an_event_changed_only_in_its_date_expression_has_its_traits_worked_out() -> None:
    """A block merged again does not give recorded traits, even to an entry of the same
    sources and text: here the date expression moved from the speaking to the happening,
    and the entry is no longer a statement."""
    sentence = (
        "The ministry said on Saturday that drones hit a bakery in Rafah on Friday, killing nine."
    )
    spoken, happened = sentence.index("Saturday"), sentence.index("Friday")
    said = TimeExpression(spoken, spoken + 8, "Saturday", "DATE", "2025-01-03")
    done = TimeExpression(happened, happened + 6, "Friday", "DATE", "2025-01-03")
    made = replace(event("a", sentence, BAKERY_DAY, dt.date(2025, 1, 4)), expression=said)
    memo = MergeMemo()
    (entry,) = merge_events([made], memo=memo)
    traits = EntryTraits(None, memo)
    assert traits(entry).statement
    record = record_of(memo, [("k1", [made])], traits)
    changed = replace(made, expression=done)
    memo = memo_from(record, [("k2", [changed])])
    traits = EntryTraits(record, memo)
    (again,) = merge_events([changed], memo=memo)
    assert (again.id, again.text) == (entry.id, entry.text)
    assert not traits(again).statement and traits.worked == 1


def test_a_memo_merged_once_keeps_only_what_its_record_reads() -> None:
    """A build merges once and records the merge (``MergeMemo.once``): each event's words
    and block by event, the entries' order and the reactions' links go when the merge
    returns, and the record is the one a memo kept for another merge gives."""
    rng = random.Random(7)
    articles = {
        f"s{n}": [varied(rng, f"s{n}", 20 * n + i, dt.date(2025, 1, 20 + n % 9)) for i in range(12)]
        for n in range(12)
    }
    given = [(key_of(events), events) for events in articles.values()]
    events = [e for listed in articles.values() for e in listed]
    kept, once = MergeMemo(), MergeMemo(once=True)
    merged = merge_events(events, memo=once)
    assert merged == merge_events(events, memo=kept)
    assert any(e.related for e in merged) and kept.linked  # the reactions' links were made
    assert kept.known and kept.order
    assert (once.known, once.order, once.linked) == ({}, {}, {})
    assert record_of(once, given) == record_of(kept, given)
