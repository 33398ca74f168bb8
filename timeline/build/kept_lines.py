"""The item lines of the last build's line exports, read from disk when asked for.

A build that takes unchanged entries' lines over from the last build's ``timeline.json``
and ``timelinejs.json`` (``render.Reuse.lines``) once decoded both whole and kept every
line: ~120 MB of files, ~290 MB of memory at 10,000 articles. ``KeptLines`` keeps where
each line lies in the file instead, and reads a line when the export asks for it.
"""

from __future__ import annotations

import codecs
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1 << 20
"""How much of a document is scanned at a time."""


class KeptLines(Mapping[str, str]):
    """The item lines of a ``json_lines_document`` on disk, by a key of each (in order),
    each read and decoded when it is asked for, as ``json_lines_items`` would give it."""

    def __init__(self, stream: BinaryIO, keys: Sequence[str], breaks: array[int]) -> None:
        self._stream = stream
        self._breaks = breaks  # where each line break is: item i lies between i and i + 1
        self._count = len(keys)
        self._index = {key: number for number, key in enumerate(keys)}  # the last one wins

    def __getitem__(self, key: str) -> str:
        number = self._index[key]
        start = self._breaks[number] + 1
        end = self._breaks[number + 1] - (number < self._count - 1)  # not the comma
        self._stream.seek(start)  # not os.pread: Windows has none
        return self._stream.read(end - start).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def close(self) -> None:
        """Close the file (its lines can no longer be read)."""
        self._stream.close()


def kept_lines(path: Path, keys: Sequence[str]) -> KeptLines | None:
    """The item lines of the ``json_lines_document`` at ``path`` by ``keys``, one a line
    in order, or None if the file cannot be read or has not that shape (one item for each
    key, valid UTF-8: what ``json_lines_items`` accepts). The file stays open until
    ``close``: the caller must not let it be written meanwhile (the build writes its output
    to a new folder)."""
    try:
        stream = path.open("rb")
    except OSError:
        return None
    try:
        breaks = _shape(stream, len(keys))
    except BaseException:
        stream.close()
        raise
    if breaks is None:
        stream.close()
        return None
    return KeptLines(stream, keys, breaks)


def _shape(stream: BinaryIO, count: int) -> array[int] | None:
    """Where the line breaks of a document of ``count`` items lie, scanning it a chunk at a
    time (never whole), or None if it has not that shape."""
    if count == 0:
        return None
    breaks = array("q")
    commas = bytearray()  # whether each line break comes right after a comma
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, last = 0, b""
    while chunk := stream.read(_CHUNK):
        try:
            decoder.decode(chunk)  # only to refuse what is not UTF-8, as decoding whole would
        except UnicodeDecodeError:
            return None
        found = chunk.find(b"\n")
        while found >= 0:
            breaks.append(offset + found)
            before = chunk[found - 1 : found] if found else last
            commas.append(before == b",")
            found = chunk.find(b"\n", found + 1)
        offset += len(chunk)
        last = chunk[-1:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    # count + 3 pieces between the line breaks: head, the items, "]}" and nothing.
    if len(breaks) != count + 2 or breaks[-1] != offset - 1:
        return None
    stream.seek(breaks[-2] + 1)
    if stream.read(3) != b"]}\n":
        return None
    if not all(commas[1:count]):  # every item but the last ends with a comma
        return None
    return breaks
