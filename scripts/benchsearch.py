"""What Pagefind's search index costs at archive size, and whether it holds text twice.

Pagefind writes its index in chunks (``pagefind/index/``), one fragment per
result (``pagefind/fragment/``, the text shown in excerpts), filters and a
metadata file; a query loads only the chunks of its words and the fragments
of the results on screen. The figures here are the whole index, its largest
file (the most a single request can cost), and per article.

Article sentences must be found on the article only: the "Erwähnt in" lists
of profiles repeat them and are kept out of the index. The fragments hold the
indexed text of each page, so this reads them back (gzip, then JSON).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from randnotiz.paths import ARTICLES, GLOSSARY, ORGANIZATIONS, PEOPLE
from randnotiz.search_index import fragments

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_SENTENCE = 40  # shorter pieces ("Meta", "seit 2013") repeat by nature
#: The files of the index itself; the rest of the bundle is the search's program.
INDEX_PARTS = ("index", "fragment", "filter")


@dataclass(frozen=True)
class SearchFigures:
    index_bytes: int  # chunks, fragments, filters and metadata: already gzipped by Pagefind
    largest_file_bytes: int
    index_files: int
    articles: int
    entries: int  # results: pages and glossary terms
    text_bytes: int
    duplicated_bytes: int  # sentences the site indexes again on another page, beyond the first
    article_sentences_on_profiles: int  # must be 0: "Erwähnt in" is excluded
    profiles_indexed: int
    profiles: int
    articles_indexed: int
    terms_indexed: int

    @property
    def bytes_per_article(self) -> float:
        return self.index_bytes / max(self.articles, 1)

    @property
    def duplicated_share(self) -> float:
        return self.duplicated_bytes / max(self.text_bytes, 1)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if len(s) >= MIN_SENTENCE]


def index_files(bundle: Path) -> list[Path]:
    files = [p for part in INDEX_PARTS for p in (bundle / part).glob("*") if p.is_file()]
    return files + sorted(bundle.glob("*.pf_meta"))


def _section(url: str) -> str:
    return url.strip("/").split("/", 1)[0]


def measure(site: Path, article_texts: list[str], articles: int, profiles: int) -> SearchFigures:
    """``article_texts``: the text blocks of every article, as the seeds have them."""
    bundle = site / "pagefind"
    files = index_files(bundle)
    sizes = [p.stat().st_size for p in files]
    article_sentences = {s for text in article_texts for s in sentences(text)}
    sources_by_sentence: dict[str, set[str]] = defaultdict(set)
    profile_sentences: set[str] = set()
    indexed: dict[str, set[str]] = defaultdict(set)
    text_bytes = 0
    results = fragments(bundle)
    for result in results:
        url, content = result["url"], result["content"]
        section = _section(url)
        indexed[section].add(url)
        text_bytes += len(content.encode("utf-8"))
        source = ARTICLES if section == ARTICLES else url
        for s in sentences(content):
            sources_by_sentence[s].add(source)
            if section in (PEOPLE, ORGANIZATIONS):
                profile_sentences.add(s)
    duplicated = sum(
        len(s.encode("utf-8")) * (len(sources) - 1) for s, sources in sources_by_sentence.items()
    )
    return SearchFigures(
        index_bytes=sum(sizes),
        largest_file_bytes=max(sizes, default=0),
        index_files=len(files),
        articles=articles,
        entries=len(results),
        text_bytes=text_bytes,
        duplicated_bytes=duplicated,
        article_sentences_on_profiles=len(article_sentences & profile_sentences),
        profiles_indexed=len(indexed[PEOPLE] | indexed[ORGANIZATIONS]),
        profiles=profiles,
        articles_indexed=len(indexed[ARTICLES]),
        terms_indexed=len(indexed[GLOSSARY]),
    )
