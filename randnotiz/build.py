"""The pipeline: read, index, link, render, write, in that order and nothing else.

Everything is gathered and checked before the first byte is written, so a
mistake anywhere leaves ``docs/`` exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from randnotiz.config import Project, load_project
from randnotiz.cycles import without_cycle_collection
from randnotiz.freshness import forget, inputs_digest, record
from randnotiz.index import NameIndex, build_index
from randnotiz.link import LinkedArticle, Unresolved, link_article
from randnotiz.model import Article, Corpus, LinkPolicy, Mention, PlacedNote
from randnotiz.parallel import run_all
from randnotiz.paths import DocPath, Slug
from randnotiz.problems import Problem, error, has_errors, sort_problems
from randnotiz.read import Sources, read_sources
from randnotiz.render import page_jobs
from randnotiz.write import WriteReport, begin, conflicts, finish, locked, write_page


@dataclass(frozen=True)
class Linked:
    """The outcome of the first three stages, shared by ``build`` and ``check``."""

    project: Project
    sources: Sources
    index: NameIndex
    articles: tuple[LinkedArticle, ...]
    problems: tuple[Problem, ...]

    @property
    def corpus(self) -> Corpus:
        return Corpus(
            articles=self.sources.articles,
            knowledge=self.sources.knowledge,
            mentions=tuple(m for a in self.articles for m in a.mentions),
            notes=tuple(n for a in self.articles for n in a.notes),
        )


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    report: WriteReport | None  # None when nothing was written
    linked: Linked

    @property
    def ok(self) -> bool:
        return self.report is not None


#: A mention without its article's id: (entity, block, start, end, sentence, linked).
MentionFields = tuple[Slug, int, int, int, tuple[int, int], bool]


@dataclass(frozen=True)
class _Findings:
    """What linking found in one article, without the article: what a helper
    process sends back. Mentions travel as plain tuples, which pickle in C
    (as objects, their pickling took a quarter of a linking helper's time);
    notes as their number in ``article.notes``: the article's notes are here
    already, and sending them again cost as much as sending every mention."""

    mentions: tuple[MentionFields, ...]
    placed: tuple[tuple[int, int, int, int], ...]  # (note number, block, start, end)
    unresolved: tuple[Unresolved, ...]
    missing: tuple[int, ...]  # numbers of the notes whose quote is not in the text


def _link_findings(article: Article, index: NameIndex, policy: LinkPolicy) -> _Findings:
    linked = link_article(article, index, policy)
    number = {id(note): n for n, note in enumerate(article.notes)}
    return _Findings(
        tuple((m.entity, m.block, m.start, m.end, m.sentence, m.linked) for m in linked.mentions),
        tuple((number[id(p.note)], p.block, p.start, p.end) for p in linked.notes),
        linked.unresolved,
        tuple(number[id(note)] for note in linked.missing_notes),
    )


def _linked(article: Article, found: _Findings) -> LinkedArticle:
    notes = article.notes
    at = article.id
    return LinkedArticle(
        article,
        tuple(
            Mention(entity, at, block, start, end, sentence, linked)
            for entity, block, start, end, sentence, linked in found.mentions
        ),
        tuple(PlacedNote(notes[n], at, b, s, e) for n, b, s, e in found.placed),
        found.unresolved,
        tuple(notes[n] for n in found.missing),
    )


def read_and_link(root: Path) -> Linked:
    project, problems = load_project(root)
    sources = read_sources(project)
    index = build_index(sources.knowledge)
    articles = link_all(sources.articles, index, project.settings.link)
    return gathered(project, problems, sources, index, articles)


def link_all(
    articles: Sequence[Article], index: NameIndex, policy: LinkPolicy
) -> tuple[LinkedArticle, ...]:
    """Every article linked, on every core for a large archive."""
    found = run_all([partial(_link_findings, a, index, policy) for a in articles])
    return tuple(_linked(a, f) for a, f in zip(articles, found, strict=True))


def gathered(
    project: Project,
    problems: Sequence[Problem],
    sources: Sources,
    index: NameIndex,
    articles: tuple[LinkedArticle, ...],
) -> Linked:
    """The linked corpus with every problem found: those of reading and of the notes'
    quotes the linker did not find in their articles."""
    found = [*problems, *sources.problems]
    for linked in articles:
        for note in linked.missing_notes:
            found.append(
                error(
                    note.origin,
                    f"note quote '{note.quote}' is not in {linked.article.source}; "
                    "copy the exact words from the article's text",
                )
            )
    return Linked(project, sources, index, articles, tuple(sort_problems(found)))


def _render_and_write(docs: Path, path: DocPath, render: Callable[[], str]) -> bool:
    """Render one page and write it if it changed; whether it was written.

    Run in a helper process, the page is written there: a thousand articles make
    over a hundred megabytes, which would otherwise travel back to be written here.
    """
    return write_page(docs, path, render().encode("utf-8"))


def build(root: Path) -> BuildResult:
    """Generate ``docs/`` from ``seeds/`` and ``annotations/`` unless something is wrong."""
    with without_cycle_collection():
        return _build(root)


def _build(root: Path) -> BuildResult:
    inputs = inputs_digest(root)
    linked = read_and_link(root)
    if has_errors(linked.problems):
        return BuildResult(linked.problems, None, linked)
    project = linked.project
    jobs = page_jobs(linked.corpus, project.settings)
    paths = [path for path, _ in jobs]
    with locked(project.docs):
        clashes = conflicts(project.docs, paths, project.shown(project.docs))
        if clashes:
            return BuildResult((*linked.problems, *clashes), None, linked)
        forget(root)
        begin(project.docs, paths)
        written = run_all([partial(_render_and_write, project.docs, *job) for job in jobs])
        report = finish(project.docs, paths, written)
        record(root, inputs)
    return BuildResult(linked.problems, report, linked)
