"""The home page and the index pages of articles, people and organisations.

The index pages list every article and entry with its lede or summary: their
text and links are raw HTML (``rawhtml``), which the site generator passes
through, instead of Markdown it parses on every change (a save changes them
often: a summary, a title, a new article). The articles' titles stay Markdown
headings, for the table of contents.
"""

from __future__ import annotations

from randnotiz.model import Article, Entity, EntityKind
from randnotiz.paths import (
    ARTICLES,
    GLOSSARY,
    HOME,
    ORGANIZATIONS,
    PEOPLE,
    DocPath,
    doc_path,
    relative_link,
)
from randnotiz.render import rawhtml
from randnotiz.render.article import article_path, byline
from randnotiz.render.markdown import esc, first_sentence, link, one_line, page_head, plural
from randnotiz.render.view import SiteView, sort_key, target_of

HOME_ARTICLES = 10
HOME_NAMED = 8


def _article_entry(article: Article, source: DocPath, level: int) -> str:
    title = link(esc(article.title), relative_link(source, article_path(article.id)))
    return (
        f'<p class="rn-byline rn-teaser">{byline(article)}</p>\n\n'
        f"{'#' * level} {title} {{ #{article.id} .rn-teaser__title }}\n\n"
        f"{rawhtml.element('p', rawhtml.text(article.lede), ('rn-teaser__lede',))}\n"
    )


def render_home(view: SiteView) -> str:
    kb = view.corpus.knowledge
    articles = view.corpus.articles
    counts = " · ".join(
        (
            link(
                plural(len(articles), "Artikel", "Artikel"),
                relative_link(HOME, doc_path(ARTICLES)),
            ),
            link(
                plural(len(kb.people), "Person", "Personen"), relative_link(HOME, doc_path(PEOPLE))
            ),
            link(
                plural(len(kb.organizations), "Organisation", "Organisationen"),
                relative_link(HOME, doc_path(ORGANIZATIONS)),
            ),
            link(
                plural(len(kb.terms), "Begriff", "Begriffe"),
                relative_link(HOME, doc_path(GLOSSARY)),
            ),
        )
    )
    description = view.settings.site_description or "Nachrichten mit Kontext."
    out = [
        *page_head(view.settings.site_name, description, hide=("navigation", "toc")),
        f"{counts}\n{{ .rn-counts }}\n",
        "## Neueste Artikel { #neueste-artikel }\n",
    ]
    out += [_article_entry(a, HOME, 3) for a in articles[:HOME_ARTICLES]]
    if len(articles) > HOME_ARTICLES:
        out.append(link("Alle Artikel", relative_link(HOME, doc_path(ARTICLES))) + "\n")
    out.append(_most_named(view))
    return "\n".join(out)


def _most_named(view: SiteView, limit: int = HOME_NAMED) -> str:
    """The people and organisations named most often: where a reader might start."""
    counted = [
        (len(view.mentions_by_entity.get(e.id, ())), e)
        for e in view.entities.values()
        if e.kind is not EntityKind.TERM
    ]
    ranked = sorted((c for c in counted if c[0]), key=lambda c: (-c[0], sort_key(c[1])))[:limit]
    if not ranked:
        return ""
    out = ["## Häufig genannt { #haeufig-genannt }\n"]
    for _, entity in ranked:
        name = link(esc(entity.name), target_of(entity).link_from(HOME))
        out.append(f"- {name}: {esc(first_sentence(entity.summary))}")
    return "\n".join(out) + "\n"


def render_article_index(view: SiteView) -> str:
    source = doc_path(ARTICLES)
    out = [
        *page_head("Artikel", "Alle Artikel, die neuesten zuerst."),
    ]
    out += [_article_entry(a, source, 2) for a in view.corpus.articles]
    return "\n".join(out)


def render_entity_index(view: SiteView, kind: EntityKind) -> str:
    title, intro = {
        EntityKind.PERSON: ("Personen", "Alle Personen, nach Nachnamen geordnet."),
        EntityKind.ORGANIZATION: (
            "Organisationen",
            "Unternehmen, Labore und Plattformen von A bis Z.",
        ),
    }[kind]
    entities: list[Entity] = sorted(
        (e for e in view.entities.values() if e.kind is kind), key=sort_key
    )
    out = [
        *page_head(title, intro),
    ]
    items = []
    for entity in entities:
        count = len({m.article for m in view.mentions_by_entity.get(entity.id, ())})
        mentioned = (
            f' <span class="rn-count">{plural(count, "Artikel", "Artikel")}</span>' if count else ""
        )
        kind_note = (
            f" ({rawhtml.text(entity.org_kind)})" if getattr(entity, "org_kind", None) else ""
        )
        name = view.entity_anchor(entity.id)
        items.append(
            f"{name}{kind_note}{mentioned}<br />\n  {rawhtml.text(one_line(entity.summary))}"
        )
    if items:
        out.append(rawhtml.bullet_list(items))
    return "\n".join(out) + "\n"
