"""Related articles: explicit ones first, then those sharing the most specific entities."""

from __future__ import annotations

import datetime as dt

import pytest

from randnotiz.config import Settings
from randnotiz.model import Article, Block, BlockKind, Corpus, KnowledgeBase, Mention
from randnotiz.paths import Slug
from randnotiz.render import article as article_module
from randnotiz.render.article import related_articles
from randnotiz.render.view import build_view

#: Which entities each article names, one article a day; "hub" and "hub2" are
#: named in more articles than COMMON_ENTITY (set to 3 below).
NAMES = {
    "a": ("hub", "hub2", "x", "y"),
    "b": ("hub", "hub2", "x"),
    "c": ("y",),
    "d": ("hub", "hub2"),
    "e": ("z",),
    "f": ("hub", "hub2"),
}


def corpus(related: dict[str, tuple[str, ...]]) -> Corpus:
    articles, mentions = [], []
    for day, (article_id, names) in enumerate(NAMES.items(), start=1):
        text = " ".join(names)
        articles.append(
            Article(
                Slug(article_id),
                article_id.upper(),
                dt.date(2025, 7, day),
                (Block(BlockKind.PARAGRAPH, text, 1, "absatz-1"),),
                f"{article_id}.txt",
                related=tuple(Slug(r) for r in related.get(article_id, ())),
            )
        )
        at = 0
        for name in names:
            mentions.append(
                Mention(Slug(name), Slug(article_id), 0, at, at + len(name), (0, len(text)))
            )
            at += len(name) + 1
    return Corpus(tuple(articles), KnowledgeBase(), tuple(mentions))


@pytest.mark.parametrize(
    ("article_id", "limit", "related", "expected"),
    [
        # b and c share a specific entity with a: newest first; the hubs rank neither.
        ("a", 2, {}, [("c", 1), ("b", 3)]),
        # Fewer than 3 share a specific entity: then the hubs count too.
        ("a", 3, {}, [("b", 3), ("f", 2), ("d", 2)]),
        ("d", 2, {}, [("f", 2), ("b", 2)]),
        # Named in 'related:' comes first, with what it shares, and only once.
        ("a", 2, {"a": ("e",)}, [("e", 0), ("c", 1)]),
        ("a", 2, {"a": ("b",)}, [("b", 3), ("f", 2)]),
        # Nothing shared, nothing related.
        ("e", 5, {}, []),
    ],
)
def test_related_articles(
    monkeypatch: pytest.MonkeyPatch,
    article_id: str,
    limit: int,
    related: dict[str, tuple[str, ...]],
    expected: list[tuple[str, int]],
) -> None:
    monkeypatch.setattr(article_module, "COMMON_ENTITY", 3)
    view = build_view(corpus(related), Settings())
    found = related_articles(view, view.articles[Slug(article_id)], limit)
    assert [(a.id, shared) for a, shared in found] == expected
