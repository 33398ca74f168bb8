"""The HTTP side of ``timeline serve``: files from memory, the reload channel, nothing from disk."""

from __future__ import annotations

import contextlib
import errno
import html
import json
import logging
import mimetypes
import socket
import threading
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


class PreviewServer(ThreadingHTTPServer):
    """A threading server that knows the live state and can cut every open connection."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], live: Live) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)
        self.live = live
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()

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


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the in-memory site, plus the Server-Sent Events channel."""

    server: PreviewServer
    server_version = "timeline-serve"
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
        if urlsplit(self.path).path == EVENTS_PATH:
            self._events()
        else:
            self._file(head=False)

    def do_HEAD(self) -> None:
        """Answer like GET, without the body."""
        self._file(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests go to the debug log, not to the terminal."""
        log.debug("%s " + format, self.address_string(), *args)

    def _file(self, head: bool) -> None:
        try:
            key = site_key(self.path)
        except BadPath:
            self._send(HTTPStatus.BAD_REQUEST, b"Bad request\n", "text/plain", head)
            return
        state = self.server.live.state
        if state.site is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, _error_page(state, key), "text/html", head)
            return
        try:
            self._from_site(state.site, key, head)
        except Exception as error:
            log.exception("cannot render %s", key)
            failed = LiveState(state.epoch, None, (f"{key}: cannot render: {error}",))
            self._send(
                HTTPStatus.INTERNAL_SERVER_ERROR, _error_page(failed, key), "text/html", head
            )

    def _from_site(self, site: SiteVersion, full_key: str, head: bool) -> None:
        base = site.base_path.lstrip("/")
        if base and (full_key + "/" == base or full_key == "index.html"):
            self._redirect(site.base_path)
            return
        key = full_key[len(base) :] if full_key.startswith(base) else None
        data = site.get(key) if key is not None else None
        if key is not None and data is None and site.get(key + "/index.html") is not None:
            self._redirect(urlsplit(self.path).path + "/")
        elif key is None or data is None:
            page = site.get("404.html") or _NOT_FOUND
            script = reload_script(key or full_key, MISSING)
            self._send(HTTPStatus.NOT_FOUND, inject(page, script), "text/html", head)
        else:
            self._send_file(site, key, data, head)

    def _send_file(self, site: SiteVersion, key: str, data: bytes, head: bool) -> None:
        content_type = _content_type(key)
        headers = {}
        if content_type == "text/html":
            digest = site.digest(key)
            data = inject(data, reload_script(key, digest, site.assets))
            headers[DIGEST_HEADER] = digest
        self._send(HTTPStatus.OK, data, content_type, head, headers)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self,
        status: HTTPStatus,
        data: bytes,
        content_type: str,
        head: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        charset = "; charset=utf-8" if content_type.startswith("text/") else ""
        self.send_response(status)
        self.send_header("Content-Type", content_type + charset)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _events(self) -> None:
        key = parse_qs(urlsplit(self.path).query).get("page", ["index.html"])[0][:1000]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
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
