"""The article page: the text exactly as written, with its mentions and notes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from urllib.parse import urlsplit

from randnotiz.dates import german_date
from randnotiz.model import Article, Block, BlockKind, EntityKind, Mention, PlacedNote, Source
from randnotiz.paths import ARTICLES, DocPath, Slug, doc_path, relative_link
from randnotiz.render import rawhtml
from randnotiz.render.dated import hover_text, since_box
from randnotiz.render.markdown import (
    esc,
    first_sentence,
    front_matter,
    link,
    one_line,
    yaml_markdown,
)
from randnotiz.render.rawhtml import anchor, anchor_start, attr, bullet_list, element
from randnotiz.render.searchmeta import NOT_SEARCHED, SEARCH_TITLE
from randnotiz.render.view import SiteView, sort_key

NOTE_LABELS = {"korrektur": "Korrektur", "kontext": "Kontext", "faktencheck": "Faktencheck"}
KIND_HEADINGS = (
    (EntityKind.PERSON, "Personen"),
    (EntityKind.ORGANIZATION, "Organisationen"),
    (EntityKind.TERM, "Begriffe"),
)


def article_path(article_id: Slug) -> DocPath:
    return doc_path(ARTICLES, article_id)


def byline(article: Article) -> str:
    """'<time>29. Juli 2025</time> · Unternehmen · Von …' as HTML we write ourselves."""
    parts = [f'<time datetime="{article.date.isoformat()}">{german_date(article.date)}</time>']
    if article.rubric:
        parts.append(f'<span class="rn-rubric">{attr(article.rubric)}</span>')
    if article.author:
        parts.append(f'<span class="rn-author">Von {attr(article.author)}</span>')
    return " · ".join(parts)


def source_line(original: Source) -> str:
    """'Quelle: Site', linked to the page the article was imported from, as publishers expect."""
    name = original.site or urlsplit(original.url or "").hostname or original.url or ""
    inner = rawhtml.text(name)
    if original.url:
        inner = anchor(original.url, inner)
    return element("p", f"Quelle: {inner}", ("rn-source",)) + "\n"


def note_ids(notes: tuple[PlacedNote, ...]) -> list[str]:
    """'korrektur-1', … for an article's notes in order: the kind in the id lets
    the marker's style tell kinds apart."""
    counts: Counter[str] = Counter()
    ids = []
    for placed in notes:
        counts[placed.note.kind] += 1
        ids.append(f"{placed.note.kind}-{counts[placed.note.kind]}")
    return ids


def render_article(
    view: SiteView,
    article: Article,
    jsonld: str | None = None,
    search: dict[str, object] | None = None,
) -> str:
    """The page; ``jsonld`` and ``search`` go into the front matter, for the theme to put
    into the head and into the search index's attributes (see searchmeta)."""
    mentions = view.mentions_by_article.get(article.id, ())
    notes = view.notes_by_article.get(article.id, ())
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    ids = note_ids(notes)
    markers_by_block: dict[int, list[tuple[PlacedNote, str]]] = {}
    for number, (placed, key) in enumerate(zip(notes, ids, strict=True)):
        markers_by_block.setdefault(placed.block, []).append((placed, note_marker(key, number)))

    out = [
        front_matter(
            hide=["navigation"],
            title=article.title,
            description=one_line(article.lede)[:300],
            jsonld=jsonld,
            pagefind=search,
        ),
        f"# {esc(article.title)} {{ {SEARCH_TITLE} }}\n",
        f'<p class="rn-byline">{byline(article)}</p>\n',
    ]
    for number, block in enumerate(article.blocks):
        body = _marked_text(
            view, article, block, by_block.get(number, []), markers_by_block.get(number, [])
        )
        out.append(_block(block, body))
    if article.original is not None:
        out.append(source_line(article.original))
    if box := since_box(view, article):
        out.append(box)
    if notes:
        out.append(_notes(notes, ids))
    out.append(_in_this_article(view, article))
    if related := view.remembered(_related_section, article.id):
        out.append(related)
    return "\n".join(out)


