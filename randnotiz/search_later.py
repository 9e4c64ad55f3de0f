"""While serving, the search index follows the pages instead of holding them back.

Pagefind reads the whole site folder after every build: seconds at a thousand
articles, and the browser reloads only when the build is over. So
``mkdocs serve`` hands the indexing to one background thread, and the pages
reload as soon as they are built; search catches up a few seconds later.

- One index at a time: a request while one runs is kept for when it ends, and
  requests made meanwhile count as one (the newest folder wins), so a burst of
  saves costs one more index, not one each.
- The index that ends last started after the last build ended, so it is the
  index of the site on screen; one made while a build was writing may be of a
  half-written page, and is replaced by the next.
- ``search_index`` writes the new bundle beside the old one and swaps them, so
  a search meanwhile finds the old index, never half of one.
- Pagefind runs at a lower priority (``NICENESS``): the next save's build goes first.
- A failure is printed, not logged: a warning logged while the next build runs
  would count against it and fail it under ``strict``. The next build asks again.

``mkdocs build`` indexes before it ends, as before (``mkdocs_hooks.py``).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from randnotiz.search_index import IndexReport, index_site

log = logging.getLogger("mkdocs.plugins.randnotiz")

NICENESS = 5
#: Logged when the index of the last build is written and nothing else is waiting.
UP_TO_DATE = "randnotiz: search index up to date"

Indexer = Callable[[Path, str], IndexReport]


def _index(site_dir: Path, language: str) -> IndexReport:
    return index_site(site_dir, language=language, niceness=NICENESS)


class SearchLater:
    """Indexes the site in a thread of its own, one request at a time, the newest kept."""

    def __init__(self, indexer: Indexer = _index) -> None:
        self._indexer = indexer
        self._lock = threading.Lock()
        self._wanted: tuple[Path, str] | None = None
        self._running = False
        self._idle = threading.Event()
        self._idle.set()

    def request(self, site_dir: Path, language: str) -> None:
        """Index ``site_dir`` once the index under way, if any, is written."""
        with self._lock:
            self._wanted = (site_dir, language)
            self._idle.clear()
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._work, name="randnotiz-search", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether every request was indexed within ``timeout`` seconds."""
        return self._idle.wait(timeout)

    def _work(self) -> None:
        while True:
            with self._lock:
                wanted, self._wanted = self._wanted, None
                if wanted is None:
                    self._running = False
                    self._idle.set()
                    return
            try:
                report = self._indexer(*wanted)
            except Exception as failed:  # reported; the next build asks again
                print(f"randnotiz: search index not written: {failed}", file=sys.stderr)
                continue
            log.info(report.summary())
            with self._lock:
                if self._wanted is None:
                    log.info(UP_TO_DATE)


#: One per process: MkDocs loads the hooks anew for every build, this module stays.
_later = SearchLater()


def index_later(site_dir: Path, language: str) -> None:
    """Index ``site_dir`` in the background (see the module doc)."""
    _later.request(site_dir, language)
