"""What the importer found, written in the seed format, and read back to check it.

The seed format is what an editor reads and corrects, so an imported page
becomes a seed like any other; ``read_back`` checks that the seed reader gets
exactly what was found.
"""

from __future__ import annotations

import yaml

from randnotiz.dates import german_date
from randnotiz.importer.extract import Extracted
from randnotiz.importer.page_meta import byline_author
from randnotiz.model import ArticleNotes, Origin
from randnotiz.paths import slugify
from randnotiz.read.seed import RawBlock, is_rubric, is_title, parse_seed

__all__ = [
    "article_yaml",
    "needs_title",
    "read_back",
    "seed_stem",
    "seed_text",
    "seed_title",
]

_MAX_SLUG = 80


def seed_title(title: str) -> str:
    """The title as the seed can hold it: one line, at most 200 characters, no closing stop.

    "Boeing holt zum KAHLSCHLAG aus…" would not be read as a title; the seed
    gets "Boeing holt zum KAHLSCHLAG aus" and the article's YAML the exact
    title (see ``needs_title``).
    """
    line = " ".join(title.split())
    if len(line) > 200:
        line = line[:200].rsplit(" ", 1)[0]
    while line and not is_title(RawBlock(1, (line,))):
        line = line[:-1].rstrip()
    return line or title


def needs_title(extracted: Extracted) -> bool:
    """True when the seed cannot hold the exact title and the YAML must give it."""
    return seed_title(extracted.title) != extracted.title


def _byline(extracted: Extracted) -> str | None:
    """'Von <author>' when the seed reader will take it for a byline and nothing else."""
    if extracted.author is None:
        return None
    line = f"Von {extracted.author}"
    if byline_author(line) != extracted.author:
        return None
    if extracted.rubric is None and is_rubric(seed_title(extracted.title)):
        return None  # a short title followed by a one-line block would be read as rubric + title
    return line


def seed_text(extracted: Extracted) -> str:
    """The seed: date, rubric, title, byline, lede, then the blocks, one blank line apart.

    Raises ``ValueError`` for an article without a date: the seed format
    starts with one, so the caller must supply it first.
    """
    if extracted.date is None:
        raise ValueError("an article needs a date before it can be written as a seed")
    parts = [german_date(extracted.date)]
    title = seed_title(extracted.title)
    if extracted.rubric and is_rubric(extracted.rubric):
        parts.append(extracted.rubric)
    parts.append(title)
    if byline := _byline(extracted):
        parts.append(byline)
    parts.append(extracted.lede)
    parts.extend(block.text for block in extracted.blocks)
    return "\n\n".join(parts) + "\n"


def seed_stem(extracted: Extracted, article_id: str | None = None) -> str:
    """``2016-02-26-mark-zuckerberg-raeumt-fehler-…``: date first, so seeds sort by date."""
    assert extracted.date is not None
    slug = slugify(article_id or extracted.title) or "artikel"
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    return f"{extracted.date.isoformat()}-{slug}"


def article_yaml(extracted: Extracted, article_id: str | None) -> str | None:
    """The article's YAML: its id, and its title when the seed cannot hold it; None if neither."""
    fields: dict[str, str] = {}
    if article_id:
        fields["id"] = article_id
    if needs_title(extracted):
        fields["title"] = extracted.title
    if not fields:
        return None
    assert extracted.date is not None
    head = (
        f"# Anmerkungen der Redaktion zu „{extracted.title}“ ({german_date(extracted.date)}).\n\n"
    )
    return head + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)


def read_back(extracted: Extracted, text: str, file: str) -> list[str]:
    """What the seed reader gets differently from what was found; empty when nothing."""
    notes = ArticleNotes(Origin(file), title=extracted.title) if needs_title(extracted) else None
    result = parse_seed(text, file, notes)
    article = result.article
    if article is None:
        return [p.message for p in result.problems if p.severity == "error"]
    differences = []
    if article.title != extracted.title:
        differences.append(f"title '{article.title}'")
    if article.date != extracted.date:
        differences.append(f"date {article.date}")
    expected = [extracted.lede, *(b.text for b in extracted.blocks)]
    got = [b.text for b in article.blocks]
    if got != expected:
        at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), None)
        at = min(len(got), len(expected)) if at is None else at
        differences.append(f"text from block {at + 1} on")
    if (article.author or None) != (extracted.author if _byline(extracted) else None):
        differences.append(f"author '{article.author}'")
    return differences
