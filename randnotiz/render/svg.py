"""Graphs drawn as inline SVG: links that work without JavaScript, hover text in ``<title>``.

The SVG goes into the page as raw HTML, which the site generators do not
check (and treat differently): every href is a path from the site's root
(``site_href``) and every text from the knowledge base goes through
``rawhtml.attr``. Colours and line styles are classes styled in
``randnotiz.css`` (so the dark palette applies), with presentation attributes
as the fallback when CSS is missing.
"""

from __future__ import annotations

import math

from randnotiz.config import Settings
from randnotiz.model import EntityKind
from randnotiz.render.graph import Edge, EdgeKind, Graph
from randnotiz.render.layout import FONT_SIZE, LINE_HEIGHT, Layout, Placement
from randnotiz.render.markdown import one_line
from randnotiz.render.rawhtml import attr
from randnotiz.render.urls import site_href

NODE_FILL = {EntityKind.PERSON: "#1a5fb4", EntityKind.ORGANIZATION: "#2f7d32"}
MIN_LABEL_PX = 11.0  # the smallest label size, in CSS pixels, that stays readable
EDGE_STROKE = {
    EdgeKind.AFFILIATION: "#3f51b5",
    EdgeKind.PARENT: "#2f7d32",
    EdgeKind.TOGETHER: "#888888",
}


def num(value: float) -> str:
    """A coordinate as SVG wants it: one decimal at most, no trailing '.0'."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def size_style(width: float) -> str:
    """Scale with the page, but never so far down that labels drop below ``MIN_LABEL_PX``.

    On a phone a wide drawing then scrolls sideways in its frame instead of
    shrinking its names to specks; on a wide screen it grows to 1.2 times its size.
    """
    smallest = math.ceil(width * MIN_LABEL_PX / FONT_SIZE)
    return f"min-width:{smallest}px;max-width:{math.ceil(width * 1.2)}px"


def edge_title(graph: Graph, edges: tuple[Edge, ...]) -> str:
    """'Yann LeCun – FAIR: Gründungsdirektor, 2013–2018; in 2 Absätzen gemeinsam erwähnt'."""
    first = edges[0]
    a, b = graph.node(first.source).name, graph.node(first.target).name
    return f"{a} – {b}: " + "; ".join(e.label for e in edges)


def _stroke_width(edge: Edge) -> float:
    if edge.kind is EdgeKind.TOGETHER:
        return round(1.0 + 0.7 * min(edge.weight, 6), 1)
    return 2.5 if edge.kind is EdgeKind.AFFILIATION else 3.5


def _line(graph: Graph, layout: Layout, edges: tuple[Edge, ...]) -> str:
    edge = edges[0]  # the strongest kind sets the style
    a, b = layout.place(edge.source), layout.place(edge.target)
    dash = ' stroke-dasharray="5 4"' if edge.kind is EdgeKind.TOGETHER else ""
    kinds = " ".join(dict.fromkeys(f"rn-edge--{e.kind.value}" for e in edges))
    return (
        f'<line class="rn-edge {kinds}" x1="{num(a.x)}" y1="{num(a.y)}"'
        f' x2="{num(b.x)}" y2="{num(b.y)}"'
        f' stroke="{EDGE_STROKE[edge.kind]}" stroke-width="{num(_stroke_width(edge))}"{dash}>'
        f"<title>{attr(edge_title(graph, edges))}</title></line>"
    )


def _marker(kind: EntityKind, p: Placement) -> str:
    fill = NODE_FILL[kind]
    if kind is EntityKind.ORGANIZATION:
        side = p.radius * 1.8
        return (
            f'<rect x="{num(p.x - side / 2)}" y="{num(p.y - side / 2)}" width="{num(side)}"'
            f' height="{num(side)}" rx="3" fill="{fill}"/>'
        )
    return f'<circle cx="{num(p.x)}" cy="{num(p.y)}" r="{num(p.radius)}" fill="{fill}"/>'


def _label(p: Placement) -> str:
    if p.anchor == "middle":
        x, y = p.x, round(p.y + p.radius + FONT_SIZE + 1, 1)
    else:
        gap = p.radius + 6
        x = round(p.x + gap if p.anchor == "start" else p.x - gap, 1)
        y = round(p.y + FONT_SIZE * 0.35 - (len(p.lines) - 1) * LINE_HEIGHT / 2, 1)
    tspan = f'<tspan x="{num(x)}" dy="{num(LINE_HEIGHT)}">'
    spans = "".join(
        attr(line) if n == 0 else f"{tspan}{attr(line)}</tspan>" for n, line in enumerate(p.lines)
    )
    anchor = "" if p.anchor == "start" else f' text-anchor="{p.anchor}"'
    return f'<text x="{num(x)}" y="{num(y)}"{anchor}>{spans}</text>'


def render_svg(
    graph: Graph,
    layout: Layout,
    settings: Settings,
    title: str,
    centre: str | None = None,
) -> str:
    """One ``<svg>`` element, one line per node and edge, with no blank lines.

    The ``centre`` node, if given, is the entity of the page the drawing is on,
    drawn without a link to itself.
    """
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rn-graph__svg"'
        f' viewBox="0 0 {num(layout.width)} {num(layout.height)}" width="{num(layout.width)}"'
        f' height="{num(layout.height)}" font-size="{num(FONT_SIZE)}" font-family="sans-serif"'
        f' style="{size_style(layout.width)}" role="group" aria-label="{attr(title)}">',
        f"<title>{attr(title)}</title>",
        '<g class="rn-graph__edges" fill="none">',
        *(_line(graph, layout, edges) for _, edges in graph.links()),
        "</g>",
        '<g class="rn-graph__nodes">',
    ]
    for node in graph.nodes:
        p = layout.place(node.id)
        kind = f"rn-node rn-node--{node.kind.value}"
        hover = f"<title>{attr(node.name)}: {attr(one_line(node.summary))}</title>"
        body = _marker(node.kind, p) + _label(p)
        if node.id == centre:
            out.append(f'<g class="{kind} rn-node--centre" aria-current="page">{hover}{body}</g>')
        else:
            out.append(
                f'<a href="{attr(site_href(settings, node.path))}" class="{kind}">{hover}{body}</a>'
            )
    out += ["</g>", "</svg>"]
    return "\n".join(out)
