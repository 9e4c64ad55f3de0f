"""Where each node of a graph goes: deterministic layouts for the SVG drawings.

Same input, same bytes: no random numbers, no clock, no trigonometry in the
iterated part (only +, -, *, / and sqrt, which IEEE 754 rounds the same way on
every machine), a fixed number of iterations, and coordinates rounded at the
end. Two layouts:

- ``spring_layout`` for the whole network: Fruchterman and Reingold's force
  model (edges pull, every pair pushes, a weak pull to the centre keeps
  unconnected nodes in view), then label boxes pushed apart until no two
  names overlap.
- ``radial_layout`` for a profile's neighbourhood: the entity in the middle,
  its neighbours on two arcs left and right, labels pointing outwards, so the
  names stay readable on a phone.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from randnotiz.paths import Slug

FONT_SIZE = 16.0
LINE_HEIGHT = 19.0
CHAR_WIDTH = 0.56  # of the font size: a generous average for sans-serif text
WRAP = 16  # characters per label line before a name is wrapped
GRAVITY = 0.6  # pull towards the centre, so that unconnected nodes stay in view
MAX_ASPECT = 2.0  # height / width of the network drawing before it grows wider
REPULSION = 1.5  # spreads the crowded centre around hubs


@dataclass(frozen=True)
class Placement:
    """A node's centre, the radius of its marker and its label, line by line.

    ``anchor`` is the SVG ``text-anchor`` of the label: ``middle`` puts it
    under the marker, ``start``/``end`` to its right/left.
    """

    x: float
    y: float
    radius: float
    lines: tuple[str, ...]
    anchor: str = "middle"


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    places: tuple[tuple[Slug, Placement], ...]

    def place(self, node_id: Slug) -> Placement:
        return self._by_id[node_id]

    @functools.cached_property
    def _by_id(self) -> dict[Slug, Placement]:
        """Made once: a drawing asks for every node's place, and twice for each line."""
        return dict(self.places)


def wrap_label(name: str, width: int = WRAP) -> tuple[str, ...]:
    """A name in lines of at most ``width`` characters (or its longest word)."""
    words = name.split()
    limit = max(width, *(len(w) for w in words)) if words else width
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or (name,)


def text_width(lines: tuple[str, ...]) -> float:
    return max((len(line) for line in lines), default=0) * FONT_SIZE * CHAR_WIDTH


def marker_radius(degree: int) -> float:
    """Bigger markers for better connected nodes, within limits that stay tappable."""
    return round(6.0 + min(8.0, math.sqrt(degree) * 1.5), 1)


# --- the whole network ----------------------------------------------------------


def _start_positions(count: int) -> list[tuple[float, float]]:
    """Grid points nearest the centre first, rows offset so no three start in line."""
    side = math.isqrt(max(count - 1, 0)) + 1
    points = [
        (col - (side - 1) / 2 + (0.5 if row % 2 else 0.0) * 0.5, row - (side - 1) / 2)
        for row in range(side + 1)
        for col in range(side + 1)
    ]
    points.sort(key=lambda p: (p[0] * p[0] + p[1] * p[1], p[1], p[0]))
    scale = 1.0 / (side or 1)
    return [(x * scale, y * scale) for x, y in points[:count]]


def _forces(
    positions: list[tuple[float, float]],
    springs: list[tuple[int, int, float]],
    iterations: int,
) -> list[tuple[float, float]]:
    """Fruchterman–Reingold in the unit square, with linear cooling.

    The pair loop runs 400 times over every pair of up to 60 nodes, the most
    expensive loop of a small site's build: it keeps its values in local names,
    computes each push once and sums node i's pushes in a local name (the same
    operations in the same order, so the same coordinates).
    """
    n = len(positions)
    xs = [p[0] for p in positions]
    ys = [p[1] for p in positions]
    k = REPULSION * math.sqrt(1.0 / max(n, 1))
    k2 = k * k
    for step in range(iterations):
        temperature = 0.08 * (1.0 - step / iterations) + 0.002
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            fx, fy = dx[i], dy[i]  # node i's sums, added to in the same order as before
            for j in range(i + 1, n):
                ex, ey = xi - xs[j], yi - ys[j]
                d2 = ex * ex + ey * ey
                if d2 < 1e-6:  # max() without the call
                    d2 = 1e-6
                push = k2 / d2
                px, py = ex * push, ey * push
                fx += px
                fy += py
                dx[j] -= px
                dy[j] -= py
            dx[i], dy[i] = fx, fy
        for i, j, strength in springs:
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            pull = math.sqrt(ex * ex + ey * ey) * strength / k
            dx[i] -= ex * pull
            dy[i] -= ey * pull
            dx[j] += ex * pull
            dy[j] += ey * pull
        for i in range(n):
            dx[i] -= xs[i] * GRAVITY
            dy[i] -= ys[i] * GRAVITY
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                move = min(length, temperature) / length
                xs[i] += dx[i] * move
                ys[i] += dy[i] * move
    return list(zip(xs, ys, strict=True))


@dataclass
class _Box:
    x: float  # centre of the marker
    y: float
    half_width: float
    above: float  # from the centre up to the box's top
    below: float  # from the centre down to the box's bottom


