"""The HTTP side of ``timeline serve`` under many clients, clients that hang up, and
requests for another host (DNS rebinding): a real server process, real sockets.

How fast it answers is measured in bench/serve_load.py, not here (docs/internals/serve.md).
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.serve.test_serve import Server
from timeline.serve.http import host_allowed, served_names

PAGES = [
    "index.html",
    "articles/talks-open.html",
    "articles/ceasefire-agreed.html",
    "static/style.css",
    "timeline.json",
    "search-index.js",
    "feed.xml",
    "no-such-page.html",
]


@pytest.fixture
def server(sample_site: Path) -> Iterator[Server]:
    running = Server(sample_site)
    yield running
    running.stop()


def answers(server: Server, paths: list[str], rounds: int) -> list[tuple[str, int, bytes, str]]:
    """``rounds`` times each path over one kept-alive connection: path, status, body and
    the ``Connection`` header of every answer; a second connection would be an error."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    base = urlsplit(server.url).path
    got = []
    try:
        for _ in range(rounds):
            for path in paths:
                connection.request("GET", base + path)
                sock = connection.sock
                response = connection.getresponse()
                body = response.read()
                got.append((path, response.status, body, response.getheader("Connection", "")))
                assert connection.sock is sock, "the server closed a kept-alive connection"
    finally:
        connection.close()
    return got


def test_many_clients_at_once_get_complete_and_right_answers(server: Server) -> None:
    expected = {path: (status, body) for path, status, body, _ in answers(server, PAGES, 1)}
    assert expected["index.html"][0] == 200 and expected["no-such-page.html"][0] == 404
    results: list[list[tuple[str, int, bytes, str]]] = []
    failures: list[BaseException] = []

    def client() -> None:
        try:
            results.append(answers(server, PAGES, 5))
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=client) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert len(results) == 40
    for got in results:
        assert [(path, status, body) for path, status, body, _ in got] == [
            (path, *expected[path]) for path in PAGES * 5
        ]
        assert all(connection != "close" for *_, connection in got)
    assert "Traceback" not in "".join(server.lines)


def test_clients_that_hang_up_print_nothing(server: Server) -> None:
    """A client that sends a request and resets the connection at once, 200 times."""
    base = urlsplit(server.url).path
    for number in range(200):
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            target = base + PAGES[number % len(PAGES)]
            connection.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    assert raw_status(server.port, "127.0.0.1") == 200  # still serving
    assert server.stop() == 0
    printed = "".join(server.lines)
    assert "Traceback" not in printed and "cannot render" not in printed
    assert "Error" not in printed and "rror" not in printed.replace("errors", "")


def raw_status(port: int, host: str | None, target: str = "/sample/index.html") -> int:
    header = f"Host: {host}\r\n" if host is not None else ""
    request = f"GET {target} HTTP/1.1\r\n{header}Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode("latin-1"))
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_a_request_for_another_host_is_refused(server: Server) -> None:
    port = server.port
    for host in ("127.0.0.1", f"127.0.0.1:{port}", f"localhost:{port}", "preview.localhost"):
        assert raw_status(port, host) == 200, host
    for host in ("attacker.example", f"attacker.example:{port}", "10.0.0.1", "127.0.0.1.nip.io"):
        assert raw_status(port, host) == 403, host
        assert raw_status(port, host, "/__timeline/events?page=index.html") == 403, host


@pytest.mark.parametrize(
    ("header", "served", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost", "127.0.0.1", True),
        ("LOCALHOST.:8000", "127.0.0.1", True),
        ("app.localhost", "127.0.0.1", True),
        ("[::1]:8000", "::1", True),
        ("evil.example", "127.0.0.1", False),
        ("127.0.0.1.evil.example", "127.0.0.1", False),
        ("localhost.evil.example", "127.0.0.1", False),
        ("192.168.1.20:8000", "127.0.0.1", False),
        ("192.168.1.20:8000", "0.0.0.0", True),  # on every address: reached by any of them
        ("evil.example", "0.0.0.0", False),
        ("preview.lan", "preview.lan", True),  # the name it was started with
        ("", "127.0.0.1", False),
        (None, "127.0.0.1", True),  # HTTP/1.0 without a Host: no browser sends that
    ],
)
def test_host_allowed(header: str | None, served: str, allowed: bool) -> None:
    assert host_allowed(header, served_names(served)) is allowed
