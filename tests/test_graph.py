"""The relation graph: nodes and edges against the knowledge base, and the SVG drawings in the site."""

from __future__ import annotations

import posixpath
from collections import Counter
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from randnotiz.build import read_and_link
from randnotiz.config import Settings
from randnotiz.model import EntityKind
from randnotiz.paths import DocPath, Slug
from randnotiz.render import render_site
from randnotiz.render.graph import (
    Edge,
    EdgeKind,
    Graph,
    Node,
    backbone,
    build_graph,
    edges_by_node,
    strongest,
)
from randnotiz.render.layout import FONT_SIZE, LINE_HEIGHT, radial_layout, spring_layout, wrap_label
from randnotiz.render.network import NEIGHBOURS, network_layout
from randnotiz.render.svg import render_svg
from randnotiz.render.urls import site_href
from randnotiz.render.view import SiteView

from .conftest import make_project

#: A phone's content column is about this wide in CSS pixels.
PHONE_WIDTH = 340
#: Smallest label size, in CSS pixels, that stays readable there.
READABLE_PX = 11


@pytest.fixture(scope="module")
def graph(view: SiteView) -> Graph:
    return build_graph(view)


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, page: str, href: str) -> bool:
    """Whether a link on ``page`` (a path under the site) reaches a page of the built site."""
    path = urlsplit(href).path
    target = (
        path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    )
    target = posixpath.normpath(target)
    return not target.startswith("..") and (site / target / "index.html").is_file()


# --- the graph model against the knowledge base ----------------------------------


def test_nodes_are_the_people_and_organisations_and_nothing_else(
    view: SiteView, graph: Graph
) -> None:
    kb = view.corpus.knowledge
    assert {n.id for n in graph.nodes} == {e.id for e in (*kb.people, *kb.organizations)}
    assert len(graph.nodes) == len(kb.people) + len(kb.organizations)
    assert not {t.id for t in kb.terms} & {n.id for n in graph.nodes}
    kinds = Counter(n.kind for n in graph.nodes)
    assert kinds == {
        EntityKind.PERSON: len(kb.people),
        EntityKind.ORGANIZATION: len(kb.organizations),
    }


def test_one_affiliation_edge_per_affiliation_with_role_and_years(
    view: SiteView, graph: Graph
) -> None:
    expected = Counter()
    for person in view.corpus.knowledge.people:
        for aff in person.affiliations:
            expected[(person.id, aff.organization, aff.role, aff.since, aff.until)] += 1
    edges = [e for e in graph.edges if e.kind is EdgeKind.AFFILIATION]
    assert len(edges) == sum(expected.values()) > 0
    for (person, org, role, since, until), _ in expected.items():
        (edge,) = [
            e for e in edges if (e.source, e.target) == (person, org) and (role or "") in e.label
        ]
        if since and until:
            assert f"{since.german()} bis {until.german()}" in edge.label or (
                f"{since.year}–{until.year}" in edge.label
            )
        elif since:
            assert f"seit {since.german()}" in edge.label


def test_yann_lecun_at_fair_reads_as_in_the_yaml(graph: Graph) -> None:
    (edge,) = [
        e
        for e in graph.edges
        if e.kind is EdgeKind.AFFILIATION and (e.source, e.target) == ("yann-lecun", "fair")
    ]
    assert edge.label == "Gründungsdirektor, Dezember 2013 bis 2018"


def test_parent_edges_are_the_parent_organisations(view: SiteView, graph: Graph) -> None:
    expected = {(o.id, o.parent) for o in view.corpus.knowledge.organizations if o.parent}
    actual = {(e.source, e.target) for e in graph.edges if e.kind is EdgeKind.PARENT}
    assert actual == expected
    assert ("fair", "meta-superintelligence-labs") in actual


def test_co_mention_edges_count_the_paragraphs_naming_both(view: SiteView, graph: Graph) -> None:
    """Recounted here from the mentions, independently of ``SiteView.together``."""
    actors = {n.id for n in graph.nodes}
    blocks: dict[tuple[str, int], set[str]] = {}
    for m in view.corpus.mentions:
        if m.entity in actors:
            blocks.setdefault((m.article, m.block), set()).add(m.entity)
    expected: Counter[tuple[str, str]] = Counter()
    for names in blocks.values():
        for a, b in combinations(sorted(names), 2):
            expected[(a, b)] += 1
    actual = {(e.source, e.target): e.weight for e in graph.edges if e.kind is EdgeKind.TOGETHER}
    assert actual == dict(expected)
    assert actual[("mark-zuckerberg", "meta")] == max(actual.values())


def test_every_edge_joins_two_nodes(graph: Graph) -> None:
    ids = {n.id for n in graph.nodes}
    assert all(e.source in ids and e.target in ids and e.source != e.target for e in graph.edges)


def test_strongest_keeps_the_best_connected(graph: Graph) -> None:
    top = strongest(graph, 5)
    assert len(top.nodes) == 5
    assert "meta" in {n.id for n in top.nodes}
    kept = {n.id for n in top.nodes}
    assert all(e.source in kept and e.target in kept for e in top.edges)


