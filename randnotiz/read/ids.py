"""Article ids, which are URLs: distinct for repeated headlines, and permanent.

Headlines repeat in a newsroom ("Kommentar", "Die Lage am Morgen", agency
headlines), so two titles often give the same slug. That must not keep the
other articles off the site, and a URL must not change because another
article arrived later. So among the articles claiming an id, the oldest (by
date, then by the name of its seed file, whatever order the files are read
in) keeps it; each later one gets its date after it
(``kommentar-2025-07-30``), and a warning names both files and the ``id:`` that
keeps the URL for good. An id set with ``id:`` was chosen: it is kept, or it is
an error when an older article has it already.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from randnotiz.model import Article, ArticleNotes, Origin
from randnotiz.paths import ARTICLES, Slug, doc_path, url_of
from randnotiz.problems import Problem, error, warning


@dataclass(frozen=True)
class Claim:
    """An article as read, with its YAML (if any) and where that YAML is or would be."""

    article: Article
    notes: ArticleNotes | None
    notes_file: str  # "annotations/articles/b.yml", shown in the hint

    @property
    def chosen(self) -> bool:
        """Whether the id was set with ``id:``."""
        return self.notes is not None and self.notes.id is not None


def distinct_ids(claims: Iterable[Claim]) -> tuple[list[Article], list[Problem]]:
    """The articles with ids no two share, oldest first; and what was decided or refused."""
    problems: list[Problem] = []
    taken: dict[Slug, Article] = {}
    for claim in sorted(claims, key=lambda c: (c.article.date, c.article.source)):
        article = claim.article
        holder = taken.get(article.id)
        if holder is None:
            taken[article.id] = article
            continue
        why = "it is older" if holder.date < article.date else "it comes first by file name"
        if claim.chosen:
            assert claim.notes is not None
            problems.append(
                error(
                    claim.notes.origin_of("id"),
                    f"article id '{article.id}' is also the id of {holder.source}, which keeps "
                    f"it ({why}); set a different 'id:' here",
                )
            )
            continue
        base = f"{article.id}-{article.date.isoformat()}"
        new, n = Slug(base), 2
        while new in taken:
            new, n = Slug(f"{base}-{n}"), n + 1
        taken[new] = dataclasses.replace(article, id=new)
        problems.append(
            warning(
                Origin(article.source),
                f"the title gives the id '{article.id}' of {holder.source}, which keeps it "
                f"({why}); this article is published at {url_of(doc_path(ARTICLES, new))}: "
                f"set 'id: {new}' in {claim.notes_file} to keep that URL for good",
            )
        )
    return list(taken.values()), problems
