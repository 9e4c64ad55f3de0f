"""The data export: ``daten/entities.json`` and ``daten/mentions.json`` match the knowledge base and the site."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from randnotiz.build import Linked, read_and_link
from randnotiz.model import Organization, Person, Term
from randnotiz.paths import url_of
from randnotiz.render.view import target_of

from .conftest import make_project, mkdocs_config

SITE_URL = "http://127.0.0.1:8000"  # site_url in mkdocs.yml


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Linked:
    return read_and_link(make_project(tmp_path_factory.mktemp("export"), shipped=True))


@pytest.fixture(scope="module")
def entities(shipped_site: Path) -> dict[str, Any]:
    return json.loads((shipped_site / "daten" / "entities.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mentions(shipped_site: Path) -> dict[str, Any]:
    return json.loads((shipped_site / "daten" / "mentions.json").read_text(encoding="utf-8"))


def page(site: Path, url: str) -> BeautifulSoup:
    path = url.removeprefix(SITE_URL).split("#")[0].strip("/")
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- entities.json ---------------------------------------------------------------------


def test_entity_counts_match_the_knowledge_base(entities: dict, linked: Linked) -> None:
    kb = linked.sources.knowledge
    assert entities["format"] == "randnotiz-entities" and entities["version"] == 2
    assert entities["counts"] == {
        "person": len(kb.people),
        "organization": len(kb.organizations),
        "term": len(kb.terms),
    }
    assert Counter(e["type"] for e in entities["entities"]) == entities["counts"]
    assert [e["id"] for e in entities["entities"]] == [e.id for e in kb.entities]


def test_every_entity_with_its_fields(entities: dict, linked: Linked) -> None:
    by_id = {e["id"]: e for e in entities["entities"]}
    for entity in linked.sources.knowledge.entities:
        record = by_id[entity.id]
        assert record["name"] == entity.name
        assert record["aliases"] == list(entity.aliases)
        assert record["summary"] == entity.summary
        assert record["description"] == entity.description
        assert record["links"] == [{"title": w.title, "url": w.url} for w in entity.links]
        assert record["wikidata"] == entity.wikidata
        assert record["see_also"] == list(entity.see_also)
        target = target_of(entity)
        url = SITE_URL + url_of(target.path) + (f"#{target.anchor}" if target.anchor else "")
        assert record["url"] == url
        if isinstance(entity, Person):
            assert record["affiliations"] == [
                {
                    "organization": a.organization,
                    "role": a.role,
                    "since": a.since and a.since.isoformat(),
                    "until": a.until and a.until.isoformat(),
                }
                for a in entity.affiliations
            ]
        elif isinstance(entity, Organization):
            assert (
                record["kind"],
                record["parent"],
                record["founded"],
                record["headquarters"],
            ) == (
                entity.org_kind,
                entity.parent,
                entity.founded and entity.founded.isoformat(),
                entity.headquarters,
            )
        else:
            assert isinstance(entity, Term)
            assert record["ignore_case"] == entity.ignore_case
        if isinstance(entity, Person | Organization):
            assert record["events"] == [
                {
                    "date": e.date.isoformat(),
                    "text": e.text,
                    "sources": [{"title": s.title, "url": s.url} for s in e.sources],
                }
                for e in entity.events
            ]
        else:
            assert "events" not in record


def test_yann_lecun_record(entities: dict) -> None:
    (record,) = [e for e in entities["entities"] if e["id"] == "yann-lecun"]
    assert record["type"] == "person"
    assert record["wikidata"] == "Q3571662"
    assert record["affiliations"][0] == {
        "organization": "fair",
        "role": "Gründungsdirektor",
        "since": "2013-12",
        "until": "2018",
    }
    assert record["affiliations"][1]["until"] == "2025-12"
    assert record["events"][0]["date"] == "2025-11-19"
    assert record["events"][0]["sources"][0]["url"].startswith("https://www.hindustantimes.com/")


def test_mention_counts_per_entity_match_the_profiles(entities: dict, shipped_site: Path) -> None:
    """Each mention is one highlighted hit under "Erwähnt in" on the entity's profile."""
    for record in entities["entities"]:
        if record["type"] == "term":
            continue
        hits = page(shipped_site, record["url"]).select("article.md-content__inner a.rn-hit")
        assert len(hits) == record["mention_count"], record["id"]


# --- mentions.json ---------------------------------------------------------------------


def test_mention_counts_match_the_corpus(mentions: dict, linked: Linked) -> None:
    corpus = linked.corpus
    assert mentions["format"] == "randnotiz-mentions" and mentions["version"] == 1
    assert mentions["counts"] == {
        "articles": len(corpus.articles),
        "mentions": len(corpus.mentions),
    }
    assert len(mentions["mentions"]) == len(corpus.mentions) > 0
    assert [a["id"] for a in mentions["articles"]] == [a.id for a in corpus.articles]
    per_article = Counter(m["article"] for m in mentions["mentions"])
    assert {a["id"]: a["mention_count"] for a in mentions["articles"]} == dict(per_article)


def test_mention_counts_match_the_article_pages(mentions: dict, shipped_site: Path) -> None:
    """Linked mentions are the article's entity links; the others are marked only if configured."""
    marked = mkdocs_config()["extra"]["randnotiz"]["mark_later"]
    for article in mentions["articles"]:
        content = page(shipped_site, article["url"]).select_one("article.md-content__inner")
        assert content is not None
        mine = [m for m in mentions["mentions"] if m["article"] == article["id"]]
        linked = [m for m in mine if m["linked"]]
        assert len(content.select("a.rn-mention")) == len(linked)
        later = len(mine) - len(linked)
        assert later > 0
        assert len(content.select("span.rn-later")) == (later if marked else 0)
        assert [a.get_text() for a in content.select("a.rn-mention")] == [m["text"] for m in linked]


def test_each_mention_has_its_paragraph_span_and_sentence(
    mentions: dict, linked: Linked, shipped_site: Path
) -> None:
    articles = {a.id: a for a in linked.corpus.articles}
    ids_on_page: dict[str, set[str]] = {}
    for record, mention in zip(mentions["mentions"], linked.corpus.mentions, strict=True):
        block = articles[mention.article].blocks[mention.block]
        assert (record["entity"], record["article"], record["block"]) == (
            mention.entity,
            mention.article,
            mention.block,
        )
        assert record["anchor"] == block.anchor
        assert record["span"] == [mention.start, mention.end]
        assert record["text"] == block.text[mention.start : mention.end]
        start, end = record["sentence"]["span"]
        sentence = record["sentence"]["text"]
        assert sentence == block.text[start:end]
        assert start <= mention.start and mention.end <= end
        assert sentence[mention.start - start : mention.end - start] == record["text"]
        url = record["url"]
        assert url == f"{SITE_URL}/artikel/{mention.article}/#{block.anchor}"
        if mention.article not in ids_on_page:
            soup = page(shipped_site, url)
            ids_on_page[mention.article] = {str(t["id"]) for t in soup.find_all(id=True)}
        assert block.anchor in ids_on_page[mention.article]


def test_export_is_documented_json_with_fixed_keys(shipped_site: Path) -> None:
    raw = (shipped_site / "daten" / "mentions.json").read_text(encoding="utf-8")
    first = json.loads(raw)["mentions"][0]
    assert list(first) == [
        "entity",
        "article",
        "block",
        "anchor",
        "url",
        "span",
        "text",
        "sentence",
        "linked",
    ]
    assert raw.endswith("}\n")
