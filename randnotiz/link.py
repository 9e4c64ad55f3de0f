"""The linker: from an article and the name index to mentions. Pure, no I/O.

One pass over each block's tokens walks the index's tries from every word at
once; the longest name wins, and a name's inflected form ("Zuckerbergs",
"Sprachmodellen") is matched through the endings its kind allows. Like
mkdocs-autorefs' ``fix_refs``, it returns what it found and what it could not
resolve, and leaves reporting to the caller.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from randnotiz.index import APOSTROPHES, SPACE, TOKEN, Claim, FormType, NameIndex, Node
from randnotiz.model import LINKED_BLOCKS, Article, BlockKind, LinkPolicy, Mention, Note, PlacedNote
from randnotiz.paths import Slug
from randnotiz.sentences import excerpt_around, sentence_around, sentence_spans


@dataclass(frozen=True)
class Match:
    """A name found in a text: where, and which entities claim that form."""

    start: int
    end: int
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Unresolved:
    """A name the linker saw but could not give to exactly one entity."""

    block: int
    start: int
    end: int
    surface: str
    candidates: tuple[Slug, ...]
    reason: str


@dataclass(frozen=True)
class LinkedArticle:
    article: Article
    mentions: tuple[Mention, ...]
    notes: tuple[PlacedNote, ...]
    unresolved: tuple[Unresolved, ...]
    missing_notes: tuple[Note, ...]


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


#: The tokens a name can begin with: words and single marks, never spaces.
_PIECE = re.compile(r"\w+|[^\w\s]")


def find_matches(text: str, index: NameIndex) -> list[list[Match]]:
    """For each place a name starts, every match there, longest first.

    Matches never overlap: after the longest match at a place, the scan goes on
    behind it, so "Meta Superintelligence Labs" hides the "Meta" inside it.
    Most words begin no name: they are passed by in one comprehension, and the
    text is tokenized only where a name can begin, and only as far as its trie
    goes (tokenizing every block in full took half of the linker's time).
    """
    exact_starts, folded_starts = index.starts
    # A word may also begin a case-insensitive name; other tokens only exact ones.
    if folded_starts:
        pieces = [
            p
            for p in _PIECE.finditer(text)
            if (t := p.group()) in exact_starts or (t.lower() in folded_starts and _is_word(t))
        ]
    else:
        pieces = [p for p in _PIECE.finditer(text) if p.group() in exact_starts]
    out: list[list[Match]] = []
    end = 0
    for piece in pieces:
        start = piece.start()
        if start < end:
            continue  # inside the longest match found before
        tok = piece.group()
        found = _walk(text, start, index, fold=False) if tok in exact_starts else []
        if folded_starts and tok.lower() in folded_starts and _is_word(tok):
            found += _walk(text, start, index, fold=True)
        if not found:
            continue
        found.sort(key=lambda m: -m.end)  # stable: an exact form before an inflected one
        out.append(found)
        end = found[0].end
    return out


def _walk(text: str, start: int, index: NameIndex, fold: bool) -> list[Match]:
    """Every name that starts at ``start`` in one trie (the case-folded one if ``fold``),
    with its inflected forms.

    The first word is searched for inflected names only when the trie has a
    name whose first word, with an ending added, it is (``inflected_starts``).
    """
    root = index.folded if fold else index.exact
    inflected = index.inflected_starts[fold]
    found: list[Match] = []
    node = root
    for token in TOKEN.finditer(text, start):
        tok = token.group()
        if tok.isspace():
            tok = SPACE
        key = tok.lower() if fold else tok
        child = node.children.get(key)
        if child is not None and child.claims:
            end = token.end()
            if end < len(text) and text[end] in APOSTROPHES and tok[-1] in "sxzß":
                end += 1  # "Jobs'": the apostrophe genitive belongs to the name
            found.append(Match(start, end, tuple(child.claims)))
        # At the root, only a first word with an ending can be an inflected name.
        inflect = key in inflected if node is root else bool(node.children) and _is_word(tok)
        if inflect:
            found += _inflected(key, node, index, start, token.end())
        if child is None:
            break
        node = child
    return found


@functools.lru_cache(maxsize=8)
def _ending_table(endings: tuple[str, ...]) -> tuple[frozenset[str], tuple[int, ...]]:
    return frozenset(endings), tuple(sorted({len(e) for e in endings}))


def _inflected(key: str, node: Node, index: NameIndex, start: int, end: int) -> list[Match]:
    """Names below ``node`` that ``key`` is an inflected form of, in the order of their endings.

    Every word of every name comes here, so the word's last one, two or three
    letters are looked up in a set instead of testing each ending in turn.
    """
    endings, lengths = _ending_table(index.all_endings)
    hits: list[tuple[str, Match]] = []
    for size in lengths:
        ending = key[-size:]
        if len(key) <= size or ending not in endings:
            continue
        stem = node.children.get(key[:-size])
        allowed = tuple(c for c in stem.claims if ending in index.endings[c.entity]) if stem else ()
        if allowed:
            hits.append((ending, Match(start, end, allowed)))
    hits.sort(key=lambda hit: hit[0])  # the order of index.all_endings
    return [m for _, m in hits]


def _resolve(matches: list[Match], named: set[Slug]) -> tuple[Match, Slug] | tuple[Match, None]:
    """The entity a place names, or None with the longest match when it is unclear.

    A form claimed as name or alias by one entity is that entity. A surname
    alone is a person already named in full in this article, if exactly one
    such person has it.
    """
    for match in matches:
        full = {c.entity for c in match.claims if c.type is not FormType.SURNAME}
        if len(full) == 1:
            return match, next(iter(full))
        if full:
            continue
        people = {c.entity for c in match.claims if c.entity in named}
        if len(people) == 1:
            return match, next(iter(people))
    return matches[0], None


def link_article(article: Article, index: NameIndex, policy: LinkPolicy = "first") -> LinkedArticle:
    """Every mention of every indexed entity in the article's linkable text."""
    policy = article.link or policy
    no_link = set(article.no_link)
    named: set[Slug] = set()
    linked: set[Slug] = set()
    mentions: list[Mention] = []
    unresolved: list[Unresolved] = []
    for number, block in enumerate(article.blocks):
        places = find_matches(block.text, index)
        if block.kind not in LINKED_BLOCKS:
            named.update(_full_names(places))
            continue
        spans = sentence_spans(block.text) if places else []
        for place in places:
            match, entity = _resolve(place, named)
            surface = block.text[match.start : match.end]
            if no_link and (surface in no_link or any(c.form in no_link for c in match.claims)):
                continue
            if entity is None:
                candidates = tuple(sorted({c.entity for c in match.claims}))
                reason = "ambiguous" if len(candidates) > 1 else "surname before full name"
                unresolved.append(
                    Unresolved(number, match.start, match.end, surface, candidates, reason)
                )
                continue
            if any(c.entity == entity and c.type is not FormType.SURNAME for c in match.claims):
                named.add(entity)
            is_link = policy == "all" or entity not in linked
            linked.add(entity)
            sentence = excerpt_around(
                block.text, sentence_around(spans, match.start, match.end), match.start, match.end
            )
            mentions.append(
                Mention(entity, article.id, number, match.start, match.end, sentence, is_link)
            )
    notes, missing = place_notes(article)
    return LinkedArticle(article, tuple(mentions), notes, tuple(unresolved), missing)


def _full_names(places: Iterable[list[Match]]) -> set[Slug]:
    out: set[Slug] = set()
    for place in places:
        for match in place:
            full = {c.entity for c in match.claims if c.type is not FormType.SURNAME}
            if len(full) == 1:
                out |= full
                break
    return out


def place_notes(article: Article) -> tuple[tuple[PlacedNote, ...], tuple[Note, ...]]:
    """Each note at the first place its quote stands in the article's text."""
    placed: list[PlacedNote] = []
    missing: list[Note] = []
    for note in article.notes:
        for number, block in enumerate(article.blocks):
            if block.kind is BlockKind.HEADING:
                continue
            at = block.text.find(note.quote)
            if at >= 0:
                placed.append(PlacedNote(note, article.id, number, at, at + len(note.quote)))
                break
        else:
            missing.append(note)
    return tuple(placed), tuple(missing)
