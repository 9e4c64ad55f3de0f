"""Title, date and author of a saved news page, from what the page says about itself.

Sites state these three things in several places at once: meta tags for
social networks, JSON-LD for search engines, ``<time>`` and ``itemprop`` in
the markup, and plain text next to the headline. Each is sometimes missing or
wrong (a breadcrumb in ``<h1>``, the site's name as author, a shortened
``og:title``), so every reader here cross-checks one source against another.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from randnotiz.dates import parse_date
from randnotiz.importer.webpage import normalize_space
from randnotiz.read.seed import BYLINE as SEED_BYLINE

# --- meta tags -------------------------------------------------------------------


def meta_values(soup: BeautifulSoup) -> dict[str, str]:
    """Every ``<meta>`` by its lowercased name, property or itemprop; the first one wins."""
    out: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = normalize_space(str(meta.get("content") or ""))
        if key and content:
            out.setdefault(str(key).strip().lower(), content)
    return out


def json_ld(soup: BeautifulSoup) -> list[dict]:
    """The JSON-LD objects of the page, ``@graph`` and lists flattened; broken JSON is skipped."""
    found: list[dict] = []

    def collect(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict):
            found.append(node)
            if "@graph" in node:
                collect(node["@graph"])

    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.IGNORECASE)):
        try:
            collect(json.loads(script.string or ""))
        except ValueError:
            continue
    return found


# --- title ------------------------------------------------------------------------

_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "title")
_SEPARATOR = re.compile(r"\s+(\||::|–|—|-|·|»)\s+")
_DOMAIN = re.compile(
    r"\b[\w-]+\.(?:de|at|ch|com|net|org|eu|info|tv|fm|fr|it|co\.uk)\b", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_KICKER_CLASS = re.compile(
    r"kicker|dachzeile|topline|roofline|overline|spitzmarke|supertitle|pretitle|ueberzeile", re.I
)
_LEADING_JUNK = re.compile(r"^[\s:*•·|>–—-]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Headline:
    title: str
    rubric: str | None = None
    element: Tag | None = None  # where the headline stands in the page, if it was found there


def site_names(soup: BeautifulSoup, metas: dict[str, str]) -> set[str]:
    names = {
        metas.get(k, "") for k in ("og:site_name", "application-name", "publisher", "dc.publisher")
    }
    return {n.casefold() for n in names if n}


def strip_site_name(title: str, sites: set[str]) -> str:
    """'Intel streicht … | 20.04.16 | finanzen.at' without the date and the site.

    Only what is clearly not part of a headline goes: a domain, a date, the
    site's declared name, a short part after '|' or '::', a part in capitals.
    A ' - ' inside a headline ('Intel streicht Stellen - Prognose enttäuscht
    Anleger') stays.
    """
    title = re.sub(r"\s*\((?:www\.)?[\w-]+\.(?:de|at|ch|com|net|org)\)\s*$", "", title)
    parts = _SEPARATOR.split(title)  # text, separator, text, separator, …
    while len(parts) >= 3:
        separator, last = parts[-2], parts[-1].strip()
        site_like = (
            not last
            or _DOMAIN.search(last) is not None
            or _NUMERIC_DATE.fullmatch(last) is not None
            or last.casefold() in sites
            or (separator in ("|", "::", "·", "»") and len(last.split()) <= 5)
            or (last.isupper() and len(last) > 2)
        )
        if not site_like:
            break
        parts = parts[:-2]
    return re.sub(
        r"\s*\((?:www\.)?[\w-]+\.(?:de|at|ch|com|net|org)\)\s*$", "", "".join(parts)
    ).strip()


def _tokens(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _contained(inner: str, outer: str) -> float:
    """The share of ``inner``'s words that ``outer`` has too."""
    a, b = _tokens(inner), _tokens(outer)
    return len(a & b) / len(a) if a else 0.0


def _headline_text(tag: Tag) -> tuple[str, str | None]:
    """The headline's text without its kicker, and the kicker."""
    kicker_tag = tag.find(class_=_KICKER_CLASS)
    kicker = normalize_space(kicker_tag.get_text(" ")) if isinstance(kicker_tag, Tag) else ""
    text = _LEADING_JUNK.sub("", normalize_space(tag.get_text(" ")))
    if kicker and text.startswith(kicker):
        text = _LEADING_JUNK.sub("", text[len(kicker) :])
    return _tidy(text), kicker or None


def _tidy(text: str) -> str:
    """Spaces that markup put before punctuation (``<span>A</span> :``) go."""
    return re.sub(r"\s+([,.:;!?…)])", r"\1", text).strip()


def find_headline(soup: BeautifulSoup, metas: dict[str, str]) -> Headline | None:
    """The article's headline: the ``<h1>`` (or ``itemprop=headline``) that the meta titles confirm.

    ``og:title`` is sometimes shortened, sometimes carries the site's name;
    ``<h1>`` is sometimes a breadcrumb or the site's logo. A heading whose
    words all appear in a meta title (or that contains all of a meta title's
    words) is the headline; without one, the meta title less the site name.
    """
    sites = site_names(soup, metas)
    raw = [metas.get(k) for k in _TITLE_METAS[:-1]]
    if soup.title is not None:
        raw.append(normalize_space(soup.title.get_text(" ")))
    titles = [t for t in raw if t]
    stripped = [strip_site_name(t, sites) for t in titles]

    found = soup.find_all(["h1", "h2", "h3"])
    first = [
        c for c in found if c.name == "h1" or "headline" in str(c.get("itemprop") or "").lower()
    ]
    chosen = {id(c) for c in first}
    candidates = first + [c for c in found if id(c) not in chosen]
    best: tuple[int, bool, int, Headline] | None = None
    for order, tag in enumerate(candidates):
        text, kicker = _headline_text(tag)
        if len(text.split()) < 2 or len(text) > 300:
            continue
        match = max(
            [_contained(text, t) for t in titles]
            + [_contained(s, text) for s in stripped if s]
            + [0.0]
        )
        if match < 0.8 or (tag.name != "h1" and match < 0.95):
            continue
        key = (len(text), kicker is not None, -order)
        if best is None or key > best[:3]:
            best = (*key, Headline(text, kicker, tag))
    if best is not None:
        return best[3]
    if stripped and stripped[0]:
        return Headline(_tidy(stripped[0]))
    h1 = soup.find("h1")
    if isinstance(h1, Tag):
        text, kicker = _headline_text(h1)
        if text:
            return Headline(text, kicker, h1)
    return None


# --- date -------------------------------------------------------------------------

_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date.created",
    "date.available",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SHORT_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.]*\d)")
