"""The article in a saved news page: headline, date, author, lede and body, nothing else.

The steps, each in a module of its own: ``webpage`` reads the bytes into the
tree a browser shows, ``page_meta`` and ``headline`` find what the page says
about itself, ``content`` finds the box the article stands in, ``lines``
judges each line of it. This module puts them together: it takes the
article's lines from the headline on, in order, leaves out the headline, its
kicker and the page's furniture, finds the standfirst (lede) and the lead
picture's caption, and refuses a page that holds no article, saying why.

Everything here is a pure function of the page's bytes; reading and writing
files is left to the command.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from randnotiz.importer.content import (
    CAPTION,
    PICTURE,
    choose_content,
    drop_empty_boxes,
    drop_teaser_cards,
    remove_boilerplate,
    self_and_parents,
)
from randnotiz.importer.headline import Headline, find_headline
from randnotiz.importer.lines import (
    END_MARKERS,
    UI_WORDS,
    breaks_off,
    is_caption_text,
    is_copyright,
    is_credit,
    is_dateline,
    is_media_teaser,
    is_pagination,
    is_prose,
    is_reading_time,
    is_service_text,
    is_teaser,
    published_date,
    sentence_end,
    without_byline,
    without_timestamp,
)
from randnotiz.importer.page_meta import (
    byline_author,
    date_in_text,
    find_author,
    json_ld,
    machine_date,
    meta_values,
    time_date,
    url_date,
)
from randnotiz.importer.source import is_front_page, page_source, redirect_target
from randnotiz.importer.webpage import (
    MAX_NESTING,
    TextRun,
    attributes_text,
    close_paragraphs,
    decode_page,
    nesting,
    normalize_space,
    parse_page,
    strip_invisible,
    text_runs,
)
from randnotiz.model import BlockKind, Origin, Source
from randnotiz.problems import Problem, error, warning
from randnotiz.read.seed import TEASER_MARKERS, is_heading

__all__ = ["Extracted", "TextBlock", "extract_article"]


@dataclass(frozen=True)
class TextBlock:
    kind: BlockKind  # HEADING, PARAGRAPH or CAPTION
    text: str
    listed: bool = field(default=False, compare=False)  # an item of a bulleted or numbered list


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
    page: Source = field(default_factory=Source)  # where it was published
    problems: tuple[Problem, ...] = field(default=(), compare=False)


_LEDE = re.compile(
    r"intro|lead(?!ing)|lede|teaser|summary|abstract|standfirst|vorspann|kurztext|description|"
    r"unterzeile",  # not "leading", the typographer's word for line spacing
    re.IGNORECASE,
)
_COPYRIGHT_SIGN = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?", re.IGNORECASE)
_NOT_AN_ARTICLE = (
    "not an article: no paragraph of running text in this page (an overview, a list of "
    "teasers, a cookie page); save the page of the article itself or write the seed by hand"
)


# --- the whole page ---------------------------------------------------------------------------


def extract_article(data: bytes, source: str) -> Extracted | tuple[Problem, ...]:
    """The article in a saved web page, or the problems that say why there is none.

    Elements nested thousands deep (no browser shows such a page, a fuzzer
    makes them) exhaust Python's recursion limit in the parser's tree: the page
    is refused, not the import or the build stopped.
    """
    try:
        return _extract(data, source)
    except RecursionError:
        return (error(Origin(source), TOO_DEEP),)


TOO_DEEP = (
    "the page's elements are nested too deeply to read; save the article's page "
    "again or write the seed by hand"
)


def _extract(data: bytes, source: str) -> Extracted | tuple[Problem, ...]:
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
    if nesting(soup) > MAX_NESTING:  # refused before the walks that recurse, or take long
        return (*problems, error(where, TOO_DEEP))
    metas = meta_values(soup)
    ld = json_ld(soup)
    found_source = page_source(soup, metas)
    date = machine_date(soup, metas, ld)
    author = find_author(soup, metas, ld)
    page_title = normalize_space(soup.title.get_text(" ")) if soup.title else None
    redirect = redirect_target(soup)
    asks_login = soup.find("input", attrs={"type": "password"}) is not None
    strip_invisible(soup)  # after <head> and <script>, where meta tags and JSON-LD live
    body = soup.body or soup
    if redirect is not None and len(normalize_space(body.get_text(" "))) < 200:
        return (
            *problems,
            error(
                where,
                f"not an article: the page only redirects to {redirect} and holds no text; "
                "open that address in the browser and save the page it shows",
            ),
        )
    if is_front_page(found_source.url):
        return (
            *problems,
            error(
                where,
                f"not an article: this is the front page of {found_source.site}, a list of "
                "articles; open the article and save its page",
            ),
        )
    headline = find_headline(soup, metas, ld, page_title, found_source.url)
    sites = _site_names(page_title, headline)
    close_paragraphs(soup)

    runs = text_runs(body)
    at = _headline_at(runs, headline)
    near = _runs_near(runs, at)
    anchor = next((run.owner for run in near[:12] if is_prose(run.text)), None)
    date = date or time_date(_headline_scope(headline, anchor, body)) or url_date(found_source.url)
    if date is None:  # "Veröffentlicht am …" below the headline, wherever: it says what it dates
        date = next((d for run in runs[at or 0 :] if (d := published_date(run.text))), None)
    if date is None:
        date = next((d for run in near if (d := date_in_text(_start_of(run.text)))), None)
    if author is None:
        author = next(
            (a for run in near if len(run.text) < 100 and (a := byline_author(run.text))), None
        )
    outside = _not_text(runs, headline)

    remove_boilerplate(body)
    drop_teaser_cards(body, headline.element if headline else None, anchor)
    content = choose_content(body, anchor)
    for element in content:
        drop_empty_boxes(element)
    title = headline.title if headline else ""
    rubric = headline.rubric if headline else None
    if rubric and author and rubric in author:
        rubric = None  # the author's name above the headline is no kicker
    blocks = _blocks(content, outside, headline, author, sites)
    if not any(b.kind is BlockKind.PARAGRAPH and is_prose(b.text) for b in blocks):
        return (*problems, error(where, _why_no_article(near, asks_login)))
    if not title:
        return (
            *problems,
            error(
                where,
                "no headline found in this page (no <h1>, og:title or <title>); "
                "write the seed by hand",
            ),
        )

    lede, blocks = _with_lede(blocks, _preamble(body, content, headline, metas, author), author)
    body_text = [lede, *(b.text for b in blocks if b.kind is BlockKind.PARAGRAPH)]
    if sum(len(t.split()) for t in body_text) < 60 and breaks_off(body_text[-1]):
        return (*problems, error(where, _only_the_beginning(body_text[-1])))
    return Extracted(
        source=source,
        title=title,
        date=date,
        lede=lede,
        blocks=tuple(blocks),
        rubric=rubric,
        author=author,
        page=found_source,
        problems=tuple(problems),
    )


def _with_lede(
    blocks: list[TextBlock],
    preamble: tuple[str | None, list[TextBlock]],
    author: str | None,
) -> tuple[str, list[TextBlock]]:
    """The lede (the standfirst, else the first paragraph) and the blocks after it: the
    lead picture's captions first, nothing that repeats the lede."""
    lede, captions = preamble
    known = {b.text for b in blocks}
    captions = [c for c in captions if c.text not in known]
    if lede is None:
        paragraphs = [i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH]
        # A dateline in a line of its own, in any language, is no first paragraph; nor are
        # the bullet points that sum the article up above its text: they stay, after it.
        texts = [i for i in paragraphs if not _is_dateline_line(blocks[i].text)] or paragraphs
        bullets = next((n for n, i in enumerate(texts) if not blocks[i].listed), len(texts))
        first = texts[bullets] if 0 < bullets <= 5 and bullets < len(texts) else texts[0]
        before = [b for b in blocks[:first] if b.kind is not BlockKind.PARAGRAPH or b.listed]
        lede, blocks = blocks[first].text, before + blocks[first + 1 :]
    lede = without_timestamp(without_byline(lede, author))
    rest = [b for b in blocks if not _repeats(without_byline(b.text, author), lede)]
    return lede, [*captions, *rest]


