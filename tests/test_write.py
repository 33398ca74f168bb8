"""Writing the output: a file given in pieces is written, and kept, like one given whole;
only a folder the build made is replaced; what stopped builds left is removed."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import tree
from timeline.errors import OutputError, UsageError
from timeline.write import MARKER, write_output


def test_a_file_in_pieces_is_written_and_kept_when_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "output"
    first = write_output(target, [("big.json", iter([b"ab", b"cd"]))], {})
    assert (target / "big.json").read_bytes() == b"abcd"
    assert first.changed == 1
    inode = (target / "big.json").stat().st_ino
    second = write_output(target, [("big.json", iter([b"a", b"bcd"]))], {})
    assert second.changed == 0
    assert (target / "big.json").stat().st_ino == inode  # the previous file, linked
    for pieces in ([b"abc"], [b"abcde"], [b"abce"]):  # shorter, longer, other bytes
        third = write_output(target, [("big.json", iter(pieces))], {})
        assert third.changed == 1
        assert (target / "big.json").read_bytes() == b"".join(pieces)
    assert sorted(p.name for p in target.iterdir()) == [".timeline-output", "big.json"]


def test_the_marker_lists_what_the_build_wrote(tmp_path: Path) -> None:
    target = tmp_path / "output"
    write_output(target, {"index.html": b"i", "a/b.html": b"b"}, {})
    marker = (target / MARKER).read_text(encoding="utf-8").splitlines()
    assert [line for line in marker if not line.startswith("#")] == ["a/b.html", "index.html"]
    write_output(target, {"index.html": b"i"}, {})  # what the last build wrote may go
    assert not (target / "a").exists()


@pytest.mark.parametrize(
    ("placed", "named"),
    [
        ({"CNAME": "example.org"}, "CNAME"),
        ({".git/HEAD": "ref: refs/heads/gh-pages"}, ".git/"),
        ({"a/notes.txt": "mine"}, "a/notes.txt"),
        ({"mine/x.txt": "mine"}, "mine/"),
    ],
)
def test_a_file_the_build_did_not_write_is_never_deleted(
    tmp_path: Path, placed: dict[str, str], named: str
) -> None:
    target = tmp_path / "output"
    write_output(target, {"index.html": b"i", "a/b.html": b"b"}, {})
    for path, text in placed.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text, encoding="utf-8")
    before = tree(target)
    with pytest.raises(UsageError, match=f"would delete what it did not write: {re.escape(named)}"):
        write_output(target, {"index.html": b"new"}, {})
    assert tree(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_folder_of_an_earlier_version_is_replaced_when_nothing_is_lost(tmp_path: Path) -> None:
    target = tmp_path / "output"
    target.mkdir()
    for name in ("index.html", "timeline.json"):
        (target / name).write_text("old", encoding="utf-8")
    write_output(target, {"index.html": b"i", "timeline.json": b"{}"}, {})
    assert (target / MARKER).is_file() and (target / "index.html").read_bytes() == b"i"
    (target / MARKER).unlink()
    (target / "gone.html").write_text("an article removed since", encoding="utf-8")
    with pytest.raises(UsageError, match=r"gone\.html"):
        write_output(target, {"index.html": b"i", "timeline.json": b"{}"}, {})
    assert (target / "gone.html").is_file()


def test_a_link_or_a_file_in_the_output_folders_place_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "output").symlink_to(elsewhere)
    with pytest.raises(UsageError, match="is a symbolic link"):
        write_output(tmp_path / "output", {"index.html": b"i"}, {})
    (tmp_path / "output").unlink()
    (tmp_path / "output").write_text("a file", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file"):
        write_output(tmp_path / "output", {"index.html": b"i"}, {})
    assert (elsewhere / "keep.txt").is_file()
    assert (tmp_path / "output").read_text(encoding="utf-8") == "a file"


def test_what_stopped_builds_left_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "output"
    for name in (".output-new-ab12cd34", ".output-old-x_9yz0w1/output"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("half", encoding="utf-8")
    (tmp_path / ".output-new-notes").mkdir()  # not a name a build makes
    write_output(target, {"index.html": b"i"}, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-new-notes", "output"]


def test_an_error_while_writing_leaves_nothing_beside_the_output(tmp_path: Path) -> None:
    target = tmp_path / "output"
    write_output(target, {"index.html": b"i"}, {})

    def files() -> Iterator[tuple[str, bytes]]:
        yield "index.html", b"new"
        raise RuntimeError("a page failed")

    with pytest.raises(RuntimeError):
        write_output(target, files(), {})
    assert tree(target) == {"index.html": b"i"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_second_build_writing_beside_the_same_output_is_told_so(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    target = tmp_path / "output"
    write_output(target, {"index.html": b"i"}, {})
    (tmp_path / ".output-new-ab12cd34").mkdir()  # the other build's, being written
    handle = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputError, match="another build is writing it now"):
            write_output(target, {"index.html": b"new"}, {})
    finally:
        os.close(handle)
    assert (tmp_path / ".output-new-ab12cd34").is_dir()
    assert tree(target) == {"index.html": b"i"}