def _related_section(view: SiteView, article_id: Slug) -> str:
    """"Weitere Artikel", or ''. Remembered: a new article changes which articles share
    entries with hundreds of others, and the few it shares the most with only for some."""
    path = article_path(article_id)
    related = related_articles(view, view.articles[article_id])
    if not related:
        return ""
    out = [f"## Weitere Artikel {{ #weitere-artikel {NOT_SEARCHED} }}\n"]
    for other, shared in related:
        why = f" · {shared} gemeinsame Einträge" if shared else ""
        out.append(
            f"- {link(esc(other.title), relative_link(path, article_path(other.id)))}"
            f' <span class="rn-date">{german_date(other.date)}{why}</span>\n'
            f"  {{ {NOT_SEARCHED} }}"
        )
    out.append("")
    return "\n".join(out)


def _block(block: Block, body: str) -> str:
    """Headings stay Markdown for the table of contents; the rest is raw HTML (see rawhtml).

    A paragraph's anchor sits on an empty element at its start, not on the paragraph:
    the search index keeps the text of every element with an id a second time, as
    the text of that anchor, which doubled what a result costs to load.
    """
    if block.kind is BlockKind.HEADING:
        return f"## {esc(block.text)} {{ #{block.anchor} }}\n"
    if block.anchor and block.kind in (BlockKind.LEDE, BlockKind.PARAGRAPH):
        body = element("span", "", id=block.anchor) + body
    if block.kind is BlockKind.LEDE:
        return element("p", body, ("rn-lede",)) + "\n"
    if block.kind in (BlockKind.CAPTION, BlockKind.FIGURE):
        alt = ""
        if block.alt:
            alt = element("span", rawhtml.text(f"Bild: {block.alt}"), ("rn-figure__alt",)) + " "
        css = "rn-figure" if block.kind is BlockKind.FIGURE else "rn-caption"
        return element("figure", element("figcaption", alt + body), (css,), id=block.anchor) + "\n"
    return element("p", body) + "\n"


def _marked_text(
    view: SiteView,
    article: Article,
    block: Block,
    mentions: list[Mention],
    notes: list[tuple[PlacedNote, str]],
) -> str:
    """The block's text as HTML, with links at mentions and note markers after quotes.

    ``notes`` are the block's notes with their markers.
    """
    if block.kind is BlockKind.HEADING:
        return ""
    markers: dict[int, str] = {}
    for placed, marker in notes:
        at = next((m.end for m in mentions if m.start < placed.end < m.end), placed.end)
        markers[at] = markers.get(at, "") + marker
    starts = {m.start: m for m in mentions}
    cuts = sorted({len(block.text), *starts, *markers})
    text = block.text
    out: list[str] = []
    pos = 0
    cut = 0  # the first cut that may lie after pos: pos only grows
    while pos < len(text):
        if (m := starts.get(pos)) is not None:
            out.append(_mention(view, article, m, rawhtml.text(text[m.start : m.end])))
            pos = m.end
        else:
            while cuts[cut] <= pos:
                cut += 1
            out.append(rawhtml.text(text[pos : cuts[cut]]))
            pos = cuts[cut]
        out.append(markers.get(pos, ""))
    return "".join(out)


def _mention(view: SiteView, article: Article, m: Mention, surface: str) -> str:
    """A link with the hover text of the article's date; later mentions only marked."""
    if m.linked:
        opening = view.remembered(_mention_opening, m.entity, article.date)
        return f"{opening}{surface}</a>"
    if view.settings.mark_later:
        return element("span", surface, ("rn-later",), data_entity=m.entity)
    return surface


def _mention_opening(view: SiteView, entity_id: Slug, day: dt.date) -> str:
    """The opening tag of an entity's link: address, hover text and kind."""
    entity = view.entities[entity_id]
    classes = ("rn-mention", f"rn-{entity.kind.value}")
    return anchor_start(view.entity_href(entity_id), hover_text(view, entity, day), classes)


