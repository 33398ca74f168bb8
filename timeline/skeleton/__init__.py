"""``timeline new``: the files of a new site, written to a folder that must not exist yet."""

from __future__ import annotations

import json
import shutil
from importlib.metadata import PackageNotFoundError, distribution, version
from importlib.resources import files
from pathlib import Path

from timeline.errors import UsageError

_CONFIG = """\
# The settings of this timeline site; every key is described in timeline's docs/content.md.
title = "My conflict timeline"
description = "A dated, sourced record built from news reports."
# Where the site will be served from; for GitHub project pages: https://USER.github.io/REPO/
base_url = "/"
# Read 10/7/2023 as 10 July 2023 rather than October 7.
day_first = false
"""

_ARTICLE = """\
---
title: Example report - replace me with a real article
published: 2025-02-03T09:00:00+00:00
source: Example News Agency
url: https://news.example/2025/02/03/example
tags: [example]
---

Talks between the two delegations resumed on Monday in the capital, officials said.

The first round of negotiations had opened on January 21, 2025, and broke down a week later
without an agreement.
"""

_GITIGNORE = "/output/\n.timeline-cache/\n"


def create_site(directory: Path) -> None:
    """Write a working site into ``directory``: config, example article, theme, CI workflow."""
    if directory.exists() and any(directory.iterdir()):
        raise UsageError(f"{directory}: already exists and is not empty")
    articles = directory / "content" / "articles"
    articles.mkdir(parents=True)
    (directory / "timeline.toml").write_text(_CONFIG, encoding="utf-8")
    (articles / "example-talks-resume.md").write_text(_ARTICLE, encoding="utf-8")
    (directory / ".gitignore").write_text(_GITIGNORE, encoding="utf-8")
    _copy_theme(directory / "themes" / "default")
    _copy_workflow(directory / ".github" / "workflows" / "pages.yml")
    (directory / "requirements.txt").write_text(requirements_text(), encoding="utf-8")


def requirements_text() -> str:
    """What the site's GitHub Actions workflow installs: this very timeline, where it can.

    A timeline installed from a git repository is pinned to its commit; one installed from
    a folder can only be named by version, with a note to point it at its repository.
    """
    origin = _install_origin()
    header = "# What GitHub Actions installs to build this site (.github/workflows/pages.yml).\n"
    if origin is not None:
        return header + origin + "\n"
    return (
        header + "# timeline was installed from a local folder when this site was made: point\n"
        "# the line below at your copy, e.g. timeline @ git+https://github.com/OWNER/timeline\n"
        f"timeline=={_version()}\n"
    )


def _install_origin() -> str | None:
    try:
        raw = distribution("timeline").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    data = json.loads(raw or "{}")
    vcs, url = data.get("vcs_info"), data.get("url")
    if not isinstance(vcs, dict) or not url:
        return None
    return f"timeline @ {vcs.get('vcs', 'git')}+{url}@{vcs.get('commit_id', '')}".rstrip("@")


def _version() -> str:
    try:
        return version("timeline")
    except PackageNotFoundError:
        return "0"


def _copy_theme(target: Path) -> None:
    builtin = Path(str(files("timeline") / "themes" / "default"))
    shutil.copytree(builtin, target)


def _copy_workflow(target: Path) -> None:
    workflow = files("timeline") / "skeleton" / "pages.yml"
    if workflow.is_file():
        target.parent.mkdir(parents=True)
        target.write_text(workflow.read_text(encoding="utf-8"), encoding="utf-8")