_RUN_IN = re.compile(r"(?:--|[—–-])$")
_YEAR_OR_TIME = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b\d{1,2}:\d\d\b")


def _is_dateline_line(text: str) -> bool:
    """'Washington CNN —' (the place and agency run into the first paragraph by CSS),
    'LinkNaija October 06, 2018', '2018年6月18日 10:01': where and when, in any language,
    set as a line of its own above the text."""
    if is_prose(text) or len(text) > 80:
        return False
    return bool(_RUN_IN.search(text)) or (
        bool(_YEAR_OR_TIME.search(text)) and not sentence_end(text.rstrip(")"))
    )


def _why_no_article(near: list[TextRun], asks_login: bool) -> str:
    """The refusal for a page without article text, as precise as the page allows."""
    opening = next((r.text for r in near if len(r.text.split()) >= 20), None)
    if opening is not None and breaks_off(opening):
        return _only_the_beginning(opening)
    if asks_login:
        return (
            "not an article: the page asks to log in and holds no article text; save the "
            "article's page after logging in, or write the seed by hand"
        )
    return _NOT_AN_ARTICLE


def _only_the_beginning(text: str) -> str:
    end = " ".join(text.split()[-6:])
    return (
        f"not an article: the page holds only the beginning of one (its text breaks off at "
        f"'…{end}'); save the page that shows the whole article"
    )


