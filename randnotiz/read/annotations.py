"""The knowledge base: people, organisations, glossary terms, and the notes of articles.

Like Material's blog plugin reads its authors file, each file is checked
against a small typed schema; unlike a first-error-wins loader, every problem
of every file is collected, so one run tells the annotator everything to fix.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from randnotiz.dates import PartialDate, parse_date, parse_partial_date
from randnotiz.model import (
    NOTE_KINDS,
    Affiliation,
    ArticleNotes,
    Event,
    KnowledgeBase,
    Note,
    Organization,
    Origin,
    Person,
    Source,
    Term,
    WebLink,
)
from randnotiz.paths import MAX_ID_LENGTH, Slug, is_slug, short_slug, slugify
from randnotiz.problems import Problem, did_you_mean, error, has_errors, warning
from randnotiz.read.decode import decode_text
from randnotiz.read.files import read_project_file
from randnotiz.read.yamlnodes import INVALID, Mapping, Node, Sequence, Value, load_nodes

PEOPLE_FILE = "people.yml"
ORGANIZATIONS_FILE = "organizations.yml"
GLOSSARY_FILE = "glossary.yml"
ARTICLES_DIR = "articles"

_URL = re.compile(r"https?://[^\s/$.?#][^\s]*\.[^\s]+|https?://[^\s/$.?#][^\s]*/[^\s]*")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_DAY_LIKE = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?")


class Entry(dict[str, Node]):
    """The keys of one YAML mapping, and where the mapping starts."""

    def __init__(self, origin: Origin, items: dict[str, Node]) -> None:
        super().__init__(items)
        self.origin = origin


class _Reader:
    """Turns nodes into checked values, writing a problem for each mistake."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def fail(self, origin: Origin, message: str) -> None:
        self.problems.append(error(origin, message))

    def text(self, node: Node, key: str) -> str | None:
        if isinstance(node, Value) and node.data is INVALID:
            return None
        if isinstance(node, Value) and isinstance(node.data, str) and node.data.strip():
            return node.data.strip()
        if (
            isinstance(node, Value)
            and isinstance(node.data, int | float | dt.date)
            and not isinstance(node.data, bool)
        ):
            return str(node.data)
        self.fail(
            node.origin,
            f"'{key}' must be text; write it after '{key}: ' (in quotes if it has a colon)",
        )
        return None

    def date(self, node: Node, key: str) -> PartialDate | None:
        """A year, a month (YYYY-MM) or a day (YYYY-MM-DD), as YAML read it.

        YAML makes 2013 a number and 2013-12-09 a date, but leaves 2013-12 a
        string, and a day that does not exist (2025-02-30) too.
        """
        data = node.data if isinstance(node, Value) else None
        date = None
        if isinstance(data, int) and not isinstance(data, bool):
            date = PartialDate(data) if 1000 <= data <= 2100 else None
        elif isinstance(data, dt.date) and not isinstance(data, dt.datetime):
            date = PartialDate.of(data)
        elif isinstance(data, str):
            date = parse_partial_date(data)
            if date is None and _DAY_LIKE.fullmatch(data.strip()):
                self.fail(
                    node.origin,
                    f"'{key}' value '{data.strip()}' is no day of the calendar; "
                    "check the month and the day",
                )
                return None
        if date is not None and 1000 <= date.year <= 2100:
            return date
        shown = data if isinstance(node, Value) else "a list"
        self.fail(
            node.origin,
            f"'{key}' must be a year, YYYY-MM or YYYY-MM-DD such as 2013, 2013-12 or 2013-12-09, "
            f"not '{shown}'",
        )
        return None

    def flag(self, node: Node, key: str) -> bool | None:
        if isinstance(node, Value) and isinstance(node.data, bool):
            return node.data
        self.fail(node.origin, f"'{key}' must be true or false")
        return None

    def slug(self, node: Node, key: str) -> Slug | None:
        value = self.text(node, key)
        if value is None:
            return None
        if not is_slug(value):
            self.fail(
                node.origin,
                f"'{key}' value '{value}' is not a clean id; use lowercase letters, digits and "
                f"hyphens, such as '{slugify(value) or 'mein-eintrag'}'",
            )
            return None
        if len(value) > MAX_ID_LENGTH:
            self.fail(
                node.origin,
                f"'{key}' value '{value[:40]}…' is {len(value)} characters long; an id names a "
                f"file and a URL, so keep it to {MAX_ID_LENGTH}, such as "
                f"'{short_slug(value, MAX_ID_LENGTH // 2)}'",
            )
            return None
        return Slug(value)

    def texts(self, node: Node, key: str) -> tuple[str, ...]:
        if not isinstance(node, Sequence):
            self.fail(node.origin, f"'{key}' must be a list; write it as [{_shown(node)}]")
            return ()
        return tuple(t for item in node.items if (t := self.text(item, key)) is not None)

    def slugs(self, node: Node, key: str) -> tuple[Slug, ...]:
        if not isinstance(node, Sequence):
            self.fail(node.origin, f"'{key}' must be a list of ids; write it as [{_shown(node)}]")
            return ()
        return tuple(s for item in node.items if (s := self.slug(item, key)) is not None)

    def url(self, node: Node, key: str) -> str | None:
        value = self.text(node, key)
        if value is not None and not _URL.fullmatch(value):
            self.fail(
                node.origin,
                f"'{value}' is not a web address; write the full URL starting with https://",
            )
            return None
        return value

    def links(self, node: Node, key: str) -> tuple[WebLink, ...]:
        out = []
        for entry in self.entries(node, key, {"title": True, "url": True}):
            title, url = self.text(entry["title"], "title"), self.url(entry["url"], "url")
            if title and url:
                out.append(WebLink(title, url))
        return tuple(out)

    def entries(self, node: Node, key: str, fields: dict[str, bool]) -> list[Entry]:
        """The mappings of a list under ``key``, each checked against ``fields``."""
        if not isinstance(node, Sequence):
            self.fail(node.origin, f"'{key}' must be a list of entries, each starting with '- '")
            return []
        return [
            checked
            for item in node.items
            if (checked := self.mapping(item, fields, key)) is not None
        ]

    def mapping(self, node: Node, fields: dict[str, bool], what: str) -> Entry | None:
        """Keys of a mapping; unknown keys and missing required keys are reported."""
        if not isinstance(node, Mapping):
            self.fail(
                node.origin, f"each entry of '{what}' must be a mapping of 'key: value' lines"
            )
            return None
        values = dict(node.items)
        ok = True
        for key, value in node.items:
            if key not in fields:
                hint = did_you_mean(key, fields) or f" (known keys: {', '.join(sorted(fields))})"
                self.fail(value.origin, f"unknown key '{key}'{hint}")
                ok = False
        for key, required in fields.items():
            if required and key not in values:
                self.fail(
                    node.origin, f"missing required key '{key}' in this entry; add '{key}: …'"
                )
                ok = False
        return Entry(node.origin, values) if ok else None


