"""Independent jobs on every core the machine gives us, results in the jobs' order.

Rendering a page needs the whole linked corpus but changes none of it, so the
pages of a large site can be rendered side by side. The jobs are closures over
data already in memory; the helpers are forked, so they read that data without
it being copied or sent, and send back only their results. Whatever runs
where, the results come back in the order of the jobs, so the site has the
same bytes as when everything runs in this process, which is what happens for
small sites, without ``fork`` (Windows), with one core, and in a process with
other threads running (``mkdocs serve``), where forking is not safe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")

#: Fewer jobs than this run here: forking costs more than it saves.
MIN_JOBS = 200
MAX_WORKERS = 8

_jobs: Sequence[Callable[[], object]] = ()


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _share(first: int, step: int) -> list[object]:
    """Every ``step``-th job from ``first``: interleaved, so each worker gets a fair mix
    of long pages and short ones."""
    return [job() for job in _jobs[first::step]]


def run_all(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """The result of every job, in order; on all cores when that is safe and worth it."""
    workers = min(cores(), MAX_WORKERS)
    if workers < 2 or len(jobs) < MIN_JOBS or not _can_fork():
        return [job() for job in jobs]
    global _jobs
    _jobs = jobs
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            others = [pool.submit(_share, first, workers) for first in range(1, workers)]
            shares = [_share(0, workers), *(f.result() for f in others)]
    except BrokenProcessPool:  # a helper died (out of memory, killed): do it all here
        return [job() for job in jobs]
    finally:
        _jobs = ()
    results: list[object] = [None] * len(jobs)
    for first, share in enumerate(shares):
        results[first::workers] = share
    return results  # type: ignore[return-value]
