"""schema.org JSON-LD: valid JSON in the head of every article and profile, in the vocabulary used."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from randnotiz.model import EntityKind, Organization, Person
from randnotiz.paths import DocPath, url_of
from randnotiz.render.jsonld import script_json
from randnotiz.render.view import SiteView, target_of

from .conftest import build_site, make_project

FIXTURES = Path(__file__).parent / "fixtures"
SITE_URL = "http://127.0.0.1:8000"  # site_url in mkdocs.yml

#: The part of schema.org the site uses: each type with the properties it may
#: carry (schema.org defines each on the type or a supertype, noted after it).
PROPERTIES: dict[str, set[str]] = {
    "NewsArticle": {
        "headline",  # CreativeWork
        "description",  # Thing
        "datePublished",  # CreativeWork
        "inLanguage",  # CreativeWork
        "url",  # Thing
        "mainEntityOfPage",  # Thing
        "publisher",  # CreativeWork
        "articleSection",  # Article
        "author",  # CreativeWork
        "about",  # CreativeWork
        "mentions",  # CreativeWork
        "isBasedOn",  # CreativeWork
    },
    "Person": {
        "name",
        "description",
        "url",
        "sameAs",
        "alternateName",
        "mainEntityOfPage",  # Thing
        "affiliation",  # Person
    },
    "Organization": {
        "name",
        "description",
        "url",
        "sameAs",
        "alternateName",
        "mainEntityOfPage",  # Thing
        "foundingDate",
        "location",
        "parentOrganization",
        "subOrganization",
        "member",
    },
    "OrganizationRole": {"roleName", "startDate", "endDate", "affiliation", "member"},  # Role
    "DefinedTerm": {"name", "description", "url", "sameAs"},  # Thing
    "WebPage": set(),
    "Place": {"name"},  # Thing
}

#: What a property's value may be: a type above, or one of the data types checked below.
RANGES: dict[str, set[str]] = {
    "about": {"Person", "Organization", "DefinedTerm"},  # Thing
    "mentions": {"Person", "Organization", "DefinedTerm"},  # Thing
    "publisher": {"Organization", "Person"},
    "author": {"Organization", "Person"},
    "mainEntityOfPage": {"WebPage"},
    "affiliation": {"Organization", "OrganizationRole"},
    "parentOrganization": {"Organization"},
    "subOrganization": {"Organization"},
    "member": {"Organization", "Person", "OrganizationRole"},
    "roleName": {"Text"},
    "startDate": {"Date"},
    "endDate": {"Date"},
    "location": {"Place"},
    "headline": {"Text"},
    "description": {"Text"},
    "name": {"Text"},
    "alternateName": {"Text"},
    "articleSection": {"Text"},
    "inLanguage": {"Language"},
    "datePublished": {"Date"},
    "foundingDate": {"Date"},
    "url": {"URL"},
    "sameAs": {"URL"},
}

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # ISO 8601: a year, a month or a day
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_URL = re.compile(r"https?://[^\s<>\"]+")


def check(node: Any, where: str = "") -> list[str]:
    """Everything in a JSON-LD node that is not in the table above."""
    problems: list[str] = []
    kind = node.get("@type")
    if kind not in PROPERTIES:
        return [f"{where}: unknown type {kind!r}"]
    if "@id" in node and not _URL.fullmatch(node["@id"]):
        problems.append(f"{where}.@id: not an absolute URL: {node['@id']!r}")
    for key, value in node.items():
        if key in ("@type", "@id", "@context"):
            continue
        if key not in PROPERTIES[kind]:
            problems.append(f"{where}: {kind} has no property {key!r}")
            continue
        for item in value if isinstance(value, list) else [value]:
            problems += _check_value(key, item, f"{where}.{key}")
    return problems


def _check_value(key: str, item: Any, where: str) -> list[str]:
    allowed = RANGES[key]
    if isinstance(item, dict):
        if item.get("@type") not in allowed:
            return [f"{where}: {item.get('@type')!r} is not one of {sorted(allowed)}"]
        return check(item, where)
    if not isinstance(item, str) or not item:
        return [f"{where}: {item!r} is not a non-empty string"]
    checks = {"Date": _DATE, "Language": _LANGUAGE, "URL": _URL}
    for name, pattern in checks.items():
        if name in allowed and not pattern.fullmatch(item):
            return [f"{where}: {item!r} is not a {name}"]
    return []


def ld_json(site: Path, page: str) -> dict[str, Any]:
    """The single JSON-LD object in a page's head."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, page
    assert scripts[0].find_parent("head") is not None, page
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data


