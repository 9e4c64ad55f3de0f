"""The data model: every stage passes these frozen dataclasses to the next.

Frozen, because the pipeline gathers everything first and links afterwards
(the order Pelican uses): nothing read may change once the index is built, so
two builds of the same input give the same output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from randnotiz.dates import PartialDate
from randnotiz.paths import Slug


@dataclass(frozen=True)
class Origin:
    """Where something was written: a file and a 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


# --- the knowledge base -----------------------------------------------------


@dataclass(frozen=True)
class WebLink:
    title: str
    url: str


@dataclass(frozen=True)
class Source:
    """Where an imported article was first published: ``source: {url: …, site: …}``."""

    url: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Affiliation:
    """A person's role at an organisation, shown on both profiles.

    ``since`` and ``until`` are as precise as the annotator knows them; without
    either, the affiliation is undated and says nothing about a given day.
    """

    organization: Slug
    role: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    origin: Origin | None = field(default=None, compare=False)

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def held_on(self, day: dt.date) -> bool:
        """Whether the role held on ``day``: a dated affiliation from the first day of
        ``since`` to the last day of ``until``, open where either is missing."""
        if not self.dated:
            return False
        if self.since is not None and day < self.since.first_day():
            return False
        return self.until is None or day <= self.until.last_day()


@dataclass(frozen=True)
class Event:
    """Something that happened to a person or an organisation, with its sources.

    What lets an old article tell its reader what has happened since.
    ``text`` is Markdown, written by an editor.
    """

    date: PartialDate
    text: str
    origin: Origin = field(compare=False)  # where, not what: as for every origin below
    sources: tuple[WebLink, ...] = ()

    def after(self, day: dt.date) -> bool:
        """Certainly after ``day``: an event known only by its month or year counts
        once all of that month or year lies after the day."""
        return self.date.first_day() > day


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    TERM = "term"


@dataclass(frozen=True)
class Entity:
    """What people, organisations and terms have in common.

    ``summary`` is the one sentence shown on hover; for terms it is their
    definition.
    """

    id: Slug
    name: str
    summary: str
    origin: Origin = field(compare=False)  # a line added above moves it, and changes nothing
    aliases: tuple[str, ...] = ()
    description: str = ""
    links: tuple[WebLink, ...] = ()
    see_also: tuple[Slug, ...] = ()
    wikidata: str | None = None
    events: tuple[Event, ...] = ()  # people and organisations only
    field_origins: tuple[tuple[str, Origin], ...] = field(default=(), compare=False, repr=False)

    kind: EntityKind = field(init=False, default=EntityKind.TERM)

    def origin_of(self, key: str) -> Origin:
        """Where ``key`` was written, for messages that point at the value."""
        return dict(self.field_origins).get(key, self.origin)

    @property
    def names(self) -> tuple[str, ...]:
        """The name first, then the aliases: every surface form listed in YAML."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Person(Entity):
    affiliations: tuple[Affiliation, ...] = ()

    kind: EntityKind = field(init=False, default=EntityKind.PERSON)


@dataclass(frozen=True)
class Organization(Entity):
    org_kind: str | None = None
    parent: Slug | None = None
    founded: PartialDate | None = None
    headquarters: str | None = None

    kind: EntityKind = field(init=False, default=EntityKind.ORGANIZATION)


@dataclass(frozen=True)
class Term(Entity):
    ignore_case: bool = False

    kind: EntityKind = field(init=False, default=EntityKind.TERM)


# --- articles ----------------------------------------------------------------


class BlockKind(StrEnum):
    LEDE = "lede"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    FIGURE = "figure"  # an image's caption; ``alt`` holds the image's alt text


#: Blocks whose text is linked; the title and headings are not.
LINKED_BLOCKS = frozenset(
    {BlockKind.LEDE, BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.FIGURE}
)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    anchor: str | None = None  # "absatz-3": stable deep link for linked blocks
    alt: str | None = None


NoteKind = Literal["korrektur", "kontext", "faktencheck"]
NOTE_KINDS: tuple[NoteKind, ...] = ("korrektur", "kontext", "faktencheck")


@dataclass(frozen=True)
class Note:
    """An editor's note attached to an exact quote of the article."""

    quote: str
    kind: NoteKind
    text: str
    origin: Origin
    sources: tuple[WebLink, ...] = ()


LinkPolicy = Literal["first", "all"]


@dataclass(frozen=True)
class ArticleNotes:
    """``annotations/articles/<id>.yml``: overrides and notes for one article."""

    origin: Origin
    id: Slug | None = None
    title: str | None = None
    date: dt.date | None = None
    rubric: str | None = None
    author: str | None = None
    headings: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    related: tuple[Slug, ...] = ()
    no_link: tuple[str, ...] = ()
    link: LinkPolicy | None = None
    source: Source | None = None
    redirect_from: tuple[Slug, ...] = ()  # former ids: their URLs lead to the article
    field_origins: tuple[tuple[str, Origin], ...] = ()

    def origin_of(self, key: str) -> Origin:
        """Where ``key`` was written, for messages that point at it."""
        return dict(self.field_origins).get(key, self.origin)


@dataclass(frozen=True)
class Article:
    id: Slug
    title: str
    date: dt.date
    blocks: tuple[Block, ...]
    source: str
    rubric: str | None = None
    author: str | None = None
    notes: tuple[Note, ...] = ()
    related: tuple[Slug, ...] = ()
    no_link: tuple[str, ...] = ()
    link: LinkPolicy | None = None
    original: Source | None = None  # the web page it was imported from
    redirect_from: tuple[Slug, ...] = ()

    @property
    def lede(self) -> str:
        return next((b.text for b in self.blocks if b.kind is BlockKind.LEDE), "")


# --- the linked corpus -------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named: the linker's only output.

    ``start``/``end`` index into the block's text; ``sentence`` is the span of
    the sentence around it, for the "Erwähnt in" lists of profiles.
    """

    entity: Slug
    article: Slug
    block: int
    start: int
    end: int
    sentence: tuple[int, int]
    linked: bool = True

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class PlacedNote:
    """A note attached at its quote: the marker goes after ``end`` in the block."""

    note: Note
    article: Slug
    block: int
    start: int
    end: int


@dataclass(frozen=True)
class KnowledgeBase:
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    terms: tuple[Term, ...] = ()

    @property
    def entities(self) -> tuple[Entity, ...]:
        return (*self.people, *self.organizations, *self.terms)

    def by_id(self) -> dict[Slug, Entity]:
        return {e.id: e for e in self.entities}


@dataclass(frozen=True)
class Corpus:
    """Everything the render stage needs: articles, entities and mentions."""

    articles: tuple[Article, ...]
    knowledge: KnowledgeBase
    mentions: tuple[Mention, ...]
    notes: tuple[PlacedNote, ...] = ()
