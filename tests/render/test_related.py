"""Mentions and related entries on the pages: "Also recalled in: …" inside an entry's
disclosure, "In reaction to: …" and "Reactions: …" linking the entries both ways, and
pages that show another entry rendered again when that entry changes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from tests.helpers import write_article
from timeline.build import build_site
from timeline.config import Config
from timeline.model import (
    ArticleRef,
    Basis,
    DateValue,
    Entry,
    EventKind,
    Precision,
    Source,
    Timeline,
)
from timeline.render import Reuse, bodies_in, render_files, render_site
from timeline.render.plan import PageLimits, weight
from timeline.render.related import relations

D = dt.date
MONTHS = PageLimits(single_page=10, per_page=12)
"""Limits that split the small timelines below into a page per month."""


def day(value: D) -> DateValue:
    return DateValue(value.isoformat(), value, value + dt.timedelta(days=1), Precision.DAY)


def ref(slug: str, outlet: str, published: D) -> ArticleRef:
    when = dt.datetime(published.year, published.month, published.day, 9, tzinfo=dt.UTC)
    return ArticleRef(slug, f"content/articles/{slug}.md", f"Headline {slug}", outlet, when,
                      f"https://news.example/{slug}")  # fmt: skip


def told(eid: str, slug: str, outlet: str, published: D, sentence: str) -> Source:
    kind = EventKind.MENTION if "since" in sentence else EventKind.HAPPENED
    return Source(eid, ref(slug, outlet, published), sentence, 3, None, Basis.PUBLICATION, kind)


def entry(eid: str, when: D, text: str = "", outlets: tuple[str, ...] = ("Harbor Wire",)) -> Entry:
    text = text or f"Convoy {eid} reached the crossing."
    sources = tuple(
        told(f"{eid}{n}", f"{eid}-{n}", outlet, when, text) for n, outlet in enumerate(outlets)
    )
    return Entry(eid, day(when), text, sources)


RECALLED = D(2025, 3, 1)


def mentioned(target: Entry, count: int) -> Entry:
    """The entry with ``count`` mentions, one a day from ``RECALLED``."""
    recall = "Recall {}: thousands have fled since the convoy reached the crossing."
    mentions = tuple(
        told(f"m{n}", f"recall-{n}", "Atlas Observer", RECALLED + dt.timedelta(days=n),
             recall.format(n))
        for n in range(count)
    )  # fmt: skip
    return replace(target, mentions=mentions)


STRIKE = entry("strike", D(2025, 1, 30), "An airstrike hit the Nuseirat school.")
REACTION = replace(
    entry("reaction", D(2025, 2, 1), "The UN condemned the strike.", ("Atlas Observer",)),
    related=("strike",),
)
FILLER = tuple(entry(f"f{m}{n}", D(2025, m, 10 + n)) for m in (1, 2, 3) for n in range(3))
UNRELATED = entry("other", D(2025, 3, 20), "Talks resumed in Doha.")


def site(tmp_path: Path, *entries: Entry, limits: PageLimits = MONTHS) -> dict[str, str]:
    config = Config(root=tmp_path)
    files = render_site(Timeline("T", entries, ()), config, bodies_in({}), limits)
    return {path: data.decode() for path, data in files.items() if path.endswith(".html")}


def item(html: str, eid: str) -> str:
    """The ``<li>`` of an entry on a timeline page."""
    start = html.index(f'id="e-{eid}"')
    end = re.compile(r'<li class="entry|</ol>').search(html, start)
    assert end is not None
    return html[start : end.start()]


# ---------------------------------------------------------------------- mentions


def test_a_one_source_entry_opens_its_mentions_from_one_line(tmp_path: Path) -> None:
    pages = site(tmp_path, mentioned(entry("deal", D(2025, 1, 15)), 2), entry("x", D(2025, 1, 16)))
    deal = item(pages["index.html"], "deal")
    assert '<ul class="sources one">' in deal  # its one report, shown at once
    assert deal.count("<details") == 1
    assert "<summary>Also recalled in 2 reports</summary>" in deal
    mentions = deal[deal.index('<ul class="mentions">') :]
    assert mentions.count('<li class="source"') == 2
    assert "Recall 1: thousands have fled since the convoy reached the crossing." in mentions
    assert (
        "Atlas Observer" in mentions and '<time datetime="2025-03-02T09:00:00+00:00">' in mentions
    )
    assert 'href="https://news.example/recall-1"' in mentions  # no page of its own: the original
    # A one-source entry without mentions gets no disclosure.
    assert "<details" not in item(pages["index.html"], "x")


def test_mentions_are_inside_the_disclosure_of_the_sources(tmp_path: Path) -> None:
    wide = mentioned(entry("deal", D(2025, 1, 15), outlets=("Harbor Wire", "Atlas Observer")), 1)
    deal = item(site(tmp_path, wide)["index.html"], "deal")
    assert deal.count("<details") == 1
    summary = re.search(r"<summary>(.*?)</summary>", deal)
    assert summary and summary.group(1) == (
        "2 outlets: Harbor Wire, Atlas Observer; also recalled in 1 report"
    )
    inside = deal[deal.index("<details") : deal.index("</details>")]
    assert inside.index("Also recalled in:") > inside.rindex('data-event="deal1"')
    assert '<ul class="mentions">' in inside


def test_many_mentions_show_ten_and_link_to_the_entrys_own_page(tmp_path: Path) -> None:
    pages = site(tmp_path, mentioned(entry("deal", D(2025, 1, 15)), 12), limits=PageLimits())
    deal = item(pages["index.html"], "deal")
    assert deal.count('<li class="source"') == 1 + 10
    assert 'href="entries/deal.html">All 12 mentions' in deal
    own = pages["entries/deal.html"]
    assert "1 source, 12 mentions" in own
    assert own.count('<li class="source"') == 1 + 12 and "Recall 11:" in own


def test_mentions_weigh_on_a_page_as_sources_do() -> None:
    assert weight(mentioned(entry("deal", D(2025, 1, 15)), 3)) == 1 + 1 + 3
    assert weight(mentioned(entry("deal", D(2025, 1, 15)), 40)) == 1 + 1 + 10


# ---------------------------------------------------------------------- related entries


def test_a_reaction_links_to_what_it_reacts_to_and_back(tmp_path: Path) -> None:
    pages = site(tmp_path, STRIKE, REACTION, *FILLER)
    reaction = item(pages["timeline/2025-02.html"], "reaction")
    assert (
        '<p class="related">In reaction to: <a href="../timeline/2025-01.html#e-strike" dir="auto">'
        'An airstrike hit the Nuseirat school.</a> (<time datetime="2025-01-30">30 January 2025'
        "</time>)</p>"
    ) in reaction
    strike = item(pages["timeline/2025-01.html"], "strike")
    assert '<p class="related">Reactions: <a href="../timeline/2025-02.html#e-reaction"' in strike
    assert "The UN condemned the strike." in strike
    assert 'class="related"' not in item(pages["timeline/2025-01.html"], "f10")


def test_a_related_id_that_names_no_entry_is_left_out() -> None:
    hidden = replace(REACTION, related=("gone", "strike"))
    linked = relations((STRIKE, hidden))
    assert linked.reacts_to == {"reaction": (STRIKE,)}
    assert linked.reactions == {"strike": (hidden,)}
    assert relations((replace(REACTION, related=("gone",)),)).reacts_to == {}


def rendered(timeline: Timeline, config: Config, previous: dict[str, str]) -> Reuse:
    """Render with the digests of a last build; the paths rendered are in ``reuse.digests``
    whose value differs from ``previous``."""
    reuse = Reuse("salt", previous)
    for _ in render_files(timeline, config, bodies_in({}), limits=MONTHS, reuse=reuse):
        pass
    return reuse


def changed_pages(before: Timeline, after: Timeline, config: Config) -> set[str]:
    first = rendered(before, config, {})
    second = rendered(after, config, first.digests)
    return {path for path, digest in second.digests.items() if first.digests[path] != digest}


def test_a_page_showing_a_related_entry_is_rendered_again_when_that_entry_changes(
    tmp_path: Path,
) -> None:
    config = Config(root=tmp_path)
    before = Timeline("T", (STRIKE, REACTION, *FILLER, UNRELATED), ())
    edited = replace(STRIKE, text="An airstrike hit the Nuseirat school at dawn.")
    after = replace(before, entries=(edited, *before.entries[1:]))
    # the strike's own page, and the reaction's, which shows the strike's text
    assert changed_pages(before, after, config) == {
        "timeline/2025-01.html",
        "timeline/2025-02.html",
    }
    moved = replace(REACTION, text="The UN and Egypt condemned the strike.")
    after = replace(before, entries=(STRIKE, moved, *before.entries[2:]))
    assert changed_pages(before, after, config) == {
        "timeline/2025-01.html",
        "timeline/2025-02.html",
    }


def test_an_unrelated_change_keeps_the_pages_of_a_reaction(tmp_path: Path) -> None:
    config = Config(root=tmp_path)
    before = Timeline("T", (STRIKE, REACTION, *FILLER, UNRELATED), ())
    edited = replace(UNRELATED, text="Talks resumed in Cairo.")
    after = replace(before, entries=(*before.entries[:-1], edited))
    assert changed_pages(before, after, config) == {"timeline/2025-03.html"}


# ---------------------------------------------------------------------- a real build

STRIKE_TEXT = "An airstrike on the Nuseirat school killed twelve displaced people on {day}{more}."
REACTION_TEXT = "The UN condemned the airstrike on the Nuseirat school that killed twelve people."


def write_reaction_site(root: Path, more: str = "") -> None:
    (root / "timeline.toml").write_text('title = "Reactions"\n', encoding="utf-8")
    for number in range(240):  # enough entries that 2025 has a page per month
        when = D(2024, 11, 1) + dt.timedelta(days=number)
        write_article(
            root,
            f"convoy-{number:02d}.md",
            f"---\ntitle: Convoy {number}\npublished: {when.isoformat()}\nsource: Harbor Wire\n"
            f"---\n\nConvoy {number} reached sector {number % 7} on {when:%d %B %Y}, officials "
            f"said.\n\nTalks on crossing {number % 5} resumed on {when:%d %B %Y} in Cairo "
            f"with {number + 9} delegates.\n\nAid group {number} said {number + 4} wells "
            f"failed on {when:%d %B %Y}.\n",
        )
    strike = STRIKE_TEXT.format(day="31 January 2025", more=more)
    write_article(
        root,
        "strike.md",
        f"---\ntitle: Strike on a school\npublished: 2025-01-31\nsource: Harbor Wire\n---\n\n"
        f"{strike}\n",
    )
    write_article(
        root,
        "reaction.md",
        "---\ntitle: UN condemns strike\npublished: 2025-02-01\nsource: Atlas Observer\n---\n\n"
        f"{REACTION_TEXT[:-1]} on 1 February 2025.\n",
    )


def test_a_build_rebuilds_the_page_of_a_reaction_when_what_it_reacts_to_changes(
    tmp_path: Path,
) -> None:
    write_reaction_site(tmp_path)
    output = build_site(tmp_path).output
    february = (output / "timeline" / "2025-02.html").read_text(encoding="utf-8")
    assert 'In reaction to: <a href="../timeline/2025-01.html#e-' in february
    assert "killed twelve displaced people on 31 January 2025.</a>" in february
    january = output / "timeline" / "2025-01.html"
    assert 'Reactions: <a href="../timeline/2025-02.html#e-' in january.read_text(encoding="utf-8")
    december = output / "timeline" / "2024.html"
    kept = december.stat().st_ino

    write_reaction_site(tmp_path, more=", medics in Deir al-Balah said")
    build_site(tmp_path)
    february = (output / "timeline" / "2025-02.html").read_text(encoding="utf-8")
    assert "31 January 2025, medics in…</a>" in february  # the link on the reaction's page follows
    assert december.stat().st_ino == kept  # a page of neither entry is kept as it was
