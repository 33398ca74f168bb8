"""Which entries an entry reacts to, and which react to it, as the pages show them.

Merging links a reaction (a condemnation of a strike) to the entry it reacts to
(``Entry.related``); a page shows the link both ways: "In reaction to: …" under the
reaction, "Reactions: …" under what it reacts to. Showing another entry's text, date and
page makes a page depend on that entry, so page digests follow these links too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from timeline.model import Entry


@dataclass(frozen=True, slots=True)
class Relations:
    """Both directions of the reaction links between the entries of one timeline."""

    reacts_to: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)
    """By entry id, the entries it reacts to, in the order of its ``related`` ids."""
    reactions: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)
    """By entry id, the entries that react to it, in timeline order."""


def relations(entries: Iterable[Entry]) -> Relations:
    """The reaction links of ``entries`` (in timeline order), both ways; a related id that
    names no entry of the timeline (one an editor hid) is left out."""
    entries = list(entries)
    by_id = {entry.id: entry for entry in entries}
    reacts_to: dict[str, tuple[Entry, ...]] = {}
    reactions: dict[str, list[Entry]] = {}
    for entry in entries:
        targets = tuple(by_id[i] for i in entry.related if i in by_id and i != entry.id)
        if targets:
            reacts_to[entry.id] = targets
        for target in targets:
            reactions.setdefault(target.id, []).append(entry)
    return Relations(reacts_to, {key: tuple(value) for key, value in reactions.items()})
