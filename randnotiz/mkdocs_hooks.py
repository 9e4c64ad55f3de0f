"""MkDocs hooks: generate ``docs/`` before every build, index the site after it,
and watch the sources.

Registered in ``mkdocs.yml`` so that plain ``mkdocs build`` and ``mkdocs
serve`` work from a fresh clone. While serving, a mistake in a seed or a YAML
file is reported and the last good pages stay in ``docs/``, so the browser
keeps showing the last good site until the next good save; ``mkdocs build``
stops with exit code 1 instead. How serving rebuilds only what changed is
``randnotiz/serve.py``.

After each build Pagefind indexes the site in ``config.site_dir``: that is
``site/`` for ``mkdocs build`` and the temporary folder ``mkdocs serve``
builds into and serves, so search works while editing too. It reads the
whole folder, so a rebuild of only what changed gets a whole index. While
serving it indexes in the background (``randnotiz/search_later.py``): the
browser reloads as soon as the pages are built, and search follows.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from randnotiz import live, passthrough, serve, sitemap
from randnotiz.build import build
from randnotiz.cli import print_problems
from randnotiz.config import Project
from randnotiz.freshness import is_fresh
from randnotiz.render.redirects import REDIRECTS_PATH, parse_redirects
from randnotiz.search_index import index_site
from randnotiz.search_later import index_later
from randnotiz.write import read_manifest

log = logging.getLogger("mkdocs.plugins.randnotiz")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: MkDocsConfig) -> None:
    root = _root(config)
    try:
        _generate(root)
    finally:  # the old URLs of the pages in docs/, whether generated now or before
        _hand_over_redirects(config, root)


def _generate(root: Path) -> None:
    started = time.perf_counter()
    if _command == "serve":
        # The serving process keeps the last good build and redoes only what changed.
        result = live.update(root)
    elif is_fresh(root):
        log.info("randnotiz: docs/ is up to date with seeds/ and annotations/")
        return
    else:
        result = build(root)
    if _command == "serve":
        # Printed, not logged: a logged error would abort the strict rebuild,
        # and the point is to keep serving the last good pages.
        print_problems(result.problems, show_info=False)
        if result.report is None:
            print(
                "randnotiz: docs/ left unchanged; the last good pages are still served",
                file=sys.stderr,
            )
            return
    else:
        for problem in result.problems:
            if problem.severity == "error":
                log.error(str(problem))
            else:
                log.info(str(problem))  # a logged warning would fail a --strict build
        if result.report is None:
            raise PluginError(
                "randnotiz: the sources have errors (listed above); docs/ left unchanged"
            )
    if result.report.written or result.report.removed:
        log.info(
            "randnotiz: %d pages written, %d removed in %.2f seconds",
            len(result.report.written),
            len(result.report.removed),
            time.perf_counter() - started,
        )


#: The old URLs handed to the plugin last time: replaced, not kept, on the next build.
_handed_over: set[str] = set()


def _hand_over_redirects(config: MkDocsConfig, root: Path) -> None:
    """Give mkdocs-redirects the old URLs that ``redirect_from`` lists, next to its own."""
    try:
        ours = parse_redirects((Project(root).docs / REDIRECTS_PATH).read_text(encoding="utf-8"))
    except OSError:
        ours = {}
    plugin = config.plugins.get("redirects")
    if plugin is None:
        if ours:
            log.warning(
                "randnotiz: redirect_from needs the plugin 'redirects' in mkdocs.yml; "
                "without it the old URLs lead nowhere"
            )
        return
    theirs = {k: v for k, v in plugin.config["redirect_maps"].items() if k not in _handed_over}
    plugin.config["redirect_maps"] = {**theirs, **ours}
    _handed_over.clear()
    _handed_over.update(ours)


#: The generated pages of this build, and the raw blocks set aside from each page
#: being rendered (``randnotiz/passthrough.py``).
_generated: set[str] = set()
_set_aside: dict[str, passthrough.SetAside] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _command == "serve":
        serve.on_files(files)
    _generated.clear()
    _generated.update(read_manifest(Path(config.docs_dir)))
    _set_aside.clear()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in _generated:
        return markdown  # written by hand: left to Markdown whole
    aside = passthrough.set_aside(markdown)
    _set_aside[page.file.src_uri] = aside
    return aside.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    aside = _set_aside.pop(page.file.src_uri, None)
    if aside is None:
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= passthrough.anchor_ids(aside)
    return passthrough.put_back(html, aside)


def on_post_build(config: MkDocsConfig) -> None:
    language = config.theme["language"] or "de"
    sitemap.write_index(Path(config.site_dir), config.site_url)
    if _command == "serve":
        serve.on_post_build(config)  # first: it removes the pages no longer produced
        index_later(Path(config.site_dir), language)
        return
    report = index_site(Path(config.site_dir), language=language)
    log.info(report.summary())


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    serve.take_over(server, config, builder)
    return server
