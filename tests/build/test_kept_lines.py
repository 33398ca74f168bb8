"""The last build's export lines read from disk agree with decoding the whole document."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline.build.kept_lines as kept_module
from timeline.build.kept_lines import kept_lines
from timeline.render.exports import json_lines_items, json_lines_text

LINES = ['{"id": "a", "t": "é"}', '{"id": "b", "text": "line\\nbreak, and \u2028"}', "[1],"]
KEYS = ["k1", "k2", "k3"]


def _read(tmp_path: Path, document: bytes, keys: list[str]) -> dict[str, str] | None:
    path = tmp_path / "timeline.json"
    path.write_bytes(document)
    found = kept_lines(path, keys)
    if found is None:
        return None
    try:
        return dict(found)
    finally:
        found.close()


def _decoded(document: bytes, keys: list[str]) -> dict[str, str] | None:
    items = json_lines_items(document, len(keys))
    return None if items is None else dict(zip(keys, items, strict=True))


DOCUMENT = json_lines_text({"title": "T"}, "entries", LINES)
SHAPES = [
    DOCUMENT,
    DOCUMENT[:-1],
    DOCUMENT.replace(b"},\n", b"}\n", 1),
    DOCUMENT.replace(b"]}\n", b"]}}\n"),
    DOCUMENT.replace(b"]}\n", b"]\n"),
    DOCUMENT + b"\n",
    b"\xff" + DOCUMENT,
    DOCUMENT.replace("é".encode(), b"\xc3"),
    json_lines_text({}, "entries", []),
    json_lines_text({}, "entries", ["x"]),
    b"",
]


@pytest.mark.parametrize("chunk", [1, 2, 7, 1 << 20])
@pytest.mark.parametrize("document", SHAPES)
def test_kept_lines_are_the_lines_of_the_decoded_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: bytes, chunk: int
) -> None:
    monkeypatch.setattr(kept_module, "_CHUNK", chunk)  # line breaks and commas across chunks
    for keys in (KEYS, KEYS[:1], KEYS[:2], [*KEYS, "k4"], ["k1", "k1", "k2"], []):
        assert _read(tmp_path, document, keys) == _decoded(document, keys)


def test_kept_lines_of_a_missing_file_are_none(tmp_path: Path) -> None:
    assert kept_lines(tmp_path / "none.json", KEYS) is None


def test_kept_lines_of_the_first_document_survive_its_replacement(tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    path.write_bytes(DOCUMENT)
    found = kept_lines(path, KEYS)
    assert found is not None
    path.unlink()  # as a build's output folder is swapped after the last read
    try:
        assert found["k2"] == LINES[1]
        assert len(found) == 3 and list(found) == KEYS
    finally:
        found.close()
