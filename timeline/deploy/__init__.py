"""Publishing ``output/`` to a ``gh-pages`` branch with git plumbing.

Deploy never checks the branch out. It hashes the built files into the object store, builds a
tree through a temporary index file, makes one commit on top of the branch's previous tip and
pushes it. The user's HEAD, index and working tree stay byte for byte as they were.

The work is split in two: :func:`plan_deploy` decides everything and refuses early (not a
repository, no such remote, a branch that is not ours, a ``base_url`` that does not fit the
remote) before anything is built or written; :func:`publish` then writes the commit.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from timeline.deploy.git import (
    MARKER,
    commit_tree,
    git,
    is_dirty,
    is_ours,
    last_line,
    list_files,
    remote_tip,
    remote_url,
    resolve_commit,
    run,
    tree_of,
    update_branch,
    write_tree,
)
from timeline.deploy.urls import (
    check_base_url,
    cname_url,
    github_repository,
    normalize_cname,
    pages_url,
)
from timeline.errors import DeployError, UsageError

__all__ = [
    "MARKER",
    "DeployOptions",
    "DeployPlan",
    "DeployResult",
    "check_base_url",
    "commit_message",
    "deploy_output",
    "github_repository",
    "normalize_cname",
    "pages_url",
    "plan_deploy",
    "publish",
    "workflow_text",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeployOptions:
    """What the user asked of ``timeline deploy``."""

    remote: str = "origin"
    """The git remote to push to."""
    branch: str = "gh-pages"
    """The branch that receives the site."""
    message: str | None = None
    """The commit subject; by default it names the source commit."""
    cname: str | None = None
    """A custom domain: written to ``CNAME`` and used for the site's URL."""
    base_url: str | None = None
    """The site's configured ``base_url``, checked against the remote; ``None`` skips the check."""
    push: bool = True
    """Push the new commit; ``False`` commits locally only."""
    dry_run: bool = False
    """Report what would be published and change nothing."""
    force: bool = False
    """Publish over a foreign branch, a mismatched ``base_url`` or a rejected push."""


@dataclass(frozen=True, slots=True)
class DeployPlan:
    """Everything decided before a file is hashed: where, on top of what, from which source."""

    repo: Path
    options: DeployOptions
    remote_url: str | None
    """The remote's configured URL, or ``None`` for ``--no-push`` without the remote."""
    url: str | None
    """Where the site will appear, when the remote is on GitHub or a CNAME is given."""
    local_tip: str | None
    """The local branch's commit before the deploy."""
    parent: str | None
    """The commit the new one goes on top of: the local tip, else the remote's."""
    source: str | None
    """The commit the site is built from (HEAD), ``None`` in a repository without commits."""
    dirty: bool
    """Whether the working tree had uncommitted changes."""


@dataclass(frozen=True, slots=True)
class DeployResult:
    """What a deploy did, or would do with ``--dry-run``."""

    branch: str
    remote: str
    files: tuple[str, ...]
    """Every path of the published tree, sorted."""
    url: str | None
    message: str
    parent: str | None
    commit: str | None
    """The new commit; ``None`` on a dry run."""
    pushed: bool
    """Whether the commit was pushed (on a dry run: would be)."""
    dry_run: bool
    unchanged: bool = False
    """The branch already held exactly this site: no new commit was made."""


# --- the whole deploy ---------------------------------------------------------------------


def deploy_output(repo: Path, output: Path, options: DeployOptions) -> DeployResult:
    """Publish the already built ``output`` folder to the branch ``options`` name."""
    return publish(plan_deploy(repo, options), output)


def plan_deploy(repo: Path, options: DeployOptions) -> DeployPlan:
    """Check everything that can refuse a deploy, before anything is built or written."""
    _require_repository(repo)
    _require_branch_name(repo, options.branch)
    _require_not_checked_out(repo, options.branch)
    remote_url = _remote_url_or_fail(repo, options)
    url = pages_url(remote_url, options.cname) if remote_url else cname_url(options.cname)
    _check_base_url_or_fail(options, url)
    local_tip = resolve_commit(repo, f"refs/heads/{options.branch}")
    parent = local_tip or _remote_parent(repo, remote_url, options)
    _check_ownership_or_fail(repo, parent, options)
    source = resolve_commit(repo, "HEAD")
    return DeployPlan(repo, options, remote_url, url, local_tip, parent, source, is_dirty(repo))


