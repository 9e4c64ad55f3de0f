"""`randnotiz check`: what the build validates, plus a lint of the annotations against the articles.

The build refuses what it cannot publish; the lint points at what an
annotator probably meant differently: a name that matches nothing (often a
typo), an alias two entities claim (the linker links neither), a surname two
people share, an article in which nothing is linked, an event without a source.
"""

from __future__ import annotations

from collections.abc import Iterable

from randnotiz.build import Linked
from randnotiz.index import FormType
from randnotiz.model import Entity, Origin, Person
from randnotiz.paths import ARTICLES, ORGANIZATIONS, PEOPLE, DocPath, url_of
from randnotiz.problems import Problem, info, sort_problems, warning
from randnotiz.render.article import article_path
from randnotiz.render.redirects import redirect_map
from randnotiz.render.view import target_of
from randnotiz.write import MANIFEST


def lint(linked: Linked) -> list[Problem]:
    """Problems of the build, then the lint's warnings, in file and line order."""
    problems = list(linked.problems)
    problems += _unmatched_entities(linked)
    problems += _ambiguous_aliases(linked)
    problems += _contested_surnames(linked)
    problems += _unresolved_mentions(linked)
    problems += _articles_without_entities(linked)
    problems += _unsourced_events(linked)
    problems += _pages_gone(linked)
    return sort_problems(problems)


def _referenced(entities: Iterable[Entity]) -> set[str]:
    """Ids other entries point at: kept in the knowledge base though no article names them."""
    out: set[str] = set()
    for entity in entities:
        out.update(entity.see_also)
        if isinstance(entity, Person):
            out.update(a.organization for a in entity.affiliations)
        parent = getattr(entity, "parent", None)
        if parent:
            out.add(parent)
    return out


def _unmatched_entities(linked: Linked) -> Iterable[Problem]:
    mentioned = {m.entity for a in linked.articles for m in a.mentions}
    if not linked.articles:
        return
    entities = linked.sources.knowledge.entities
    referenced = _referenced(entities)
    for entity in entities:
        if entity.id in mentioned:
            continue
        names = ", ".join(f"'{n}'" for n in entity.names)
        if entity.id in referenced:
            yield info(
                entity.origin,
                f"'{entity.id}' matches no article; it is kept because other entries refer to it",
            )
        else:
            yield warning(
                entity.origin,
                f"'{entity.id}' matches nothing in any article (looked for {names}); "
                "check the spelling or add the form the articles use to 'aliases'",
            )


def _ambiguous_aliases(linked: Linked) -> Iterable[Problem]:
    entities = linked.sources.knowledge.by_id()
    for form, claims in linked.index.ambiguous().items():
        owners = sorted({c.entity for c in claims})
        for owner in owners:
            others = ", ".join(f"'{o}' ({entities[o].origin})" for o in owners if o != owner)
            yield warning(
                entities[owner].origin_of("aliases"),
                f"'{form}' is also claimed by {others}; the linker links neither, "
                "so keep the form on one entity only",
            )


def _contested_surnames(linked: Linked) -> Iterable[Problem]:
    entities = linked.sources.knowledge.by_id()
    for form, claims in linked.index.contested_surnames().items():
        people = sorted({c.entity for c in claims if c.type is FormType.SURNAME})
        others = sorted({c.entity for c in claims} - set(people))
        for person in people:
            rivals = ", ".join(repr(r) for r in [p for p in people if p != person] + others)
            yield warning(
                entities[person].origin,
                f"the surname '{form}' alone is ambiguous (also {rivals}); "
                "it is linked only where one of them is named in full and the others are not",
            )


def _unresolved_mentions(linked: Linked) -> Iterable[Problem]:
    for article in linked.articles:
        for unresolved in article.unresolved:
            if unresolved.reason != "ambiguous":
                continue
            block = article.article.blocks[unresolved.block]
            yield warning(
                Origin(article.article.source, block.line, unresolved.start + 1),
                f"'{unresolved.surface}' could be {' or '.join(unresolved.candidates)}; "
                f"it is not linked (add it to no_link, or make the alias unique)",
            )


def _articles_without_entities(linked: Linked) -> Iterable[Problem]:
    for article in linked.articles:
        if not article.mentions:
            yield warning(
                Origin(article.article.source),
                "this article mentions no annotated person, organisation or term; "
                "'randnotiz suggest' lists candidates",
            )


def _unsourced_events(linked: Linked) -> Iterable[Problem]:
    """Events are news told after the fact: a reader must be able to check them."""
    for entity in linked.sources.knowledge.entities:
        for event in entity.events:
            if not event.sources:
                yield warning(
                    event.origin,
                    f"'{entity.id}': the event of {event.date.isoformat()} has no source; "
                    "add 'sources: [{title: …, url: …}]'",
                )


def _pages_gone(linked: Linked) -> Iterable[Problem]:
    """Article and profile pages the last build wrote (its manifest) that the next would not.

    URLs are permanent: a reader's bookmark or another site's link to an
    article must keep working when its id changes, and ``redirect_from`` makes
    it so; a profile's old URL has no way to lead on.
    """
    docs = linked.project.docs
    try:
        manifest = (docs / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    sources = linked.sources
    produced = {article_path(a.id) for a in sources.articles}
    produced |= {
        target_of(e).path for e in (*sources.knowledge.people, *sources.knowledge.organizations)
    }
    produced |= redirect_map(sources.articles).keys()
    shown = linked.project.shown(docs / MANIFEST)
    for number, line in enumerate(manifest, start=1):
        folder, _, name = line.rpartition("/")
        if folder not in (ARTICLES, PEOPLE, ORGANIZATIONS) or name == "index.md":
            continue
        if DocPath(line) in produced:
            continue
        url = url_of(DocPath(line))
        if folder == ARTICLES:
            hint = (
                f"if the article's id changed, add 'redirect_from: [{name.removesuffix('.md')}]' "
                "to its YAML"
            )
        else:
            hint = "links to it from elsewhere will break; keep the old id to keep the URL"
        yield warning(
            Origin(shown, number),
            f"{url} was published by the last build and is gone now; {hint}",
        )
