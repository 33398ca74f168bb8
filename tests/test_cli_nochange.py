"""A build with nothing changed imports none of the stages it does not run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import tree, write_article

# Runs ``timeline build`` in this process and prints its exit code and the modules it
# imported: what a ``timeline build`` process has loaded when it ends.
WRAPPER = """
import json, sys
from timeline.cli import main
try:
    main(["build"])
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NOT_NEEDED = (
    "timeline.build.extraction",  # extraction and its worker processes
    "timeline.build.parallel",
    "concurrent.futures",
    "multiprocessing",
    "timeline.merge.corrections",  # merging, ranking and tagging
    "timeline.merge.rank",
    "timeline.merge.tags",
    "timeline.write",  # writing the output folder
    "timeline.serve",  # the other commands' stages
    "timeline.deploy",
    "timeline.skeleton",
    "timeline.cli.inspect",
    "timeline.extract",  # the stages themselves, and what they parse and render with
    "timeline.merge",
    "timeline.render",
    "timeline.build.codec",
    "timeline.build.kept_codec",
    "timeline.build.doubts",
    "jinja2",
    "yaml",
    "dateutil",
    "markdown",
)
"""Modules a build that finds nothing changed has no use for."""

NEEDED = (
    "timeline",
    "timeline.build",  # the build and the store it reads the last build's record from
    "timeline.build.inputs",
    "timeline.build.report",
    "timeline.build.store",
    "timeline.cli",  # the command, without what check and extract print (cli.inspect)
    "timeline.cli.common",
    "timeline.cli.content",
    "timeline.cli.site",
    "timeline.config",
    "timeline.errors",
    "timeline.load",  # where the articles and the theme are, and no parser
    "timeline.load.files",
    "timeline.load.themes",
    "timeline.model",
)
"""Every module of the package such a build loads: what it needs to find nothing changed."""

ARTICLE = """---
title: Talks resume in Cairo
date: 2024-03-04
source: Example Wire
url: https://example.org/talks
---
Negotiators met in Cairo on 3 March 2024 to resume the talks.
"""


def build_in(site: Path) -> tuple[int, set[str], str]:
    """Exit code, imported modules and messages of ``timeline build`` in ``site``."""
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.splitlines()[-1])
    return answer["code"], set(answer["modules"]), result.stderr


def small_site(folder: Path) -> Path:
    """A site of one article, without a theme of its own."""
    site = folder / "site"
    site.mkdir()
    (site / "timeline.toml").write_text('title = "Talks"\n', encoding="utf-8")
    write_article(site, "talks.md", ARTICLE)
    return site


def test_a_build_with_nothing_changed_imports_no_stage_it_skips(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    code, first, _ = build_in(site)
    assert code == 0
    assert {"timeline.build.extraction", "timeline.write"} <= first  # the wrapper sees them
    built = tree(site / "output")

    code, modules, messages = build_in(site)

    assert code == 0
    assert "(0 changed)" in messages and "1 article" in messages
    assert tree(site / "output") == built
    assert sorted(modules.intersection(NOT_NEEDED)) == []
    assert sorted(m for m in modules if m.split(".")[0] == "timeline") == sorted(NEEDED)


def test_a_changed_article_is_still_built(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    assert build_in(site)[0] == 0
    write_article(site, "talks.md", ARTICLE.replace("Cairo on", "Doha on"))

    code, modules, messages = build_in(site)

    assert code == 0
    assert "(0 changed)" not in messages
    assert "Doha" in (site / "output" / "articles" / "talks.html").read_text(encoding="utf-8")
    assert {"timeline.build.extraction", "timeline.write"} <= modules