def url_of_entity(entity_path: str) -> str:
    return SITE_URL + url_of(DocPath(entity_path))


def sources(entity: Person | Organization) -> set[str]:
    urls = {w.url for w in entity.links if ".wikipedia.org/" in w.url}
    if entity.wikidata:
        urls.add(f"https://www.wikidata.org/wiki/{entity.wikidata}")
    return urls


# --- the vocabulary check itself ---------------------------------------------------


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"@type": "Movie"}, "unknown type 'Movie'"),
        ({"@type": "Person", "headline": "x"}, "Person has no property 'headline'"),
        ({"@type": "Person", "affiliation": {"@type": "Person", "name": "x"}}, "is not one of"),
        ({"@type": "NewsArticle", "datePublished": "29.07.2025"}, "is not a Date"),
        ({"@type": "Person", "sameAs": ["de.wikipedia.org/wiki/X"]}, "is not a URL"),
        ({"@type": "NewsArticle", "inLanguage": "Deutsch"}, "is not a Language"),
    ],
)
def test_the_vocabulary_check_finds_what_is_not_in_it(node: dict, problem: str) -> None:
    assert any(problem in p for p in check(node))


# --- article pages -------------------------------------------------------------------


def test_every_article_page_carries_a_news_article(shipped_site: Path, view: SiteView) -> None:
    for article in view.corpus.articles:
        data = ld_json(shipped_site, f"artikel/{article.id}/index.html")
        assert check(data) == []
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == article.title
        assert data["datePublished"] == article.date.isoformat()
        assert data["inLanguage"] == "de"
        assert data.get("articleSection") == article.rubric
        assert data["description"] == " ".join(article.lede.split())
        assert data["url"] == f"{SITE_URL}/artikel/{article.id}/"


def test_about_and_mentions_hold_the_articles_entities(shipped_site: Path, view: SiteView) -> None:
    for article in view.corpus.articles:
        data = ld_json(shipped_site, f"artikel/{article.id}/index.html")
        about, mentions = data.get("about", []), data.get("mentions", [])
        named = {
            (
                e.name,
                {"person": "Person", "organization": "Organization", "term": "DefinedTerm"}[
                    e.kind.value
                ],
            )
            for e in view.article_entities(article.id)
        }
        listed = [(item["name"], item["@type"]) for item in about + mentions]
        assert len(listed) == len(set(listed))
        assert set(listed) == named
        assert about and {item["@type"] for item in about} <= {"Person", "Organization"}
        for item in about + mentions:
            entity = next(e for e in view.article_entities(article.id) if e.name == item["name"])
            target = target_of(entity)
            expected = url_of_entity(target.path)
            if target.anchor:
                expected += f"#{target.anchor}"
            assert item["url"] == expected


def test_the_shipped_article_is_about_its_lede(shipped_site: Path) -> None:
    data = ld_json(shipped_site, "artikel/zuckerbergs-ki-offensive/index.html")
    assert [item["name"] for item in data["about"]] == ["Meta", "Mark Zuckerberg", "Yann LeCun"]
    zuckerberg = next(i for i in data["about"] if i["name"] == "Mark Zuckerberg")
    assert zuckerberg["sameAs"] == [
        "https://de.wikipedia.org/wiki/Mark_Zuckerberg",
        "https://www.wikidata.org/wiki/Q36215",
    ]
    assert zuckerberg["@id"] == f"{SITE_URL}/personen/mark-zuckerberg/#person"


