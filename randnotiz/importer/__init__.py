"""``randnotiz import PAGE.html``: a saved news page becomes a seed in ``seeds/``.

The package is the importer: ``webpage`` reads a saved page into a tree as a
browser shows it, ``page_meta`` finds headline, date and author in what the
page says about itself, ``extract`` finds the article's text, and ``seed``
writes it in the seed format. This module is the command; files are read and
written only here.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from randnotiz.model import Origin
from randnotiz.paths import is_slug, slugify
from randnotiz.problems import Problem, error, warning

__all__ = ["add_arguments", "command"]


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

    from randnotiz.importer.extract import extract_article
    from randnotiz.importer.seed import (
        article_yaml,
        notes_fields,
        read_back,
        seed_stem,
        seed_text,
    )

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
        what = " and ".join(f"'{key}:'" for key in notes_fields(extracted, args.id))
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

    differences = read_back(extracted, text, seed_shown, args.id)
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
