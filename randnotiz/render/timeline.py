"""The chronicle ``/chronik/``: dated events from the knowledge base and the articles.

An event is whatever carries a date: an article's publication, an
organisation's founding year, the first and the last year of an affiliation.
Newest first, grouped by year; within a year the events with a full date come
first (newest first), then those known only by their year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from randnotiz.collation import german_key
from randnotiz.dates import german_date
from randnotiz.paths import Slug, doc_path
from randnotiz.render import rawhtml
from randnotiz.render.markdown import page_head
from randnotiz.render.rawhtml import anchor, bullet_list, element
from randnotiz.render.view import SiteView

TIMELINE = "chronik"
TIMELINE_PATH = doc_path(TIMELINE)


class EventKind(StrEnum):
    ARTICLE = "artikel"
    FOUNDED = "gruendung"
    STARTED = "beginn"
    ENDED = "ende"


EVENT_LABELS = {
    EventKind.ARTICLE: "Artikel",
    EventKind.FOUNDED: "Gründung",
    EventKind.STARTED: "Beginn",
    EventKind.ENDED: "Ende",
}
_KIND_ORDER = {kind: n for n, kind in enumerate(EventKind)}


@dataclass(frozen=True)
class Event:
    """One dated fact. ``subject`` is the article or entity it is about; ``other``
    the organisation of an affiliation; ``role`` the affiliation's role."""

    year: int
    kind: EventKind
    subject: Slug
    date: dt.date | None = None
    other: Slug | None = None
    role: str | None = None


def events(view: SiteView) -> list[Event]:
    """Every dated event, newest first, in a stable order."""
    kb = view.corpus.knowledge
    out = [Event(a.date.year, EventKind.ARTICLE, a.id, a.date) for a in view.corpus.articles]
    for org in kb.organizations:
        if org.founded:
            out.append(Event(org.founded, EventKind.FOUNDED, org.id))
    for person in kb.people:
        for aff in person.affiliations:
            if aff.since:
                out.append(
                    Event(aff.since, EventKind.STARTED, person.id, None, aff.organization, aff.role)
                )
            if aff.until:
                out.append(
                    Event(aff.until, EventKind.ENDED, person.id, None, aff.organization, aff.role)
                )
    return sorted(out, key=lambda e: _order(view, e))


def _order(view: SiteView, event: Event) -> tuple:
    dated = event.date is not None
    title = view.articles[event.subject].title if event.kind is EventKind.ARTICLE else ""
    name = title or view.entities[event.subject].name
    other = view.entities[event.other].name if event.other else ""
    return (
        -event.year,
        0 if dated else 1,
        -(event.date.toordinal() if event.date else 0),
        _KIND_ORDER[event.kind],
        german_key(name),
        german_key(other),
        event.role or "",
        event.subject,
    )


def _when(event: Event) -> str:
    if event.date:
        return f'<time datetime="{event.date.isoformat()}">{german_date(event.date)}</time>'
    return f'<time datetime="{event.year:04d}">{event.year}</time>'


def event_line(view: SiteView, event: Event) -> str:
    """One list item as HTML: date, kind and what happened, with every name linked."""
    kind = event.kind
    label = element("span", EVENT_LABELS[kind], ("rn-event", f"rn-event--{kind.value}"))
    if event.kind is EventKind.ARTICLE:
        article = view.articles[event.subject]
        what = anchor(view.article_href(article.id), rawhtml.text(article.title))
    elif event.kind is EventKind.FOUNDED:
        what = view.entity_anchor(event.subject)
    else:
        assert event.other is not None
        what = f"{view.entity_anchor(event.subject)} bei {view.entity_anchor(event.other)}"
        if event.role:
            what += f" ({rawhtml.text(event.role)})"
    return f"{_when(event)} {label} {what}"


def render_timeline(view: SiteView) -> str:
    intro = (
        "Was wann geschah: Artikel, Gründungen und der Beginn und das Ende von Stationen, "
        "das Neueste zuerst."
    )
    out = [
        *page_head("Chronik", intro),
    ]
    listed = events(view)
    if not listed:
        out.append("Noch keine datierten Ereignisse.\n{ .rn-empty }\n")
    for year, group in groupby(listed, key=lambda e: e.year):
        out.append(f"## {year} {{ #jahr-{year} }}\n")
        out.append(bullet_list((event_line(view, e) for e in group), ("rn-timeline",)))
    return "\n".join(out)