# --- profile pages -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [EntityKind.PERSON, EntityKind.ORGANIZATION])
def test_every_profile_carries_its_person_or_organization(
    shipped_site: Path, view: SiteView, kind: EntityKind
) -> None:
    kb = view.corpus.knowledge
    entities = kb.people if kind is EntityKind.PERSON else kb.organizations
    for entity in entities:
        path = target_of(entity).path
        data = ld_json(shipped_site, path.removesuffix(".md") + "/index.html")
        assert check(data) == [], entity.id
        assert data["@type"] == ("Person" if kind is EntityKind.PERSON else "Organization")
        assert data["name"] == entity.name
        assert data["url"] == url_of_entity(path)
        assert set(data.get("sameAs", [])) == sources(entity)
        assert data.get("alternateName", []) == list(entity.aliases)
        if isinstance(entity, Person):
            wanted = [
                (
                    a.organization,
                    a.role,
                    a.since and a.since.isoformat(),
                    a.until and a.until.isoformat(),
                )
                for a in entity.affiliations
            ]
            got = [
                (
                    r["affiliation"]["url"].rstrip("/").split("/")[-1],
                    r.get("roleName"),
                    r.get("startDate"),
                    r.get("endDate"),
                )
                for r in data.get("affiliation", [])
            ]
            assert got == wanted
        else:
            assert isinstance(entity, Organization)
            if entity.founded:
                assert data["foundingDate"] == entity.founded.isoformat()
            if entity.parent:
                assert data["parentOrganization"]["url"] == url_of_entity(
                    f"organisationen/{entity.parent}.md"
                )
            else:
                assert "parentOrganization" not in data


def test_fair_profile(shipped_site: Path) -> None:
    data = ld_json(shipped_site, "organisationen/fair/index.html")
    assert data["@id"] == f"{SITE_URL}/organisationen/fair/#organization"
    assert data["parentOrganization"]["name"] == "Meta Superintelligence Labs"
    assert data["foundingDate"] == "2013-12"
    assert data["member"] == [
        {
            "@type": "OrganizationRole",
            "member": {
                "@type": "Person",
                "@id": f"{SITE_URL}/personen/yann-lecun/#person",
                "name": "Yann LeCun",
                "url": f"{SITE_URL}/personen/yann-lecun/",
                "sameAs": [
                    "https://de.wikipedia.org/wiki/Yann_LeCun",
                    "https://www.wikidata.org/wiki/Q3571662",
                ],
            },
            "roleName": "Gründungsdirektor",
            "startDate": "2013-12",
            "endDate": "2018",
        }
    ]


def test_no_json_ld_on_pages_without_one_thing_to_describe(shipped_site: Path) -> None:
    for page in ("index.html", "personen/index.html", "netzwerk/index.html", "chronik/index.html"):
        html = (shipped_site / page).read_text(encoding="utf-8")
        assert "application/ld+json" not in html, page


# --- escaping ------------------------------------------------------------------------


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"headline": '</script><script>alert("x")</script> & <!-- \u2028'}
    text = script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert json.loads(text) == data


@pytest.mark.slow
def test_hostile_seed_gives_valid_json_ld_and_no_script(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", seeds={"hostile.txt": (FIXTURES / "hostile.txt").read_bytes()}
    )
    site = build_site(root)
    (page,) = (site / "artikel").glob("*/index.html")
    data = ld_json(site, str(page.relative_to(site)))
    assert data["headline"] == 'Titel mit <script>alert("x")</script> und **fett** {: .evil }'
    assert data["articleSection"] == "<b>Rubrik</b>"
    raw = page.read_text(encoding="utf-8")
    opening = '<script type="application/ld+json">'
    start = raw.index(opening) + len(opening)
    inner = raw[start : raw.index("</script>", start)]
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner) == data
