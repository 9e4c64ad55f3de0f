"""Run a command of the virtualenv the way a user runs it, and measure it.

Each command is its own process, waited for with ``os.wait4``: that gives the
wall time, the CPU time and the peak resident memory of that one process
(``getrusage(RUSAGE_CHILDREN)`` would mix in every earlier child).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    command: str
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float  # peak resident set size
    returncode: int
    stdout: str
    stderr: str


class CommandFailed(RuntimeError):
    pass


def run(args: list[str], cwd: Path, check: bool = True) -> Run:
    """``args[0]`` from the virtualenv's bin folder, in ``cwd``, measured."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        command = [str(BIN / args[0]), *args[1:]]
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Run(
            " ".join(args),
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,  # kilobytes on Linux
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    if check and result.returncode != 0:
        raise CommandFailed(f"{result.command} in {cwd} failed:\n{result.stderr[-3000:]}")
    return result


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


Snapshot = dict[str, tuple[int, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file with its inode, modification time and size: a rewrite changes one of them."""
    out: Snapshot = {}
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            out[path.relative_to(folder).as_posix()] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    """Files written, created or removed between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
