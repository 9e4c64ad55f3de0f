"""Article ids for repeated headlines: distinct, the same whatever the file order, permanent."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from randnotiz.model import Article, ArticleNotes, Block, BlockKind, Origin
from randnotiz.paths import Slug
from randnotiz.read.ids import Claim, distinct_ids


def claim(source: str, day: int, id: str = "kommentar", chosen: bool = False) -> Claim:
    article = Article(
        id=Slug(id),
        title="Kommentar",
        date=dt.date(2025, 7, day),
        blocks=(Block(BlockKind.LEDE, "Text.", 5),),
        source=f"seeds/{source}.txt",
    )
    notes = (
        ArticleNotes(
            Origin(f"annotations/articles/{source}.yml"),
            id=Slug(id),
            field_origins=(("id", Origin(f"annotations/articles/{source}.yml", 1, 5)),),
        )
        if chosen
        else None
    )
    return Claim(article, notes, f"annotations/articles/{source}.yml")


CASES = [
    (
        "the older keeps the plain id, whatever the file names",
        [claim("a", 30), claim("b", 29)],
        {"seeds/b.txt": "kommentar", "seeds/a.txt": "kommentar-2025-07-30"},
        [
            "seeds/a.txt:1:1: warning: the title gives the id 'kommentar' of seeds/b.txt, which "
            "keeps it (it is older); this article is published at /artikel/kommentar-2025-07-30/: "
            "set 'id: kommentar-2025-07-30' in annotations/articles/a.yml to keep that URL for good"
        ],
    ),
    (
        "on the same day, the first by file name",
        [claim("b", 29), claim("a", 29)],
        {"seeds/a.txt": "kommentar", "seeds/b.txt": "kommentar-2025-07-29"},
        [
            "seeds/b.txt:1:1: warning: the title gives the id 'kommentar' of seeds/a.txt, which "
            "keeps it (it comes first by file name); this article is published at "
            "/artikel/kommentar-2025-07-29/: set 'id: kommentar-2025-07-29' in "
            "annotations/articles/b.yml to keep that URL for good"
        ],
    ),
    (
        "three on one day: the date, then a number",
        [claim("a", 29), claim("b", 29), claim("c", 29)],
        {
            "seeds/a.txt": "kommentar",
            "seeds/b.txt": "kommentar-2025-07-29",
            "seeds/c.txt": "kommentar-2025-07-29-2",
        },
        2,
    ),
    (
        "a chosen id is kept when it is the older",
        [claim("a", 29, chosen=True), claim("b", 30)],
        {"seeds/a.txt": "kommentar", "seeds/b.txt": "kommentar-2025-07-30"},
        1,
    ),
    (
        "a chosen id an older article has is an error",
        [claim("a", 29), claim("b", 30, chosen=True)],
        {"seeds/a.txt": "kommentar"},
        [
            "annotations/articles/b.yml:1:5: error: article id 'kommentar' is also the id of "
            "seeds/a.txt, which keeps it (it is older); set a different 'id:' here"
        ],
    ),
    (
        "the date suffix taken already by another article's id",
        [claim("a", 29), claim("b", 30, id="kommentar-2025-07-31"), claim("c", 31)],
        {
            "seeds/a.txt": "kommentar",
            "seeds/b.txt": "kommentar-2025-07-31",
            "seeds/c.txt": "kommentar-2025-07-31-2",
        },
        1,
    ),
]


@pytest.mark.parametrize(
    ("claims", "ids", "problems"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_distinct_ids_in_every_order_of_the_files(
    claims: list[Claim], ids: dict[str, str], problems: list[str] | int
) -> None:
    for order in itertools.permutations(claims):
        articles, found = distinct_ids(order)
        assert {a.source: a.id for a in articles} == ids
        if isinstance(problems, int):
            assert len(found) == problems
        else:
            assert [str(p) for p in found] == problems


def test_different_ids_stay_as_they_are() -> None:
    articles, found = distinct_ids([claim("a", 29, id="eins"), claim("b", 29, id="zwei")])
    assert [a.id for a in articles] == ["eins", "zwei"]
    assert found == []
