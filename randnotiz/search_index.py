"""The search index: Pagefind over the built site, and one record per glossary term.

Runs after every build, whichever tool made the site: the MkDocs hook calls
``index_site`` after ``mkdocs build`` and ``mkdocs serve`` (into the folder
being served), ``randnotiz search-index`` after ``zensical build``. It reads
only the built folder, so it can run again after any rebuild, whole or partial.

Pages opt in with ``data-pagefind-body`` (the theme sets it on articles and
profiles, see ``randnotiz/theme/main.html``): the home page, the indexes and the
glossary page repeat text found elsewhere. Each glossary term becomes a result
of its own that opens at its anchor, from the site's own data export
(``daten/entities.json``), through Pagefind's custom records.

Pagefind comes as a binary inside the ``pagefind-bin`` wheel; the ``pagefind``
package drives it as a service. Its reader of the service's replies (1.5.2)
waits 0.1 s before each reply, which made 600 terms take a minute; the reader
here takes replies as they come (600 terms: 0.2 s).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import gzip
import html
import json
import os
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import markdown
from pagefind.service import PagefindService
from pagefind.service.types import InternalResponsePayload, InternalServiceResponse

from randnotiz.cycles import without_cycle_collection
from randnotiz.paths import GLOSSARY
from randnotiz.render.export import ENTITIES_PATH
from randnotiz.search_bundle import ENTRY, canonical
from randnotiz.searchwords import known_tails, name_words
from randnotiz.write import holds, replace_file

BUNDLE = "pagefind"
#: The names of the filters and the metadata field the theme and the records share.
KIND_FILTER = "Art"
TERM_KIND = "Begriff"
NAMES_META = "namen"
#: Marks the theme adds to text, not words of it: the heading's "¶" link and the
#: footnote's "↩" back link.
NOT_TEXT = (".headerlink", ".footnote-backref")

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TermRecord:
    """A glossary term as one search result."""

    url: str
    title: str
    content: str
    names: tuple[str, ...]  # the extra forms from ``name_words``; the aliases are in the content


@dataclass(frozen=True)
class IndexReport:
    pages: int
    terms: int
    seconds: float
    bundle: Path
    pagefind_seconds: float = 0.0  # of ``seconds``: Pagefind reading the site and making the index

    def summary(self) -> str:
        """The line the MkDocs log shows after an index."""
        return (
            f"randnotiz: search index of {self.pages} pages read and {self.terms} terms "
            f"written in {self.seconds:.1f} s (Pagefind {self.pagefind_seconds:.1f} s)"
        )


def plain_text(markdown_text: str) -> str:
    """An editor's Markdown as the words a reader sees."""
    rendered = markdown.markdown(markdown_text)
    return " ".join(html.unescape(_TAG.sub(" ", rendered)).split())


def term_records(export: dict[str, Any]) -> list[TermRecord]:
    """One record per term of ``daten/entities.json``, in its order.

    The content holds what the glossary shows of the term: its name, other
    names, definition and description.
    """
    entities = export.get("entities", [])
    known = known_tails(n for e in entities for n in (e["name"], *e["aliases"]))
    records = []
    for entity in entities:
        if entity["type"] != "term":
            continue
        names = [entity["name"], *entity["aliases"]]
        parts = [entity["name"] + "."]
        if entity["aliases"]:
            parts.append("Auch: " + ", ".join(entity["aliases"]) + ".")
        parts.append(" ".join(entity["summary"].split()))
        if entity["description"]:
            parts.append(plain_text(entity["description"]))
        records.append(
            TermRecord(
                url=f"/{GLOSSARY}/#{entity['id']}",
                title=entity["name"],
                content=" ".join(parts),
                names=name_words(names, known),
            )
        )
    return records


def read_terms(site_dir: Path) -> list[TermRecord]:
    path = site_dir / ENTITIES_PATH
    if not path.is_file():
        return []
    return term_records(json.loads(path.read_text(encoding="utf-8")))


def index_site(site_dir: Path, language: str = "de", niceness: int = 0) -> IndexReport:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind/``, replacing it.

    ``niceness`` above 0 runs Pagefind at a lower priority: while serving it
    indexes in the background, and the next save's build goes first.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / BUNDLE
    with without_cycle_collection():
        records = read_terms(site_dir)
        pages, pagefind = asyncio.run(_index(site_dir, bundle, records, language, niceness))
    return IndexReport(pages, len(records), time.perf_counter() - started, bundle, pagefind)


