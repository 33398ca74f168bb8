"""Where GitHub Pages serves a repository's site, and whether ``base_url`` fits it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from timeline.errors import UsageError

_GITHUB_PATH = re.compile(r"^/*(?P<owner>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/*$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def github_repository(remote_url: str) -> tuple[str, str] | None:
    """``(owner, repo)`` of a github.com remote URL (https, ssh or scp-like), else ``None``."""
    scp = re.match(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>(?!//).*)$", remote_url)
    if scp and "://" not in remote_url:
        host, path = scp["host"], scp["path"]
    else:
        parts = urlsplit(remote_url)
        host, path = parts.hostname or "", parts.path
    match = _GITHUB_PATH.match(path)
    if host.lower() not in {"github.com", "www.github.com"} or not match:
        return None
    return match["owner"], match["repo"]


def pages_url(remote_url: str, cname: str | None) -> str | None:
    """Where GitHub Pages serves the site of ``remote_url``; ``None`` when it is not GitHub."""
    if cname:
        return cname_url(cname)
    found = github_repository(remote_url)
    if found is None:
        return None
    owner, repo = found
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"


def check_base_url(base_url: str, site_url: str) -> str | None:
    """``None`` when ``base_url`` fits a site served at ``site_url``, else what is wrong."""
    given = urlsplit(base_url.strip())
    expected = urlsplit(site_url)
    path_fits = _slashed(given.path) == _slashed(expected.path)
    host_fits = not given.netloc or given.netloc.lower() == expected.netloc.lower()
    if path_fits and host_fits:
        return None
    return (
        f"base_url is {base_url!r} but the site will be served at {site_url}; "
        f'set base_url = "{site_url}" in timeline.toml (or deploy with --force)'
    )


def normalize_cname(cname: str | None) -> str | None:
    """The bare lower-case domain of ``--cname``; a URL or path is a usage error."""
    if cname is None or not cname.strip():
        return None
    domain = cname.strip().lower().rstrip(".")
    if not _DOMAIN.match(domain):
        raise UsageError(f"--cname takes a bare domain like timeline.example.org, not {cname!r}")
    return domain


def _slashed(path: str) -> str:
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def cname_url(cname: str | None) -> str | None:
    """The address of a site served at a custom domain."""
    return f"https://{cname}/" if cname else None
