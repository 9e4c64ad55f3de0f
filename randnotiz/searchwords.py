"""The words search must know besides the text itself: names in the forms readers type.

Pagefind stems German (Snowball) and ignores accents, so "Forscher" finds
"Forschern" and "Grundermodus" finds "Gründermodus". What it cannot know:

- a genitive that the stemmer leaves alone: Snowball removes a final "s" only
  after b, d, f, g, h, k, l, m, n, r or t, so "Zuckerbergs" becomes
  "zuckerberg" but "Metas" stays "metas" and "OpenAIs" "openais";
- umlauts typed as ae, oe, ue and ß as ss ("Gruendermodus"), as on keyboards
  without them and in URLs;
- a name inside a closed compound: Pagefind splits "Mehrfach-Stimmrecht" at the
  hyphen, not "Mehrfachstimmrecht", and finds words by their beginning only.

The functions here are pure: the render stage puts their words into a page's
metadata, the indexing step into a glossary term's record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
#: Letters after which Snowball's German stemmer removes a final "s" (its "s-ending").
_STEMMER_DROPS_S_AFTER = frozenset("bdfghklmnrt")
#: A compound part shorter than this is no word a reader looks for ("KI" is, but is
#: never hidden in a closed compound: German writes "KI-Modell").
MIN_PART = 4


def transliterate(text: str) -> str:
    """Umlauts as ae/oe/ue, ß as ss: what a reader types without a German keyboard."""
    return text.translate(_TRANSLITERATION)


def words(text: str) -> list[str]:
    """The words of a text, as Pagefind splits it (hyphens and apostrophes split too)."""
    return [w for w in re.split(r"[\W_]+", text) if w]


def genitive(name: str) -> str | None:
    """The genitive a reader types ("Metas", "OpenAIs"), when the stemmer would not find
    the name from it; None when it would ("Zuckerbergs") or when German writes an
    apostrophe instead ("Jobs'")."""
    last = name[-1:].lower()
    if not last.isalnum() or last in "sxzß" or last in _STEMMER_DROPS_S_AFTER:
        return None
    if last == "e":  # the stemmer takes "-es" and "-e" alike: "Apples" like "Apple"
        return None
    return name + "s"


def name_words(names: Iterable[str], known: Iterable[str] = ()) -> tuple[str, ...]:
    """Extra words under which an entity with these names and aliases must be found.

    Genitives the stemmer misses, transliterations, and the parts of a closed
    compound that another of its names spells apart ("Mehrfach-Stimmrecht" for
    "Mehrfachstimmrecht") or that ends in a ``known`` name of at least
    ``MIN_PART`` letters (``known`` may be given as its ``known_tails``). Words
    already in the names are not repeated; the order is stable.
    """
    names = list(dict.fromkeys(names))
    present = {w.casefold() for name in names for w in words(name)}
    extra: list[str] = []

    def add(word: str) -> None:
        if word and word.casefold() not in present:
            present.add(word.casefold())
            extra.append(word)

    for name in names:
        pieces = words(name)
        if pieces:
            add(genitive(pieces[-1]) or "")
        for word in pieces:
            add(transliterate(word))
    for part in compound_parts(names, known):
        add(part)
        add(transliterate(part))
    return tuple(extra)


def known_tails(known: Iterable[str]) -> dict[str, str]:
    """The one-word names a compound can end in, by their case-folded form.

    Made once for all entities of an index and passed as ``known``: made anew for
    each of 619 terms from 3,500 names it took 1 s of every index at 1,000 articles.
    """
    return {k.casefold(): k for k in known if len(words(k)) == 1 and len(k) >= MIN_PART}


def compound_parts(names: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Parts of the closed compounds among ``names`` that a reader may look for alone.

    A part is known when another name writes the compound with a hyphen
    ("Mehrfach-Stimmrecht" beside "Mehrfachstimmrecht") or when the compound ends
    in a ``known`` one-word name ("Mehrfachstimmrecht" ends in "Stimmrecht" once
    that is a term of its own).
    """
    names = list(names)
    singles = [n for n in names if len(words(n)) == 1]
    parts: list[str] = []
    for name in names:
        pieces = words(name)
        if len(pieces) < 2:
            continue
        joined = "".join(pieces).casefold()
        if any(s.casefold() == joined for s in singles):
            parts += [p for p in pieces if len(p) >= MIN_PART]
    tails = known if isinstance(known, dict) else known_tails(known)
    for single in singles:
        folded = single.casefold()
        for start in range(MIN_PART, len(folded) - MIN_PART + 1):
            tail = tails.get(folded[start:])
            if tail is not None:
                parts.append(tail)
                break
    return list(dict.fromkeys(parts))


def keywords(texts: Iterable[str]) -> tuple[str, ...]:
    """The transliterated forms of the words with umlauts or ß in ``texts``, each once."""
    out: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            plain = transliterate(word)
            if plain != word:
                out.setdefault(plain, None)
    return tuple(out)
