"""A new user's first hour, played end to end with the installed command (issue 18's measure).

``timeline new``; a Hugo article and an Arabic one added; build; check and its warnings;
serve, where an edit shows; the generated GitHub Actions workflow's own steps in a fresh
virtual environment, against the copy of timeline the site carries; deploy to a local bare
repository, twice.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

TIMELINE = Path(sys.executable).parent / "timeline"

HUGO = """\
---
title: "Ceasefire talks resume in Cairo"
date: 2025-02-03T18:10:00+02:00
lastmod: 2025-02-04T09:00:00+02:00
slug: talks-resume-cairo
description: Delegations met again after a week.
categories: [Diplomacy]
tags: [gaza, ceasefire]
aliases: [/2025/02/talks-resume/]
author: Jane Doe
weight: 10
draft: false
source: Example Agency
url: https://agency.example/talks
---

Talks between the two delegations resumed in Cairo on 3 February 2025, officials said.
"""

ARABIC = """\
---
title: استئناف المفاوضات
published: March 18, 2025
source: وكالة الأنباء
url: https://news.example/ar/1
---

أعلنت الحكومة يوم الثلاثاء 18 مارس 2025 أن المفاوضات ستستأنف في القاهرة الأسبوع المقبل.
"""


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [str(TIMELINE), *args] if args[0] != "git" else list(args)
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, env=env or _git_env(cwd)
    )


def _git_env(cwd: Path) -> dict[str, str]:
    identity = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    return {**os.environ, **identity, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd.parent)}


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_the_first_hour(tmp_path: Path) -> None:
    ok(run("new", "mysite", cwd=tmp_path))
    site = tmp_path / "mysite"
    (site / "content" / "articles" / "talks.md").write_text(HUGO, encoding="utf-8")
    (site / "content" / "articles" / "ar.md").write_text(ARABIC, encoding="utf-8")

    built = ok(run("build", cwd=site))
    assert "content/articles/ar.md:7: dates not read: the text looks like Arabic" in built.stderr
    assert "Built" in built.stderr and "in 3 articles" in built.stderr
    talks = (site / "output" / "articles" / "talks-resume-cairo.html").read_text(encoding="utf-8")
    assert "Ceasefire talks resume in Cairo" in talks
    moved = site / "output" / "2025" / "02" / "talks-resume" / "index.html"
    assert "url=../../../articles/talks-resume-cairo.html" in moved.read_text(encoding="utf-8")

    checked = ok(run("check", cwd=site))
    assert "Read 3 articles:" in checked.stderr
    assert "content/articles/ar.md:7: dates not read: the text looks like Arabic" in checked.stdout
    assert "talks.md:11: front matter key 'weight' is not one timeline reads" in checked.stdout
    assert run("check", "--strict", cwd=site).returncode == 1

    _serve_shows_an_edit(site)
    ok(run("git", "init", "-q", "-b", "main", cwd=site))
    ok(run("git", "add", ".", cwd=site))
    ok(run("git", "commit", "-q", "-m", "A new timeline", cwd=site))
    _workflow_builds_in_a_fresh_environment(site, tmp_path / "runner")
    _deploys_to_a_bare_repository(site, tmp_path / "pages.git")


def _serve_shows_an_edit(site: Path) -> None:
    process = subprocess.Popen(
        [str(TIMELINE), "serve", "--port", "0"], cwd=site, stderr=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or ()), daemon=True)
    reader.start()
    try:
        url = _wait(lambda: _serving_url(lines))
        page = url + "articles/talks-resume-cairo.html"
        assert "Ceasefire talks resume in Cairo" in _get(page)
        article = site / "content" / "articles" / "talks.md"
        article.write_text(HUGO.replace("resume in Cairo", "reopen in Cairo"), encoding="utf-8")
        _wait(lambda: "Ceasefire talks reopen in Cairo" in _get(page))
        article.write_text(HUGO, encoding="utf-8")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()
        reader.join(timeout=5)
        if process.stderr is not None:
            process.stderr.close()
    assert "Traceback" not in "".join(lines)


def _workflow_builds_in_a_fresh_environment(site: Path, runner: Path) -> None:
    """The build job's own ``run:`` steps, read from the generated workflow, in a fresh clone
    of the site with a fresh virtual environment first on the PATH (as on a runner)."""
    ok(run("git", "clone", "-q", str(site), str(runner), cwd=site.parent))
    workflow = yaml.safe_load((runner / ".github" / "workflows" / "pages.yml").read_text())
    steps: list[dict[str, Any]] = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert [command.strip() for command in commands] == [
        "pip install -r requirements.txt",
        "timeline build",
    ]
    venv = runner.parent / "runner-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    for command in commands:
        done = subprocess.run(
            ["bash", "-e", "-c", command],
            cwd=runner, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import timeline; print(timeline.__file__)"],
        cwd=runner, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert installed.stdout.startswith(str(venv))  # not the timeline that runs this test
    assert (runner / "output" / "articles" / "talks-resume-cairo.html").is_file()
    shutil.rmtree(venv)


def _deploys_to_a_bare_repository(site: Path, remote: Path) -> None:
    ok(run("git", "init", "-q", "--bare", str(remote), cwd=site.parent))
    ok(run("git", "remote", "add", "origin", str(remote), cwd=site))
    first = ok(run("deploy", cwd=site))
    assert "Committed" in first.stdout and "Pushed to origin" in first.stdout
    published = ok(run("git", "ls-tree", "-r", "--name-only", "gh-pages", cwd=remote)).stdout
    assert "articles/talks-resume-cairo.html" in published.splitlines()
    again = ok(run("deploy", cwd=site))
    assert "Nothing changed" in again.stdout
    count = ok(run("git", "rev-list", "--count", "gh-pages", cwd=remote)).stdout
    assert count.strip() == "1"


def _serving_url(lines: list[str]) -> str | None:
    for line in lines:
        if line.startswith("Serving at "):
            return line.split()[2]
    return None


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return str(answer.read().decode("utf-8"))


def _wait(probe: Any, timeout: float = 60) -> Any:
    """The first true value of ``probe()``, asked again until ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("waited in vain")
