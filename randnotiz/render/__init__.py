"""The render stage: pure functions from the linked corpus to ``(path, markdown)`` pairs."""

from __future__ import annotations

from randnotiz.config import Settings
from randnotiz.model import Corpus, EntityKind
from randnotiz.paths import ARTICLES, GLOSSARY, HOME, ORGANIZATIONS, PEOPLE, DocPath, doc_path
from randnotiz.render.article import article_path, render_article
from randnotiz.render.glossary import render_glossary
from randnotiz.render.listing import render_article_index, render_entity_index, render_home
from randnotiz.render.profile import render_profile
from randnotiz.render.view import build_view, target_of

Page = tuple[DocPath, str]


def render_site(corpus: Corpus, settings: Settings) -> list[Page]:
    """Every generated page of the site, in a stable order."""
    view = build_view(corpus, settings)
    pages: list[Page] = [
        (HOME, render_home(view)),
        (doc_path(ARTICLES), render_article_index(view)),
        (doc_path(PEOPLE), render_entity_index(view, EntityKind.PERSON)),
        (doc_path(ORGANIZATIONS), render_entity_index(view, EntityKind.ORGANIZATION)),
        (doc_path(GLOSSARY), render_glossary(view)),
    ]
    pages += [(article_path(a.id), render_article(view, a)) for a in corpus.articles]
    for entity in (*corpus.knowledge.people, *corpus.knowledge.organizations):
        pages.append((target_of(entity).path, render_profile(view, entity)))
    return pages
