"""The article's headline and its kicker, weighed from everything the page says about them.

A page names its article several times: in ``<title>`` (usually with the
site's name), in ``og:title``, ``twitter:title`` and JSON-LD ``headline`` (for
social networks and search engines, sometimes shortened), and in its headings,
where the ``<h1>`` may be the headline, the site's logo, a breadcrumb or a
section's name. Each source is wrong somewhere; the headline is the heading
the other sources confirm. A kicker (German "Dachzeile") is the short line
right above the headline or inside its heading; it belongs to the headline.

A headline is not split at its colon ("Neues Online-Portal: „Hier spricht
die …“" is one headline) unless a meta title gives the words after the colon
alone: then the words before it are a kicker ("Deutschlandtakt: Flixbus …"
where ``og:title`` says "Flixbus …"). A lone place or date is never a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from randnotiz.importer.source import points_here
from randnotiz.importer.webpage import BLOCK_TAGS, normalize_space, word_count
from randnotiz.read.seed import is_rubric

__all__ = [
    "DOMAIN",
    "Headline",
    "find_headline",
    "site_names",
    "strip_site_name",
]

_SEPARATOR = re.compile(r"(\s+(?:\||::|--|–|—|-|·|»)\s+)")
DOMAIN = re.compile(r"\b[\w-]+\.(?:de|at|ch|com|net|org|eu|info|tv|fm|fr|it|co\.uk)\b", re.I)
_NUMERIC_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_DATE_AT_END = re.compile(r"\s*[(\[]?\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*[)\]]?\s*$")
_KICKER_CLASS = re.compile(
    r"kicker|dachzeile|topline|roofline|overline|spitzmarke|supertitle|pretitle|ueberzeile", re.I
)
# "16.02.2016", "7. April", "23:08", "vor 4 Min.": a date line above a headline, no kicker
_DATELIKE = re.compile(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)|\b\d{1,2}:\d{2}\b|\bvor \d", re.IGNORECASE
)
_LEADING_JUNK = re.compile(r"^[\s:*•·|>–—-]+")
_WORD = re.compile(r"\w+")
_HEADINGS = ("h1", "h2", "h3", "h4")
# Lines above a headline that are the page's controls, not its kicker.
_NOT_KICKERS = frozenset(
    "anzeige drucken teilen versenden merken mehr menü menu suche startseite home video "
    "fotos bilder live exklusiv".split()
)


@dataclass(frozen=True)
class Headline:
    title: str
    rubric: str | None = None
    element: Tag | None = None  # where the headline stands in the page, if it was found there
    kicker: Tag | None = None  # the kicker's own element, when it stands outside the headline


def site_names(metas: dict[str, str]) -> set[str]:
    """The publisher's names as its meta tags declare them, casefolded."""
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
        separator, last = parts[-2].strip(), parts[-1].strip()
        site_like = (
            not last
            or DOMAIN.search(last) is not None
            or _NUMERIC_DATE.fullmatch(last) is not None
            or last.casefold() in sites
            or (separator in ("|", "::", "--", "·", "»") and len(last.split()) <= 5)
            or (last.isupper() and len(last) > 2)
        )
        if not site_like:
            break
        parts = parts[:-2]
    title = "".join(parts).strip()
    # "Radio Vest: Lippepegel …" / "Lippepegel …: Radio Vest": the site's name at either end;
    # longest first and in a fixed order, so that the result does not depend on a set's order
    for site in sorted(sites, key=lambda s: (-len(s), s)):
        for pattern in (rf"^{re.escape(site)}\s*[:|–-]\s+", rf"\s*[:|–-]\s*{re.escape(site)}$"):
            title = re.sub(pattern, "", title, flags=re.IGNORECASE)
    return title.strip()


def _title_site_names(page_title: str | None, sites: set[str]) -> set[str]:
    """The names after the headline in ``<title>`` ('Wirtschaft | Westfalen-Kurier')."""
    if not page_title:
        return set()
    rest = page_title[len(strip_site_name(page_title, sites)) :]
    return {p.strip().casefold() for p in _SEPARATOR.split(rest) if len(_tokens(p)) >= 1}


