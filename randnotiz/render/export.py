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
from dataclasses import dataclass
from typing import Any

from randnotiz.dates import PartialDate
from randnotiz.model import Entity, Event, Mention, Organization, Person, Term, WebLink
from randnotiz.paths import DocPath, Slug
from randnotiz.render.article import article_path
from randnotiz.render.urls import absolute_url
from randnotiz.render.view import SiteView, target_of

DATA = "daten"
ENTITIES_PATH = DocPath(f"{DATA}/entities.json")
MENTIONS_PATH = DocPath(f"{DATA}/mentions.json")
#: Version 2: dates are strings of the precision known ("2013", "2013-12",
#: "2013-12-09"), and people and organisations carry their events.
ENTITIES_VERSION = 2
MENTIONS_VERSION = 1

JsonObject = dict[str, Any]


RECORD_SEPARATOR = ",\n  "


@dataclass(frozen=True)
class Records:
    """Records already written as JSON, one per line (a line may hold several records,
    joined with ``RECORD_SEPARATOR``)."""

    lines: list[str]


def _dump(data: JsonObject) -> str:
    """Indented at the top, one record per line below: small diffs, easy to grep.

    Put together from pieces in one join: the mentions of a large archive make
    tens of megabytes, and every concatenation would copy them once more.
    """
    pieces = ["{\n"]
    for number, (key, value) in enumerate(data.items()):
        pieces.append((",\n " if number else " ") + f"{json.dumps(key)}: ")
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            value = Records([_compact(item) for item in value])
        if isinstance(value, Records) and value.lines:
            pieces += ["[\n  ", RECORD_SEPARATOR.join(value.lines), "\n ]"]
        else:
            pieces.append("[]" if isinstance(value, Records) else _compact(value))
    pieces.append("\n}\n")
    return "".join(pieces)


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
        "links": _links(entity.links),
        "wikidata": entity.wikidata,
        "see_also": list(entity.see_also),
        "mention_count": len(view.mentions_by_entity.get(entity.id, ())),
    }
    if isinstance(entity, Person):
        record["affiliations"] = [
            {
                "organization": a.organization,
                "role": a.role,
                "since": _date(a.since),
                "until": _date(a.until),
            }
            for a in entity.affiliations
        ]
    elif isinstance(entity, Organization):
        record |= {
            "kind": entity.org_kind,
            "parent": entity.parent,
            "founded": _date(entity.founded),
            "headquarters": entity.headquarters,
        }
    if isinstance(entity, Person | Organization):
        record["events"] = [_event(e) for e in entity.events]
    elif isinstance(entity, Term):
        record["ignore_case"] = entity.ignore_case
    return record


def _links(links: tuple[WebLink, ...]) -> list[JsonObject]:
    return [{"title": w.title, "url": w.url} for w in links]


def _date(date: PartialDate | None) -> str | None:
    return date.isoformat() if date else None


def _event(event: Event) -> JsonObject:
    return {"date": event.date.isoformat(), "text": event.text, "sources": _links(event.sources)}


def render_entities(view: SiteView) -> str:
    kb = view.corpus.knowledge
    return _dump(
        {
            "format": "randnotiz-entities",
            "version": ENTITIES_VERSION,
            "counts": {
                "person": len(kb.people),
                "organization": len(kb.organizations),
                "term": len(kb.terms),
            },
            "entities": [entity_record(view, e) for e in kb.entities],
        }
    )


#: How the encoder above writes a string, for records written without it.
_string = json.encoder.encode_basestring


def mention_line(view: SiteView, mention: Mention, article_url: str) -> str:
    """One mention as a line of JSON; ``article_url`` is its article's absolute URL.

    Written directly rather than as a dictionary for the encoder, in the same
    bytes: a large archive has a hundred thousand mentions, and going through
    the encoder cost more than rendering a tenth of the articles.
    """
    block = view.articles[mention.article].blocks[mention.block]
    anchor = block.anchor
    url = f"{article_url}#{anchor}" if anchor else article_url
    start, end = mention.sentence
    return (
        f'{{"entity": {_string(mention.entity)}, "article": {_string(mention.article)}, '
        f'"block": {mention.block}, "anchor": {"null" if anchor is None else _string(anchor)}, '
        f'"url": {_string(url)}, "span": [{mention.start}, {mention.end}], '
        f'"text": {_string(block.text[mention.start : mention.end])}, '
        f'"sentence": {{"span": [{start}, {end}], "text": {_string(block.text[start:end])}}}, '
        f'"linked": {"true" if mention.linked else "false"}}}'
    )


def render_mentions(view: SiteView) -> str:
    """The articles and their mentions, each article's records made once (remembered):
    ``mkdocs serve`` writes the file again only when one of them changed."""
    articles = view.article_ids()
    mentions = sum(len(view.mentions_by_article.get(a, ())) for a in articles)
    return _dump(
        {
            "format": "randnotiz-mentions",
            "version": MENTIONS_VERSION,
            "counts": {"articles": len(articles), "mentions": mentions},
            "articles": Records([view.remembered(_article_record, a) for a in articles]),
            "mentions": Records(
                [lines for a in articles if (lines := view.remembered(_mention_records, a))]
            ),
        }
    )


def _article_record(view: SiteView, article_id: Slug) -> str:
    a = view.articles[article_id]
    record = {
        "id": a.id,
        "title": a.title,
        "date": a.date.isoformat(),
        "rubric": a.rubric,
        "url": absolute_url(view.settings, article_path(a.id)),
        "mention_count": len(view.mentions_by_article.get(a.id, ())),
    }
    if a.original is not None:  # where an imported article was first published
        record["source"] = {"url": a.original.url, "site": a.original.site}
    return _compact(record)


def _mention_records(view: SiteView, article_id: Slug) -> str:
    """The lines of an article's mentions, as ``_dump`` joins records.

    Remembered: ``mkdocs serve`` writes the file again after every change to an
    article, and the mentions of the others are as they were.
    """
    url = absolute_url(view.settings, article_path(article_id))
    mentions = view.mentions_by_article.get(article_id, ())
    return RECORD_SEPARATOR.join(mention_line(view, m, url) for m in mentions)
