"""``timeline deploy`` against real git repositories in ``tmp_path``: no mocks.

Each test has a source repository with one commit, a bare repository as its ``origin`` and an
``output/`` folder of files, and checks what lands on ``gh-pages`` and that the source
repository's HEAD, index and working files are byte for byte as they were.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import REPO
from timeline.deploy import (
    MARKER,
    DeployOptions,
    DeployResult,
    check_base_url,
    commit_message,
    deploy_output,
    github_repository,
    normalize_cname,
    pages_url,
    workflow_text,
)
from timeline.errors import DeployError, UsageError

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.org",
}
SITE_FILES = {
    "index.html": b"<!doctype html><title>Timeline</title>\n",
    "2023/10/index.html": b"<h1>October 2023</h1>\n",
    "css/site.css": b"body { margin: 0 }\n",
    "data/timeline.json": b'{"title": "T", "entries": []}\n',
    "img/dot.bin": bytes(range(256)),
}


# --- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(autouse=True)
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An isolated git: no global or system config, an identity through the environment."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    yield


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` and return its standard output."""
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A bare repository playing GitHub."""
    path = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    return path


@pytest.fixture
def src(tmp_path: Path, remote: Path) -> Path:
    """A site's source repository with one commit on main, pushed to ``origin``."""
    path = tmp_path / "site"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    (path / ".gitignore").write_text("/output/\n")
    (path / "timeline.toml").write_text('title = "Test"\n')
    (path / "content").mkdir()
    (path / "content" / "a.md").write_text("---\ntitle: A\n---\nText.\n")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "Sources")
    git(path, "remote", "add", "origin", str(remote))
    git(path, "push", "-q", "origin", "main")
    write_output(path / "output", SITE_FILES)
    return path


def write_output(output: Path, contents: dict[str, bytes]) -> None:
    """Replace ``output`` by exactly ``contents``."""
    if output.exists():
        for file in sorted(output.rglob("*"), reverse=True):
            file.unlink() if file.is_file() else file.rmdir()
    for name, data in contents.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(data)


def snapshot(repo: Path, skip: tuple[str, ...] = (".git",)) -> dict[str, Any]:
    """HEAD, branch, index bytes, staged entries and every working file of ``repo``."""
    files = {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and not set(skip) & set(p.relative_to(repo).parts)
    }
    return {
        "head": git(repo, "rev-parse", "HEAD"),
        "branch": git(repo, "symbolic-ref", "HEAD"),
        "index": (repo / ".git" / "index").read_bytes(),
        "staged": git(repo, "ls-files", "-s"),
        "files": files,
        "stash": git(repo, "stash", "list"),
    }


def git_dir_bytes(repo: Path) -> dict[str, bytes]:
    """Every file under ``.git``: a dry run must not change a single one."""
    git_dir = repo / ".git"
    return {str(p.relative_to(git_dir)): p.read_bytes() for p in git_dir.rglob("*") if p.is_file()}


def tip(repo: Path, branch: str = "gh-pages") -> str | None:
    """The commit ``branch`` points at in ``repo`` (bare or not), ``None`` when it is missing."""
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.stdout.strip() or None


def tree_of(repo: Path, rev: str = "gh-pages") -> list[str]:
    """The sorted paths of the tree of ``rev``."""
    return git(repo, "ls-tree", "-r", "--name-only", rev).split("\n")[:-1]


def author_of(repo: Path) -> str:
    """The author of the tip of gh-pages, as ``name <email>``."""
    return git(repo, "log", "-1", "--format=%an <%ae>", "gh-pages").strip()


def deploy(src: Path, **options: Any) -> DeployResult:
    """Deploy ``src/output`` with ``options``."""
    return deploy_output(src, src / "output", DeployOptions(**options))