def _separate(boxes: list[_Box], width: float, gap: float, rounds: int) -> None:
    """Push overlapping label boxes apart along their smaller overlap, in place.

    Up to 300 rounds over every pair of 60 boxes: the coordinates are kept in
    lists while the rounds run, box i's in local names while it is compared
    with the others, and a pair apart horizontally is passed by before its
    vertical overlap is worked out (same results, a third of the time).
    """
    xs, ys = [b.x for b in boxes], [b.y for b in boxes]
    half = [b.half_width for b in boxes]
    above, below = [b.above for b in boxes], [b.below for b in boxes]
    n = len(boxes)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            ax, ay, half_i = xs[i], ys[i], half[i]  # box i moves only in this loop
            for j in range(i + 1, n):
                bx = xs[j]
                over_x = half_i + half[j] + gap - (ax - bx if ax > bx else bx - ax)
                if over_x <= 0:
                    continue
                by = ys[j]
                if ay <= by:
                    over_y = below[i] + above[j] + gap - (by - ay)
                else:
                    over_y = below[j] + above[i] + gap - (ay - by)
                if over_y <= 0:
                    continue
                moved = True
                if over_x < over_y:
                    shift = over_x / 2 + 0.01
                    sign = 1.0 if ax <= bx else -1.0  # i < j: equal boxes part the same way
                    ax = ax - sign * shift
                    xs[j] = bx + sign * shift
                else:
                    shift = over_y / 2 + 0.01
                    sign = 1.0 if ay <= by else -1.0
                    ay = ay - sign * shift
                    ys[j] = by + sign * shift
            xs[i], ys[i] = ax, ay
        for i in range(n):
            xs[i] = min(max(xs[i], half[i]), width - half[i])
        if not moved:
            break
    for box, x, y in zip(boxes, xs, ys, strict=True):
        box.x, box.y = x, y


def spring_layout(
    ids: list[Slug],
    labels: dict[Slug, str],
    springs: list[tuple[Slug, Slug, float]],
    degree: dict[Slug, int],
    width: float = 440.0,
    iterations: int = 400,
) -> Layout:
    """A force layout of the nodes, at least ``width`` wide, with no label overlapping another.

    ``ids`` fixes the order in which nodes are placed (the best connected
    first, near the centre); ``springs`` are (a, b, strength) pairs.
    """
    order = sorted(ids, key=lambda i: (-degree.get(i, 0), i))
    if not order:
        return Layout(width, 0.0, ())
    index = {node: n for n, node in enumerate(order)}
    start = _start_positions(len(order))
    pulls = [(index[a], index[b], s) for a, b, s in springs if a in index and b in index]
    unit = _forces(start, pulls, iterations) if len(order) > 1 else start
    lines = {i: wrap_label(labels[i]) for i in order}
    radii = {i: marker_radius(degree.get(i, 0)) for i in order}
    boxes = [
        _Box(
            0.0,
            0.0,
            text_width(lines[i]) / 2 + 4,
            radii[i] + 2,
            radii[i] + 4 + LINE_HEIGHT * len(lines[i]),
        )
        for i in order
    ]
    # Fit the unit layout to the width; the height follows from the room labels need.
    # Portrait suits phones; past MAX_ASPECT a big graph grows wider instead.
    area = sum((2 * b.half_width + 12) * (b.above + b.below + 12) for b in boxes) * 2.2
    width = max(width, math.sqrt(area / MAX_ASPECT))
    height = max(width * 0.75, area / width)
    xs = [p[0] for p in unit]
    ys = [p[1] for p in unit]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    widest = max((b.half_width for b in boxes), default=0.0)
    for box, x, y in zip(boxes, xs, ys, strict=True):
        box.x = widest + (x - min(xs)) / span_x * (width - 2 * widest)
        box.y = 20 + (y - min(ys)) / span_y * (height - 40)
    _separate(boxes, width, gap=6.0, rounds=300)
    top = min((b.y - b.above for b in boxes), default=0.0) - 8
    bottom = max((b.y + b.below for b in boxes), default=0.0) + 8
    places = tuple(
        (i, Placement(round(b.x, 1), round(b.y - top, 1), radii[i], lines[i]))
        for i, b in zip(order, boxes, strict=True)
    )
    return Layout(width, round(bottom - top, 1), tuple(sorted(places)))


# --- one entity's neighbourhood ---------------------------------------------------


def radial_layout(
    centre: Slug,
    neighbours: list[Slug],
    labels: dict[Slug, str],
    degree: dict[Slug, int],
    width: float = 460.0,
) -> Layout:
    """The centre in the middle, neighbours on two arcs, labels pointing outwards.

    Neighbours alternate right and left in the order given, so the closest
    relations sit nearest the top of both arcs.
    """
    right = neighbours[0::2]
    left = neighbours[1::2]
    rows = max(len(right), len(left), 1)
    row_height = 2 * LINE_HEIGHT + 8
    height = max(150.0, rows * row_height + 30)
    cx, cy = width / 2, height / 2
    centre_lines = wrap_label(labels[centre], 14)
    places = [
        (centre, Placement(cx, round(cy, 1), marker_radius(degree.get(centre, 0)), centre_lines))
    ]
    for side, group in ((1, right), (-1, left)):
        for n, node in enumerate(group):
            offset = (n - (len(group) - 1) / 2) * row_height
            bulge = 1.0 - (offset / (height / 2)) ** 2
            x = cx + side * (width * 0.1 + width * 0.05 * bulge)
            places.append(
                (
                    node,
                    Placement(
                        round(x, 1),
                        round(cy + offset, 1),
                        marker_radius(degree.get(node, 0)),
                        wrap_label(labels[node], 15),
                        "start" if side > 0 else "end",
                    ),
                )
            )
    return Layout(width, round(height, 1), tuple(sorted(places)))
