"""What readers see of how a date was read: their words, not the pipeline's."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO
from timeline.build import build_site
from timeline.model import Basis, DateValue, EventKind, Precision, TimeExpression
from timeline.render.words import how_dated, how_read, kind_words

SUNDAY = DateValue("2025-01-19", dt.date(2025, 1, 19), dt.date(2025, 1, 20), Precision.DAY)


def expression(text: str, basis: Basis, resolved: bool = True) -> TimeExpression:
    return TimeExpression(0, len(text), text, "DATE", SUNDAY.value, None, SUNDAY, basis, resolved)


@pytest.mark.parametrize(
    ("text", "basis", "words"),
    [
        ("Sunday", Basis.RELATIVE, "“Sunday”, counted from the article's date"),
        ("October 7, 2023", Basis.EXPLICIT, "“October 7, 2023”, as written"),
        (None, Basis.PUBLICATION, "the day the article was published"),
        ("Sunday", Basis.CURATED, "set by an editor"),
        (
            None,
            Basis.DAY_BEFORE,
            "the day before the article was published, as other reports date what it tells",
        ),
    ],
)
def test_how_a_date_was_found_in_plain_words(text: str | None, basis: Basis, words: str) -> None:
    found = expression(text, basis) if text else None
    assert how_dated(found, basis) == words


def test_how_a_mark_was_read() -> None:
    assert how_read(expression("Sunday", Basis.RELATIVE), "19 January 2025") == (
        "Read as 19 January 2025, counted from the article's date"
    )
    assert how_read(expression("Sunday", Basis.RELATIVE, resolved=False), None).startswith(
        "Not used as a date"
    )
    assert kind_words(EventKind.HAPPENED) is None
    assert "expected" in str(kind_words(EventKind.EXPECTED))


JARGON = [
    r"\((relative|explicit|publication|curated|day-before)\)",
    r"\bline \d+, (relative|explicit)",
    r"\bid <code>",
    r"resolved against",
    r"written out in full",
    r">\s*DATE \d",
    r": (DATE|TIME) [0-9X]",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "timeline.toml", folder)
    shutil.copytree(REPO / "content", folder / "content")
    return build_site(folder).output


def visible_text(html: str) -> str:
    """The page without its tags and attributes: what a reader can see or hear."""
    return re.sub(r"<[^>]*>", " ", html)


def test_no_page_shows_the_pipelines_terms(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        for pattern in JARGON:
            assert not re.search(pattern, text), f"{page.name}: {pattern}"


def test_provenance_stays_in_attributes(built: Path) -> None:
    article = (built / "articles" / "three-women-freed-as-gaza-truce-begins.html").read_text()
    assert re.search(r'data-timex="DATE 2025-01-\d\d"', article)
    assert re.search(r'<li[^>]* data-event="[0-9a-f]{12}" data-line="\d+"', article)
    assert "counted from the article&#39;s date" in article
