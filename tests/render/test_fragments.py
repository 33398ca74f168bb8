"""Fragments: a small template rendered once per value and page depth, the same text as the
lines it stands for."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import jinja2
import pytest

from timeline.config import Config
from timeline.model import ArticleRef, Basis, DateValue, Entry, Precision, Source, Timeline
from timeline.render import (
    bodies_in,
    make_environment,
    render_files,
    render_site,
    whole_site_links,
)
from timeline.render.fragments import Fragments

PUBLISHED = dt.datetime(2024, 11, 3, 9, 30, tzinfo=dt.UTC)
CONVOY = ArticleRef(
    "convoy-reaches-north", "content/articles/convoy.md", "Convoy reaches the north",
    "Hill Courier", PUBLISHED, "https://courier.example/convoy",
)  # fmt: skip
CROSSING = ArticleRef(
    "crossing-shut", "content/articles/crossing.md", "Crossing shut again", "", PUBLISHED
)


def fragments(templates: dict[str, str]) -> Fragments:
    loader = jinja2.DictLoader(templates)
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    timeline = Timeline("T", (), ())
    return Fragments(env, whole_site_links(timeline), {"title": "T"})


def test_a_fragment_is_rendered_once_per_value_and_depth() -> None:
    made = fragments({"cite.html": "{{ href('articles/' ~ article.slug ~ '.html') }}"})
    deep, top = made.at("../"), made.at("")
    first = deep("cite.html", article=CONVOY)
    assert first == "../articles/convoy-reaches-north.html"
    assert deep("cite.html", article=CONVOY) is first  # kept, not rendered again
    assert made.at("../")("cite.html", article=CONVOY) is first  # another page, same depth
    assert top("cite.html", article=CONVOY) == "articles/convoy-reaches-north.html"
    assert deep("cite.html", article=CROSSING) == "../articles/crossing-shut.html"


def test_a_fragment_sees_no_page_of_its_own() -> None:
    """Its links are whole, right from any page at its depth, and the page's own variables
    are not there to make its text differ between pages."""
    made = fragments({"anchor.html": "{{ href('timeline/2024.html#e-1') }}"})
    assert made.at("../")("anchor.html", article=CONVOY) == "../timeline/2024.html#e-1"
    with pytest.raises(jinja2.UndefinedError):  # strict, as the site's environment is
        fragments({"page.html": "{{ page_path }}"}).at("")("page.html", article=CONVOY)


def test_a_fragment_escapes_what_it_shows() -> None:
    made = fragments({"cite.html": "{{ article.title }}"})
    risky = ArticleRef("x", "content/articles/x.md", "Shelling <b>resumes</b>", "", PUBLISHED)
    assert made.at("")("cite.html", article=risky) == "Shelling &lt;b&gt;resumes&lt;/b&gt;"


def test_source_and_mention_lines_cite_their_article(tmp_path: Path) -> None:
    date = DateValue("2024-11-02", dt.date(2024, 11, 2), dt.date(2024, 11, 3), Precision.DAY)
    text = "The convoy of 40 trucks reached the north."
    told = Source("e1", CONVOY, text, 9, None, Basis.PUBLICATION)
    again = Source("e2", CONVOY, "Forty trucks got through on Saturday.", 12, None, Basis.RELATIVE)
    recalled = Source("e3", CROSSING, "The convoy had got through.", 4, None, Basis.PUBLICATION)
    entries = (Entry("c", date, text, (told, again), (), mentions=(recalled,)),)
    files = render_site(Timeline("T", entries, ()), Config(root=tmp_path), bodies_in({}))
    page = files["index.html"].decode()
    line = (
        '<a class="outlet" href="sources/hill-courier.html">Hill Courier</a>,\n'
        '<span dir="auto">Convoy reaches the north</span> (<a href="https://courier.example/convoy"'
        ' rel="external noopener">original</a>),\n'
        '<time datetime="2024-11-03T09:30:00+00:00">3 November 2024</time>.\n'
    )
    assert page.count(line) == 2
    assert (
        'Unknown outlet,\n<span dir="auto">Crossing shut again</span>,\n'
        '<time datetime="2024-11-03T09:30:00+00:00">3 November 2024</time>:\n<blockquote'
    ) in page
    assert make_environment(Config(root=tmp_path)).get_template("citation.html")


def test_the_fragments_are_let_go_before_the_exports_are_made(tmp_path: Path) -> None:
    """No page is left to ask for a citation once the exports come: on a large site the
    kept citations are tens of MB, which the exports' pieces would land on."""
    date = DateValue("2024-11-02", dt.date(2024, 11, 2), dt.date(2024, 11, 3), Precision.DAY)
    told = Source("e1", CONVOY, "The convoy reached the north.", 9, None, Basis.PUBLICATION)
    timeline = Timeline("T", (Entry("c", date, told.sentence, (told,), ()),), ())
    files = render_files(timeline, Config(root=tmp_path), bodies_in({}), pieces=True)
    alive = {}
    for path, _ in files:
        gc.collect()
        alive[path] = sum(isinstance(thing, Fragments) for thing in gc.get_objects())
    assert alive["index.html"] == 1
    assert alive["timeline.json"] == 0
