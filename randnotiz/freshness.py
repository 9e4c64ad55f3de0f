"""Whether ``docs/`` already holds what the sources would generate, without generating it.

``make site`` runs ``randnotiz build`` and then ``mkdocs build``, whose hook
would generate every page a second time; for a newsroom archive that is the
whole cost of the generation step again. So each successful build leaves a
stamp next to ``mkdocs.yml`` (not in ``docs/``, which holds the same bytes for
the same input wherever it is built): a hash of every input (seeds,
annotations, ``mkdocs.yml`` and the package's own code) and of the size and
modification time of every file it generated. When the hook finds the same
stamp, the pages are current and the build is skipped. Inputs are hashed by
content, so a save within the same second is never missed; an edited or
deleted generated page changes its size or time, so the next build puts it back.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from randnotiz.config import CONFIG_FILE, Project
from randnotiz.read.files import MAX_FILE_BYTES, inside
from randnotiz.write import MANIFEST, read_manifest, replace_file

STAMP = ".randnotiz-stamp"
PACKAGE = Path(__file__).resolve().parent


def _files(folder: Path, base: Path) -> list[Path]:
    if not folder.is_dir() or not inside(folder, base):  # a linked folder is not listed
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(root: Path) -> str:
    """A hash of everything ``build`` reads; take it before reading, so a save during
    the build makes the stamp stale instead of hiding the change."""
    digest = hashlib.sha256()
    sources = [
        *_files(root / "seeds", root),
        *_files(root / "annotations", root),
        root / CONFIG_FILE,
    ]
    for base, paths in ((root, sources), (PACKAGE, _files(PACKAGE, PACKAGE))):
        for path in paths:
            data = _content(path, base)
            name = path.relative_to(base).as_posix()
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _content(path: Path, base: Path) -> bytes:
    """What a file contributes to the hash: its bytes, unless the build refuses to read
    it (it leads outside the project, or is too big), and then what the build sees."""
    try:
        if not inside(path, base):
            return b"\0outside"
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"\0too big {size}".encode()
        return path.read_bytes()
    except OSError:
        return b"\0missing"


def outputs_digest(docs: Path) -> str:
    """A hash of the manifest and of the size and time of every generated file."""
    digest = hashlib.sha256()
    for path in [MANIFEST, *sorted(read_manifest(docs))]:
        try:
            st = (docs / path).stat()
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
            continue
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def forget(root: Path) -> None:
    """Remove the stamp before the first file is written: a build killed from here on
    must not be taken for a finished one."""
    with contextlib.suppress(FileNotFoundError):
        (root / STAMP).unlink()


def record(root: Path, inputs: str) -> None:
    """Write the stamp after a successful build, whole or not at all."""
    text = f"inputs {inputs}\noutputs {outputs_digest(Project(root).docs)}\n"
    replace_file(root / STAMP, text.encode("utf-8"), root / f"{STAMP}.tmp")


def is_fresh(root: Path) -> bool:
    """True when the last build's stamp matches the sources and the generated files."""
    try:
        stamp = (root / STAMP).read_text(encoding="utf-8")
    except OSError:
        return False
    expected = f"inputs {inputs_digest(root)}\noutputs {outputs_digest(Project(root).docs)}\n"
    return stamp == expected
