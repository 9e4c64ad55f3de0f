"""The article page as readers get it: built with `mkdocs build --strict`, read with BeautifulSoup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from randnotiz.model import BlockKind

from .conftest import (
    SHIPPED_HEADINGS,
    SHIPPED_ID,
    SHIPPED_SEED,
    build_site,
    make_project,
    read_seed,
)

pytestmark = pytest.mark.slow


def soup_of(site: Path, article_id: str) -> BeautifulSoup:
    html = (site / "artikel" / article_id / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def content(soup: BeautifulSoup) -> Tag:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return article


def visible_text(element: Tag) -> str:
    """The text a reader sees in an element, without note markers and figure labels."""
    clone = BeautifulSoup(str(element), "html.parser")
    for marker in clone.select("sup[id^='fnref'], .rn-figure__alt"):
        marker.decompose()
    return clone.get_text()


def test_article_page_exists_where_the_issue_says(shipped_site: Path) -> None:
    assert (shipped_site / "artikel" / SHIPPED_ID / "index.html").is_file()


def test_title_date_rubric_and_lede(shipped_site: Path) -> None:
    soup = soup_of(shipped_site, SHIPPED_ID)
    page = content(soup)
    (h1,) = page.find_all("h1")
    assert (
        h1.get_text(strip=True).rstrip("¶")
        == "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"
    )
    byline = page.select_one(".rn-byline")
    assert byline is not None
    assert byline.get_text(" ", strip=True) == "29. Juli 2025 · Unternehmen"
    assert byline.time is not None and byline.time["datetime"] == "2025-07-29"
    lede = page.select_one("p.rn-lede")
    assert lede is not None
    # The anchor sits on an empty element at the paragraph's start (see render/article.py).
    assert [(e.name, e["id"], e.get_text()) for e in lede.select("[id]")] == [
        ("span", "absatz-1", "")
    ]
    assert lede.contents[0] == lede.select_one("#absatz-1")
    assert visible_text(lede) == read_seed(SHIPPED_SEED).lede


def test_the_eight_section_headings_in_order(shipped_site: Path) -> None:
    page = content(soup_of(shipped_site, SHIPPED_ID))
    headings = [h.get_text().rstrip("¶") for h in page.find_all("h2")]
    assert headings[:8] == SHIPPED_HEADINGS
    assert headings[8:] == ["Anmerkungen der Redaktion", "In diesem Artikel"]
    for h2 in page.find_all("h2")[:8]:
        assert h2.find("a", class_="rn-mention") is None  # headings are not linked


def test_every_block_reaches_the_page_verbatim(shipped_site: Path) -> None:
    page = content(soup_of(shipped_site, SHIPPED_ID))
    article = read_seed(SHIPPED_SEED)
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        element = page.find(id=block.anchor)
        assert element is not None, block.anchor
        if block.kind in (BlockKind.CAPTION, BlockKind.FIGURE):
            assert element.name == "figure", block.anchor
            assert visible_text(element.figcaption).strip() == block.text
        else:  # the anchor opens the paragraph (see render/article.py)
            assert element.name == "span" and element.parent.name == "p", block.anchor
            assert element.parent.contents[0] is element
            assert visible_text(element.parent) == block.text


def test_captions_are_captions_not_paragraphs(shipped_site: Path) -> None:
    page = content(soup_of(shipped_site, SHIPPED_ID))
    captions = [visible_text(f).strip()[:24] for f in page.select("figure figcaption")]
    assert captions == [
        "Zuckerbergs Machtinstrum",
        "Mitten im Strukturwandel",
        "Meta im Ausnahmezustand:",
    ]
    assert not any(p.get_text().startswith("Mitten im Strukturwandel") for p in page.find_all("p"))


def test_no_teaser_tail_and_no_lists_in_the_article_body(shipped_site: Path) -> None:
    soup = soup_of(shipped_site, SHIPPED_ID)
    assert "Finfluencer" not in soup.get_text()
    assert "Das könnte Sie auch interessieren" not in soup.get_text()
    page = content(soup)
    notes = page.find("h2", id="anmerkungen")
    assert notes is not None
    for element in notes.find_all_previous(["ul", "ol", "li"]):
        if element.find_parent(id="seit-erscheinen"):
            continue  # the box after the text lists what happened since
        assert page not in element.parents, f"list in the article body: {element}"


def test_first_mentions_are_links_with_hover_text(shipped_site: Path) -> None:
    page = content(soup_of(shipped_site, SHIPPED_ID))
    links = {a.get_text(): a for a in page.select("a.rn-mention")}
    for surface in (
        "Meta",
        "Mark Zuckerberg",
        "Yann LeCun",
        "Ruoming Pang",
        "KI",
        "DeepSeek",
        "FAIR",
    ):
        assert surface in links, surface
        assert links[surface].get("title"), surface
    assert links["Mark Zuckerberg"]["href"] == "/personen/mark-zuckerberg/"
    assert links["KI"]["href"] == "/glossar/#ki"


def test_notes_are_markers_at_their_quotes(shipped_site: Path) -> None:
    page = content(soup_of(shipped_site, SHIPPED_ID))
    marker = page.select_one("sup#fnref\\:korrektur-1")
    assert marker is not None
    before = marker.find_previous(string=True)
    assert before is not None and before.endswith("utzte nun der Rivale")
    note = page.select_one("li#fn\\:korrektur-1")
    assert note is not None
    assert note.get_text(" ", strip=True).startswith("Korrektur:")


HOSTILE = Path(__file__).parent / "fixtures" / "hostile.txt"
HOSTILE_PEOPLE = """\
- name: Eve <b>Evil</b>
  id: eve
  summary: 'Sagt "Hallo" & <script>alert(1)</script>'
  description: |
    Ein <script>alert(2)</script> und <b>fett</b>.
    [Klick](javascript:alert(3)) und [gut](https://example.com){: onclick="alert(4)" }

    [ref]: javascript:alert(5)
    [Ref-Link][ref] und `<code>` bleibt Code.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("hostile"),
        seeds={"hostile.txt": HOSTILE.read_bytes()},
        annotations={"people.yml": HOSTILE_PEOPLE},
    )
    (root / "README.md").write_text("GEHEIMER INHALT AUS README\n", encoding="utf-8")
    return build_site(root)


