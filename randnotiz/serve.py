"""``mkdocs serve`` that rebuilds only what a save changed.

Plain ``mkdocs serve`` answers every save with a build of every page (a minute
for 1,000 articles), and since it watches ``docs/``, the pages the generation
step writes there start a second one. Here, while serving:

- ``seeds/`` and ``annotations/`` are watched instead of ``docs/``, and of
  ``docs/`` only what is written by hand (the style sheet), so a save starts
  one build and the generator's own writes start none;
- each rebuild is MkDocs' ``dirty`` build: it re-renders only the pages whose
  Markdown is newer than their HTML, which are exactly the pages the
  generation step rewrote (it writes a file only when its bytes change);
- what a dirty build leaves behind is cleaned up: the HTML of a page that is
  no longer produced is removed (a deleted article answers 404); the search
  index is Pagefind's, made afterwards from the whole site folder by the hook;
- a change to ``mkdocs.yml``, the theme overrides or a path given with
  ``--watch`` can change every page: then the build is a full one.

MkDocs reloads ``mkdocs.yml`` and runs the hooks anew for every build, so what
one build must remember for the next lives here, in a module, not in the hooks.
``mkdocs serve --clean`` keeps MkDocs' own full builds.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from randnotiz.write import read_manifest

log = logging.getLogger("mkdocs.plugins.randnotiz")

#: MkDocs warns about every dirty build, and under ``strict`` a warning fails the build.
DIRTY_WARNING = "A 'dirty' build is being performed"
SOURCES = ("seeds", "annotations")



@dataclass
class _Session:
    """What one ``mkdocs serve`` process carries from build to build."""

    partial: bool = False  # the build running now re-renders only what changed
    outputs: set[str] = field(default_factory=set)  # every file the last build produced
    settings: tuple[tuple[str, int, int], ...] | None = None  # see _settings_signature
    files: Files | None = None


_session = _Session()


def take_over(server: Any, config: MkDocsConfig, builder: Callable[..., None]) -> None:
    """From ``on_serve``: watch the sources instead of ``docs/`` and rebuild partially."""
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    try:
        server.unwatch(str(docs))
    except KeyError:  # not watched: --no-livereload, or a plugin unwatched it already
        return
    for path in hand_written(docs):
        server.watch(str(path))
    for folder in SOURCES:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    rebuild = _partial_builder(builder)
    if rebuild is not None:
        server.builder = rebuild
    _session.settings = _settings_signature(config)


def hand_written(docs: Path) -> list[Path]:
    """The folders and files of ``docs/`` that the generation step does not write.

    A folder without a generated file is watched whole, so a new style sheet
    in it is seen too; elsewhere each hand-written file is watched.
    """
    generated = {docs / p for p in read_manifest(docs)}
    holding = {parent for path in generated for parent in path.parents}
    out: list[Path] = []

    def walk(folder: Path) -> None:
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue
            if path.is_dir():
                if path in holding:
                    walk(path)
                else:
                    out.append(path)
            elif path not in generated:
                out.append(path)

    if docs.is_dir():
        walk(docs)
    return out


def _partial_builder(builder: Callable[..., None]) -> Callable[..., None] | None:
    """A builder doing what MkDocs' own does (``mkdocs/commands/serve.py``), but partially.

    MkDocs' builder is a closure over how it loads the configuration; without
    those names (another MkDocs version), its own builder stays.
    """
    names = inspect.getclosurevars(builder).nonlocals
    get_config, serve_url = names.get("get_config"), names.get("serve_url")
    if not callable(get_config) or not isinstance(serve_url, str) or names.get("is_clean"):
        return None

    def rebuild(config: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        signature = _settings_signature(config)
        full = signature != _session.settings
        _session.settings = signature
        if full:
            log.info("randnotiz: mkdocs.yml or the theme changed; building every page")
        with _partial(not full):
            mkdocs_build(config, serve_url=serve_url, dirty=not full)

    return rebuild


@contextmanager
def _partial(on: bool) -> Iterator[None]:
    """Mark the build as partial, without MkDocs' warning that would fail it under strict."""
    quiet = _DropDirtyWarning()
    logger = logging.getLogger("mkdocs.commands.build")
    _session.partial = on
    if on:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)
        _session.partial = False


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def _settings_signature(config: MkDocsConfig) -> tuple[tuple[str, int, int], ...]:
    """Size and time of every file whose change can alter every page."""
    paths = [config.config_file_path, config.theme.custom_dir, *config.watch]
    out = []
    for base in paths:
        if not base:
            continue
        for path in _files(Path(base)):
            try:
                st = path.stat()
            except OSError:
                continue
            out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file())
    elif path.exists():
        yield path


# --- during each build (called from the hooks) ---------------------------------------------


def on_files(files: Files) -> None:
    _session.files = files


def on_post_build(config: MkDocsConfig) -> None:
    files = _session.files
    if files is None:
        return
    outputs = {f.abs_dest_path for f in files}
    if _session.partial:
        _remove(_session.outputs - outputs, Path(config.site_dir))
    _session.outputs = outputs
    _session.files = None


def _remove(stale: set[str], site: Path) -> None:
    """The output of pages and files that are no longer produced, and folders left empty."""
    for name in sorted(stale):
        path = Path(name)
        with suppress(FileNotFoundError):
            path.unlink()
        folder = path.parent
        while folder != site and site in folder.parents and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    if stale:
        log.info("randnotiz: removed %d pages no longer produced", len(stale))


