"""``randnotiz import PAGE.html … | FOLDER``: saved news pages become seeds in ``seeds/``.

The package is the importer: ``webpage`` reads a saved page into the tree a
browser shows, ``headline`` and ``page_meta`` find what the page says about
itself, ``content`` and ``lines`` find the article's text, ``extract`` puts
them together, ``seed`` writes the seed and its YAML, ``known`` tells an
article already in the project from a new one. This module is the command: it
reads and writes the files, one page after another, so that a page that is
refused never stops the others, and says at the end what became of each.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from randnotiz.model import Origin
from randnotiz.paths import is_slug, slugify
from randnotiz.problems import Problem, error, warning
from randnotiz.read import PAGE_SUFFIXES
from randnotiz.read.files import read_bounded

if TYPE_CHECKING:
    from randnotiz.importer.extract import Extracted
    from randnotiz.importer.known import Known

__all__ = ["Outcome", "add_arguments", "command", "pages_in"]

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"
#: Writes one line of output, above the progress bar while there is one.
Say = Callable[[str, TextIO], None]


@dataclass(frozen=True)
class Outcome:
    """What became of one page: imported, skipped as a duplicate, or refused, and why."""

    page: str
    kind: str
    reason: str = ""


# --- the arguments ------------------------------------------------------------------------


def _date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pages",
        nargs="+",
        type=Path,
        metavar="PAGE",
        help="saved web pages (.html), or folders that hold them",
    )
    parser.add_argument(
        "--id",
        help="the article's id (its URL), with a single page; also written to its YAML",
    )
    parser.add_argument(
        "--date",
        type=_date_argument,
        help="the publication date (YYYY-MM-DD) for pages that do not state one",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an article imported before, and overwrite a seed of the same name",
    )


def pages_in(paths: list[Path]) -> list[Path]:
    """The pages to import: each file as given, each folder's .html files in name order."""
    pages: list[Path] = []
    for path in paths:
        if path.is_dir():
            pages.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES))
        else:
            pages.append(path)
    return pages


# --- the command ---------------------------------------------------------------------------


def command(args: argparse.Namespace) -> int:
    """Import every page; exit 1 if any was refused."""
    if args.id is not None and not is_slug(args.id):
        print(
            error(
                Origin(str(args.pages[0])),
                f"--id '{args.id}' is not an id; use lowercase letters, digits and hyphens "
                f"such as '{slugify(args.id) or 'mein-artikel'}'",
            ),
            file=sys.stderr,
        )
        return 1
    pages = pages_in(args.pages)
    if args.id is not None and len(pages) != 1:
        print(
            error(
                Origin(str(args.pages[0])),
                f"--id names one article, but {len(pages)} pages were given; import them "
                "without --id, or one page with it",
            ),
            file=sys.stderr,
        )
        return 1
    if not pages:
        folders = ", ".join(str(p) for p in args.pages)
        print(
            error(Origin(folders), "no saved pages (.html) here; save the articles as HTML"),
            file=sys.stderr,
        )
        return 1

    from tqdm import tqdm

    from randnotiz.importer.known import known_articles

    known = known_articles(args.root)
    bar = tqdm(
        pages,
        desc="Importieren",
        unit=" Seiten",
        file=sys.stderr,
        leave=False,
        disable=len(pages) < 2 or not sys.stderr.isatty(),
    )

    def say(line: str, stream: TextIO) -> None:
        tqdm.write(line, file=stream)  # above the progress bar, which stays at the bottom

    outcomes = [_import_page(page, args, known, say) for page in bar]
    bar.close()
    if len(pages) > 1:
        for line in summary(outcomes):
            print(line, file=sys.stderr)
    return 1 if any(o.kind == REFUSED for o in outcomes) else 0


def summary(outcomes: list[Outcome]) -> list[str]:
    """'randnotiz import: 48 pages: 40 imported, 2 skipped as duplicates, 6 refused', then
    each page that was not imported with the reason."""
    counts = {
        kind: sum(o.kind == kind for o in outcomes) for kind in (IMPORTED, DUPLICATE, REFUSED)
    }
    duplicates = "duplicate" if counts[DUPLICATE] == 1 else "duplicates"
    lines = [
        f"randnotiz import: {len(outcomes)} pages: {counts[IMPORTED]} imported, "
        f"{counts[DUPLICATE]} skipped as {duplicates}, {counts[REFUSED]} refused"
    ]
    for kind, heading in ((REFUSED, "refused:"), (DUPLICATE, "skipped as duplicates:")):
        if counts[kind]:
            lines.append(heading)
            lines.extend(f"  {o.page}: {o.reason}" for o in outcomes if o.kind == kind)
    return lines


# --- one page ------------------------------------------------------------------------------


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _read(page: Path, shown: str) -> bytes | Problem:
    if page.is_dir():
        return error(Origin(shown), "this is a folder; name the pages in it, or the folder alone")
    return read_bounded(page, shown, "page")