def test_hostile_seed_text_comes_out_verbatim(hostile_site: Path) -> None:
    article = read_seed(HOSTILE)
    soup = soup_of(hostile_site, article.id)
    page = content(soup)
    h1 = page.find("h1")
    assert h1 is not None and h1.get_text().rstrip("¶") == article.title
    assert page.select_one(".rn-rubric").get_text() == "<b>Rubrik</b>"
    for block in article.blocks:
        element = page.find(id=block.anchor)
        assert element is not None, block.anchor
        if element.name == "span":  # a paragraph's anchor opens it
            element = element.parent
        text = visible_text(element).rstrip("¶")
        assert text.strip() == block.text, block.anchor


def test_hostile_seed_markup_has_no_effect(hostile_site: Path) -> None:
    article = read_seed(HOSTILE)
    page = content(soup_of(hostile_site, article.id))
    body = BeautifulSoup(str(page), "html.parser")
    for section in body.select(".rn-in-article"):
        section.decompose()
    forbidden = "script, img, strong, em, code, del, mark, sup:not([id^='fnref']), abbr, blockquote, table, pre, ul, ol, li, .admonition, .evil, [onclick], [onerror]"
    assert body.select(forbidden) == []
    assert "GEHEIMER INHALT" not in page.get_text()
    assert [h.name for h in page.find_all(["h1", "h2", "h3"])].count("h1") == 1


