"""The network page ``/netzwerk/`` and the neighbourhood section of each profile.

The drawing is for the eye; the list of connections under it says the same in
text, for screen readers, for search and for phones where a picture of many
names is hard to take in.
"""

from __future__ import annotations

import functools

from randnotiz.collation import german_key
from randnotiz.model import EntityKind
from randnotiz.paths import DocPath, Slug, doc_path, relative_link
from randnotiz.render.graph import (
    Edge,
    EdgeKind,
    Graph,
    Node,
    backbone,
    degree,
    edges_by_node,
    fact_edges,
    graph_members,
    neighbourhood,
    node_of,
    strongest_ids,
    together_edges,
)
from randnotiz.render.layout import Layout, radial_layout, spring_layout
from randnotiz.render.markdown import esc, link, page_head, plural
from randnotiz.render.rawhtml import attr
from randnotiz.render.searchmeta import NOT_SEARCHED
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


# The graph's parts, each remembered by the view (``SiteView.remembered``) or read
# key by key (``SiteView.derived``): a save changes a summary or the co-mentions of
# one article, and each profile's drawing reads a dozen nodes and their edges.


def _member_ids(view: SiteView) -> tuple[Slug, ...]:
    return tuple(e.id for e in graph_members(view.corpus.knowledge))


def _nodes(view: SiteView) -> dict[Slug, Node]:
    return {i: node_of(view.entities[i]) for i in view.remembered(_member_ids)}


def _facts(view: SiteView) -> tuple[Edge, ...]:
    return tuple(fact_edges(view.entities[i] for i in view.remembered(_member_ids)))


def _co_mentions(view: SiteView) -> tuple[Edge, ...]:
    return tuple(together_edges(view.together, set(view.remembered(_member_ids))))


def _edges(view: SiteView) -> tuple[Edge, ...]:
    return view.remembered(_facts) + view.remembered(_co_mentions)


def _degree(view: SiteView) -> dict[Slug, int]:
    return dict(degree(view.remembered(_member_ids), view.remembered(_edges)))


def _touching(view: SiteView) -> dict[Slug, tuple[Edge, ...]]:
    return edges_by_node(view.remembered(_edges))


def _strongest(view: SiteView) -> tuple[Slug, ...]:
    """The ids of the nodes the network page draws."""
    degrees = view.derived(_degree)
    return tuple(strongest_ids(view.remembered(_member_ids), degrees, MAX_NODES))


def _figure(svg: str, caption: str, modifier: str) -> str:
    return (
        f'<figure class="rn-graph rn-graph--{modifier}" {NOT_SEARCHED}>\n'
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


def render_network(view: SiteView) -> str:
    ids = view.remembered(_strongest)
    keep = set(ids)
    nodes = view.derived(_nodes)
    shown = Graph(
        tuple(nodes[i] for i in ids),
        tuple(e for e in view.remembered(_edges) if e.source in keep and e.target in keep),
    )
    graph = backbone(shown)
    everyone = len(view.remembered(_member_ids))
    people = sum(1 for n in graph.nodes if n.kind is EntityKind.PERSON)
    title = (
        f"Netzwerk: {plural(people, 'Person', 'Personen')}, "
        f"{plural(len(graph.nodes) - people, 'Organisation', 'Organisationen')}, "
        f"{plural(len(graph.links()), 'Verbindung', 'Verbindungen')}"
    )
    caption = (
        "Jeder Name führt zu seinem Profil; beim Zeigen auf eine Linie steht da, was sie bedeutet."
    )
    if len(graph.nodes) < everyone:
        caption += (
            f" Gezeigt sind die {len(graph.nodes)} am stärksten verbundenen von "
            f"{everyone} Einträgen."
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

    out = ["## Verbindungen { #verbindungen }\n"]
    groups = (
        (EdgeKind.AFFILIATION, "Stationen", "stationen"),
        (EdgeKind.PARENT, "Zugehörigkeit", "zugehoerigkeit"),
        (EdgeKind.TOGETHER, "Gemeinsam erwähnt", "gemeinsam-erwaehnt"),
    )
    for kind, heading, anchor in groups:
        edges = sorted((e for e in graph.edges if e.kind is kind), key=by_names)
        if not edges:
            continue
        out.append(f"### {heading} {{ #{anchor} }}\n")
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


def render_neighbourhood(view: SiteView, entity_id: Slug) -> str:
    """A profile's "Netzwerk" section: the entity and its closest relations.

    Remembered: a change to one node or edge changes the lookups of hundreds of
    profiles (a node's degree, its edges), and the drawings of but a few.
    """
    return view.remembered(_neighbourhood, entity_id)


def _neighbourhood(view: SiteView, entity_id: Slug) -> str:
    entity = view.entities[entity_id]
    path = target_of(entity).path
    to_network = link("Zum ganzen Netzwerk", relative_link(path, NETWORK_PATH))
    to_network += f"\n{{ {NOT_SEARCHED} }}"
    heading = f"## Netzwerk {{ #netzwerk {NOT_SEARCHED} }}\n"
    touching = view.derived(_touching).get(entity.id, ())
    local = neighbourhood(view.derived(_nodes), entity.id, touching, NEIGHBOURS)
    others = [n.id for n in local.nodes[1:]]
    if not others:
        empty = (
            "Keine Verbindungen zu anderen Personen oder Organisationen.\n"
            f"{{ .rn-empty {NOT_SEARCHED} }}\n"
        )
        return f"{heading}\n{empty}\n{to_network}\n"
    labels = {n.id: n.name for n in local.nodes}
    degrees = view.derived(_degree)
    layout = radial_layout(entity.id, others, labels, {n: degrees[n] for n in (entity.id, *others)})
    title = f"Netzwerk von {entity.name}: {plural(len(others), 'Verbindung', 'Verbindungen')}"
    caption = "Die engsten Verbindungen; jeder Name führt zu seinem Profil."
    svg = render_svg(local, layout, view.settings, title, centre=entity.id)
    return f"{heading}\n{_figure(svg, caption, 'neighbourhood')}\n{to_network}\n"
