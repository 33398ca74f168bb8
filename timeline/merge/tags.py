"""Tags that fit an entry: of the tags its sources' articles carry, those its own words name.

An article about Gaza City tagged ``west-bank`` because one paragraph mentions Jenin must
not put ``#west-bank`` on the Gaza City entry. A tag fits an entry when the entry's text,
one of its sources' sentences or one of their headlines names it, word by word, allowing
the usual endings ("hostages" names ``hostage``, "Gazans" ``gaza``, "West Bank"
``west-bank``): a headline says what the whole report is about, a paragraph that mentions
another place does not. Entries an editor wrote
keep the tags the editor gave them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from timeline.model import Entry

_SEPARATORS = re.compile(r"[\s_\-/]+")
_SHORTEST_STEM = 4
"""A tag word is matched on its first len - 2 letters (the endings vary), but never fewer
than these: "gaza" must be "gaza", not "ga"."""


@lru_cache(maxsize=4096)
def tag_pattern(tag: str) -> re.Pattern[str]:
    """The words of a tag as they may be written in a sentence."""
    words = [w for w in _SEPARATORS.split(tag.lower()) if w]
    stems = [w[: max(_SHORTEST_STEM, len(w) - 2)] for w in words]
    return re.compile(r"\b" + r"[\s\-]+".join(re.escape(s) + r"\w*" for s in stems), re.I)


def tag_words(entry: Entry) -> str:
    """What a tag must be named in to fit an entry: its text, its sources' sentences and
    their headlines (with its tags, all that ``fitting_tags`` reads of an entry not curated)."""
    headlines = dict.fromkeys(s.article.title for s in entry.sources)
    return " ".join([entry.text, *(s.sentence for s in entry.sources), *headlines])


def fitting_tags(entry: Entry) -> tuple[str, ...]:
    """The entry's tags that its text, its sources' sentences or their headlines name, in
    their order."""
    if entry.curated:
        return entry.tags
    words = tag_words(entry)
    return tuple(tag for tag in entry.tags if tag_pattern(tag).search(words))


def fit_tags(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Every entry with only the tags that fit it (the same entry when all do)."""
    fitted = []
    for entry in entries:
        tags = fitting_tags(entry)
        fitted.append(entry if tags == entry.tags else replace(entry, tags=tags))
    return tuple(fitted)
