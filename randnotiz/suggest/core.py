"""From names found in texts to ranked suggestions, leaving out what the index covers."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from randnotiz.index import NameIndex
from randnotiz.link import find_matches
from randnotiz.model import Article, EntityKind
from randnotiz.sentences import sentence_around, sentence_spans
from randnotiz.suggest.lexicon import Lexicon, load_lexicon
from randnotiz.suggest.names import find_names

_APOSTROPHES = ("'", "’")
_MAX_SENTENCE = 200

# --- from places to suggestions ---------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A name to annotate: the form to write in YAML, its guessed kind and where it is."""

    name: str
    kind: EntityKind
    count: int
    sentence: str  # the first sentence it stands in
    article: str  # the id of the article that sentence is from
    forms: tuple[str, ...] = ()  # other forms counted with it: a surname, a genitive


@dataclass
class _Candidate:
    name: str
    kinds: Counter[tuple[EntityKind, int]] = field(default_factory=Counter)
    forms: set[str] = field(default_factory=set)
    tokens: int = 1

    def strength(self) -> int:
        return max(strength for _, strength in self.kinds)

    def kind(self) -> EntityKind:
        best = max(self.kinds.items(), key=lambda kv: (kv[0][1], kv[1]))
        return best[0][0]


def _texts(article: Article) -> Iterator[tuple[int, str]]:
    """Every text of an article: the title (as -1), then each block."""
    yield -1, article.title
    for number, block in enumerate(article.blocks):
        yield number, block.text


def suggest(
    articles: Iterable[Article], index: NameIndex, lexicon: Lexicon | None = None
) -> list[Suggestion]:
    """Names in ``articles`` that ``index`` does not cover, most frequent first."""
    lexicon = lexicon or load_lexicon()
    articles = tuple(articles)
    candidates: dict[str, _Candidate] = {}
    for article in articles:
        for _, text in _texts(article):
            covered = _covered(text, index)
            for f in find_names(text, lexicon):
                if any(s <= f.start and f.end <= e for s, e in covered):
                    continue
                c = candidates.setdefault(f.name, _Candidate(f.name, tokens=f.tokens))
                c.kinds[(f.kind, f.strength)] += 1
    candidates = _merge(candidates)
    firsts = {
        c.name.split()[0]
        for c in candidates.values()
        if c.tokens > 1 and c.kind() is EntityKind.ORGANIZATION
    }
    for name in firsts & candidates.keys():
        candidates[name].kinds[(EntityKind.ORGANIZATION, 2)] += 1  # "Fanuc" of "Fanuc Deutschland"
    candidates = {
        n: c for n, c in candidates.items() if c.strength() > 0 and not _indexed(n, index)
    }
    return _count(articles, candidates, index)


def _covered(text: str, index: NameIndex) -> list[tuple[int, int]]:
    """Spans the linker would give to a known entity (names, aliases, forms, surnames)."""
    return [(m.start, m.end) for place in find_matches(text, index) for m in place]


def _indexed(name: str, index: NameIndex) -> bool:
    return any(s == 0 and e >= len(name) for s, e in _covered(name, index))


def _merge(candidates: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """A genitive joins its name ("Metas"), a surname joins its person ("LeCun")."""
    out = dict(candidates)

    def absorb(into: _Candidate, other: _Candidate) -> None:
        into.kinds.update(other.kinds)
        into.forms |= {other.name} | other.forms
        out.pop(other.name, None)

    for name in sorted(candidates, key=len, reverse=True):
        c = out.get(name)
        if c is None:
            continue
        if len(name.split()) > 1 and load_lexicon().listed("org_suffixes", name.split()[-1]):
            continue  # "Labs" is no genitive of "Lab"
        for ending in ("s", *_APOSTROPHES):
            stem = name.removesuffix(ending)
            if stem != name and stem in out:
                absorb(out[stem], c)
                break
    surnames: dict[str, list[_Candidate]] = defaultdict(list)
    for c in out.values():
        if c.tokens >= 2 and c.kind() is EntityKind.PERSON:
            surnames[c.name.split()[-1]].append(c)
    for surname, people in surnames.items():
        if len(people) == 1 and surname in out and out[surname].tokens == 1:
            absorb(people[0], out[surname])
        if len(people) == 1:
            people[0].forms.add(surname)
    return out


def _count(
    articles: Sequence[Article], candidates: dict[str, _Candidate], index: NameIndex
) -> list[Suggestion]:
    """Every mention of each candidate, its first sentence, most frequent first."""
    if not candidates:
        return []
    owner: dict[str, str] = {}
    for c in candidates.values():
        for form in (c.name, *sorted(c.forms)):
            owner.setdefault(form, c.name)
    alternatives = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?:s|'|’)?(?!\w)")
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for article in articles:
        for _, text in _texts(article):
            covered = _covered(text, index)
            spans = sentence_spans(text)
            for m in pattern.finditer(text):
                if any(s <= m.start() and m.end(1) <= e for s, e in covered):
                    continue
                name = owner[m.group(1)]
                counts[name] += 1
                if name not in first:
                    s, e = sentence_around(spans, m.start(), m.end())
                    first[name] = (_shorten(text[s:e]), article.id)
    out = [
        Suggestion(
            name,
            candidates[name].kind(),
            counts[name],
            first[name][0],
            first[name][1],
            tuple(sorted(candidates[name].forms - {name})),
        )
        for name in counts
    ]
    out.sort(key=lambda s: (-s.count, s.name.casefold()))
    return out


def _shorten(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "…"
