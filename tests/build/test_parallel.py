"""Mapping in worker processes (``timeline.build.parallel``) and the allocator's tuning."""

from __future__ import annotations

import multiprocessing.resource_tracker as resource_tracker
import os
import time

import pytest

from timeline.build.malloc import fix_mmap_threshold
from timeline.build.parallel import WorkerError, map_in_order


def square_slowly(number: int) -> tuple[int, int]:
    """The square of ``number``, with the worker's pid; early numbers take longest."""
    time.sleep(0.002 * max(0, 20 - number))
    return number * number, os.getpid()


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


def print_and_double(number: int) -> int:
    print("noise on the standard output", number)
    return 2 * number


def test_results_come_in_order_from_several_workers() -> None:
    results = list(map_in_order(square_slowly, range(60), jobs=3, chunk=4))
    assert [square for square, _ in results] == [n * n for n in range(60)]
    pids = {pid for _, pid in results}
    assert len(pids) == 3 and os.getpid() not in pids


def test_nothing_to_do_starts_nothing() -> None:
    assert list(map_in_order(square_slowly, [], jobs=2, chunk=4)) == []


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(WorkerError, match="ValueError: seven"):
        list(map_in_order(fail_on_seven, range(20), jobs=2, chunk=3))


def test_printing_in_a_worker_does_not_corrupt_the_results() -> None:
    assert list(map_in_order(print_and_double, range(10), jobs=2, chunk=2)) == [
        2 * n for n in range(10)
    ]


def test_stopping_early_ends_the_workers() -> None:
    results = map_in_order(square_slowly, range(40), jobs=2, chunk=2)
    assert next(results)[0] == 0
    pids = {pid for _, pid in [next(results)]}
    results.close()
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped: no longer a child of this process


def test_no_resource_tracker_is_started() -> None:
    before = resource_tracker._resource_tracker._pid
    list(map_in_order(square_slowly, range(30), jobs=2, chunk=5))
    assert resource_tracker._resource_tracker._pid == before


@pytest.mark.skipif(
    os.uname().sysname != "Linux" or "MALLOC_MMAP_THRESHOLD_" in os.environ,
    reason="glibc on Linux only",
)
def test_the_mmap_threshold_is_fixed_on_glibc() -> None:
    if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
        pytest.skip("not glibc")
    assert fix_mmap_threshold()


def test_a_threshold_the_user_set_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert not fix_mmap_threshold()
