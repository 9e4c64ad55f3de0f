"""The read stage: every seed and every YAML file, gathered before anything is linked."""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from randnotiz.model import Article, ArticleNotes, KnowledgeBase, Origin
from randnotiz.parallel import run_beside
from randnotiz.paths import short_slug, slugify
from randnotiz.problems import Problem, did_you_mean, error
from randnotiz.read.annotations import (
    ARTICLES_DIR,
    LoadResult,
    article_notes_files,
    load_knowledge,
    read_article_notes,
)
from randnotiz.read.decode import decode_text
from randnotiz.read.files import inside, outside_error, read_project_file
from randnotiz.read.ids import Claim, distinct_ids
from randnotiz.read.seed import parse_seed, split_blocks

if TYPE_CHECKING:  # the configuration reads its file with this package's readers
    from randnotiz.config import Project

SEED_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".html", ".htm")  # saved web pages, read through the importer


@dataclass(frozen=True)
class Sources:
    articles: tuple[Article, ...]
    knowledge: KnowledgeBase
    problems: tuple[Problem, ...]


def seed_files(seeds: Path) -> list[Path]:
    suffixes = (*SEED_SUFFIXES, *PAGE_SUFFIXES)
    return sorted(p for p in seeds.glob("*") if p.suffix.lower() in suffixes and p.is_file())


#: Reads one seed with its YAML: ``(path, project, notes_files) -> ArticleRead``.
ArticleReader = Callable[[Path, "Project", dict[str, Path]], "ArticleRead"]
#: Reads the lists of people, organisations and terms: ``(annotations, root) -> LoadResult``.
KnowledgeLoader = Callable[[Path, Path], LoadResult]


def read_sources(
    project: Project,
    reader: ArticleReader | None = None,
    load: KnowledgeLoader | None = None,
) -> Sources:
    """Articles and knowledge base, with every problem found on the way.

    Each article is read with its YAML as one job, and a large archive's jobs run
    on every core: its YAML and seeds took as long to read as linking took.
    ``reader`` and ``load`` stand in for reading a seed and the lists:
    ``mkdocs serve`` passes readers that reuse what an earlier build read.
    """
    reader = reader or read_article
    outside = _folders_outside(project)
    # With seeds/ outside, every article's YAML would be "no seed for this file": not read either.
    notes_files = {} if outside else article_notes_files(project.annotations)
    seeds = [] if project.seeds in outside else seed_files(project.seeds)
    jobs = [partial(reader, path, project, notes_files) for path in seeds]
    # The lists of people, organisations and terms are read here meanwhile.
    knowledge = (
        partial(LoadResult, KnowledgeBase(), ())
        if project.annotations in outside
        else partial(load or load_knowledge, project.annotations, project.root)
    )
    reads, loaded = run_beside(jobs, knowledge)
    reads = _own_notes_first(seeds, reads, notes_files, project, reader)
    problems = [*outside.values(), *loaded.problems]
    notes_by_stem: dict[str, ArticleNotes] = {}
    for read in reads:
        problems.extend(read.problems)
        if read.notes_stem is not None and read.notes is not None:
            notes_by_stem[read.notes_stem] = read.notes
    used = {read.notes_stem for read in reads if read.notes_stem is not None}
    for stem, path in notes_files.items():
        if stem not in used:  # a file for no seed: its own mistakes, then that it is unused
            notes, found = read_article_notes(path, project.shown(path), project.root)
            problems.extend(found)
            if notes is not None:
                notes_by_stem[stem] = notes
    shared = _shared_notes(seeds, reads, notes_files, project)
    problems.extend(shared.values())
    articles, decided = distinct_ids(_claims(seeds, reads, notes_files, shared, project))
    problems.extend(decided)
    notes_of = {r.article.source: r.notes for r in reads if r.article and r.notes}
    stems = sorted(p.stem for p in seeds)
    problems.extend(_check_articles(articles, notes_of, notes_by_stem, used, stems))
    articles.sort(key=lambda a: (-a.date.toordinal(), a.id))
    # A YAML file two seeds claim was read twice: its problems are told once;
    # a folder that leads outside is told once, not for each of the folders in it.
    return Sources(tuple(articles), loaded.knowledge, tuple(dict.fromkeys(problems)))


