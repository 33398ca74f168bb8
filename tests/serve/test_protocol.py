"""HTTP/1.x as ``timeline serve`` speaks it (request heads, keep-alive, pipelining, HEAD,
what it refuses), and a page that takes long to render not holding up other clients:
a real server process and raw sockets.
"""

from __future__ import annotations

import re
import shutil
import socket
import time
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import pytest

from tests.helpers import TESTS, write_article
from tests.serve.test_serve import Server
from timeline.render import BUILTIN_THEME
from timeline.serve.http import HEARTBEAT_SECONDS, BadRequest, parse_request

TOO_LARGE = HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE

# Pure pieces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "method", "target", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/", True),
        (b"GET /a?b HTTP/1.1\r\nConnection: close\r\n\r\n", "GET", "/a?b", False),
        (b"GET / HTTP/1.1\r\nConnection: Keep-Alive, Close\r\n\r\n", "GET", "/", False),
        (b"HEAD /x HTTP/1.0\r\n\r\n", "HEAD", "/x", False),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET", "/", True),
        (b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n", "GET", "/", False),  # body not read
        (b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "GET", "/", False),
        (b"POST / HTTP/1.1\r\n\r\n", "POST", "/", True),  # refused later, by method
    ],
)
def test_parse_request(head: bytes, method: str, target: str, keep_alive: bool) -> None:
    request = parse_request(head)
    assert (request.method, request.target, request.keep_alive) == (method, target, keep_alive)


def test_parse_request_takes_the_first_host() -> None:
    head = b"GET / HTTP/1.1\r\nhost: a.localhost\r\nHost: evil.example\r\n\r\n"
    assert parse_request(head).host == "a.localhost"


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (b"\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET /\r\n\r\n", HTTPStatus.BAD_REQUEST),  # HTTP/0.9
        (b"GET  / HTTP/1.1\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET / HTTP/2.0\r\n\r\n", HTTPStatus.HTTP_VERSION_NOT_SUPPORTED),
        (b"GET / SPDY/3\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET / HTTP/1.1\r\nNo colon\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET / HTTP/1.1\r\nHost : x\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", HTTPStatus.BAD_REQUEST),
        (b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 101 + b"\r\n", TOO_LARGE),
    ],
)  # fmt: skip
def test_parse_request_refuses(head: bytes, status: HTTPStatus) -> None:
    with pytest.raises(BadRequest) as refused:
        parse_request(head)
    assert refused.value.status == status


# A real server -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    site = tmp_path_factory.mktemp("protocol") / "sample"
    shutil.copytree(TESTS / "sites" / "sample", site)
    running = Server(site)
    yield running
    assert running.stop() == 0
    assert "Traceback" not in "".join(running.lines)


class Raw:
    """A client connection that sends bytes as they are and reads answers by their length."""

    def __init__(self, port: int) -> None:
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=20)
        self.buffer = b""

    def send(self, data: bytes) -> None:
        self.socket.sendall(data)

    def answer(self, head_only: bool = False) -> tuple[int, dict[str, str], bytes]:
        """The next answer: status, headers (lower-case names) and body."""
        while b"\r\n\r\n" not in self.buffer:
            self._more()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in lines[1:])
        length = 0 if head_only else int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            self._more()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(lines[0].split(" ")[1]), headers, body

    def read_until(self, marker: bytes) -> None:
        """Read until ``marker`` has come (it stays in the buffer)."""
        while marker not in self.buffer:
            self._more()

    def closed(self) -> bool:
        """True when the server closed the connection (nothing more comes)."""
        return self.buffer == b"" and self.socket.recv(1) == b""

    def _more(self) -> None:
        chunk = self.socket.recv(65536)
        assert chunk, f"the connection ended; read so far: {self.buffer[:200]!r}"
        self.buffer += chunk

    def close(self) -> None:
        self.socket.close()


def get(target: str, version: str = "HTTP/1.1", extra: str = "", method: str = "GET") -> bytes:
    return f"{method} {target} {version}\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode("latin-1")


def test_pipelined_requests_are_answered_in_order(server: Server) -> None:
    client = Raw(server.port)
    try:
        client.send(get("/sample/static/style.css") + get("/sample/nope.html") + get("/sample/"))
        statuses = [client.answer()[0] for _ in range(3)]
        assert statuses == [200, 404, 200]
        client.send(get("/sample/", extra="Connection: close\r\n"))
        assert client.answer()[0] == 200 and client.closed()
    finally:
        client.close()


