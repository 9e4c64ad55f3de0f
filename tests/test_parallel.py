"""run_all: the same results in the same order, whether helpers ran or not."""

from __future__ import annotations

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