def publish(plan: DeployPlan, output: Path) -> DeployResult:
    """Commit ``output`` (plus ``.nojekyll`` and ``CNAME``) on the branch and push it."""
    paths = list_files(output)
    extras = extra_files(plan.options.cname)
    message = commit_message(plan.options.message, _short(plan.repo, plan.source), plan.dirty)
    if plan.dirty:
        logger.warning(
            "warning: uncommitted changes; the site is published from the files as they are"
        )
    names = tuple(sorted({*paths, *extras}))
    _warn_if_domain_dropped(plan, names)
    if plan.options.dry_run:
        return _result(plan, names, message, commit=None, pushed=plan.options.push)
    tree = write_tree(plan.repo, output, paths, extras)
    unchanged = plan.parent is not None and tree_of(plan.repo, plan.parent) == tree
    if unchanged and plan.parent is not None:  # the same site: a new commit would add nothing
        commit = plan.parent
    else:
        commit = commit_tree(plan.repo, tree, plan.parent, message)
    if plan.options.push:
        push_commit(plan.repo, commit, plan.options)
    update_branch(plan.repo, plan.options.branch, commit, plan.local_tip)
    pushed = plan.options.push
    return _result(plan, names, message, commit=commit, pushed=pushed, unchanged=unchanged)


def _result(
    plan: DeployPlan,
    names: tuple[str, ...],
    message: str,
    *,
    commit: str | None,
    pushed: bool,
    unchanged: bool = False,
) -> DeployResult:
    options = plan.options
    return DeployResult(
        branch=options.branch,
        remote=options.remote,
        files=names,
        url=plan.url,
        message=message,
        parent=plan.parent,
        commit=commit,
        pushed=pushed,
        dry_run=options.dry_run,
        unchanged=unchanged,
    )


# --- pure parts ------------------------------------------------------------------------------


def commit_message(message: str | None, source: str | None, dirty: bool) -> str:
    """The commit message: a subject naming the source commit, then the marker trailer.

    ``source`` is the short sha of the commit the site was built from. A custom ``message``
    becomes the subject and the source moves to the body.
    """
    origin = f"from {source}" if source else "from a repository without commits"
    origin += " (with uncommitted changes)" if dirty else ""
    custom = (message or "").strip()
    paragraphs = [custom, f"Built {origin}."] if custom else [f"Publish site {origin}"]
    return "\n\n".join([*paragraphs, MARKER]) + "\n"


def extra_files(cname: str | None) -> dict[str, bytes]:
    """The files GitHub Pages needs beside the site: ``.nojekyll`` and maybe ``CNAME``."""
    extras = {".nojekyll": b""}
    if cname:
        extras["CNAME"] = f"{cname}\n".encode()
    return extras


# --- checks that refuse ----------------------------------------------------------------------


def _require_repository(repo: Path) -> None:
    if not repo.is_dir() or run(repo, "rev-parse", "--git-dir").returncode != 0:
        raise DeployError(
            f"{repo} is not in a git repository; deploy publishes to a branch of one "
            "(run `git init` and `git remote add origin URL` first)"
        )


def _require_branch_name(repo: Path, branch: str) -> None:
    if run(repo, "check-ref-format", f"refs/heads/{branch}").returncode != 0:
        raise UsageError(f"--branch: {branch!r} is not a valid git branch name")


def _require_not_checked_out(repo: Path, branch: str) -> None:
    head = run(repo, "symbolic-ref", "-q", "HEAD").stdout.strip()
    if head == f"refs/heads/{branch}":
        raise DeployError(
            f"{branch} is the branch checked out here; switch to the branch with your site's "
            f"sources first (deploy writes its own commits to {branch})"
        )


