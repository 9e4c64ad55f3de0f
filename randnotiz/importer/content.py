"""Which part of a news page is the article: the box that paragraphs of prose vote for.

A news page is mostly not the article: navigation, share buttons, adverts,
cookie banners, comment sections and teasers for other articles surround a
few hundred words of text. The article is found the way Readability finds
it: paragraphs vote for the elements around them (long paragraphs with many
commas vote more, link lists vote nothing), the element with most votes is the
article's body, and its siblings join when they look like more of the same.
Boxes inside the body that hold no sentence of their own (a slider of "top
news", a share bar) or that point to another article (a teaser card, a
gallery's link) are dropped before the text is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import Tag

from randnotiz.importer.lines import END_MARKERS, is_prose, is_truncated_title, sentence_end
from randnotiz.importer.webpage import (
    HEADING_TAGS,
    TextRun,
    attributes_text,
    normalize_space,
    text_runs,
)
from randnotiz.read.seed import TEASER_MARKERS

__all__ = [
    "CAPTION",
    "PICTURE",
    "choose_content",
    "drop_empty_boxes",
    "drop_teaser_cards",
    "remove_boilerplate",
    "self_and_parents",
]

_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)(?:[?#].*)?$")

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
CAPTION = re.compile(
    r"caption|bildunterschrift|bildtext|subline|legend|img-?text|image-?text|photo-?text|"
    r"(?:^|[\s_-])bu(?:[\s_-]|$)",
    re.IGNORECASE,
)
# A box named after a picture holds the picture's caption, if it holds text at all.
PICTURE = re.compile(r"picture|image|(?<![a-z])bild|foto|photo|figure", re.IGNORECASE)
_BOILERPLATE_TAGS = ("nav", "aside", "footer", "menu", "dialog")
# "o-section--has-ads", "with-sidebar", "no-comments": what a box holds or lacks, not what it is.
_HOLDS = re.compile(r"(?<![a-z])(?:has|with|without|no)[-_]+[a-z]+", re.IGNORECASE)


def _is_boilerplate_name(names: str) -> bool:
    return bool(names) and _BOILERPLATE.search(_HOLDS.sub(" ", names)) is not None


# Loose text in these belongs to them; text in others (p, li, td) to their parent.
_CONTAINERS = frozenset("div section article main body form center header fieldset".split())


# --- cleaning ---------------------------------------------------------------------------------


def remove_boilerplate(body: Tag) -> None:
    """Navigation, asides, footers and every box whose name says it is not the article."""
    for tag in body.find_all(_BOILERPLATE_TAGS):
        if not tag.find(itemprop="articleBody"):
            tag.decompose()
    for tag in body.find_all(True):
        if tag.decomposed or tag.name in ("body", "html", "article", "main", "a"):
            continue
        names = attributes_text(tag)
        if not names or _ARTICLE_NAMES.search(names) or not _is_boilerplate_name(names):
            continue
        if tag.find(itemprop="articleBody") or tag.find("h1"):
            continue
        tag.decompose()
    for form in body.find_all("form"):
        if not form.decomposed and not any(is_prose(r.text) for r in text_runs(form)):
            form.decompose()


def drop_empty_boxes(root: Tag) -> None:
    """Inside the article: boxes that are no part of it.

    A box without a sentence of its own is a slider, a share bar or a list of
    links. Inline elements (a linked name in a sentence) are never boxes.
    """
    for tag in root.find_all(["div", "section", "aside", "figure", "ul", "ol", "table", "dl"]):
        if tag.decomposed:
            continue
        runs = text_runs(tag)
        if not runs:
            continue
        chars = sum(len(r.text) for r in runs)
        linked = sum(r.linked for r in runs)
        if linked / chars > 0.5 or (
            not any(is_prose(r.text) for r in runs) and len(runs) >= 2 and not _is_caption_box(tag)
        ):
            tag.decompose()


def drop_teaser_cards(root: Tag, headline: Tag | None = None, first: Tag | None = None) -> None:
    """Small boxes that link to another page under a headline of their own: teasers.

    Done on the whole page before the article's box is chosen, so that a list
    of teasers cannot win as the article (each card's sentence is prose), and
    inside the article, where a teaser for another article or gallery can stand.
    The box that holds the page's own ``headline`` is the article, however short
    and however its headline is linked. A box of links that held teasers goes with them,
    unless it holds the headline or the ``first`` paragraph after it.
    """
    around = set() if headline is None else {id(t) for t in self_and_parents(headline)}
    kept = around | (set() if first is None else {id(t) for t in self_and_parents(first)})
    density = _link_density(root)
    for tag in root.find_all(["div", "section", "aside", "figure", "li", "dl", "article"]):
        if tag.decomposed or id(tag) in around:
            continue
        runs = text_runs(tag)
        if runs and _is_teaser_card(tag, runs, sum(len(r.text) for r in runs)):
            box = tag.parent
            tag.decompose()
            box = _drop_link_box(box, root, kept, density)
            _drop_orphaned_label(box, root)


def _link_density(root: Tag) -> dict[int, float]:
    """How much of each element's text is linked, as the page was saved."""
    chars: dict[int, int] = {}
    linked: dict[int, int] = {}
    for run in text_runs(root):
        for tag in self_and_parents(run.owner):
            chars[id(tag)] = chars.get(id(tag), 0) + len(run.text)
            linked[id(tag)] = linked.get(id(tag), 0) + run.linked
            if tag is root:
                break
    return {i: linked[i] / n for i, n in chars.items() if n}


def _drop_link_box(
    box: Tag | None, root: Tag, kept: set[int], density: dict[int, float]
) -> Tag | None:
    """The box a teaser stood in, when it was mostly links before its teasers went: a list
    of other articles with a line or two that introduce it ("Highlights aus dem Heft:").

    Its outermost such box goes, up to one that is ``kept`` or holds two paragraphs of
    prose; what is left is the box around it.
    """
    outer = None
    node = box
    while (
        isinstance(node, Tag)
        and node is not root
        and id(node) not in kept
        and density.get(id(node), 0.0) > 0.5
        and sum(is_prose(r.text) and r.link_density < 0.5 for r in text_runs(node)) < 2
    ):
        outer, node = node, node.parent
    if outer is None:
        return box
    outer.decompose()
    return node if isinstance(node, Tag) else None


def _drop_orphaned_label(box: Tag | None, root: Tag) -> None:
    """The box a teaser stood in, when all it holds now is the teaser's label
    ("Weiterführender Link", "Lesen Sie auch"): the label goes with the teaser."""
    while isinstance(box, Tag) and box is not root and box.name in ("div", "section", "aside"):
        runs = text_runs(box)
        if not runs or len(runs) > 2 or sum(len(r.text) for r in runs) > 60:
            return
        if any(sentence_end(r.text) and len(r.text.split()) > 3 for r in runs):
            return
        parent = box.parent
        box.decompose()
        box = parent


def _is_teaser_card(tag: Tag, runs: list[TextRun], chars: int) -> bool:
    """A small box that links to another page under a headline, or a shortened title
    ("Bilder der Zerstörung: Hunderte Retter nach...") - even where its picture has a caption.
    """
    if chars > 500 or len(runs) > 6 or not _links_elsewhere(tag):
        return False
    first = runs[0]
    linked_heading = any(r.heading and r.link_density > 0.8 for r in runs)
    headline_link = first.link_density > 0.8 and len(first.text.split()) >= 3
    announced = TEASER_MARKERS.fullmatch(first.text) or END_MARKERS.fullmatch(first.text)
    return bool(linked_heading or headline_link or announced or is_truncated_title(first.text))


def _links_elsewhere(tag: Tag) -> bool:
    """Whether a box links to another page (not to a picture, an anchor or a script)."""
    return any(
        not href.startswith(("#", "javascript:", "mailto:")) and not _PICTURE_FILE.search(href)
        for a in tag.find_all("a", href=True)
        if (href := str(a["href"]).strip().lower())
    )


def _is_caption_box(tag: Tag) -> bool:
    """A picture with its caption: the caption has no full stop, but it is the article's."""
    return (
        tag.name == "figure"
        or tag.find("figcaption") is not None
        or bool(CAPTION.search(attributes_text(tag)))
        or tag.find(lambda t: bool(CAPTION.search(attributes_text(t)))) is not None
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
    if _is_boilerplate_name(names):
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
        for tag in self_and_parents(run.owner):
            c = candidate(tag)
            c.chars += len(run.text)
            c.linked += run.linked
    scored: set[int] = set()  # only what paragraphs voted for can be the article's box
    for run in runs:
        if run.heading or len(run.text) < 25 or run.link_density > 0.5:
            continue
        points = 1 + run.text.count(",") + min(len(run.text) / 100, 3)
        for level, tag in enumerate(self_and_parents(_container(run.owner))):
            if level == 5 or tag.name == "html":
                break
            candidate(tag).score += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            scored.add(id(tag))
    if anchor is not None:
        for tag in self_and_parents(_container(anchor)):
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
    inner = _inner_box(top.tag, anchor, candidates)
    if inner is not top.tag:
        top, top_score = candidates[id(inner)], candidates[id(inner)].score
    chosen = _with_siblings(top, top_score, candidates)
    return _with_parts(body, chosen, top, top_score, candidates)


def _with_parts(
    body: Tag,
    chosen: list[Tag],
    top: _Candidate,
    top_score: float,
    candidates: dict[int, _Candidate],
) -> list[Tag]:
    """The article's body with its other parts: boxes named as the body's box is, that
    paragraphs vote for too, wherever they stand.

    Some sites cut the body into parts with a box of other matter (a "Most
    Popular" list, an advert) between them; each part stands in a box of the
    same name as the first, but not beside it.
    """
    names = attributes_text(top.tag)
    if not names:
        return chosen
    inside = {id(t) for c in chosen for t in [c, *c.find_all(True)]} | {
        id(t) for c in chosen for t in c.parents
    }
    parts = [
        c.tag
        for c in candidates.values()
        if c.tag.name == top.tag.name
        and attributes_text(c.tag) == names
        and id(c.tag) not in inside
        and c.score * (1 - c.link_density) >= max(10.0, top_score * 0.2)
        and c.link_density < 0.25
    ]
    if not parts:
        return chosen
    order = {id(t): i for i, t in enumerate(body.find_all(True))}
    return sorted([*chosen, *parts], key=lambda t: order.get(id(t), 0))


def _inner_box(tag: Tag, anchor: Tag | None, candidates: dict[int, _Candidate]) -> Tag:
    """The column inside ``tag`` that the article stands in, when ``tag`` holds more columns.

    A wrapper named like the article ("content") can win over the article's
    own box when the page's columns stand in it: the article's votes and a
    sidebar's add up. The child that holds the first paragraph (``anchor``)
    and two paragraphs or more is the article's column when it scores twice
    as high as any other child.
    """
    if anchor is None:
        return tag
    while True:
        children = tag.find_all(_CONTAINERS, recursive=False)
        holder = next((c for c in children if c is anchor or c in anchor.parents), None)
        if holder is None or sum(is_prose(r.text) for r in text_runs(holder)) < 2:
            return tag
        others = [
            candidates[id(c)].score for c in children if c is not holder and id(c) in candidates
        ]
        if candidates[id(holder)].score < 2 * max(others, default=0.0):
            return tag
        tag = holder


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


def self_and_parents(tag: Tag) -> Iterator[Tag]:
    node: Tag | None = tag
    while node is not None and node.name != "[document]":
        yield node
        node = node.parent
