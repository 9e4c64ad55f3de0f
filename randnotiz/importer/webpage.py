"""A saved web page as a tree of elements and as the runs of text a reader sees.

Pages are saved by browsers years after they were written, in whatever
encoding the site used, with markup that browsers forgive (``<p>`` never
closed, ``<div>`` inside ``<p>``). Python's ``html.parser`` builds the tree as
written, not as a browser would, so the few repairs that matter for finding an
article's paragraphs are made here, and everything later can treat the tree
as a browser shows it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import charset_normalizer
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# --- bytes to text -------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# What browsers do (WHATWG encoding standard): a page that says Latin-1 is read
# as Windows-1252, whose extra characters („ “ – €) such pages do contain.
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True)
class PageText:
    text: str
    encoding: str
    declared: str | None  # the charset the page names, if any
    guessed: bool  # True when the encoding was detected, not declared


def declared_charset(data: bytes) -> str | None:
    """The charset of ``<meta charset>`` or ``<meta http-equiv content>``, if Python knows it."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return _BROWSER_ALIASES.get(name, name)


#: Control characters, which a browser does not show (NUL it drops while it parses the
#: page, the others are errors in HTML): gone before the page is read, so that no
#: seed or YAML the importer writes holds one (a NUL makes a seed a binary file).
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def decode_page(data: bytes) -> PageText:
    """The page as text, without control characters (see ``_decode``)."""
    page = _decode(data)
    return replace(page, text=page.text.translate(_CONTROLS))


def _decode(data: bytes) -> PageText:
    """The page as text: BOM first, then the declared charset, then detection.

    A page that declares a single-byte charset but is valid UTF-8 with
    non-ASCII characters in it was saved as UTF-8 by the browser; reading it
    as declared would turn every umlaut into two characters.
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return PageText(data.decode(name, errors="replace").lstrip("\ufeff"), name, None, False)
    declared = declared_charset(data)
    if declared is not None:
        if declared != "utf-8" and _is_utf8_text(data):
            return PageText(data.decode("utf-8"), "utf-8", declared, True)
        try:
            return PageText(data.decode(declared), declared, declared, False)
        except (UnicodeDecodeError, LookupError):
            pass
    if _is_utf8_text(data) or data.isascii():
        # Valid UTF-8 is UTF-8 in practice: other encodings do not produce it by chance.
        return PageText(data.decode("utf-8"), "utf-8", declared, False)
    best = charset_normalizer.from_bytes(data).best()
    name = best.encoding if best is not None else "cp1252"
    name = _BROWSER_ALIASES.get(codecs.lookup(name).name, name)
    text = data.decode(name, errors="replace")
    # German text reads the same in several Latin code pages; name the one browsers use.
    if name != "cp1252" and data.decode("cp1252", errors="replace") == text:
        name = "cp1252"
    return PageText(text, name, declared, True)


def _is_utf8_text(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- the tree ------------------------------------------------------------------

#: Elements that start a new line of text in a browser.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose content is never text a reader sees.
_INVISIBLE_TAGS = (
    "script style noscript template svg math iframe object embed canvas video audio "
    "source track map select option datalist button input textarea head title link meta"
).split()
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_page(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


#: Elements inside each other, at most: news pages nest 20 to 60 deep, and 500
#: paragraphs without ``</p>`` nest 500 deep (``close_paragraphs``). The walks over
#: the page are recursive, and 3,000 nested elements ran out of stack; closing
#: 8,000 paragraphs nested in each other took 37 s.
MAX_NESTING = 500


def nesting(root: Tag) -> int:
    """How deep elements lie inside each other under ``root``; counted without recursion."""
    deepest = 0
    todo = [(root, 0)]
    while todo:
        node, depth = todo.pop()
        deepest = max(deepest, depth)
        todo.extend((child, depth + 1) for child in node.children if isinstance(child, Tag))
    return deepest


def strip_invisible(soup: BeautifulSoup) -> None:
    """Remove what a browser does not show: scripts, styles, comments, hidden elements."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_INVISIBLE_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_hidden):
        tag.decompose()


def _is_hidden(tag: Tag) -> bool:
    if tag.name in ("body", "html"):
        return False
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(str(tag.get("style") or "")))
    )


