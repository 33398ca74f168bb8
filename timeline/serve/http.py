"""The HTTP side of ``timeline serve``: one asyncio event loop answers every client from memory.

HTTP/1.1 with keep-alive (a page's stylesheet, script and the reload channel come over few
connections) and a listen backlog that takes a burst of clients. An answer made once for
the version being served is kept and sent again from the loop at once; an answer not made
yet (a page rendered on first ask) is made on a worker thread, so that one render never
stalls the other clients. The reload channel (Server-Sent Events) wakes when a rebuild,
on its own thread, publishes a new state: the news reaches the loop thread-safely. A client
that hangs up is no error. Requests must name this server in their ``Host``: its address,
a localhost name or the name it was started with; any other name is refused, so a web page
cannot reach the preview through a name of its own that it points at 127.0.0.1 (DNS
rebinding).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from functools import partial
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from timeline.errors import UsageError
from timeline.serve.answers import Answer, event_message, file_answer, plain
from timeline.serve.client import EVENTS_PATH
from timeline.serve.live import Live
from timeline.serve.site import SiteVersion
from timeline.serve.workers import Workers

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15.0
IDLE_SECONDS = 30.0
"""How long a kept-alive connection may wait for its next request before it is closed."""
CLOSE_SECONDS = 1.0
"""How long a closed connection may take to send what is left before it is let go."""
BACKLOG = 128
HEAD_LIMIT = 65536
"""The longest request head (request line and headers) read, in bytes."""
MAX_HEADERS = 100
KEPT_ANSWERS = 4096
"""How many answers of one version are kept, by request target (every file of a site is
asked for by one target or two; missing pages under random names are not kept for ever)."""

_WILDCARDS = frozenset({"0.0.0.0", "::", ""})
_HANG_UPS = (ConnectionError, TimeoutError, asyncio.IncompleteReadError)
"""What a client that went away (or stopped answering) raises: nothing to report."""
_SERVER = b"Server: timeline-serve\r\n"


class BadRequest(Exception):
    """A request the server does not take: answered with ``status``, then the connection ends."""

    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


@dataclass(frozen=True, slots=True)
class Request:
    """The head of one request; ``keep_alive``: the connection takes another request after it."""

    method: str
    target: str
    version: str
    host: str | None
    keep_alive: bool


def parse_request(head: bytes) -> Request:
    """The request in ``head`` (up to and with its empty line); :class:`BadRequest` if it is
    not a well-formed HTTP/1.x request head."""
    lines = head.decode("latin-1").split("\r\n")[:-2]
    words = lines[0].split(" ") if lines else []
    if len(words) != 3 or not words[0] or not words[1]:
        raise BadRequest(HTTPStatus.BAD_REQUEST)
    method, target, version = words
    if not version.startswith("HTTP/1."):
        status = HTTPStatus.HTTP_VERSION_NOT_SUPPORTED
        raise BadRequest(status if version.startswith("HTTP/") else HTTPStatus.BAD_REQUEST)
    if len(lines) > MAX_HEADERS + 1:
        raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip() or line[0] in " \t":
            raise BadRequest(HTTPStatus.BAD_REQUEST)  # also a folded line (obsolete)
        headers.setdefault(name.lower(), value.strip())
    tokens = {token.strip() for token in headers.get("connection", "").lower().split(",")}
    keep_alive = "close" not in tokens if version != "HTTP/1.0" else "keep-alive" in tokens
    if "transfer-encoding" in headers or headers.get("content-length", "0") != "0":
        keep_alive = False  # a body is not read: the connection ends after the answer
    return Request(method, target, version, headers.get("host"), keep_alive)


@dataclass(frozen=True, slots=True)
class _Ready:
    """An answer encoded for sending: its status line and headers but the connection's."""

    head: bytes
    parts: tuple[bytes | memoryview, ...]
    status: int


