"""``randnotiz import PAGE.html``: a saved news page becomes a seed in ``seeds/``.

Finding the article in the page is ``randnotiz.extract``'s job; this module
writes what was found in the seed format (so that an editor can read and
correct it like any other seed) and checks that the seed reader gets back
exactly what was found. Files are read and written only in ``command``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from randnotiz.dates import german_date
from randnotiz.model import ArticleNotes, Origin
from randnotiz.paths import is_slug, slugify
from randnotiz.problems import Problem, error, warning
from randnotiz.read.seed import RawBlock, is_rubric, is_title, parse_seed

if TYPE_CHECKING:
    from randnotiz.extract import Extracted

__all__ = [
    "add_arguments",
    "article_yaml",
    "command",
    "read_back",
    "seed_stem",
    "seed_text",
    "seed_title",
]

_MAX_SLUG = 80


# --- the seed ------------------------------------------------------------------------------


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
    from randnotiz.page_meta import byline_author  # BeautifulSoup: only when importing

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


# --- the command -------------------------------------------------------------------------


def _date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", type=Path, help="the saved web page (.html)")
    parser.add_argument(
        "--id", help="the article's id (its URL); also writes annotations/articles/<seed>.yml"
    )
    parser.add_argument(
        "--date",
        type=_date_argument,
        help="the publication date (YYYY-MM-DD), for pages that do not state it",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing seed")


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _report(problems: list[Problem] | tuple[Problem, ...]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def command(args: argparse.Namespace) -> int:
    """Read the page, write the seed (and the article's YAML), say what was written."""
    root: Path = args.root
    page: Path = args.page
    shown = str(page)
    if args.id is not None and not is_slug(args.id):
        _report(
            [
                error(
                    Origin(shown),
                    f"--id '{args.id}' is not an id; use lowercase letters, digits and hyphens "
                    f"such as '{slugify(args.id) or 'mein-artikel'}'",
                )
            ]
        )
        return 1
    try:
        data = page.read_bytes()
    except OSError as exc:
        _report([error(Origin(shown), f"cannot read the page ({exc.strerror}); check the path")])
        return 1

    from randnotiz.extract import extract_article  # BeautifulSoup: only when importing

    found = extract_article(data, shown)
    if isinstance(found, tuple):
        _report(found)
        return 1
    _report(found.problems)
    date = args.date or found.date
    if date is None:
        _report(
            [
                error(
                    Origin(shown),
                    "no publication date found in the page; pass --date YYYY-MM-DD, "
                    "or write the seed by hand with the date as its first line",
                )
            ]
        )
        return 1
    extracted = dataclasses.replace(found, date=date)

    stem = seed_stem(extracted, args.id)
    seed = root / "seeds" / f"{stem}.txt"
    seed_shown = _shown(seed, root)
    if seed.exists() and not args.force:
        _report(
            [error(Origin(seed_shown), "this seed already exists; pass --force to overwrite it")]
        )
        return 1
    text = seed_text(extracted)
    notes = root / "annotations" / "articles" / f"{stem}.yml"
    notes_shown = _shown(notes, root)
    notes_text = article_yaml(extracted, args.id)

    seed.parent.mkdir(parents=True, exist_ok=True)
    seed.write_text(text, encoding="utf-8")
    written = [seed_shown]
    if notes_text is not None and notes.exists():
        what = (
            "'title:' and 'id:'"
            if needs_title(extracted) and args.id
            else ("'title:'" if needs_title(extracted) else "'id:'")
        )
        _report(
            [
                warning(
                    Origin(notes_shown), f"already exists and was left as it is; add {what} by hand"
                )
            ]
        )
    elif notes_text is not None:
        notes.parent.mkdir(parents=True, exist_ok=True)
        notes.write_text(notes_text, encoding="utf-8")
        written.append(notes_shown)

    differences = read_back(extracted, text, seed_shown)
    if differences:
        _report(
            [
                warning(
                    Origin(seed_shown),
                    "the seed reader sees a different "
                    + ", ".join(differences)
                    + " than the page has; check the seed's blocks by hand",
                )
            ]
        )
    blocks = 1 + len(extracted.blocks)
    print(f"randnotiz: wrote {' and '.join(written)} from {shown} ({blocks} blocks of text)")
    return 0
