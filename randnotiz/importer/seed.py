"""What the importer found, written in the seed format, and read back to check it.

The seed format is what an editor reads and corrects, so an imported page
becomes a seed like any other; ``read_back`` checks that the seed reader gets
exactly what was found.
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from randnotiz.dates import german_date
from randnotiz.importer.extract import Extracted
from randnotiz.importer.page_meta import byline_author
from randnotiz.model import ArticleNotes, BlockKind, Origin, Source
from randnotiz.paths import slugify
from randnotiz.problems import Problem, warning
from randnotiz.read.seed import RawBlock, is_rubric, is_title, parse_seed
from randnotiz.read.yamlnodes import NON_PRINTABLE, Mapping, load_nodes

__all__ = [
    "article_yaml",
    "missing_keys_yaml",
    "needs_title",
    "notes_fields",
    "notes_for",
    "read_back",
    "seed_stem",
    "seed_text",
    "seed_title",
    "with_written",
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


def notes_fields(extracted: Extracted, article_id: str | None) -> dict[str, object]:
    """What the article's YAML must say so that the seed reads back as found.

    Its id when one is given; its title when the seed cannot hold it; and the
    blocks whose kind the seed reader would guess otherwise (a caption
    without "Kicker:", a short lede that looks like a heading), by the start
    of their text, under ``headings``, ``captions`` or ``paragraphs``.
    """
    fields: dict[str, object] = {}
    if article_id:
        fields["id"] = article_id
    if needs_title(extracted):
        fields["title"] = extracted.title
    fields.update(_kind_overrides(extracted))
    source = {k: v for k, v in (("url", extracted.page.url), ("site", extracted.page.site)) if v}
    if source:
        fields["source"] = source
    return fields


_OVERRIDE_KEYS = {
    BlockKind.LEDE: "paragraphs",  # the first forced paragraph is the lede
    BlockKind.PARAGRAPH: "paragraphs",
    BlockKind.HEADING: "headings",
    BlockKind.CAPTION: "captions",
}


def _kind_overrides(extracted: Extracted) -> dict[str, list[str]]:
    """The fewest overrides after which the reader sees every block's kind as found.

    One block at a time, first to last: forcing the lede can settle the kind
    of the block after it too.
    """
    if extracted.date is None:
        return {}
    text = seed_text(extracted)
    wanted = [(BlockKind.LEDE, extracted.lede), *((b.kind, b.text) for b in extracted.blocks)]
    texts = [t for _, t in wanted]
    title = extracted.title if needs_title(extracted) else None
    out: dict[str, list[str]] = {}
    for _ in range(len(wanted)):
        notes = ArticleNotes(Origin("x"), title=title, **{k: tuple(v) for k, v in out.items()})
        article = parse_seed(text, "seed.txt", notes).article
        if article is None:
            return out
        wrong = next(
            (
                (kind, block)
                for (kind, block), got in zip(wanted, article.blocks, strict=False)
                if got.kind is not kind and got.text == block
            ),
            None,
        )
        if wrong is None:
            return out
        kind, block = wrong
        start = _unique_start(block, texts)
        if start in out.get(_OVERRIDE_KEYS[kind], []):
            return out  # the reader cannot be told: leave the rest as it reads them
        out.setdefault(_OVERRIDE_KEYS[kind], []).append(start)
    return out


def _unique_start(text: str, texts: list[str]) -> str:
    """The shortest start of ``text`` (four words or more) that starts no other block.

    Where every start of it also starts a longer block, the whole text: the
    reader takes a block that is exactly the text over those it starts.
    """
    words = text.split()
    for n in range(min(4, len(words)), len(words) + 1):
        start = " ".join(words[:n])
        if sum(t.startswith(start) for t in texts) == 1:
            return start
    return text


def notes_for(extracted: Extracted, article_id: str | None, file: str) -> ArticleNotes | None:
    """The article's YAML as the reader would read it, for ``read_back``."""
    fields = notes_fields(extracted, article_id)
    if not fields:
        return None
    source = fields.get("source")
    return ArticleNotes(
        Origin(file),
        id=fields.get("id"),  # type: ignore[arg-type]
        title=fields.get("title"),  # type: ignore[arg-type]
        headings=tuple(fields.get("headings", ())),  # type: ignore[arg-type]
        captions=tuple(fields.get("captions", ())),  # type: ignore[arg-type]
        paragraphs=tuple(fields.get("paragraphs", ())),  # type: ignore[arg-type]
        source=Source(**source) if isinstance(source, dict) else None,
    )


