"""The linker against the obvious alternative: one regular expression per alias.

The baseline is what one writes first: for every name, alias and surname a
compiled ``\\bform(?:ending)?\\b``, run over the text one after another, then
the longest match kept where two overlap. It does less than the linker (no
sentences, no first-mention policy, no surname rule), so the comparison
favours it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from benchprocess import median

from randnotiz.index import NAME_ENDINGS, TERM_ENDINGS, build_index, surname_of
from randnotiz.link import link_article
from randnotiz.model import LINKED_BLOCKS, Article, EntityKind, KnowledgeBase

Patterns = list[tuple[str, re.Pattern[str]]]  # (entity id, compiled form)


@dataclass(frozen=True)
class LinkerFigures:
    entities: int
    aliases: int  # regular expressions in the baseline
    articles: int
    characters: int
    index_seconds: float  # building the trie, once
    linker_seconds: float  # median over repetitions, all articles
    compile_seconds: float  # compiling the baseline's expressions, once
    naive_seconds: float  # median over repetitions, all articles
    linker_mentions: int
    naive_matches: int

    @property
    def speedup(self) -> float:
        return self.naive_seconds / self.linker_seconds


def naive_patterns(knowledge: KnowledgeBase) -> Patterns:
    patterns = []
    for entity in knowledge.entities:
        forms = list(entity.names)
        if entity.kind is EntityKind.PERSON:
            forms += [s for n in entity.names if (s := surname_of(n))]
        endings = TERM_ENDINGS if entity.kind is EntityKind.TERM else NAME_ENDINGS
        tail = "|".join(re.escape(e) for e in (*endings, "'", "’"))
        flags = re.IGNORECASE if getattr(entity, "ignore_case", False) else 0
        for form in dict.fromkeys(forms):
            patterns.append((entity.id, re.compile(rf"\b{re.escape(form)}(?:{tail})?\b", flags)))
    return patterns


def naive_link(text: str, patterns: Patterns) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), entity) for entity, p in patterns for m in p.finditer(text)]
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, str]] = []
    for match in found:
        if not kept or match[0] >= kept[-1][1]:
            kept.append(match)
    return kept


def compare(
    knowledge: KnowledgeBase, articles: list[Article], repeat: int, naive_repeat: int = 1
) -> LinkerFigures:
    """Both linkers on the same articles; the baseline runs once by default, as it takes
    about a hundred times as long and its noise is small against that."""
    start = time.perf_counter()
    index = build_index(knowledge)
    index_seconds = time.perf_counter() - start
    start = time.perf_counter()
    patterns = naive_patterns(knowledge)
    compile_seconds = time.perf_counter() - start
    texts = [b.text for a in articles for b in a.blocks if b.kind in LINKED_BLOCKS]

    linker_times, naive_times = [], []
    mentions = matches = 0
    for rep in range(max(repeat, naive_repeat)):
        if rep < repeat:
            start = time.perf_counter()
            mentions = sum(len(link_article(a, index).mentions) for a in articles)
            linker_times.append(time.perf_counter() - start)
        if rep < naive_repeat:
            start = time.perf_counter()
            matches = sum(len(naive_link(t, patterns)) for t in texts)
            naive_times.append(time.perf_counter() - start)
    return LinkerFigures(
        entities=len(knowledge.entities),
        aliases=len(patterns),
        articles=len(articles),
        characters=sum(len(t) for t in texts),
        index_seconds=index_seconds,
        linker_seconds=median(linker_times),
        compile_seconds=compile_seconds,
        naive_seconds=median(naive_times),
        linker_mentions=mentions,
        naive_matches=matches,
    )
