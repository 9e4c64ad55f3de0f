"""The article in a saved news page: headline, date, author, lede and body, nothing else.

A news page is mostly not the article: navigation, share buttons, adverts,
cookie banners, comment sections and teasers for other articles surround a
few hundred words of text. The article is found the way Readability finds
it: paragraphs vote for the elements around them (long paragraphs with many
commas vote more, link lists vote nothing), the element with most votes is the
article's body, and its siblings join when they look like more of the same.
Boxes inside the body that hold no sentence of their own (a slider of "top
news", a share bar) are dropped before the text is taken.

Everything here is a pure function of the page's bytes; reading and writing
files is left to the command.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from randnotiz.importer.page_meta import (
    Headline,
    byline_author,
    date_in_text,
    find_author,
    find_headline,
    json_ld,
    machine_date,
    meta_values,
)
from randnotiz.importer.webpage import (
    HEADING_TAGS,
    TextRun,
    attributes_text,
    close_paragraphs,
    decode_page,
    normalize_space,
    parse_page,
    strip_invisible,
    text_runs,
)
from randnotiz.model import BlockKind, Origin
from randnotiz.problems import Problem, error, warning
from randnotiz.read.seed import TEASER_MARKERS, is_heading


@dataclass(frozen=True)
class TextBlock:
    kind: BlockKind  # HEADING, PARAGRAPH or CAPTION
    text: str


@dataclass(frozen=True)
class Extracted:
    """An article as found in a page, ready to be written as a seed."""

    source: str
    title: str
    date: dt.date | None
    lede: str
    blocks: tuple[TextBlock, ...]
    rubric: str | None = None
    author: str | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)


# --- what elements are called ----------------------------------------------------------

# Boxes that are never the article, by the names sites give them.
_BOILERPLATE = re.compile(
    r"comment|kommentar|disqus|share|sharing|social|teilen|cookie|consent|newsletter|related|"
    r"verwandt|breadcrumb|pagination|pager|sidebar|sponsor|advert|werbung|anzeige|promo|banner|"
    r"popup|modal|login|signup|subscribe|footer|masthead|navigation|navbar|menu|toolbar|"
    r"meistgelesen|mostread|most-read|schlagwort|tagcloud|tag-list|rating|bewertung|recommend|"
    r"empfehl|outbrain|taboola|plista|ligatus|shariff|ticker|weather|wetter|morenews|more-news|"
    r"weitere|topnews|top-news|author-?box|autorbox|authorinfo|aboutautor|flyout|bookmark|"
    r"nocontent|vorlese|readspeaker|feedback|"
    r"adcontroller|adtile|adslot|adition|googlead|iqad|(?:^|[\s_-])(?:ad|ads|adv)(?:[\s_-]|$)",
    re.IGNORECASE,
)
# Names that mark the article itself; they protect a box from the list above.
_ARTICLE_NAMES = re.compile(
    r"(?<![a-z])(?:article|artikel|body|content|entry|main|post|text|story|beitrag|hentry)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"caption|bildunterschrift|bildtext|subline|legend|img-?text|image-?text|photo-?text|"
    r"(?:^|[\s_-])bu(?:[\s_-]|$)|tbu",
    re.IGNORECASE,
)
# A box named after a picture holds the picture's caption, if it holds text at all.
_PICTURE = re.compile(r"picture|image|(?<![a-z])bild|foto|photo|figure", re.IGNORECASE)
_LEDE = re.compile(
    r"intro|lead|lede|teaser|summary|abstract|standfirst|vorspann|kurztext|description|unterzeile",
    re.IGNORECASE,
)
_BOILERPLATE_TAGS = ("nav", "aside", "footer", "menu", "dialog")
# Loose text in these belongs to them; text in others (p, li, td) to their parent.
_CONTAINERS = frozenset("div section article main body form center header fieldset".split())

# --- what lines say -----------------------------------------------------------------------

_UI_WORDS = frozenset(
    """tweet twittern teilen drucken mailen e-mail email empfehlen weiterempfehlen anzeige
    redaktion vorlesen merken versenden mehr weiterlesen zurück weiter schließen facebook twitter
    google+ gplus xing whatsapp pinterest linkedin share kommentieren kommentare lesezeichen
    startseite feedback video foto fotos bild""".split()
) | {
    "per mail",
    "artikel per e-mail empfehlen",
    "bild vergrößern",
    "leserbrief schreiben",
    "seite teilen",
    "fehler melden",
    "artikel bookmarken",
    "zur startseite",
    "nach oben",
    "artikel versenden",
    "diesen artikel kommentieren",
}
_END_MARKERS = re.compile(
    r"(weitere links|mehr zu den themen|mehr dazu|schlagworte|leserkommentare|über den autor|"
    r"verwandte artikel|leser interessierten sich auch für|meistgelesene artikel|"
    r"weitere news|weitere nachrichten|weitere artikel|nachrichten zu .{1,60})\s*:?",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:Foto|Fotos|Bild|Bilder|Bildquelle|Quelle Bild|Grafik)\s*:\s*[^.!?]{1,60}\.?"
)
_DATE_FILLER = re.compile(
    r"\b(?:erstellt|aktualisiert|zuletzt|stand|veröffentlicht|am|um|vom|uhr|vor|\d+|minuten?|"
    r"stunden?|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez|den)\b|[\s\W]",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:\"“”«»)']\s*$")


_PROSE_END = re.compile(r"\w\w[.!?…][\"“”»«’')]*(?:\s|$)")
# Paragraphs that only point elsewhere: teasers, even inside the article's box.
_TEASER_END = re.compile(
    r"(?:\b(?:weiterlesen|zum artikel|artikel lesen|mehr lesen)\s*(?:\.\.\.|…|»|\u203a|>)?"
    r"|\bmehr\s*(?:\.\.\.|…|»|\u203a|>))\s*$",
    re.IGNORECASE,
)
_PAGINATION = re.compile(r"[«\u2039<]?\s*zurück\b.{0,20}\bweiter\s*[»\u203a>]?", re.IGNORECASE)
_SERVICE_TEXT = re.compile(
    r"vorlesefunktion|feedback bitte|javascript|cookies?\b.{0,40}\b(?:zu|akzeptieren|verwenden)|"
    r"newsletter (?:abonnieren|bestellen)|alle rechte vorbehalten",
    re.IGNORECASE,
)


def _is_good(text: str) -> bool:
    """A sentence or more of prose: what articles are made of and navigation is not."""
    return len(text) >= 50 and len(text.split()) >= 7 and _PROSE_END.search(text) is not None


def _is_teaser(text: str) -> bool:
    return len(text.split()) > 3 and _TEASER_END.search(text) is not None


def _is_dateline(text: str) -> bool:
    return len(text) < 90 and date_in_text(text) is not None and not _DATE_FILLER.sub("", text)


# --- the whole page ---------------------------------------------------------------------------


def extract_article(data: bytes, source: str) -> Extracted | tuple[Problem, ...]:
    """The article in a saved web page, or the problems that say why there is none."""
    where = Origin(source)
    if not data.strip():
        return (error(where, "the file is empty; save the web page again in the browser"),)
    if b"\x00" in data[:4096] and b"<" not in data[:4096]:
        return (
            error(where, "this is not a web page (HTML file); save the article's page as HTML"),
        )
    page = decode_page(data)
    problems: list[Problem] = []
    if page.guessed and page.declared is None:
        problems.append(
            warning(
                where, f"the page does not say which encoding it uses; read it as {page.encoding}"
            )
        )

    soup = parse_page(page.text)
    metas = meta_values(soup)
    ld = json_ld(soup)
    date = machine_date(soup, metas, ld)
    author = find_author(soup, metas, ld)
    headline = find_headline(soup, metas)
    sites = _site_names(soup, headline)
    strip_invisible(soup)  # after <head> and <script>, where meta tags and JSON-LD live
    close_paragraphs(soup)
    body = soup.body or soup

    runs = text_runs(body)
    near = _runs_near(runs, headline)
    if date is None:
        date = next((d for run in near if (d := date_in_text(_start_of(run.text)))), None)
    if author is None:
        author = next(
            (a for run in near if len(run.text) < 100 and (a := byline_author(run.text))), None
        )
    anchor = next((run.owner for run in near[:12] if _is_good(run.text)), None)

    _remove_boilerplate(body)
    content = choose_content(body, anchor)
    for element in content:
        _drop_empty_boxes(element)
    title = headline.title if headline else ""
    rubric = headline.rubric if headline else None
    blocks = _blocks(content, title, rubric, author, sites)
    if not any(b.kind is BlockKind.PARAGRAPH and _is_good(b.text) for b in blocks):
        return (
            *problems,
            error(
                where,
                "no article text found in this page; save the page of the article itself "
                "(not an overview, login or cookie page) or write the seed by hand",
            ),
        )
    if not title:
        return (
            *problems,
            error(
                where,
                "no headline found in this page (no <h1>, og:title or <title>); "
                "write the seed by hand",
            ),
        )

    lede, captions = _preamble(body, content, headline, metas)
    known = {b.text for b in blocks}
    captions = [c for c in captions if c.text not in known]
    if lede is not None and lede in known:
        blocks = [b for b in blocks if b.text != lede]
    if lede is None:
        first = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH)
        lede, blocks = blocks[first].text, blocks[:first] + blocks[first + 1 :]
    return Extracted(
        source=source,
        title=title,
        date=date,
        lede=lede,
        blocks=(*captions, *blocks),
        rubric=rubric,
        author=author,
        problems=tuple(problems),
    )


def _runs_near(runs: list[TextRun], headline: Headline | None) -> list[TextRun]:
    """The lines right after the headline, then those right before it: where datelines stand."""
    if headline is None or headline.element is None:
        return []
    element = headline.element
    at = next(
        (i for i, r in enumerate(runs) if r.owner is element or element in r.owner.parents),
        None,
    )
    if at is None:
        return []
    return runs[at + 1 : at + 13] + list(reversed(runs[max(0, at - 8) : at]))


def _start_of(text: str) -> str:
    """Where a dateline's date stands: all of a short line, the start of a long one."""
    return text if len(text) < 100 else text[:30]


