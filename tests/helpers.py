"""Small helpers the tests share."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, which the browser tests drive (never a downloaded browser)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Flags for a root user on a machine whose only network is the package registries."""


def load_bench(script: str, name: str) -> ModuleType:
    """A script of ``bench/`` loaded as the module ``name`` (benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_article(site: Path, name: str, text: str) -> Path:
    """Write an article file into a site's content/articles folder."""
    path = site / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of the site below ``folder`` by its relative path, with its bytes (the
    build's marker, a note to the next build and never published, left out)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p != folder / ".timeline-output"
    }
