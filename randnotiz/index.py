"""One index over every name and alias of every entity, built once per run.

The index is a trie over tokens (words, single punctuation marks and "one or
more spaces"), so the linker walks each text once and follows every name that
starts at a word at the same time, instead of running one search per entity.
Ambiguous aliases are found here, where all names meet.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from randnotiz.model import Entity, EntityKind, KnowledgeBase, Person
from randnotiz.paths import Slug

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
SPACE = " "

#: Endings found without listing them. Names take the genitive -s; glossary
#: terms are ordinary German nouns and also take the plural and dative endings.
NAME_ENDINGS = ("s",)
TERM_ENDINGS = ("s", "es", "n", "en", "e", "er", "ern", "ns")
APOSTROPHES = ("'", "’")
NAME_PARTICLES = frozenset(
    """
    von van de der den du da di del della la le ten ter zu dos
    """.split()
)


class FormType(StrEnum):
    NAME = "name"  # the entity's name or an alias from YAML
    VARIANT = "variant"  # a spelling derived from a name (hyphen for space)
    SURNAME = "surname"  # a person's last name, valid once the full name was read


@dataclass(frozen=True)
class Claim:
    entity: Slug
    kind: EntityKind
    form: str
    type: FormType


@dataclass
class Node:
    children: dict[str, Node] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)


def form_key(form: str, ignore_case: bool = False) -> tuple[str, ...]:
    """A name's tokens, every run of whitespace as one SPACE: its path in a trie.

    The linker reads a text with the same ``TOKEN`` pattern (``link._walk``).
    """
    key = tuple(SPACE if t.isspace() else t for t in TOKEN.findall(form.strip()))
    return tuple(t.lower() for t in key) if ignore_case else key


def surname_of(name: str) -> str | None:
    """'LeCun' for 'Yann LeCun', 'von der Leyen' for 'Ursula von der Leyen'."""
    words = name.split()
    if len(words) < 2:
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


@dataclass(frozen=True)
class NameIndex:
    """Two tries (exact case, and lowercase for terms that ignore case)."""

    exact: Node
    folded: Node
    claims_by_form: dict[tuple[str, ...], tuple[Claim, ...]]
    endings: dict[Slug, tuple[str, ...]]
    all_endings: tuple[str, ...]

    @functools.cached_property
    def inflected_starts(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first words of names with an ending added, in each trie.

        Only these words need a look for an inflected name at the root of a
        trie, where a stem lookup for every ending would cost the most.
        """

        def of(root: Node) -> frozenset[str]:
            return frozenset(k + e for k in root.children for e in self.all_endings)

        return of(self.exact), of(self.folded)

    @functools.cached_property
    def starts(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words that can begin a name in each trie, inflected forms included.

        Most words of a text begin no name; the linker passes them by with one
        set lookup instead of a walk into both tries.
        """
        exact, folded = self.inflected_starts
        return self.exact.children.keys() | exact, self.folded.children.keys() | folded

    def ambiguous(self) -> dict[str, tuple[Claim, ...]]:
        """Forms that two or more entities claim as name or alias."""
        out: dict[str, tuple[Claim, ...]] = {}
        for claims in self.claims_by_form.values():
            named = [c for c in claims if c.type is not FormType.SURNAME]
            if len({c.entity for c in named}) > 1:
                out[named[0].form] = tuple(named)
        return out

    def contested_surnames(self) -> dict[str, tuple[Claim, ...]]:
        """Surnames shared by several people, or equal to another entity's name."""
        out: dict[str, tuple[Claim, ...]] = {}
        for claims in self.claims_by_form.values():
            surnames = [c for c in claims if c.type is FormType.SURNAME]
            if surnames and len({c.entity for c in claims}) > 1:
                out[surnames[0].form] = tuple(claims)
        return out


def _forms(entity: Entity) -> Iterable[tuple[str, FormType]]:
    for name in entity.names:
        yield name, FormType.NAME
        if entity.kind is not EntityKind.PERSON and " " in name:
            yield name.replace(" ", "-"), FormType.VARIANT
    if isinstance(entity, Person):
        named = {n for n in entity.names}
        for name in entity.names:
            surname = surname_of(name)
            if surname and surname not in named:
                yield surname, FormType.SURNAME


def build_index(knowledge: KnowledgeBase) -> NameIndex:
    exact, folded = Node(), Node()
    claims_by_form: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    endings: dict[Slug, tuple[str, ...]] = {}
    for entity in knowledge.entities:
        ignore_case = getattr(entity, "ignore_case", False)
        endings[entity.id] = TERM_ENDINGS if entity.kind is EntityKind.TERM else NAME_ENDINGS
        for form, form_type in _forms(entity):
            key = form_key(form, ignore_case)
            if not key:
                continue
            claim = Claim(entity.id, entity.kind, form, form_type)
            if claim in claims_by_form[key]:
                continue
            claims_by_form[key].append(claim)
            node = folded if ignore_case else exact
            for token in key:
                node = node.children.setdefault(token, Node())
            node.claims.append(claim)
    all_endings = tuple(sorted({e for es in endings.values() for e in es}))
    return NameIndex(
        exact, folded, {k: tuple(v) for k, v in claims_by_form.items()}, endings, all_endings
    )