def _claims(
    seeds: list[Path],
    reads: list[ArticleRead],
    notes_files: dict[str, Path],
    shared: dict[str, Problem],
    project: Project,
) -> Iterator[Claim]:
    for seed, read in zip(seeds, reads, strict=True):
        if read.article is None:
            continue
        stem = read.notes_stem
        if stem is None or stem in shared:  # the 'id:' to set goes in a file of its own
            stem = seed.stem
        path = notes_files.get(stem, project.annotations / ARTICLES_DIR / f"{stem}.yml")
        yield Claim(read.article, read.notes, project.shown(path))


def _shared_notes(
    seeds: list[Path], reads: list[ArticleRead], notes_files: dict[str, Path], project: Project
) -> dict[str, Problem]:
    """YAML files named after the title of several articles (their titles are the same)."""
    claimants: dict[str, list[str]] = defaultdict(list)
    for seed, read in zip(seeds, reads, strict=True):
        if read.notes_stem is not None:
            claimants[read.notes_stem].append(project.shown(seed))
    shared: dict[str, Problem] = {}
    for stem, sources in claimants.items():
        if len(sources) > 1:
            names = " or ".join(f"{Path(s).stem}.yml" for s in sources)
            shared[stem] = error(
                Origin(project.shown(notes_files[stem])),
                f"this file belongs to {len(sources)} articles, {', '.join(sources)}, whose "
                f"titles give the same name; name it after the seed of one of them ({names})",
            )
    return shared


def _own_notes_first(
    seeds: list[Path],
    reads: list[ArticleRead],
    notes_files: dict[str, Path],
    project: Project,
    reader: ArticleReader,
) -> list[ArticleRead]:
    """A YAML file named after a seed file belongs to that seed, whatever other titles say.

    A seed whose title gave the name of another seed's file is read again
    without the files named after seeds (rare: it takes two equal titles).
    """
    stems = {seed.stem for seed in seeds}
    out = []
    for seed, read in zip(seeds, reads, strict=True):
        if read.notes_stem not in (None, seed.stem) and read.notes_stem in stems:
            titled = {k: v for k, v in notes_files.items() if k not in stems}
            read = reader(seed, project, titled)
        out.append(read)
    return out


def _folders_outside(project: Project) -> dict[Path, Problem]:
    """``seeds/``, ``annotations/`` or ``annotations/articles/`` if one leads outside the
    project: none of it is read, not even the names of its files."""
    outside: dict[Path, Problem] = {}
    for folder in (project.seeds, project.annotations, project.annotations / ARTICLES_DIR):
        if folder.parent in outside:
            outside[folder] = outside[folder.parent]
        elif os.path.lexists(folder) and not inside(folder, project.root):
            outside[folder] = outside_error(folder, project.shown(folder))
    return outside


@dataclass(frozen=True)
class ArticleRead:
    """One seed as read, with the file of ``articles/`` it claimed (its stem) and what that held."""

    article: Article | None
    notes_stem: str | None
    notes: ArticleNotes | None
    problems: tuple[Problem, ...]


def read_article(path: Path, project: Project, notes_files: dict[str, Path]) -> ArticleRead:
    problems: list[Problem] = []
    shown = project.shown(path)
    is_page = path.suffix.lower() in PAGE_SUFFIXES
    # A saved page may not state its date, which its YAML then gives: that YAML,
    # named after the page, is read first. A seed's YAML may be named after its title.
    stem = path.stem if is_page and path.stem in notes_files else None
    notes = _read_notes(notes_files, stem, project, problems)
    read = (
        _read_page(path, project, shown, notes, problems)
        if is_page
        else _read_text(path, project, shown, problems)
    )
    if read is None:
        return ArticleRead(None, stem, notes, tuple(problems))
    text, found = read if isinstance(read, tuple) else (read, None)
    if stem is None:
        stem = _notes_stem(path.stem, text, notes_files)
        notes = _read_notes(notes_files, stem, project, problems)
    result = parse_seed(text, shown, _with_page_notes(found, notes))
    problems.extend(result.problems)
    return ArticleRead(result.article, stem, notes, tuple(problems))


