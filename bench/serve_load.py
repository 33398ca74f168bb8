"""``timeline serve`` under load: many clients at once on loopback, for some seconds.

Copies the repository's example site into ``bench/scratch/serve-load/`` (git-ignored),
builds it once to list its files, starts ``timeline serve`` on it, asks for every file once
(serve renders a page when it is first asked for: the load is measured on a warm server),
then runs ``--clients`` clients for ``--seconds`` seconds. Each client keeps one
connection open (HTTP/1.1 keep-alive) and asks for file after file, chosen at random
(pages, the stylesheet, the exports, now and then a page that does not exist), reading each
answer whole. It prints the number of answers, errors (refused or reset connections,
answers that do not come within 5 s, wrong status), and the latency percentiles.

    .venv/bin/python bench/serve_load.py [--clients 50] [--seconds 10] [--close]
        [--servers timeline,asyncio,threads] [--rounds 3]

``--close`` opens a new connection for every request (as clients of a server without
keep-alive must). The clients run in this one process (asyncio), beside the server on the
same machine: on 2 cores they take some of its CPU.

``--servers`` compares designs in the same minutes, taking turns for ``--rounds`` rounds:
``timeline`` is ``timeline serve``; ``asyncio`` and ``threads`` are bare servers of the
standard library answering one fixed page of 20 KB with HTTP/1.1 keep-alive (an asyncio
event loop; ``ThreadingHTTPServer``, a thread per connection): the floor of each design.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SCRATCH = BENCH / "scratch" / "serve-load"
TIMELINE = Path(sys.executable).with_name("timeline")
TIMEOUT = 5.0
FIXED_PAGE = b"<!DOCTYPE html><html><body>" + b"<p>A fixed page.</p>\n" * 1000 + b"</body></html>"
FIXED_PAGE = FIXED_PAGE[:20_000]
BARE_SERVERS = ("asyncio", "threads")


@dataclass
class Tally:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    connections: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def prepare_site() -> tuple[Path, list[str]]:
    """The example site in the scratch folder, and the paths of its files."""
    shutil.rmtree(SCRATCH, ignore_errors=True)
    SCRATCH.mkdir(parents=True)
    shutil.copy(REPO / "timeline.toml", SCRATCH)
    shutil.copytree(REPO / "content", SCRATCH / "content")
    subprocess.run([str(TIMELINE), "-q", "build", str(SCRATCH)], check=True)
    output = SCRATCH / "output"
    paths = sorted(
        p.relative_to(output).as_posix()
        for p in output.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    return SCRATCH, paths


def start_server(site: Path) -> tuple[subprocess.Popen[str], str, int]:
    server = subprocess.Popen(
        [str(TIMELINE), "serve", str(site), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    assert server.stderr is not None
    for line in server.stderr:
        found = re.search(r"http://127\.0\.0\.1:(\d+)(/\S*)", line)
        if found:
            base = found.group(2).rstrip(".")
            return server, base if base.endswith("/") else base + "/", int(found.group(1))
    raise RuntimeError(f"timeline serve exited with {server.wait()}")


def start_bare_server(kind: str) -> tuple[subprocess.Popen[str], str, int]:
    """A bare server of the standard library (``asyncio`` or ``threads``) in a process of
    its own, as ``timeline serve`` is; it serves ``/`` only."""
    command = [sys.executable, __file__, "--bare", kind]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert server.stderr is not None
    line = server.stderr.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not found:
        raise RuntimeError(f"the bare {kind} server said {line!r}")
    return server, "/", int(found.group(1))


def _fixed_answer() -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(FIXED_PAGE)}\r\nCache-Control: no-store\r\n\r\n"
    )
    return head.encode() + FIXED_PAGE


def serve_bare_asyncio() -> None:
    """One fixed page on an asyncio event loop (streams), HTTP/1.1 keep-alive."""
    answer = _fixed_answer()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                writer.write(answer)
                await writer.drain()
                if b"connection: close" in head.lower():
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(connection, "127.0.0.1", 0, backlog=128)
        port = server.sockets[0].getsockname()[1]
        print(f"http://127.0.0.1:{port}/", file=sys.stderr, flush=True)
        await server.serve_forever()

    asyncio.run(main())


def serve_bare_threads() -> None:
    """One fixed page from the standard library's ``ThreadingHTTPServer``, HTTP/1.1."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(FIXED_PAGE)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(FIXED_PAGE)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128

    server = Server(("127.0.0.1", 0), Handler)
    print(f"http://127.0.0.1:{server.server_address[1]}/", file=sys.stderr, flush=True)
    server.serve_forever()