def _site_names(soup: BeautifulSoup, headline: Headline | None) -> list[str]:
    """The publisher's names as its ``<title>`` gives them after the headline ('ARIVA.DE').

    Paragraphs at the end of an article that name the publisher are its
    notices: disclaimers, subscription offers, copyright lines.
    """
    if soup.title is None:
        return []
    rest = normalize_space(soup.title.get_text(" "))
    if headline is not None:
        rest = rest.replace(headline.title, " ")
    names = []
    for part in re.split(r"\s+(?:\||::|–|—|-|·|»)\s+|[()]", rest):
        part = part.strip(" |-:")
        if date_in_text(part) or not part:
            continue
        if "." in part or part.isupper() or len(part.split()) >= 2:
            names.append(part)
    return names


# --- cleaning ---------------------------------------------------------------------------------


def _remove_boilerplate(body: Tag) -> None:
    """Navigation, asides, footers and every box whose name says it is not the article."""
    for tag in body.find_all(_BOILERPLATE_TAGS):
        if not tag.find(itemprop="articleBody"):
            tag.decompose()
    for tag in body.find_all(True):
        if tag.decomposed or tag.name in ("body", "html", "article", "main", "a"):
            continue
        names = attributes_text(tag)
        if not names or _ARTICLE_NAMES.search(names) or not _BOILERPLATE.search(names):
            continue
        if tag.find(itemprop="articleBody") or tag.find("h1"):
            continue
        tag.decompose()
    for form in body.find_all("form"):
        if not form.decomposed and not any(_is_good(r.text) for r in text_runs(form)):
            form.decompose()


