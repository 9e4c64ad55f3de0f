"""Lookups every page needs, computed once from the linked corpus.

Rendering 1,000 articles and 2,000 profiles must stay linear, so nothing here
is searched per page: mentions are grouped by article and by entity, and the
relations between entities are collected in one pass each.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from randnotiz.collation import german_key
from randnotiz.config import Settings
from randnotiz.index import surname_of
from randnotiz.model import (
    Article,
    Corpus,
    Entity,
    EntityKind,
    Mention,
    Organization,
    Person,
    PlacedNote,
)
from randnotiz.paths import (
    ARTICLES,
    GLOSSARY,
    ORGANIZATIONS,
    PEOPLE,
    DocPath,
    Slug,
    doc_path,
    relative_link,
)
from randnotiz.render.rawhtml import anchor, text
from randnotiz.render.reads import (
    DERIVED,
    Recorded,
    derived_name,
    recording,
    replay,
    unrecorded,
)
from randnotiz.render.urls import site_href

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Target:
    """Where an entity lives: its own page, or an anchor on the glossary."""

    path: DocPath
    anchor: str | None = None

    def link_from(self, source: DocPath) -> str:
        return relative_link(source, self.path, self.anchor)


def target_of(entity: Entity) -> Target:
    if entity.kind is EntityKind.PERSON:
        return Target(doc_path(PEOPLE, entity.id))
    if entity.kind is EntityKind.ORGANIZATION:
        return Target(doc_path(ORGANIZATIONS, entity.id))
    return Target(doc_path(GLOSSARY), entity.id)


def sort_key(entity: Entity) -> tuple[str, str]:
    """People by surname, everything else by name, in German order."""
    return _sort_key(entity.name, isinstance(entity, Person))


@functools.cache
def _sort_key(name: str, person: bool) -> tuple[str, str]:
    """Remembered: profiles sort their co-mentioned entries, thousands of times the same names."""
    if person:
        return german_key(f"{surname_of(name) or name} {name}")
    return german_key(name)


@dataclass(frozen=True)
class Relation:
    """One line of a profile's "Verbunden mit": who, and how."""

    entity: Slug
    label: str