def _tokens(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _contained(inner: str, outer: str) -> float:
    """The share of ``inner``'s words that ``outer`` has too."""
    a, b = set(_tokens(inner)), set(_tokens(outer))
    return len(a & b) / len(a) if a else 0.0


def _tidy(text: str) -> str:
    """Spaces that markup put before punctuation (``<span>A</span> :``) go."""
    return re.sub(r"\s+([,.:;!?…)])", r"\1", text).strip()


def _headline_text(tag: Tag) -> tuple[str, Tag | None]:
    """The heading's text without its kicker and a trailing date, and the kicker's element.

    The kicker inside a heading is named like one, or is the heading's first
    line, set apart as a block of its own (``<h1><div>Sicherheit</div> Abläufe …</h1>``).
    """
    kicker = tag.find(class_=_KICKER_CLASS) or tag.find(["div", "p"])
    kicker = kicker if isinstance(kicker, Tag) and _text(kicker) else None
    if kicker is not None and (
        not _text(tag).startswith(_text(kicker))
        or len(_text(tag).split()) - len(_text(kicker).split()) < 2
    ):
        kicker = None
    text = _LEADING_JUNK.sub("", _text(tag))
    if kicker is not None and text.startswith(_text(kicker)):
        text = _LEADING_JUNK.sub("", text[len(_text(kicker)) :])
    return _tidy(_DATE_AT_END.sub("", text)), kicker


def _text(tag: Tag) -> str:
    return normalize_space(tag.get_text(" "))


def _linked(tag: Tag, url: str | None) -> bool:
    """A heading that is all link to another page: a teaser, not this page's headline.

    A link to the page itself (many sites link the headline to its own
    article) does not count.
    """
    text = _text(tag)
    links = tag.find_all("a") + ([tag] if tag.name == "a" else []) + tag.find_parents("a")
    linked = sum(len(_text(a)) for a in links if not points_here(str(a.get("href") or ""), url))
    return bool(text) and min(linked, len(text)) >= 0.8 * len(text)


def _json_ld_headlines(ld: list[dict]) -> list[str]:
    return [
        normalize_space(obj["headline"])
        for obj in ld
        if isinstance(obj.get("headline"), str) and obj["headline"].strip()
    ]


def find_headline(
    soup: BeautifulSoup,
    metas: dict[str, str],
    ld: list[dict],
    page_title: str | None,
    url: str | None = None,
) -> Headline | None:
    """The article's headline, with its kicker (as the rubric, or in front of the title).

    A heading whose words all appear in a meta title (or that holds all of a
    meta title's words, less the site's name) is confirmed; of the confirmed
    headings, the one the page marks ``itemprop=headline`` wins, else the
    longest, so that a breadcrumb or section name that ``<title>`` also
    contains loses. Without a confirmed heading, a meta title of three words
    or more is the headline, else the first ``<h1>`` or ``<h2>`` that reads
    like one. ``soup`` holds only what a reader sees (hidden text is gone);
    ``page_title`` is the ``<title>``, ``url`` the page's own address.
    """
    sites = site_names(metas) | _title_site_names(page_title, site_names(metas))
    raw = _json_ld_headlines(ld) + [
        metas[k] for k in ("og:title", "twitter:title", "dc.title") if metas.get(k)
    ]
    if page_title:
        raw.append(page_title)
    stripped = [s for s in (strip_site_name(t, sites) for t in raw) if s]
    confirmed = _confirmed_headings(soup, raw, stripped, url, sites)
    if confirmed:
        tag, text, kicker = confirmed[0]
        # A headline set as two headings ("Krisenmanager rät …:" over "„Mercedes …“"), both
        # in the <title>: the second is the headline, the first its kicker.
        after = _next_with_text(tag)
        second = next((c for c in confirmed if c[0] is after), None)
        if second and (_text(tag).endswith(":") or (after.name == "h1" and tag.name != "h1")):
            tag, text, kicker = second
        text = _punctuated(text, stripped)
        if kicker is None and (split := _kicker_before_colon(text, stripped)):
            return Headline(split[1], split[0], tag)
        return _with_kicker(text, tag, kicker, sites)

    # No heading is confirmed: the one headline the markup declares (a <title> such as "News
    # from The Associated Press" names the site, not the article), else a meta title that is
    # more than a word or two ("Bocholt", "Pressemitteilung" are a place and a kind of page),
    # else the first real heading.
    declared = soup.find_all(_declared)
    if len(declared) == 1 and word_count(_text(declared[0])) >= 3 and not _linked(declared[0], url):
        text, kicker = _headline_text(declared[0])
        return _with_kicker(text, _line_of(declared[0]), kicker, sites)
    meta = next((_tidy(s) for s in stripped if word_count(s) >= 3), None)
    if meta is not None:
        return Headline(meta, None, _element_saying(soup, meta))
    for tag in soup.find_all("h1") + soup.find_all("h2"):
        text, kicker = _headline_text(tag)
        words = word_count(text)
        real = words >= 3 or (words == 2 and tag.name == "h1")
        if real and not _linked(tag, url) and text.casefold() not in sites:
            return _with_kicker(text, tag, kicker, sites)
    return Headline(_tidy(stripped[0])) if stripped else None


def _confirmed_headings(
    soup: BeautifulSoup, raw: list[str], stripped: list[str], url: str | None, sites: set[str]
) -> list[tuple[Tag, str, Tag | None]]:
    """The headings the meta titles confirm, best first: (heading, text, inner kicker)."""
    ranked = []
    headings = soup.find_all(lambda t: t.name in _HEADINGS or _declared(t))
    for order, tag in enumerate(headings):
        text, kicker = _headline_text(tag)
        text = _without_site_name(text, sites)
        if word_count(text) < 2 or len(text) > 300 or _linked(tag, url):
            continue
        match = max(
            [_contained(text, t) for t in raw] + [_contained(s, text) for s in stripped] + [0.0]
        )
        if match < 0.8 or (match < 0.95 and tag.name != "h1" and not _declared(tag)):
            continue
        # A heading that says the title and no more beats one that holds it among other
        # words ("Noch keine Kommentare zu <Titel>"), then the longest (a section's name that
        # <title> also holds loses).
        exact = max([_contained(text, t) for t in raw] + [0.0]) >= 0.95
        key = (_declared(tag), exact, len(text), kicker is not None, -order)
        ranked.append((key, tag, text, kicker))
    ranked.sort(key=lambda r: r[0], reverse=True)
    return [(tag, text, kicker) for _, tag, text, kicker in ranked]


def _kicker_before_colon(text: str, titles: list[str]) -> tuple[str, str] | None:
    """'Deutschlandtakt: Flixbus attackiert Deutsche Bahn' as kicker and headline, when a
    meta title is the words after the colon and no more: the page's own word that the
    words before it are no part of the headline."""
    head, colon, rest = text.partition(": ")
    if not colon or not is_rubric(head) or word_count(rest) < 3:
        return None
    if any(_tidy(t).casefold() == rest.casefold() for t in titles):
        return head.strip(), rest.strip()
    return None


def _without_site_name(text: str, sites: set[str]) -> str:
    """A heading without the site's name at its end: a logo linked to the front page that
    stands inside the headline's heading ("… der Infanta Ultima Hora Mallorca")."""
    folded = text.casefold()
    for site in sorted(sites, key=lambda s: (-len(s), s)):
        if folded.endswith(site) and word_count(text[: -len(site)]) >= 2:
            return text[: -len(site)].rstrip(" -|:·»")
    return text


def _declared(tag: Tag) -> bool:
    """The markup says this is the headline: schema.org's ``itemprop=headline``, hAtom's
    ``entry-title``."""
    classes = tag.get("class") or []
    return str(tag.get("itemprop") or "").lower() == "headline" or "entry-title" in classes


def _element_saying(soup: BeautifulSoup, text: str) -> Tag | None:
    """The element whose own text is ``text``: where a headline known from meta tags stands."""
    found = soup.body.find(string=lambda s: normalize_space(s) == text) if soup.body else None
    return _line_of(found.parent) if found is not None and found.parent is not None else None


def _line_of(tag: Tag) -> Tag:
    """The block a piece of text stands in: the line, not a link or span inside it."""
    while tag.name not in BLOCK_TAGS and isinstance(tag.parent, Tag):
        tag = tag.parent
    return tag


def _punctuated(text: str, titles: list[str]) -> str:
    """The heading's words with a meta title's punctuation, where markup lost it.

    ``<h1>Neues Online-Portal<br>„Hier spricht die Polizei“</h1>`` reads as one
    line without its colon; ``og:title`` has "Neues Online-Portal: „Hier …“".
    """
    words = _tokens(text)
    for title in titles:
        if _tokens(title) == words and title.count(":") > text.count(":"):
            return _tidy(title)
    return text


def _with_kicker(text: str, tag: Tag, inner: Tag | None, sites: set[str]) -> Headline:
    """The headline with the kicker inside its heading, or the kicker line right above it."""
    kicker_tag = inner
    outside = None
    if kicker_tag is None:
        outside = _kicker_above(tag, text, sites)
        kicker_tag = outside
    if kicker_tag is None:
        return Headline(text, None, tag)
    kicker = _tidy(_LEADING_JUNK.sub("", _text(kicker_tag)))
    bare = kicker.rstrip(":").strip()
    if not bare or text.casefold().startswith(bare.casefold()):
        return Headline(text, None, tag, outside)
    if is_rubric(bare) and not kicker.endswith(":"):
        return Headline(text, bare, tag, outside)
    return Headline(f"{bare}: {text}", None, tag, outside)


def _kicker_above(tag: Tag, headline: str, sites: set[str]) -> Tag | None:
    """The short line right above the headline, in the same box: its kicker, if it is one.

    Dates, controls ("Drucken"), links (a breadcrumb), bylines, sentences and
    the site's own name are not kickers.
    """
    above = _previous_with_text(tag)
    if above is None:
        return None
    text = _text(above)
    words = text.rstrip(":").split()
    if not 1 <= len(words) <= 8 or len(text) > 80:
        return None
    from randnotiz.importer.lines import is_reading_time  # lines reads dates, dates read us

    if _DATELIKE.search(text) or re.search(r"[.!?…]$", text) or is_reading_time(text):
        return None
    if above.name == "a" or above.find("a") is not None:
        return None
    if text.casefold().rstrip(":") in _NOT_KICKERS:
        return None
    if _contained(headline, text) >= 0.8 or any(s in text.casefold() for s in sites):
        return None  # the headline again (a breadcrumb), or the site's name
    if re.match(r"(?:von|by)\s", text, re.IGNORECASE):
        return None
    return above


def _previous_with_text(tag: Tag) -> Tag | None:
    """The element before ``tag`` in its box (or its wrapper's), skipping empty ones."""
    node: Tag | None = tag
    for _ in range(3):  # the heading itself, or wrappers that hold only the heading
        if node is None:
            return None
        sibling = node.find_previous_sibling(True)
        while sibling is not None and not _text(sibling):
            sibling = sibling.find_previous_sibling(True)
        if sibling is not None:
            return sibling
        node = node.parent if isinstance(node.parent, Tag) else None
        if node is not None and node.name in ("article", "main", "body"):
            return None  # a kicker stands in the article's header, not outside the article
    return None


def _next_with_text(tag: Tag) -> Tag | None:
    sibling = tag.find_next_sibling(True)
    while sibling is not None and not _text(sibling):
        sibling = sibling.find_next_sibling(True)
    return sibling
