"""Lookups every page needs, computed once from the linked corpus.

Rendering 1,000 articles and 2,000 profiles must stay linear, so nothing here
is searched per page: mentions are grouped by article and by entity, and the
relations between entities are collected in one pass each.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
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
    KnowledgeBase,
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
from randnotiz.render.reads import MEMO, Recorded, note, remember
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

    def remembered(self, make: Callable[..., T], *args: Hashable) -> T:
        """``make(self, *args)``, made once for each ``(make, *args)``.

        Every article that names an entity repeats the same link, hover text
        and list line for it; a large site made them a hundred times over.
        ``make`` reads everything but ``args`` from the view (an id, not the
        entity: the entry is kept while what it read stays the same, see
        ``reads``), and only pure values of the view go here, so the pages stay
        the same.
        """
        key = (make, *args)
        entry = self.memo.get(key)
        if entry is None:
            entry = self.memo[key] = remember(make, self, args, keyed=False)
        note((MEMO, key))
        return entry.value  # type: ignore[no-any-return]

    def derived(self, make: Callable[[SiteView], dict[K, V]]) -> Mapping[K, V]:
        """``make(self)``, a lookup made from the whole view once and then read key by key.

        A page that reads one key of it depends on that key's value only, not
        on everything ``make`` read: ``mkdocs serve`` makes the lookup again
        after a save that changed what it read and renders again the pages
        whose keys changed (see ``reads.carry_over``). So ``make`` takes
        nothing but the view.
        """
        key = (make,)
        entry = self.memo.get(key)
        if entry is None:
            entry = self.memo[key] = remember(make, self, (), keyed=True)
        return Recorded(entry.value, key)

    def entity_link(self, source: DocPath, entity_id: Slug) -> str:
        return target_of(self.entities[entity_id]).link_from(source)

    def entity_href(self, entity_id: Slug) -> str:
        """The entity's URL from the site's root, for links in raw HTML."""
        return self.remembered(SiteView._href, entity_id)

    def entity_anchor(self, entity_id: Slug) -> str:
        """A plain link to the entity with its name, for lists in raw HTML."""
        return self.remembered(SiteView._anchor, entity_id)

    def _anchor(self, entity_id: Slug) -> str:
        return anchor(self.entity_href(entity_id), text(self.entities[entity_id].name))

    def _href(self, entity_id: Slug) -> str:
        target = target_of(self.entities[entity_id])
        return site_href(self.settings, target.path, target.anchor)

    def article_href(self, article_id: Slug, anchor: str | None = None) -> str:
        return site_href(self.settings, doc_path(ARTICLES, article_id), anchor)

    def article_ids(self) -> tuple[Slug, ...]:
        """The ids of the articles, newest first: what a page listing them all depends
        on, besides what it shows of each (an edited paragraph changes neither)."""
        return self.remembered(SiteView._article_ids)

    def _article_ids(self) -> tuple[Slug, ...]:
        return tuple(self.articles)

    def article_entities(self, article_id: Slug) -> list[Entity]:
        """The entities an article mentions, in order of first mention."""
        seen = dict.fromkeys(m.entity for m in self.mentions_by_article.get(article_id, ()))
        return [self.entities[e] for e in seen]


def build_view(corpus: Corpus, settings: Settings) -> SiteView:
    return SiteView(
        corpus=corpus,
        settings=settings,
        **_knowledge_lookups(corpus.knowledge),
        **_mention_lookups(corpus),
    )


def updated_view(
    before: SiteView, corpus: Corpus, settings: Settings, changed: Collection[Slug]
) -> SiteView:
    """``build_view(corpus, settings)``, made from ``before``: the view of a corpus whose
    articles differ from these only in ``changed`` (the ids of articles added, removed,
    or read or linked again) and whose knowledge base may differ.

    ``mkdocs serve`` makes the view after every save, which changes one article or
    the knowledge base: in full that took 0.3 s for 1,000 articles, most of it
    grouping their 90,000 mentions. ``tests/test_view.py`` compares the two.
    """
    if corpus.knowledge is before.corpus.knowledge:
        knowledge = {name: getattr(before, name) for name in _KNOWLEDGE_FIELDS}
    else:
        knowledge = _knowledge_lookups(corpus.knowledge)
    if changed:
        mentions = _updated_mention_lookups(before, corpus, set(changed))
    else:
        mentions = {name: getattr(before, name) for name in _MENTION_FIELDS}
        mentions["articles"] = {a.id: a for a in corpus.articles}
    return SiteView(corpus=corpus, settings=settings, **knowledge, **mentions)


_KNOWLEDGE_FIELDS = ("entities", "members", "children", "cited_by")
_MENTION_FIELDS = (
    "articles",
    "mentions_by_article",
    "mentions_by_entity",
    "notes_by_article",
    "together",
    "articles_by_entity",
    "entities_by_article",
)


def _knowledge_lookups(kb: KnowledgeBase) -> dict[str, Any]:
    members: dict[Slug, list[Person]] = defaultdict(list)
    for person in kb.people:
        for aff in person.affiliations:
            if person not in members[aff.organization]:
                members[aff.organization].append(person)
    children: dict[Slug, list[Organization]] = defaultdict(list)
    for org in kb.organizations:
        if org.parent:
            children[org.parent].append(org)
    entities = kb.by_id()
    cited_by: dict[Slug, list[Slug]] = defaultdict(list)
    for entity in entities.values():
        for target in dict.fromkeys(entity.see_also):
            cited_by[target].append(entity.id)
    return {
        "entities": entities,
        "members": {k: tuple(sorted(v, key=sort_key)) for k, v in members.items()},
        "children": {k: tuple(sorted(v, key=sort_key)) for k, v in children.items()},
        "cited_by": {k: tuple(v) for k, v in cited_by.items()},
    }


def _mention_lookups(corpus: Corpus) -> dict[str, Any]:
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
    return {
        "articles": {a.id: a for a in corpus.articles},
        "mentions_by_article": {k: tuple(v) for k, v in by_article.items()},
        "mentions_by_entity": {k: tuple(v) for k, v in by_entity.items()},
        "notes_by_article": _notes_by_article(corpus.notes),
        "together": dict(together),
        "articles_by_entity": {k: frozenset(m.article for m in v) for k, v in by_entity.items()},
        "entities_by_article": {k: frozenset(m.entity for m in v) for k, v in by_article.items()},
    }


def _notes_by_article(notes: Iterable[PlacedNote]) -> dict[Slug, tuple[PlacedNote, ...]]:
    by_article: dict[Slug, list[PlacedNote]] = defaultdict(list)
    for placed in notes:
        by_article[placed.article].append(placed)
    return {k: tuple(sorted(v, key=lambda n: (n.block, n.end))) for k, v in by_article.items()}


def _updated_mention_lookups(
    before: SiteView, corpus: Corpus, changed: set[Slug]
) -> dict[str, Any]:
    """The lookups of ``_mention_lookups(corpus)``, made from those of ``before``.

    The articles not in ``changed`` keep their values; an entity's values are
    made again when a changed article names it, before or now: the lookups of
    the changed articles' old mentions are taken out, those of their new ones
    put in.
    """
    stale = _mention_lookups(
        Corpus(
            (),
            corpus.knowledge,
            tuple(m for a in changed for m in before.mentions_by_article.get(a, ())),
        )
    )
    fresh = _mention_lookups(
        Corpus(
            (),
            corpus.knowledge,
            tuple(m for m in corpus.mentions if m.article in changed),
            tuple(n for n in corpus.notes if n.article in changed),
        )
    )
    articles = {a.id: a for a in corpus.articles}

    def by_article(field: str) -> dict[Slug, Any]:
        """One of the lookups by article, in the order of the articles."""
        old, new = getattr(before, field), fresh[field]
        return {
            a: value
            for a in articles
            if (value := (new if a in changed else old).get(a)) is not None
        }

    position = {a: n for n, a in enumerate(articles)}
    mentions_by_entity = dict(before.mentions_by_entity)
    articles_by_entity = dict(before.articles_by_entity)
    for entity in stale["mentions_by_entity"].keys() | fresh["mentions_by_entity"].keys():
        kept = [m for m in before.mentions_by_entity.get(entity, ()) if m.article not in changed]
        merged = kept + list(fresh["mentions_by_entity"].get(entity, ()))
        merged.sort(key=lambda m: position[m.article])  # stable: each article's in its order
        if merged:
            mentions_by_entity[entity] = tuple(merged)
            articles_by_entity[entity] = frozenset(m.article for m in merged)
        else:
            del mentions_by_entity[entity], articles_by_entity[entity]
    together = dict(before.together)
    for entity in stale["together"].keys() | fresh["together"].keys():
        counts = Counter(together.get(entity, ()))
        counts.update(fresh["together"].get(entity, ()))
        counts.subtract(stale["together"].get(entity, ()))
        counts = +counts  # only the names still named together with it
        if counts:
            together[entity] = counts
        else:
            together.pop(entity, None)
    return {
        "articles": articles,
        "mentions_by_article": by_article("mentions_by_article"),
        "mentions_by_entity": mentions_by_entity,
        "notes_by_article": by_article("notes_by_article"),
        "together": together,
        "articles_by_entity": articles_by_entity,
        "entities_by_article": by_article("entities_by_article"),
    }
