"""The HTTP side of ``timeline serve``: files from memory, the reload channel, nothing from disk.

A thread per connection, HTTP/1.1 with keep-alive (a page's stylesheet, script and the
reload channel come over few connections) and a listen backlog that takes a burst of
clients. A client that hangs up is no error. Requests must name this server in their
``Host``: its address, a localhost name or the name it was started with; any other name
is refused, so a web page cannot reach the preview through a name of its own that it
points at 127.0.0.1 (DNS rebinding).
"""

from __future__ import annotations

import contextlib
import errno
import html
import ipaddress
import json
import logging
import mimetypes
import socket
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from timeline.errors import UsageError
from timeline.serve.client import EVENTS_PATH, inject, reload_script
from timeline.serve.live import Live, LiveState
from timeline.serve.paths import BadPath, site_key
from timeline.serve.site import MISSING, SiteVersion

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15.0
DIGEST_HEADER = "X-Timeline-Digest"
"""Sent with every page: what the page's script compares with the digests of later versions."""
_NOT_FOUND = b"<!DOCTYPE html><html><body><h1>Not found</h1></body></html>\n"


_WILDCARDS = frozenset({"0.0.0.0", "::", ""})
_HANG_UPS = (ConnectionError, TimeoutError)
"""What a client that went away (or stopped answering) raises: nothing to report."""


