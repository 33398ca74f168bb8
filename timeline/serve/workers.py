"""Worker threads that do the CPU work of the server (rendering a page) off its event loop.

The standard library's executors join their threads when the interpreter exits, so a page
that takes long to render (a whole site for the sitemap, a template that loops) would keep
Ctrl-C from ending serve. These threads are daemons, as the rebuild thread is: serve renders
into memory only, so work cut short by the end of serve leaves nothing half-written.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Job = tuple[Callable[[], Any], "asyncio.Future[Any]"]


class Workers:
    """A few daemon threads running jobs for one event loop; results come back as futures."""

    def __init__(self, loop: asyncio.AbstractEventLoop, count: int = 4) -> None:
        self._loop = loop
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"timeline-render-{n}", daemon=True)
            for n in range(count)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: Callable[[], T]) -> asyncio.Future[T]:
        """Run ``job`` on a worker thread; its result (or exception) in the loop's future."""
        future: asyncio.Future[T] = self._loop.create_future()
        self._jobs.put((job, future))
        return future

    def stop(self) -> None:
        """Take no more jobs; a job that runs now is left to end with the process."""
        for _ in self._threads:
            self._jobs.put(None)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, future = job
            try:
                result = work()
            except Exception as error:
                self._settle(future, None, error)
            else:
                self._settle(future, result, None)

    def _settle(self, future: asyncio.Future[Any], result: Any, error: Exception | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: serve has stopped
            self._loop.call_soon_threadsafe(_set, future, result, error)


def _set(future: asyncio.Future[Any], result: Any, error: Exception | None) -> None:
    if future.done():  # cancelled: the client went away
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)
