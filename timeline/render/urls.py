"""Names and links: slugs for tag and outlet pages, and links that work from any page.

Normal pages link relatively (``../timeline/2024.html``), so the site works from a sub-path
and from the file system; the 404 page, which a server shows at any depth, links from the
site's base path instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

_NOT_WORD = re.compile(r"[^\w]+")


def slugify(text: str) -> str:
    """A file-safe lower-case name: ``Al Jazeera`` → ``al-jazeera``; letters of any script stay."""
    text = unicodedata.normalize("NFKC", text).casefold()
    slug = _NOT_WORD.sub("-", text).strip("-_")
    return slug or "x"


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """A slug for each distinct name, made unique with ``-2``, ``-3``... in sorted order."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        base = slug = slugify(name)
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


@dataclass(frozen=True, slots=True)
class Linker:
    """Links from one page: ``href("timeline/2024.html#e-1")`` as that page must write it."""

    page_path: str
    """The page's own path in the site, such as ``articles/talks-open.html``."""
    root: str
    """The way back to the site root: ``""``, ``"../"``, or the base path for the 404 page."""

    def __call__(self, target: str) -> str:
        """The href of ``target`` (a site path with an optional ``#fragment``) from this page."""
        path, hash_mark, fragment = target.partition("#")
        if hash_mark and path == self.page_path:
            return "#" + fragment
        return self.root + _quoted(path) + hash_mark + fragment


@lru_cache(maxsize=1 << 16)
def _quoted(path: str) -> str:
    """A site path as a URL path: the few thousand paths of a site are quoted once each."""
    return quote(path)


def linker_for(page_path: str) -> Linker:
    """The relative linker of a normal page."""
    return Linker(page_path, "../" * page_path.count("/"))