def with_written(found: ArticleNotes | None, written: ArticleNotes | None) -> ArticleNotes | None:
    """What the page says about itself, with what an editor wrote in its YAML on top.

    A saved page dropped into ``seeds/`` has no YAML of the importer's; its
    title, block kinds and source come from the page, and the editor's YAML,
    if any, overrides each of them.
    """
    if found is None or written is None:
        return written or found
    return dataclasses.replace(
        written,
        title=written.title or found.title,
        headings=written.headings or found.headings,
        captions=written.captions or found.captions,
        paragraphs=written.paragraphs or found.paragraphs,
        source=written.source or found.source,
    )


def article_yaml(extracted: Extracted, article_id: str | None) -> str | None:
    """The article's YAML (see ``notes_fields``), or None when it need not say anything."""
    fields = notes_fields(extracted, article_id)
    if not fields:
        return None
    assert extracted.date is not None
    title = _UNSAFE_IN_COMMENT.sub(" ", extracted.title)
    head = f"# Anmerkungen der Redaktion zu „{title}“ ({german_date(extracted.date)}).\n\n"
    return head + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)


#: What may not stand in a YAML comment as it is: the characters YAML refuses, and
#: those it takes for the end of a line (after which a title would be read as keys).
_UNSAFE_IN_COMMENT = re.compile(f"{NON_PRINTABLE.pattern}|[\r\n\x85\u2028\u2029]")


def missing_keys_yaml(
    extracted: Extracted, article_id: str | None, existing: str, shown: str
) -> str | Problem:
    """The keys of ``notes_fields`` that the existing YAML ``existing`` lacks, as YAML text
    to append to it ("" when it lacks none), or why they cannot be added."""
    node, problems = load_nodes(existing, shown)
    if existing.strip() and not isinstance(node, Mapping):
        why = problems[0].message if problems else "it is not a mapping of 'key: value' lines"
        return warning(
            Origin(shown), f"left as it is: {why}; add the source and other keys by hand"
        )
    present = {key for key, _ in node.items} if isinstance(node, Mapping) else set()
    missing = {k: v for k, v in notes_fields(extracted, article_id).items() if k not in present}
    if not missing:
        return ""
    return yaml.safe_dump(missing, allow_unicode=True, sort_keys=False, width=1000)


def read_back(extracted: Extracted, text: str, file: str, notes: ArticleNotes | None) -> list[str]:
    """What the seed reader, with the article's YAML ``notes``, gets differently from what
    was found; empty when nothing."""
    result = parse_seed(text, file, notes)
    article = result.article
    if article is None:
        return [p.message for p in result.problems if p.severity == "error"]
    differences = []
    if article.title != extracted.title:
        differences.append(f"title '{article.title}'")
    if article.date != extracted.date:
        differences.append(f"date {article.date}")
    expected = [(BlockKind.LEDE, extracted.lede), *((b.kind, b.text) for b in extracted.blocks)]
    got = [(b.kind, b.text) for b in article.blocks]
    if got != expected:
        at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), None)
        at = min(len(got), len(expected)) if at is None else at
        differences.append(f"text from block {at + 1} on")
    if (article.author or None) != (extracted.author if _byline(extracted) else None):
        differences.append(f"author '{article.author}'")
    return differences
