"""Date and author of a saved news page, from what the page says about itself.

Sites state these in several places at once: meta tags for social networks,
JSON-LD for search engines, ``<time>`` and ``itemprop`` in the markup, the
URL's path, and plain text next to the headline. Each is sometimes missing or
wrong (the site's name as author, a widget's "Von Zeit zu Zeit" as a byline),
so every reader here checks one source against another. The headline has a
module of its own, ``headline``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from dateutil import parser as dateutil_parser

from randnotiz.dates import parse_date
from randnotiz.importer.headline import DOMAIN, site_names
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
        except (ValueError, RecursionError):  # nested too deep for the decoder: broken too
            continue
    return found


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


# Meta tags a site names itself that hold the date of publication, not of an update
_PUBLISHED_KEY = re.compile(r"publish|pubdate|date[_.:-]?original|issued", re.IGNORECASE)
_OTHER_DATE_KEY = re.compile(r"modif|updat|expir|end|edit|revis|epoch", re.IGNORECASE)
# hAtom and microformats2 (the AP's and many blogs' markup): a date of publication, else of the
# last update, in the element's title or datetime
_MICROFORMATS = (["published", "dt-published"], ["updated", "dt-updated"])


def value_date(value: str) -> dt.date | None:
    """A date from a value meant for machines, in whatever form a site writes it there:
    '2016-02-19T13:48', '20180619T055000+0900', 'Saturday, December 27, 2014, 12:06 PM'.

    The form a reader sees on the page is read by ``date_in_text``; here a
    maintained parser reads what sites put into meta tags and attributes, and
    a value that lacks a day, a month or a year (the parser would fill it in)
    is no date.
    """
    if (date := parse_any_date(value)) is not None:
        return date
    value = value.strip()
    if not value or value.isdigit() or len(value) > 60:
        return None
    try:
        first = dateutil_parser.parse(value, default=dt.datetime(1901, 1, 1))
        second = dateutil_parser.parse(value, default=dt.datetime(1902, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def machine_date(soup: BeautifulSoup, metas: dict[str, str], ld: list[dict]) -> dt.date | None:
    """The publication date the page states for machines, most trusted source first."""
    for key in _DATE_METAS:
        if key in metas and (date := value_date(metas[key])) is not None:
            return date
    for obj in ld:
        value = obj.get("datePublished") or obj.get("dateCreated")
        if isinstance(value, str) and (date := value_date(value)) is not None:
            return date
    for tag in soup.find_all(itemprop=re.compile(r"^datePublished$", re.IGNORECASE)):
        for value in (tag.get("content"), tag.get("datetime"), tag.get_text(" ")):
            if value and (date := parse_any_date(str(value))) is not None:
                return date
    for key, value in metas.items():
        published = _PUBLISHED_KEY.search(key) and not _OTHER_DATE_KEY.search(key)
        if published and (date := value_date(value)) is not None:
            return date
    for names in _MICROFORMATS:
        for tag in soup.find_all(class_=names):
            for value in (tag.get("datetime"), tag.get("title")):
                if value and (date := value_date(str(value))) is not None:
                    return date
    return None


def time_date(scope: Tag) -> dt.date | None:
    """The date of the first ``<time>`` in ``scope``: the headline's part of the page.

    A ``<time>`` elsewhere dates something else: an event in a calendar
    widget, a teaser for another article, a comment.
    """
    for tag in scope.find_all("time"):
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
    if _NOT_A_PERSON.search(head) or DOMAIN.search(text) or head.casefold() in sites:
        return None
    page_title = soup.title.get_text(" ").casefold() if soup.title is not None else ""
    if head.casefold() in page_title:
        return None  # the site's own name, as in 'Berliner Morgenpost - Berlin'
    if len(head.split()) < 2 or byline_author(f"Von {text}") is None:
        return None
    return text


def find_author(soup: BeautifulSoup, metas: dict[str, str], ld: list[dict]) -> str | None:
    """The author as the page names them: ``itemprop=author`` first, then meta tags and JSON-LD."""
    sites = site_names(metas)
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
    """'Von Christoph Dernbach, dpa' → 'Christoph Dernbach, dpa'; 'Von Zeit zu Zeit' → None."""
    m = _BYLINE.fullmatch(text)
    if m is None:
        return None
    author = m.group("author").strip()
    return author if is_person_name(author) else None


_PARTICLES = frozenset("von van de der den du da di del la le ten ter zu zur bin al el".split())


def is_person_name(text: str) -> bool:
    """Whether a byline names people: 'Karl-Heinz Patzer', 'Axel Höpner und Catrin Bialek, dpa'.

    A byline's name is two to five words in capitals (with "von", "de" and the
    like between them). A widget's title set like a byline ("Von Zeit zu
    Zeit", a column) is made of common nouns; a name has a given name in it or
    a word that is no common noun. The German word list of ``suggest`` says
    which is which; it is read only when a byline is judged.
    """
    people = [p for p in re.split(r"\s+und\s+|\s*[,/;]\s*", text) if len(p.split()) >= 2]
    return bool(people) and all(_one_person(p) for p in people)


def _one_person(name: str) -> bool:
    from randnotiz.suggest.lexicon import load_lexicon  # 80,000 words: only when needed

    words = name.split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2 or len(words) > 5:
        return False
    if any(w.casefold() not in _PARTICLES for w in words if not w[:1].isupper()):
        return False
    lexicon = load_lexicon()
    parts = [part for w in capitals for part in w.strip(".").split("-") if part]
    if any(lexicon.has(part, "g") for part in parts):
        return True
    return not all(lexicon.is_noun(part) for part in parts)


# --- the address --------------------------------------------------------------------

# /2016/02/23/, /20151130/, /2016-02-23-…: a date in the path of an article's address
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<sep>[/-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?=[/_.-]|$)"
)


def url_date(url: str | None) -> dt.date | None:
    """The date in an article's address, where the site puts one ('…/archive/2016/02/23/…')."""
    if not url:
        return None
    for m in _URL_DATE.finditer(urlsplit(url).path):
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None
