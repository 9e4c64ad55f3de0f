"""Zensical builds the same generated ``docs/`` with the same ``mkdocs.yml``.

Zensical, the successor of Material for MkDocs, reads ``mkdocs.yml`` and
ignores its ``hooks``, so ``randnotiz build`` runs first, as in ``make site``.
The test builds the shipped content with ``zensical build --strict`` (broken
links and anchors fail it) and compares what readers get with the MkDocs
build. ``make test`` installs Zensical from requirements-zensical.txt when pip
can; without it the tests here are skipped.
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from randnotiz.search_index import fragments

from .conftest import SHIPPED_ID, make_project, run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("zensical") is None,
        reason="Zensical is not installed: `make test` installs requirements-zensical.txt "
        "when pip can get it from PyPI",
    ),
]

ARTICLE = f"artikel/{SHIPPED_ID}/index.html"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("zensical"), shipped=True)
    generated = run(["randnotiz", "build"], root)
    assert generated.returncode == 0, generated.stderr
    built = run(["zensical", "build", "--strict"], root)
    assert built.returncode == 0, built.stdout + built.stderr
    indexed = run(["randnotiz", "search-index", "site"], root)
    assert indexed.returncode == 0, indexed.stderr
    return root / "site"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def target_of(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The file a link on ``page`` reaches, and its #fragment."""
    url = urlsplit(href)
    if url.path.startswith("/"):
        path = url.path.lstrip("/")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), url.path or "."))
    file = site / path / "index.html" if not path.endswith(".xml") else site / path
    return file, url.fragment


def assert_resolves(site: Path, page: str, href: str) -> None:
    file, fragment = target_of(site, page, href)
    assert file.is_file(), (page, href)
    if fragment:
        assert soup(site, str(file.relative_to(site))).find(id=fragment) is not None, (page, href)


def test_zensical_builds_the_article_page(zensical_site: Path) -> None:
    page = soup(zensical_site, ARTICLE)
    generator = page.find("meta", attrs={"name": "generator"})
    assert generator is not None and generator["content"].startswith("zensical")
    content = page.select_one("article.md-content__inner")
    assert content is not None
    h1 = content.find("h1")
    assert h1 is not None
    assert h1.get_text().rstrip("¶") == "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"


def test_every_entity_link_of_the_article_resolves(zensical_site: Path) -> None:
    links = soup(zensical_site, ARTICLE).select("article.md-content__inner a.rn-mention")
    assert len(links) > 20
    for a in links:
        assert a.get("title"), a  # the hover text
        assert_resolves(zensical_site, ARTICLE, a["href"])


def test_article_reads_and_links_as_with_mkdocs(zensical_site: Path, shipped_site: Path) -> None:
    def reader_view(site: Path) -> tuple[str, list[tuple[str, str]]]:
        content = soup(site, ARTICLE).select_one("article.md-content__inner")
        assert content is not None
        text = " ".join(content.get_text().split())
        links = [(a.get_text(), a["href"], a.get("title")) for a in content.select("a.rn-mention")]
        return text, links

    text, links = reader_view(zensical_site)
    assert (text, links) == reader_view(shipped_site)
    # What held on the article's date and what happened since read the same with Zensical.
    assert "Seit Erscheinen" in text
    assert any(title and "Damals: " in title for _, _, title in links)


def test_profile_chronicle_as_with_mkdocs(zensical_site: Path, shipped_site: Path) -> None:
    def chronicle(site: Path) -> str:
        content = soup(site, "personen/yann-lecun/index.html").select_one(
            "article.md-content__inner"
        )
        assert content is not None
        return " ".join(content.get_text().split())

    text = chronicle(zensical_site)
    assert text == chronicle(shipped_site)
    assert "Chronik" in text


def test_graph_links_resolve_in_the_zensical_build(zensical_site: Path) -> None:
    pages = [
        "netzwerk/index.html",
        "personen/yann-lecun/index.html",
        "organisationen/meta/index.html",
    ]
    for page in pages:
        links = soup(zensical_site, page).select("svg.rn-graph__svg a")
        assert links, page
        for a in links:
            assert_resolves(zensical_site, page, a["href"])


def test_head_carries_json_ld_and_the_feed_link(zensical_site: Path, shipped_site: Path) -> None:
    for page in (ARTICLE, "personen/yann-lecun/index.html"):
        z, m = soup(zensical_site, page), soup(shipped_site, page)
        (z_ld,) = z.select('head script[type="application/ld+json"]')
        (m_ld,) = m.select('head script[type="application/ld+json"]')
        assert json.loads(z_ld.string) == json.loads(m_ld.string)
        (feed,) = z.select('head link[type="application/atom+xml"]')
        file, _ = target_of(zensical_site, page, feed["href"])
        assert file == zensical_site / "feed.xml"


@pytest.mark.parametrize("name", ["feed.xml", "daten/entities.json", "daten/mentions.json"])
def test_data_files_are_copied_unchanged(
    zensical_site: Path, shipped_site: Path, name: str
) -> None:
    assert (zensical_site / name).read_bytes() == (shipped_site / name).read_bytes()


def test_the_search_indexes_what_the_mkdocs_build_indexes(
    zensical_site: Path, shipped_site: Path
) -> None:
    """`randnotiz search-index` after `zensical build`: the same results, Pagefind's button
    in the header and no other search."""
    def indexed(site: Path) -> dict[str, tuple[str, dict]]:
        return {r["url"]: (r["meta"]["title"], r["filters"]) for r in fragments(site / "pagefind")}

    assert indexed(zensical_site) == indexed(shipped_site)
    page = soup(zensical_site, ARTICLE)
    assert page.select_one("header pagefind-modal-trigger") is not None
    assert page.select_one("pagefind-modal") is not None
    assert page.select_one(".md-search") is None


def test_same_pages_as_mkdocs(zensical_site: Path, shipped_site: Path) -> None:
    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}

    assert pages(zensical_site) == pages(shipped_site)