def note_marker(key: str, number: int) -> str:
    """The superscript number linking to note ``key``, the ``number``-th (from 0), as the
    footnotes extension writes a reference: the theme shows the note as a tooltip,
    the note links back here."""
    link_ = anchor(f"#fn:{key}", str(number + 1), classes=("footnote-ref",))
    return element("sup", link_, id=f"fnref:{key}")


def _notes(notes: tuple[PlacedNote, ...], ids: list[str]) -> str:
    """The notes as footnote definitions: the footnotes extension lists them where the
    marker line stands, numbered in this order, with a link back to ``fnref:<id>``."""
    out = ["## Anmerkungen der Redaktion { #anmerkungen }\n", "///Footnotes Go Here///\n"]
    for placed, key in zip(notes, ids, strict=True):
        note = placed.note
        body = one_line(yaml_markdown(note.text))
        sources = ", ".join(link(esc(s.title), s.url) for s in note.sources)
        tail = f" Quelle: {sources}" if sources else ""
        label = NOTE_LABELS[note.kind]
        out.append(f"[^{key}]: **{label}:** {body}{tail}")
    return "\n".join(out) + "\n"


def _in_this_article(view: SiteView, article: Article) -> str:
    """Who and what the article names, by kind. One raw block: the subheadings stay
    out of the table of contents, and every heading is kept out of the search."""
    entities = view.article_entities(article.id)
    if not entities:
        return ""
    out = []
    for kind, heading in KIND_HEADINGS:
        group = sorted((e for e in entities if e.kind is kind), key=sort_key)
        if not group:
            continue
        out.append(
            f'<h3 id="in-diesem-artikel-{kind.value}">{heading}</h3>\n'
            + bullet_list(view.remembered(_in_article_item, entity.id) for entity in group)
        )
    return (
        f"## In diesem Artikel {{ #in-diesem-artikel {NOT_SEARCHED} }}\n\n"
        + element("div", "\n" + "".join(out), ("rn-in-article",), data_pagefind_ignore="all")
        + "\n"
    )


def _in_article_item(view: SiteView, entity_id: Slug) -> str:
    summary = view.entities[entity_id].summary
    return f"{view.entity_anchor(entity_id)}: {rawhtml.text(first_sentence(summary))}"


#: An entity named in more articles than this (the archive's own company, say) is
#: shared by too many of them to say what two articles have in common, and counting
#: it would make finding related articles grow with the square of the archive.
COMMON_ENTITY = 100


def related_articles(view: SiteView, article: Article, limit: int = 5) -> list[tuple[Article, int]]:
    """Articles named in ``related`` first, then those sharing the most entities, each
    with the number of entities it shares with this one.

    Entities named in more than ``COMMON_ENTITY`` articles are not counted for the
    ranking, unless without them fewer than ``limit`` articles share anything.
    """
    mine = view.entities_by_article.get(article.id, frozenset())
    chosen = [(view.articles[a], a) for a in article.related if a in view.articles]
    best = _most_shared(view, article, mine, limit, COMMON_ENTITY)
    if len(best) < limit:
        best = _most_shared(view, article, mine, limit, None)
    chosen += [(view.articles[a], a) for a in best]
    return [
        (other, len(mine & view.entities_by_article.get(a, frozenset()))) for other, a in chosen
    ][:limit]


def _most_shared(
    view: SiteView, article: Article, mine: frozenset[Slug], limit: int, common: int | None
) -> list[Slug]:
    """Up to ``limit`` articles sharing the most entities (named in at most ``common``
    articles), newest first among equals; ``article.related`` is left out."""
    shared: Counter[Slug] = Counter()
    for entity in mine:
        others = view.articles_by_entity.get(entity, ())
        if common is None or len(others) <= common:
            shared.update(others)
    del shared[article.id]
    # Take the candidates by count (sorted in C), stop below the count of the last
    # that can still make the list, and order only those by the whole key.
    best: list[Slug] = []
    for a, count in shared.most_common():
        if len(best) >= limit and count < shared[best[-1]]:
            break
        if a not in article.related:
            best.append(a)
    ranked = sorted(best, key=lambda a: (-shared[a], -view.articles[a].date.toordinal(), a))
    return ranked[:limit]
