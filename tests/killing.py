"""Kill a build at a chosen moment, the way storage engines test crash consistency.

``randnotiz build`` runs in a process of its own with an audit hook (PEP 578)
that counts every change it makes under the project (a file opened for
writing, a rename, a removal, a folder made or removed) and, at the Nth,
kills the process with SIGKILL or interrupts it as Ctrl-C does. The build's
code is not changed for the test. Nothing else runs in that process, so the
Nth change is the same change on every run: killing at 1, 2, … up to the
count of an uninterrupted build stops the build between every two of its
writes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

#: Runs ``randnotiz`` or ``mkdocs`` (argv[4], its arguments after it) in the project
#: ``argv[1]`` and stops it at change number ``argv[2]`` (0: never) with signal
#: ``argv[3]``; prints how many changes it made.
TRACED = r"""
import atexit, os, signal, sys
root, stop_at, how = os.path.realpath(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
count = 0
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

def changes(event, args):
    if event == "open":
        mode, flags = args[1], args[2]
        return bool(flags & WRITING) if mode is None else any(c in mode for c in "wax+")
    return event in ("os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree")

def hook(event, args):
    global count
    if not args or not changes(event, args):
        return
    path = args[0]
    if isinstance(path, int):
        return
    path = os.fsdecode(path)
    if os.path.isabs(path) and not (path + os.sep).startswith(root + os.sep):
        return  # not the project's (bytecode caches, temporary files of Python)
    count += 1
    if count == stop_at:
        os.kill(os.getpid(), how)

sys.addaudithook(hook)
atexit.register(lambda: print(f"changes: {count}"))
os.chdir(root)
if sys.argv[4] == "mkdocs":
    from mkdocs.__main__ import cli
    cli(sys.argv[5:])
else:
    from randnotiz.cli import main
    sys.exit(main(sys.argv[5:]))
"""


BUILD = ("randnotiz", "build", "-q")
MKDOCS_BUILD = ("mkdocs", "build", "--strict")


def run_traced(
    root: Path,
    stop_at: int,
    how: signal.Signals = signal.SIGKILL,
    command: tuple[str, ...] = BUILD,
) -> subprocess.CompletedProcess[str]:
    """``command`` in ``root``, stopped at its change number ``stop_at`` (0: never)."""
    return subprocess.run(
        [sys.executable, "-c", TRACED, str(root), str(stop_at), str(int(how)), *command],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, PYTHONUTF8="1", NO_MKDOCS_2_WARNING="1"),
    )


def changes_of_a_build(root: Path, command: tuple[str, ...] = BUILD) -> int:
    """How many changes ``command`` makes in ``root`` uninterrupted (run on a copy)."""
    copy = root.parent / f"{root.name}-counted"
    shutil.copytree(root, copy, symlinks=True)
    try:
        done = run_traced(copy, 0, command=command)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.rsplit("changes: ", 1)[1])
    finally:
        shutil.rmtree(copy)


def docs_state(docs: Path) -> dict[str, bytes | None]:
    """Every file of ``docs/`` with its bytes, and every folder (None): what a reader of
    the folder can tell apart."""
    state: dict[str, bytes | None] = {}
    for path in sorted(docs.rglob("*")):
        name = path.relative_to(docs).as_posix()
        state[name] = None if path.is_dir() else path.read_bytes()
    return state


def differences(got: dict[str, bytes | None], want: dict[str, bytes | None]) -> list[str]:
    """What differs, briefly: for an assertion message a person can read."""
    out = [f"extra {n}" for n in sorted(got.keys() - want.keys())]
    out += [f"missing {n}" for n in sorted(want.keys() - got.keys())]
    out += [f"differs {n}" for n in sorted(got.keys() & want.keys()) if got[n] != want[n]]
    return out