def _shown(node: Node) -> str:
    return str(node.data) if isinstance(node, Value) else "…"


# --- the three lists -----------------------------------------------------------

_COMMON = {
    "id": False,
    "aliases": False,
    "description": False,
    "links": False,
    "see_also": False,
    "wikidata": False,
}
PERSON_FIELDS = {"name": True, "summary": True, "affiliations": False, "events": False, **_COMMON}
ORGANIZATION_FIELDS = {
    "name": True,
    "summary": True,
    "events": False,
    "kind": False,
    "parent": False,
    "founded": False,
    "headquarters": False,
    **_COMMON,
}
TERM_FIELDS = {"term": True, "definition": True, "ignore_case": False, **_COMMON}
AFFILIATION_FIELDS = {"organization": True, "role": False, "since": False, "until": False}
EVENT_FIELDS = {"date": True, "text": True, "sources": False}
NOTE_FIELDS = {"quote": True, "kind": True, "text": True, "sources": False}
ARTICLE_FIELDS = {
    "id": False,
    "title": False,
    "date": False,
    "rubric": False,
    "author": False,
    "headings": False,
    "captions": False,
    "paragraphs": False,
    "notes": False,
    "related": False,
    "no_link": False,
    "link": False,
    "source": False,
    "redirect_from": False,
}
SOURCE_FIELDS = {"url": False, "site": False}


