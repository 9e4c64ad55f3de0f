"""The Atom feed: it parses, holds the right entries with their dates and ledes, every page links it."""

from __future__ import annotations

import dataclasses
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from randnotiz.build import read_and_link
from randnotiz.config import Settings
from randnotiz.render import render_site
from randnotiz.render.feed import FEED_ENTRIES, render_feed, xml_text
from randnotiz.render.view import build_view

from .conftest import SHIPPED_SEED, make_project

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "http://127.0.0.1:8000"  # site_url in mkdocs.yml
FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED_TITLE = "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"


def parse(xml: str | bytes) -> ET.Element:
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    return root


def text(element: ET.Element, tag: str) -> str:
    found = element.find(f"{A}{tag}")
    assert found is not None, tag
    return found.text or ""


def one_line(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def feed(shipped_site: Path) -> ET.Element:
    return parse((shipped_site / "feed.xml").read_bytes())


def test_feed_has_what_atom_requires(feed: ET.Element) -> None:
    assert text(feed, "id") == f"{SITE_URL}/feed.xml"
    assert text(feed, "title") == "Randnotiz"
    assert text(feed, "updated") == "2025-07-29T00:00:00Z"
    author = feed.find(f"{A}author")
    assert author is not None and text(author, "name") == "Randnotiz"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": f"{SITE_URL}/feed.xml", "alternate": f"{SITE_URL}/"}
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_one_entry_per_article_with_date_and_lede(
    feed: ET.Element, shipped_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = make_project(tmp_path_factory.mktemp("feed"), shipped=True)
    articles = read_and_link(root).corpus.articles
    entries = feed.findall(f"{A}entry")
    assert len(entries) == len(articles) == 1
    (entry,) = entries
    (article,) = articles
    url = f"{SITE_URL}/artikel/{article.id}/"
    assert text(entry, "title") == SHIPPED_TITLE
    assert text(entry, "id") == url
    assert text(entry, "published") == text(entry, "updated") == "2025-07-29T00:00:00Z"
    assert text(entry, "summary") == one_line(article.lede)
    assert text(entry, "summary").startswith("Meta hat den Anschluss in der KI-Forschung verloren.")
    (link,) = entry.findall(f"{A}link")
    assert link.get("rel") == "alternate" and link.get("href") == url
    assert (shipped_site / urlsplit(url).path.strip("/") / "index.html").is_file()
    category = entry.find(f"{A}category")
    assert category is not None and category.get("term") == "Unternehmen"


def test_every_page_links_the_feed_in_its_head(shipped_site: Path) -> None:
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        rel = page.relative_to(shipped_site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, rel
        href = urlsplit(links[0]["href"]).path
        target = (
            href.lstrip("/")
            if href.startswith("/")
            else posixpath.join(posixpath.dirname(rel), href)
        )
        assert posixpath.normpath(target) == "feed.xml", (rel, links[0]["href"])


# --- more articles, hostile text, no site_url ------------------------------------


def _later_copy(title: str, date: str) -> str:
    """The shipped seed as another article: a new date line and a new title."""
    seed = SHIPPED_SEED.read_text(encoding="utf-8")
    return seed.replace("29. Juli, 2025", date, 1).replace(SHIPPED_TITLE, title)


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(
        tmp_path_factory.mktemp("three"),
        shipped=True,
        seeds={
            "later.txt": _later_copy("Metas nächster Schritt: Brillen & Chips", "3. August 2025"),
            "hostile.txt": (FIXTURES / "hostile.txt").read_bytes(),
        },
    )


def test_entries_newest_first_and_text_escaped(three_articles: Path) -> None:
    linked = read_and_link(three_articles)
    pages = dict(render_site(linked.corpus, linked.project.settings))
    feed = parse(pages["feed.xml"].encode("utf-8"))
    entries = feed.findall(f"{A}entry")
    titles = [text(e, "title") for e in entries]
    assert titles[0] == "Metas nächster Schritt: Brillen & Chips"
    assert set(titles[1:]) == {
        SHIPPED_TITLE,
        'Titel mit <script>alert("x")</script> und **fett** {: .evil }',
    }
    assert text(feed, "updated") == "2025-08-03T00:00:00Z"
    updated = [text(e, "updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    by_title = {text(e, "title"): e for e in entries}
    for article in linked.corpus.articles:
        assert text(by_title[article.title], "summary") == one_line(article.lede)


def test_without_site_url_ids_are_urns(three_articles: Path) -> None:
    linked = read_and_link(three_articles)
    settings = dataclasses.replace(linked.project.settings, site_url=None)
    feed = parse(dict(render_site(linked.corpus, settings))["feed.xml"].encode("utf-8"))
    assert text(feed, "id") == "urn:randnotiz:feed"
    ids = [text(e, "id") for e in feed.findall(f"{A}entry")]
    assert ids[0] == "urn:randnotiz:artikel:metas-naechster-schritt-brillen-chips"
    assert all(i.startswith("urn:randnotiz:artikel:") for i in ids)


def test_feed_keeps_the_newest_articles_only(tmp_path: Path) -> None:
    seeds = {
        f"{n:03d}.txt": _later_copy(f"Artikel Nummer {n}", f"{1 + n % 28}.{1 + n // 28}.2024")
        for n in range(FEED_ENTRIES + 3)
    }
    root = make_project(tmp_path / "p", seeds=seeds)
    linked = read_and_link(root)
    view = build_view(linked.corpus, Settings(site_url="https://example.org/rn/"))
    feed = parse(render_feed(view))
    entries = feed.findall(f"{A}entry")
    assert len(entries) == FEED_ENTRIES
    newest = max(a.date for a in linked.corpus.articles)
    assert text(entries[0], "updated") == f"{newest.isoformat()}T00:00:00Z"
    assert text(feed, "id") == "https://example.org/rn/feed.xml"


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("A & B", "A &amp; B"),
        ("<b>", "&lt;b&gt;"),
        ("Steuer\x0bzeichen\x00", "Steuerzeichen"),
        ("„Zitat“ – ß", "„Zitat“ – ß"),
    ],
)
def test_xml_text(raw: str, escaped: str) -> None:
    assert xml_text(raw) == escaped


@pytest.mark.parametrize(
    "value",
    [
        "",
        "Meta & Co.",
        "<script>alert(1)</script>",
        'Er sagte "nein"',
        "Zuckerbergs 'Plan'",
        "beides \" und '",
        "Zeile\neins\r\tzwei",
        "Steuerzeichen \x01\x0b weg",
        "„Gründermodus“ – ß",
    ],
)
def test_feed_escaping_is_what_the_standard_library_writes(value: str) -> None:
    from xml.sax.saxutils import escape, quoteattr

    from randnotiz.render.feed import _NOT_XML, _attr

    clean = _NOT_XML.sub("", value)
    assert xml_text(value) == escape(clean)
    assert _attr(value) == quoteattr(clean)
