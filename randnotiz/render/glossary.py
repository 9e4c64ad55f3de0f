"""The glossary: one page, A–Z in German order, one anchor per term.

It lists every article of every term, twenty thousand links at a thousand
articles: as Markdown, the site generator took seconds to parse them each time
the page changed (and a new article changes it). The paragraphs of an entry
are raw HTML (``rawhtml``); the headings stay Markdown, for the table of
contents, and so do the editor's description and the few "Siehe auch" links.
"""

from __future__ import annotations

from itertools import groupby

from randnotiz.collation import german_key, initial
from randnotiz.model import Term
from randnotiz.paths import GLOSSARY, Slug, doc_path
from randnotiz.render import rawhtml
from randnotiz.render.markdown import esc, link, one_line, page_head, yaml_markdown
from randnotiz.render.profile import web_link_items
from randnotiz.render.view import SiteView


def letter_anchor(letter: str) -> str:
    return "buchstabe-" + (
        "0-9" if letter[0].isdigit() else letter.lower() if letter.isalpha() else "sonstige"
    )


def render_glossary(view: SiteView) -> str:
    terms = sorted(view.corpus.knowledge.terms, key=lambda t: german_key(t.name))
    groups = [
        (letter, list(items)) for letter, items in groupby(terms, key=lambda t: initial(t.name))
    ]
    out = [
        *page_head("Glossar", "Begriffe aus den Artikeln, von A bis Z erklärt."),
    ]
    if groups:
        jump = " · ".join(f"[{esc(letter)}](#{letter_anchor(letter)})" for letter, _ in groups)
        out.append(f"{jump}\n{{ .rn-alphabet }}\n")
    for letter, items in groups:
        out.append(f"## {esc(letter)} {{ #{letter_anchor(letter)} }}\n")
        for term in items:
            out.append(view.remembered(_term, term.id))
    return "\n".join(out)


def _term(view: SiteView, term_id: Slug) -> str:
    """One term's entry. Remembered: the glossary lists every article of every term,
    and a save changes the entries of a few."""
    term = view.entities[term_id]
    assert isinstance(term, Term)
    path = doc_path(GLOSSARY)
    out = [f"### {esc(term.name)} {{ #{term.id} }}\n"]
    if term.aliases:
        aliases = ", ".join(rawhtml.text(a) for a in term.aliases)
        out.append(_paragraph(f"Auch: {aliases}", "rn-aliases"))
    out.append(_paragraph(rawhtml.text(one_line(term.summary)), "rn-definition"))
    if term.description:
        out.append(yaml_markdown(term.description) + "\n")
    see_also = [view.entities[i] for i in term.see_also]
    if see_also:
        out.append(
            "Siehe auch: "
            + ", ".join(link(esc(e.name), view.entity_link(path, e.id)) for e in see_also)
            + "\n"
        )
    mentions = view.mentions_by_entity.get(term.id, ())
    if mentions:
        by_article: dict[str, list[str]] = {}
        for m in mentions:
            anchor = view.articles[m.article].blocks[m.block].anchor
            by_article.setdefault(m.article, []).append(anchor or "")
        parts = []
        for article_id, anchors in by_article.items():
            article = view.articles[article_id]
            href = view.article_href(article_id, anchors[0] or None)
            count = f" ({len(anchors)}×)" if len(anchors) > 1 else ""
            parts.append(rawhtml.anchor(href, rawhtml.text(article.title)) + count)
        out.append(_paragraph("Erwähnt in: " + "; ".join(parts), "rn-mentioned"))
    links = web_link_items(term)
    if links:
        out.append("Weiterlesen: " + " · ".join(links) + "\n{ .rn-weblinks }\n")
    return "\n".join(out)


def _paragraph(inner: str, name: str) -> str:
    """A paragraph of raw HTML with its class; ``inner`` is HTML already."""
    return rawhtml.element("p", inner, (name,)) + "\n"
