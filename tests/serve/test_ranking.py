"""What serve keeps for the ranking between rebuilds gives what working it out again gives.

The war, its towns and its outlets are made up.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from tests.helpers import tree, write_article
from timeline.build import build_site, corrected_articles, load_site, make_timeline
from timeline.config import load_config
from timeline.merge.mentions import DateMentions
from timeline.merge.rank import entry_traits
from timeline.serve.ranking import MentionMemo, TraitsMemo
from timeline.serve.session import Session

_TOWNS = ["Marsk", "Tervel", "the port of Oskaro", "Dunavar", "the Lisk valley"]
_DEEDS = [
    "artillery shelled the rail depot in {town}",
    "an aid convoy of 40 trucks reached {town}",
    "negotiators met in {town} to discuss a prisoner exchange",
    "a drone strike hit a power station near {town}",
    "hundreds of families were evacuated from {town}",
    "the army said it had retaken the bridge at {town}",
]
_OUTLETS = ["Valley Courier", "Northern Wire", "Oskaro Herald"]
_MONTHS = ["March", "April"]


def _sentence(rng: random.Random) -> str:
    deed = rng.choice(_DEEDS).format(town=rng.choice(_TOWNS))
    when = rng.choice(
        [
            f"on {rng.choice(_MONTHS)} {rng.randrange(1, 29)}, 2025",
            "on Tuesday",
            "yesterday",
            f"in {rng.choice(_MONTHS)} 2025",
        ]
    )
    return f"{deed[0].upper()}{deed[1:]} {when}, officials said."


def _article(rng: random.Random, number: int) -> str:
    day = rng.randrange(2, 29)
    lines = [
        "---",
        f"title: Dispatch {number} from the front",
        f"published: 2025-{rng.choice(['03', '04'])}-{day:02d}",
        f"source: {rng.choice(_OUTLETS)}",
        f"tags: [{rng.choice(['fighting', 'aid', 'talks'])}]",
        "---",
        "",
    ]
    lines += [_sentence(rng) for _ in range(rng.randrange(2, 5))]
    return "\n\n".join(lines) + "\n"


def _war_site(folder: Path, rng: random.Random, count: int = 10) -> Path:
    (folder / "content" / "articles").mkdir(parents=True)
    (folder / "timeline.toml").write_text('title = "The Lisk war"\n', encoding="utf-8")
    for number in range(count):
        write_article(folder, f"dispatch-{number:02d}.md", _article(rng, number))
    return folder


def _random_edit(site: Path, rng: random.Random, number: int) -> None:
    """Add a dated sentence to an article, retell one, delete one, or add a new one."""
    folder = site / "content" / "articles"
    files = sorted(folder.glob("*.md"))
    action = rng.choice(["add", "retell", "delete", "new"]) if len(files) > 3 else "new"
    if action == "delete":
        rng.choice(files).unlink()
    elif action == "new":
        write_article(site, f"late-{number:02d}.md", _article(rng, 50 + number))
    else:
        path = rng.choice(files)
        if action == "add":
            told = _sentence(rng)
        else:  # what another article said, told again with more (an entry gains a source,
            # which may give it its text, its id staying that of its first report)
            other = rng.choice(files).read_text(encoding="utf-8")
            said = rng.choice([line for line in other.split("\n\n") if "officials" in line])
            hurt = rng.randrange(3, 60)
            told = said.replace(", officials said.", f", and {hurt} people were hurt.")
        path.write_text(path.read_text(encoding="utf-8") + f"\n{told}\n", encoding="utf-8")


def _same_mentions(kept: DateMentions, fresh: DateMentions) -> None:
    assert kept.articles == fresh.articles
    assert kept.published == fresh.published
    assert kept.dating == fresh.dating
    assert kept.echoes == fresh.echoes
    assert kept.everywhere == fresh.everywhere
    assert kept.weights == fresh.weights


def test_the_kept_sum_of_day_mentions_is_the_sum_worked_out_again(tmp_path: Path) -> None:
    rng = random.Random(17)
    site = _war_site(tmp_path / "war", rng)
    memo = MentionMemo()
    for number in range(8):
        loaded = load_site(load_config(site))
        kept = memo.update(loaded.articles, loaded.corrections)()
        events = [e for a in corrected_articles(loaded.articles, ()) for e in a.events]
        _same_mentions(kept, DateMentions(events))
        if number:
            assert memo.worked <= 2  # one article changed: its old part out, its new one in
        _random_edit(site, rng, number)


def test_a_change_of_corrections_sums_the_parts_again(tmp_path: Path) -> None:
    """A re-dated event moves what its article says to another day: the parts kept of the
    uncorrected events are not what the articles say now."""
    site = _war_site(tmp_path / "war", random.Random(3))
    memo = MentionMemo()
    loaded = load_site(load_config(site))
    memo.update(loaded.articles, loaded.corrections)()
    dated = [e for a in loaded.articles for e in a.events if e.date.start.month == 3]
    corrections = site / "content" / "corrections.toml"
    for text in [f'[redate."{dated[0].id}"]\ndate = "2025-05-20"\nreason = "overnight"\n', ""]:
        corrections.write_text(text, encoding="utf-8")
        loaded = load_site(load_config(site))
        kept = memo.update(loaded.articles, loaded.corrections)()
        corrected = corrected_articles(loaded.articles, loaded.corrections)
        _same_mentions(kept, DateMentions(e for a in corrected for e in a.events))
        assert (dt.date(2025, 5, 20) in kept.articles) is bool(text)


def test_kept_traits_are_the_traits_read_again(tmp_path: Path) -> None:
    rng = random.Random(5)
    site = _war_site(tmp_path / "war", rng)
    traits = TraitsMemo()
    read = 0
    for number in range(8):
        traits.next_build()
        timeline = make_timeline(load_site(load_config(site)), traits=traits)
        read += len(timeline.entries)
        for entry in timeline.entries:
            assert traits(entry) == entry_traits(entry)
        _random_edit(site, rng, number)
    assert traits.worked < read / 8  # most entries were kept from the builds before


_SAID = """---
title: Depot shelled
published: 2025-03-06
source: Valley Courier
---

