"""The relation graph of people and organisations, as data.

Three kinds of edge, each read from one place: a person's ``affiliations``
(with role and years), an organisation's ``parent``, and the paragraphs that
name two entities together (``SiteView.together``, weighted by how many).
Terms are not nodes: they explain words, they do not act.

The graph is a pure function of the view, so the drawing, the text list under
it and the tests all see the same nodes and edges.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from randnotiz.collation import german_key
from randnotiz.model import Entity, EntityKind, KnowledgeBase, Organization, Person
from randnotiz.paths import DocPath, Slug
from randnotiz.render.profile import years
from randnotiz.render.view import SiteView, sort_key, target_of

GRAPH_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)


class EdgeKind(StrEnum):
    AFFILIATION = "affiliation"  # person → organisation
    PARENT = "parent"  # organisation → the organisation it belongs to
    TOGETHER = "together"  # named in the same paragraph; no direction


#: How firmly an edge holds two nodes together, and which style wins when a
#: pair has several edges: facts from the knowledge base before co-mentions.
EDGE_RANK = {EdgeKind.AFFILIATION: 0, EdgeKind.PARENT: 1, EdgeKind.TOGETHER: 2}


@dataclass(frozen=True)
class Node:
    id: Slug
    name: str
    kind: EntityKind
    summary: str
    path: DocPath


@dataclass(frozen=True)
class Edge:
    """One relation. ``weight`` is 1 for facts and the paragraph count for co-mentions."""

    source: Slug
    target: Slug
    kind: EdgeKind
    label: str
    weight: int = 1

    @property
    def pair(self) -> tuple[Slug, Slug]:
        """The two ends in a fixed order, to group edges between the same nodes."""
        a, b = self.source, self.target
        return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def node(self, node_id: Slug) -> Node:
        return self._by_id[node_id]

    @functools.cached_property
    def _by_id(self) -> dict[Slug, Node]:
        """Made once: every line's hover text names the nodes at both its ends."""
        return {n.id: n for n in self.nodes}

    def links(self) -> list[tuple[tuple[Slug, Slug], tuple[Edge, ...]]]:
        """Edges grouped by the pair they join: one line per pair in the drawing."""
        grouped: dict[tuple[Slug, Slug], list[Edge]] = defaultdict(list)
        for edge in self.edges:
            grouped[edge.pair].append(edge)
        return [
            (pair, tuple(sorted(edges, key=lambda e: (EDGE_RANK[e.kind], e.label))))
            for pair, edges in sorted(grouped.items())
        ]

    def degree(self) -> Counter[Slug]:
        return degree([n.id for n in self.nodes], self.edges)


def degree(nodes: Iterable[Slug], edges: Iterable[Edge]) -> Counter[Slug]:
    """Weighted degree of each node: facts count 2, co-mentions their paragraph count."""
    counts: Counter[Slug] = Counter(dict.fromkeys(nodes, 0))
    for edge in edges:
        value = edge.weight if edge.kind is EdgeKind.TOGETHER else 2
        counts[edge.source] += value
        counts[edge.target] += value
    return counts


def together_label(count: int) -> str:
    return (
        f"in {count} Absatz gemeinsam erwähnt"
        if count == 1
        else f"in {count} Absätzen gemeinsam erwähnt"
    )


def build_graph(view: SiteView) -> Graph:
    """Every person and organisation, and every relation between two of them."""
    members = graph_members(view.corpus.knowledge)
    nodes = tuple(map(node_of, members))
    in_graph = {n.id for n in nodes}
    return Graph(nodes, (*fact_edges(members), *together_edges(view.together, in_graph)))


def graph_members(kb: KnowledgeBase) -> list[Person | Organization]:
    """The people and organisations in the order of the graph's nodes."""
    return sorted((*kb.people, *kb.organizations), key=sort_key)


def node_of(entity: Entity) -> Node:
    return Node(entity.id, entity.name, entity.kind, entity.summary, target_of(entity).path)


def fact_edges(members: Iterable[Entity]) -> list[Edge]:
    """The edges the knowledge base states: affiliations and parents, in the nodes' order."""
    edges: list[Edge] = []
    for entity in members:
        if isinstance(entity, Person):
            for aff in entity.affiliations:
                label = ", ".join(p for p in (aff.role or "", years(aff.since, aff.until)) if p)
                edges.append(Edge(entity.id, aff.organization, EdgeKind.AFFILIATION, label))
        elif isinstance(entity, Organization) and entity.parent:
            edges.append(Edge(entity.id, entity.parent, EdgeKind.PARENT, "gehört zu"))
    return edges


