"""Old URLs of articles, and the pages they lead to now.

When an article's id changes (its title changed, or its ``id:``), its YAML
lists the old ids under ``redirect_from``. The build writes them into
``docs/.randnotiz-redirects`` (a dotfile: MkDocs does not publish it), and the
MkDocs hook hands them to the mkdocs-redirects plugin, which writes a page at
each old URL that sends the reader on. Written by the build, the list is there
too when the hook skips a generation because nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from randnotiz.model import Article
from randnotiz.paths import ARTICLES, DocPath, doc_path

REDIRECTS_PATH = DocPath(".randnotiz-redirects")
_HEADER = "# Old page, new page: from redirect_from in annotations/articles/ (mkdocs-redirects).\n"


def redirect_map(articles: Iterable[Article]) -> dict[DocPath, DocPath]:
    """Each old article page and the page of the article that replaced it, sorted."""
    pairs = {
        doc_path(ARTICLES, old): doc_path(ARTICLES, article.id)
        for article in articles
        for old in article.redirect_from
    }
    return dict(sorted(pairs.items()))


def render_redirects(articles: Iterable[Article]) -> str:
    return _HEADER + "".join(f"{old} {new}\n" for old, new in redirect_map(articles).items())


def parse_redirects(text: str) -> dict[str, str]:
    """What ``render_redirects`` wrote, as the plugin's ``redirect_maps``."""
    pairs = (line.split(" ") for line in text.splitlines() if not line.startswith("#"))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}