async def _index(
    site_dir: Path, bundle: Path, records: Iterable[TermRecord], language: str, niceness: int
) -> tuple[int, float]:
    """The number of pages indexed, and the seconds Pagefind took."""
    service = await _PromptService(niceness).launch()
    try:
        started = time.perf_counter()
        index = await service.create_index(
            {"force_language": language, "exclude_selectors": list(NOT_TEXT)}
        )
        indexed = await index.add_directory(str(site_dir))
        for record in records:
            await index.add_custom_record(
                url=record.url,
                content=record.content,
                language=language,
                meta={"title": record.title, NAMES_META: " ".join(record.names)},
                filters={KIND_FILTER: [TERM_KIND]},
            )
        # Pagefind's service answers that it wrote the files before they are all on
        # disk and loses the rest when it ends (an empty `pagefind-entry.json` or
        # `wasm.unknown.pagefind` now and then): the bundle is taken from it instead
        # and written here, in one order (see randnotiz/search_bundle.py).
        made = await index.get_files()
        pagefind = time.perf_counter() - started
        files = canonical({f["path"]: f["content"] for f in made})
    finally:
        await service.close()
    update_bundle(bundle, files)
    return int(indexed["page_count"]), pagefind


def update_bundle(bundle: Path, files: dict[str, bytes]) -> None:
    """Make the folder ``bundle`` hold ``files`` (paths in it to contents), and only them.

    Pagefind names its index files by their content, so after a save most files
    of the last index are there already: only the others are written, each under
    a name of its own first and then renamed, so that no index file is ever seen
    half written. ``pagefind-entry.json``, which names the rest, is put in place
    last, and the files it no longer names are removed after it: a search under
    way meanwhile reads the old index or the new, never a mix. (Writing all 3,480
    files into a new folder and deleting the old one took up to 2.4 s of each
    index at 1,000 articles while serving, on a file system that discards deleted
    blocks as it goes; after a save an index writes a few hundred.) A build killed
    half-way leaves files that the next index removes.
    """
    for path in sorted(files, key=lambda p: (p == ENTRY, p)):
        _put(bundle / path, files[path])
    for earlier in (f".{bundle.name}-new", f".{bundle.name}-old"):
        # Where an index killed half-way by an earlier version left its folders;
        # MkDocs keeps hidden files when it cleans the site folder.
        if bundle.with_name(earlier).is_dir():
            shutil.rmtree(bundle.with_name(earlier), ignore_errors=True)
    wanted = {bundle / path for path in files}
    for path in sorted(bundle.rglob("*"), reverse=True):  # a folder after what it holds
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif path not in wanted:
            path.unlink()


def _put(target: Path, content: bytes) -> None:
    if not holds(target, content):
        replace_file(target, content, target.with_name(f".{target.name}.new"))


def fragments(bundle: Path) -> list[dict[str, Any]]:
    """What the index holds for each result (url, content, meta, filters), read back
    from Pagefind's fragment files (gzip, a marker, JSON): for the tests and the
    benchmark."""
    out = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        out.append(json.loads(raw.removeprefix(b"pagefind_dcd")))
    return out


class _PromptService(PagefindService):
    """Pagefind's service, reading each reply as soon as it arrives (see the module doc),
    however long, and ending by closing its input and waiting for it to exit. Started
    with ``niceness`` above 0, Pagefind and every thread it starts run at that lower
    priority."""

    def __init__(self, niceness: int = 0) -> None:
        super().__init__()
        self._niceness = niceness

    async def launch(self) -> PagefindService:
        if self._niceness <= 0:
            return await super().launch()
        # 1.5.2's launch, with the priority lowered before Pagefind starts its threads.
        self._backend = await asyncio.create_subprocess_exec(
            self._bin,
            "--service",
            cwd=os.getcwd(),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            limit=2**21,
            preexec_fn=functools.partial(os.nice, self._niceness),
        )
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

    async def close(self) -> None:
        assert self._backend.stdin is not None
        self._backend.stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), timeout=60)
        except TimeoutError:
            self._backend.terminate()
            await self._backend.wait()
        self._poll_task.cancel()

    async def _wait_for_responses(self) -> None:
        # Replies are base64 ended by ",", one of them the whole bundle: read in
        # pieces, with no limit on a reply's length.
        assert self._backend.stdout is not None
        pieces: list[bytes] = []
        while chunk := await self._backend.stdout.read(1 << 20):
            *ends, rest = chunk.split(b",")
            for end in ends:
                reply = b"".join([*pieces, end])
                pieces = []
                self._answer(cast(InternalServiceResponse, json.loads(base64.b64decode(reply))))
            pieces.append(rest)

    def _answer(self, response: InternalServiceResponse) -> None:
        payload = response["payload"]
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id) if message_id is not None else None
        if future is None or future.done():
            return
        if payload["type"] == "Error":
            future.set_exception(RuntimeError(f"pagefind: {payload.get('message')}"))
        else:
            future.set_result(cast(InternalResponsePayload, payload))
