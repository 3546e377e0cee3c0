"""The timeline figure as an SVG string: the chart the page shows before any script runs.

A pure function of the figure dict (`figure.figure_dict`): the same marks, spans, labels,
eras, axis ticks and ring, at the same places as Plotly draws them, so that the picture
sent inside the page's HTML is replaced by the interactive chart without anything moving.

The server does not know how wide the browser's chart will be. Plotly maps an x value to
`left margin + (x - first) / (last - first) * plot width`; here the SVG element is exactly
the plot area's width (the margins are CSS), and every x is a percentage of it, so the
browser places each mark where Plotly will, at any width. Heights are fixed in the
figure, so every y is in pixels. The axis ticks follow Plotly's own rule for a fixed
number of ticks (the figure sets `xaxis.nticks`; core/chart/ticks.py): the same ticks at
any width; an axis that reaches BCE has its ticks in the figure.

Every text comes from the figure, where it is HTML-escaped for Plotly (which reads a
little HTML: `<br>` breaks a line); here it is unescaped and escaped again for XML, so a
title stays text whatever it holds. Each event's mark carries `data-event-id`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator

import numpy as np

from core.chart.ticks import ticks

TICK_LEN = 5  # Plotly's default tick length (px)
TICK_LABEL_DY = 24  # from the plot's bottom to a 15 px tick label's baseline, as Plotly draws it
ANNOTATION_LINE = 1.3  # Plotly's line spacing, in ems
ERA_LABEL_DY = 6  # from the plot's top up to the last line's baseline of a 14 px era label
MIDDLE_DY = 0.35  # from a line's middle to its baseline, in font sizes
NOTE_DY = 15  # from the top of a 14 px annotation's box to its first baseline
TEXT_DY = 3.75  # Plotly's vertical shift of a 15 px text point, centred on its y


def text(value: object) -> str:
    """A figure's text (HTML-escaped for Plotly) as XML character data."""
    return html.escape(html.unescape(str(value)), quote=False)


def attr(value: object) -> str:
    """Any value as a double-quoted XML attribute's content."""
    return html.escape(str(value), quote=True)


def lines(value: object) -> list[str]:
    """A figure's text split where Plotly breaks it (`<br>`), each line as XML."""
    return [text(line) for line in str(value).split("<br>")]


def tick_label(value: float) -> str:
    """A tick's label in the figure's `tickformat` "d" (an integer)."""
    return str(round(value))


def _symbol(name: str, r: float) -> str:
    """The outline of a Plotly marker symbol of radius `r`, centred on 0,0, as a path."""
    name = name.removesuffix("-open")
    if name == "square":
        return f"M{r:g},{r:g}H{-r:g}V{-r:g}H{r:g}Z"
    if name == "diamond":
        d = round(r * 1.3, 2)
        return f"M{d:g},0L0,{d:g}L{-d:g},0L0,{-d:g}Z"
    if name in ("triangle-up", "triangle-down"):
        w, h, s = round(r * 2 / math.sqrt(3), 2), round(r / 2, 2), round(r, 2)
        sign = 1 if name == "triangle-up" else -1
        return f"M{-w:g},{sign * h:g}H{w:g}L0,{-sign * s:g}Z"
    if name == "hexagon":
        w, h, s = round(r * math.sqrt(3) / 2, 2), round(r / 2, 2), round(r, 2)
        return f"M{w:g},{-h:g}V{h:g}L0,{s:g}L{-w:g},{h:g}V{-h:g}L0,{-s:g}Z"
    if name == "cross":
        a, b = round(r * 0.4, 2), round(r * 1.2, 2)
        return (
            f"M{b:g},{a:g}H{a:g}V{b:g}H{-a:g}V{a:g}H{-b:g}V{-a:g}H{-a:g}V{-b:g}H{a:g}V{-a:g}H{b:g}Z"
        )
    if name == "star":
        points = []
        for i in range(10):  # five outer points, five inner, from the top
            angle = math.pi * i / 5
            radius = r * 1.4 * (1 if i % 2 == 0 else 0.382)
            points.append((radius * math.sin(angle), -radius * math.cos(angle)))
        return "M" + "L".join(f"{x:.2f},{y:.2f}" for x, y in points) + "Z"
    s = round(r, 2)  # a circle, and any symbol this file does not know
    return f"M{s:g},0A{s:g},{s:g} 0 1,1 0,{-s:g}A{s:g},{s:g} 0 0,1 {s:g},0Z"


