"""The render stage: pure functions from the linked corpus to ``(path, markdown)`` pairs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from randnotiz.config import Settings
from randnotiz.model import Article, Corpus, EntityKind, Organization, Person
from randnotiz.paths import ARTICLES, GLOSSARY, HOME, ORGANIZATIONS, PEOPLE, DocPath, doc_path
from randnotiz.render.article import article_path, render_article
from randnotiz.render.export import ENTITIES_PATH, MENTIONS_PATH, render_entities, render_mentions
from randnotiz.render.feed import FEED_PATH, render_feed
from randnotiz.render.glossary import render_glossary
from randnotiz.render.jsonld import article_jsonld, profile_jsonld
from randnotiz.render.listing import render_article_index, render_entity_index, render_home
from randnotiz.render.network import NETWORK_PATH, render_neighbourhood, render_network
from randnotiz.render.profile import render_profile
from randnotiz.render.redirects import REDIRECTS_PATH, render_redirects
from randnotiz.render.searchmeta import article_search, profile_search
from randnotiz.render.timeline import TIMELINE_PATH, render_timeline
from randnotiz.render.view import SiteView, build_view, target_of

Page = tuple[DocPath, str]


def with_blocks(markdown: str, *blocks: str) -> str:
    """A page with more blocks after it, each separated by a blank line.

    The neighbourhood graph is a raw HTML block, which Markdown only
    recognises with a blank line before it.
    """
    return "\n\n".join([markdown.rstrip("\n"), *(b.strip("\n") for b in blocks)]) + "\n"


def render_site(corpus: Corpus, settings: Settings) -> list[Page]:
    """Every generated page and data file of the site, in a stable order."""
    return [(path, render()) for path, render in page_jobs(corpus, settings)]


def page_jobs(corpus: Corpus, settings: Settings) -> list[tuple[DocPath, Callable[[], str]]]:
    """Every page of ``render_site`` with the call that renders it, not yet called.

    The lookups all pages share are built here, once; each call then depends on
    nothing but them, so the build can render the pages on several cores.
    """
    return site_jobs(build_view(corpus, settings))


def site_jobs(view: SiteView) -> list[tuple[DocPath, Callable[[], str]]]:
    """``page_jobs`` with the lookups given: every job is a ``partial`` of a render
    function, the lookups and what it is about (``live`` compares the latter)."""
    corpus = view.corpus
    jobs: list[tuple[DocPath, Callable[[], str]]] = [
        (HOME, partial(render_home, view)),
        (doc_path(ARTICLES), partial(render_article_index, view)),
        (doc_path(PEOPLE), partial(render_entity_index, view, EntityKind.PERSON)),
        (doc_path(ORGANIZATIONS), partial(render_entity_index, view, EntityKind.ORGANIZATION)),
        (doc_path(GLOSSARY), partial(render_glossary, view)),
        (NETWORK_PATH, partial(render_network, view)),
        (TIMELINE_PATH, partial(render_timeline, view)),
        (FEED_PATH, partial(render_feed, view)),
        (ENTITIES_PATH, partial(render_entities, view)),
        (MENTIONS_PATH, partial(render_mentions, view)),
        (REDIRECTS_PATH, partial(render_redirects, corpus.articles)),
    ]
    jobs += [(article_path(a.id), partial(_article, view, a)) for a in corpus.articles]
    jobs += [
        (target_of(entity).path, partial(_profile, view, entity))
        for entity in (*corpus.knowledge.people, *corpus.knowledge.organizations)
    ]
    return jobs


def _article(view: SiteView, article: Article) -> str:
    return render_article(
        view, article, jsonld=article_jsonld(view, article), search=article_search(view, article)
    )


def _profile(view: SiteView, entity: Person | Organization) -> str:
    profile = render_profile(
        view, entity, jsonld=profile_jsonld(view, entity), search=profile_search(entity)
    )
    return with_blocks(profile, render_neighbourhood(view, entity.id))
