"""Where a saved page was published: its canonical address and the site's name.

Publishers expect their text to be quoted with its source, and a saved file
no longer knows where it came from; the page itself does. ``<link
rel=canonical>`` is the address the publisher wants cited (without tracking
parameters), ``og:url`` the one it gives social networks; ``og:site_name``
and its kin name the site. The same address identifies the same article
saved twice.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from randnotiz.importer.webpage import normalize_space
from randnotiz.model import Source

__all__ = [
    "is_front_page",
    "page_source",
    "points_here",
    "redirect_target",
    "site_from_url",
    "url_key",
]

_SITE_METAS = ("og:site_name", "application-name", "publisher", "dc.publisher")
_REFRESH = re.compile(r"^\s*\d*\s*[;,]?\s*url\s*=\s*['\"]?(?P<url>[^'\"]+)", re.IGNORECASE)


def page_source(soup: BeautifulSoup, metas: dict[str, str]) -> Source:
    """The page's canonical URL (else ``og:url``) and its site's name (else the URL's host)."""
    url = None
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        if "canonical" in (r.lower() for r in rels):
            url = _absolute(str(link["href"]), metas.get("og:url"))
            if url:
                break
    url = url or _absolute(metas.get("og:url", ""), None)
    site = next((s for k in _SITE_METAS if (s := _site_name(metas.get(k, "")))), None)
    if site is None and url is not None:
        site = site_from_url(url)
    return Source(url, site)


def _absolute(href: str, other: str | None) -> str | None:
    """An absolute http(s) address; ``//host/path`` takes the scheme of ``other``."""
    href = href.strip()
    if href.startswith("//"):
        scheme = urlsplit(other or "").scheme or "https"
        href = f"{scheme}:{href}"
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in href):
        return None
    return href


def _site_name(value: str) -> str | None:
    """A site's name as a meta tag gives it; an address there becomes its host."""
    value = normalize_space(value)
    if not value:
        return None
    if re.match(r"https?://", value):
        return site_from_url(value)
    return value


def site_from_url(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def redirect_target(soup: BeautifulSoup) -> str | None:
    """Where ``<meta http-equiv=refresh>`` sends the browser, if the page says so."""
    for meta in soup.find_all("meta"):
        if str(meta.get("http-equiv") or "").lower() == "refresh":
            m = _REFRESH.match(str(meta.get("content") or ""))
            if m:
                return m.group("url").strip()
    return None


def url_key(url: str) -> tuple[str, str, str]:
    """One article's address, however a site or a browser wrote it: the scheme, ``www.``,
    a closing slash and the fragment do not count."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return host, parts.path.rstrip("/") or "/", parts.query


def points_here(href: str, page_url: str | None) -> bool:
    """Whether a link leads to the page itself: an anchor in it, or its own address.

    Sites link a headline to its own article (``<h1><a href="/der-artikel">``);
    such a heading is the page's headline, not a teaser for another page.
    """
    href = href.strip()
    if not href or href.startswith("#"):
        return True
    if not page_url:
        return False
    return url_key(urljoin(page_url, href).split("#")[0]) == url_key(page_url.split("#")[0])


_FRONT_PATHS = re.compile(r"/?(?:index\.\w{3,4}|home|start|startseite)?/?", re.IGNORECASE)


def is_front_page(url: str | None) -> bool:
    """Whether the page says it is its site's front page: its own address is the site's root.

    An article has an address of its own; a front page, however much text its
    teasers hold, is a list of articles.
    """
    if not url:
        return False
    parts = urlsplit(url)
    return not parts.query and _FRONT_PATHS.fullmatch(parts.path) is not None