def _list(value) -> list:
    """A figure's array (a list, a NumPy array or a pandas Series) as a list."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return np.asarray(value).tolist()


def _each(value, count: int) -> list:
    """A per-point property: its array, or the one value repeated."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value] * count
    return _list(value)


def _dash(dash: str | None, width: float) -> str:
    """Plotly's dash patterns: a dot as long as the line is wide (3 px at least)."""
    if dash == "dot":
        w = max(width, 3)
        return f' stroke-dasharray="{w:g},{w:g}"'
    if dash == "dash":
        w = 3 * max(width, 3)
        return f' stroke-dasharray="{w:g},{w:g}"'
    return ""


class _Axes:
    """Data to SVG coordinates: x as a percentage of the plot's width, y in pixels."""

    def __init__(self, layout: dict) -> None:
        margin = layout.get("margin", {})
        self.top, self.bottom = margin.get("t", 80), margin.get("b", 80)
        self.left, self.right = margin.get("l", 80), margin.get("r", 80)
        self.height = layout.get("height") or 450
        self.plot_height = self.height - self.top - self.bottom
        self.x0, self.x1 = layout["xaxis"]["range"]
        self.y0, self.y1 = layout["yaxis"]["range"]

    def x(self, value: float) -> str:
        return f"{(value - self.x0) / (self.x1 - self.x0) * 100:.4f}%"

    def width(self, low: float, high: float) -> str:
        """The width from x `low` to `high`, as a percentage of the plot's."""
        return f"{(high - low) / (self.x1 - self.x0) * 100:.4f}%"

    def y(self, value: float) -> float:
        return round(self.top + (self.y1 - value) / (self.y1 - self.y0) * self.plot_height, 2)

    def paper_y(self, value: float) -> float:
        return round(self.top + (1 - value) * self.plot_height, 2)


def figure_svg(figure: dict, label: str | None = None) -> str:
    """The figure drawn as one `<svg>` element, as wide as the plot area of its container
    (a block as wide as Plotly's graph: the margins are the SVG's own CSS margins).
    `label`, if given, is the id of the element that describes the chart."""
    layout = figure["layout"]
    axes = _Axes(layout)
    font = layout.get("font", {})
    family = attr(font.get("family", "sans-serif"))
    style = (
        f"display:block;overflow:visible;height:{axes.height}px;"
        f"width:calc(100% - {axes.left + axes.right}px);"
        f"margin:0 {axes.right}px 0 {axes.left}px;background:{layout.get('plot_bgcolor', '#fff')}"
    )
    labelled = f' aria-labelledby="{attr(label)}"' if label else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="first-chart" style="{style}" '
        f'font-family="{family}" height="{axes.height}"{labelled}>'
    ]
    parts += _shapes(layout.get("shapes", []), axes, "below")
    parts += _grid(layout["xaxis"], axes)
    # Lines are clipped to the plot area, as Plotly clips them; marks and text are not.
    parts.append(
        f'<svg y="{axes.top}" width="100%" height="{axes.plot_height}" overflow="hidden">'
        f'<g transform="translate(0,{-axes.top})">'
    )
    for trace in figure["data"]:
        if trace.get("mode") == "lines":
            parts += _lines(trace, axes)
        elif trace.get("fill") == "toself":
            parts += _fills(trace, axes)
    parts.append("</g></svg>")
    for trace in figure["data"]:
        mode = trace.get("mode")
        if mode == "markers":
            parts += _markers(trace, axes)
        elif mode == "text":
            parts += _texts(trace, axes)
    parts += _annotations(layout.get("annotations", []), axes)
    parts.append("</svg>")
    return "".join(parts)


