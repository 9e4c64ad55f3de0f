"""Independent jobs on every core the machine gives us, results in the jobs' order.

Rendering a page needs the whole linked corpus but changes none of it, so the
pages of a large site can be rendered side by side. The jobs are closures over
data already in memory; the helpers are forked, so they read that data without
it being copied or sent, and send back only their results. Whatever runs
where, the results come back in the order of the jobs, so the site has the
same bytes as when everything runs in this process, which is what happens for
small sites, without ``fork`` (Windows), with one core, in a process with
other threads running, where forking is not safe, and inside ``here_only()``
(``mkdocs serve``, whose generation step remembers what its jobs made).

This process works through the jobs too, next to one helper less than there
are cores: one fork fewer, and its results need no pickling. Everyone takes
the next few jobs from a shared counter, so nobody waits for this process to
hand out work while it is busy, and a long job (the data export, the network
drawing) does not leave the others waiting. For 250 articles this took the
generation step from 1.48 s to 1.35 s (medians of 15 runs, side by side) against
a process pool fed by this process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
U = TypeVar("U")

#: Fewer jobs than this run here: forking costs more than it saves.
MIN_JOBS = 200
MAX_WORKERS = 8
#: Jobs are taken in chunks of 1/(CHUNKS × workers) of them: small enough to
#: share out a long job's neighbours, big enough that taking them costs nothing.
CHUNKS = 16

_MISSING: Any = object()  # a result not (yet) received
_here_only = False  # see here_only()


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def run_all(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """The result of every job, in order; on all cores when that is safe and worth it."""
    return run_beside(jobs, _nothing)[0]


def _nothing() -> None:
    return None


def would_fork(jobs: int) -> bool:
    """Whether ``run_all`` of this many jobs runs them in helper processes."""
    return not _here_only and min(cores(), MAX_WORKERS) >= 2 and jobs >= MIN_JOBS and _can_fork()


@contextmanager
def here_only() -> Iterator[None]:
    """Every job inside the block runs in this process.

    For jobs whose side effects must outlive them: ``mkdocs serve``'s generation
    step remembers what each file read gave and what each page read, and a
    helper's memory is gone with the helper. A save read every seed again after
    a first build that had read them in helpers (3.2 s instead of 0.06 s at
    1,000 articles).
    """
    global _here_only
    before, _here_only = _here_only, True
    try:
        yield
    finally:
        _here_only = before


def run_beside(jobs: Sequence[Callable[[], T]], here: Callable[[], U]) -> tuple[list[T], U]:
    """``run_all(jobs)``, and ``here()`` in this process while the helpers start on the jobs.

    Work that does not depend on the jobs need not leave a core idle before
    they start: the helpers are forked first, so they never see its result.
    """
    if not would_fork(len(jobs)):
        return [job() for job in jobs], here()
    return _Shared(jobs, min(cores(), MAX_WORKERS)).run(here)


class _Counter:
    """The number of the next job nobody has taken yet, shared by all processes."""

    def __init__(self, context: Any, total: int, chunk: int) -> None:
        self._value = context.Value("q", 0)
        self.total = total
        self.chunk = chunk

    def chunks(self) -> Iterator[range]:
        """The numbers of the jobs this process takes next, a chunk at a time."""
        while True:
            with self._value.get_lock():
                start = self._value.value
                self._value.value = start + self.chunk
            if start >= self.total:
                return
            yield range(start, min(start + self.chunk, self.total))

    def stop(self) -> None:
        """Nobody takes another job: the run has failed."""
        with self._value.get_lock():
            self._value.value = self.total


def _bind_to_parent(parent: int) -> None:
    """A helper lives and dies with the process that forked it.

    Ctrl-C reaches every process of the terminal's group: the helper leaves it
    to the parent, which stops the helpers itself (one message, no traceback
    from each). And a helper must not outlive a parent that was killed: it
    would go on writing pages of the old sources while the next build writes
    the new ones. Linux ends it with its parent; elsewhere it may finish its
    chunk, and the next build waits for the lock on ``docs/`` it still holds.
    """
    import ctypes  # here: only helpers need it

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # not Linux
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _help(
    jobs: Sequence[Callable[[], object]], counter: _Counter, send: Connection, parent: int
) -> None:
    """A helper's life: take chunks of jobs until none are left, then send back all results.

    Each chunk's results are pickled as soon as they are made, so a helper
    that pickles slowly simply takes fewer chunks. They are sent once, at the
    end: a pipe holds 64 KB, and this process only reads once it has run out
    of jobs itself (a thread reading meanwhile would wait for this process's
    lock on the interpreter after every 64 KB, and hold the helper up).
    A job that fails stops the helper; its exception goes to the parent, as
    text if it cannot be pickled.
    """
    _bind_to_parent(parent)
    try:
        done = [
            pickle.dumps((numbers.start, [jobs[n]() for n in numbers]), pickle.HIGHEST_PROTOCOL)
            for numbers in counter.chunks()
        ]
        send.send(done)
    except BaseException as failure:  # re-raised in the parent
        counter.stop()
        try:
            send.send(failure)
        except (pickle.PicklingError, TypeError, AttributeError):
            send.send(RuntimeError(traceback.format_exc()))
    finally:
        send.close()


class _Shared:
    """One run of jobs shared between this process and its helpers."""

    def __init__(self, jobs: Sequence[Callable[[], object]], workers: int) -> None:
        self.jobs = jobs
        self.results: list[Any] = [_MISSING] * len(jobs)
        context = multiprocessing.get_context("fork")
        self.counter = _Counter(context, len(jobs), max(1, len(jobs) // (workers * CHUNKS)))
        self.helpers: list[tuple[Any, Connection]] = []
        for _ in range(workers - 1):
            receive, send = context.Pipe(duplex=False)
            helper = context.Process(
                target=_help, args=(jobs, self.counter, send, os.getpid()), daemon=True
            )
            helper.start()
            send.close()
            self.helpers.append((helper, receive))

    def run(self, here: Callable[[], U]) -> tuple[list[Any], U]:
        try:
            mine = here()
            for numbers in self.counter.chunks():
                self.results[numbers.start : numbers.stop] = [self.jobs[n]() for n in numbers]
        except BaseException:
            # Ctrl-C, or a job failed here: the helpers' results are not wanted.
            # They are stopped at once; whatever they were writing is whole or absent.
            self.counter.stop()
            for helper, receive in self.helpers:
                helper.kill()
                helper.join()
                receive.close()
            raise
        failures: list[BaseException] = []
        for helper, receive in self.helpers:
            failures += self._receive(receive)
            helper.join()
        if failures:
            raise failures[0]
        # A helper that died (out of memory, killed) sent nothing: its jobs are done here.
        results = self.results
        for n, result in enumerate(results):
            if result is _MISSING:
                results[n] = self.jobs[n]()
        return results, mine

    def _receive(self, receive: Connection) -> list[BaseException]:
        """One helper's results, put in their places; its failure, if it had one."""
        try:
            done = receive.recv()
        except EOFError:  # the helper died
            return []
        finally:
            receive.close()
        if isinstance(done, BaseException):
            return [done]
        for piece in done:
            start, results = pickle.loads(piece)
            self.results[start : start + len(results)] = results
        return []
