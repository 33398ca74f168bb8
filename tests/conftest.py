"""Shared fixtures: sample sites on disk and the golden-tree switch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import TESTS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output instead of comparing with it.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def sample_site(tmp_path: Path) -> Path:
    """A copy of tests/sites/sample that a test may change."""
    target = tmp_path / "sample"
    shutil.copytree(TESTS / "sites" / "sample", target)
    return target
