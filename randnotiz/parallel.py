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
U = TypeVar("U")

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


def _run(number: int) -> object:
    return _jobs[number]()


def run_all(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """The result of every job, in order; on all cores when that is safe and worth it."""
    return run_beside(jobs, _nothing)[0]


def _nothing() -> None:
    return None


def run_beside(jobs: Sequence[Callable[[], T]], here: Callable[[], U]) -> tuple[list[T], U]:
    """``run_all(jobs)``, and ``here()`` in this process while the helpers run the jobs.

    Work that does not depend on the jobs need not leave a core idle before
    they start: the helpers are forked first, so they never see its result.
    """
    workers = min(cores(), MAX_WORKERS)
    if workers < 2 or len(jobs) < MIN_JOBS or not _can_fork():
        return [job() for job in jobs], here()
    global _jobs
    _jobs = jobs
    done: list[U] = []  # here()'s result, once it has run
    try:
        context = multiprocessing.get_context("fork")
        # Small chunks, handed out as helpers finish: one long job (the data export,
        # the network drawing) does not leave the other helpers waiting.
        chunk = max(1, len(jobs) // (workers * 16))
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = pool.map(_run, range(len(jobs)), chunksize=chunk)  # type: ignore[arg-type]
            done.append(here())
            return list(results), done[0]
    except BrokenProcessPool:  # a helper died (out of memory, killed): do it all here
        return [job() for job in jobs], done[0] if done else here()
    finally:
        _jobs = ()
