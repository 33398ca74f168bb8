"""Request paths → keys of the in-memory site; anything that could leave the site is refused."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

_ENCODED_SEPARATORS = ("%2f", "%5c", "%00")


class BadPath(ValueError):
    """A request path that is not a plain path inside the site."""


def site_key(target: str) -> str:
    """The key of the file a request target names: ``/a/`` → ``a/index.html``.

    Refused with :class:`BadPath`: anything not starting with one ``/`` (absolute URLs,
    ``//host``), backslashes, encoded separators or NUL, invalid UTF-8, and ``.`` or ``..``
    segments, whether written plainly or percent-encoded.
    """
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        raise BadPath(target)
    if any(code in path.lower() for code in _ENCODED_SEPARATORS):
        raise BadPath(target)
    text = _decoded(path)
    segments = text.split("/")[1:]
    if any(segment in (".", "..") for segment in segments):
        raise BadPath(target)
    key = "/".join(segments)
    return key + "index.html" if key == "" or key.endswith("/") else key


def _decoded(path: str) -> str:
    raw = unquote_to_bytes(path)
    if b"\0" in raw or b"\\" in raw:
        raise BadPath(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadPath(path) from None