def _repeats(text: str, lede: str) -> bool:
    """A paragraph that is the lede again, or the lede without its dateline ('Rio - …')."""
    return text == lede or (len(text) > 0.6 * len(lede) and lede.endswith(text))


def _headline_at(runs: list[TextRun], headline: Headline | None) -> int | None:
    """Where the headline stands among the page's lines."""
    if headline is None or headline.element is None:
        return None
    element = headline.element
    return next(
        (i for i, r in enumerate(runs) if r.owner is element or element in r.owner.parents),
        None,
    )


def _runs_near(runs: list[TextRun], at: int | None) -> list[TextRun]:
    """The lines right after the headline, then those right before it: where datelines stand."""
    if at is None:
        return []
    return runs[at + 1 : at + 13] + list(reversed(runs[max(0, at - 8) : at]))


def _headline_scope(headline: Headline | None, anchor: Tag | None, body: Tag) -> Tag:
    """The part of the page the headline heads: the smallest box that holds the headline and
    the first paragraph after it (the article's header and text, not the sidebar beside
    them); the whole page when the headline was not found in it."""
    if headline is None or headline.element is None:
        return body
    if anchor is None:
        return headline.element.parent or body
    around = {id(t) for t in self_and_parents(anchor)}
    return next((t for t in self_and_parents(headline.element) if id(t) in around), body)


def _start_of(text: str) -> str:
    """Where a dateline's date stands: all of a short line, the start of a long one."""
    return text if len(text) < 100 else text[:30]


def _site_names(page_title: str | None, headline: Headline | None) -> list[str]:
    """The publisher's names as its ``<title>`` gives them after the headline ('ARIVA.DE').

    Paragraphs at the end of an article that name the publisher are its
    notices: disclaimers, subscription offers, copyright lines.
    """
    if not page_title:
        return []
    rest = page_title
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


def _not_text(runs: list[TextRun], headline: Headline | None) -> set[int]:
    """The elements whose lines are not the article's text: the headline, its kicker, and
    everything before the headline (navigation, teasers above it, a breadcrumb that repeats it).

    Should the headline stand below most of the page's prose, it was found in
    the wrong place, and only the headline itself is left out.
    """
    if headline is None or headline.element is None:
        return set()
    element = headline.element
    out = {id(element)} | {id(t) for t in element.find_all(True)}
    if headline.kicker is not None:
        out |= {id(headline.kicker)} | {id(t) for t in headline.kicker.find_all(True)}
    ancestors = {id(t) for t in element.parents}
    before = {id(t) for t in element.find_all_previous(True)} - ancestors
    prose = [(id(r.owner) in before, len(r.text)) for r in runs if is_prose(r.text)]
    if sum(n for early, n in prose if early) <= sum(n for early, n in prose if not early):
        out |= before
    return out


# --- the article's blocks ----------------------------------------------------------------------


def _is_caption(run: TextRun, root: Tag) -> bool:
    """A picture's caption: in a ``<figcaption>`` or a box named so, or signed with a credit."""
    if is_caption_text(run.text):
        return True
    for level, tag in enumerate(self_and_parents(run.owner)):
        if tag.name == "figcaption":
            return True
        names = attributes_text(tag)
        if CAPTION.search(names) or (level < 3 and PICTURE.search(names)):
            return True
        if tag is root:
            break
    return False


def _is_furniture(run: TextRun, started: bool, author: str | None) -> bool:
    """A line of the page's furniture: controls, credits, datelines, bylines, link lists."""
    text = run.text
    return bool(
        text.casefold().rstrip(":") in UI_WORDS
        or re.fullmatch(r"[\W\d_]{0,4}", text)
        or run.link_density > 0.5
        or is_credit(text)
        or is_copyright(text)
        or is_pagination(text)
        or is_reading_time(text)
        or is_service_text(text)
        or is_dateline(text)
        or is_media_teaser(text)
        or (byline_author(text) and len(text) < 90 and (not started or (author and author in text)))
    )


