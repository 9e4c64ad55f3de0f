"""The network page ``/netzwerk/`` and the neighbourhood section of each profile.

The drawing is for the eye; the list of connections under it says the same in
text, for screen readers, for search and for phones where a picture of many
names is hard to take in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from randnotiz.collation import german_key
from randnotiz.config import Settings
from randnotiz.model import Entity, EntityKind
from randnotiz.paths import DocPath, Slug, doc_path, relative_link
from randnotiz.render.graph import (
    Edge,
    EdgeKind,
    Graph,
    Node,
    backbone,
    build_graph,
    edges_by_node,
    neighbourhood,
    strongest,
)
from randnotiz.render.layout import Layout, radial_layout, spring_layout
from randnotiz.render.markdown import esc, link, page_head, plural
from randnotiz.render.rawhtml import attr
from randnotiz.render.svg import render_svg
from randnotiz.render.view import SiteView, target_of

NETWORK = "netzwerk"
NETWORK_PATH = doc_path(NETWORK)
MAX_NODES = 60  # more names than this do not fit one readable picture
NEIGHBOURS = 12

#: How strongly each kind of edge pulls its ends together in the force layout.
SPRING = {EdgeKind.AFFILIATION: 1.4, EdgeKind.PARENT: 1.4, EdgeKind.TOGETHER: 0.2}

LEGEND = (
    '<p class="rn-graph__legend">'
    '<span class="rn-legend rn-legend--person">Person</span> '
    '<span class="rn-legend rn-legend--organization">Organisation</span> '
    '<span class="rn-legend rn-legend--affiliation">Station (Rolle, Jahre)</span> '
    '<span class="rn-legend rn-legend--parent">gehört zu</span> '
    '<span class="rn-legend rn-legend--together">gemeinsam erwähnt (je dicker, desto öfter)</span>'
    "</p>"
)


@dataclass(frozen=True)
class Network:
    """The graph and the lookups every profile's neighbourhood needs, built once."""

    graph: Graph
    nodes: dict[Slug, Node]
    degree: dict[Slug, int]
    touching: dict[Slug, tuple[Edge, ...]]


def build_network(view: SiteView) -> Network:
    graph = build_graph(view)
    return Network(
        graph, {n.id: n for n in graph.nodes}, dict(graph.degree()), edges_by_node(graph)
    )


def _figure(svg: str, caption: str, modifier: str) -> str:
    return (
        f'<figure class="rn-graph rn-graph--{modifier}" data-search-exclude>\n'
        f'<div class="rn-graph__frame">\n{svg}\n</div>\n'
        f"<figcaption>{attr(caption)}</figcaption>\n</figure>\n"
    )


def network_layout(graph: Graph) -> Layout:
    springs = tuple((a, b, sum(_spring(e) for e in edges)) for (a, b), edges in graph.links())
    labels = tuple((n.id, n.name) for n in graph.nodes)
    return _layout(labels, springs, tuple(sorted(graph.degree().items())))


@functools.lru_cache(maxsize=4)
def _layout(
    labels: tuple[tuple[Slug, str], ...],
    springs: tuple[tuple[Slug, Slug, float], ...],
    degree: tuple[tuple[Slug, int], ...],
) -> Layout:
    """The drawing's layout, remembered: ``mkdocs serve`` renders the page again for
    every change of a summary or a co-mention, and the layout (a fifth of a second)
    changes only with the names, lines and degrees drawn."""
    return spring_layout([i for i, _ in labels], dict(labels), list(springs), dict(degree))


def _spring(edge: Edge) -> float:
    if edge.kind is EdgeKind.TOGETHER:
        return SPRING[edge.kind] * min(edge.weight, 4)
    return SPRING[edge.kind]