class PreviewServer(ThreadingHTTPServer):
    """A threading server that knows the live state and can cut every open connection."""

    daemon_threads = False
    block_on_close = True
    request_queue_size = 128  # socketserver's default of 5 drops connections in a burst

    def __init__(self, address: tuple[str, int], live: Live) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)
        self.live = live
        self.hosts = served_names(address[0])
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up is no error; anything else is logged with its traceback."""
        if isinstance(sys.exc_info()[1], _HANG_UPS):
            log.debug("%s went away", client_address)
        else:
            log.exception("serving %s failed", client_address)

    def track(self, connection: socket.socket, open_: bool) -> None:
        """Remember (or forget) an open client connection."""
        with self._lock:
            (self._connections.add if open_ else self._connections.discard)(connection)

    def close_connections(self) -> None:
        """End every open connection, so that no handler thread keeps waiting on a client."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    @property
    def url(self) -> str:
        """Where the site is served, such as ``http://127.0.0.1:8000/``."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"


def bind(host: str, port: int, live: Live) -> PreviewServer:
    """A server listening on ``host:port``; a port in use is a usage error, not a traceback."""
    try:
        return PreviewServer((host, port), live)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} on {host} is in use; stop the other server or use --port"
            ) from None
        if error.errno == errno.EACCES:
            raise UsageError(
                f"not allowed to listen on port {port}; use a port above 1023"
            ) from None
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def served_names(host: str) -> frozenset[str]:
    """The ``Host`` names this server answers to: the address it was given, localhost's
    names, and every IP address when it listens on all of them (a wildcard)."""
    names = {host.lower().strip("[]"), "localhost", "127.0.0.1", "::1"}
    if host in _WILDCARDS:
        names.add("*")
    return frozenset(names)


def host_allowed(header: str | None, names: frozenset[str]) -> bool:
    """True when a ``Host`` header names the server (its port is not looked at)."""
    if header is None:
        return True  # an HTTP/1.0 client without one; every browser sends it
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        host = host[1 : host.find("]")] if "]" in host else ""
    elif host.count(":") == 1:
        host = host.split(":")[0]
    host = host.rstrip(".")
    if host in names or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return "*" in names


@dataclass(frozen=True, slots=True)
class _Answer:
    """A response, made before any of it is sent."""

    status: HTTPStatus
    data: bytes
    content_type: str = "text/html"
    headers: Mapping[str, str] = field(default_factory=dict)


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the in-memory site, plus the Server-Sent Events channel."""

    server: PreviewServer
    server_version = "timeline-serve"
    protocol_version = "HTTP/1.1"  # keep-alive: every answer has a length
    timeout = 30
    disable_nagle_algorithm = True  # small writes (events, headers) go out at once

    def setup(self) -> None:
        """Track the connection so that shutting down can end it."""
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        """Forget the connection."""
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def do_GET(self) -> None:
        """Answer a request for a file, or open the reload channel."""
        if not self._host_allowed(head=False):
            return
        if urlsplit(self.path).path == EVENTS_PATH:
            self._events()
        else:
            self._file(head=False)

    def do_HEAD(self) -> None:
        """Answer like GET, without the body."""
        if self._host_allowed(head=True):
            self._file(head=True)

    def _host_allowed(self, head: bool) -> bool:
        if host_allowed(self.headers.get("Host"), self.server.hosts):
            return True
        text = f"Forbidden: this preview answers requests for {self.server.url} only\n"
        self._send(_Answer(HTTPStatus.FORBIDDEN, text.encode(), "text/plain"), head)
        return False

    def log_message(self, format: str, *args: Any) -> None:
        """Requests go to the debug log, not to the terminal."""
        log.debug("%s " + format, self.address_string(), *args)

    def _file(self, head: bool) -> None:
        self._send(self._answer(), head)

    def _answer(self) -> _Answer:
        """The response to a file request, made whole before anything is sent, so a client
        that hangs up while it is sent is never taken for a page that cannot render."""
        try:
            key = site_key(self.path)
        except BadPath:
            return _Answer(HTTPStatus.BAD_REQUEST, b"Bad request\n", "text/plain")
        state = self.server.live.state
        if state.site is None:
            return _Answer(HTTPStatus.SERVICE_UNAVAILABLE, _error_page(state, key))
        try:
            return self._from_site(state.site, key)
        except Exception as error:
            log.exception("cannot render %s", key)
            failed = LiveState(state.epoch, None, (f"{key}: cannot render: {error}",))
            return _Answer(HTTPStatus.INTERNAL_SERVER_ERROR, _error_page(failed, key))

    def _from_site(self, site: SiteVersion, full_key: str) -> _Answer:
        base = site.base_path.lstrip("/")
        if base and (full_key + "/" == base or full_key == "index.html"):
            return _redirect(site.base_path)
        key = full_key[len(base) :] if full_key.startswith(base) else None
        data = site.get(key) if key is not None else None
        if key is not None and data is None and site.get(key + "/index.html") is not None:
            return _redirect(urlsplit(self.path).path + "/")
        if key is None or data is None:
            page = site.get("404.html") or _NOT_FOUND
            script = reload_script(key or full_key, MISSING)
            return _Answer(HTTPStatus.NOT_FOUND, inject(page, script))
        return _file_answer(site, key, data)

    def _send(self, answer: _Answer, head: bool) -> None:
        content_type = answer.content_type
        charset = "; charset=utf-8" if content_type.startswith("text/") else ""
        self.send_response(answer.status)
        self.send_header("Content-Type", content_type + charset)
        self.send_header("Content-Length", str(len(answer.data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(answer.data)

    def _events(self) -> None:
        key = parse_qs(urlsplit(self.path).query).get("page", ["index.html"])[0][:1000]
        self.close_connection = True  # a stream without a length ends with its connection
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):  # the page was closed or reloaded
            self._stream(key)

    def _stream(self, key: str) -> None:
        live, epoch = self.server.live, -1
        while True:
            state = live.wait_after(epoch, HEARTBEAT_SECONDS)
            if state is None:
                return
            if state.epoch == epoch:
                self.wfile.write(b": still here\n\n")
            else:
                epoch = state.epoch
                self.wfile.write(b"data: " + _message(state, key) + b"\n\n")
            self.wfile.flush()


def _redirect(location: str) -> _Answer:
    return _Answer(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", {"Location": location})


def _file_answer(site: SiteVersion, key: str, data: bytes) -> _Answer:
    content_type = _content_type(key)
    if content_type != "text/html":
        return _Answer(HTTPStatus.OK, data, content_type)
    digest = site.digest(key)
    data = inject(data, reload_script(key, digest, site.assets))
    return _Answer(HTTPStatus.OK, data, content_type, {DIGEST_HEADER: digest})


def _message(state: LiveState, key: str) -> bytes:
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


def _error_page(state: LiveState, key: str) -> bytes:
    items = "\n".join(html.escape(e) for e in state.errors) or "Building..."
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Build failed</title></head>"
        f"<body><h1>The site could not be built</h1><pre>{items}</pre></body></html>\n"
    ).encode()
    return inject(page, reload_script(key, "none"))


def _content_type(key: str) -> str:
    guessed, _ = mimetypes.guess_type(key, strict=False)
    if key.endswith(".html"):
        return "text/html"
    return guessed or "application/octet-stream"
