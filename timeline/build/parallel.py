"""Where a build's work runs: here, in a pool of processes, or on a Dask cluster.

One seam: ``Workers`` gives a ``concurrent.futures.Executor`` (a process pool by default,
made the first time there is enough work for one; Dask's ``Client.get_executor()`` with
``--dask``), and ``map_in_order`` maps a module's top-level function over items with it,
in chunks, each result in the order of the items. What crosses to a worker and back is
plain data: the function is sent by name.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from typing import Any, TypeVar

from timeline.errors import UsageError

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_R = TypeVar("_R")

_PARALLEL_FROM = 24
"""Below this many items, starting worker processes costs more than it saves."""
_CHUNK = 16
"""At most this many items go to a worker at a time."""


class Workers:
    """The executor of one build: made when first needed, shut down with the build.

    ``jobs`` processes (default: the number of cores); ``dask``: the address of a Dask
    scheduler (``tcp://host:8786``), or ``local`` for a cluster of ``jobs`` processes on
    this machine. One job and no Dask means everything runs here.
    """

    def __init__(self, jobs: int | None = None, dask: str | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self.dask = dask
        self._executor: Executor | None = None
        self._stack = ExitStack()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def executor(self, items: int) -> Executor | None:
        """The executor for ``items`` items of work, or None to do them here."""
        if self._executor is None and self.dask is not None:
            self._executor = self._stack.enter_context(dask_executor(self.dask, self.jobs))
        if self._executor is None and self.jobs > 1 and items >= _PARALLEL_FROM:
            # New interpreters, not forks of a build that may hold threads and open files.
            context = multiprocessing.get_context("spawn")
            pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
            self._executor = self._stack.enter_context(pool)
        return self._executor

    def close(self) -> None:
        """Shut the executor down (waiting for its workers)."""
        self._stack.close()
        self._executor = None


def map_in_order(
    function: Callable[[_T], _R], items: Sequence[_T], workers: Workers | None
) -> Iterator[_R]:
    """``map(function, items)``, in ``workers`` when there are enough items, each result
    yielded in the order of ``items``. ``function`` must be a module's top-level function."""
    executor = workers.executor(len(items)) if workers is not None else None
    if executor is None:
        yield from map(function, items)
        return
    jobs = workers.jobs if workers is not None else 1
    size = max(1, min(len(items) // (jobs * 8), _CHUNK))
    chunks = [list(items[start : start + size]) for start in range(0, len(items), size)]
    for results in executor.map(functools.partial(_each, function), chunks):
        yield from results


def _each(function: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [function(item) for item in chunk]


def dask_executor(address: str, jobs: int) -> AbstractContextManager[Executor]:
    """An executor on a Dask cluster: ``local`` starts one of ``jobs`` worker processes
    here; anything else is a scheduler's address."""
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "--dask needs Dask's distributed scheduler: pip install 'timeline[dask]'"
        ) from None
    dask: Any = distributed  # it has no type hints
    Client, LocalCluster = dask.Client, dask.LocalCluster
    stack = ExitStack()
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(address, timeout=30))
    except OSError as error:
        stack.close()
        raise UsageError(f"cannot reach the Dask scheduler {address}: {error}") from None
    log.info("Working on the Dask cluster at %s", client.scheduler.address)
    return _Executing(client.get_executor(), stack)


class _Executing(AbstractContextManager[Executor]):
    def __init__(self, executor: Executor, stack: ExitStack) -> None:
        self._executor = executor
        self._stack = stack

    def __enter__(self) -> Executor:
        return self._executor

    def __exit__(self, *exc: Any) -> None:
        self._stack.close()
