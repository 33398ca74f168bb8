"""What the ranking reads of an entry alone (``rank.entry_traits``), whatever the rest of
the collection says: a merge kept between builds keeps it with the entry
(``merge/record.py``), so that a kept entry is not read again.

Its sets of words are kept as text, a few strings an entry rather than two sets: the
ranking holds the traits of every entry at once, at the peak of a build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Traits:
    """What the evidence of an entry reads of the entry alone."""

    told: str
    """The content words of the report that gives the entry its text (``rank.told_words``),
    as ``words_text``."""
    words: str
    """The content words of the entry's text (``is_double`` compares them), as ``words_text``:
    mostly those of ``told``, and then the same string."""
    statement: bool
    """Every source's date only says when someone spoke (``rank.is_statement``)."""
    needs_context: bool
    """``readable.needs_context`` of its text."""

    def told_words(self) -> frozenset[str]:
        """``told`` as a set."""
        return _words(self.told)

    def text_words(self) -> frozenset[str]:
        """``words`` as a set."""
        return _words(self.words)


def words_text(words: frozenset[str]) -> str:
    """Content words as one text, sorted, one space apart (a content word holds none)."""
    return " ".join(sorted(words))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" ")) if text else frozenset()