async def request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str, close: bool
) -> int:
    """Send one GET and read its answer whole; its status."""
    connection = "close" if close else "keep-alive"
    writer.write(
        f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {connection}\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"\r\ncontent-length: *(\d+)", head, re.I)
    if length:
        await reader.readexactly(int(length.group(1)))
    else:
        await reader.read()
    return status


async def client(
    number: int, port: int, targets: list[tuple[str, int]], until: float, close: bool, tally: Tally
) -> None:
    """Ask for random files until ``until``, over one kept-alive connection (or a new one
    for each request with ``close``), reconnecting after an error."""
    rng = random.Random(number)
    streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < until:
        target, expected = targets[rng.randrange(len(targets))]
        started = time.perf_counter()
        try:
            if streams is None:
                streams = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), TIMEOUT
                )
                tally.connections += 1
            status = await asyncio.wait_for(request(*streams, target, close), TIMEOUT)
        except TimeoutError:
            tally.error("no answer within 5 s")
            streams = _closed(streams)
            continue
        except (OSError, asyncio.IncompleteReadError) as error:
            tally.error(type(error).__name__)
            streams = _closed(streams)
            continue
        tally.latencies.append(time.perf_counter() - started)
        if status != expected:
            tally.error(f"status {status} for {target}")
        if close:
            streams = _closed(streams)
    _closed(streams)


def _closed(
    streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None,
) -> None:
    if streams is not None:
        streams[1].close()
    return None


async def warm_up(port: int, targets: list[tuple[str, int]]) -> None:
    """Every file asked for once, so that every page is rendered before the load (a
    connection for each: a server without keep-alive closes it after each answer)."""
    for target, expected in targets:
        streams = await asyncio.open_connection("127.0.0.1", port)
        status = await request(*streams, target, True)
        assert status == expected, (target, status)
        _closed(streams)


async def run(port: int, targets: list[tuple[str, int]], args: argparse.Namespace) -> Tally:
    await warm_up(port, targets)
    tally = Tally()
    until = time.monotonic() + args.seconds
    await asyncio.gather(
        *(client(n, port, targets, until, args.close, tally) for n in range(args.clients))
    )
    return tally


def report(tally: Tally, seconds: float, args: argparse.Namespace, name: str) -> None:
    latencies = sorted(tally.latencies)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    errors = sum(tally.errors.values())
    print(f"== {name}, {time.strftime('%H:%M:%S')}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    mode = "a new connection per request" if args.close else "keep-alive"
    print(f"{args.clients} clients for {seconds:.1f} s, {mode}: {tally.connections} connections")
    print(f"answers: {len(latencies)} ({len(latencies) / seconds:.0f}/s), errors: {errors}")
    for kind, count in sorted(tally.errors.items()):
        print(f"  {count} x {kind}")
    p50, p90, p99, top = (x * 1000 for x in (cuts[49], cuts[89], cuts[98], latencies[-1]))
    print(f"latency: p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms, max {top:.1f} ms")


def measure(name: str, paths: list[str], site: Path, args: argparse.Namespace) -> None:
    """Start the server ``name``, put the load on it, report, stop it."""
    if name in BARE_SERVERS:
        server, base, port = start_bare_server(name)
        targets = [(base, 200)]
    else:
        server, base, port = start_server(site)
        targets = [(base + path, 200) for path in paths]
        targets += [(base + "no-such-page.html", 404)]  # now and then, a missing page
    try:
        tally = asyncio.run(run(port, targets, args))
        report(tally, args.seconds, args, name)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--close", action="store_true", help="a new connection per request")
    parser.add_argument("--servers", default="timeline", help="e.g. timeline,asyncio,threads")
    parser.add_argument("--rounds", type=int, default=1, help="turns of every server")
    parser.add_argument("--bare", choices=BARE_SERVERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        with contextlib.suppress(KeyboardInterrupt):
            (serve_bare_asyncio if args.bare == "asyncio" else serve_bare_threads)()
        return
    names = args.servers.split(",")
    if unknown := set(names) - {"timeline", *BARE_SERVERS}:
        parser.error(f"unknown server: {', '.join(sorted(unknown))}")
    site, paths = prepare_site()
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    for _ in range(args.rounds):
        for name in names:
            measure(name, paths, site, args)


if __name__ == "__main__":
    main()
