"""Generation for ``mkdocs serve``: the last good build stays in memory; a save redoes its part.

``build`` reads, links and renders everything: 5 s for 1,000 articles on two
cores. A save changes one file, so here each stage keeps what it made and
redoes only what that file can change. Everything runs in this process
(``parallel.here_only``): what a helper process read or rendered would be
forgotten with it.

- read: a seed (with its YAML) or a list of people, organisations or terms is
  read again when its size, times or inode changed. A file changed in the
  last second is not remembered at all: timestamps are coarse, and a second
  save within the same tick would look like no change (git's "racy clean").
- index: made again when the knowledge base was read again (30 ms).
- link: an article is linked again when it was read again, or when the index
  changed at a name whose first word its text contains.
- render: the lookups all pages share (``SiteView``) are made again and
  compared with the last ones; a page is rendered again when the
  arguments of its job changed, when it read a key of the lookups that changed
  (``render/reads.py`` notes them while it renders), or when its file in
  ``docs/`` is no longer the one written.
- write: as ``build`` does (``write.py``): files whose bytes changed, and the
  manifest; pages no longer produced are removed.

The result is the same as ``build``'s, byte for byte: ``tests/test_live.py``
compares the two after sequences of saves of every kind. On an error nothing
is written and the last good state is kept, as ``build`` keeps ``docs/``.
"""

from __future__ import annotations

import functools
import gc
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from randnotiz.build import BuildResult, gathered, link_all
from randnotiz.config import Project, Settings, load_project
from randnotiz.cycles import without_cycle_collection
from randnotiz.freshness import forget
from randnotiz.index import NameIndex, build_index
from randnotiz.link import LinkedArticle
from randnotiz.model import Article, Entity, KnowledgeBase
from randnotiz.parallel import here_only
from randnotiz.paths import DocPath, Slug
from randnotiz.problems import has_errors
from randnotiz.read import ArticleRead, read_article, read_sources
from randnotiz.read.annotations import (
    GLOSSARY_FILE,
    ORGANIZATIONS_FILE,
    PEOPLE_FILE,
    ListRead,
    LoadResult,
    load_knowledge,
    read_list,
)
from randnotiz.render import site_jobs
from randnotiz.render.reads import (
    Key,
    carry_over,
    changes,
    paths_read,
    recording,
    untracked_changed,
    watched,
)
from randnotiz.render.view import SiteView, build_view, updated_view
from randnotiz.write import begin, conflicts, finish, locked, write_page

#: A file's size, modification and change times and inode: any write changes one of them.
Stamp = tuple[int, int, int, int]
#: Files changed this recently (ns) are not remembered: a timestamp tick is coarse.
RACY = 1_000_000_000
LISTS = (PEOPLE_FILE, ORGANIZATIONS_FILE, GLOSSARY_FILE)