_DATE_IN_TEXT = re.compile(
    r"(?<![\d.])\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}|[A-Za-zÄÖÜäöü]{3,9}\.?,?\s+\d{4})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}"
)


def parse_any_date(text: str) -> dt.date | None:
    """A date from a machine value ('2016-02-19T13:48') or a German one ('23.02.16 17:45')."""
    text = text.strip()
    if m := _ISO_DATE.match(text):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if (date := parse_date(text)) is not None:
        return date
    if m := _SHORT_DATE.match(text):
        try:
            return dt.date(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def date_in_text(text: str) -> dt.date | None:
    """The first date written anywhere in a line ('Erstellt 11.02.2016', '17:21 23.02.16')."""
    for m in _DATE_IN_TEXT.finditer(text):
        if (date := parse_any_date(m.group(0))) is not None:
            return date
    if m := _SHORT_DATE.search(text):
        return parse_any_date(m.group(0))
    return None


def machine_date(soup: BeautifulSoup, metas: dict[str, str], ld: list[dict]) -> dt.date | None:
    """The publication date the page states for machines, most trusted source first."""
    for key in _DATE_METAS:
        if key in metas and (date := parse_any_date(metas[key])) is not None:
            return date
    for obj in ld:
        value = obj.get("datePublished") or obj.get("dateCreated")
        if isinstance(value, str) and (date := parse_any_date(value)) is not None:
            return date
    for tag in soup.find_all(itemprop=re.compile(r"^datePublished$", re.IGNORECASE)):
        for value in (tag.get("content"), tag.get("datetime"), tag.get_text(" ")):
            if value and (date := parse_any_date(str(value))) is not None:
                return date
    for tag in soup.find_all("time"):
        for value in (tag.get("datetime"), tag.get_text(" ")):
            if value and (date := parse_any_date(str(value))) is not None:
                return date
    return None


# --- author -----------------------------------------------------------------------

# The seed reader's own byline pattern: a byline found here must be one it reads back.
_BYLINE = SEED_BYLINE
_NOT_A_PERSON = re.compile(
    r"\b(?:GmbH|AG|KG|Verlag|Zeitung|Presse|Redaktion|Online|News|Nachrichten|Agentur|Media|Medien|"
    r"Morgenpost|Rundschau|Anzeiger|Kurier|Rundfunk|Radio|Aktuell|Newswires?)\b|https?:|www\.|@",
    re.IGNORECASE,
)


def clean_author(text: str, soup: BeautifulSoup, sites: set[str]) -> str | None:
    """A person's name from a byline or meta tag, or None when it names the site instead."""
    text = normalize_space(text)
    text = re.sub(r"^(?:von|by|autor(?:in)?:?)\s+", "", text, flags=re.IGNORECASE)
    text = re.split(r"\s+(?:Quelle|Foto|Bild|Mitarbeit)\s*:", text)[0]
    text = text.strip(" ,;|-")
    if not text or len(text) > 80 or any(ch.isdigit() for ch in text):
        return None
    head = text.split(",")[0]
    if _NOT_A_PERSON.search(head) or _DOMAIN.search(text) or head.casefold() in sites:
        return None
    page_title = soup.title.get_text(" ").casefold() if soup.title is not None else ""
    if head.casefold() in page_title:
        return None  # the site's own name, as in 'Berliner Morgenpost - Berlin'
    if len(head.split()) < 2 or _BYLINE.fullmatch(f"Von {text}") is None:
        return None
    return text


def find_author(soup: BeautifulSoup, metas: dict[str, str], ld: list[dict]) -> str | None:
    """The author as the page names them: ``itemprop=author`` first, then meta tags and JSON-LD."""
    sites = site_names(soup, metas)
    names: list[str] = []
    for tag in soup.find_all(itemprop=re.compile(r"^author$", re.IGNORECASE)):
        name_tag = tag.find(itemprop="name")
        value = tag.get("content") or (name_tag or tag).get_text(" ")
        if (name := clean_author(str(value), soup, sites)) and name not in names:
            names.append(name)
    if names:
        return " und ".join(names)
    candidates: list[str] = [metas.get(k, "") for k in ("author", "article:author", "dc.creator")]
    for obj in ld:
        candidates.extend(_ld_names(obj.get("author")))
    for value in candidates:
        if value and (name := clean_author(value, soup, sites)):
            return name
    return None


def _ld_names(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict) and isinstance(node.get("name"), str):
        yield node["name"]
    elif isinstance(node, list):
        for item in node:
            yield from _ld_names(item)


def byline_author(text: str) -> str | None:
    """'Von Christoph Dernbach, dpa' → 'Christoph Dernbach, dpa'."""
    m = _BYLINE.fullmatch(text)
    return m.group("author").strip() if m else None
