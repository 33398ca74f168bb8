"""bench/build.py: an article edited by an earlier, killed run is measured as it was."""

from __future__ import annotations

import pytest

from tests.helpers import load_bench

bench = load_bench("build.py", "bench_build")
EDIT = "\nBench edit {} {}: talks resumed on Tuesday.\n"
TEXT = "---\ntitle: Strike\n---\n\nThe figures could not be independently verified.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TEXT, TEXT),
        (TEXT + EDIT.format(0, 1796563114844393643), TEXT),
        (TEXT + EDIT.format(0, 1) + EDIT.format(1, 2), TEXT),
        # the sentence is the article's own when it is not the last thing in it
        (TEXT + EDIT.format(0, 1) + "More text.\n", TEXT + EDIT.format(0, 1) + "More text.\n"),
    ],
)
def test_earlier_bench_edits_are_taken_off(text: str, expected: str) -> None:
    assert bench.without_bench_edits(text) == expected