def _shapes(shapes: list[dict], axes: _Axes, layer: str) -> Iterator[str]:
    for shape in shapes:
        if shape.get("layer", "above") != layer or shape.get("yref") != "paper":
            continue
        line = shape.get("line", {})
        top, bottom = axes.paper_y(shape["y1"]), axes.paper_y(shape["y0"])
        if shape["type"] == "rect":
            fill = shape.get("fillcolor", "none")
            yield (
                f'<rect x="{axes.x(shape["x0"])}" y="{top}" '
                f'width="{axes.width(shape["x0"], shape["x1"])}" '
                f'height="{bottom - top}" fill="{attr(fill)}"/>'
            )
        elif shape["type"] == "line" and line.get("width", 1) > 0:
            width = line.get("width", 1)
            yield (
                f'<line x1="{axes.x(shape["x0"])}" x2="{axes.x(shape["x1"])}" y1="{top}" '
                f'y2="{bottom}" stroke="{attr(line.get("color", "#444"))}" '
                f'stroke-width="{width:g}"{_dash(line.get("dash"), width)}/>'
            )


def _grid(xaxis: dict, axes: _Axes) -> Iterator[str]:
    bottom = axes.top + axes.plot_height
    size = xaxis.get("tickfont", {}).get("size", 15)
    yield '<g class="first-chart-ticks">'
    if "tickvals" in xaxis:  # an axis reaching BCE (core/chart/ticks.py)
        low, high = min(axes.x0, axes.x1), max(axes.x0, axes.x1)
        pairs = zip(xaxis["tickvals"], xaxis["ticktext"], strict=True)
        shown = [(value, label) for value, label in pairs if low <= value <= high]
    else:
        shown = [(v, tick_label(v)) for v in ticks(axes.x0, axes.x1, xaxis.get("nticks") or 10)]
    for value, label in shown:
        x = axes.x(value)
        if xaxis.get("showgrid"):
            yield (
                f'<line x1="{x}" x2="{x}" y1="{axes.top}" y2="{bottom}" '
                f'stroke="{attr(xaxis.get("gridcolor", "#eee"))}" stroke-width="1"/>'
            )
        if xaxis.get("ticks") == "outside":
            yield (
                f'<line x1="{x}" x2="{x}" y1="{bottom + 1}" y2="{bottom + 1 + TICK_LEN}" '
                'stroke="#444" stroke-width="1"/>'
            )
        yield (
            f'<text x="{x}" y="{bottom + TICK_LABEL_DY}" text-anchor="middle" '
            f'font-size="{size}" fill="#1a1a1a">{text(label)}</text>'
        )
    yield "</g>"


def _lines(trace: dict, axes: _Axes) -> Iterator[str]:
    line = trace.get("line", {})
    width = line.get("width", 2)
    xs, ys = _list(trace.get("x")), _list(trace.get("y"))
    paint = (
        f'stroke="{attr(line.get("color", "#444"))}" stroke-width="{width:g}"'
        f"{_dash(line.get('dash'), width)}"
    )
    yield f'<g opacity="{trace.get("opacity", 1):g}" {paint}>'
    for i in range(len(xs) - 1):
        if xs[i] is None or xs[i + 1] is None:
            continue
        yield (
            f'<line x1="{axes.x(xs[i])}" x2="{axes.x(xs[i + 1])}" '
            f'y1="{axes.y(ys[i])}" y2="{axes.y(ys[i + 1])}"/>'
        )
    yield "</g>"


def _fills(trace: dict, axes: _Axes) -> Iterator[str]:
    """A filled trace's shapes, a gap after each: the chart's bars (marks.bars_as_fills),
    rectangles, each drawn as the box round its corners."""
    xs, ys = _list(trace.get("x")), _list(trace.get("y"))
    yield f'<g opacity="{trace.get("opacity", 1):g}" fill="{attr(trace.get("fillcolor", "#444"))}">'
    corners: list[tuple[float, float]] = []
    for x, y in zip([*xs, None], [*ys, None], strict=True):
        if x is not None and y is not None:
            corners.append((x, y))
            continue
        if corners:
            left, right = min(c[0] for c in corners), max(c[0] for c in corners)
            top = min(axes.y(c[1]) for c in corners)
            bottom = max(axes.y(c[1]) for c in corners)
            yield (
                f'<rect x="{axes.x(left)}" y="{top}" '
                f'width="{axes.width(left, right)}" '
                f'height="{round(bottom - top, 2)}"/>'
            )
        corners = []
    yield "</g>"


