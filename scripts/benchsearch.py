"""What the search index costs at archive size, and whether it holds text twice.

Material's search plugin writes one JSON file that every reader downloads on
the first search, so its size per article is the figure that decides whether
search stays usable. Article sentences must be found on the article only: the
"Erwähnt in" lists of profiles repeat them and are marked
``data-search-exclude``. Text the site repeats on another page (summaries in
"Siehe auch", ledes on the index of articles) is counted too; the synthetic
articles share their template's sentences, so all articles count as one source
and only what the site itself copies is measured.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from randnotiz.paths import ARTICLES, ORGANIZATIONS, PEOPLE

_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_SENTENCE = 40  # shorter pieces ("Meta", "seit 2013") repeat by nature


@dataclass(frozen=True)
class SearchFigures:
    index_bytes: int
    articles: int
    entries: int
    text_bytes: int
    gzip_bytes: int  # what a server sends with compression
    duplicated_bytes: int  # sentences the site indexes again on another page, beyond the first
    article_sentences_on_profiles: int  # must be 0: "Erwähnt in" is excluded
    profiles_indexed: int
    profiles: int
    articles_indexed: int

    @property
    def bytes_per_article(self) -> float:
        return self.index_bytes / max(self.articles, 1)

    @property
    def duplicated_share(self) -> float:
        return self.duplicated_bytes / max(self.text_bytes, 1)


def plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(plain(text)) if len(s) >= MIN_SENTENCE]


def _section(location: str) -> str:
    return location.split("/", 1)[0]


def measure(site: Path, article_texts: list[str], articles: int, profiles: int) -> SearchFigures:
    """``article_texts``: the text blocks of every article, as the seeds have them."""
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data["docs"]
    sources_by_sentence: dict[str, set[str]] = defaultdict(set)
    article_sentences = {s for text in article_texts for s in sentences(text)}
    profile_sentences: set[str] = set()
    text_bytes = 0
    indexed: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        section = _section(page)
        indexed[section].add(page)
        text_bytes += len(plain(doc.get("text", "")).encode("utf-8"))
        source = ARTICLES if section == ARTICLES and page != f"{ARTICLES}/" else page
        for s in sentences(doc.get("text", "")):
            sources_by_sentence[s].add(source)
            if section in (PEOPLE, ORGANIZATIONS) and page != f"{section}/":
                profile_sentences.add(s)
    duplicated = sum(
        len(s.encode("utf-8")) * (len(sources) - 1) for s, sources in sources_by_sentence.items()
    )
    raw = path.read_bytes()
    return SearchFigures(
        index_bytes=len(raw),
        gzip_bytes=len(gzip.compress(raw, compresslevel=6)),
        articles=articles,
        entries=len(docs),
        text_bytes=text_bytes,
        duplicated_bytes=duplicated,
        article_sentences_on_profiles=len(article_sentences & profile_sentences),
        profiles_indexed=len(
            {p for s in (PEOPLE, ORGANIZATIONS) for p in indexed[s] if p != f"{s}/"}
        ),
        profiles=profiles,
        articles_indexed=len({p for p in indexed[ARTICLES] if p != f"{ARTICLES}/"}),
    )