def second_clone_pushes(tmp_path: Path, remote: Path, message: str) -> str:
    """Another clone commits on gh-pages (creating it if needed) and pushes; its sha."""
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", str(remote), str(other))
    has_branch = tip(remote) is not None
    git(other, "checkout", "-q", *(["gh-pages"] if has_branch else ["--orphan", "gh-pages"]))
    (other / "theirs.html").write_text("theirs\n")
    git(other, "add", "theirs.html")
    git(other, "commit", "-q", "-m", message)
    git(other, "push", "-q", "origin", "gh-pages")
    return git(other, "rev-parse", "HEAD").strip()


# --- publishing ------------------------------------------------------------------------------


def test_first_deploy_publishes_exactly_the_output(src: Path, remote: Path) -> None:
    result = deploy(src, cname="timeline.example.org")
    expected = sorted([*SITE_FILES, ".nojekyll", "CNAME"])
    assert tree_of(remote) == expected
    assert list(result.files) == expected
    for name, data in SITE_FILES.items():
        blob = subprocess.run(
            ["git", "cat-file", "blob", f"gh-pages:{name}"], cwd=remote, capture_output=True
        )
        assert blob.stdout == data
    assert git(remote, "show", "gh-pages:CNAME") == "timeline.example.org\n"
    assert git(remote, "show", "gh-pages:.nojekyll") == ""
    modes = {line.split()[0] for line in git(remote, "ls-tree", "-r", "gh-pages").splitlines()}
    assert modes == {"100644"}
    assert result.pushed and result.commit == tip(remote) == tip(src)
    assert result.parent is None
    assert result.url == "https://timeline.example.org/"


def test_commit_names_source_and_carries_the_marker(src: Path, remote: Path) -> None:
    deploy(src)
    short = git(src, "rev-parse", "--short", "HEAD").strip()
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith(f"Publish site from {short}\n")
    assert MARKER in message.splitlines()
    assert "uncommitted" not in message


def test_second_deploy_adds_one_commit_on_top(src: Path, remote: Path) -> None:
    first = deploy(src)
    write_output(src / "output", {"index.html": b"<p>new</p>\n", "feed.xml": b"<feed/>\n"})
    second = deploy(src)
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "2"
    assert git(remote, "rev-parse", "gh-pages^").strip() == first.commit
    assert second.parent == first.commit
    assert tree_of(remote) == [".nojekyll", "feed.xml", "index.html"]
    assert tip(src) == tip(remote) == second.commit


def test_a_deploy_with_nothing_changed_makes_no_commit(src: Path, remote: Path) -> None:
    first = deploy(src)
    again = deploy(src, message="Nothing new")
    assert again.unchanged and not first.unchanged
    assert again.commit == first.commit == tip(remote) == tip(src)
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "1"
    write_output(src / "output", {**SITE_FILES, "index.html": b"<p>new</p>\n"})
    changed = deploy(src)
    assert not changed.unchanged and changed.parent == first.commit
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "2"


def test_an_unchanged_deploy_still_pushes_a_commit_kept_local(src: Path, remote: Path) -> None:
    local = deploy(src, push=False)
    assert tip(remote) is None
    again = deploy(src)
    assert again.unchanged and again.commit == local.commit == tip(remote)


