"""Profile pages of people and organisations, and what the glossary shares with them."""

from __future__ import annotations

from collections import Counter, defaultdict

from randnotiz.dates import PartialDate, german_date
from randnotiz.model import Affiliation, Entity, Mention, Organization, Person
from randnotiz.paths import DocPath, Slug, relative_link
from randnotiz.render import rawhtml
from randnotiz.render.article import article_path
from randnotiz.render.markdown import esc, front_matter, link, one_line, yaml_markdown
from randnotiz.render.rawhtml import anchor, bullet_list, element
from randnotiz.render.searchmeta import NOT_SEARCHED, SEARCH_TITLE
from randnotiz.render.timeline import entity_chronicle
from randnotiz.render.view import SiteView, sort_key, target_of

#: How many of the entities named alongside a profile's entity it lists.
TOGETHER_SHOWN = 12


def years(since: PartialDate | None, until: PartialDate | None) -> str:
    """'seit 2013', '2018–2021', 'Dezember 2013 bis 2018', 'bis Juni 2025' or ''."""
    if since and until:
        if since == until:
            return since.german()
        if since.precision == until.precision == "year":
            return f"{since.year}–{until.year}"
        return f"{since.german()} bis {until.german()}"
    if since:
        return f"seit {since.german()}"
    return f"bis {until.german()}" if until else ""


def _role(aff: Affiliation) -> str:
    return ", ".join(
        p for p in (esc(aff.role) if aff.role else "", years(aff.since, aff.until)) if p
    )


def render_profile(
    view: SiteView,
    entity: Person | Organization,
    jsonld: str | None = None,
    search: dict[str, object] | None = None,
) -> str:
    """The profile page; ``jsonld`` and ``search`` go into the front matter, for the
    theme's head and the search index's attributes (see searchmeta)."""
    path = target_of(entity).path
    out = [
        front_matter(
            hide=["navigation"],
            title=entity.name,
            description=one_line(entity.summary),
            jsonld=jsonld,
            pagefind=search,
        ),
        f"# {esc(entity.name)} {{ {SEARCH_TITLE} }}\n",
        f"{esc(one_line(entity.summary))}\n{{ .rn-summary }}\n",
    ]
    if isinstance(entity, Organization):
        out.append(_organization_facts(view, entity))
    if entity.description:
        out.append(yaml_markdown(entity.description) + "\n")
    if isinstance(entity, Person) and entity.affiliations:
        out.append("## Stationen { #stationen }\n")
        for aff in entity.affiliations:
            org = view.entities[aff.organization]
            role = _role(aff)
            out.append(
                f"- {link(esc(org.name), view.entity_link(path, org.id))}"
                + (f": {role}" if role else "")
            )
        out.append("")
    if isinstance(entity, Organization):
        out.append(_organization_people(view, entity, path))
    out.append(entity_chronicle(view, entity))
    out.append(view.remembered(mentioned_in, entity.id))
    out.append(related_entities(view, entity, path))
    out.append(web_links(entity))
    return "\n".join(part for part in out if part)


def _organization_facts(view: SiteView, org: Organization) -> str:
    facts = []
    if org.org_kind:
        facts.append(("Art", rawhtml.text(org.org_kind)))
    if org.founded:
        facts.append(("Gegründet", org.founded.german()))
    if org.headquarters:
        facts.append(("Sitz", rawhtml.text(org.headquarters)))
    if org.parent:
        facts.append(("Gehört zu", view.entity_anchor(org.parent)))
    children = view.children.get(org.id, ())
    if children:
        facts.append(("Teil davon", ", ".join(view.entity_anchor(c.id) for c in children)))
    if not facts:
        return ""
    items = bullet_list(f"<strong>{label}:</strong> {value}" for label, value in facts)
    return element("div", "\n" + items, ("rn-facts",)) + "\n"


def _organization_people(view: SiteView, org: Organization, path: DocPath) -> str:
    people = view.members.get(org.id, ())
    if not people:
        return ""
    out = ["## Personen { #personen }\n"]
    for person in people:
        roles = "; ".join(
            r for aff in person.affiliations if aff.organization == org.id and (r := _role(aff))
        )
        out.append(
            f"- {link(esc(person.name), view.entity_link(path, person.id))}"
            + (f": {roles}" if roles else "")
        )
    return "\n".join(out) + "\n"