def test_backbone_thins_a_hairball_to_facts_and_the_strongest_co_mentions() -> None:
    ids = [Slug(f"n{i:02d}") for i in range(20)]
    nodes = tuple(
        Node(i, i.upper(), EntityKind.ORGANIZATION, ".", DocPath(f"o/{i}.md")) for i in ids
    )
    together = [
        Edge(a, b, EdgeKind.TOGETHER, "x", weight=1 + (n % 5))
        for n, (a, b) in enumerate(combinations(ids, 2))
    ]
    fact = Edge(ids[0], ids[1], EdgeKind.PARENT, "gehört zu")
    full = Graph(nodes, (fact, *together))
    thin = backbone(full, per_node=3, max_links=50)
    assert fact in thin.edges
    kept = [e for e in thin.edges if e.kind is EdgeKind.TOGETHER]
    assert len(kept) <= 3 * len(ids) and len(thin.links()) < len(full.links())
    for node in ids:
        mine = [e for e in together if node in (e.source, e.target)]
        strongest_weight = max(e.weight for e in mine)
        assert any(e.weight == strongest_weight and node in (e.source, e.target) for e in kept)
    small = Graph(nodes, (fact, *together[:10]))
    assert backbone(small, max_links=50) == small


# --- layout ------------------------------------------------------------------------


def _label_box(x: float, y: float, radius: float, lines: tuple[str, ...]) -> tuple[float, ...]:
    half = max(len(line) for line in lines) * FONT_SIZE * 0.56 / 2
    return (x - half, y - radius, x + half, y + radius + 4 + LINE_HEIGHT * len(lines))


def test_no_two_labels_of_the_network_overlap(graph: Graph) -> None:
    layout = network_layout(graph)
    boxes = [_label_box(p.x, p.y, p.radius, p.lines) for _, p in layout.places]
    assert len(boxes) == len(graph.nodes)
    for a, b in combinations(boxes, 2):
        overlap_x = min(a[2], b[2]) - max(a[0], b[0])
        overlap_y = min(a[3], b[3]) - max(a[1], b[1])
        assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)
    for box in boxes:
        assert box[0] >= 0 and box[2] <= layout.width + 0.5
        assert box[1] >= 0 and box[3] <= layout.height + 0.5


def test_layout_is_the_same_every_time(graph: Graph) -> None:
    assert network_layout(graph) == network_layout(graph)


def test_same_input_same_pages(view: SiteView) -> None:
    first = render_site(view.corpus, view.settings)
    second = render_site(view.corpus, view.settings)
    assert first == second


def test_layouts_of_no_and_one_node() -> None:
    assert spring_layout([], {}, [], {}).places == ()
    one = spring_layout([Slug("a")], {Slug("a"): "A"}, [], {})
    assert [i for i, _ in one.places] == ["a"]
    lone = radial_layout(Slug("a"), [], {Slug("a"): "A"}, {})
    assert [i for i, _ in lone.places] == ["a"]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Meta", ("Meta",)),
        ("Mark Zuckerberg", ("Mark Zuckerberg",)),
        ("Meta Superintelligence Labs", ("Meta", "Superintelligence", "Labs")),
        ("Safe Superintelligence", ("Safe", "Superintelligence")),
        ("Forschungslaboratoriumsverbund", ("Forschungslaboratoriumsverbund",)),
    ],
)
def test_wrap_label(name: str, lines: tuple[str, ...]) -> None:
    assert wrap_label(name) == lines


# --- the SVG -------------------------------------------------------------------------


def test_svg_escapes_every_label_and_hover_text() -> None:
    hostile = '<script>alert("x")</script> & Co'
    nodes = (
        Node(
            Slug("a"), hostile, EntityKind.PERSON, 'Sagt "<b>Hallo</b>"', DocPath("personen/a.md")
        ),
        Node(Slug("b"), "B", EntityKind.ORGANIZATION, "B.", DocPath("organisationen/b.md")),
    )
    graph = Graph(nodes, (Edge(Slug("a"), Slug("b"), EdgeKind.AFFILIATION, "<i>Chefin</i>"),))
    layout = radial_layout(Slug("b"), [Slug("a")], {n.id: n.name for n in nodes}, {})
    svg = render_svg(graph, layout, Settings(), "Titel <svg>")
    parsed = BeautifulSoup(svg, "html.parser")
    assert parsed.find("script") is None and parsed.find("b") is None and parsed.find("i") is None
    assert hostile in parsed.get_text()
    assert "a – B: <i>Chefin</i>" not in svg
    assert parsed.select_one("svg")["aria-label"] == "Titel <svg>"


def test_hrefs_start_at_the_path_of_site_url() -> None:
    settings = Settings(site_url="https://example.org/randnotiz/")
    assert site_href(settings, DocPath("personen/a.md")) == "/randnotiz/personen/a/"
    assert site_href(Settings(), DocPath("personen/a.md"), "netzwerk") == "/personen/a/#netzwerk"