def test_dropping_the_domain_warns(
    src: Path, remote: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deploy(src, cname="news.example.org")
    deploy(src)
    assert "deploy with --cname news.example.org to keep it" in caplog.text
    assert "CNAME" not in tree_of(remote)


def test_custom_message_keeps_source_and_marker(src: Path, remote: Path) -> None:
    deploy(src, message="Add the January articles")
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    short = git(src, "rev-parse", "--short", "HEAD").strip()
    assert message.startswith("Add the January articles\n\n")
    assert f"Built from {short}." in message
    assert MARKER in message


def test_source_repository_is_untouched(src: Path) -> None:
    before = snapshot(src)
    deploy(src)
    deploy(src)
    assert snapshot(src) == before


def test_dirty_tree_is_untouched_and_named(src: Path, remote: Path) -> None:
    (src / "content" / "a.md").write_text("---\ntitle: A, edited\n---\nText.\n")
    (src / "content" / "b.md").write_text("untracked\n")
    (src / "timeline.toml").write_text('title = "Staged"\n')
    git(src, "add", "timeline.toml")
    before = snapshot(src)
    result = deploy(src)
    assert snapshot(src) == before
    assert "(with uncommitted changes)" in result.message
    assert "uncommitted changes" in git(remote, "log", "-1", "--format=%s", "gh-pages")


def test_remote_only_branch_is_fetched_and_continued(
    src: Path, remote: Path, tmp_path: Path
) -> None:
    first = deploy(src)
    git(src, "update-ref", "-d", "refs/heads/gh-pages")
    git(src, "update-ref", "-d", "refs/remotes/origin/gh-pages")
    write_output(src / "output", {**SITE_FILES, "index.html": b"<p>new</p>\n"})
    result = deploy(src)
    assert result.parent == first.commit
    assert git(remote, "rev-parse", "gh-pages^").strip() == first.commit


def test_no_push_commits_locally_only(src: Path, remote: Path) -> None:
    before = snapshot(src)
    result = deploy(src, push=False)
    assert not result.pushed
    assert tip(remote) is None
    assert tip(src) == result.commit
    assert tree_of(src) == sorted([*SITE_FILES, ".nojekyll"])
    assert snapshot(src) == before


def test_no_push_works_without_a_remote(src: Path) -> None:
    git(src, "remote", "remove", "origin")
    result = deploy(src, push=False)
    assert tip(src) == result.commit


def test_dry_run_changes_nothing(src: Path, remote: Path) -> None:
    deploy(src)
    write_output(src / "output", {"index.html": b"changed\n"})
    before, git_before, remote_before = snapshot(src), git_dir_bytes(src), tip(remote)
    result = deploy(src, dry_run=True)
    assert result.commit is None and result.dry_run
    assert result.files == (".nojekyll", "index.html")
    assert snapshot(src) == before
    assert git_dir_bytes(src) == git_before
    assert tip(remote) == remote_before


def test_works_without_a_git_identity(src: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in IDENTITY:
        monkeypatch.delenv(key)
    monkeypatch.setenv("EMAIL", "")
    deploy(src)
    assert author_of(src) == "timeline <timeline@localhost>"


def test_configured_identity_is_used(src: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in IDENTITY:
        monkeypatch.delenv(key)
    git(src, "config", "user.name", "Site Owner")
    git(src, "config", "user.email", "owner@example.org")
    deploy(src)
    assert author_of(src) == "Site Owner <owner@example.org>"


# --- refusals: each leaves everything as it was -------------------------------------------------


def test_not_a_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    write_output(plain / "output", SITE_FILES)
    with pytest.raises(DeployError, match="not in a git repository"):
        deploy(plain)
    assert not (plain / ".git").exists()


def test_no_such_remote(src: Path, remote: Path) -> None:
    before = snapshot(src)
    with pytest.raises(DeployError, match=r"no such remote 'upstream' \(remotes: origin\)"):
        deploy(src, remote="upstream")
    assert tip(src) is None and tip(remote) is None
    assert snapshot(src) == before


def test_foreign_branch_is_refused_without_force(src: Path, remote: Path, tmp_path: Path) -> None:
    foreign = second_clone_pushes(tmp_path, remote, "Hand-made pages")
    with pytest.raises(DeployError, match=r"not published by timeline.*--force"):
        deploy(src)
    assert tip(remote) == foreign
    assert tip(src) is None


def test_foreign_branch_is_continued_with_force(src: Path, remote: Path, tmp_path: Path) -> None:
    foreign = second_clone_pushes(tmp_path, remote, "Hand-made pages")
    result = deploy(src, force=True)
    assert result.parent == foreign
    assert git(remote, "rev-parse", "gh-pages^").strip() == foreign
    assert "theirs.html" not in tree_of(remote)


def test_push_rejected_when_the_remote_moved(src: Path, remote: Path, tmp_path: Path) -> None:
    first = deploy(src)
    theirs = second_clone_pushes(tmp_path, remote, f"Their deploy\n\n{MARKER}")
    before = snapshot(src)
    with pytest.raises(DeployError, match=r"push rejected.*git fetch origin gh-pages:gh-pages"):
        deploy(src)
    assert tip(remote) == theirs
    assert tip(src) == first.commit
    assert snapshot(src) == before


def test_push_rejection_overridden_with_force(src: Path, remote: Path, tmp_path: Path) -> None:
    first = deploy(src)
    second_clone_pushes(tmp_path, remote, f"Their deploy\n\n{MARKER}")
    result = deploy(src, force=True)
    assert tip(remote) == tip(src) == result.commit
    assert result.parent == first.commit


def test_branch_checked_out_is_refused(src: Path) -> None:
    git(src, "checkout", "-q", "-b", "gh-pages")
    with pytest.raises(DeployError, match="checked out"):
        deploy(src)


def test_bad_branch_name_is_a_usage_error(src: Path) -> None:
    with pytest.raises(UsageError, match="not a valid git branch name"):
        deploy(src, branch="gh..pages")


def test_missing_output_is_an_error(src: Path, remote: Path) -> None:
    with pytest.raises(DeployError, match="does not exist"):
        deploy_output(src, src / "nowhere", DeployOptions())
    assert tip(src) is None and tip(remote) is None


# --- base_url against a GitHub remote ----------------------------------------------------------


@pytest.fixture
def github_src(src: Path, remote: Path) -> Path:
    """``src`` whose origin says github.com/user/repo but really is the bare ``remote``."""
    git(src, "remote", "set-url", "origin", "git@github.com:user/repo.git")
    git(src, "config", f"url.{remote}.insteadOf", "git@github.com:user/repo.git")
    return src


def test_base_url_mismatch_is_refused(github_src: Path, remote: Path) -> None:
    expected = 'set base_url = "https://user.github.io/repo/"'
    with pytest.raises(DeployError, match=expected):
        deploy(github_src, base_url="/")
    assert tip(remote) is None and tip(github_src) is None


def test_base_url_that_fits_deploys(github_src: Path, remote: Path) -> None:
    result = deploy(github_src, base_url="https://user.github.io/repo/")
    assert result.url == "https://user.github.io/repo/"
    assert tip(remote) == result.commit


def test_base_url_mismatch_with_force_deploys(github_src: Path, remote: Path) -> None:
    result = deploy(github_src, base_url="/", force=True)
    assert tip(remote) == result.commit


def test_base_url_with_cname(github_src: Path, remote: Path) -> None:
    with pytest.raises(DeployError, match=r'"https://news\.example\.org/"'):
        deploy(github_src, base_url="/repo/", cname="news.example.org")
    result = deploy(github_src, base_url="https://news.example.org/", cname="news.example.org")
    assert result.url == "https://news.example.org/"


def test_base_url_not_checked_for_other_hosts(src: Path, remote: Path) -> None:
    result = deploy(src, base_url="https://anywhere.example.net/x/")
    assert result.url is None and tip(remote) == result.commit


# --- the command, end to end with the real build ---------------------------------------------


def run_cli(*args: str) -> Result:
    """Run ``timeline ARGS`` in-process."""
    from timeline.cli import main

    return CliRunner().invoke(main, list(args))


@pytest.fixture
def new_site(tmp_path: Path, remote: Path) -> Path:
    """A site made by ``timeline new``, committed, with the bare ``remote`` as origin."""
    site = tmp_path / "new-site"
    created = run_cli("new", str(site))
    assert created.exit_code == 0, created.output
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "New site")
    git(site, "remote", "add", "origin", str(remote))
    return site


def test_command_builds_and_publishes(new_site: Path, remote: Path) -> None:
    before = snapshot(new_site, skip=(".git", "output", ".timeline-cache"))
    result = run_cli("deploy", str(new_site), "--cname", "news.example.org")
    assert result.exit_code == 0, result.output
    output = new_site / "output"
    built = [p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()]
    assert "index.html" in built and ".timeline-output" in built
    built.remove(".timeline-output")  # the build's note to the next build: never published
    assert tree_of(remote) == sorted([*built, ".nojekyll", "CNAME"])
    assert git(remote, "show", "gh-pages:index.html") == (output / "index.html").read_text()
    assert "Pushed to origin" in result.output
    assert "https://news.example.org/" in result.output
    assert snapshot(new_site, skip=(".git", "output", ".timeline-cache")) == before


def test_command_dry_run_and_errors(new_site: Path, remote: Path) -> None:
    dry = run_cli("deploy", str(new_site), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Dry run: would commit" in dry.output and tip(remote) is None
    missing = run_cli("deploy", str(new_site), "--remote", "upstream")
    assert missing.exit_code == 1 and "no such remote 'upstream'" in missing.output
    git(new_site, "remote", "set-url", "origin", "https://github.com/user/news")
    mismatch = run_cli("deploy", str(new_site))
    assert mismatch.exit_code == 1
    assert 'base_url = "https://user.github.io/news/"' in mismatch.output
    bad_cname = run_cli("deploy", str(new_site), "--cname", "https://x.org/")
    assert bad_cname.exit_code == 2
    assert tip(remote) is None and tip(new_site) is None


# --- pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote_url", "expected"),
    [
        ("git@github.com:user/repo.git", "https://user.github.io/repo/"),
        ("https://github.com/user/repo", "https://user.github.io/repo/"),
        ("https://github.com/user/repo.git", "https://user.github.io/repo/"),
        ("https://github.com/User/My-Repo/", "https://user.github.io/My-Repo/"),
        ("ssh://git@github.com/user/repo.git", "https://user.github.io/repo/"),
        ("https://token@github.com/org/site.git", "https://org.github.io/site/"),
        ("git@github.com:user/user.github.io.git", "https://user.github.io/"),
        ("https://github.com/User/user.github.io", "https://user.github.io/"),
        ("git@gitlab.com:user/repo.git", None),
        ("https://example.org/user/repo.git", None),
        ("/srv/git/site.git", None),
        ("../site.git", None),
        ("https://github.com/user", None),
    ],
)
def test_pages_url(remote_url: str, expected: str | None) -> None:
    assert pages_url(remote_url, None) == expected


def test_pages_url_with_cname() -> None:
    assert (
        pages_url("git@github.com:user/repo.git", "news.example.org") == "https://news.example.org/"
    )
    assert pages_url("/srv/git/site.git", "news.example.org") == "https://news.example.org/"
    assert github_repository("git@github.com:user/repo.git") == ("user", "repo")


@pytest.mark.parametrize(
    ("base_url", "site_url", "fits"),
    [
        ("https://user.github.io/repo/", "https://user.github.io/repo/", True),
        ("https://user.github.io/repo", "https://user.github.io/repo/", True),
        ("http://USER.github.io/repo/", "https://user.github.io/repo/", True),
        ("/repo/", "https://user.github.io/repo/", True),
        ("/repo", "https://user.github.io/repo/", True),
        ("/", "https://user.github.io/repo/", False),
        ("https://user.github.io/", "https://user.github.io/repo/", False),
        ("https://example.org/repo/", "https://user.github.io/repo/", False),
        ("/", "https://user.github.io/", True),
        ("https://user.github.io", "https://user.github.io/", True),
        ("/repo/", "https://news.example.org/", False),
    ],
)
def test_check_base_url(base_url: str, site_url: str, fits: bool) -> None:
    problem = check_base_url(base_url, site_url)
    assert (problem is None) == fits
    if problem:
        assert f'base_url = "{site_url}"' in problem


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("news.example.org", "news.example.org"),
        (" News.Example.org. ", "news.example.org"),
        (None, None),
        ("", None),
    ],
)
def test_normalize_cname(given: str | None, expected: str | None) -> None:
    assert normalize_cname(given) == expected