def together_edges(
    together: Mapping[Slug, Counter[Slug]], in_graph: Container[Slug]
) -> list[Edge]:
    """The co-mentions between two nodes, each pair once."""
    return [
        Edge(a, b, EdgeKind.TOGETHER, together_label(count), count)
        for a, counts in sorted(together.items())
        for b, count in sorted(counts.items())
        if a < b and a in in_graph and b in in_graph
    ]


def strongest(graph: Graph, limit: int) -> Graph:
    """The ``limit`` best connected nodes and the edges among them.

    A drawing of hundreds of names is unreadable on any screen; the page says
    how many are left out and every profile still shows its own neighbourhood.
    """
    if len(graph.nodes) <= limit:
        return graph
    keep = set(strongest_ids([n.id for n in graph.nodes], graph.degree(), limit))
    return Graph(
        tuple(n for n in graph.nodes if n.id in keep),
        tuple(e for e in graph.edges if e.source in keep and e.target in keep),
    )


def strongest_ids(ids: Sequence[Slug], degree: Mapping[Slug, int], limit: int) -> list[Slug]:
    """Of ``ids``, the ``limit`` with the highest degree, in their order."""
    if len(ids) <= limit:
        return list(ids)
    keep = set(sorted(ids, key=lambda i: (-degree[i], i))[:limit])
    return [i for i in ids if i in keep]


def backbone(graph: Graph, per_node: int = 3, max_links: int = 150) -> Graph:
    """A graph with so many lines that it reads as a hairball, thinned to its strongest.

    Facts (affiliations, parents) stay; of the co-mentions each node keeps its
    ``per_node`` most frequent. Graphs up to ``max_links`` lines stay whole.
    """
    if len(graph.links()) <= max_links:
        return graph
    names = {n.id: n.name for n in graph.nodes}
    keep: set[Edge] = {e for e in graph.edges if e.kind is not EdgeKind.TOGETHER}
    for node, touching in edges_by_node(graph.edges).items():
        co = [e for e in touching if e.kind is EdgeKind.TOGETHER]
        ranked = sorted(co, key=lambda e: (-e.weight, german_key(names[_other(e, node)]), e.pair))
        keep.update(ranked[:per_node])
    return Graph(graph.nodes, tuple(e for e in graph.edges if e in keep))


def _other(edge: Edge, node: Slug) -> Slug:
    return edge.target if edge.source == node else edge.source


def edges_by_node(edges: Iterable[Edge]) -> dict[Slug, tuple[Edge, ...]]:
    """Each node's edges, computed once so that profiles stay linear in the edge count."""
    touching: dict[Slug, list[Edge]] = defaultdict(list)
    for edge in edges:
        touching[edge.source].append(edge)
        touching[edge.target].append(edge)
    return {node: tuple(edges) for node, edges in touching.items()}


def ranked_neighbours(
    centre: Slug, touching: tuple[Edge, ...], names: dict[Slug, str]
) -> list[Slug]:
    """The centre's neighbours, closest first.

    Neighbours with a fact (affiliation, parent) come first, then those named
    most often alongside, so a hub like a group's parent company keeps its
    structure visible instead of a ring of passing mentions.
    """
    best: dict[Slug, tuple[int, int]] = {}
    for edge in touching:
        other = edge.target if edge.source == centre else edge.source
        rank = (1 if edge.kind is EdgeKind.TOGETHER else 0, -edge.weight)
        best[other] = min(best.get(other, rank), rank)
    return sorted(best, key=lambda o: (*best[o], german_key(names[o]), o))


def neighbourhood(
    nodes: dict[Slug, Node], centre: Slug, touching: tuple[Edge, ...], limit: int = 12
) -> Graph:
    """The centre first, then its ``limit`` closest neighbours in rank order, and edges to them."""
    names = {n: nodes[n].name for n in _ends(touching)}
    chosen = ranked_neighbours(centre, touching, names)[:limit]
    keep = {centre, *chosen}
    return Graph(
        tuple(nodes[n] for n in (centre, *chosen)),
        tuple(e for e in touching if e.source in keep and e.target in keep),
    )


def _ends(edges: tuple[Edge, ...]) -> set[Slug]:
    return {e.source for e in edges} | {e.target for e in edges}
