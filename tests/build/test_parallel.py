"""Where work runs (``timeline.build.parallel``): results in order, whatever runs them."""

from __future__ import annotations

import os
import time

import pytest

from timeline.build.parallel import Workers, map_in_order


def square_slowly(number: int) -> tuple[int, int]:
    """The square of ``number``, with the worker's pid; early numbers take longest."""
    time.sleep(0.002 * max(0, 20 - number))
    return number * number, os.getpid()


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


def test_results_come_in_order_from_several_workers() -> None:
    with Workers(2) as workers:
        results = list(map_in_order(square_slowly, range(60), workers))
    assert [square for square, _ in results] == [n * n for n in range(60)]
    pids = {pid for _, pid in results}
    assert len(pids) == 2 and os.getpid() not in pids


def test_little_work_or_one_job_runs_here() -> None:
    with Workers(2) as workers:
        assert {pid for _, pid in map_in_order(square_slowly, range(5), workers)} == {os.getpid()}
    with Workers(1) as workers:
        assert {pid for _, pid in map_in_order(square_slowly, range(60), workers)} == {os.getpid()}
    assert list(map_in_order(square_slowly, [], None)) == []


def test_an_error_in_a_worker_is_raised_here() -> None:
    with Workers(2) as workers, pytest.raises(ValueError, match="seven"):
        list(map_in_order(fail_on_seven, range(40), workers))


def test_dask_without_its_package_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from timeline.errors import UsageError

    monkeypatch.setitem(sys.modules, "distributed", None)
    with Workers(2, dask="local") as workers, pytest.raises(UsageError, match=r"timeline\[dask\]"):
        workers.executor(100)
