"""Writing the output: a file given in pieces is written, and kept, like one given whole."""

from __future__ import annotations

from pathlib import Path

from timeline.write import write_output


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