@dataclass(frozen=True)
class SiteView:
    corpus: Corpus
    settings: Settings
    entities: dict[Slug, Entity]
    articles: dict[Slug, Article]
    mentions_by_article: dict[Slug, tuple[Mention, ...]]
    mentions_by_entity: dict[Slug, tuple[Mention, ...]]
    notes_by_article: dict[Slug, tuple[PlacedNote, ...]]
    members: dict[Slug, tuple[Person, ...]]  # organisation → people affiliated
    children: dict[Slug, tuple[Organization, ...]]  # organisation → sub-organisations
    together: dict[Slug, Counter[Slug]]  # entity → entities in the same paragraphs, with counts
    articles_by_entity: dict[Slug, frozenset[Slug]]  # entity → the articles that mention it
    entities_by_article: dict[Slug, frozenset[Slug]]  # article → the entities it mentions
    cited_by: dict[Slug, tuple[Slug, ...]]  # entity → entities whose see_also names it, in order
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, made once per process for each key.

        Every article that names an entity repeats the same link, hover text
        and list line for it; a large site made them a hundred times over.
        Only pure values of the view go here, so the pages stay the same.
        The keys ``make`` read are kept with the value: a page that uses it
        read them too (see ``reads``).
        """
        try:
            value, reads = self.memo[key]
        except KeyError:
            with recording() as reads:
                value = make()
            self.memo[key] = (value, reads)
            return value
        if reads:
            replay(reads)
        return value  # type: ignore[no-any-return]

    def derived(self, make: Callable[[SiteView], dict[K, V]]) -> Mapping[K, V]:
        """``make(self)``, a lookup made from the whole view once and then read key by key.

        A page that reads one key of it depends on that key's value only, not
        on everything ``make`` read: ``mkdocs serve`` makes the lookup again
        after a save and renders again the pages whose keys changed (see
        ``reads.derived_changes``). So ``make`` takes nothing but the view.
        """
        key = (DERIVED, make)
        try:
            value = self.memo[key][0]
        except KeyError:
            with unrecorded():
                value = make(self)
            self.memo[key] = (value, frozenset())
        return Recorded(value, derived_name(make))

    def entity_link(self, source: DocPath, entity_id: Slug) -> str:
        return target_of(self.entities[entity_id]).link_from(source)

    def entity_href(self, entity_id: Slug) -> str:
        """The entity's URL from the site's root, for links in raw HTML."""
        return self.remembered(("href", entity_id), lambda: self._href(entity_id))

    def entity_anchor(self, entity_id: Slug) -> str:
        """A plain link to the entity with its name, for lists in raw HTML."""
        return anchor(self.entity_href(entity_id), text(self.entities[entity_id].name))

    def _href(self, entity_id: Slug) -> str:
        target = target_of(self.entities[entity_id])
        return site_href(self.settings, target.path, target.anchor)

    def article_href(self, article_id: Slug, anchor: str | None = None) -> str:
        return site_href(self.settings, doc_path(ARTICLES, article_id), anchor)

    def article_entities(self, article_id: Slug) -> list[Entity]:
        """The entities an article mentions, in order of first mention."""
        seen = dict.fromkeys(m.entity for m in self.mentions_by_article.get(article_id, ()))
        return [self.entities[e] for e in seen]


def build_view(corpus: Corpus, settings: Settings) -> SiteView:
    entities = corpus.knowledge.by_id()
    by_article: dict[Slug, list[Mention]] = defaultdict(list)
    by_entity: dict[Slug, list[Mention]] = defaultdict(list)
    by_block: dict[tuple[Slug, int], set[Slug]] = defaultdict(set)
    for m in corpus.mentions:
        by_article[m.article].append(m)
        by_entity[m.entity].append(m)
        by_block[(m.article, m.block)].add(m.entity)
    together: dict[Slug, Counter[Slug]] = defaultdict(Counter)
    for names in by_block.values():
        if len(names) > 1:
            for a in names:
                together[a].update(names)  # counted in C; each name's own count goes below
    for a, counts in together.items():
        del counts[a]
    notes: dict[Slug, list[PlacedNote]] = defaultdict(list)
    for placed in corpus.notes:
        notes[placed.article].append(placed)
    members: dict[Slug, list[Person]] = defaultdict(list)
    for person in corpus.knowledge.people:
        for aff in person.affiliations:
            if person not in members[aff.organization]:
                members[aff.organization].append(person)
    children: dict[Slug, list[Organization]] = defaultdict(list)
    for org in corpus.knowledge.organizations:
        if org.parent:
            children[org.parent].append(org)
    cited_by: dict[Slug, list[Slug]] = defaultdict(list)
    for entity in entities.values():
        for target in dict.fromkeys(entity.see_also):
            cited_by[target].append(entity.id)
    return SiteView(
        corpus=corpus,
        settings=settings,
        entities=entities,
        articles={a.id: a for a in corpus.articles},
        mentions_by_article={k: tuple(v) for k, v in by_article.items()},
        mentions_by_entity={k: tuple(v) for k, v in by_entity.items()},
        notes_by_article={
            k: tuple(sorted(v, key=lambda n: (n.block, n.end))) for k, v in notes.items()
        },
        members={k: tuple(sorted(v, key=sort_key)) for k, v in members.items()},
        children={k: tuple(sorted(v, key=sort_key)) for k, v in children.items()},
        together=dict(together),
        articles_by_entity={k: frozenset(m.article for m in v) for k, v in by_entity.items()},
        entities_by_article={k: frozenset(m.entity for m in v) for k, v in by_article.items()},
        cited_by={k: tuple(v) for k, v in cited_by.items()},
    )
