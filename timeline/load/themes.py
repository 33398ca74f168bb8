"""Where a site's theme is: its own folder first, then the built-in one.

Apart from the rendering that reads the templates: a build asks where the theme is (its
files are inputs) before it knows whether anything must be rendered.
"""

from __future__ import annotations

from pathlib import Path

from timeline.config import Config
from timeline.errors import BuildFailed
from timeline.load.files import outside_links

BUILTIN_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


def theme_dirs(config: Config) -> list[Path]:
    """The theme folders, the site's own first: a file there overrides the built-in one.

    A symbolic link in the site's own theme (or the theme folder itself) that leads
    outside the site is an error: nothing outside the site is read.
    """
    own = config.root / "themes" / config.theme
    errors = outside_links(own, config.root)
    if errors:
        raise BuildFailed(errors)
    dirs = [own] if own.is_dir() else []
    if not dirs or own.resolve() != BUILTIN_THEME.resolve():
        dirs.append(BUILTIN_THEME)
    return dirs
