"""Search as a reader's browser pays for it: bytes on the wire and time to the first result.

Headless Chromium (the system's), a fresh profile per engine (nothing cached),
the site served from 127.0.0.1 by a server that compresses text with gzip as
any web host does (Pagefind's index files and its WebAssembly come compressed
already and are sent as they are). The server counts every byte it sends,
headers included, whether the page or a web worker asked for it: Chromium's
network events report a worker's own script without its body.

For each engine (Pagefind, and Material's own search on a copy of the same
archive for comparison) and a query of two words typed like a reader types:

- the bytes of the search index loaded with the page, before the search opens;
- the first query, cold: every byte the search costs up to its first result,
  its program loaded with the page included;
- a second query of other words: what it loads on top;
- the time from the last keystroke to the first result on screen, for both
  queries (Pagefind's UI waits 200 ms after the last keystroke before it
  searches; that is part of what the reader waits for).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
#: Material's search builds its index in the page from all of it: on two cores busy
#: with other work that took more than two minutes at 1,000 articles.
TIMEOUT_MS = 600_000


@dataclass(frozen=True)
class Engine:
    """How to open an engine's search, type into it and see its first result."""

    name: str
    open_keys: str
    box: str
    #: JavaScript: true once the first result of the whole query ``q`` is on screen
    #: (not one of the query typed so far)
    shown: str
    #: URL paths of the search: its program, and within it its index
    program: tuple[str, ...]
    index: tuple[str, ...]


PAGEFIND = Engine(
    name="pagefind",
    open_keys="/",
    box="pagefind-input input",
    shown="""q => (document.querySelector('pagefind-summary')?.textContent || '')
                 .includes('für ' + q) &&
               document.querySelector('pagefind-results a.pf-result-link')""",
    program=("/pagefind/",),
    index=("/pagefind/index/", "/pagefind/fragment/", "/pagefind/filter/", ".pf_meta"),
)
MATERIAL = Engine(
    name="material",
    open_keys="/",
    box="input.md-search__input",
    shown="""q => {
      const last = q.split(' ').pop().toLowerCase();
      const links = document.querySelectorAll('a.md-search-result__link');
      return [...links].some(a => (new URL(a.href).searchParams.get('h') || '')
                                    .split(' ').includes(last));
    }""",
    program=("/assets/javascripts/workers/search", "/assets/javascripts/lunr/", "/search/"),
    index=("/search/search_index.json",),
)


@dataclass
class Traffic:
    """Responses counted as they finish: (time, path, bytes on the wire)."""

    seen: list[tuple[float, str, int]] = field(default_factory=list)

    def add(self, path: str, size: int) -> None:
        self.seen.append((time.perf_counter(), path, size))

    def since(self, start: float, parts: tuple[str, ...] = ()) -> int:
        return sum(
            size
            for at, path, size in self.seen
            if at >= start and (not parts or any(p in path for p in parts))
        )


@dataclass(frozen=True)
class Payload:
    engine: str
    page_bytes: int  # everything the page loads before the search opens
    index_bytes_before_open: int
    program_bytes_with_page: int
    first_query_bytes: int
    second_query_bytes: int
    first_result_ms: float
    second_result_ms: float
    first_query: str
    second_query: str
    largest_response: tuple[str, int]


class _Counting(io.RawIOBase):
    """A socket writer that counts what passes through it."""

    def __init__(self, inner: io.BufferedIOBase) -> None:
        self.inner = inner
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.count += len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        self.inner.flush()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser accepts it; bytes sent per response."""

    traffic: Traffic

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        counting = _Counting(self.wfile)
        self.wfile = counting
        super().handle_one_request()
        if getattr(self, "path", None):
            self.traffic.add(urlsplit(self.path).path, counting.count)
        self.wfile = counting.inner

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        ctype = self.guess_type(path)
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants or not ctype.startswith(COMPRESSED_TYPES) or not Path(path).is_file():
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serving(site: Path, traffic: Traffic) -> Iterator[str]:
    handler_class = type("Handler", (_Handler,), {"traffic": traffic})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def _type_and_wait(page: Page, engine: Engine, query: str) -> float:
    """Type ``query`` and wait for its first result; ms from the last keystroke to it.

    The last key's time is taken as it goes down; the result's, by a check of the
    page at every frame until the engine shows a result of the whole query.
    """
    box = page.locator(engine.box)
    box.fill("")
    box.press_sequentially(query[:-1], delay=40)
    page.evaluate(
        """() => {
          window.rnTyped = undefined;
          document.addEventListener('keydown', () => { window.rnTyped = performance.now(); },
                                    {once: true, capture: true});
        }"""
    )
    box.press(query[-1])
    page.wait_for_function(
        f"""([query]) => {{
          const shown = {engine.shown};
          if (window.rnTyped === undefined || !shown(query)) return false;
          window.rnFirst = performance.now();
          return true;
        }}""",
        arg=[query],
        polling="raf",
        timeout=TIMEOUT_MS,
    )
    return float(page.evaluate("window.rnFirst - window.rnTyped"))


def measure(site: Path, engine: Engine, first: str, second: str) -> Payload:
    """One cold visit of the home page, two queries."""
    traffic = Traffic()
    with serving(site, traffic) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url + "/", wait_until="networkidle")
        page.wait_for_timeout(1000)
        page_bytes = traffic.since(start)
        index_before = traffic.since(start, engine.index)
        program_with_page = traffic.since(start, engine.program)
        opened = time.perf_counter()
        page.keyboard.press(engine.open_keys)
        page.locator(engine.box).wait_for(state="visible", timeout=TIMEOUT_MS)
        first_ms = _type_and_wait(page, engine, first)
        page.wait_for_load_state("networkidle")
        first_bytes = traffic.since(opened, engine.program) + program_with_page
        again = time.perf_counter()
        second_ms = _type_and_wait(page, engine, second)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        second_bytes = traffic.since(again, engine.program)
        largest = max(((p, s) for _, p, s in traffic.seen), key=lambda x: x[1], default=("", 0))
        context.close()
        browser.close()
    return Payload(
        engine=engine.name,
        page_bytes=page_bytes,
        index_bytes_before_open=index_before,
        program_bytes_with_page=program_with_page,
        first_query_bytes=first_bytes,
        second_query_bytes=second_bytes,
        first_result_ms=first_ms,
        second_result_ms=second_ms,
        first_query=first,
        second_query=second,
        largest_response=largest,
    )