def _drop_empty_boxes(root: Tag) -> None:
    """Inside the article: boxes without a sentence of their own are sliders, bars and teasers."""
    for tag in root.find_all(["div", "section", "ul", "ol", "table", "dl", "span"]):
        if tag.decomposed:
            continue
        runs = text_runs(tag)
        if not runs:
            continue
        chars = sum(len(r.text) for r in runs)
        linked = sum(r.linked for r in runs)
        if linked / chars > 0.5 or (
            not any(_is_good(r.text) for r in runs) and len(runs) >= 2 and not _is_caption_box(tag)
        ):
            tag.decompose()


def _is_caption_box(tag: Tag) -> bool:
    return (
        tag.name == "figure"
        or tag.find("figcaption") is not None
        or bool(_CAPTION.search(attributes_text(tag)))
    )


# --- choosing the article ------------------------------------------------------------------


@dataclass
class _Candidate:
    tag: Tag
    score: float = 0.0
    chars: int = 0
    linked: int = 0

    @property
    def link_density(self) -> float:
        return self.linked / self.chars if self.chars else 0.0


def _base_score(tag: Tag) -> float:
    score = {"div": 5, "article": 5, "pre": 3, "td": 3, "blockquote": 3}.get(tag.name, 0)
    if tag.name in ("address", "ol", "ul", "dl", "dd", "dt", "li", "form"):
        score = -3
    if tag.name in HEADING_TAGS or tag.name == "th":
        score = -5
    names = attributes_text(tag)
    if names and _BOILERPLATE.search(names):
        score -= 25
    if names and _ARTICLE_NAMES.search(names):
        score += 25
    if str(tag.get("itemprop") or "").lower() == "articlebody":
        score += 25
    return score


