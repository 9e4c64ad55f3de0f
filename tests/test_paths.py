"""Slugs, source paths and URLs: each has its type and one way to the next."""

from __future__ import annotations

import pytest

from randnotiz.paths import (
    ARTICLES,
    GLOSSARY,
    HOME,
    PEOPLE,
    DocPath,
    Slug,
    doc_path,
    is_slug,
    relative_link,
    short_slug,
    slugify,
    url_of,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Yann LeCun", "yann-lecun"),
        ("Gründermodus", "gruendermodus"),
        ("Straße", "strasse"),
        ("Ökonomie & Übernahme", "oekonomie-uebernahme"),
        ("Café Crème", "cafe-creme"),
        ("LLaMA 4", "llama-4"),
        ("  --Meta--  ", "meta"),
        ("2,5 Mrd. €", "2-5-mrd"),
        ("日本", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("yann-lecun", True),
        ("llama-4", True),
        ("Yann", False),
        ("a--b", False),
        ("-a", False),
        ("ä", False),
        ("", False),
    ],
)
def test_is_slug(text: str, ok: bool) -> None:
    assert is_slug(text) is ok


def test_short_slug_cuts_at_a_hyphen() -> None:
    title = "Übernahme von StarCapital AG, einem in Oberursel bei Frankfurt/Main ansässigen unabhängigen Asset Manager"
    slug = short_slug(title)
    assert len(slug) <= 80
    assert slug == "uebernahme-von-starcapital-ag-einem-in-oberursel-bei-frankfurt-main-ansaessigen"
    assert short_slug("Kurz") == "kurz"


@pytest.mark.parametrize(
    ("path", "url"),
    [
        (HOME, "/"),
        (doc_path(ARTICLES), "/artikel/"),
        (
            doc_path(ARTICLES, Slug("zuckerbergs-ki-offensive")),
            "/artikel/zuckerbergs-ki-offensive/",
        ),
        (doc_path(PEOPLE, Slug("yann-lecun")), "/personen/yann-lecun/"),
        (doc_path(GLOSSARY), "/glossar/"),
    ],
)
def test_url_of(path: DocPath, url: str) -> None:
    assert url_of(path) == url


@pytest.mark.parametrize(
    ("source", "target", "anchor", "link"),
    [
        ("artikel/a.md", "personen/b.md", None, "../personen/b.md"),
        ("artikel/a.md", "glossar/index.md", "ki", "../glossar/index.md#ki"),
        ("index.md", "artikel/a.md", None, "artikel/a.md"),
        ("personen/b.md", "personen/c.md", None, "c.md"),
        ("personen/b.md", "index.md", None, "../index.md"),
    ],
)
def test_relative_link(source: str, target: str, anchor: str | None, link: str) -> None:
    assert relative_link(DocPath(source), DocPath(target), anchor) == link
