"""The chronicles: ``/chronik/`` for the whole site, and "Chronik" on each profile.

An entry is whatever carries a date: an article's publication, an
organisation's founding, the first and the last day of an affiliation, and
the events of people and organisations. Newest first, grouped by year; within
a year by month, newest first, then what is known only by its year; within a
month by day, then what is known only by its month.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from randnotiz.collation import german_key
from randnotiz.dates import PartialDate
from randnotiz.model import Entity, Event
from randnotiz.paths import Slug, doc_path
from randnotiz.render import rawhtml
from randnotiz.render.dated import event_html
from randnotiz.render.markdown import page_head
from randnotiz.render.rawhtml import anchor, bullet_list, element
from randnotiz.render.view import SiteView

TIMELINE = "chronik"
TIMELINE_PATH = doc_path(TIMELINE)


class EntryKind(StrEnum):
    ARTICLE = "artikel"
    FOUNDED = "gruendung"
    STARTED = "beginn"
    ENDED = "ende"
    EVENT = "ereignis"


ENTRY_LABELS = {
    EntryKind.ARTICLE: "Artikel",
    EntryKind.FOUNDED: "Gründung",
    EntryKind.STARTED: "Beginn",
    EntryKind.ENDED: "Ende",
    EntryKind.EVENT: "Ereignis",
}
_KIND_ORDER = {kind: n for n, kind in enumerate(EntryKind)}


@dataclass(frozen=True)
class Entry:
    """One dated fact. ``subject`` is the article or entity it is about; ``other``
    the organisation of an affiliation; ``role`` the affiliation's role; ``event``
    the event of an entity."""

    date: PartialDate
    kind: EntryKind
    subject: Slug
    other: Slug | None = None
    role: str | None = None
    event: Event | None = None

    @property
    def year(self) -> int:
        return self.date.year


def entries(view: SiteView) -> list[Entry]:
    """Every dated fact of the site, newest first, in a stable order."""
    return view.remembered(_entries)


def _entries(view: SiteView) -> list[Entry]:
    kb = view.corpus.knowledge
    out = [Entry(PartialDate.of(a.date), EntryKind.ARTICLE, a.id) for a in view.corpus.articles]
    for org in kb.organizations:
        if org.founded:
            out.append(Entry(org.founded, EntryKind.FOUNDED, org.id))
    for person in kb.people:
        for aff in person.affiliations:
            for date, kind in ((aff.since, EntryKind.STARTED), (aff.until, EntryKind.ENDED)):
                if date:
                    out.append(Entry(date, kind, person.id, aff.organization, aff.role))
    for entity in (*kb.people, *kb.organizations):
        out += [Entry(e.date, EntryKind.EVENT, entity.id, event=e) for e in entity.events]
    return sorted(out, key=lambda e: _order(view, e))


def entity_entries(view: SiteView, entity: Entity) -> list[Entry]:
    """The entries of one profile's "Chronik": its events, founding and affiliations."""
    return view.derived(_by_entity).get(entity.id, [])


def _by_entity(view: SiteView) -> dict[Slug, list[Entry]]:
    out: dict[Slug, list[Entry]] = defaultdict(list)
    for entry in entries(view):
        if entry.kind is EntryKind.ARTICLE:
            continue
        out[entry.subject].append(entry)
        if entry.other:
            out[entry.other].append(entry)
    return dict(out)


def _order(view: SiteView, entry: Entry) -> tuple:
    title = view.articles[entry.subject].title if entry.kind is EntryKind.ARTICLE else ""
    name = title or view.entities[entry.subject].name
    other = view.entities[entry.other].name if entry.other else ""
    return (
        entry.date.newest_first(),
        _KIND_ORDER[entry.kind],
        german_key(name),
        german_key(other),
        entry.role or "",
        entry.subject,
    )


def _when(date: PartialDate) -> str:
    return f'<time datetime="{date.isoformat()}">{date.german()}</time>'


def entry_line(view: SiteView, entry: Entry, on: Slug | None = None) -> str:
    """One list item as HTML: date, kind and what happened, with every name linked.

    ``on`` is the profile the line stands on: its own name is left out there.
    """
    kind = entry.kind
    label = element("span", ENTRY_LABELS[kind], ("rn-event", f"rn-event--{kind.value}"))
    if kind is EntryKind.ARTICLE:
        article = view.articles[entry.subject]
        what = anchor(view.article_href(article.id), rawhtml.text(article.title))
        return f"{_when(entry.date)} {label} {what}"
    subject = "" if entry.subject == on else view.entity_anchor(entry.subject)
    if kind is EntryKind.FOUNDED:
        what = subject
    elif kind is EntryKind.EVENT:
        assert entry.event is not None
        what = (f"{subject}: " if subject else "") + event_html(view, entry.event)
    else:
        assert entry.other is not None
        role = rawhtml.text(entry.role) if entry.role else ""
        if entry.other == on:  # on the organisation's profile: who, in which role
            what = subject + (f" ({role})" if role else "")
        elif subject:
            what = f"{subject} bei {view.entity_anchor(entry.other)}" + (
                f" ({role})" if role else ""
            )
        else:  # on the person's profile: which role, where
            what = (f"{role} " if role else "") + f"bei {view.entity_anchor(entry.other)}"
    return f"{_when(entry.date)} {label} {what}".rstrip()


def render_timeline(view: SiteView) -> str:
    intro = (
        "Was wann geschah: Artikel, Gründungen, Ereignisse und der Beginn und das Ende "
        "von Stationen, das Neueste zuerst."
    )
    out = [
        *page_head("Chronik", intro),
    ]
    listed = entries(view)
    if not listed:
        out.append("Noch keine datierten Ereignisse.\n{ .rn-empty }\n")
    for year, group in groupby(listed, key=lambda e: e.year):
        out.append(f"## {year} {{ #jahr-{year} }}\n")
        out.append(bullet_list((entry_line(view, e) for e in group), ("rn-timeline",)))
    return "\n".join(out)


def entity_chronicle(view: SiteView, entity: Entity) -> str:
    """A profile's "Chronik": its affiliations and events, newest first, or ''."""
    listed = entity_entries(view, entity)
    if not listed:
        return ""
    lines = (entry_line(view, e, on=entity.id) for e in listed)
    return "## Chronik { #chronik }\n\n" + bullet_list(lines, ("rn-timeline",))
