"""What serve answers, made whole before any of it is sent: files of the in-memory site,
redirects, the 404 page, error pages, and the messages of the reload channel.

Making an answer may render a page (CPU work): the server makes answers on worker threads
and sends them from its event loop. Nothing here does I/O.
"""

from __future__ import annotations

import html
import json
import logging
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urlsplit

from timeline.serve.client import body_end, reload_script
from timeline.serve.live import LiveState
from timeline.serve.paths import BadPath, site_key
from timeline.serve.site import MISSING, SiteVersion

log = logging.getLogger(__name__)

DIGEST_HEADER = "X-Timeline-Digest"
"""Sent with every page: what the page's script compares with the digests of later versions."""
_NOT_FOUND = b"<!DOCTYPE html><html><body><h1>Not found</h1></body></html>\n"

Part = bytes | memoryview


@dataclass(frozen=True, slots=True)
class Answer:
    """A response: its status, the parts of its body sent one after the other (a page and
    the reload script inside it, without copying the page), its type and other headers."""

    status: HTTPStatus
    parts: tuple[Part, ...]
    content_type: str = "text/html"
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def length(self) -> int:
        """The length of the body in bytes."""
        return sum(len(part) for part in self.parts)


def plain(status: HTTPStatus, text: str) -> Answer:
    """A short answer in plain text."""
    return Answer(status, (text.encode(),), "text/plain")


def file_answer(state: LiveState, target: str) -> Answer:
    """The answer to a request for ``target`` (``/sample/articles/x.html?y``) in ``state``.

    A page that cannot render is a 500 page naming the error, logged once here; the
    answer is whole before anything is sent, so a client that hangs up while it is sent
    is never taken for a page that cannot render.
    """
    try:
        key = site_key(target)
    except BadPath:
        return plain(HTTPStatus.BAD_REQUEST, "Bad request\n")
    if state.site is None:
        return _error_answer(HTTPStatus.SERVICE_UNAVAILABLE, state, key)
    try:
        return _from_site(state.site, key, urlsplit(target).path)
    except Exception as error:
        log.exception("cannot render %s", key)
        failed = LiveState(state.epoch, None, (f"{key}: cannot render: {error}",))
        return _error_answer(HTTPStatus.INTERNAL_SERVER_ERROR, failed, key)


def event_message(state: LiveState, key: str) -> bytes:
    """The reload channel's message about the page at ``key``: the epoch, the page's digest,
    the static files' digest and the errors of the last build, as JSON."""
    digest, assets = MISSING, ""
    if state.site is not None:
        assets = state.site.assets
        try:
            digest = state.site.digest(key)
        except Exception as error:  # a page that cannot render shows as an error
            body = {"epoch": state.epoch, "digest": MISSING, "assets": assets,
                    "errors": [f"{key}: {error}"]}  # fmt: skip
            return json.dumps(body).encode()
    body = {"epoch": state.epoch, "digest": digest, "assets": assets, "errors": list(state.errors)}
    return json.dumps(body).encode()


def _from_site(site: SiteVersion, full_key: str, path: str) -> Answer:
    base = site.base_path.lstrip("/")
    if base and (full_key + "/" == base or full_key == "index.html"):
        return _redirect(site.base_path)
    key = full_key[len(base) :] if full_key.startswith(base) else None
    data = site.get(key) if key is not None else None
    if key is not None and data is None and site.get(key + "/index.html") is not None:
        return _redirect(path + "/")
    if key is None or data is None:
        page = site.get("404.html") or _NOT_FOUND
        return _page(HTTPStatus.NOT_FOUND, page, reload_script(key or full_key, MISSING))
    content_type = _content_type(key)
    if content_type != "text/html":
        return Answer(HTTPStatus.OK, (data,), content_type)
    digest = site.digest(key)
    script = reload_script(key, digest, site.assets)
    return _page(HTTPStatus.OK, data, script, {DIGEST_HEADER: digest})


def _page(
    status: HTTPStatus, page: bytes, script: bytes = b"", headers: Mapping[str, str] | None = None
) -> Answer:
    """An HTML answer: ``page`` with ``script`` before its ``</body>``."""
    at = body_end(page)
    view = memoryview(page)
    return Answer(status, (view[:at], script, view[at:]), "text/html", headers or {})


def _redirect(location: str) -> Answer:
    return Answer(HTTPStatus.MOVED_PERMANENTLY, (), "text/plain", {"Location": location})


def _error_answer(status: HTTPStatus, state: LiveState, key: str) -> Answer:
    """A page listing the errors of ``state`` (escaped: no HTML of the content runs)."""
    items = "\n".join(html.escape(e) for e in state.errors) or "Building..."
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Build failed</title></head>"
        f"<body><h1>The site could not be built</h1><pre>{items}</pre></body></html>\n"
    ).encode()
    return _page(status, page, reload_script(key, "none"))


def _content_type(key: str) -> str:
    guessed, _ = mimetypes.guess_type(key, strict=False)
    if key.endswith(".html"):
        return "text/html"
    return guessed or "application/octet-stream"
