"""``make site``: build the site into a folder of its own, then swap it in for ``site/``.

``mkdocs build`` empties ``site/`` first and writes it page by page: killed
half way (Ctrl-C, a CI time-out), it leaves readers a site with half its
pages, and a failed ``--strict`` build leaves one too. Built into
``.site.new/`` and swapped in only when complete, ``site/`` always holds a
whole site: the last one, or the new one. On Linux the two folders trade places
in one step (``renameat2`` with ``RENAME_EXCHANGE``); elsewhere the old one is
moved aside first, and for that moment there is no ``site/``.

Run from the project folder: ``python scripts/publish_site.py [mkdocs build options]``.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

SITE = Path("site")
NEW = Path(".site.new")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; whether the system could."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without it
        return False
    done = renameat2(_AT_FDCWD, bytes(a), _AT_FDCWD, bytes(b), _RENAME_EXCHANGE)
    return done == 0


def swap_in(new: Path, site: Path) -> None:
    """``new`` becomes ``site``; the old site is removed after."""
    if not site.exists():
        new.rename(site)
        return
    if not _exchange(new, site):
        old = site.with_name(".site.old")
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
        new.rename(site)
        new = old
    shutil.rmtree(new)


def main(options: list[str]) -> int:
    shutil.rmtree(NEW, ignore_errors=True)  # what a killed run left
    mkdocs = Path(sys.executable).parent / "mkdocs"
    built = subprocess.run([str(mkdocs), "build", "--site-dir", str(NEW), *options])
    if built.returncode != 0:
        shutil.rmtree(NEW, ignore_errors=True)
        print("publish_site: site/ left as it was", file=sys.stderr)
        return built.returncode
    swap_in(NEW, SITE)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("publish_site: interrupted; site/ left as it was", file=sys.stderr)
        sys.exit(130)