@pytest.mark.parametrize("given", ["https://news.example.org/", "example", "a/b.org"])
def test_normalize_cname_rejects_urls(given: str) -> None:
    with pytest.raises(UsageError, match="bare domain"):
        normalize_cname(given)


def test_commit_message_variants() -> None:
    assert commit_message(None, "a1b2c3d", False) == f"Publish site from a1b2c3d\n\n{MARKER}\n"
    dirty = commit_message(None, "a1b2c3d", True)
    assert dirty.startswith("Publish site from a1b2c3d (with uncommitted changes)\n")
    assert commit_message(None, None, True).startswith("Publish site from a repository without")
    custom = commit_message("Fix dates", "a1b2c3d", True)
    assert custom == f"Fix dates\n\nBuilt from a1b2c3d (with uncommitted changes).\n\n{MARKER}\n"


# --- the GitHub Actions workflow ---------------------------------------------------------------


def load_workflow() -> dict[Any, Any]:
    """The workflow ``timeline new`` writes into a site, parsed."""
    data = yaml.safe_load(workflow_text())
    assert isinstance(data, dict)
    return data


def steps_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps of a job."""
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def uses(job: dict[str, Any]) -> list[str]:
    """The actions a job uses, without their versions."""
    return [step["uses"].split("@")[0] for step in steps_of(job) if "uses" in step]


def test_the_repository_builds_its_site_with_its_own_code_and_a_new_site_with_its_pin() -> None:
    package_copy = (REPO / "timeline" / "skeleton" / "pages.yml").read_text(encoding="utf-8")
    assert package_copy == workflow_text()
    repo_copy = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    shipped = load_workflow()
    install = {"name": "Install timeline"}
    for data, command, key in [
        (repo_copy, "pip install .", "pyproject.toml"),
        (shipped, "pip install -r requirements.txt", "requirements.txt"),
    ]:
        (step,) = [s for s in steps_of(data["jobs"]["build"]) if s.get("name") == install["name"]]
        assert step["run"].strip() == command
        step["run"] = ""
        (python,) = [
            s for s in steps_of(data["jobs"]["build"]) if "setup-python" in s.get("uses", "")
        ]
        assert python["with"]["cache-dependency-path"] == key
        python["with"]["cache-dependency-path"] = ""
    assert repo_copy == shipped  # the rest is the same


def test_workflow_triggers_and_permissions() -> None:
    data = load_workflow()
    triggers = data["on"] if "on" in data else data[True]  # YAML 1.1 reads `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert data["concurrency"]["group"] == "pages"


def test_workflow_builds_then_deploys() -> None:
    jobs = load_workflow()["jobs"]
    assert set(jobs) == {"build", "deploy"}
    assert jobs["deploy"]["needs"] == "build"
    assert uses(jobs["build"]) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/cache",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    assert uses(jobs["deploy"]) == ["actions/deploy-pages"]
    environment = jobs["deploy"]["environment"]
    assert environment == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }


def test_workflow_pins_major_versions() -> None:
    jobs = load_workflow()["jobs"]
    for step in [*steps_of(jobs["build"]), *steps_of(jobs["deploy"])]:
        if "uses" in step:
            version = step["uses"].split("@")[1]
            assert version.startswith("v") and version[1:].isdigit(), step["uses"]


def test_workflow_runs_timeline_build_and_uploads_output() -> None:
    steps = steps_of(load_workflow()["jobs"]["build"])
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert "timeline build" in runs
    assert "pip install -r requirements.txt" in runs
    by_action = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert by_action["actions/setup-python"]["with"]["cache"] == "pip"
    assert by_action["actions/cache"]["with"]["path"] == ".timeline-cache/"
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "output"
    build_index = runs.index("timeline build")
    assert build_index == len(runs) - 1, "the build runs after installing"
