"""Which links a site publishes: http(s), mailto and relative URLs, nothing else.

A ``javascript:`` link runs its script when it is clicked, and so can ``vbscript:`` and
``data:`` ones; no list of bad schemes is ever complete, so the rule lists the good ones.
A URL is read the way a browser reads an ``href``: character references decoded, ASCII
tabs and newlines dropped, spaces and control characters at either end stripped; what
comes before the first ``:`` is its scheme when it has the form of one. Anything else is
a relative URL, harmless whatever it holds.

Article bodies are Markdown, so their links are found in the source: inline links and
images ``[text](url)``, reference definitions ``[id]: url`` and autolinks ``<ftp://...>``.
The search errs on the side of finding too much (a link-like text inside code counts too).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from timeline.errors import ContentError
from timeline.model import SourceLocation

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_DROPPED = str.maketrans("", "", "\t\n\r")
_EDGES = "".join(chr(c) for c in range(0x21))
_INLINE = re.compile(r"\]\(")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]*\]:", re.M)
_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://)")
_TOKEN = re.compile(r"\s*<?(\S{0,4096})")
_LOOK = 4096
"""How much of a destination is read to tell its scheme: padding it with more spaces or
character references than that only leaves the render stage to drop the link."""


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in ``url``, in lower case; None for a relative URL."""
    text = html.unescape(url).translate(_DROPPED).strip(_EDGES)
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def allowed_url(url: str) -> bool:
    """True for an http(s), mailto or relative URL: the only ones published as links."""
    scheme = url_scheme(url)
    return scheme is None or scheme in ALLOWED_SCHEMES


def check_url(url: str, where: SourceLocation) -> str:
    """``url`` itself, or an error at ``where`` when it is not allowed."""
    if not allowed_url(url):
        raise ContentError(where, _refusal(url))
    return url


def url_problem(url: str | None, where: SourceLocation) -> list[ContentError]:
    """The error of ``url`` at ``where`` when it is not allowed (none for no URL)."""
    return [] if url is None or allowed_url(url) else [ContentError(where, _refusal(url))]


def body_link_errors(text: str, body_start: int, path: str) -> list[ContentError]:
    """An error for every link or image in a Markdown body whose URL is not allowed."""
    return [
        ContentError(SourceLocation(path, text.count("\n", 0, offset) + 1), _refusal(url))
        for offset, url in _body_urls(text, body_start)
        if not allowed_url(url)
    ]


def _body_urls(text: str, body_start: int) -> Iterator[tuple[int, str]]:
    """Where each link destination of the body begins, and enough of it to tell its scheme.

    An inline destination may hold spaces and newlines and may come after some: it is
    taken up to the next ``)``, which no scheme holds, or ``_LOOK`` characters (spaces
    and entities before the scheme are stripped as a browser strips them).
    """
    close = -1
    for match in _INLINE.finditer(text, body_start):
        if close < match.end():  # the next ")" after this link's opening, found once
            close = text.find(")", match.end())
            close = len(text) if close < 0 else close
        end = min(close, match.end() + _LOOK)
        yield match.start(), text[match.end() : end].lstrip().removeprefix("<")
    for match in _DEFINITION.finditer(text, body_start):
        token = _TOKEN.match(text, match.end())
        yield match.start(), token.group(1) if token else ""
    for match in _AUTOLINK.finditer(text, body_start):
        yield match.start(), match.group(1)


def _refusal(url: str) -> str:
    shown = html.unescape(url).translate(_DROPPED).strip(_EDGES)
    shown = re.split(r"[\s>\"']", shown, maxsplit=1)[0]
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return (
        f"link to '{shown}' is not allowed: only http(s), mailto and relative links are "
        "published (a relative link with ':' in its first part needs './' before it)"
    )
