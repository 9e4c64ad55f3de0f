"""How many hand-annotated names the linker finds when the knowledge base holds them.

For each page of the SmartData dev corpus (``tests/corpora/smartdata-dev``),
the knowledge base holds exactly the page's annotated persons and
organisations under their ``normalized`` names, without aliases; the page's
``text_excerpt`` becomes an article with one paragraph per line. A mention
counts as found when the linker (policy "all") gives the same entity a span
that overlaps the annotated one. The figure shows what the linker's own rules
(inflections, hyphen compounds, surnames) achieve without any alias written.

    .venv/bin/python scripts/measure_linker.py [CORPUS_DIR]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from randnotiz.index import build_index
from randnotiz.link import link_article
from randnotiz.model import (
    Article,
    Block,
    BlockKind,
    KnowledgeBase,
    Organization,
    Origin,
    Person,
)
from randnotiz.paths import Slug, slugify

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "smartdata-dev"


@dataclass(frozen=True)
class Annotated:
    """One hand-annotated mention: a span of ``text_excerpt`` and the entity it names."""

    start: int
    end: int
    surface: str
    normalized: str
    person: bool


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    mentions: tuple[Annotated, ...]


@dataclass(frozen=True)
class PageResult:
    page: Page
    found: tuple[Annotated, ...]
    missed: tuple[Annotated, ...]

    @property
    def share(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0


def load_pages(corpus: Path = CORPUS) -> list[Page]:
    pages = []
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        mentions = tuple(
            Annotated(m["start"], m["end"], m["surface"], m["normalized"], m["type"] == "PERSON")
            for m in data["mentions"]
        )
        pages.append(Page(path.stem, data["text_excerpt"], mentions))
    return pages


def entity_ids(page: Page) -> dict[str, Slug]:
    """One id per distinct normalized name ("Seerene" and "seerene" are two entries)."""
    ids: dict[str, Slug] = {}
    for m in page.mentions:
        if m.normalized not in ids:
            base = slugify(m.normalized) or "eintrag"
            eid, n = base, 1
            while eid in ids.values():
                n += 1
                eid = f"{base}-{n}"
            ids[m.normalized] = Slug(eid)
    return ids


def knowledge_for(page: Page) -> KnowledgeBase:
    """The page's annotated names, canonical forms only: persons and organisations."""
    origin = Origin(page.name)
    ids = entity_ids(page)
    people: dict[str, Person] = {}
    organizations: dict[str, Organization] = {}
    for m in page.mentions:
        eid, name = ids[m.normalized], m.normalized
        if m.person:
            people.setdefault(eid, Person(id=eid, name=name, summary=name, origin=origin))
        else:
            organizations.setdefault(
                eid, Organization(id=eid, name=name, summary=name, origin=origin)
            )
    return KnowledgeBase(people=tuple(people.values()), organizations=tuple(organizations.values()))


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def article_for(page: Page) -> tuple[Article, list[int]]:
    """The excerpt as an article, one paragraph a line; and where each line starts."""
    lines = lines_with_offsets(page.text)
    blocks = tuple(Block(BlockKind.PARAGRAPH, line, n + 1) for n, (_, line) in enumerate(lines))
    article = Article(Slug(slugify(page.name)), page.name, dt.date(2016, 1, 1), blocks, page.name)
    return article, [offset for offset, _ in lines]


def measure_page(page: Page) -> PageResult:
    knowledge = knowledge_for(page)
    article, offsets = article_for(page)
    linked = link_article(article, build_index(knowledge), "all")
    spans = [
        (m.entity, offsets[m.block] + m.start, offsets[m.block] + m.end) for m in linked.mentions
    ]
    ids = entity_ids(page)
    found, missed = [], []
    for a in page.mentions:
        eid = ids[a.normalized]
        hit = any(e == eid and s < a.end and a.start < end for e, s, end in spans)
        (found if hit else missed).append(a)
    return PageResult(page, tuple(found), tuple(missed))


def measure(corpus: Path = CORPUS) -> list[PageResult]:
    return [measure_page(page) for page in load_pages(corpus)]


def overall(results: list[PageResult]) -> float:
    found = sum(len(r.found) for r in results)
    total = found + sum(len(r.missed) for r in results)
    return found / total if total else 1.0


def context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", "⏎")
    right = text[end : end + width].replace("\n", "⏎")
    return f"…{left}[{text[start:end]}]{right}…"


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else CORPUS
    results = measure(corpus)
    for r in results:
        total = len(r.found) + len(r.missed)
        print(f"{r.page.name:24} {len(r.found):3}/{total:<3} {r.share:7.1%}")
    found = sum(len(r.found) for r in results)
    total = found + sum(len(r.missed) for r in results)
    print(f"{'overall':24} {found:3}/{total:<3} {overall(results):7.1%}")
    misses = [(r.page, a) for r in results for a in r.missed]
    if misses:
        print("\nmissed mentions (page, surface, normalized, context):")
        for page, a in misses:
            where = context(page.text, a.start, a.end)
            print(f"  {page.name}: {a.surface!r} -> {a.normalized!r}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