The army said on March 4, 2025 that artillery had shelled the rail depot in Marsk.
"""
_SEEN = """---
title: Depot burns
published: 2025-03-07
source: Northern Wire
---

Artillery shelled the rail depot in Marsk on March 4, 2025, and the fuel store burned for hours.
"""


def test_an_entry_that_gains_a_source_is_read_again(tmp_path: Path) -> None:
    """An entry keeps its id (its first report's) when a report joins it, but not its
    traits: told only as what the army said, it was a statement; seen, it is not."""
    site = tmp_path / "war"
    write_article(site, "said.md", _SAID)
    (site / "timeline.toml").write_text('title = "The Lisk war"\n', encoding="utf-8")
    traits = TraitsMemo()
    (said,) = make_timeline(load_site(load_config(site)), traits=traits).entries
    assert traits(said).statement
    write_article(site, "seen.md", _SEEN)
    traits.next_build()
    (seen,) = make_timeline(load_site(load_config(site)), traits=traits).entries
    assert seen.id == said.id and len(seen.sources) == 2
    assert traits(seen) == entry_traits(seen)
    assert not traits(seen).statement


def test_serve_after_random_edits_is_what_a_build_makes(tmp_path: Path) -> None:
    rng = random.Random(29)
    site = _war_site(tmp_path / "war", rng, count=12)
    session = Session(site)
    session.first_build()
    for number in range(10):
        _random_edit(site, rng, number)
        session.rebuild()
        state = session.live.state
        assert state.site is not None and not state.errors
        assert state.site.timeline == make_timeline(load_site(load_config(site)))
    assert state.site is not None
    build_site(site, output=tmp_path / "out")
    assert state.site.all_files() == tree(tmp_path / "out")
