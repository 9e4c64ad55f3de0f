"""Profiles, glossary and index pages as built: both sides of affiliations, German order, mentions."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from randnotiz.build import read_and_link
from randnotiz.cli import main
from randnotiz.collation import german_key

from .conftest import REPO, SHIPPED_ID, build_site, make_project

pytestmark = pytest.mark.slow


def main_of(site: Path, url: str) -> Tag:
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert article is not None
    return article


def section(page: Tag, heading_id: str) -> list[Tag]:
    """The elements under one h2, up to the next h2."""
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling)
    return out


def test_affiliations_are_shown_from_both_sides(shipped_site: Path) -> None:
    person = main_of(shipped_site, "/personen/yann-lecun/")
    stations = " ".join(e.get_text(" ", strip=True) for e in section(person, "stationen"))
    assert "FAIR : Gründungsdirektor, Dezember 2013 bis 2018" in stations
    assert "Meta : Chief AI Scientist, 2018 bis Dezember 2025" in stations
    org = main_of(shipped_site, "/organisationen/fair/")
    people = section(org, "personen")
    links = {a.get_text(): a["href"] for e in people for a in e.find_all("a")}
    assert links["Yann LeCun"] == "../../personen/yann-lecun/"
    assert "Gründungsdirektor, Dezember 2013 bis 2018" in " ".join(e.get_text() for e in people)


def test_organisation_shows_kind_parent_and_sub_organisations(shipped_site: Path) -> None:
    fair = main_of(shipped_site, "/organisationen/fair/")
    facts = fair.select_one(".rn-facts").get_text(" ", strip=True)
    assert "Art: Forschungslabor" in facts
    assert "Gehört zu: Meta Superintelligence Labs" in facts
    meta = main_of(shipped_site, "/organisationen/meta/").select_one(".rn-facts")
    children = [a.get_text() for a in meta.find_all("a")]
    assert {"Facebook", "Instagram", "WhatsApp", "Meta Superintelligence Labs"} <= set(children)


def test_every_mentioned_entity_lists_the_article_and_the_sentence(shipped_site: Path) -> None:
    linked = read_and_link(REPO)
    article = linked.sources.articles[0]
    mentions = [m for a in linked.articles for m in a.mentions]
    entities = linked.sources.knowledge.by_id()
    checked = 0
    for entity_id in {m.entity for m in mentions}:
        entity = entities[entity_id]
        if entity.kind.value == "term":
            continue
        url = f"/{'personen' if entity.kind.value == 'person' else 'organisationen'}/{entity_id}/"
        page = main_of(shipped_site, url)
        items = [li for e in section(page, "erwaehnt-in") for li in e.find_all("li")]
        assert items, entity_id
        expected = {
            article.blocks[m.block].text[m.sentence[0] : m.sentence[1]]
            for m in mentions
            if m.entity == entity_id
        }
        assert {li.get_text() for li in items} == expected, entity_id
        for hit in page.select("a.rn-hit"):
            assert hit["href"].startswith(f"/artikel/{SHIPPED_ID}/#absatz-")
        checked += 1
    assert checked >= 20


def test_glossary_lists_terms_with_anchors_and_mentions(shipped_site: Path) -> None:
    page = main_of(shipped_site, "/glossar/")
    terms = [h.get_text().rstrip("¶") for h in page.find_all("h3")]
    assert terms == sorted(terms, key=german_key)
    assert page.find("h3", id="gruendermodus") is not None
    assert page.find("h3", id="ki") is not None
    mentioned = page.find("h3", id="llama").find_next("p", class_="rn-mentioned")
    assert mentioned.get_text(" ", strip=True).startswith("Erwähnt in: Zuckerbergs KI-Offensive")


GLOSSARY = (
    "".join(
        f"- term: {t}\n  definition: Erklärung von {t}.\n"
        for t in ("Zebra", "Öl", "Apfel", "Straße", "Ärger", "Ofen", "Übel", "1,3-Regel", "ähnlich")
    )
    + "- term: Strasse\n  id: strasse-schweiz\n  definition: Schweizer Schreibung.\n"
)


def test_glossary_order_is_german(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        seeds={"a.txt": "2025-01-01\n\nTitel\n\nText über Öl und Äpfel.\n"},
        annotations={"glossary.yml": GLOSSARY},
    )
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    text = (root / "docs" / "glossar" / "index.md").read_text(encoding="utf-8")
    headings = [line[4:].split(" {")[0] for line in text.splitlines() if line.startswith("### ")]
    assert headings == [
        "1\\,3\\-Regel",
        "ähnlich",
        "Apfel",
        "Ärger",
        "Ofen",
        "Öl",
        "Strasse",
        "Straße",
        "Übel",
        "Zebra",
    ]
    letters = [line[3:].split(" {")[0] for line in text.splitlines() if line.startswith("## ")]
    assert letters == ["0–9", "A", "O", "S", "U", "Z"]


def test_index_pages_list_every_entry_with_its_summary(shipped_site: Path) -> None:
    kb = read_and_link(REPO).sources.knowledge
    for url, entities in (("/personen/", kb.people), ("/organisationen/", kb.organizations)):
        page = main_of(shipped_site, url)
        items = {
            li.find("a").get_text(): li.get_text(" ", strip=True) for li in page.find_all("li")
        }
        assert set(items) == {e.name for e in entities}, url
        for entity in entities:
            assert " ".join(entity.summary.split()) in items[entity.name]
    people = [li.find("a").get_text() for li in main_of(shipped_site, "/personen/").find_all("li")]
    assert people[0] == "Mark Chen" and people[-1] == "Mark Zuckerberg"  # by surname


def test_profiles_tell_the_search_their_kind_and_names(shipped_site: Path) -> None:
    """Weighted like the title, the names put the profile first (tests/browser/test_search.py)."""
    source = (shipped_site.parent / "docs" / "organisationen" / "meta.md").read_text(
        encoding="utf-8"
    )
    assert 'pagefind:\n  kind: "Organisation"\n  organizations: ["Meta"]\n' in source
    assert '  names: "Meta Platforms Metas"\n' in source


def test_in_this_article_groups_by_kind(shipped_site: Path) -> None:
    page = main_of(shipped_site, f"/artikel/{SHIPPED_ID}/")
    box = page.select_one(".rn-in-article")
    assert [h.get_text().rstrip("¶") for h in box.find_all("h3")] == [
        "Personen",
        "Organisationen",
        "Begriffe",
    ]
    people = [
        a.get_text()
        for a in box.find("h3", id="in-diesem-artikel-person").find_next("ul").find_all("a")
    ]
    assert people == [
        "Mark Chen",
        "Nat Friedman",
        "Daniel Gross",
        "Yann LeCun",
        "Ruoming Pang",
        "Alexandr Wang",
        "Mark Zuckerberg",
    ]


SECOND = "2025-08-01\n\nTechnik\n\nMeta baut um\n\nMark Zuckerberg ordnet Meta neu, und Meta folgt. Auch Yann LeCun ist betroffen.\n"


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("two"), shipped=True, seeds={"2025-08-01-meta-baut-um.txt": SECOND}
    )
    (root / "annotations" / "articles" / "2025-08-01-meta-baut-um.yml").write_text(
        "link: all\nrelated: [zuckerbergs-ki-offensive]\n", encoding="utf-8"
    )
    return build_site(root)


def test_related_articles_and_newest_first(two_articles: Path) -> None:
    home = main_of(two_articles, "/")
    titles = [h.get_text().rstrip("¶") for h in home.select("h3.rn-teaser__title")]
    assert titles == ["Meta baut um", "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"]
    new = main_of(two_articles, "/artikel/meta-baut-um/")
    related = [a.get_text() for e in section(new, "weitere-artikel") for a in e.find_all("a")]
    assert related == ["Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"]
    old = main_of(two_articles, f"/artikel/{SHIPPED_ID}/")
    shared = " ".join(e.get_text(" ", strip=True) for e in section(old, "weitere-artikel"))
    assert "Meta baut um" in shared and "3 gemeinsame Einträge" in shared


def test_link_all_in_article_yaml_links_every_mention(two_articles: Path) -> None:
    new = main_of(two_articles, "/artikel/meta-baut-um/")
    links = [a.get_text() for a in new.select("p a.rn-mention")]
    assert links == ["Mark Zuckerberg", "Meta", "Meta", "Yann LeCun"]
    profile = main_of(two_articles, "/personen/yann-lecun/")
    articles = [h.get_text().rstrip("¶") for h in profile.select("h3") if h.find("a")]
    assert articles[:2] == [
        "Meta baut um",
        "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft",
    ]
