"""A function mapped over items in worker processes: new interpreters fed through pipes.

``multiprocessing`` would do it too, but its ``spawn`` start keeps a resource tracker, one
more interpreter (12 MiB), alive until the build ends, long after the workers: it was part
of the build's peak memory. Here each worker is a plain subprocess that reads chunks of
items from its standard input and writes their results to its standard output, both as
pickles, until its input ends; nothing outlives the map.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

_BOOT = (
    "import sys, pickle; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "import timeline.build.parallel; timeline.build.parallel.serve()"
)
"""The worker's program: the parent's ``sys.path`` first, so that it imports the same code."""


class WorkerError(RuntimeError):
    """A worker died, or the function raised there (its error's text follows)."""


def map_in_order(
    function: Callable[[Any], Any], items: Sequence[Any], jobs: int, chunk: int
) -> Iterator[Any]:
    """``map(function, items)`` in ``jobs`` worker processes, ``chunk`` items at a time,
    each result yielded in the order of ``items`` as soon as it and those before it are
    done. ``function`` must be a module's top-level function."""
    name = (function.__module__, function.__qualname__)
    chunks = [items[start : start + chunk] for start in range(0, len(items), chunk)]
    if not chunks:
        return
    done: queue.Queue[tuple[int, bool, Any]] = queue.Queue()
    following = iter(range(len(chunks)))
    lock = threading.Lock()
    workers = [_start(name) for _ in range(min(jobs, len(chunks)))]

    def feed(worker: subprocess.Popen[bytes]) -> None:
        assert worker.stdin is not None and worker.stdout is not None
        try:
            while True:
                with lock:
                    index = next(following, None)
                if index is None:
                    break
                pickle.dump(chunks[index], worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                worker.stdin.flush()
                ok, value = pickle.load(worker.stdout)
                done.put((index, ok, value))
                if not ok:
                    break
        except Exception as error:  # the worker died, or was stopped by the map's end
            done.put((-1, False, f"worker {worker.pid} failed: {error!r}"))
        finally:
            _close(worker.stdin)

    threads = [threading.Thread(target=feed, args=(w,), daemon=True) for w in workers]
    for thread in threads:
        thread.start()
    waiting: dict[int, list[Any]] = {}
    complete = False
    try:
        for index in range(len(chunks)):
            while index not in waiting:
                arrived, ok, value = done.get()
                if not ok:
                    raise WorkerError(value)
                waiting[arrived] = value
            yield from waiting.pop(index)
        complete = True
    finally:
        with lock:
            following = iter(())  # no more chunks for anyone
        for worker in workers:
            if not complete:  # stopped early: the workers' chunks in hand are not wanted
                worker.kill()
        for worker, thread in zip(workers, threads, strict=True):
            thread.join()
            worker.wait()
            _close(worker.stdout)


def _start(name: tuple[str, str]) -> subprocess.Popen[bytes]:
    worker = subprocess.Popen(
        [sys.executable, "-c", _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert worker.stdin is not None
    pickle.dump(sys.path, worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(name, worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
    return worker


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None:
        with contextlib.suppress(OSError):
            stream.close()


def serve() -> None:
    """A worker: the function's name, then chunks of items, each answered with
    ``(True, results)`` or ``(False, error text)``, until the input ends."""
    gc.enable()
    source = sys.stdin.buffer
    # Only pickles go to the parent: anything printed goes to the standard error.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    module, qualname = pickle.load(source)
    function = getattr(importlib.import_module(module), qualname)
    while True:
        try:
            items = pickle.load(source)
        except EOFError:
            break
        try:
            answer: tuple[bool, Any] = (True, [function(item) for item in items])
        except Exception as error:
            answer = (False, f"{type(error).__name__}: {error}")
        pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()
