"""schema.org JSON-LD for article and profile pages.

Search engines and other tools read who an article is about from a
``<script type="application/ld+json">`` in the page's head. The JSON travels
in the page's front matter (``jsonld``) and the theme writes it into the
head (``randnotiz/theme/main.html``), so it stays out of the article's
content and out of the search index.

Only a small part of the vocabulary is used (``NewsArticle``, ``Person``,
``Organization``, ``DefinedTerm``, ``WebPage``, ``Place``, ``OrganizationRole``);
the tests keep the same list of types and properties.

Dated affiliations use schema.org's role pattern: the value of ``affiliation``
(or ``member``) is an ``OrganizationRole`` that holds the organisation (or
person) under the same property, with ``roleName``, ``startDate`` and
``endDate``. Events are not in the JSON-LD: schema.org has no property for
"what happened to this person", and its ``Event`` is something one attends.

The JSON ends up inside a script element, so ``<``, ``>`` and ``&`` are
escaped as ``\\u003c`` and friends: no text from a seed or a YAML file can
close the element or open another.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from randnotiz.model import (
    Affiliation,
    Article,
    BlockKind,
    Entity,
    EntityKind,
    Organization,
    Person,
)
from randnotiz.paths import Slug
from randnotiz.render.article import article_path
from randnotiz.render.markdown import one_line
from randnotiz.render.urls import absolute_url
from randnotiz.render.view import SiteView, target_of

CONTEXT = "https://schema.org"
SCHEMA_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.TERM: "DefinedTerm",
}
#: Characters that could end or confuse a ``<script>`` block, and their JSON escapes.
#: Replaced one after another with ``str.replace``: ``str.translate`` looks up every
#: character of non-ASCII text in its table and was ten times slower here.
_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)

JsonObject = dict[str, Any]


def script_json(data: JsonObject) -> str:
    """JSON on one line that is safe inside ``<script>`` as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_SAFE:
        text = text.replace(char, escaped)
    return text


def same_as(entity: Entity) -> list[str]:
    """Wikipedia articles from ``links`` and the Wikidata item: the same thing elsewhere.

    Other links (news, company pages) are sources about the entity, not the
    entity itself, so they are left out.
    """
    urls = [w.url for w in entity.links if _is_wikipedia(w.url)]
    if entity.wikidata:
        urls.append(f"https://www.wikidata.org/wiki/{entity.wikidata}")
    return list(dict.fromkeys(urls))


def _is_wikipedia(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "wikipedia.org" or host.endswith(".wikipedia.org")


def entity_id(view: SiteView, entity: Entity) -> str:
    """The node id: the profile's URL with the kind as fragment, the glossary anchor for terms."""
    target = target_of(entity)
    if target.anchor:
        return absolute_url(view.settings, target.path, target.anchor)
    return absolute_url(view.settings, target.path, entity.kind.value)


def entity_ref(view: SiteView, entity: Entity) -> JsonObject:
    """What an article says about an entity it names: enough to identify it.

    The same object for every page of a process: it is only ever serialised.
    """
    return view.remembered(_entity_ref, entity.id)


def _entity_ref(view: SiteView, slug: Slug) -> JsonObject:
    entity = view.entities[slug]
    target = target_of(entity)
    ref: JsonObject = {
        "@type": SCHEMA_TYPES[entity.kind],
        "@id": entity_id(view, entity),
        "name": entity.name,
        "url": absolute_url(view.settings, target.path, target.anchor),
    }
    if links := same_as(entity):
        ref["sameAs"] = links
    return ref


def about_and_mentions(view: SiteView, article: Article) -> tuple[list[Entity], list[Entity]]:
    """People and organisations named in the lede are what it is about; it mentions the rest.

    The lede is the article's own summary, so whoever it names is the subject.
    Without a name in the lede, the person or organisation named most often is.
    """
    entities = view.article_entities(article.id)
    lede_blocks = {n for n, b in enumerate(article.blocks) if b.kind is BlockKind.LEDE}
    mentions = view.mentions_by_article.get(article.id, ())
    actors = (EntityKind.PERSON, EntityKind.ORGANIZATION)
    in_lede = {m.entity for m in mentions if m.block in lede_blocks}
    about = [e for e in entities if e.id in in_lede and e.kind in actors]
    if not about:
        counts: dict[str, int] = {}
        for m in mentions:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(
            (e for e in entities if e.kind in actors), key=lambda e: (-counts[e.id], e.id)
        )
        about = ranked[:1]
    return about, [e for e in entities if e not in about]


def article_data(view: SiteView, article: Article) -> JsonObject:
    settings = view.settings
    url = absolute_url(settings, article_path(article.id))
    data: JsonObject = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title,
        "description": one_line(article.lede),
        "datePublished": article.date.isoformat(),
        "inLanguage": settings.language,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {
            "@type": "Organization",
            "name": settings.site_name,
            "url": absolute_url(settings),
        },
    }
    if article.rubric:
        data["articleSection"] = article.rubric
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.original is not None and article.original.url:
        data["isBasedOn"] = article.original.url  # the page it was imported from
    about, mentioned = about_and_mentions(view, article)
    if about:
        data["about"] = [entity_ref(view, e) for e in about]
    if mentioned:
        data["mentions"] = [entity_ref(view, e) for e in mentioned]
    return data


def profile_data(view: SiteView, entity: Person | Organization) -> JsonObject:
    settings = view.settings
    url = absolute_url(settings, target_of(entity).path)
    data: JsonObject = {
        "@context": CONTEXT,
        "@type": SCHEMA_TYPES[entity.kind],
        "@id": entity_id(view, entity),
        "name": entity.name,
        "description": one_line(entity.summary),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if links := same_as(entity):
        data["sameAs"] = links
    if isinstance(entity, Person):
        if entity.affiliations:
            data["affiliation"] = [
                role(aff, "affiliation", entity_ref(view, view.entities[aff.organization]))
                for aff in entity.affiliations
            ]
    else:
        if entity.founded:
            data["foundingDate"] = entity.founded.isoformat()
        if entity.headquarters:
            data["location"] = {"@type": "Place", "name": entity.headquarters}
        if entity.parent:
            data["parentOrganization"] = entity_ref(view, view.entities[entity.parent])
        if children := view.children.get(entity.id):
            data["subOrganization"] = [entity_ref(view, c) for c in children]
        if members := view.members.get(entity.id):
            data["member"] = [
                role(aff, "member", entity_ref(view, person))
                for person in members
                for aff in person.affiliations
                if aff.organization == entity.id
            ]
    return data


def role(aff: Affiliation, prop: str, ref: JsonObject) -> JsonObject:
    """An ``OrganizationRole`` holding ``ref`` under ``prop``, with the role and its dates."""
    data: JsonObject = {"@type": "OrganizationRole", prop: ref}
    if aff.role:
        data["roleName"] = aff.role
    if aff.since:
        data["startDate"] = aff.since.isoformat()
    if aff.until:
        data["endDate"] = aff.until.isoformat()
    return data


def article_jsonld(view: SiteView, article: Article) -> str:
    return script_json(article_data(view, article))


def profile_jsonld(view: SiteView, entity: Person | Organization) -> str:
    return script_json(profile_data(view, entity))
