"""The data export: ``daten/entities.json`` and ``daten/mentions.json``.

For other tools to reuse what the site shows: every entity with the fields
its YAML gave it, and every mention with its article, the paragraph's anchor,
the character span and the sentence around it. The format is versioned
(``"format"``, ``"version"``) and documented in the README; field order is
fixed and nothing depends on the time of the build, so the files change only
when the content does.

Offsets count Unicode code points (Python string indices) into the text of
the block (paragraph, lede or caption) the mention is in, as does the linker.
"""

from __future__ import annotations

import json
from typing import Any

from randnotiz.model import Entity, Mention, Organization, Person, Term
from randnotiz.paths import DocPath
from randnotiz.render.article import article_path
from randnotiz.render.urls import absolute_url
from randnotiz.render.view import SiteView, target_of

DATA = "daten"
ENTITIES_PATH = DocPath(f"{DATA}/entities.json")
MENTIONS_PATH = DocPath(f"{DATA}/mentions.json")
VERSION = 1

JsonObject = dict[str, Any]


def _dump(data: JsonObject) -> str:
    """Indented at the top, one record per line below: small diffs, easy to grep."""

    def value(v: Any) -> str:
        if isinstance(v, list) and v and all(isinstance(item, dict) for item in v):
            return "[\n" + ",\n".join(f"  {_compact(item)}" for item in v) + "\n ]"
        return _compact(v)

    body = ",\n".join(f" {json.dumps(k)}: {value(v)}" for k, v in data.items())
    return "{\n" + body + "\n}\n"


#: One encoder for every record: ``json.dumps`` makes a new one per call, which
#: cost a third of the time of an export with a hundred thousand mentions.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _compact(value: Any) -> str:
    return _ENCODER.encode(value)


def entity_record(view: SiteView, entity: Entity) -> JsonObject:
    """One entity: the common fields, then those of its kind (as named in the YAML)."""
    target = target_of(entity)
    record: JsonObject = {
        "id": entity.id,
        "type": entity.kind.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "summary": entity.summary,
        "description": entity.description,
        "url": absolute_url(view.settings, target.path, target.anchor),
        "links": [{"title": w.title, "url": w.url} for w in entity.links],
        "wikidata": entity.wikidata,
        "see_also": list(entity.see_also),
        "mention_count": len(view.mentions_by_entity.get(entity.id, ())),
    }
    if isinstance(entity, Person):
        record["affiliations"] = [
            {"organization": a.organization, "role": a.role, "since": a.since, "until": a.until}
            for a in entity.affiliations
        ]
    elif isinstance(entity, Organization):
        record |= {
            "kind": entity.org_kind,
            "parent": entity.parent,
            "founded": entity.founded,
            "headquarters": entity.headquarters,
        }
    elif isinstance(entity, Term):
        record["ignore_case"] = entity.ignore_case
    return record


def render_entities(view: SiteView) -> str:
    kb = view.corpus.knowledge
    return _dump(
        {
            "format": "randnotiz-entities",
            "version": VERSION,
            "counts": {
                "person": len(kb.people),
                "organization": len(kb.organizations),
                "term": len(kb.terms),
            },
            "entities": [entity_record(view, e) for e in kb.entities],
        }
    )


def mention_record(view: SiteView, mention: Mention, article_url: str) -> JsonObject:
    """One mention; ``article_url`` is its article's absolute URL, made once per article."""
    block = view.articles[mention.article].blocks[mention.block]
    start, end = mention.sentence
    return {
        "entity": mention.entity,
        "article": mention.article,
        "block": mention.block,
        "anchor": block.anchor,
        "url": f"{article_url}#{block.anchor}" if block.anchor else article_url,
        "span": [mention.start, mention.end],
        "text": block.text[mention.start : mention.end],
        "sentence": {"span": [start, end], "text": block.text[start:end]},
        "linked": mention.linked,
    }


def render_mentions(view: SiteView) -> str:
    articles = view.corpus.articles
    urls = {a.id: absolute_url(view.settings, article_path(a.id)) for a in articles}
    return _dump(
        {
            "format": "randnotiz-mentions",
            "version": VERSION,
            "counts": {"articles": len(articles), "mentions": len(view.corpus.mentions)},
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "date": a.date.isoformat(),
                    "rubric": a.rubric,
                    "url": urls[a.id],
                    "mention_count": len(view.mentions_by_article.get(a.id, ())),
                }
                for a in articles
            ],
            "mentions": [mention_record(view, m, urls[m.article]) for m in view.corpus.mentions],
        }
    )