def choose_content(body: Tag, anchor: Tag | None = None) -> list[Tag]:
    """The elements that hold the article's body, in page order (empty when there is none).

    ``anchor`` is the first paragraph after the headline; the elements around
    it get the bonus of a well-named box, so that a one-paragraph article
    wins over a list of one-paragraph teasers below it.
    """
    runs = text_runs(body)
    candidates: dict[int, _Candidate] = {}

    def candidate(tag: Tag) -> _Candidate:
        if id(tag) not in candidates:
            candidates[id(tag)] = _Candidate(tag, _base_score(tag))
        return candidates[id(tag)]

    for run in runs:
        for tag in _self_and_parents(run.owner):
            c = candidate(tag)
            c.chars += len(run.text)
            c.linked += run.linked
    scored: set[int] = set()  # only what paragraphs voted for can be the article's box
    for run in runs:
        if run.heading or len(run.text) < 25 or run.link_density > 0.5:
            continue
        points = 1 + run.text.count(",") + min(len(run.text) / 100, 3)
        for level, tag in enumerate(_self_and_parents(_container(run.owner))):
            if level == 5 or tag.name == "html":
                break
            candidate(tag).score += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            scored.add(id(tag))
    if anchor is not None:
        for tag in _self_and_parents(_container(anchor)):
            if tag.name in ("body", "html") or id(tag) not in scored:
                break
            candidates[id(tag)].score += 25
    ranked = [
        (candidates[i].score * (1 - candidates[i].link_density), candidates[i]) for i in scored
    ]
    if not ranked:
        return []
    top_score, top = max(ranked, key=lambda pair: pair[0])
    if top_score <= 0:
        return []
    return _with_siblings(top, top_score, candidates)


def _container(owner: Tag) -> Tag:
    """The box a paragraph votes for: its parent, or itself for loose text in a ``<div>``."""
    return owner if owner.name in _CONTAINERS or owner.parent is None else owner.parent


def _with_siblings(
    top: _Candidate, top_score: float, candidates: dict[int, _Candidate]
) -> list[Tag]:
    """Readability's rule: siblings that score well, or plain paragraphs, are more article."""
    parent = top.tag.parent
    if parent is None or top.tag.name == "body":
        return [top.tag]
    threshold = max(10.0, top_score * 0.2)
    top_class = attributes_text(top.tag)
    chosen: list[Tag] = []
    for sibling in parent.find_all(True, recursive=False):
        if sibling is top.tag:
            chosen.append(sibling)
            continue
        c = candidates.get(id(sibling))
        if c is None:
            continue
        bonus = top_score * 0.2 if top_class and attributes_text(sibling) == top_class else 0
        if c.score * (1 - c.link_density) + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.name == "p":
            text = normalize_space(sibling.get_text(" "))
            if (len(text) > 80 and c.link_density < 0.25) or (
                0 < len(text) <= 80 and c.link_density == 0 and re.search(r"\.( |$)", text)
            ):
                chosen.append(sibling)
    return chosen


def _self_and_parents(tag: Tag) -> Iterator[Tag]:
    node: Tag | None = tag
    while node is not None and node.name != "[document]":
        yield node
        node = node.parent


# --- the article's blocks ----------------------------------------------------------------------


def _same(a: str, b: str) -> bool:
    return normalize_space(a).casefold() == normalize_space(b).casefold()


