"""How well ``randnotiz suggest`` finds names, on the shipped article and on real news.

1. The shipped article with an empty knowledge base: which of the shipped
   people and organisations that the linker finds in the article does suggest
   propose (same name or alias), and how many suggestions are not names. "Not
   a name" is judged against NAMES_IN_ARTICLE below, every proper name in the
   article picked out by reading it (people, organisations, products, places,
   awards); the script also shows how many suggestions are neither a name nor
   an alias of the shipped people, organisations or glossary terms.
2. The SmartData dev corpus (``tests/corpora/smartdata-dev``): each
   ``text_excerpt`` as an article (one paragraph a line), an empty knowledge
   base; recall is the share of distinct annotated (page, name) pairs that a
   suggestion names, precision the share of distinct (page, suggestion) pairs
   that name an annotated person or organisation. Names match when equal after
   dropping trailing punctuation, or when one is the other plus a genitive -s;
   an annotated name matches by its normalized or any of its surface forms.

    .venv/bin/python scripts/measure_suggest.py [PROJECT_ROOT] [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from randnotiz.build import read_and_link
from randnotiz.index import build_index
from randnotiz.link import link_article
from randnotiz.model import EntityKind, KnowledgeBase
from randnotiz.suggest import Suggestion, suggest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_linker import CORPUS, ROOT, article_for, load_pages

#: Every proper name in seeds/2025-07-29-zuckerbergs-ki-offensive.txt, checked by hand.
NAMES_IN_ARTICLE = frozenset(
    """
    Meta|Mark Zuckerberg|Zuckerberg|Yann LeCun|LeCun|Ruoming Pang|Pang|Apple|Siri|Siri 2.0|
    FAIR|ChatGPT|LLaMA|LLaMA 4|Behemoth|DeepSeek|R1|Alexandr Wang|Scale AI|Nat Friedman|
    Daniel Gross|Meta Superintelligence Labs|Meta Superintelligence Lab|Menlo Park|Nvidia|
    Turing Award|Google|Microsoft|Mistral|Anthropic|OpenAI|Mark Chen|Facebook|WhatsApp|Instagram
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)


def _clean(name: str) -> str:
    return name.strip().rstrip(".,;:!?-()").strip()


def same_name(a: str, b: str) -> bool:
    a, b = _clean(a), _clean(b)
    return a == b or a + "s" == b or b + "s" == a


def forms(s: Suggestion) -> tuple[str, ...]:
    return (s.name, *s.forms)


@dataclass(frozen=True)
class ArticleFigures:
    expected: tuple[str, ...]  # ids of shipped people/organisations the linker finds in the article
    proposed: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    not_names: tuple[str, ...]
    not_in_kb: tuple[str, ...]


def measure_article(root: Path = ROOT) -> ArticleFigures:
    linked = read_and_link(root)
    knowledge = linked.sources.knowledge
    full = build_index(knowledge)
    present = {
        m.entity for a in linked.sources.articles for m in link_article(a, full, "all").mentions
    }
    entities = [e for e in (*knowledge.people, *knowledge.organizations) if e.id in present]
    found = suggest(linked.sources.articles, build_index(KnowledgeBase()))
    proposed = [
        e.id
        for e in entities
        if any(same_name(n, f) for s in found for f in forms(s) for n in e.names)
    ]
    kb_names = [n for e in knowledge.entities for n in e.names]
    not_names = [s.name for s in found if not any(same_name(s.name, n) for n in NAMES_IN_ARTICLE)]
    not_in_kb = [
        s.name for s in found if not any(same_name(f, n) for f in forms(s) for n in kb_names)
    ]
    return ArticleFigures(
        tuple(e.id for e in entities),
        tuple(proposed),
        tuple(found),
        tuple(not_names),
        tuple(not_in_kb),
    )


@dataclass(frozen=True)
class CorpusFigures:
    annotated: int
    recalled: int
    suggested: int
    correct: int
    suggested_names: int  # person and organisation guesses only
    correct_names: int
    missed: tuple[tuple[str, str], ...]
    wrong: tuple[tuple[str, str, str], ...]

    @property
    def recall(self) -> float:
        return self.recalled / self.annotated if self.annotated else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def precision_names(self) -> float:
        return self.correct_names / self.suggested_names if self.suggested_names else 1.0


def measure_corpus(corpus: Path = CORPUS) -> CorpusFigures:
    empty = build_index(KnowledgeBase())
    annotated = recalled = suggested = correct = suggested_names = correct_names = 0
    missed: list[tuple[str, str]] = []
    wrong: list[tuple[str, str, str]] = []
    for page in load_pages(corpus):
        article, _ = article_for(page)
        found = suggest([article], empty)
        gold: dict[str, set[str]] = defaultdict(set)
        for m in page.mentions:
            gold[m.normalized] |= {m.normalized, m.surface}
        for normalized, names in gold.items():
            annotated += 1
            if any(same_name(n, f) for n in names for s in found for f in forms(s)):
                recalled += 1
            else:
                missed.append((page.name, normalized))
        every = {n for names in gold.values() for n in names}
        for s in found:
            hit = any(same_name(f, n) for f in forms(s) for n in every)
            suggested += 1
            correct += hit
            if s.kind is not EntityKind.TERM:
                suggested_names += 1
                correct_names += hit
            if not hit:
                wrong.append((page.name, s.name, s.kind.value))
    return CorpusFigures(
        annotated,
        recalled,
        suggested,
        correct,
        suggested_names,
        correct_names,
        tuple(missed),
        tuple(wrong),
    )


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT
    corpus = Path(argv[2]) if len(argv) > 2 else CORPUS
    a = measure_article(root)
    print("1. shipped article, empty knowledge base")
    print(
        f"   people and organisations of the knowledge base in the article: {len(a.expected)}; "
        f"proposed: {len(a.proposed)} ({len(a.proposed) / len(a.expected):.1%})"
    )
    missing = sorted(set(a.expected) - set(a.proposed))
    print(f"   not proposed: {', '.join(missing) or 'none'}")
    print(f"   suggestions: {len(a.suggestions)}")
    print(f"   not names (hand-checked list): {len(a.not_names)} {list(a.not_names)}")
    print(f"   not a name or alias in the shipped knowledge base: {len(a.not_in_kb)}", a.not_in_kb)
    for s in a.suggestions:
        print(f"     {s.count:3}  {s.kind.value:12}  {s.name}")
    c = measure_corpus(corpus)
    print("\n2. SmartData dev corpus, empty knowledge base")
    print(
        f"   recall:    {c.recalled}/{c.annotated} = {c.recall:.1%}", "of distinct annotated names"
    )
    print(
        f"   precision: {c.correct}/{c.suggested} = {c.precision:.1%}",
        "of suggestions are annotated",
    )
    print(
        f"   precision of person/organisation guesses: {c.correct_names}/{c.suggested_names} "
        f"= {c.precision_names:.1%}"
    )
    print(
        "   missed: " + "; ".join(f"{p.removeprefix('smartdata_news_')}: {n}" for p, n in c.missed)
    )
    print(
        "   not annotated: "
        + "; ".join(f"{p.removeprefix('smartdata_news_')}: {n} ({k})" for p, n, k in c.wrong)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
