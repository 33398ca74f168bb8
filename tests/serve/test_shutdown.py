"""``timeline serve`` ends at once on SIGTERM, even in the middle of a rebuild."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

from tests.helpers import TESTS

TIMELINE = Path(sys.executable).parent / "timeline"


def wait_for(lines: list[str], text: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not any(text in line for line in lines):
        assert process.poll() is None and time.monotonic() < deadline, "".join(lines)
        time.sleep(0.02)


def test_sigterm_does_not_wait_for_a_rebuild_that_runs(tmp_path: Path) -> None:
    site = tmp_path / "sample"
    shutil.copytree(TESTS / "sites" / "sample", site)
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    command = [str(TIMELINE), "serve", str(site), "--port", "0", "-v"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or ()), daemon=True)
    reader.start()
    try:
        wait_for(lines, "Serving at", process)
        # A template that takes minutes to render: the rebuild it starts outlasts the test.
        (templates / "index.html").write_text(
            "{% for i in range(10**10) %}{% endfor %}", encoding="utf-8"
        )
        wait_for(lines, "index.html", process)  # the change was seen: the rebuild starts
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    reader.join(timeout=5)
    if process.stderr is not None:
        process.stderr.close()
    assert code == 0
    assert "Stopped." in "".join(lines)
    assert "Traceback" not in "".join(lines)


def test_sigint_stops_serve_started_with_sigint_ignored(tmp_path: Path) -> None:
    """A shell starts a background job with SIGINT ignored; serve still stops on it."""
    site = tmp_path / "sample"
    shutil.copytree(TESTS / "sites" / "sample", site)
    command = [str(TIMELINE), "serve", str(site), "--port", "0"]
    ignoring = partial(signal.signal, signal.SIGINT, signal.SIG_IGN)
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=ignoring)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or ()), daemon=True)
    reader.start()
    try:
        wait_for(lines, "Serving at", process)
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    reader.join(timeout=5)
    if process.stderr is not None:
        process.stderr.close()
    assert code == 0
    assert "Stopped." in "".join(lines)
    assert "Traceback" not in "".join(lines)
