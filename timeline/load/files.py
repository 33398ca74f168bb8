"""What may be read from a site: nothing that a symbolic link brings in from outside it.

A site is the folder of its ``timeline.toml``. A link inside it that leads to another file
of the site is followed; one that leads outside (``/etc/passwd``, ``../../secret.md``) is
an error naming the link, and what it leads to is never read, by ``build``, ``serve`` or
``deploy``.
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline.errors import ContentError
from timeline.model import SourceLocation


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
