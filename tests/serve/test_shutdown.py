"""``timeline serve`` ends at once on SIGTERM, even in the middle of a rebuild, and on Ctrl-C
whichever of its threads the kernel hands the signal to."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from tests.helpers import TESTS
from timeline.serve import _Stopper

TIMELINE = Path(sys.executable).parent / "timeline"


def wait_for(lines: list[str], text: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not any(text in line for line in lines):
        assert process.poll() is None and time.monotonic() < deadline, "".join(lines)
        time.sleep(0.02)


@contextmanager
def serving(
    site: Path, *options: str, preexec_fn: Callable[[], object] | None = None
) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """``timeline serve`` on ``site`` with its stderr lines collected; killed on the way out
    whatever the test did."""
    command = [str(TIMELINE), "serve", str(site), "--port", "0", *options]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=preexec_fn)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or ()), daemon=True)
    reader.start()
    try:
        yield process, lines
    finally:
        process.kill()
        process.wait()
        reader.join(timeout=5)
        if process.stderr is not None:
            process.stderr.close()


def assert_stopped_cleanly(code: int, lines: list[str]) -> None:
    assert code == 0
    assert "Stopped." in "".join(lines)
    assert "Traceback" not in "".join(lines)


def test_sigterm_does_not_wait_for_a_rebuild_that_runs(tmp_path: Path) -> None:
    site = tmp_path / "sample"
    shutil.copytree(TESTS / "sites" / "sample", site)
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    with serving(site, "-v") as (process, lines):
        wait_for(lines, "Serving at", process)
        # A template that takes minutes to render: the rebuild it starts outlasts the test.
        (templates / "index.html").write_text(
            "{% for i in range(10**10) %}{% endfor %}", encoding="utf-8"
        )
        wait_for(lines, "index.html", process)  # the change was seen: the rebuild starts
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    assert_stopped_cleanly(code, lines)


def test_sigint_stops_serve_started_with_sigint_ignored(tmp_path: Path) -> None:
    """A shell starts a background job with SIGINT ignored; serve still stops on it."""
    site = tmp_path / "sample"
    shutil.copytree(TESTS / "sites" / "sample", site)
    ignoring = partial(signal.signal, signal.SIGINT, signal.SIG_IGN)
    with serving(site, preexec_fn=ignoring) as (process, lines):
        wait_for(lines, "Serving at", process)
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert_stopped_cleanly(code, lines)


def test_a_signal_delivered_to_another_thread_wakes_the_waiting_loop() -> None:
    # The loop waits in ``select`` with nothing due for ten seconds; the signal goes to a
    # worker thread, as the kernel may deliver it (watchdog's threads, render workers).
    stopper = _Stopper()
    ready = threading.Event()

    def signal_from_another_thread() -> None:
        ready.wait(5)
        time.sleep(0.2)  # the loop is asleep in select by now
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)

    async def wait_for_stop() -> float:
        stop = asyncio.Event()
        with stopper.waking(asyncio.get_running_loop(), stop):
            ready.set()
            started = time.monotonic()
            await asyncio.wait_for(stop.wait(), timeout=10)
            return time.monotonic() - started

    sender = threading.Thread(target=signal_from_another_thread)
    with stopper.installed():
        sender.start()
        waited = asyncio.run(wait_for_stop())
    sender.join()
    assert waited < 5