def _read_notes(
    notes_files: dict[str, Path], stem: str | None, project: Project, problems: list[Problem]
) -> ArticleNotes | None:
    if stem is None:
        return None
    path = notes_files[stem]
    notes, found = read_article_notes(path, project.shown(path), project.root)
    problems.extend(found)
    return notes


def _read_bytes(
    path: Path, project: Project, shown: str, what: str, problems: list[Problem]
) -> bytes | None:
    data = read_project_file(path, project.root, shown, what)
    if isinstance(data, Problem):
        problems.append(data)
        return None
    return data


def _read_text(path: Path, project: Project, shown: str, problems: list[Problem]) -> str | None:
    data = _read_bytes(path, project, shown, "seed", problems)
    if data is None:
        return None
    decoded = decode_text(data, shown)
    problems.extend(decoded.problems)
    return decoded.text


def _read_page(
    path: Path, project: Project, shown: str, notes: ArticleNotes | None, problems: list[Problem]
) -> tuple[str, ArticleNotes | None] | None:
    """A saved web page as the seed text and YAML ``randnotiz import`` would write for it."""
    from randnotiz.importer.extract import extract_article  # the importer needs the reader
    from randnotiz.importer.seed import notes_for, seed_text  # (import late)

    data = _read_bytes(path, project, shown, "page", problems)
    if data is None:
        return None
    found = extract_article(data, shown)
    if isinstance(found, tuple):
        problems.extend(found)
        return None
    problems.extend(found.problems)
    date = found.date or (notes.date if notes else None)
    if date is None:
        problems.append(
            error(
                Origin(shown),
                "the page states no publication date; "
                f"set 'date:' in annotations/articles/{path.stem}.yml",
            )
        )
        return None
    dated = dataclasses.replace(found, date=date)
    return seed_text(dated), notes_for(dated, None, shown)


def _with_page_notes(found: ArticleNotes | None, notes: ArticleNotes | None) -> ArticleNotes | None:
    if found is None:
        return notes
    from randnotiz.importer.seed import with_written

    return with_written(found, notes)


def _notes_stem(stem: str, text: str, notes_files: dict[str, Path]) -> str | None:
    """An article's YAML is named after its seed file or after its title's slug (see
    ``_own_notes_first`` for a slug that is another seed's name)."""
    if stem in notes_files:
        return stem
    for block in split_blocks(text, limit=4):
        for slug in (short_slug(block.text), slugify(block.text)):
            if slug in notes_files:
                return slug
    return None


def _check_articles(
    articles: list[Article],
    notes_of: dict[str, ArticleNotes],
    notes_by_stem: dict[str, ArticleNotes],
    used: set[str],
    stems: list[str],
) -> list[Problem]:
    problems: list[Problem] = []
    by_id = {article.id: article for article in articles}
    for stem, notes in notes_by_stem.items():
        if stem not in used:
            problems.append(
                error(
                    notes.origin,
                    f"no seed for this file; name it after a seed file{did_you_mean(stem, stems)} "
                    "or after the slug of the article's title",
                )
            )

    def origin(article: Article, key: str) -> Origin:
        notes = notes_of.get(article.source)
        return notes.origin_of(key) if notes else Origin(article.source)

    redirected: dict[str, Article] = {}
    for article in articles:
        for target in article.related:
            if target not in by_id:
                problems.append(
                    error(
                        origin(article, "related"),
                        f"related article '{target}' does not exist{did_you_mean(target, by_id)}",
                    )
                )
        for old in article.redirect_from:
            if old in by_id:
                problems.append(
                    error(
                        origin(article, "redirect_from"),
                        f"'{old}' in redirect_from is the id of {by_id[old].source}; "
                        "a page that is published cannot lead elsewhere: remove it here",
                    )
                )
            elif redirected.setdefault(old, article) is not article:
                problems.append(
                    error(
                        origin(article, "redirect_from"),
                        f"'{old}' in redirect_from is also in the YAML of "
                        f"{redirected[old].source}; an old URL can lead to one article only",
                    )
                )
    return problems
