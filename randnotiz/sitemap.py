"""``sitemap.xml`` as a sitemap index, so that reading a page never fetches the list of pages.

Material for MkDocs fetches ``sitemap.xml`` next to the address of every
``<link rel="alternate">`` in a page's head, to map the pages of a language
selector, and the head's link to the Atom feed is one: with MkDocs' sitemap at
the site's root, every reader's first page fetched the address of every page
(37 KB compressed at 1,000 articles, 358 KB at 10,000), more than a search
costs. A sitemap index at that address lists no page (``<url>``), so that fetch
costs a few hundred bytes, and search engines follow it to the pages, in
``sitemap-seiten.xml``, the way the sitemaps protocol splits large sitemaps (one
file holds at most 50,000 addresses; more go into ``sitemap-seiten-2.xml`` and
so on).

The pages' entries are kept as MkDocs wrote them, in its order.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from randnotiz.write import replace_file

SITEMAP = "sitemap.xml"
PAGES = "sitemap-seiten"
#: The sitemaps protocol's limit of addresses per file.
MAX_URLS = 50_000
_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")
_XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_files(urls: list[str], limit: int = MAX_URLS) -> list[tuple[str, str]]:
    """The files that list the pages: ``(name, XML)`` for each ``limit`` entries."""
    chunks = [urls[i : i + limit] for i in range(0, len(urls), limit)] or [[]]
    out = []
    for number, chunk in enumerate(chunks, start=1):
        name = f"{PAGES}.xml" if number == 1 else f"{PAGES}-{number}.xml"
        body = "".join(entry if entry.endswith("\n") else entry + "\n" for entry in chunk)
        out.append(
            (
                name,
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="{_XMLNS}">\n{body}</urlset>\n',
            )
        )
    return out


def index_of(names: list[str], base_url: str, lastmod: str | None) -> str:
    """The sitemap index that points to ``names``, addresses under ``base_url``."""
    entries = "".join(
        f"    <sitemap>\n         <loc>{base_url}{name}</loc>\n"
        + (f"         <lastmod>{lastmod}</lastmod>\n" if lastmod else "")
        + "    </sitemap>\n"
        for name in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="{_XMLNS}">\n{entries}</sitemapindex>\n'
    )


def split(text: str, base_url: str, limit: int = MAX_URLS) -> list[tuple[str, str]] | None:
    """The files that replace MkDocs' ``sitemap.xml``, index last; None if it is no urlset."""
    if "<urlset" not in text:
        return None  # already an index, or not MkDocs' sitemap: left as it is
    urls = _URL.findall(text)
    pages = page_files(urls, limit)
    lastmod = max(_LASTMOD.findall(text), default=None)
    index = index_of([name for name, _ in pages], base_url, lastmod)
    return [*pages, (SITEMAP, index)]


def write_index(site_dir: Path, site_url: str | None) -> None:
    """Replace ``site_dir/sitemap.xml`` (and its ``.gz``) by an index and the lists of pages.

    Each file is written beside its place and renamed into it, the index last, so
    a reader or a crawler meets either MkDocs' sitemap or the finished index.
    """
    sitemap = site_dir / SITEMAP
    if not sitemap.is_file():
        return
    base_url = (site_url or "/").rstrip("/") + "/"
    files = split(sitemap.read_text(encoding="utf-8"), base_url)
    if files is None:
        return
    for stale in site_dir.glob(f"{PAGES}-*.xml*"):
        stale.unlink()  # left by a larger site before
    for name, xml in files:
        data = xml.encode("utf-8")
        for path, content in ((name, data), (f"{name}.gz", gzip.compress(data, mtime=0))):
            replace_file(site_dir / path, content, site_dir / f".{path}.tmp")
