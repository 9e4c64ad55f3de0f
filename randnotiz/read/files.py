"""Reading a project's own files, and nothing else.

A build may run on a contributed change (a CI job building a pull request), so
what lies in ``seeds/`` and ``annotations/`` is not trusted: a symbolic link
there could point at the build machine's files and publish them (the class of
pymdown-extensions' snippets path traversal, CVE-2023-32309, closed there the
same way: by refusing what resolves outside the base folder). A file too big
for any real article or annotation (a log, a disk image) is refused before it
is read, so no reader spends minutes or gigabytes on it.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from randnotiz.model import Origin
from randnotiz.problems import Problem, error

#: The largest seed or YAML file read: 5 MB holds a thousand articles' worth of
#: text, or some 10,000 entries of people, organisations or terms as long as the
#: shipped ones, and libyaml reads that in about a second.
MAX_FILE_BYTES = 5 * 1024 * 1024


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link on the way followed, lies in ``root``."""
    return path.resolve().is_relative_to(root.resolve())


def outside_error(path: Path, shown: str) -> Problem:
    """A file or folder that leads outside the project: a link, or in a linked folder."""
    target = os.readlink(path) if path.is_symlink() else str(path.resolve())
    return error(
        Origin(shown),
        f"this leads outside the project (to '{target}') and is not read; "
        "copy what it holds into the project instead",
    )


def read_project_file(path: Path, root: Path, shown: str, what: str) -> bytes | Problem:
    """The bytes of a file of the project, or the problem that keeps it from being read.

    ``what`` names the file in messages ("seed", "YAML file").
    """
    if not inside(path, root):
        return outside_error(path, shown)
    return read_bounded(path, shown, what)


def read_bounded(path: Path, shown: str, what: str) -> bytes | Problem:
    """The bytes of a regular file no larger than ``MAX_FILE_BYTES``, or why not."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        hint = "check the path" if isinstance(exc, FileNotFoundError) else "check its permissions"
        return error(Origin(shown), f"cannot read the {what} ({exc.strerror}); {hint}")
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return error(Origin(shown), f"the {what} is not a regular file; replace it with one")
        if info.st_size > MAX_FILE_BYTES:
            return error(Origin(shown), _too_big(what, info.st_size))
        data = file.read(MAX_FILE_BYTES + 1)  # it may have grown since
    if len(data) > MAX_FILE_BYTES:
        return error(Origin(shown), _too_big(what, len(data)))
    return data


def _too_big(what: str, size: int) -> str:
    megabytes = math.ceil(size * 10 / 1024 / 1024) / 10  # 5.01 MB shows as 5.1, not 5.0
    return (
        f"the {what} is {megabytes} MB, more than the limit of "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB; check that it is the right file"
    )
