"""What may be read from a site, and where: the article and curation files, and nothing
that a symbolic link brings in from outside the site.

A site is the folder of its ``timeline.toml``. A link inside it that leads to another file
of the site is followed; one that leads outside (``/etc/passwd``, ``../../secret.md``) is
an error naming the link, and what it leads to is never read, by ``build``, ``serve`` or
``deploy``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import BuildFailed, ContentError, UsageError
from timeline.model import SourceLocation

CORRECTIONS_NAME = "corrections.toml"


def inside(path: str | Path, site: str | Path) -> bool:
    """True when ``path``, every link on the way followed, lies inside the folder ``site``."""
    real = os.path.realpath(path)
    home = os.path.realpath(site)
    return real == home or real.startswith(home.rstrip(os.sep) + os.sep)


def outside_error(path: str | Path, site: str | Path) -> ContentError:
    """The error of ``path``, a link (or a folder reached through one) that leads outside."""
    shown = relative_to(path, site)
    target = os.path.realpath(path)
    return ContentError(
        SourceLocation(shown, 1),
        f"a symbolic link that leads outside the site (to {target}); nothing outside the "
        "site is read: copy the file into the site instead",
    )


def outside_links(folder: Path, site: Path) -> list[ContentError]:
    """An error for ``folder`` if it leads outside ``site``, else for every link under it
    that does (links to folders inside the site are not followed, so not looked into)."""
    if not folder.exists() and not folder.is_symlink():
        return []
    if not inside(folder, site):
        return [outside_error(folder, site)]
    errors: list[ContentError] = []
    for base, dirs, names in os.walk(folder):
        for name in sorted(dirs + names):
            path = os.path.join(base, name)
            if os.path.islink(path) and not inside(path, site):
                errors.append(outside_error(path, site))
    return errors


def relative_to(path: str | Path, site: str | Path) -> str:
    """``path`` as shown in messages: relative to the site when it lies in it (unresolved)."""
    absolute = Path(os.path.abspath(path))
    home = Path(os.path.abspath(site))
    if absolute.is_relative_to(home):
        return absolute.relative_to(home).as_posix()
    return str(path)


def article_paths(content_dir: Path, site: Path | None = None) -> list[str]:
    """``discover_articles`` as strings, for callers that list thousands of files often.

    ``site`` is the site's folder (by default the content folder's parent): an article
    that is a symbolic link leading outside it, or a folder that cannot be read, is an
    error, all of them raised together. Links to folders are not followed.
    """
    folder = content_dir / "articles"
    home = os.path.realpath(site or content_dir.parent)
    if not folder.is_dir():
        raise UsageError(
            f"{folder}: no such folder; a site keeps its articles there "
            "(an empty folder makes a site without articles)"
        )
    if not inside(folder, home):
        raise BuildFailed([outside_error(folder, site or content_dir.parent)])
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[ContentError] = []
    _find_markdown(str(folder), (), found, _Finding(home, site or content_dir.parent, errors))
    if errors:
        raise BuildFailed(errors)
    found.sort()  # by path components, as sorting the paths would
    return [path for _, path in found]


@dataclass(frozen=True, slots=True)
class _Finding:
    """What a search for articles checks against, and the errors it meets."""

    home: str
    """The site's folder, every link followed."""
    site: Path
    """The site's folder as given, for messages."""
    errors: list[ContentError]


def _find_markdown(
    folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]], how: _Finding
) -> None:
    """Collect the visible ``.md`` files under ``folder`` (os.scandir: thousands of
    articles are listed on every serve rebuild)."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as error:
        where = SourceLocation(relative_to(folder, how.site), 1)
        how.errors.append(ContentError(where, f"cannot read the folder: {error.strerror}"))
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _find_markdown(entry.path, (*parts, entry.name), found, how)
        elif _is_article_name(entry.name) and entry.is_file():
            if entry.is_symlink() and not inside(entry.path, how.home):
                how.errors.append(outside_error(entry.path, how.site))
            else:
                found.append(((*parts, entry.name), entry.path))


def _is_article_name(name: str) -> bool:
    return name.endswith(".md") and not name.startswith(".")


def discover_curated_events(content_dir: Path) -> list[Path]:
    """Every hand-written event file under ``content_dir/events``, in a stable order."""
    folder = content_dir / "events"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.is_file() and not p.name.startswith("."))