def _ready(answer: Answer) -> _Ready:
    content_type = answer.content_type
    charset = "; charset=utf-8" if content_type.startswith("text/") else ""
    lines = [
        f"HTTP/1.1 {answer.status.value} {answer.status.phrase}",
        f"Content-Type: {content_type}{charset}",
        f"Content-Length: {answer.length}",
        "Cache-Control: no-store",
        "X-Content-Type-Options: nosniff",
        *(f"{name}: {value}" for name, value in answer.headers.items()),
    ]
    return _Ready("\r\n".join(lines).encode("latin-1") + b"\r\n", answer.parts, answer.status)


class PreviewServer:
    """The listening socket, the answers made for the version served, the open connections."""

    def __init__(self, listening: socket.socket, live: Live, host: str) -> None:
        self._socket = listening
        self.live = live
        self.hosts = served_names(host)
        text = f"Forbidden: this preview answers requests for {self.url} only\n"
        self._forbidden = _ready(plain(HTTPStatus.FORBIDDEN, text))
        self._answers: dict[str, _Ready] = {}
        self._answers_of: SiteVersion | None = None
        self._making: dict[str, asyncio.Future[_Ready]] = {}
        self._connections: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Event()
        self._workers: Workers | None = None
        self._date = (0, b"")

    @property
    def address(self) -> tuple[str, int]:
        """The address and port listened on."""
        host, port = self._socket.getsockname()[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        """Where the site is served, such as ``http://127.0.0.1:8000/``."""
        name, port = self.address
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    async def serve(self, stop: asyncio.Event) -> None:
        """Answer clients until ``stop`` is set, then end every connection."""
        loop = asyncio.get_running_loop()
        self._workers = Workers(loop)
        self.live.listen(partial(_wake, loop, self._state_changed))
        server = await asyncio.start_server(self._accept, sock=self._socket, limit=HEAD_LIMIT)
        try:
            await stop.wait()
        finally:
            self.live.listen(None)
            server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)
            self._workers.stop()

    def close(self) -> None:
        """Stop listening."""
        self._socket.close()

    def _state_changed(self) -> None:
        """On the loop: wake every open reload channel."""
        self._changed.set()
        self._changed = asyncio.Event()

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A task for a new connection, kept so that stopping can cancel it (a task of our
        own: asyncio's streams of Python 3.11 report a cancelled handler as an error)."""
        task = asyncio.get_running_loop().create_task(self._connection(reader, writer))
        self._connections.add(task)
        task.add_done_callback(self._connections.discard)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await self._exchange(reader, writer):
                pass
        except _HANG_UPS:
            log.debug("%s went away", writer.get_extra_info("peername"))
        except Exception:
            log.exception("serving %s failed", writer.get_extra_info("peername"))
        finally:
            await _closed(writer)

    async def _exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read one request and answer it; True if the connection takes another."""
        try:
            async with asyncio.timeout(IDLE_SECONDS):
                head = await reader.readuntil(b"\r\n\r\n")
            request = parse_request(head)
        except asyncio.IncompleteReadError as ended:
            if ended.partial.strip():
                await self._send(writer, _ready(plain(HTTPStatus.BAD_REQUEST, "Bad request\n")))
            return False
        except asyncio.LimitOverrunError:
            status = HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
            await self._send(writer, _ready(plain(status, f"{status.phrase}\n")))
            return False
        except BadRequest as bad:
            await self._send(writer, _ready(plain(bad.status, f"{bad.status.phrase}\n")))
            return False
        if request.method not in ("GET", "HEAD"):
            status = HTTPStatus.NOT_IMPLEMENTED
            await self._send(writer, _ready(plain(status, f"{status.phrase}\n")))
            return False
        head_only = request.method == "HEAD"
        if not host_allowed(request.host, self.hosts):
            ready = self._forbidden
        elif not head_only and urlsplit(request.target).path == EVENTS_PATH:
            await self._events(writer, request.target)
            return False
        else:
            ready = await self._answer(request.target)
        if log.isEnabledFor(logging.DEBUG):
            log.debug('"%s %s %s" %d', request.method, request.target, request.version,
                      ready.status)  # fmt: skip
        await self._send(writer, ready, request, head_only)
        return request.keep_alive

    async def _send(
        self,
        writer: asyncio.StreamWriter,
        ready: _Ready,
        request: Request | None = None,
        head_only: bool = False,
    ) -> None:
        if request is None or not request.keep_alive:
            connection = b"Connection: close\r\n"
        else:  # an HTTP/1.0 client keeps its connection only when told it may
            connection = b"Connection: keep-alive\r\n" if request.version == "HTTP/1.0" else b""
        head = (ready.head, _SERVER, self._date_line(), connection, b"\r\n")
        writer.write(b"".join(head if head_only else (*head, *ready.parts)))
        await writer.drain()

    def _date_line(self) -> bytes:
        """The ``Date`` header, made once a second."""
        now = int(time.time())
        if now != self._date[0]:
            self._date = (now, f"Date: {formatdate(now, usegmt=True)}\r\n".encode())
        return self._date[1]

    async def _answer(self, target: str) -> _Ready:
        """The answer for ``target``: kept from an earlier request for the version served,
        or made on a worker thread (once, however many clients ask for it meanwhile)."""
        state = self.live.state
        if state.site is not self._answers_of:
            self._answers, self._making, self._answers_of = {}, {}, state.site
        kept = self._answers.get(target)
        if kept is not None:
            return kept
        assert self._workers is not None
        making = self._making.get(target)
        if making is None:
            making = self._workers.submit(lambda: _ready(file_answer(state, target)))
            making.add_done_callback(partial(self._made, state.site, target))
            self._making[target] = making
        return await asyncio.shield(making)

    def _made(self, site: SiteVersion | None, target: str, made: asyncio.Future[_Ready]) -> None:
        if site is not self._answers_of or self._making.get(target) is not made:
            return  # a newer version is served now
        del self._making[target]
        if made.cancelled() or made.exception() is not None or site is None:
            return  # no site: an error page, made again with the next errors
        ready = made.result()
        if ready.status != HTTPStatus.INTERNAL_SERVER_ERROR and len(self._answers) < KEPT_ANSWERS:
            self._answers[target] = ready

    async def _events(self, writer: asyncio.StreamWriter, target: str) -> None:
        """The reload channel: a message now and after every change, a comment as heartbeat."""
        key = parse_qs(urlsplit(target).query).get("page", ["index.html"])[0][:1000]
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
            + _SERVER
            + b"Connection: close\r\n\r\n"  # a stream without a length ends with its connection
        )
        assert self._workers is not None
        epoch = -1
        while True:
            state, changed = self.live.state, self._changed
            if state.epoch == epoch:
                writer.write(b": still here\n\n")
            else:
                epoch = state.epoch
                message = await self._workers.submit(partial(event_message, state, key))
                writer.write(b"data: " + message + b"\n\n")
            await writer.drain()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(HEARTBEAT_SECONDS):
                    await changed.wait()


async def _closed(writer: asyncio.StreamWriter) -> None:
    """Close a connection and take the error its end left, if any: a client that reset the
    connection leaves one in the stream's closing future, which asyncio prints as "exception
    never retrieved" when nothing awaits it (a client's hang-up is no error)."""
    writer.close()
    with contextlib.suppress(Exception):
        async with asyncio.timeout(CLOSE_SECONDS):  # a client that reads nothing holds it
            await writer.wait_closed()


def _wake(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
    """Run ``callback`` on ``loop`` (called from the rebuild thread)."""
    with contextlib.suppress(RuntimeError):  # the loop is closed: serve is stopping
        loop.call_soon_threadsafe(callback)


def bind(host: str, port: int, live: Live) -> PreviewServer:
    """A server listening on ``host:port``; a port in use is a usage error, not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        listening = socket.create_server((host, port), family=family, backlog=BACKLOG)
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
    return PreviewServer(listening, live, host)


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