def _is_caption(run: TextRun, root: Tag) -> bool:
    for level, tag in enumerate(_self_and_parents(run.owner)):
        if tag.name == "figcaption":
            return True
        names = attributes_text(tag)
        if _CAPTION.search(names) or (level < 3 and _PICTURE.search(names)):
            return True
        if tag is root:
            break
    return False


def _blocks(
    content: list[Tag], title: str, rubric: str | None, author: str | None, sites: list[str]
) -> list[TextBlock]:
    """The article's text blocks: UI words, bylines, datelines, credits and repeats left out.

    A line such as "Weitere Links:" or "Mehr zum Thema", or a paragraph that
    ends in "weiterlesen …", ends the article once some of it has been read:
    what follows are other articles.
    """
    out: list[TextBlock] = []
    seen: set[str] = set()
    skip = {t.casefold() for t in (title, rubric or "", author or "") if t}
    if rubric:
        skip.add(f"{rubric} {title}".casefold())
    for root in content:
        for run in text_runs(root):
            text = run.text
            key = text.casefold()
            started = any(_is_good(b.text) for b in out)
            if TEASER_MARKERS.fullmatch(text) or _END_MARKERS.fullmatch(text) or _is_teaser(text):
                if started:
                    return _trim(out, sites)
                continue
            if (
                key in seen
                or key in skip
                or key.rstrip(":") in _UI_WORDS
                or re.fullmatch(r"[\W\d_]{0,4}", text)
                or run.link_density > 0.5
                or _CREDIT.fullmatch(text)
                or _PAGINATION.fullmatch(text)
                or (len(text) < 120 and _SERVICE_TEXT.search(text))
                or (not started and _is_dateline(text))
                or (
                    byline_author(text)
                    and len(text) < 90
                    and (not started or (author and author in text))
                )
            ):
                continue
            seen.add(key)
            if _is_caption(run, root):
                kind = BlockKind.CAPTION
            elif run.heading and is_heading(text):
                kind = BlockKind.HEADING
            else:
                kind = BlockKind.PARAGRAPH
            out.append(TextBlock(kind, text))
    return _trim(out, sites)


def _trim(blocks: list[TextBlock], sites: list[str]) -> list[TextBlock]:
    """What ends an article but is not part of it: open headings and the publisher's notices."""
    names = [n.casefold() for n in sites]
    while blocks and (
        blocks[-1].kind is BlockKind.HEADING or any(n in blocks[-1].text.casefold() for n in names)
    ):
        blocks = blocks[:-1]
    return blocks


def _preamble(
    body: Tag, content: list[Tag], headline: Headline | None, metas: dict[str, str]
) -> tuple[str | None, list[TextBlock]]:
    """The standfirst and the lead picture's caption, when the page keeps them apart from the body.

    Most German sites do. They stand between the headline and the body and
    share a near ancestor with the body, so that a teaser elsewhere on the
    page is not taken for them. The standfirst is named like one ("intro",
    "teaser", "lead") or repeats the page's meta description.
    """
    if not content:
        return None, []
    start = content[0]
    description = normalize_space(metas.get("og:description") or metas.get("description") or "")
    passed_headline = headline is None or headline.element is None
    near = {id(t) for t in list(_self_and_parents(start))[1:6]}
    around = {id(t) for t in _self_and_parents(start)}
    lede: str | None = None
    captions: list[TextBlock] = []
    for tag in body.find_all(True):
        if tag is start:
            break
        if not passed_headline:
            passed_headline = tag is headline.element  # type: ignore[union-attr]
            continue
        if id(tag) in around or not any(id(p) in near for p in tag.parents):
            continue
        text = normalize_space(tag.get_text(" "))
        if not _is_good(text) or len(text) > 700:
            continue
        linked = sum(len(normalize_space(a.get_text(" "))) for a in tag.find_all("a"))
        if linked / len(text) > 0.3:
            continue
        names = attributes_text(tag)
        if tag.name == "figcaption" or _CAPTION.search(names):
            if all(c.text != text for c in captions):
                captions.append(TextBlock(BlockKind.CAPTION, text))
            continue
        named = _LEDE.search(names) or str(tag.get("itemprop") or "") == "description"
        described = description and text[:50].casefold() == description[:50].casefold()
        if lede is None and (named or described) and _SENTENCE_END.search(text):
            lede = text
    return lede, captions
