"""URLs the site generator does not make for us: raw HTML, JSON-LD and the feed.

Markdown links between ``.md`` sources are resolved and checked by the site
generator. Links inside raw HTML (the SVG graphs) and absolute URLs (JSON-LD,
the Atom feed) are not, so they are computed here from the same ``url_of`` the
rest of the build uses, and tests follow them in the built site.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from randnotiz.config import Settings
from randnotiz.paths import DocPath, url_of


def site_href(settings: Settings, target: DocPath, anchor: str | None = None) -> str:
    """A page's URL from the site's root ("/personen/yann-lecun/"), for links in raw HTML.

    Not a relative link: MkDocs leaves hrefs in raw HTML as written and
    resolves them against the page's URL, while Zensical rewrites them as if
    they were relative to the Markdown source, one folder higher. A path from
    the root means the same to both. The root is the path of ``site_url``
    ("/" without one), which is where ``mkdocs serve`` serves the site too.
    """
    href = _root(settings.site_url) + url_of(target)
    return href if anchor is None else f"{href}#{anchor}"


@functools.cache
def _root(site_url: str | None) -> str:
    """The path of ``site_url`` without its last slash, worked out once: every link
    in raw HTML starts with it."""
    return urlsplit(site_url or "/").path.rstrip("/")


def absolute_url(settings: Settings, path: DocPath | None = None, anchor: str | None = None) -> str:
    """``site_url`` joined with a page's URL; a site-absolute path when no ``site_url`` is set.

    ``path=None`` is the site's root.
    """
    url = url_of(path) if path is not None else "/"
    base = (settings.site_url or "").rstrip("/")
    full = base + url
    return full if anchor is None else f"{full}#{anchor}"


def absolute_file_url(settings: Settings, name: str) -> str:
    """``site_url`` joined with a file's path under the site root (``feed.xml``)."""
    return (settings.site_url or "").rstrip("/") + "/" + name.lstrip("/")
