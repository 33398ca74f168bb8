"""``timeline new``: the files of a new site, and new articles from a template.

A new site holds only what is its own: the config, an example article, the GitHub Pages
workflow and what it installs. The theme stays in the package (a site overrides it file by
file, docs/theme.md), so the site gets the theme's fixes and its pages can be reused
between builds.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path

from timeline import DISTRIBUTION
from timeline.errors import UsageError
from timeline.load.articles import page_name
from timeline.skeleton.install import (
    WHEELS,
    Requirements,
    install_origin,
    site_requirements,
)

__all__ = ["DISTRIBUTION", "create_article", "create_site", "workflow_text"]

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

_NEW_ARTICLE = """\
---
title: {title}
published: {published}
source:    # the outlet, e.g. Reuters
url:       # the link to the original report
tags: []
draft: true    # false (or delete the line) when the text is in
---

Paste the text of the report here.
"""

_GITIGNORE = "/output/\n.timeline-cache/\n"


def create_site(directory: Path) -> Requirements:
    """Write a working site into ``directory``: config, example article, CI workflow and
    the requirements that install this very timeline; returns those requirements."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise UsageError(f"{directory}: already exists and is not empty")
    articles = directory / "content" / "articles"
    articles.mkdir(parents=True)
    (directory / "timeline.toml").write_text(_CONFIG, encoding="utf-8")
    (articles / "example-talks-resume.md").write_text(_ARTICLE, encoding="utf-8")
    (directory / ".gitignore").write_text(_GITIGNORE, encoding="utf-8")
    workflow = directory / ".github" / "workflows" / "pages.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(workflow_text(), encoding="utf-8")
    requirements = site_requirements(install_origin())
    (directory / "requirements.txt").write_text(requirements.text, encoding="utf-8")
    if requirements.wheel is not None:
        name, data = requirements.wheel
        (directory / WHEELS).mkdir()
        (directory / WHEELS / name).write_bytes(data)
    return requirements


def create_article(content: Path, title: str, today: dt.date) -> Path:
    """A new article in ``content/articles`` named by ``today`` and the title, from a
    template with the front matter filled in; an existing file is never replaced."""
    if not title.strip():
        raise UsageError('the article needs a title: timeline new article "Title"')
    folder = content / "articles"
    path = folder / f"{today.isoformat()}-{page_name(title)}.md"
    if path.exists():
        raise UsageError(f"{path}: already exists")
    folder.mkdir(parents=True, exist_ok=True)
    text = _NEW_ARTICLE.format(title=_yaml_text(title.strip()), published=today.isoformat())
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    return path


def workflow_text() -> str:
    """The GitHub Actions workflow of a new site: install what requirements.txt names,
    build, and publish with the Pages actions."""
    return (files("timeline") / "skeleton" / "pages.yml").read_text(encoding="utf-8")


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: a JSON string is one, whatever quotes or colons it holds."""
    return json.dumps(text, ensure_ascii=False)
