"""Hypothesis pieces for texts that test a quick gate against its pattern: a gate looks in the
lower-cased text, while the pattern ignores case, so words come in three cases and with the
letters that match another one only when case is ignored ("ſ" is "s", "K" (Kelvin) is "k")."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st

FOLDING_LETTERS = ("\u017f", "\u0131", "\u0130", "\u212a", "é")
"""Long s, dotless i, dotted capital I, the Kelvin sign, and an accented letter for contrast."""


def cased_words(vocabulary: Iterable[str]) -> st.SearchStrategy[str]:
    """A word of ``vocabulary`` as written, in capitals or capitalized."""
    return st.sampled_from(sorted(set(vocabulary))).flatmap(
        lambda word: st.sampled_from([word, word.upper(), word.capitalize()])
    )
