"""What a new site's GitHub Actions workflow installs: exactly the timeline that made the site.

Three cases, decided from the installed distribution's own record (PEP 610's
``direct_url.json``):

- installed from a package index (PyPI): the requirement names the version;
- installed from a git repository: the requirement names the repository and the commit;
- installed from a local folder or file (a clone, ``pip install -e .``): no index or
  repository can give that exact code, so ``timeline new`` writes a wheel of the running
  package into the site (``wheels/``) and the requirement points at it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from importlib.metadata import Distribution, distributions
from pathlib import Path

from timeline import DISTRIBUTION

WHEELS = "wheels"
"""The folder of a site that holds the wheel of a timeline installed from a local copy."""

_PACKAGE = Path(__file__).resolve().parent.parent
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member of the wheel gets this time: the same package gives the same bytes."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the running timeline was installed from."""

    version: str
    kind: str
    """``index``, ``vcs``, ``local`` or ``unknown`` (not installed: run from a source tree)."""
    url: str = ""
    """The repository URL with its commit (``vcs``) or the local folder or file (``local``)."""


@dataclass(frozen=True, slots=True)
class Requirements:
    """The requirements file of a new site, and the wheel it points at (if any)."""

    text: str
    wheel: tuple[str, bytes] | None = None
    """The wheel's file name and bytes, written into the site's ``wheels/`` folder."""


def install_origin() -> Origin:
    """Where the running timeline came from, by the record pip left with it."""
    found = _installed()
    if found is None:
        return Origin(_version(None), "unknown")
    direct = json.loads(found.read_text("direct_url.json") or "null")
    if not isinstance(direct, dict):
        kind = "index" if found.read_text("INSTALLER") else "unknown"
        return Origin(_version(found), kind)
    return origin_of(_version(found), direct)


def origin_of(version: str, direct: dict[str, object]) -> Origin:
    """The origin that a PEP 610 ``direct_url.json`` describes."""
    url, vcs = str(direct.get("url", "")), direct.get("vcs_info")
    if isinstance(vcs, dict) and url:
        commit = vcs.get("commit_id", "")
        return Origin(version, "vcs", f"{vcs.get('vcs', 'git')}+{url}@{commit}".rstrip("@"))
    return Origin(version, "local", url)


def site_requirements(origin: Origin) -> Requirements:
    """The requirements file that installs exactly ``origin`` on a fresh runner."""
    header = (
        "# What the GitHub Actions workflow installs to build this site "
        "(.github/workflows/pages.yml):\n# the timeline that made it. See timeline's "
        "docs/deploy.md to change it.\n"
    )
    if origin.kind == "vcs":
        return Requirements(f"{header}{DISTRIBUTION} @ {origin.url}\n")
    if origin.kind in ("local", "unknown"):
        wheel = package_wheel()
        if wheel is not None:
            where = origin.url or "a source tree"
            note = f"# A wheel of timeline {origin.version} as it was installed from {where}\n"
            return Requirements(f"{header}{note}./{WHEELS}/{wheel[0]}\n", wheel)
    return Requirements(f"{header}{DISTRIBUTION}=={origin.version}\n")


def package_wheel() -> tuple[str, bytes] | None:
    """A wheel of the running package (its files as they are now), with the installed
    distribution's metadata and entry points; None when there is no metadata to give it."""
    found = _installed()
    metadata = found and (found.read_text("METADATA") or found.read_text("PKG-INFO"))
    if found is None or not metadata:
        return None
    version = _version(found)
    stem = f"{DISTRIBUTION.replace('-', '_')}-{version}"
    info = f"{stem}.dist-info"
    members = {f"timeline/{path}": data for path, data in _package_files()}
    members[f"{info}/METADATA"] = metadata.encode("utf-8")
    members[f"{info}/entry_points.txt"] = (found.read_text("entry_points.txt") or "").encode()
    members[f"{info}/WHEEL"] = _WHEEL.encode()
    return f"{stem}-py3-none-any.whl", _zip(members, f"{info}/RECORD")


_WHEEL = """\
Wheel-Version: 1.0
Generator: timeline new
Root-Is-Purelib: true
Tag: py3-none-any
"""


def _package_files() -> list[tuple[str, bytes]]:
    """Every file of the ``timeline`` package but compiled ones, by path inside it (the
    built-in theme is a link in a source tree: it is followed)."""
    return [
        (path.relative_to(_PACKAGE).as_posix(), path.read_bytes())
        for path in sorted(_walk(_PACKAGE))
        if "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def _walk(folder: Path) -> list[Path]:
    found = []
    for path in folder.iterdir():
        if path.is_dir():
            found += _walk(path)
        elif path.is_file():
            found.append(path)
    return found


def _zip(members: dict[str, bytes], record: str) -> bytes:
    """The wheel's bytes: the members in sorted order with fixed times, then RECORD."""
    lines = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in sorted(members.items())]
    members = {**members, record: ("\n".join([*lines, f"{record},,"]) + "\n").encode()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in [*sorted(set(members) - {record}), record]:
            member = zipfile.ZipInfo(name, _ZIP_TIME)
            member.external_attr = 0o644 << 16
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, members[name])
    return buffer.getvalue()


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _installed() -> Distribution | None:
    """The installed distribution of this package: the one pip recorded (a stray
    ``*.egg-info`` of a source tree on the path has no record of where it came from)."""
    candidates = list(distributions(name=DISTRIBUTION))
    recorded = [d for d in candidates if d.read_text("INSTALLER") or d.read_text("direct_url.json")]
    return next(iter(recorded or candidates), None)


def _version(found: Distribution | None) -> str:
    return found.version if found is not None else "0"
