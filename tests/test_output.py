"""Writing the site: all or nothing, in several processes, unchanged files kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import tree, write_article
from timeline.build import build_site
from timeline.output import write_output


def numbered(start: int, stop: int) -> Iterator[tuple[str, bytes]]:
    for number in range(start, stop):
        yield f"pages/{number}.html", f"<p>{number}</p>\n".encode()


def test_files_made_in_workers_land_beside_the_others(tmp_path: Path) -> None:
    target = tmp_path / "output"
    written = write_output(
        target, numbered(0, 10), {}, elsewhere=[lambda: numbered(10, 20), lambda: numbered(20, 30)]
    )
    assert (written.files, written.changed) == (30, 30)
    assert tree(target) == dict(numbered(0, 30))
    again = write_output(target, numbered(0, 10), {}, elsewhere=[lambda: numbered(10, 30)])
    assert (again.files, again.changed) == (30, 0)


def failing() -> Iterator[tuple[str, bytes]]:
    yield "pages/x.html", b"x"
    raise ValueError("a template broke")


def test_a_failing_worker_fails_the_write_and_keeps_the_previous_site(tmp_path: Path) -> None:
    target = tmp_path / "output"
    write_output(target, numbered(0, 3), {})
    with pytest.raises(RuntimeError, match="ValueError: a template broke"):
        write_output(target, numbered(0, 5), {}, elsewhere=[failing])
    assert tree(target) == dict(numbered(0, 3))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_large_site_rendered_in_two_processes_is_byte_identical(
    sample_site: Path, tmp_path: Path
) -> None:
    for number in range(520):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=number)
        write_article(
            sample_site,
            f"note-{number:03d}.md",
            f"---\ntitle: Note {number}\npublished: {day.isoformat()}\n---\n\n"
            f"Convoy {number} reached the crossing on {day.strftime('%d %B %Y')}.\n",
        )
    build_site(sample_site, output=tmp_path / "one", jobs=1, use_cache=False)
    build_site(sample_site, output=tmp_path / "two", jobs=2, use_cache=False)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
