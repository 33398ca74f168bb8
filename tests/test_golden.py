"""The whole built tree of tests/sites/sample, compared byte for byte with tests/golden/.

Regenerate after an intended change with ``python -m pytest tests/test_golden.py
--update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import TESTS, tree
from timeline.build import build_site

GOLDEN = TESTS / "golden" / "sample"


def test_sample_site_matches_golden_tree(
    sample_site: Path, tmp_path: Path, update_golden: bool
) -> None:
    built = tmp_path / "built"
    build_site(sample_site, output=built)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(built, GOLDEN)
    expected, actual = tree(GOLDEN), tree(built)
    assert sorted(actual) == sorted(expected)
    for name, data in expected.items():
        assert actual[name] == data, f"{name} differs from the golden file"