def _remote_url_or_fail(repo: Path, options: DeployOptions) -> str | None:
    url = remote_url(repo, options.remote)
    if url is None and options.push:
        known = ", ".join(git(repo, "remote").split()) or "none"
        raise DeployError(
            f"no such remote {options.remote!r} (remotes: {known}); add it with "
            f"`git remote add {options.remote} URL`, choose one with --remote, or use --no-push"
        )
    return url


def _check_base_url_or_fail(options: DeployOptions, url: str | None) -> None:
    if url is None or options.base_url is None:
        return
    if not options.base_url.strip():
        logger.warning(
            "warning: base_url is empty; feeds and the sitemap need it: set it to %s", url
        )
        return
    problem = check_base_url(options.base_url, url)
    if problem and not options.force:
        raise DeployError(problem)
    if problem:
        logger.warning("warning: %s; deploying anyway (--force)", problem.split(";")[0])


def _check_ownership_or_fail(repo: Path, parent: str | None, options: DeployOptions) -> None:
    if parent is None or resolve_commit(repo, parent) is None or is_ours(repo, parent):
        return
    if not options.force:
        raise DeployError(
            f"branch {options.branch} exists but was not published by timeline (its last commit "
            f"lacks the trailer {MARKER!r}); choose another branch with --branch, or use --force "
            "to publish on top of it (its history is kept)"
        )
    logger.warning("warning: publishing on top of a branch timeline did not write (--force)")


def _remote_parent(repo: Path, url: str | None, options: DeployOptions) -> str | None:
    if url is None:
        return None
    tip = remote_tip(repo, options.remote, options.branch)
    if tip and not options.dry_run and resolve_commit(repo, tip) is None:
        logger.info("fetching %s from %s", options.branch, options.remote)
        git(repo, "fetch", "--quiet", "--no-tags", options.remote, f"refs/heads/{options.branch}")
    return tip


def _warn_if_domain_dropped(plan: DeployPlan, names: tuple[str, ...]) -> None:
    if "CNAME" in names or plan.parent is None:
        return
    found = run(plan.repo, "cat-file", "blob", f"{plan.parent}:CNAME")
    if found.returncode == 0 and found.stdout.strip():
        logger.warning(
            "warning: the published site had the custom domain %s; this deploy removes it "
            "(deploy with --cname %s to keep it)",
            found.stdout.strip(),
            found.stdout.strip(),
        )


def _short(repo: Path, sha: str | None) -> str | None:
    return git(repo, "rev-parse", "--short", sha).strip() if sha else None


def push_commit(repo: Path, commit: str, options: DeployOptions) -> None:
    """Push ``commit`` to the remote's branch; a rejection becomes a :class:`DeployError`."""
    force = ["--force"] if options.force else []
    refspec = f"{commit}:refs/heads/{options.branch}"
    result = run(repo, "push", "--porcelain", *force, options.remote, refspec)
    if result.returncode != 0:
        raise DeployError(_push_failure(result.stdout + result.stderr, options))
    logger.debug("pushed %s to %s/%s", commit[:12], options.remote, options.branch)


def _push_failure(output: str, options: DeployOptions) -> str:
    where = f"{options.remote}/{options.branch}"
    if "[rejected]" in output and re.search(r"fetch first|non-fast-forward", output):
        return (
            f"push rejected: {where} has commits your local {options.branch} lacks (someone "
            f"else deployed?); run `git fetch {options.remote} {options.branch}:{options.branch}` "
            "and deploy again, or deploy with --force to replace the remote branch"
        )
    if "[remote rejected]" in output:
        reason = re.search(r"\[remote rejected\] \((.*)\)", output)
        why = reason[1] if reason else "refused by the server"
        return f"push rejected by {options.remote}: {why}; check the branch protection of {where}"
    return f"push to {options.remote} failed: {last_line(output)}"


# --- GitHub Actions --------------------------------------------------------------------------


def workflow_text() -> str:
    """The GitHub Actions workflow that builds and deploys a site with the Pages actions."""
    return (files("timeline") / "skeleton" / "pages.yml").read_text(encoding="utf-8")