def _common(r: _Reader, entry: Entry, name_key: str, summary_key: str) -> dict[str, Any] | None:
    """The fields every kind shares, as keyword arguments, or None if unusable."""
    name = r.text(entry[name_key], name_key)
    summary = r.text(entry[summary_key], summary_key)
    entity_id = (
        r.slug(entry["id"], "id")
        if "id" in entry
        else (short_slug(name, MAX_ID_LENGTH) if name else None)
    )
    origin = entry.origin
    if name and not entity_id and "id" not in entry:
        r.fail(
            origin,
            f"cannot make an id from '{name}'; add 'id: …' with lowercase letters and hyphens",
        )
    wikidata = _optional(entry, "wikidata", r.text)
    if wikidata and not _WIKIDATA.fullmatch(wikidata):
        r.fail(
            entry["wikidata"].origin,
            f"'{wikidata}' is not a Wikidata id; write it as Q followed by digits",
        )
        wikidata = None
    fields = {
        "id": entity_id,
        "name": name,
        "summary": summary,
        "origin": origin,
        "aliases": _optional(entry, "aliases", r.texts) or (),
        "description": _optional(entry, "description", r.text) or "",
        "links": _optional(entry, "links", r.links) or (),
        "see_also": _optional(entry, "see_also", r.slugs) or (),
        "wikidata": wikidata,
        "field_origins": tuple((key, node.origin) for key, node in entry.items()),
    }
    return fields if name and summary and entity_id else None


def _optional(entry: Entry, key: str, read: Callable[[Node, str], Any]) -> Any:
    return read(entry[key], key) if key in entry else None


def _events(r: _Reader, entry: Entry) -> tuple[Event, ...]:
    """The dated facts of a person or an organisation; a missing source is for the lint."""
    if "events" not in entry:
        return ()
    out = []
    for item in r.entries(entry["events"], "events", EVENT_FIELDS):
        date, text = r.date(item["date"], "date"), r.text(item["text"], "text")
        sources = r.links(item["sources"], "sources") if "sources" in item else ()
        if date and text:
            out.append(Event(date, text, item.origin, sources))
    return tuple(out)


def _people(r: _Reader, root: Node) -> list[Person]:
    out = []
    for entry in r.entries(root, PEOPLE_FILE, PERSON_FIELDS):
        common = _common(r, entry, "name", "summary")
        affiliations = []
        for aff in (
            r.entries(entry["affiliations"], "affiliations", AFFILIATION_FIELDS)
            if "affiliations" in entry
            else []
        ):
            org = r.slug(aff["organization"], "organization")
            since, until = _optional(aff, "since", r.date), _optional(aff, "until", r.date)
            if since and until and until.last_day() < since.first_day():
                r.fail(
                    aff["until"].origin,
                    f"'until' ({until.isoformat()}) is before 'since' ({since.isoformat()}); "
                    "swap them",
                )
            if org:
                role = _optional(aff, "role", r.text)
                affiliations.append(
                    Affiliation(org, role, since, until, aff["organization"].origin)
                )
        events = _events(r, entry)
        if common:
            out.append(Person(**common, affiliations=tuple(affiliations), events=events))
    return out


def _organizations(r: _Reader, root: Node) -> list[Organization]:
    out = []
    for entry in r.entries(root, ORGANIZATIONS_FILE, ORGANIZATION_FIELDS):
        common = _common(r, entry, "name", "summary")
        org_kind = _optional(entry, "kind", r.text)
        parent = _optional(entry, "parent", r.slug)
        founded = _optional(entry, "founded", r.date)
        headquarters = _optional(entry, "headquarters", r.text)
        events = _events(r, entry)
        if common:
            out.append(
                Organization(
                    **common,
                    events=events,
                    org_kind=org_kind,
                    parent=parent,
                    founded=founded,
                    headquarters=headquarters,
                )
            )
    return out


def _terms(r: _Reader, root: Node) -> list[Term]:
    out = []
    for entry in r.entries(root, GLOSSARY_FILE, TERM_FIELDS):
        common = _common(r, entry, "term", "definition")
        ignore_case = _optional(entry, "ignore_case", r.flag)
        if common:
            out.append(Term(**common, ignore_case=bool(ignore_case)))
    return out