def _stamps(folders: Iterable[Path]) -> dict[Path, Stamp]:
    out: dict[Path, Stamp] = {}
    todo = [f for f in folders if f.is_dir()]
    while todo:
        with os.scandir(todo.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    todo.append(Path(entry.path))
                elif entry.is_file():
                    st = entry.stat()
                    out[Path(entry.path)] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return out


class _Reads:
    """What each file read last time gave, by the stamps of the files it came from."""

    def __init__(self) -> None:
        self.articles: dict[Path, tuple[tuple[object, ...], ArticleRead]] = {}
        self.knowledge: tuple[tuple[object, ...], LoadResult] | None = None
        self.last_knowledge: KnowledgeBase | None = None  # the knowledge base last read
        self.lists: dict[str, tuple[Stamp, ListRead]] = {}
        self.stamps: dict[Path, Stamp] = {}
        self.taken = 0  # when the stamps were taken, ns
        self.names: tuple[str, ...] = ()  # the files of articles/, as last seen
        self.names_of: dict[str, Path] | None = None

    def look(self, project: Project) -> None:
        """Take the stamps of every input, before anything is read."""
        self.taken = time.time_ns()
        self.stamps = _stamps((project.seeds, project.annotations))

    def _names(self, notes_files: dict[str, Path]) -> tuple[str, ...]:
        """The names of the files of ``articles/``: the same tuple while they stay the same,
        so that every seed's key compares them at once."""
        if notes_files is not self.names_of:
            names = tuple(notes_files)
            self.names = self.names if names == self.names else names
            self.names_of = notes_files
        return self.names

    def _settled(self, *stamps: Stamp | None) -> bool:
        """Whether no stamp is so recent that a later write could leave it as it is."""
        return all(s is None or max(s[1], s[2]) < self.taken - RACY for s in stamps)

    def read_article(
        self, path: Path, project: Project, notes_files: dict[str, Path]
    ) -> ArticleRead:
        names = self._names(notes_files)
        known = self.articles.get(path)
        if known is not None:
            key, read = known
            notes = notes_files.get(read.notes_stem) if read.notes_stem else None
            if key == (self.stamps.get(path), names, notes and self.stamps.get(notes)):
                return read
        read = read_article(path, project, notes_files)
        notes = notes_files.get(read.notes_stem) if read.notes_stem else None
        key = (self.stamps.get(path), names, notes and self.stamps.get(notes))
        known_files = key[0] is not None and (notes is None or key[2] is not None)
        if known_files and self._settled(key[0], key[2]):
            self.articles[path] = (key, read)
        else:
            self.articles.pop(path, None)
        return read

    def load_knowledge(self, annotations: Path, root: Path) -> LoadResult:
        others = (
            tuple(sorted(p.name for p in annotations.iterdir())) if annotations.is_dir() else ()
        )
        key = (*(self.stamps.get(annotations / name) for name in LISTS), others)
        if self.knowledge is not None and self.knowledge[0] == key:
            return self.knowledge[1]
        loaded = load_knowledge(annotations, root, self.read_list)
        loaded = LoadResult(_interned(loaded.knowledge, self.last_knowledge), loaded.problems)
        self.last_knowledge = loaded.knowledge
        self.knowledge = (key, loaded) if self._settled(*key[:3]) else None
        return loaded

    def read_list(self, annotations: Path, root: Path, name: str) -> ListRead:
        """One list, read again only when its file changed: a save changes one of them."""
        stamp = self.stamps.get(annotations / name)
        known = self.lists.get(name)
        if known is not None and stamp is not None and known[0] == stamp:
            return known[1]
        read = read_list(annotations, root, name)
        if stamp is not None and self._settled(stamp):
            self.lists[name] = (stamp, read)
        else:
            self.lists.pop(name, None)
        return read


def _interned(knowledge: KnowledgeBase, before: KnowledgeBase | None) -> KnowledgeBase:
    """``knowledge`` with each entry equal to one of ``before`` replaced by that one.

    A save changes one entry of a list, and the list is read again whole: with
    the others the same objects as before, comparing them later is a glance
    at their identity (comparing 2,000 entries field by field took a tenth of
    a second, and was done several times). Their origins, which are not
    compared, are the old ones; the messages about them were made before.
    """
    if before is None:
        return knowledge
    known = {(type(e), e.id): e for e in before.entities}

    def same(entity: Entity) -> Entity:
        old = known.get((type(entity), entity.id))
        return old if old is not None and old == entity else entity

    return KnowledgeBase(
        tuple(map(same, knowledge.people)),  # type: ignore[arg-type]
        tuple(map(same, knowledge.organizations)),  # type: ignore[arg-type]
        tuple(map(same, knowledge.terms)),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class _Page:
    """What a page was made from, and the file it became."""

    call: tuple[object, ...]  # the render function and its arguments other than the lookups
    reads: frozenset[Key]
    file: tuple[int, int] | None  # size and modification time in docs/


@dataclass(frozen=True)
class _Site:
    """The lookups of a linked corpus and the jobs rendering its pages from them."""

    view: SiteView  # plain, to compare with the next
    watched: SiteView  # the view the pages read, with what they made from it in its memo
    jobs: list[tuple[DocPath, Callable[[], str]]]  # reading the watched lookups
    calls: list[tuple[object, ...]]  # see _call

    @classmethod
    def of(cls, view: SiteView) -> _Site:
        lookup = watched(view, "view")
        jobs = site_jobs(lookup)
        return cls(view, lookup, jobs, [_call(job, lookup) for _, job in jobs])


@dataclass(frozen=True)
class _State:
    """The last good build."""

    settings: Settings
    knowledge: KnowledgeBase
    index: NameIndex
    linked: tuple[LinkedArticle, ...]
    site: _Site
    pages: dict[DocPath, _Page]

    @functools.cached_property
    def by_source(self) -> dict[str, LinkedArticle]:
        return {a.article.source: a for a in self.linked}


class Live:
    """The generation step of one ``mkdocs serve`` process, for the project at ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.reads = _Reads()
        self.state: _State | None = None
        #: Each article's text in lower case, by source file, with the article it is of.
        self.texts: dict[str, tuple[Article, str]] = {}

    def update(self) -> BuildResult:
        """``build(root)``, redoing only what changed since the last good update."""
        first = self.state is None
        with without_cycle_collection(), here_only():
            result = self._update()
            if first and result.ok:
                # Most of what the first update made lives as long as the server: keep
                # the collector from going through its millions of objects again and
                # again. Later updates replace only parts of it, freed as they go.
                gc.freeze()
            return result

    def _update(self) -> BuildResult:
        project, problems = load_project(self.root)
        state = self.state
        if state is not None and state.settings != project.settings:
            self.reads, state = _Reads(), None  # mkdocs.yml changed: start afresh
        self.reads.look(project)
        sources = read_sources(project, self.reads.read_article, self.reads.load_knowledge)
        knowledge = sources.knowledge
        same_knowledge = state is not None and state.knowledge is knowledge
        index = state.index if state is not None and same_knowledge else build_index(knowledge)
        linked = self._link(state, sources.articles, index, project)
        result = gathered(project, problems, sources, index, linked)
        if has_errors(result.problems):
            return BuildResult(result.problems, None, result)
        if state is None:
            site = _Site.of(build_view(result.corpus, project.settings))
        elif same_knowledge and _same_items(state.linked, linked):
            site = state.site
        else:
            changed = _changed_articles(state.linked, linked)
            view = updated_view(state.site.view, result.corpus, project.settings, changed)
            site = _Site.of(view)
        docs = project.docs
        paths = [path for path, _ in site.jobs]
        with locked(docs):  # see write.py: the order of calls keeps docs/ safe to kill
            clashes = conflicts(docs, paths, project.shown(docs))
            if clashes:
                return BuildResult((*result.problems, *clashes), None, result)
            forget(self.root)  # docs/ changes: mkdocs build must not skip a generation
            begin(docs, paths)
            todo = self._todo(state, site, docs)
            made = iter(
                [
                    _render_and_write(docs, path, job)
                    for (path, job), do in zip(site.jobs, todo, strict=True)
                    if do
                ]
            )
            pages: dict[DocPath, _Page] = {}
            written: list[bool] = []
            for path, call, do in zip(paths, site.calls, todo, strict=True):
                if do:
                    was_written, reads, file = next(made)
                    pages[path] = _Page(call, reads, file)
                    written.append(was_written)
                else:
                    assert state is not None
                    pages[path] = state.pages[path]
                    written.append(False)
            report = finish(docs, paths, written)
        self.state = _State(project.settings, knowledge, index, linked, site, pages)
        return BuildResult(result.problems, report, result)

    def _link(
        self,
        state: _State | None,
        articles: tuple[Article, ...],
        index: NameIndex,
        project: Project,
    ) -> tuple[LinkedArticle, ...]:
        """Every article linked: those the change cannot touch as they were."""
        old = state.by_source if state is not None else {}
        names = _changed_names(state.index, index) if state is not None else None
        texts = self.texts

        def reusable(article: Article) -> bool:
            known = old.get(article.source)
            if known is None or not (known.article is article or known.article == article):
                return False
            if names is None:
                return False
            if not names:
                return True
            known_text = texts.get(article.source)
            if known_text is None or known_text[0] is not article:
                text = "\n".join(b.text for b in article.blocks).lower()
                texts[article.source] = (article, text)
            else:
                text = known_text[1]
            return not any(name in text for name in names)

        keep = [reusable(a) for a in articles]
        fresh = iter(
            link_all(
                [a for a, k in zip(articles, keep, strict=True) if not k],
                index,
                project.settings.link,
            )
        )
        return tuple(
            old[a.source] if k else next(fresh) for a, k in zip(articles, keep, strict=True)
        )

    def _todo(self, state: _State | None, site: _Site, docs: Path) -> list[bool]:
        """For each page, whether it must be rendered again."""
        paths = [path for path, _ in site.jobs]
        if state is None:
            return [True] * len(paths)
        old = state.site
        if site is old:
            changed: set[Key] = set()
        elif untracked_changed(old.view, site.view):
            return [True] * len(paths)
        else:
            changed = changes(old.view, site.view, "view", paths_read)
            changed = carry_over(old.watched.memo, site.watched, changed)
        out = []
        for path, call in zip(paths, site.calls, strict=True):
            page = state.pages.get(path)
            out.append(
                page is None
                or not _same_call(page.call, call)
                or not page.reads.isdisjoint(changed)
                or page.file != _file(docs / path)
            )
        return out


def _same_items(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _changed_articles(
    before: tuple[LinkedArticle, ...], after: tuple[LinkedArticle, ...]
) -> set[Slug]:
    """The ids of the articles linked anew, and of those no longer there."""
    kept = {id(a) for a in before} & {id(a) for a in after}
    return {a.article.id for a in (*before, *after) if id(a) not in kept}


def _changed_names(old: NameIndex, new: NameIndex) -> set[str] | None:
    """The first words (lower case) of the names whose entries differ; None: link everything.

    The linker looks a name up only from its first word (or that word with an
    ending), so an article whose text lacks every such word links as before.
    """
    if old is new:
        return set()
    if old.all_endings != new.all_endings:
        return None
    before, after = old.claims_by_form, new.claims_by_form
    return {
        key[0].lower() for key in before.keys() | after.keys() if before.get(key) != after.get(key)
    }


def _call(job: Callable[[], str], lookup: SiteView) -> tuple[object, ...]:
    """What a job renders from, besides the lookups: its function and other arguments."""
    if not isinstance(job, partial):
        return (job,)
    args = tuple(a for a in job.args if a is not lookup)
    return (job.func, args, tuple(sorted(job.keywords.items())))


def _same_call(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    if len(a) == 1 or len(b) == 1:
        return False  # not a partial: nothing to compare, render again
    return (
        a[0] is b[0]
        and len(a[1]) == len(b[1])
        and all(x is y or x == y for x, y in zip(a[1], b[1], strict=True))
        and a[2] == b[2]
    )


def _file(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _render_and_write(
    docs: Path, path: DocPath, job: Callable[[], str]
) -> tuple[bool, frozenset[Key], tuple[int, int] | None]:
    """Render a page noting what it reads, write it if it changed; what became of it."""
    with recording() as reads:
        text = job()
    written = write_page(docs, path, text.encode("utf-8"))
    return written, frozenset(reads), _file(docs / path)


_live: dict[Path, Live] = {}


def update(root: Path) -> BuildResult:
    """The generation step for ``mkdocs serve``; the process keeps one ``Live`` per project."""
    root = root.resolve()
    if root not in _live:
        _live.clear()
        _live[root] = Live(root)
    return _live[root].update()
