"""The linker, rule by rule: each rule with a case that must match and one that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from randnotiz.index import build_index, surname_of
from randnotiz.link import link_article
from randnotiz.model import (
    Article,
    Block,
    BlockKind,
    KnowledgeBase,
    Organization,
    Origin,
    Person,
    Term,
)
from randnotiz.paths import Slug

ORIGIN = Origin("test.yml")


def person(name: str, *aliases: str) -> Person:
    from randnotiz.paths import slugify

    return Person(slugify(name), name, f"{name}.", ORIGIN, aliases=aliases)


def org(name: str, *aliases: str, id: str | None = None) -> Organization:
    from randnotiz.paths import slugify

    return Organization(Slug(id or slugify(name)), name, f"{name}.", ORIGIN, aliases=aliases)


def term(name: str, *aliases: str, ignore_case: bool = False) -> Term:
    from randnotiz.paths import slugify

    return Term(slugify(name), name, f"{name}.", ORIGIN, aliases=aliases, ignore_case=ignore_case)


KB = KnowledgeBase(
    people=(
        person("Mark Zuckerberg"),
        person("Yann LeCun"),
        person("Mark Chen"),
        person("Steve Jobs"),
        person("Ursula von der Leyen"),
    ),
    organizations=(
        org("Meta"),
        org("Meta Superintelligence Labs", "Meta Superintelligence Lab"),
        org("OpenAI"),
        org("FAIR"),
        org("Nvidia"),
        org("Scale AI"),
        org("Apple"),
    ),
    terms=(
        term("KI"),
        term("LLaMA"),
        term("LLaMA 4"),
        term("Sprachmodell"),
        term("Open Source"),
        term("Gründermodus", ignore_case=True),
    ),
)
INDEX = build_index(KB)


def found(
    *paragraphs: str, lede: str | None = None, policy: str = "all", no_link=()
) -> list[tuple[str, str]]:
    """(surface, entity) of every mention, in order."""
    blocks = []
    if lede is not None:
        blocks.append(Block(BlockKind.LEDE, lede, 1, "absatz-0"))
    blocks += [
        Block(BlockKind.PARAGRAPH, p, 2 + i, f"absatz-{i + 1}") for i, p in enumerate(paragraphs)
    ]
    article = Article(
        Slug("a"), "Titel", dt.date(2025, 7, 29), tuple(blocks), "a.txt", no_link=tuple(no_link)
    )
    linked = link_article(article, INDEX, policy)  # type: ignore[arg-type]
    return [(article.blocks[m.block].text[m.start : m.end], m.entity) for m in linked.mentions]


RULES = [
    # (rule, text, expected mentions)
    ("exact name", "Mark Zuckerberg spricht.", [("Mark Zuckerberg", "mark-zuckerberg")]),
    (
        "longest match wins",
        "das Meta Superintelligence Lab.",
        [("Meta Superintelligence Lab", "meta-superintelligence-labs")],
    ),
    (
        "longest match wins, plural alias",
        "die Meta Superintelligence Labs",
        [("Meta Superintelligence Labs", "meta-superintelligence-labs")],
    ),
    ("longest match: LLaMA 4 over LLaMA", "LLaMA 4 floppte", [("LLaMA 4", "llama-4")]),
    ("whole words: not in Metadaten", "Metadaten und Metaverse", []),
    ("whole words: not inside a word", "Unmeta Kinder", []),
    ("genitive -s of an organisation", "Metas Technik", [("Metas", "meta")]),
    ("genitive -s of a CamelCase name", "OpenAIs Forschungschef", [("OpenAIs", "openai")]),
    ("genitive -s of a person", "Mark Zuckerbergs Plan", [("Mark Zuckerbergs", "mark-zuckerberg")]),
    ("genitive apostrophe after s", "Steve Jobs' Erbe", [("Steve Jobs'", "steve-jobs")]),
    ("no other endings for names", "Metan ist ein Gas", []),
    ("hyphen compound, entity first", "die KI-Offensive", [("KI", "ki")]),
    ("hyphen compound, organisation", "1,3 Millionen Nvidia-Beschleuniger", [("Nvidia", "nvidia")]),
    ("hyphen compound, acronym", "Der FAIR-Gründer", [("FAIR", "fair")]),
    ("hyphen compound with genitive", "des ersten LLaMA-Modells", [("LLaMA", "llama")]),
    ("hyphen compound, entity last", "ein Open-Source-Modell", [("Open-Source", "open-source")]),
    ("case as written for acronyms", "Die Ki ist keine KI", [("KI", "ki")]),
    ("case as written: fair is an adjective", "ein fairer und fair geführter Kampf", []),
    (
        "case-insensitive term",
        "den gründermodus und den Gründermodus",
        [("gründermodus", "gruendermodus"), ("Gründermodus", "gruendermodus")],
    ),
    ("term endings: dative plural", "mit Sprachmodellen", [("Sprachmodellen", "sprachmodell")]),
    ("term endings: genitive", "des Sprachmodells", [("Sprachmodells", "sprachmodell")]),
    ("term endings: not any suffix", "Sprachmodellierung", []),
    ("multi-word organisation", "Gründer von Scale AI, sowie", [("Scale AI", "scale-ai")]),
    (
        "spaces in names may be any whitespace",
        "Mark\u00a0Zuckerberg",
        [("Mark\u00a0Zuckerberg", "mark-zuckerberg")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_rule(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_surname_after_the_full_name() -> None:
    assert found("Yann LeCun forscht.", "LeCun widerspricht. LeCuns Philosophie.") == [
        ("Yann LeCun", "yann-lecun"),
        ("LeCun", "yann-lecun"),
        ("LeCuns", "yann-lecun"),
    ]


def test_surname_before_the_full_name_is_not_linked() -> None:
    assert found("LeCun widerspricht.", "Später: Yann LeCun.") == [("Yann LeCun", "yann-lecun")]


def test_surname_shared_by_two_people_named_in_full_is_not_linked() -> None:
    kb = KnowledgeBase(people=(person("Anna Müller"), person("Bernd Müller")))
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (
            Block(
                BlockKind.PARAGRAPH,
                "Anna Müller und Bernd Müller. Müller sagt nichts.",
                1,
                "absatz-1",
            ),
        ),
        "a.txt",
    )
    linked = link_article(article, build_index(kb), "all")
    assert [m.entity for m in linked.mentions] == ["anna-mueller", "bernd-mueller"]
    assert [(u.surface, u.reason) for u in linked.unresolved] == [("Müller", "ambiguous")]


def test_surname_claimed_by_another_entity_goes_to_that_entity() -> None:
    kb = KnowledgeBase(people=(person("Tim Apple"),), organizations=(org("Apple"),))
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (Block(BlockKind.PARAGRAPH, "Tim Apple lobt Apple.", 1, "absatz-1"),),
        "a.txt",
    )
    linked = link_article(article, build_index(kb), "all")
    assert [m.entity for m in linked.mentions] == ["tim-apple", "apple"]


def test_surname_with_particles() -> None:
    assert surname_of("Ursula von der Leyen") == "von der Leyen"
    assert surname_of("Yann LeCun") == "LeCun"
    assert surname_of("Madonna") is None
    assert found("Ursula von der Leyen kommt.", "Von der Leyen? Nein: von der Leyen.") == [
        ("Ursula von der Leyen", "ursula-von-der-leyen"),
        ("von der Leyen", "ursula-von-der-leyen"),
    ]


def test_first_mention_is_a_link_later_ones_are_not() -> None:
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (
            Block(BlockKind.LEDE, "Meta und KI.", 1, "absatz-1"),
            Block(BlockKind.PARAGRAPH, "Metas KI und Meta.", 3, "absatz-2"),
        ),
        "a.txt",
    )
    first = link_article(article, INDEX, "first")
    assert [(m.entity, m.linked) for m in first.mentions] == [
        ("meta", True),
        ("ki", True),
        ("meta", False),
        ("ki", False),
        ("meta", False),
    ]
    every = link_article(article, INDEX, "all")
    assert all(m.linked for m in every.mentions)


def test_title_and_headings_are_not_linked() -> None:
    article = Article(
        Slug("a"),
        "Meta und KI",
        dt.date(2025, 1, 1),
        (
            Block(BlockKind.HEADING, "Meta im Umbruch", 1, "meta-im-umbruch"),
            Block(BlockKind.PARAGRAPH, "Der Text ohne Namen.", 3, "absatz-1"),
            Block(BlockKind.CAPTION, "Bildunterschrift: Meta.", 5, "absatz-2"),
        ),
        "a.txt",
    )
    mentions = link_article(article, INDEX, "first").mentions
    assert [(m.block, m.entity) for m in mentions] == [(2, "meta")]


def test_full_name_in_a_heading_allows_the_surname_later() -> None:
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (
            Block(BlockKind.HEADING, "Das Interview mit Mark Chen", 1, "h"),
            Block(BlockKind.PARAGRAPH, "Chen sagt ja.", 3, "absatz-1"),
        ),
        "a.txt",
    )
    assert [m.entity for m in link_article(article, INDEX, "first").mentions] == ["mark-chen"]


def test_no_link_suppresses_a_surface_form() -> None:
    assert found("Meta und Apple.", no_link=["Apple"]) == [("Meta", "meta")]


def test_ambiguous_alias_is_not_linked_but_reported() -> None:
    kb = KnowledgeBase(
        organizations=(
            org("Alphabet", "Google", id="alphabet"),
            org("Google LLC", "Google", id="google"),
        )
    )
    index = build_index(kb)
    assert list(index.ambiguous()) == ["Google"]
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (Block(BlockKind.PARAGRAPH, "Google wächst.", 1, "absatz-1"),),
        "a.txt",
    )
    linked = link_article(article, index, "all")
    assert linked.mentions == ()
    assert [(u.surface, u.candidates, u.reason) for u in linked.unresolved] == [
        ("Google", ("alphabet", "google"), "ambiguous")
    ]


def test_mention_knows_its_sentence() -> None:
    article = Article(
        Slug("a"),
        "T",
        dt.date(2025, 1, 1),
        (
            Block(
                BlockKind.PARAGRAPH,
                "Am 29. Juli sprach z. B. niemand. Dann kam Meta dazu. Ende.",
                1,
                "absatz-1",
            ),
        ),
        "a.txt",
    )
    (mention,) = link_article(article, INDEX, "all").mentions
    text = article.blocks[0].text
    assert text[mention.sentence[0] : mention.sentence[1]] == "Dann kam Meta dazu."