def render_network(view: SiteView, network: Network) -> str:
    shown = strongest(network.graph, MAX_NODES)
    graph = backbone(shown)
    people = sum(1 for n in graph.nodes if n.kind is EntityKind.PERSON)
    title = (
        f"Netzwerk: {plural(people, 'Person', 'Personen')}, "
        f"{plural(len(graph.nodes) - people, 'Organisation', 'Organisationen')}, "
        f"{plural(len(graph.links()), 'Verbindung', 'Verbindungen')}"
    )
    caption = (
        "Jeder Name führt zu seinem Profil; beim Zeigen auf eine Linie steht da, was sie bedeutet."
    )
    if len(graph.nodes) < len(network.graph.nodes):
        caption += (
            f" Gezeigt sind die {len(graph.nodes)} am stärksten verbundenen von "
            f"{len(network.graph.nodes)} Einträgen."
        )
    if len(graph.edges) < len(shown.edges):
        caption += " Von den gemeinsamen Erwähnungen zeigt jeder Eintrag seine drei häufigsten."
    intro = (
        "Wer mit wem: Personen und Organisationen, verbunden durch ihre Stationen, "
        "die Zugehörigkeit zu einem Konzern und gemeinsame Erwähnungen in einem Absatz."
    )
    out = [
        *page_head("Netzwerk", intro),
    ]
    if not graph.nodes:
        out.append("Noch keine Personen oder Organisationen.\n{ .rn-empty }\n")
        return "\n".join(out)
    svg = render_svg(graph, network_layout(graph), view.settings, title)
    out += [LEGEND + "\n", _figure(svg, caption, "network"), connections(view, graph, NETWORK_PATH)]
    return "\n".join(out)


def connections(view: SiteView, graph: Graph, path: DocPath) -> str:
    """The edges of the drawing as lists, one per kind, each edge once."""

    def name(entity_id: Slug) -> str:
        entity = view.entities[entity_id]
        return link(esc(entity.name), target_of(entity).link_from(path))

    def by_names(edge: Edge) -> tuple[tuple[str, str], tuple[str, str], str]:
        names = view.entities[edge.source].name, view.entities[edge.target].name
        return (german_key(names[0]), german_key(names[1]), edge.label)

    out = ["## Verbindungen { #verbindungen data-search-exclude }\n"]
    groups = (
        (EdgeKind.AFFILIATION, "Stationen", "stationen"),
        (EdgeKind.PARENT, "Zugehörigkeit", "zugehoerigkeit"),
        (EdgeKind.TOGETHER, "Gemeinsam erwähnt", "gemeinsam-erwaehnt"),
    )
    for kind, heading, anchor in groups:
        edges = sorted((e for e in graph.edges if e.kind is kind), key=by_names)
        if not edges:
            continue
        out.append(f"### {heading} {{ #{anchor} data-search-exclude }}\n")
        for e in edges:
            if kind is EdgeKind.AFFILIATION:
                role = f": {esc(e.label)}" if e.label else ""
                out.append(f"- {name(e.source)} bei {name(e.target)}{role}")
            elif kind is EdgeKind.PARENT:
                out.append(f"- {name(e.source)} gehört zu {name(e.target)}")
            else:
                out.append(f"- {name(e.source)} und {name(e.target)}: {esc(e.label)}")
        out.append("")
    return "\n".join(out)


def render_neighbourhood(network: Network, entity: Entity, settings: Settings) -> str:
    """A profile's "Netzwerk" section: the entity and its closest relations."""
    path = target_of(entity).path
    to_network = link("Zum ganzen Netzwerk", relative_link(path, NETWORK_PATH))
    heading = "## Netzwerk { #netzwerk data-search-exclude }\n"
    local = neighbourhood(network.nodes, entity.id, network.touching.get(entity.id, ()), NEIGHBOURS)
    others = [n.id for n in local.nodes[1:]]
    if not others:
        empty = "Keine Verbindungen zu anderen Personen oder Organisationen.\n{ .rn-empty }\n"
        return f"{heading}\n{empty}\n{to_network}\n"
    labels = {n.id: n.name for n in local.nodes}
    layout = radial_layout(entity.id, others, labels, network.degree)
    title = f"Netzwerk von {entity.name}: {plural(len(others), 'Verbindung', 'Verbindungen')}"
    caption = "Die engsten Verbindungen; jeder Name führt zu seinem Profil."
    svg = render_svg(local, layout, settings, title, centre=entity.id)
    return f"{heading}\n{_figure(svg, caption, 'neighbourhood')}\n{to_network}\n"