def _import_page(page: Path, args: argparse.Namespace, known: Known, say: Say) -> Outcome:
    """One page: refused with a message, skipped as a duplicate, or written as a seed."""
    shown = str(page)

    def refuse(problem: Problem) -> Outcome:
        say(str(problem), sys.stderr)
        return Outcome(shown, REFUSED, problem.message)

    data = _read(page, shown)
    if isinstance(data, Problem):
        return refuse(data)

    from randnotiz.importer.extract import extract_article

    try:
        found = extract_article(data, shown)
    except Exception as exc:  # a page no rule foresaw must not stop the others
        return refuse(
            error(
                Origin(shown),
                f"the importer failed on this page ({type(exc).__name__}); "
                "write the seed by hand, and report the page so that the importer learns it",
            )
        )
    if isinstance(found, tuple):
        for problem in found[:-1]:
            say(str(problem), sys.stderr)
        return refuse(found[-1])
    for problem in found.problems:
        say(str(problem), sys.stderr)
    date = found.date or args.date  # --date fills in; it does not overrule what the page says
    if date is None:
        return refuse(
            error(
                Origin(shown),
                "no publication date found in the page; pass --date YYYY-MM-DD, "
                "or write the seed by hand with the date as its first line",
            )
        )
    return _write(dataclasses.replace(found, date=date), shown, args, known, say)


def _write(
    extracted: Extracted, shown: str, args: argparse.Namespace, known: Known, say: Say
) -> Outcome:
    from randnotiz.importer.seed import seed_stem, seed_text

    root: Path = args.root
    assert extracted.date is not None
    duplicate = known.find(extracted.title, extracted.date, extracted.lede, extracted.page.url)
    if duplicate is not None and (not args.force or not duplicate.path.endswith(".txt")):
        hint = (
            "pass --force to replace it"
            if duplicate.path.endswith(".txt")
            else "delete that saved page first to import this one"
        )
        reason = f"the same article as {duplicate.path} ({duplicate.why}); skipped, {hint}"
        say(str(warning(Origin(shown), reason)), sys.stderr)
        return Outcome(shown, DUPLICATE, reason)
    if duplicate is not None:
        seed = root / duplicate.path
    else:
        seed = root / "seeds" / f"{seed_stem(extracted, args.id)}.txt"
        if seed.exists() and not args.force:
            problem = error(
                Origin(_shown(seed, root)), "this seed already exists; pass --force to overwrite it"
            )
            say(str(problem), sys.stderr)
            return Outcome(shown, REFUSED, f"{problem.origin.file}: {problem.message}")
    seed_shown = _shown(seed, root)
    text = seed_text(extracted)
    seed.parent.mkdir(parents=True, exist_ok=True)
    seed.write_text(text, encoding="utf-8")
    written = [seed_shown]
    notes = root / "annotations" / "articles" / f"{seed.stem}.yml"
    if (notes_written := _write_notes(extracted, args.id, notes, root, say)) is not None:
        written.append(notes_written)
    _check_read_back(extracted, text, seed_shown, notes, root, say)
    known.add(seed_shown, extracted.title, extracted.date, extracted.lede, extracted.page.url)
    verb = "replaced" if duplicate is not None else "wrote"
    blocks = 1 + len(extracted.blocks)
    say(
        f"randnotiz: {verb} {' and '.join(written)} from {shown} ({blocks} blocks of text)",
        sys.stdout,
    )
    return Outcome(shown, IMPORTED)


def _write_notes(
    extracted: Extracted, article_id: str | None, notes: Path, root: Path, say: Say
) -> str | None:
    """The article's YAML: written when new; an existing one only gets the keys it lacks,
    appended as text, so that what an editor wrote there (and its comments) stays."""
    from randnotiz.importer.seed import article_yaml, missing_keys_yaml

    shown = _shown(notes, root)
    if not notes.exists():
        new = article_yaml(extracted, article_id)
        if new is None:
            return None
        notes.parent.mkdir(parents=True, exist_ok=True)
        notes.write_text(new, encoding="utf-8")
        return shown
    existing = notes.read_text(encoding="utf-8")
    added = missing_keys_yaml(extracted, article_id, existing, shown)
    if isinstance(added, Problem):
        say(str(added), sys.stderr)
        return None
    if not added:
        return None
    separator = "" if existing.endswith("\n") or not existing else "\n"
    notes.write_text(existing + separator + added, encoding="utf-8")
    return shown


def _check_read_back(
    extracted: Extracted, text: str, seed_shown: str, notes: Path, root: Path, say: Say
) -> None:
    """Warn where the seed reader, with the YAML as it now is, sees other than the page."""
    from randnotiz.importer.seed import read_back
    from randnotiz.read.annotations import read_article_notes

    written = read_article_notes(notes, _shown(notes, root), root)[0] if notes.exists() else None
    differences = read_back(extracted, text, seed_shown, written)
    if differences:
        say(
            str(
                warning(
                    Origin(seed_shown),
                    "the seed reader sees a different "
                    + ", ".join(differences)
                    + " than the page has; check the seed's blocks by hand",
                )
            ),
            sys.stderr,
        )