def _markers(trace: dict, axes: _Axes) -> Iterator[str]:
    xs, ys = _list(trace.get("x")), _list(trace.get("y"))
    marker = trace.get("marker", {})
    count = len(xs)
    sizes = _each(marker.get("size", 6), count)
    symbols = _each(marker.get("symbol", "circle"), count)
    outline = marker.get("line", {})
    colour = attr(marker.get("color", "#444"))
    stroke = attr(outline.get("color", colour))
    ids = [row[0] if row else None for row in _list(trace.get("customdata"))] or [None] * count
    opacity = marker.get("opacity", 1)
    yield (
        f'<g stroke="{stroke}" stroke-width="{outline.get("width", 0):g}" '
        f'opacity="{opacity:g}" class="first-chart-marks">'
    )
    for x, y, size, symbol, event_id in zip(xs, ys, sizes, symbols, ids, strict=True):
        fill = "none" if str(symbol).endswith("-open") else colour
        identity = f' data-event-id="{attr(event_id)}"' if event_id else ""
        yield (
            f'<svg x="{axes.x(x)}" y="{axes.y(y)}" overflow="visible">'
            f'<path d="{_symbol(str(symbol), size / 2)}" fill="{fill}"{identity}/></svg>'
        )
    yield "</g>"


def _texts(trace: dict, axes: _Axes) -> Iterator[str]:
    xs, ys = _list(trace.get("x")), _list(trace.get("y"))
    font = trace.get("textfont", {})
    positions = _each(trace.get("textposition", "middle center"), len(xs))
    yield (
        f'<g font-size="{font.get("size", 15)}" fill="{attr(font.get("color", "#1a1a1a"))}" '
        'class="first-chart-labels">'
    )
    for x, y, label, position in zip(
        xs, ys, _each(trace.get("text"), len(xs)), positions, strict=True
    ):
        if not label:
            continue
        anchor = "end" if "left" in position else "start" if "right" in position else "middle"
        yield (
            f'<text x="{axes.x(x)}" y="{axes.y(y) + TEXT_DY:g}" text-anchor="{anchor}" '
            f'xml:space="preserve">{text(label)}</text>'
        )
    yield "</g>"


def _annotations(annotations: list[dict], axes: _Axes) -> Iterator[str]:
    for note in annotations:
        font = note.get("font", {})
        size = font.get("size", 15)
        said = str(note.get("text", ""))
        bold = said.startswith("<b>") and said.endswith("</b>")  # a lane's name
        rows = lines(said[3:-4] if bold else said)
        spacing = round(size * ANNOTATION_LINE, 2)
        x = f"{note['x'] * 100:g}%" if note.get("xref") == "paper" else axes.x(note["x"])
        anchor = {"left": "start", "right": "end"}.get(note.get("xanchor", "center"), "middle")
        on_axis = note.get("yref") == "y"  # at a row of the chart (a lane's name)
        y = (axes.y(note["y"]) if on_axis else axes.paper_y(note["y"])) - note.get("yshift", 0)
        if note.get("yanchor") == "top":
            first = y + NOTE_DY
        elif on_axis:  # centred on the row, as Plotly does by default
            first = round(y + size * MIDDLE_DY - spacing * (len(rows) - 1) / 2, 2)
        else:  # "bottom": the last line sits just above the point
            first = y - ERA_LABEL_DY - spacing * (len(rows) - 1)
        pad = ""  # inside Plotly's pad of 2 px, at the edge of the plot
        if note.get("xref") == "paper" and anchor != "middle":
            pad = f' dx="{2 if anchor == "start" else -2}"'
        spans = "".join(
            f'<tspan x="{x}"{pad} y="{first + spacing * i:g}">{row}</tspan>'
            for i, row in enumerate(rows)
        )
        weight = ' font-weight="bold"' if bold else ""
        yield (
            f'<text text-anchor="{anchor}" font-size="{size}"{weight} '
            f'fill="{attr(font.get("color", "#444"))}">{spans}</text>'
        )
