"""What the coarse-mention pass (``coarse.py``) keeps track of between merges: the finer
entries of a month that are new since the last merge, compared alone with the coarse
mentions kept from it."""

from __future__ import annotations

from timeline.model import Entry


class NewEntries:
    """The finer entries of a month that were not among them last time, with their places:
    worked out once for all the coarse mentions spanning the month."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, int], list[tuple[int, Entry]]] = {}
        self._ids: dict[tuple[int, int], set[int]] = {}
        self._places: dict[int, dict[int, int]] = {}

    def of(
        self, before: tuple[Entry | None, ...], now: tuple[Entry, ...]
    ) -> list[tuple[int, Entry]]:
        """The entries of ``now`` not in ``before`` (by identity), with their places."""
        key = (id(before), id(now))
        found = self._found.get(key)
        if found is None:
            old = {id(entry) for entry in before if entry is not None}
            found = self._found[key] = [
                (place, entry) for place, entry in enumerate(now) if id(entry) not in old
            ]
        return found

    def ids(self, before: tuple[Entry | None, ...], now: tuple[Entry, ...]) -> set[int]:
        """The object ids of the entries of ``now`` not in ``before``."""
        key = (id(before), id(now))
        found = self._ids.get(key)
        if found is None:
            found = self._ids[key] = {id(entry) for _, entry in self.of(before, now)}
        return found

    def place(self, now: tuple[Entry, ...], entry: Entry) -> int | None:
        """Where ``entry`` (that object) is in ``now``, if it is."""
        places = self._places.get(id(now))
        if places is None:
            places = self._places[id(now)] = {id(e): at for at, e in enumerate(now)}
        return places.get(id(entry))
