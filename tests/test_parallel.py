"""run_all: the same results in the same order, whether helpers ran or not."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

from randnotiz import parallel


def _square(i: int) -> int:
    return i * i


def _fail(i: int) -> int:
    raise ValueError(f"job {i}")


@pytest.mark.parametrize("count", [0, 1, parallel.MIN_JOBS - 1, parallel.MIN_JOBS, 1001])
def test_results_come_back_in_the_order_of_the_jobs(count: int) -> None:
    jobs = [partial(_square, i) for i in range(count)]
    assert parallel.run_all(jobs) == [i * i for i in range(count)]


def test_a_failing_job_fails_the_run() -> None:
    jobs = [partial(_square, i) for i in range(parallel.MIN_JOBS)] + [partial(_fail, 7)]
    with pytest.raises(ValueError, match="job 7"):
        parallel.run_all(jobs)


def test_with_other_threads_running_everything_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # would fail if used
    jobs = [partial(_square, i) for i in range(parallel.MIN_JOBS)]
    assert parallel.run_all(jobs) == [i * i for i in range(parallel.MIN_JOBS)]


@pytest.mark.parametrize("count", [0, parallel.MIN_JOBS - 1, parallel.MIN_JOBS])
def test_beside_the_jobs_this_process_does_its_own_work(count: int) -> None:
    jobs = [partial(_square, i) for i in range(count)]
    calls: list[int] = []

    def here() -> str:
        calls.append(1)
        return "hier"

    assert parallel.run_beside(jobs, here) == ([i * i for i in range(count)], "hier")
    assert calls == [1]


def test_a_helper_that_dies_leaves_the_work_to_this_process_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def map(self, *args: object, **kwargs: object) -> Iterator[int]:
            # Like the executor's: the helpers die while this process does its own work.
            raise parallel.BrokenProcessPool("killed")
            yield 0

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Broken)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    calls: list[int] = []
    jobs = [partial(_square, i) for i in range(parallel.MIN_JOBS)]
    results, mine = parallel.run_beside(jobs, lambda: calls.append(1) or len(calls))
    assert results == [i * i for i in range(parallel.MIN_JOBS)]
    assert (mine, calls) == (1, [1])