def _article_notes(r: _Reader, root: Node, file: str) -> ArticleNotes | None:
    entry = r.mapping(root, ARTICLE_FIELDS, file) if isinstance(root, Mapping) else None
    if entry is None:
        if not isinstance(root, Mapping):
            r.fail(
                root.origin, "an article's YAML must be a mapping of 'key: value' lines, not a list"
            )
        return None
    notes = []
    for item in r.entries(entry["notes"], "notes", NOTE_FIELDS) if "notes" in entry else []:
        kind = r.text(item["kind"], "kind")
        if kind is not None and kind not in NOTE_KINDS:
            r.fail(
                item["kind"].origin,
                f"unknown note kind '{kind}'{did_you_mean(kind, NOTE_KINDS)}; "
                f"use one of {', '.join(NOTE_KINDS)}",
            )
            kind = None
        quote, text = r.text(item["quote"], "quote"), r.text(item["text"], "text")
        sources = r.links(item["sources"], "sources") if "sources" in item else ()
        if quote and text and kind:
            notes.append(Note(quote, kind, text, item.origin, sources))  # type: ignore[arg-type]
    date = None
    if "date" in entry:
        node = entry["date"]
        date = node.data if isinstance(node, Value) and isinstance(node.data, dt.date) else None
        if date is None and isinstance(node, Value) and isinstance(node.data, str):
            date = parse_date(node.data)
        if date is None:
            r.fail(node.origin, "'date' must be a date such as 2025-07-29 or '29. Juli 2025'")
    source = _source(r, entry["source"]) if "source" in entry else None
    link = _optional(entry, "link", r.text)
    if link is not None and link not in ("first", "all"):
        r.fail(entry["link"].origin, f"'link' must be 'first' or 'all', not '{link}'")
        link = None
    return ArticleNotes(
        origin=root.origin,
        id=_optional(entry, "id", r.slug),
        title=_optional(entry, "title", r.text),
        date=date,
        rubric=_optional(entry, "rubric", r.text),
        author=_optional(entry, "author", r.text),
        headings=_optional(entry, "headings", r.texts) or (),
        captions=_optional(entry, "captions", r.texts) or (),
        paragraphs=_optional(entry, "paragraphs", r.texts) or (),
        notes=tuple(notes),
        related=_optional(entry, "related", r.slugs) or (),
        no_link=_optional(entry, "no_link", r.texts) or (),
        redirect_from=_optional(entry, "redirect_from", r.slugs) or (),
        link=link,
        source=source,
        field_origins=tuple((key, node.origin) for key, node in entry.items()),
    )


def _source(r: _Reader, node: Node) -> Source | None:
    """``source: {url: https://…, site: …}``: where an imported article was published."""
    entry = r.mapping(node, SOURCE_FIELDS, "source")
    if entry is None:
        return None
    url = _optional(entry, "url", r.url)
    site = _optional(entry, "site", r.text)
    if url is None and site is None:
        if not entry:
            r.fail(node.origin, "'source' needs a 'url:' or a 'site:', or leave it out")
        return None
    return Source(url, site)


# --- files and cross-checks --------------------------------------------------------


@dataclass(frozen=True)
class LoadResult:
    knowledge: KnowledgeBase
    problems: tuple[Problem, ...]


def read_yaml_file(path: Path, shown: str, root: Path) -> tuple[Node | None, list[Problem]]:
    """A YAML file of the project as nodes; what cannot be read is a problem, not a crash."""
    data = read_project_file(path, root, shown, "YAML file")
    if isinstance(data, Problem):
        return None, [data]
    if not data.strip():
        return None, []
    decoded = decode_text(data, shown)
    if decoded.text is None:
        return None, list(decoded.problems)
    root_node, problems = load_nodes(decoded.text, shown)
    return root_node, [*decoded.problems, *problems]


def article_notes_files(annotations: Path) -> dict[str, Path]:
    """The files of ``articles/`` by stem: each holds the notes and overrides of one article."""
    return {p.stem: p for p in sorted((annotations / ARTICLES_DIR).glob("*.y*ml"))}


def read_article_notes(
    path: Path, shown: str, root: Path
) -> tuple[ArticleNotes | None, list[Problem]]:
    """One file of ``articles/``, read with the article it belongs to."""
    node, problems = read_yaml_file(path, shown, root)
    if node is None:
        return None, problems
    return _article_notes(_Reader(problems), node, shown), problems


