"""The installed package, not the repository: `pip install .` then `timeline new` and build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def run(*args: str, cwd: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_installed_package_creates_and_builds_a_site_outside_the_repository(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source)
    shutil.copytree(REPO / "themes", source / "themes")
    shutil.copytree(
        REPO / "timeline",
        source / "timeline",
        symlinks=True,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    site_packages = tmp_path / "site-packages"
    installed = run(
        "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site_packages),
        str(source), cwd=tmp_path, site=site_packages,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    where = run("-c", "import timeline; print(timeline.__file__)", cwd=tmp_path, site=site_packages)
    assert where.stdout.startswith(str(site_packages)), where.stdout
    assert (site_packages / "timeline" / "themes" / "default" / "templates" / "base.html").is_file()
    assert run("-m", "timeline", "new", "mysite", cwd=tmp_path, site=site_packages).returncode == 0
    built = run("-m", "timeline", "build", cwd=tmp_path / "mysite", site=site_packages)
    assert built.returncode == 0, built.stderr
    index = (tmp_path / "mysite" / "output" / "index.html").read_text(encoding="utf-8")
    assert "<time datetime=" in index
    assert (tmp_path / "mysite" / ".github" / "workflows" / "pages.yml").is_file()
