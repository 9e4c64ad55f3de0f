"""run_all: the same results in the same order, whether helpers ran or not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

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
    monkeypatch.setattr(parallel, "_Shared", None)  # would fail if used
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


#: The helpers for real, in a process of their own: a test process may have
#: threads running, and then nothing is forked. ``here()`` takes a while, so
#: the helper has surely taken jobs before this process starts on them.
WITH_HELPERS = """
import os, sys, time
from functools import partial
from randnotiz import parallel

PARENT = os.getpid()
SCENARIO = sys.argv[1]

def job(i):
    in_helper = os.getpid() != PARENT
    if in_helper and SCENARIO == "fails" and i >= 100:
        raise ValueError(f"job {i} failed in a helper")
    if in_helper and SCENARIO == "dies" and i >= 100:
        os._exit(9)
    time.sleep(0.001)
    return i * i, in_helper

def here():
    time.sleep(0.3)
    return "hier"

parallel.cores = lambda: 2
try:
    results, mine = parallel.run_beside([partial(job, i) for i in range(1000)], here)
except ValueError as failure:
    print("raised:", failure)
    sys.exit(0)
assert [square for square, _ in results] == [i * i for i in range(1000)], results
assert mine == "hier"
print("helper ran:", sum(in_helper for _, in_helper in results))
"""


def _with_helpers(scenario: str) -> str:
    command = [sys.executable, "-c", WITH_HELPERS, scenario]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_helpers_take_jobs_and_results_come_back_in_order() -> None:
    out = _with_helpers("plain")
    ran = int(out.split("helper ran:")[1])
    assert 0 < ran < 1000, out  # both the helper and this process ran jobs


def test_a_job_that_fails_in_a_helper_fails_the_run() -> None:
    out = _with_helpers("fails")
    assert out.startswith("raised: job ") and out.endswith(" failed in a helper\n"), out


def test_a_helper_that_dies_leaves_its_jobs_to_this_process() -> None:
    assert "helper ran: 0" in _with_helpers("dies")


#: Helpers that would work for an hour, and a parent that dies or is interrupted.
STOPPED = """
import multiprocessing, os, signal, sys, time
from functools import partial
from randnotiz import parallel

PARENT = os.getpid()

def job(i):
    if os.getpid() != PARENT:
        time.sleep(3600)
    return i

def here():
    time.sleep(0.5)  # the helpers start on their first jobs
    print(*(p.pid for p in multiprocessing.active_children()), flush=True)
    if sys.argv[1] == "killed":
        os.kill(PARENT, signal.SIGKILL)
    time.sleep(3600)  # until Ctrl-C

parallel.cores = lambda: 3
try:
    parallel.run_beside([partial(job, i) for i in range(1000)], here)
except KeyboardInterrupt:
    print("helpers left:", len(multiprocessing.active_children()), flush=True)
"""


def _ended(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")  # a zombie has ended


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="helpers die with their parent on Linux"
)
def test_helpers_die_with_a_parent_that_is_killed() -> None:
    """A killed build's helpers must not go on writing pages beside the next build."""
    stopped = subprocess.Popen(
        [sys.executable, "-c", STOPPED, "killed"], stdout=subprocess.PIPE, text=True
    )
    assert stopped.stdout is not None
    helpers = [int(pid) for pid in stopped.stdout.readline().split()]
    assert len(helpers) == 2
    stopped.wait(timeout=60)
    deadline = time.monotonic() + 30  # far less than the hour their jobs take
    try:
        while not all(_ended(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert all(_ended(pid) for pid in helpers)
    finally:
        for pid in helpers:
            if not _ended(pid):
                os.kill(pid, signal.SIGKILL)


def test_ctrl_c_stops_the_helpers_without_a_traceback() -> None:
    """Ctrl-C reaches every process of the group: only the parent answers it."""
    stopped = subprocess.Popen(
        [sys.executable, "-c", STOPPED, "interrupted"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert stopped.stdout is not None and stopped.stderr is not None
    assert len(stopped.stdout.readline().split()) == 2
    os.killpg(stopped.pid, signal.SIGINT)
    out, err = stopped.communicate(timeout=60)
    assert out == "helpers left: 0\n"
    assert err == ""
