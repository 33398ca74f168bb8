"""Git plumbing for deploy: read refs, hash files, write trees and commits, never check out."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from timeline.errors import DeployError
from timeline.write import MARKER as BUILD_MARKER

MARKER = "Published-by: timeline"
"""The trailer every commit that deploy writes carries; a branch whose tip lacks it is foreign."""
FILE_MODE = "100644"
_HASH_BATCH = 200
_FALLBACK_IDENTITY = {"name": "timeline", "email": "timeline@localhost"}


def remote_url(repo: Path, remote: str) -> str | None:
    """The URL configured for ``remote`` (insteadOf not applied), ``None`` when it is missing."""
    result = run(repo, "config", "--get", f"remote.{remote}.url")
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def resolve_commit(repo: Path, rev: str) -> str | None:
    """The full sha of the commit ``rev`` names, ``None`` when there is none."""
    result = run(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def remote_tip(repo: Path, remote: str, branch: str) -> str | None:
    """The sha the remote's branch points at, ``None`` when the remote has no such branch."""
    result = run(repo, "ls-remote", "--exit-code", remote, f"refs/heads/{branch}")
    if result.returncode == 2:
        return None
    if result.returncode != 0:
        raise DeployError(f"cannot read remote {remote!r}: {last_line(result.stderr)}")
    return result.stdout.split()[0]


def is_dirty(repo: Path) -> bool:
    """Whether the working tree or index differ from HEAD (without refreshing the index)."""
    return bool(git(repo, "--no-optional-locks", "status", "--porcelain", "-z").strip("\0"))


def is_ours(repo: Path, commit: str) -> bool:
    """Whether ``commit`` was written by deploy: its message carries the marker trailer."""
    body = git(repo, "log", "-1", "--format=%B", commit)
    return any(line.strip() == MARKER for line in body.splitlines())


def list_files(output: Path) -> tuple[str, ...]:
    """The files under ``output`` as sorted POSIX paths relative to it."""
    if not output.is_dir():
        raise DeployError(f"{output} does not exist; build the site first")
    found: list[str] = []
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        base = Path(folder).relative_to(output)
        found.extend((base / name).as_posix() for name in names)
    if BUILD_MARKER in found:
        found.remove(BUILD_MARKER)  # the build's own note, not a file of the site
    if not found:
        raise DeployError(f"{output} is empty; nothing to publish")
    return tuple(sorted(found))


def write_tree(repo: Path, output: Path, paths: Sequence[str], extras: Mapping[str, bytes]) -> str:
    """Hash every file into the object store and return the tree of them, all mode 100644."""
    blobs = dict(zip(paths, _hash_files(repo, [output / p for p in paths]), strict=True))
    blobs.update({name: _hash_bytes(repo, data) for name, data in extras.items()})
    entries = "".join(f"{FILE_MODE} {blobs[p]}\t{p}\0" for p in sorted(blobs))
    with tempfile.TemporaryDirectory(prefix="timeline-deploy-") as scratch:
        env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        git(repo, "update-index", "--add", "-z", "--index-info", stdin=entries, env=env)
        return git(repo, "write-tree", env=env).strip()


def commit_tree(repo: Path, tree: str, parent: str | None, message: str) -> str:
    """Write a commit of ``tree`` on top of ``parent`` and return its sha."""
    parents = ["-p", parent] if parent else []
    env = _identity_env(repo)
    return git(repo, "commit-tree", tree, *parents, "-F", "-", stdin=message, env=env).strip()


def tree_of(repo: Path, commit: str) -> str | None:
    """The tree a commit records, or None when the commit is not in the repository."""
    result = run(repo, "rev-parse", "--verify", "--quiet", f"{commit}^{{tree}}")
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def update_branch(repo: Path, branch: str, commit: str, old: str | None) -> None:
    """Point the local branch at ``commit``, provided it still points at ``old``."""
    git(repo, "update-ref", "-m", "timeline deploy", f"refs/heads/{branch}", commit, old or "")


def _hash_files(repo: Path, paths: Sequence[Path]) -> list[str]:
    shas: list[str] = []
    for start in range(0, len(paths), _HASH_BATCH):
        batch = [str(p) for p in paths[start : start + _HASH_BATCH]]
        shas.extend(git(repo, "hash-object", "-w", "--no-filters", "--", *batch).split())
    return shas


def _hash_bytes(repo: Path, data: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=data.decode()).strip()


def _identity_env(repo: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    for key, fallback in _FALLBACK_IDENTITY.items():
        if run(repo, "config", f"user.{key}").stdout.strip():
            continue
        for role in ("AUTHOR", "COMMITTER"):
            env[f"GIT_{role}_{key.upper()}"] = os.environ.get(f"GIT_{role}_{key.upper()}", fallback)
    return env


# --- the subprocess edge ---------------------------------------------------------------------


def git(
    repo: Path, *args: str, stdin: str | None = None, env: Mapping[str, str] | None = None
) -> str:
    result = run(repo, *args, stdin=stdin, env=env)
    if result.returncode != 0:
        raise DeployError(f"git {args[0]} failed: {last_line(result.stderr)}")
    return result.stdout


def run(
    repo: Path, *args: str, stdin: str | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "GIT_INDEX_FILE"}
    full_env.update({"LC_ALL": "C", **(env or {})})
    try:
        return subprocess.run(
            ["git", "-C", str(repo), *args],
            input=stdin,
            capture_output=True,
            env=full_env,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError as error:
        raise DeployError("git is not installed or not on PATH") from error


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
