"""The render stage: pure functions from the linked corpus to ``(path, markdown)`` pairs."""

from __future__ import annotations

from randnotiz.config import Settings
from randnotiz.model import Corpus, EntityKind
from randnotiz.paths import ARTICLES, GLOSSARY, HOME, ORGANIZATIONS, PEOPLE, DocPath, doc_path
from randnotiz.render.article import article_path, render_article
from randnotiz.render.export import ENTITIES_PATH, MENTIONS_PATH, render_entities, render_mentions
from randnotiz.render.feed import FEED_PATH, render_feed
from randnotiz.render.glossary import render_glossary
from randnotiz.render.jsonld import article_jsonld, profile_jsonld
from randnotiz.render.listing import render_article_index, render_entity_index, render_home
from randnotiz.render.network import (
    NETWORK_PATH,
    build_network,
    render_neighbourhood,
    render_network,
)
from randnotiz.render.profile import render_profile
from randnotiz.render.timeline import TIMELINE_PATH, render_timeline
from randnotiz.render.view import build_view, target_of

Page = tuple[DocPath, str]


def with_blocks(markdown: str, *blocks: str) -> str:
    """A page with more blocks after it, each separated by a blank line.

    The neighbourhood graph is a raw HTML block, which Markdown only
    recognises with a blank line before it.
    """
    return "\n\n".join([markdown.rstrip("\n"), *(b.strip("\n") for b in blocks)]) + "\n"


def render_site(corpus: Corpus, settings: Settings) -> list[Page]:
    """Every generated page and data file of the site, in a stable order."""
    view = build_view(corpus, settings)
    network = build_network(view)
    pages: list[Page] = [
        (HOME, render_home(view)),
        (doc_path(ARTICLES), render_article_index(view)),
        (doc_path(PEOPLE), render_entity_index(view, EntityKind.PERSON)),
        (doc_path(ORGANIZATIONS), render_entity_index(view, EntityKind.ORGANIZATION)),
        (doc_path(GLOSSARY), render_glossary(view)),
        (NETWORK_PATH, render_network(view, network)),
        (TIMELINE_PATH, render_timeline(view)),
        (FEED_PATH, render_feed(view)),
        (ENTITIES_PATH, render_entities(view)),
        (MENTIONS_PATH, render_mentions(view)),
    ]
    pages += [
        (article_path(a.id), render_article(view, a, jsonld=article_jsonld(view, a)))
        for a in corpus.articles
    ]
    for entity in (*corpus.knowledge.people, *corpus.knowledge.organizations):
        profile = render_profile(view, entity, jsonld=profile_jsonld(view, entity))
        neighbourhood = render_neighbourhood(network, entity, settings)
        pages.append((target_of(entity).path, with_blocks(profile, neighbourhood)))
    return pages