def _svg(page: BeautifulSoup) -> Tag:
    svg = page.select_one("article.md-content__inner svg.rn-graph__svg")
    assert svg is not None
    return svg


def test_network_page_draws_every_node_linked_to_its_profile(
    shipped_site: Path, graph: Graph
) -> None:
    page = soup(shipped_site, "netzwerk/index.html")
    svg = _svg(page)
    links = svg.select("a.rn-node")
    assert len(links) == len(graph.nodes)
    expected = {"/" + n.path.removesuffix(".md") + "/" for n in graph.nodes}
    assert {a["href"] for a in links} == expected
    for a in links:
        assert resolves(shipped_site, "netzwerk/index.html", a["href"]), a["href"]
        node = next(n for n in graph.nodes if a["href"] == "/" + n.path.removesuffix(".md") + "/")
        title = a.find("title")
        assert title is not None and title.get_text().startswith(f"{node.name}: ")
        assert " ".join(a.find("text").stripped_strings) == node.name.replace("  ", " ")


def test_network_page_draws_one_line_per_related_pair_with_hover_text(
    shipped_site: Path, graph: Graph
) -> None:
    svg = _svg(soup(shipped_site, "netzwerk/index.html"))
    lines = svg.select("line.rn-edge")
    assert len(lines) == len(graph.links())
    titles = {line.find("title").get_text() for line in lines}
    assert (
        "Yann LeCun – FAIR: Gründungsdirektor, Dezember 2013 bis 2018; in 2 Absätzen gemeinsam erwähnt" in titles
    )
    assert "FAIR – Meta Superintelligence Labs: gehört zu" in titles


def test_network_svg_scales_to_a_phone_and_stays_readable(shipped_site: Path) -> None:
    svg = _svg(soup(shipped_site, "netzwerk/index.html"))
    width = float(svg["viewbox"].split()[2])
    assert float(svg["font-size"]) * PHONE_WIDTH / width >= READABLE_PX
    css = (shipped_site / "stylesheets" / "randnotiz.css").read_text(encoding="utf-8")
    assert ".rn-graph__svg {" in css and "width: 100%;" in css and "height: auto;" in css


def test_network_page_lists_every_edge_in_text(shipped_site: Path, graph: Graph) -> None:
    page = soup(shipped_site, "netzwerk/index.html")
    items = page.select("#verbindungen ~ ul > li")
    assert len(items) == len(graph.edges)
    assert "Yann LeCun bei FAIR: Gründungsdirektor, Dezember 2013 bis 2018" in {li.get_text() for li in items}


@pytest.mark.parametrize("kind", [EntityKind.PERSON, EntityKind.ORGANIZATION])
def test_every_profile_shows_its_neighbourhood(
    shipped_site: Path, view: SiteView, kind: EntityKind
) -> None:
    graph = build_graph(view)
    by_node = edges_by_node(graph.edges)
    for node in (n for n in graph.nodes if n.kind is kind):
        page_file = node.path.removesuffix(".md") + "/index.html"
        page = soup(shipped_site, page_file)
        heading = page.select_one("h2#netzwerk")
        assert heading is not None, page_file
        touching = by_node.get(node.id, ())
        neighbours = {e.target if e.source == node.id else e.source for e in touching}
        if not neighbours:
            assert page.select_one("svg.rn-graph__svg") is None
            continue
        svg = _svg(page)
        centre = svg.select_one(".rn-node--centre")
        assert centre is not None and centre.name == "g"  # itself: drawn, not linked
        hrefs = [a["href"] for a in svg.select("a.rn-node")]
        assert len(hrefs) == min(len(neighbours), NEIGHBOURS)
        linked = {h.strip("/").split("/")[-1] for h in hrefs}
        assert linked <= neighbours
        for href in hrefs:
            assert resolves(shipped_site, page_file, href), (page_file, href)


def test_neighbourhood_of_yann_lecun(shipped_site: Path) -> None:
    svg = _svg(soup(shipped_site, "personen/yann-lecun/index.html"))
    assert {a["href"] for a in svg.select("a.rn-node")} == {
        "/organisationen/fair/",
        "/organisationen/meta/",
        "/personen/mark-zuckerberg/",
        "/organisationen/deepseek/",
    }


def test_neighbourhood_svg_is_readable_on_a_phone(shipped_site: Path) -> None:
    svg = _svg(soup(shipped_site, "organisationen/meta/index.html"))
    width = float(svg["viewbox"].split()[2])
    assert float(svg["font-size"]) * PHONE_WIDTH / width >= READABLE_PX


def test_an_empty_knowledge_base_gives_a_page_without_a_drawing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    linked = read_and_link(root)
    pages = dict(render_site(linked.corpus, linked.project.settings))
    assert "Noch keine Personen oder Organisationen." in pages["netzwerk/index.md"]
    assert "<svg" not in pages["netzwerk/index.md"]