def test_http_1_0_keeps_its_connection_only_when_it_asks(server: Server) -> None:
    client = Raw(server.port)
    try:
        client.send(get("/sample/", "HTTP/1.0", "Connection: keep-alive\r\n"))
        status, headers, body = client.answer()
        assert status == 200 and headers["connection"] == "keep-alive" and b"</html>" in body
        client.send(get("/sample/", "HTTP/1.0"))
        status, headers, _ = client.answer()
        assert status == 200 and headers["connection"] == "close" and client.closed()
    finally:
        client.close()


def test_head_has_the_length_of_get_and_no_body(server: Server) -> None:
    client = Raw(server.port)
    try:
        client.send(get("/sample/index.html"))
        _, got, body = client.answer()
        client.send(get("/sample/index.html", method="HEAD") + get("/sample/static/style.css"))
        status, headed, _ = client.answer(head_only=True)
        assert status == 200 and headed["content-length"] == got["content-length"] == str(len(body))
        assert client.answer()[0] == 200  # the next answer starts right after the head
    finally:
        client.close()


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (get("/sample/", method="POST"), 501),
        (get("/sample/", method="DELETE"), 501),
        (b"HELLO\r\n\r\n", 400),
        (get("/sample/", "HTTP/2.0"), 505),
        (get("/sample/", extra="X-Long: " + "a" * 70_000 + "\r\n"), 431),
    ],
)
def test_what_it_refuses_ends_the_connection(
    server: Server, request_bytes: bytes, status: int
) -> None:
    client = Raw(server.port)
    try:
        client.send(request_bytes)
        got, headers, _ = client.answer()
        assert got == status
        assert headers["connection"] == "close" and client.closed()
    finally:
        client.close()


def test_the_reload_channel_sends_a_heartbeat_while_nothing_changes(server: Server) -> None:
    """A quiet channel still sends a comment now and then, so that proxies and browsers do
    not take it for dead; the heartbeat's interval is the server's constant."""
    client = Raw(server.port)
    client.socket.settimeout(HEARTBEAT_SECONDS + 10)
    try:
        client.send(get("/__timeline/events?page=index.html"))
        client.read_until(b"data: ")
        started = time.monotonic()
        client.read_until(b": still here\n\n")
        waited = time.monotonic() - started
        assert HEARTBEAT_SECONDS - 1 < waited < HEARTBEAT_SECONDS + 10
        assert client.buffer.count(b"data: ") == 1  # nothing changed: no second message
    finally:
        client.close()


def test_a_page_that_takes_long_to_render_holds_up_no_other_client(sample_site: Path) -> None:
    """While an article page renders for seconds, another client's requests are answered."""
    templates = sample_site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    source = (BUILTIN_THEME / "templates" / "article.html").read_text(encoding="utf-8")
    slow = "{% if 'Slow' in article.title %}{% for i in range(30000000) %}{% endfor %}{% endif %}"
    at = source.rindex("{% endblock %}")
    (templates / "article.html").write_text(source[:at] + slow + source[at:], encoding="utf-8")
    running = Server(sample_site)
    other, waiting = Raw(running.port), Raw(running.port)
    try:
        other.send(get("/sample/static/style.css"))
        assert other.answer()[0] == 200
        write_article(sample_site, "slow.md", "\n".join([
            "---", "title: Slow report", "published: 2025-01-12", "source: Sample Wire", "---",
            "", "The harbour reopened on January 11, 2025.", "",
        ]))  # fmt: skip
        running.wait_for(r"(?s)Built .*Built ")  # the version with the new article
        waiting.send(get("/sample/articles/slow.html"))
        for target in ("/sample/static/style.css", "/sample/", "/sample/articles/talks-open.html"):
            other.send(get(target))
            assert other.answer()[0] == 200, target
        waiting.socket.setblocking(False)
        with pytest.raises(BlockingIOError):  # the slow page is still being made
            waiting.socket.recv(1)
        waiting.socket.settimeout(120)
        status, _, body = waiting.answer()
        assert status == 200 and re.search(rb"<h1[^>]*>Slow report</h1>", body)
    finally:
        other.close()
        waiting.close()
        assert running.stop() == 0
    assert "Traceback" not in "".join(running.lines)
