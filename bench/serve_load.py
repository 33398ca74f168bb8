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

``--close`` opens a new connection for every request (as clients of a server without
keep-alive must). The clients run in this one process (asyncio), beside the server on the
same machine: on 2 cores they take some of its CPU.
"""

from __future__ import annotations

import argparse
import asyncio
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


def report(tally: Tally, seconds: float, args: argparse.Namespace) -> None:
    latencies = sorted(tally.latencies)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    errors = sum(tally.errors.values())
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    mode = "a new connection per request" if args.close else "keep-alive"
    print(f"{args.clients} clients for {seconds:.1f} s, {mode}: {tally.connections} connections")
    print(f"answers: {len(latencies)} ({len(latencies) / seconds:.0f}/s), errors: {errors}")
    for kind, count in sorted(tally.errors.items()):
        print(f"  {count} x {kind}")
    p50, p90, p99, top = (x * 1000 for x in (cuts[49], cuts[89], cuts[98], latencies[-1]))
    print(f"latency: p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms, max {top:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--close", action="store_true", help="a new connection per request")
    args = parser.parse_args()
    site, paths = prepare_site()
    server, base, port = start_server(site)
    try:
        targets = [(base + path, 200) for path in paths]
        targets += [(base + "no-such-page.html", 404)]  # now and then, a missing page
        tally = asyncio.run(run(port, targets, args))
        report(tally, args.seconds, args)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