@dataclass(frozen=True)
class ListRead:
    """One of the lists of people, organisations and terms, read on its own."""

    entries: tuple[Any, ...]
    problems: tuple[Problem, ...]
    unread: bool  # the file is there but none of its entries could be read


_LIST_READERS: dict[str, Callable[[_Reader, Node], list[Any]]] = {
    PEOPLE_FILE: _people,
    ORGANIZATIONS_FILE: _organizations,
    GLOSSARY_FILE: _terms,
}


def read_list(annotations: Path, root: Path, name: str) -> ListRead:
    """``people.yml``, ``organizations.yml`` or ``glossary.yml``, checked on its own."""
    path = annotations / name
    if not os.path.lexists(path):
        return ListRead((), (), False)
    node, found = read_yaml_file(path, str(path.relative_to(root)), root)
    if node is None:
        return ListRead((), tuple(found), has_errors(found))
    r = _Reader(found)
    if isinstance(node, Mapping):
        r.fail(
            node.origin,
            f"{name} must be a list of entries, each starting with '- '; found a mapping",
        )
        return ListRead((), tuple(found), True)
    entries = _LIST_READERS[name](r, node)
    return ListRead(tuple(entries), tuple(found), False)


def load_knowledge(
    annotations: Path,
    root: Path,
    read: Callable[[Path, Path, str], ListRead] = read_list,
) -> LoadResult:
    """The three lists under ``annotations/``, checked on their own and against each other.

    The files of ``articles/`` are read with their articles (``read_article_notes``).
    ``read`` reads one list: ``mkdocs serve`` passes one that reuses what it read before.
    """
    people, organizations, terms = (
        read(annotations, root, name) for name in (PEOPLE_FILE, ORGANIZATIONS_FILE, GLOSSARY_FILE)
    )
    problems = [*people.problems, *organizations.problems, *terms.problems]

    if annotations.is_dir():
        for path in sorted(annotations.iterdir()):
            if path.is_file() and path.name not in (PEOPLE_FILE, ORGANIZATIONS_FILE, GLOSSARY_FILE):
                problems.append(
                    warning(
                        Origin(str(path.relative_to(root))),
                        "this file is not read; entries belong in people.yml, organizations.yml, "
                        "glossary.yml or articles/<article-id>.yml"
                        + did_you_mean(path.name, (PEOPLE_FILE, ORGANIZATIONS_FILE, GLOSSARY_FILE)),
                    )
                )

    knowledge = KnowledgeBase(people.entries, organizations.entries, terms.entries)
    if not (people.unread or organizations.unread or terms.unread):
        # With a whole list unread, every reference into it would be reported as
        # unknown: one mistake, dozens of lines. Its own error comes first; the
        # references are checked on the next run.
        problems.extend(check_references(knowledge))
    return LoadResult(knowledge, tuple(problems))


def check_references(knowledge: KnowledgeBase) -> Iterable[Problem]:
    """Unique ids across all kinds; every id a YAML value names must exist."""
    first: dict[str, Origin] = {}
    for entity in knowledge.entities:
        if entity.id in first:
            other = first[entity.id]
            yield error(
                entity.origin_of("id"),
                f"duplicate id '{entity.id}': already used at {other}; "
                "give one of them an 'id:' of its own",
            )
        else:
            first[entity.id] = entity.origin
    organizations = {o.id for o in knowledge.organizations}
    for person in knowledge.people:
        for aff in person.affiliations:
            if aff.organization not in organizations:
                yield error(
                    aff.origin or person.origin,
                    f"'{person.name}': affiliation with unknown organization '{aff.organization}'"
                    f"{did_you_mean(aff.organization, organizations)}; add it to organizations.yml",
                )
    for org in knowledge.organizations:
        if org.parent is not None and org.parent not in organizations:
            yield error(
                org.origin_of("parent"),
                f"'{org.name}': unknown parent organization '{org.parent}'"
                f"{did_you_mean(org.parent, organizations)}",
            )
        if org.parent == org.id:
            yield error(
                org.origin_of("parent"), f"'{org.name}' names itself as its parent; remove 'parent'"
            )
    for entity in knowledge.entities:
        for target in entity.see_also:
            if target not in first:
                yield error(
                    entity.origin_of("see_also"),
                    f"'{entity.name}': see_also names unknown id "
                    f"'{target}'{did_you_mean(target, first)}",
                )