def _blocks(
    content: list[Tag],
    outside: set[int],
    headline: Headline | None,
    author: str | None,
    sites: list[str],
) -> list[TextBlock]:
    """The article's text blocks: furniture and repeats of the headline left out.

    A line such as "Weitere Links:" or "Mehr zum Thema", or a paragraph that
    ends in "weiterlesen …", ends the article once some of it has been read:
    what follows are other articles. The owner named in a copyright line
    ("© Mediengruppe Kreiszeitung") is no caption when it stands alone.
    """
    lines = [
        (root, run)
        for root in content
        for run in text_runs(root)
        if not any(id(t) in outside for t in self_and_parents(run.owner))
    ]
    seen = _headline_lines(headline) | {
        _COPYRIGHT_SIGN.sub("", run.text).casefold() for _, run in lines if is_copyright(run.text)
    }
    out: list[TextBlock] = []
    for root, run in lines:
        text = run.text
        key = text.casefold()
        started = any(is_prose(b.text) for b in out)
        if TEASER_MARKERS.fullmatch(text) or END_MARKERS.fullmatch(text) or is_teaser(text):
            if started:
                return _trim(out, sites)
            continue
        if key in seen or _is_furniture(run, started, author):
            continue
        seen.add(key)
        if _is_caption(run, root):
            kind = BlockKind.CAPTION
        elif run.heading and is_heading(text):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        out.append(TextBlock(kind, text, _in_list(run.owner, root)))
    return _trim(out, sites)


def _in_list(owner: Tag, root: Tag) -> bool:
    for tag in self_and_parents(owner):
        if tag.name == "li":
            return True
        if tag is root:
            break
    return False


def _headline_lines(headline: Headline | None) -> set[str]:
    """The headline as the body may repeat it: with and without its kicker, casefolded."""
    if headline is None:
        return set()
    forms = {headline.title}
    if headline.rubric:
        forms |= {headline.rubric, f"{headline.rubric} {headline.title}"}
    return {f.casefold() for f in forms}


def _trim(blocks: list[TextBlock], sites: list[str]) -> list[TextBlock]:
    """What ends an article but is not part of it: open headings and the publisher's notices."""
    names = [n.casefold() for n in sites]
    while blocks and (
        blocks[-1].kind is BlockKind.HEADING or any(n in blocks[-1].text.casefold() for n in names)
    ):
        blocks = blocks[:-1]
    return blocks


def _preamble(
    body: BeautifulSoup | Tag,
    content: list[Tag],
    headline: Headline | None,
    metas: dict[str, str],
    author: str | None,
) -> tuple[str | None, list[TextBlock]]:
    """The standfirst and the lead picture's caption, when the page keeps them apart from the body.

    Most German sites do. They stand between the headline and the body and
    share a near ancestor with the body, so that a teaser elsewhere on the
    page is not taken for them. The standfirst is named like one ("intro",
    "teaser", "lead") or repeats the page's meta description; a byline run
    into its end is not part of it.
    """
    if not content:
        return None, []
    start = content[0]
    description = normalize_space(metas.get("og:description") or metas.get("description") or "")
    passed_headline = headline is None or headline.element is None
    near = {id(t) for t in list(self_and_parents(start))[1:6]}
    around = {id(t) for t in self_and_parents(start)}
    lede: str | None = None
    captions: list[TextBlock] = []
    for tag in body.find_all(True):
        if tag is start:
            break
        if not passed_headline:
            passed_headline = tag is headline.element  # type: ignore[union-attr]
            continue
        if id(tag) in around:
            continue
        text = without_byline(normalize_space(tag.get_text(" ")), author)
        described = description and text[:50].casefold() == description[:50].casefold()
        if not described and not any(id(p) in near for p in tag.parents):
            continue  # far from the body: only the page's own description makes it the standfirst
        # A subtitle under the headline that the page's description repeats word for word
        # is its standfirst, with or without a full stop.
        subtitle = (
            described and text.casefold() == description.casefold() and len(text.split()) >= 7
        )
        if not (is_prose(text) or is_caption_text(text) or subtitle) or len(text) > 700:
            continue
        linked = sum(len(normalize_space(a.get_text(" "))) for a in tag.find_all("a"))
        if linked / len(text) > 0.3:
            continue
        names = attributes_text(tag)
        if tag.name == "figcaption" or CAPTION.search(names) or tag.find_parent("figcaption"):
            if all(c.text != text for c in captions):
                captions.append(TextBlock(BlockKind.CAPTION, text))
            continue
        named = _LEDE.search(names) or str(tag.get("itemprop") or "") == "description"
        if lede is None and (((named or described) and sentence_end(text)) or subtitle):
            lede = text
    return lede, captions
