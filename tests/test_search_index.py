"""The search index: the words it adds for names, the glossary's records, what the built
site's index holds and what it leaves out (read back from Pagefind's fragments)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from randnotiz.search_index import fragments, term_records
from randnotiz.searchwords import compound_parts, genitive, keywords, name_words, transliterate

from .conftest import SHIPPED_ID


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Meta", "Metas"),  # "metas" is no form the stemmer reduces to "meta"
        ("OpenAI", "OpenAIs"),
        ("Zuckerberg", None),  # the stemmer finds "Zuckerberg" in "Zuckerbergs"
        ("LeCun", None),
        ("Jobs", None),  # German writes "Jobs'"
        ("Apple", None),  # "Apples" stems like "Apple"
    ],
)
def test_genitive(name: str, expected: str | None) -> None:
    assert genitive(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Gründermodus", "Gruendermodus"), ("Größe", "Groesse"), ("ÖPNV", "OePNV"), ("KI", "KI")],
)
def test_transliterate(text: str, expected: str) -> None:
    assert transliterate(text) == expected


@pytest.mark.parametrize(
    ("names", "known", "expected"),
    [
        (["Meta", "Meta Platforms"], [], ("Metas",)),
        (["Gründermodus", "Founder Mode"], [], ("Gruendermodus",)),
        (["Mehrfachstimmrecht", "Mehrfach-Stimmrecht"], [], ()),  # its parts are in the alias
        (["Mehrfachstimmrecht"], ["Stimmrecht"], ("Stimmrecht",)),
        (["Yann LeCun"], [], ()),
    ],
)
def test_name_words(names: list[str], known: list[str], expected: tuple[str, ...]) -> None:
    assert name_words(names, known) == expected


def test_compound_parts_from_a_hyphenated_alias() -> None:
    assert compound_parts(["Mehrfachstimmrecht", "Mehrfach-Stimmrecht"]) == [
        "Mehrfach",
        "Stimmrecht",
    ]


def test_keywords_are_the_transliterated_words() -> None:
    assert keywords(["Gründermodus: Kontrolle, Druck, Angst", "Der Preis für Größe"]) == (
        "Gruendermodus",
        "fuer",
        "Groesse",
    )


def test_a_term_record_holds_what_the_glossary_shows() -> None:
    export = {
        "entities": [
            {"id": "meta", "type": "organization", "name": "Meta", "aliases": []},
            {
                "id": "gruendermodus",
                "type": "term",
                "name": "Gründermodus",
                "aliases": ["Founder Mode"],
                "summary": "Führungsstil,\n  bei dem …",
                "description": "Geht auf *Paul Graham* zurück.\n",
            },
        ]
    }
    (record,) = term_records(export)
    assert record.url == "/glossar/#gruendermodus"
    assert record.title == "Gründermodus"
    assert record.content == (
        "Gründermodus. Auch: Founder Mode. Führungsstil, bei dem … Geht auf Paul Graham zurück."
    )
    assert record.names == ("Gruendermodus",)


# --- the shipped site's index -------------------------------------------------------


@pytest.fixture(scope="module")
def results(shipped_site: Path) -> dict[str, dict]:
    return {r["url"]: r for r in fragments(shipped_site / "pagefind")}


@pytest.mark.slow
def test_articles_profiles_and_terms_are_indexed_nothing_else(
    results: dict[str, dict], shipped_site: Path
) -> None:
    export = json.loads((shipped_site / "daten" / "entities.json").read_text(encoding="utf-8"))
    expected = {f"/artikel/{SHIPPED_ID}/"}
    for e in export["entities"]:
        section = {"person": "personen", "organization": "organisationen"}.get(e["type"])
        expected.add(f"/{section}/{e['id']}/" if section else f"/glossar/#{e['id']}")
    assert set(results) == expected
    entry = json.loads((shipped_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["de"]["page_count"] == len(expected)


@pytest.mark.slow
def test_the_article_is_indexed_with_its_notes_not_its_lists(results: dict[str, dict]) -> None:
    article = results[f"/artikel/{SHIPPED_ID}/"]
    content = article["content"]
    assert article["meta"]["title"] == "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"
    assert content.startswith("29. Juli 2025 · Unternehmen. Meta hat den Anschluss")
    assert "Korrektur: Im Original steht „utzte“; gemeint ist „nutzte“." in content
    for left_out in ("In diesem Artikel", "Weitere Artikel", "¶", "↩", "Netzwerk Chronik"):
        assert left_out not in content, left_out
    assert article["filters"]["Art"] == ["Artikel"]
    assert article["filters"]["Jahr"] == ["2025"]
    assert "Yann LeCun" in article["filters"]["Person"]
    assert "Meta" in article["filters"]["Organisation"]
    assert "Gruendermodus" in article["meta"]["woerter"].split()


@pytest.mark.slow
def test_a_profile_leaves_out_what_repeats_articles(results: dict[str, dict]) -> None:
    meta = results["/organisationen/meta/"]
    assert meta["meta"]["title"] == "Meta"
    assert "Metas" in meta["meta"]["namen"].split()
    for left_out in ("Erwähnt in", "Gemeinsam erwähnt mit", "Netzwerk", "Zum ganzen Netzwerk"):
        assert left_out not in meta["content"], left_out
    lecun = results["/personen/yann-lecun/"]
    assert lecun["filters"] == {"Art": ["Person"], "Person": ["Yann LeCun"]}
