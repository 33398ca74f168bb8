"""``timeline new``: a new site holds only its own files, and pins the timeline that made it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from timeline.errors import UsageError
from timeline.load.articles import load_article
from timeline.skeleton import create_article, create_site
from timeline.skeleton.install import (
    DISTRIBUTION,
    Origin,
    origin_of,
    package_wheel,
    site_requirements,
)


def test_a_new_site_has_its_own_files_and_no_copy_of_the_theme(tmp_path: Path) -> None:
    create_site(tmp_path / "site")
    files = sorted(
        p.relative_to(tmp_path / "site").as_posix()
        for p in (tmp_path / "site").rglob("*")
        if p.is_file()
    )
    assert [f for f in files if not f.startswith("wheels/")] == [
        ".github/workflows/pages.yml",
        ".gitignore",
        "content/articles/example-talks-resume.md",
        "requirements.txt",
        "timeline.toml",
    ]


def test_a_new_site_is_not_made_over_files(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine\n")
    with pytest.raises(UsageError, match="not empty"):
        create_site(tmp_path / "site")
    assert (tmp_path / "site" / "notes.txt").read_text() == "mine\n"


@pytest.mark.parametrize(
    ("direct", "origin"),
    [
        (
            {
                "url": "https://github.com/owner/timeline",
                "vcs_info": {"vcs": "git", "commit_id": "a" * 40},
            },
            Origin("0.1.0", "vcs", f"git+https://github.com/owner/timeline@{'a' * 40}"),
        ),
        (
            {"url": "file:///home/me/timeline", "dir_info": {"editable": True}},
            Origin("0.1.0", "local", "file:///home/me/timeline"),
        ),
        (
            {"url": "file:///tmp/conflict_timeline-0.1.0-py3-none-any.whl", "archive_info": {}},
            Origin("0.1.0", "local", "file:///tmp/conflict_timeline-0.1.0-py3-none-any.whl"),
        ),
    ],
)
def test_where_timeline_was_installed_from(direct: dict[str, object], origin: Origin) -> None:
    assert origin_of("0.1.0", direct) == origin


def test_the_requirement_names_exactly_the_timeline_that_made_the_site() -> None:
    from_git = site_requirements(Origin("0.1.0", "vcs", "git+https://github.com/o/t@abc"))
    assert from_git.text.endswith(f"\n{DISTRIBUTION} @ git+https://github.com/o/t@abc\n")
    assert from_git.wheel is None
    from_pypi = site_requirements(Origin("0.2.0", "index"))
    assert from_pypi.text.endswith(f"\n{DISTRIBUTION}==0.2.0\n") and from_pypi.wheel is None
    local = site_requirements(Origin("0.1.0", "local", "file:///home/me/timeline"))
    assert local.wheel is not None
    assert local.text.endswith(f"\n./wheels/{local.wheel[0]}\n")


def test_the_wheel_holds_the_package_as_it_runs_and_is_the_same_each_time() -> None:
    made = package_wheel()
    assert made is not None
    name, data = made
    assert name.startswith("conflict_timeline-") and name.endswith("-py3-none-any.whl")
    assert package_wheel() == made
    wheel = zipfile.ZipFile(io.BytesIO(data))
    names = wheel.namelist()
    assert "timeline/cli/__init__.py" in names
    assert "timeline/themes/default/templates/base.html" in names
    assert "timeline/skeleton/pages.yml" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    info = name.removesuffix("-py3-none-any.whl") + ".dist-info"
    assert names[-1] == f"{info}/RECORD"
    entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    assert "timeline = timeline.cli:run" in entry_points
    assert b"Requires-Dist: jinja2" in wheel.read(f"{info}/METADATA")
    package = Path(__file__).resolve().parents[2] / "timeline"
    assert wheel.read("timeline/cli/content.py") == (package / "cli" / "content.py").read_bytes()


def test_new_article_is_dated_today_and_named_by_its_title(tmp_path: Path) -> None:
    content = tmp_path / "content"
    path = create_article(content, 'Talks resume: "final" round', dt.date(2025, 3, 10))
    assert path == content / "articles" / "2025-03-10-talks-resume-final-round.md"
    article = load_article(path, tmp_path)
    assert article.title == 'Talks resume: "final" round'
    assert article.published == dt.date(2025, 3, 10)
    assert article.slug == "talks-resume-final-round"
    assert article.source == "" and article.url is None
    assert article.draft  # as Hugo's archetypes: published once the text is in
    with pytest.raises(UsageError, match="already exists"):
        create_article(content, 'Talks resume: "final" round', dt.date(2025, 3, 10))
    with pytest.raises(UsageError, match="needs a title"):
        create_article(content, "  ", dt.date(2025, 3, 10))