def close_paragraphs(soup: BeautifulSoup) -> None:
    """Close ``<p>`` where a browser would: at the next block element inside it.

    ``html.parser`` nests ``<p>a<p>b<p>c`` three deep and puts a whole
    ``<div>`` inside a ``<p>``; a browser makes siblings of them. Moving the
    block and everything after it out of the ``<p>`` gives the tree the
    browser shows, so paragraphs are counted where they stand.
    """
    for p in soup.find_all("p"):
        children = list(p.children)
        first = next(
            (i for i, c in enumerate(children) if isinstance(c, Tag) and c.name in BLOCK_TAGS),
            None,
        )
        if first is None:
            continue
        anchor: Tag | NavigableString = p
        for child in children[first:]:
            child.extract()
            anchor.insert_after(child)
            anchor = child


def attributes_text(tag: Tag) -> str:
    """Class, id and role of an element: what sites name their boxes by.

    Utility classes with a selector in them ("[&>*:not(.inline-image)]", "md:flex") style
    a box's children or its size on a screen; they do not name the box and are left out.
    """
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    names = [c for c in classes if not _SELECTOR_CHARS.search(c)]
    return " ".join([*names, str(tag.get("id") or ""), str(tag.get("role") or "")]).strip()


_SELECTOR_CHARS = re.compile(r"[\[\]:&(){}>]")


# --- runs of text ----------------------------------------------------------------

# Inline boxes for the place a report comes from, which sites set apart with CSS only.
_DATELINE_CLASS = re.compile(r"location|dateline|ortsmarke|ortszeile", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2007\u202f]+")
_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


# Scripts written without spaces between words: Thai, Lao, Burmese, Khmer, Chinese, Japanese.
UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")


def word_count(text: str) -> int:
    """How many words a line holds: words written apart, and two characters for one in a
    script that writes no spaces between words (a Chinese headline is one "word" to split())."""
    unspaced = len(UNSPACED.findall(text))
    spaced = [w for w in UNSPACED.sub(" ", text).split() if any(c.isalnum() for c in w)]
    return len(spaced) + unspaced // 2


def normalize_space(text: str) -> str:
    """Layout whitespace becomes one space; soft hyphens and zero-width marks go."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE_CHARS)).strip()


@dataclass(frozen=True, eq=False)
class TextRun:
    """The text between two line breaks a browser would make.

    ``owner`` is the nearest block element around the text (the ``<p>`` of a
    paragraph, the ``<div>`` of loose text); ``linked`` counts the characters
    inside links, which is how navigation and teaser lists give themselves away.
    """

    text: str
    owner: Tag
    linked: int
    heading: bool

    @property
    def link_density(self) -> float:
        return self.linked / len(self.text) if self.text else 0.0


def text_runs(root: Tag) -> list[TextRun]:
    """Every run of visible text under ``root``, in reading order."""
    runs: list[TextRun] = []
    parts: list[str] = []
    linked = 0
    owner = root

    def flush() -> None:
        nonlocal parts, linked
        text = normalize_space("".join(parts))
        if text:
            heading = owner.name in HEADING_TAGS or any(
                isinstance(a, Tag) and a.name in HEADING_TAGS for a in _parents_until(owner, root)
            )
            runs.append(TextRun(text, owner, min(linked, len(text)), heading))
        parts, linked = [], 0

    def walk(node: Tag, in_link: bool) -> None:
        nonlocal linked, owner
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, Comment):
                    continue
                parts.append(str(child))
                if in_link:
                    linked += len(normalize_space(str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name == "br":
                if _next_is_br(child):
                    flush()
                else:
                    parts.append(" ")
                continue
            if child.name in BLOCK_TAGS:
                flush()
                outer, owner = owner, child
                walk(child, in_link)
                flush()
                owner = outer
            else:
                walk(child, in_link or child.name == "a")
                if _DATELINE_CLASS.search(attributes_text(child)):
                    parts.append(" ")  # "München/Düsseldorf" + "Der …": CSS sets them apart

    walk(root, False)
    flush()
    return runs


def _next_is_br(br: Tag) -> bool:
    """``<br><br>``: the paragraph break of pages without ``<p>``."""
    for sibling in br.next_siblings:
        if isinstance(sibling, NavigableString):
            if sibling.strip():
                return False
            continue
        return isinstance(sibling, Tag) and sibling.name == "br"
    return False


def _parents_until(tag: Tag, root: Tag) -> Iterator[Tag]:
    node = tag.parent
    while node is not None and node is not root:
        yield node
        node = node.parent
