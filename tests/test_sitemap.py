"""``sitemap.xml`` is an index: the pages are listed in ``sitemap-seiten.xml``.

Material fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a
page (the feed's link is one), so the list of every page must not stand there.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from randnotiz.sitemap import split

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "{}</urlset>\n"
)


def entry(path: str, lastmod: str = "2026-12-01") -> str:
    return (
        f"    <url>\n         <loc>https://example.org/{path}</loc>\n"
        f"         <lastmod>{lastmod}</lastmod>\n    </url>\n"
    )


def locs(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]*)</loc>", xml)


@pytest.mark.parametrize(
    ("pages", "limit", "lists"),
    [
        (["", "a/", "b/"], 50_000, [["", "a/", "b/"]]),
        (["", "a/", "b/", "c/", "d/"], 2, [["", "a/"], ["b/", "c/"], ["d/"]]),
        ([], 10, [[]]),
    ],
    ids=["one-list", "split-at-the-limit", "no-pages"],
)
def test_split_keeps_every_page_in_order(pages: list[str], limit: int, lists) -> None:
    files = split(URLSET.format("".join(entry(p) for p in pages)), "https://example.org/", limit)
    assert files is not None
    *page_files, (index_name, index) = files
    names = ["sitemap-seiten.xml"] + [f"sitemap-seiten-{n}.xml" for n in range(2, len(lists) + 1)]
    assert [name for name, _ in page_files] == names
    assert [locs(xml) for _, xml in page_files] == [
        [f"https://example.org/{p}" for p in chunk] for chunk in lists
    ]
    assert index_name == "sitemap.xml"
    assert "<url>" not in index and index.count("<sitemap>") == len(lists)
    assert locs(index) == [f"https://example.org/{name}" for name in names]


def test_the_index_carries_the_newest_date() -> None:
    files = split(URLSET.format(entry("a/", "2025-01-02") + entry("b/", "2026-03-04")), "/")
    assert files is not None
    assert "<lastmod>2026-03-04</lastmod>" in files[-1][1]


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?>\n<sitemapindex><sitemap><loc>/x.xml</loc></sitemap></sitemapindex>',
        "kein Sitemap",
    ],
    ids=["already-an-index", "something-else"],
)
def test_what_is_no_urlset_is_left_alone(text: str) -> None:
    assert split(text, "/") is None


def test_the_built_site_lists_its_pages_behind_an_index(shipped_site: Path) -> None:
    index = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<url>" not in index
    assert locs(index) == ["http://127.0.0.1:8000/sitemap-seiten.xml"]
    pages = (shipped_site / "sitemap-seiten.xml").read_text(encoding="utf-8")
    listed = {loc.removeprefix("http://127.0.0.1:8000/") for loc in locs(pages)}
    built = {
        "" if p.parent == shipped_site else p.parent.relative_to(shipped_site).as_posix() + "/"
        for p in shipped_site.rglob("index.html")
    }
    assert {"", "artikel/zuckerbergs-ki-offensive/", "personen/yann-lecun/"} <= listed
    assert listed == built
    for name in ("sitemap.xml", "sitemap-seiten.xml"):
        assert gzip.decompress((shipped_site / f"{name}.gz").read_bytes()) == (
            shipped_site / name
        ).read_bytes()