def mentioned_in(view: SiteView, entity_id: Slug) -> str:
    """Each article naming the entity, each mention in its sentence, linked to its paragraph.

    The sentences repeat article text, so they are kept out of the search index,
    element by element: Pagefind leaves out elements, not sections.
    Remembered by ``render_profile``: an article's text changes the sections of
    the few entries named where the text changed, but every entry it names reads it.
    """
    path = target_of(view.entities[entity_id]).path
    mentions = view.mentions_by_entity.get(entity_id, ())
    out = [f"## Erwähnt in {{ #erwaehnt-in {NOT_SEARCHED} }}\n"]
    if not mentions:
        out.append(f"Noch in keinem Artikel erwähnt.\n{{ .rn-empty {NOT_SEARCHED} }}\n")
        return "\n".join(out)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    articles = sorted(
        (view.articles[a] for a in by_article), key=lambda a: (-a.date.toordinal(), a.id)
    )
    for article in articles:
        target = relative_link(path, article_path(article.id))
        out.append(
            f"### {link(esc(article.title), target)} {{ {NOT_SEARCHED} }}\n\n"
            f'<span class="rn-date">{german_date(article.date)}</span>\n{{ {NOT_SEARCHED} }}\n'
        )
        sentences: dict[tuple[int, tuple[int, int]], list[Mention]] = defaultdict(list)
        for m in by_article[article.id]:
            sentences[(m.block, m.sentence)].append(m)
        items = []
        for (block_no, (start, end)), hits in sentences.items():
            block = article.blocks[block_no]
            href = view.article_href(article.id, block.anchor)
            pieces, pos = [], start
            for m in hits:
                pieces.append(rawhtml.text(block.text[pos : m.start]))
                hit = rawhtml.text(block.text[m.start : m.end])
                pieces.append(anchor(href, hit, classes=("rn-hit",)))
                pos = m.end
            pieces.append(rawhtml.text(block.text[pos:end]))
            items.append("".join(pieces))
        out.append(bullet_list(items, ignored=True))
    return "\n".join(out)


def related_entities(view: SiteView, entity: Entity, path: DocPath) -> str:
    """'Siehe auch' from see_also (both ways) and the entities named alongside."""
    see_also = list(dict.fromkeys(entity.see_also))
    see_also += [i for i in view.cited_by.get(entity.id, ()) if i not in see_also]
    out = []
    if see_also:
        out.append("## Siehe auch { #siehe-auch }\n")
        for other in (view.entities[i] for i in see_also):
            name = link(esc(other.name), view.entity_link(path, other.id))
            out.append(f"- {name}: {esc(one_line(other.summary))}")
        out.append("")
    together = view.together.get(entity.id)
    if together:
        out.append(f"## Gemeinsam erwähnt mit {{ #gemeinsam-erwaehnt {NOT_SEARCHED} }}\n")
        ranked = sorted(_top(together), key=lambda kv: (-kv[1], sort_key(view.entities[kv[0]])))
        for other_id, count in ranked[:TOGETHER_SHOWN]:
            other = view.entities[other_id]
            unit = "Absatz" if count == 1 else "Absätzen"
            out.append(
                f"- {link(esc(other.name), view.entity_link(path, other.id))} ({count} {unit})\n"
                f"  {{ {NOT_SEARCHED} }}"
            )
        out.append("")
    return "\n".join(out)


def _top(counts: Counter[Slug]) -> list[tuple[Slug, int]]:
    """The entries that can be among the ``TOGETHER_SHOWN`` most frequent, ties included.

    Only these need the German sort key: a hub is named alongside hundreds of others.
    """
    if len(counts) <= TOGETHER_SHOWN:
        return list(counts.items())
    least = sorted(counts.values(), reverse=True)[TOGETHER_SHOWN - 1]
    return [(k, c) for k, c in counts.items() if c >= least]


def web_link_items(entity: Entity) -> list[str]:
    """Markdown links to the public references given for an entity."""
    links = [link(esc(w.title), w.url) for w in entity.links]
    if entity.wikidata:
        links.append(
            link(
                f"Wikidata {esc(entity.wikidata)}",
                f"https://www.wikidata.org/wiki/{entity.wikidata}",
            )
        )
    return links


def web_links(entity: Entity) -> str:
    links = web_link_items(entity)
    if not links:
        return ""
    return "## Weiterlesen { #weiterlesen }\n\n" + "\n".join(f"- {w}" for w in links) + "\n"
