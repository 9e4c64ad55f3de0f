"""What held on an article's date, and what has happened since.

News archives are read years later. An article of 2025 that calls someone
Chief AI Scientist was right on its day; the reader of 2030 needs both that
day's role and what has happened since. So the hover text of a person or an
organisation adds what the dated affiliations say held on the article's date
("Damals: …"), and the article ends with the events of everyone it names
that are dated after it ("Seit Erscheinen").
"""

from __future__ import annotations

import datetime as dt

from randnotiz.dates import german_date
from randnotiz.model import Affiliation, Article, Entity, Event, Organization, Person
from randnotiz.paths import Slug
from randnotiz.render import rawhtml
from randnotiz.render.markdown import inline_markdown, one_line
from randnotiz.render.rawhtml import anchor, bullet_list, element
from randnotiz.render.searchmeta import NOT_SEARCHED
from randnotiz.render.view import SiteView

#: How many people an organisation's "Damals" names; the rest are counted.
THEN_PEOPLE = 3
SINCE_TITLE = "Seit Erscheinen"


def _said(summary: str, *parts: str) -> bool:
    """Whether the summary already says every part (case aside)."""
    folded = summary.casefold()
    return all(part.casefold() in folded for part in parts)


def _role_said(summary: str, aff: Affiliation, other: Entity) -> bool:
    """The summary names the role (if any) and the other side by one of its names."""
    role = (aff.role,) if aff.role else ()
    return any(_said(summary, *role, name) for name in other.names)


def then_phrases(view: SiteView, entity: Entity, day: dt.date) -> tuple[str, ...]:
    """What the dated affiliations say held on ``day``, leaving out what the summary says.

    A person: "Chief AI Scientist bei Meta" for each role held that day, unless the
    summary names both the role and the organisation. An organisation: "Yann LeCun
    (Chief AI Scientist)" for each person it had that day whom the summary does not
    name. Undated affiliations say nothing about a day and are left out.
    """
    summary = entity.summary
    out: list[str] = []
    if isinstance(entity, Person):
        for aff in entity.affiliations:
            org = view.entities[aff.organization]
            if aff.held_on(day) and not _role_said(summary, aff, org):
                out.append(f"{aff.role} bei {org.name}" if aff.role else f"bei {org.name}")
    elif isinstance(entity, Organization):
        for person in view.members.get(entity.id, ()):
            for aff in person.affiliations:
                if (
                    aff.organization == entity.id
                    and aff.held_on(day)
                    and not any(_said(summary, name) for name in person.names)
                ):
                    out.append(f"{person.name} ({aff.role})" if aff.role else person.name)
    return tuple(dict.fromkeys(out))


def then_line(view: SiteView, entity: Entity, day: dt.date) -> str | None:
    """'Damals: Chief AI Scientist bei Meta', or None when there is nothing to add."""
    phrases = then_phrases(view, entity, day)
    if not phrases:
        return None
    if isinstance(entity, Organization) and len(phrases) > THEN_PEOPLE:
        more = len(phrases) - THEN_PEOPLE
        shown = "; ".join(phrases[:THEN_PEOPLE])
        return f"Damals: {shown} und {more} {'weitere Person' if more == 1 else 'weitere Personen'}"
    return "Damals: " + "; ".join(phrases)


def hover_text(view: SiteView, entity: Entity, day: dt.date) -> str:
    """The summary, and on a second line what held on ``day`` where that adds to it.

    Remembered per entity and day: a large archive has many articles of one day.
    """
    return view.remembered(_hover_text, entity.id, day)


def _hover_text(view: SiteView, entity_id: Slug, day: dt.date) -> str:
    entity = view.entities[entity_id]
    summary = one_line(entity.summary)
    then = then_line(view, entity, day)
    return f"{summary}\n{then}" if then else summary


# --- since ---------------------------------------------------------------------------


def events_since(view: SiteView, article: Article) -> list[tuple[Entity, Event]]:
    """The events of the people and organisations the article names, dated after it,
    newest first; on the same date in the order the article names them."""
    found = [
        (entity, event)
        for entity in view.article_entities(article.id)
        for event in entity.events
        if event.after(article.date)
    ]
    return sorted(found, key=lambda pair: pair[1].date.newest_first())


def sources_html(event: Event) -> str:
    """' Quelle: <a>…</a>, <a>…</a>' or ''."""
    if not event.sources:
        return ""
    links = ", ".join(anchor(s.url, rawhtml.text(s.title)) for s in event.sources)
    return " " + element("span", f"Quelle: {links}", ("rn-source",))


def event_html(view: SiteView, event: Event) -> str:
    """An event's text (Markdown from YAML, made inert) and its sources, as HTML."""
    return view.remembered(_event_html, event)


def _event_html(view: SiteView, event: Event) -> str:
    return inline_markdown(event.text) + sources_html(event)


def time_html(event: Event) -> str:
    return f'<time datetime="{event.date.isoformat()}">{event.date.german()}</time>'


def since_box(view: SiteView, article: Article) -> str:
    """The box "Seit Erscheinen", or '' when nothing happened since the article's date.

    Material's admonition markup, written as raw HTML: the theme styles it in
    both colour schemes. It repeats what the profiles say, so it stays out of
    the search index.
    """
    found = events_since(view, article)
    if not found:
        return ""
    items = [
        f"{time_html(event)} · {view.entity_anchor(entity.id)}: {event_html(view, event)}"
        for entity, event in found
    ]
    title = element("p", SINCE_TITLE, ("admonition-title",))
    intro = element(
        "p",
        f"Was seit dem {german_date(article.date)} mit den Personen und Organisationen "
        "dieses Artikels geschah, das Neueste zuerst:",
        ("rn-since__intro",),
    )
    return (
        f'<div class="admonition rn-since" id="seit-erscheinen" {NOT_SEARCHED}>\n'
        f"{title}\n{intro}\n{bullet_list(items)}</div>\n"
    )