def test_yaml_text_cannot_inject_markup(hostile_site: Path) -> None:
    page = (hostile_site / "personen" / "eve" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    main = content(soup)
    assert main.find("h1").get_text().rstrip("¶") == "Eve <b>Evil</b>"
    assert main.select("script, b, [onclick]") == []
    assert "javascript:" not in " ".join(a.get("href", "") for a in main.find_all("a"))
    assert "Ein <script>alert(2)</script> und <b>fett</b>." in main.get_text()
    assert main.find("code").get_text() == "<code>"
    summary = main.select_one(".rn-summary")
    assert summary is not None
    assert summary.get_text() == 'Sagt "Hallo" & <script>alert(1)</script>'
    assert main.find("a", href="https://example.com") is not None


def test_hostile_title_and_lede_stay_text_in_the_head_and_header(hostile_site: Path) -> None:
    article = read_seed(HOSTILE)
    soup = soup_of(hostile_site, article.id)
    assert soup.title is not None
    assert soup.title.get_text() == f"{article.title} - Randnotiz"
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == article.lede
    topic = soup.select(".md-header__topic .md-ellipsis")[-1]
    assert topic.get_text(strip=True) == article.title
    scripts = [s.get_text() for s in soup.find_all("script")]
    assert not any('alert("x")' in s for s in scripts)
    assert not soup.select(".md-header__topic script")


SAVED_PAGE = (
    Path(__file__).resolve().parent / "corpora" / "smartdata-dev" / "smartdata_news_1113.html"
)
SOURCED_SEED = "2016-03-04\n\nEin Artikel mit Quelle\n\nDer Vorspann sagt, worum es geht.\n"


@pytest.fixture(scope="module")
def sourced_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An imported seed whose YAML names a hostile source, and a saved page in seeds/."""
    root = make_project(
        tmp_path_factory.mktemp("sourced"),
        seeds={"quelle.txt": SOURCED_SEED, "gespeichert.html": SAVED_PAGE.read_bytes()},
        annotations={
            "articles/quelle.yml": "source:\n"
            '  url: "https://www.example.com/a?b=1&c=<x>"\n'
            '  site: "<b>Zeitung</b> & Co"\n'
        },
    )
    return build_site(root)


@pytest.mark.parametrize(
    ("article_id", "text", "href"),
    [
        (
            "ein-artikel-mit-quelle",
            "Quelle: <b>Zeitung</b> & Co",
            "https://www.example.com/a?b=1&c=<x>",
        ),
        (
            "schaden-von-1000-euro-auf-parkplatz-beschaedigt",
            "Quelle: kreiszeitung.de",
            "http://www.kreiszeitung.de/lokales/diepholz/lemfoerde-ort48657/schaden-1000-euro-6113191.html",
        ),
    ],
    ids=["from-yaml", "saved-page-in-seeds"],
)
def test_source_of_an_imported_article(sourced_site: Path, article_id, text, href) -> None:
    page = content(soup_of(sourced_site, article_id))
    (source,) = page.select("p.rn-source")
    assert source.get_text() == text
    (link,) = source.find_all("a")
    assert link["href"] == href
    assert source.select("b, script") == []


def test_no_source_line_without_a_source(shipped_site: Path) -> None:
    assert content(soup_of(shipped_site, SHIPPED_ID)).select("p.rn-source") == []


@pytest.mark.parametrize(
    ("article_id", "href", "site"),
    [
        ("ein-artikel-mit-quelle", "https://www.example.com/a?b=1&c=<x>", "<b>Zeitung</b> & Co"),
        (
            "schaden-von-1000-euro-auf-parkplatz-beschaedigt",
            "http://www.kreiszeitung.de/lokales/diepholz/lemfoerde-ort48657/schaden-1000-euro-6113191.html",
            "kreiszeitung.de",
        ),
    ],
    ids=["from-yaml", "saved-page-in-seeds"],
)
def test_source_in_the_json_ld_and_the_export(sourced_site: Path, article_id, href, site) -> None:
    """Tools that read the page or the export learn where the text was first published."""
    soup = soup_of(sourced_site, article_id)
    (script,) = soup.find_all("script", type="application/ld+json")
    assert json.loads(script.get_text())["isBasedOn"] == href
    export = json.loads((sourced_site / "daten" / "mentions.json").read_text(encoding="utf-8"))
    (record,) = [a for a in export["articles"] if a["id"] == article_id]
    assert record["source"] == {"url": href, "site": site}


def test_no_source_in_the_json_ld_without_a_source(shipped_site: Path) -> None:
    (script,) = soup_of(shipped_site, SHIPPED_ID).find_all("script", type="application/ld+json")
    assert "isBasedOn" not in json.loads(script.get_text())
