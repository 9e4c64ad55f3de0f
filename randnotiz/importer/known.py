"""The articles a project holds already: to tell a page saved twice from a new article.

A newsroom saves the same article more than once: from a feed and from the
front page, before and after a correction, under two file names. Two saves are
the same article when the publisher gives them the same canonical address, or,
where a page names none, when headline, date and first paragraph agree. The
project's articles are read the way the build reads them (seeds, saved pages
in ``seeds/`` and their YAML); pages imported in the same run join as they
are written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from randnotiz.importer.source import url_key

__all__ = ["Duplicate", "Known", "known_articles"]


@dataclass(frozen=True)
class Duplicate:
    path: str  # the article's seed, as messages show it
    why: str  # "same canonical URL …" or "same headline, date and first paragraph"


def _text_key(title: str, date: dt.date, lede: str) -> tuple[str, dt.date, str]:
    return (" ".join(title.split()).casefold(), date, " ".join(lede.split()).casefold())


@dataclass
class Known:
    """The articles seen so far, by address and by headline, date and first paragraph."""

    by_url: dict[tuple[str, str, str], str] = field(default_factory=dict)
    by_text: dict[tuple[str, dt.date, str], str] = field(default_factory=dict)

    def add(self, path: str, title: str, date: dt.date, lede: str, url: str | None) -> None:
        if url:
            self.by_url.setdefault(url_key(url), path)
        self.by_text.setdefault(_text_key(title, date, lede), path)

    def find(self, title: str, date: dt.date, lede: str, url: str | None) -> Duplicate | None:
        if url and (path := self.by_url.get(url_key(url))):
            return Duplicate(path, f"same canonical URL {url}")
        if path := self.by_text.get(_text_key(title, date, lede)):
            return Duplicate(path, "same headline, date and first paragraph")
        return None


def known_articles(root: Path) -> Known:
    """Every article of the project at ``root``, read as the build reads them.

    Problems of the project (a YAML mistake, a seed without a date) are the
    build's to report; an article that cannot be read is simply not known.
    """
    from randnotiz.config import Project
    from randnotiz.read import read_sources

    known = Known()
    for article in read_sources(Project(root)).articles:
        url = article.original.url if article.original else None
        known.add(article.source, article.title, article.date, article.lede, url)
    return known
