"""The timeline fitted to a screen: lecture mode's chart, the presenter's, and slide images.

Type grows with the screen: labels are 16 px on a 1280x720 projector and about 24 px at
1920x1080 (`projected_label_px`), marks with them. The marks are packed into lanes once
for the whole deck, leaving each event room for a label beside it: as much room as lets
the lanes fit the chart's height at that size (`fit_room`), so a step through the lecture
moves no mark. In lecture mode only the event told and its neighbours are labelled
(`focus`), in the room left beside them; the other events stay as marks, with the eras
and the axis, for context, and tell their titles on hover. A slide has every label that
fits. No label is drawn over a mark: one that cannot fit is shortened or left out.

Lecture mode's chart is drawn for stepping (`stepping=True`): the labels are layout
annotations and the ring round the event told a layout shape sized in pixels, named
"label" and "ring", so that the traces are the same at every step. `split_focus` takes
them out as the step's `focus`, which the page draws over the chart itself
(assets/present.js): a step then leaves Plotly alone. Given a figure changed only in its
annotations and shapes, Plotly still worked out every trace's defaults again: about half of
a step's time (bench/README.md, lecture step). A shape on the axes is clipped to the plot,
so the axis leaves room for the ring at either end.
"""

from __future__ import annotations

import html
from collections.abc import Collection

import pandas as pd
import plotly.graph_objects as go

from core.chart.figure import FigureOptions, build_figure, margins, tick_count, x_bounds
from core.chart.labels import lane_pitch_px, ring_px, room_for_lanes
from core.chart.lanes import lanes_figure, rows_for_plot
from core.chart.marks import HIGHLIGHT
from core.chart.ticks import room_for_end_labels
from core.load.model import Timeline

SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080  # slide images, and the presenter's PNG and SVG
SLIDE_SIZE = {"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT}
MIN_LABEL_PX = 16  # readable from the back of a hall on a 1280x720 projector
MAX_LABEL_PX = 36
# The label size is the chart's width over this (16 px at 1280x720, 24 at 1920x1080), and
# at most its height over the other (a short chart, such as the presenter's, keeps lanes).
WIDTH_PER_LABEL_PX = 76
HEIGHT_PER_LABEL_PX = 15.6
RING_STROKE_PX = 3


def projected_label_px(width: float, height: float) -> float:
    """The label size for a chart of `width` x `height` px on a projector."""
    size = min(width / WIDTH_PER_LABEL_PX, height / HEIGHT_PER_LABEL_PX)
    return round(max(MIN_LABEL_PX, min(MAX_LABEL_PX, size)), 1)


def fit_room(
    events: pd.DataFrame,
    lang: str,
    bounds: tuple[float, float],
    plot: tuple[float, float],
    label_px: float,
) -> float:
    """The most room (px) each label can be packed for with the lanes still far enough
    apart, in a plot of `plot` (width, height) px, for labels and marks of `label_px`."""
    width, height = plot
    first, last = bounds
    px_per_year = width / max(last - first, 1e-9)
    # lanes at least a pitch apart: height / (lanes + 0.4) >= pitch
    lanes = int(height / lane_pitch_px(label_px, label_px) - 0.4)
    room, _ = room_for_lanes(
        events, lang, px_per_year, first, last, lanes, label_px=label_px, mark_px=label_px
    )
    return room


def projected_figure(
    events: pd.DataFrame,
    timeline: Timeline,
    lang: str,
    selected: str | None,
    x_range: tuple[float, float] | None,
    size: tuple[float, float],
    *,
    focus: Collection[str] | None = None,
    shown: Collection[str] | None = None,
    lanes: str = "",
    stepping: bool = False,
) -> go.Figure:
    """`events` drawn for a chart of `size` (width, height) px on a projector.

    `focus`: label only these events (lecture mode), else every one that fits (a slide).
    `shown`: draw only these (build mode), where the whole of `events` puts them.
    `lanes`: in lanes by kind, group or tag, when the address asks for them; as many as
    fit the screen's height, the others folded into "N more" (nothing unfolds on a screen
    a lecture is shown on).
    `stepping`: labels and ring as layout items, for lecture mode (see the module's doc).
    """
    width, height = size
    label_px = projected_label_px(width, height)
    edges = margins(label_px)
    plot = (
        max(200.0, width - edges["l"] - edges["r"]),
        max(100.0, height - edges["t"] - edges["b"]),
    )
    bounds = x_bounds(events, timeline.eras, x_range)
    if stepping:
        bounds = _ring_room(bounds, plot[0], ring_px(label_px) / 2 + RING_STROKE_PX)
    # a slide or a lecture names the year its axis starts at, whatever range it was given
    # (a lecture's is its deck's, fixed across steps)
    bounds = room_for_end_labels(*bounds, tick_count(plot[0]), lang, plot[0], edges["l"], label_px)
    room = fit_room(events, lang, bounds, plot, label_px) if not events.empty else 0.0
    if focus is None and room == 0:  # too many for a lane each: label what has room
        focus = list(events["id"])
    options = FigureOptions(
        lang=lang,
        selected=selected,
        x_range=bounds,
        plot_width_px=int(plot[0]),
        label_px=label_px,
        mark_px=label_px,
        room_px=room,
        focus=tuple(focus) if focus is not None else None,
        shown=frozenset(shown) if shown is not None else None,
        plot_height_px=plot[1],
    )
    if lanes:  # as many as fit the screen, the others folded into "N more"
        rows = rows_for_plot(plot[1], lane_pitch_px(label_px, label_px))
        drawn = lanes_figure(events, timeline.vocabulary, timeline.eras, options, lanes, rows)
        figure = go.Figure(drawn)
    else:
        figure = build_figure(events, timeline.vocabulary, timeline.eras, options)
    figure.update_layout(height=None, autosize=True)
    # no plotly.py template: the main page's chart has none (its figure is a plain dict),
    # and a step would make Plotly compare its 7 KB again (about 30 ms)
    figure.layout.template = None
    return _as_layout_items(figure) if stepping else figure


def _ring_room(bounds: tuple[float, float], width_px: float, room_px: float) -> tuple[float, float]:
    """`bounds` widened so that `room_px` is left at either end of a `width_px` plot."""
    first, last = bounds
    share = min(0.25, room_px / max(width_px, 1.0))
    pad = (last - first) * share / (1 - 2 * share)
    return first - pad, last + pad


def _as_layout_items(figure: go.Figure) -> go.Figure:
    """`figure` with its labels as annotations and its ring as a shape, named "label" and
    "ring"; the other traces unchanged.
    In lanes, an event may be drawn, labelled and ringed in several lanes: every label and
    ring is kept.

    Its `meta` is the width the labels were packed for, a number: dcc.Graph hands Plotly
    a deep copy of the layout at every redraw, and Plotly compares `meta` (any value) as
    it is, so a dict there, equal but not the same, made it draw every trace again.
    """
    figure.layout.meta = figure.layout.meta["plot_width_px"]
    moved = [trace for trace in figure.data if trace.name in ("labels", "selected")]
    figure.data = [trace for trace in figure.data if trace.name not in ("labels", "selected")]
    slots = []
    for labels in (trace for trace in moved if trace.name == "labels"):
        font = labels.textfont
        for i, (x, y, text) in enumerate(zip(labels.x, labels.y, labels.text, strict=True)):
            if not text:
                continue
            right = labels.textposition[i].endswith("right")
            slots.append(
                _label(
                    x,
                    y,
                    text,
                    "left" if right else "right",
                    font.size,
                    _nth(font.color, i),
                    _nth(font.weight, i),
                    font.family,
                )
            )
    for slot in slots:
        figure.add_annotation(slot)
    for ring in (trace for trace in moved if trace.name == "selected"):
        radius = ring.marker.size / 2
        for x, y in zip(ring.x, ring.y, strict=True):
            figure.add_shape(
                name="ring",
                type="circle",
                xref="x",
                yref="y",
                xsizemode="pixel",
                ysizemode="pixel",
                xanchor=x,
                yanchor=y,
                x0=-radius,
                x1=radius,
                y0=-radius,
                y1=radius,
                line={"color": HIGHLIGHT, "width": RING_STROKE_PX},
                layer="above",
            )
    return figure


def _nth(value, i: int):
    """A font's colour or weight for the `i`th label: one for all, or one each."""
    return value[i] if isinstance(value, list | tuple) else value


def _label(x, y, text, anchor, size, colour, weight, family) -> dict:
    """A label as an annotation: its text starts (anchor "left") or ends at `x`."""
    return {
        "name": "label",
        "visible": True,
        "x": x,
        "y": y,
        "xref": "x",
        "yref": "y",
        "text": text,
        "showarrow": False,
        "xanchor": anchor,
        "yanchor": "middle",
        "borderpad": 0,
        "borderwidth": 0,
        "font": {"size": size, "color": colour, "weight": weight, "family": family},
    }


def split_focus(figure: go.Figure) -> tuple[go.Figure, dict]:
    """A chart drawn for stepping, without its ring and labels, and these as the step's
    focus, which the page draws over the chart (assets/present.js): in the chart's units,
    each ring's centre, radius (px) and stroke, each label's anchor point, side, text
    (plain: Plotly's is HTML-escaped, the page sets it as text) and font."""
    rings = [
        {
            "x": shape.xanchor,
            "y": shape.yanchor,
            "r": shape.x1,
            "color": shape.line.color,
            "width": shape.line.width,
        }
        for shape in figure.layout.shapes
        if shape.name == "ring"
    ]
    labels = [
        {
            "x": note.x,
            "y": note.y,
            "anchor": note.xanchor,
            "text": html.unescape(note.text),
            "size": note.font.size,
            "color": note.font.color,
            "weight": note.font.weight,
            "family": note.font.family,
        }
        for note in figure.layout.annotations
        if note.name == "label"
    ]
    figure.layout.shapes = [shape for shape in figure.layout.shapes if shape.name != "ring"]
    figure.layout.annotations = [note for note in figure.layout.annotations if note.name != "label"]
    return figure, {"rings": rings, "labels": labels}


def slide_figure(
    events: pd.DataFrame,
    timeline: Timeline,
    lang: str,
    x_range: tuple[float, float] | None,
    lanes: str = "",
) -> go.Figure:
    """A 1920x1080 slide of `events`, every label that fits drawn (in `lanes`, if any)."""
    size = (SLIDE_WIDTH, SLIDE_HEIGHT)
    figure = projected_figure(events, timeline, lang, None, x_range, size, lanes=lanes)
    figure.update_layout(width=SLIDE_WIDTH, height=SLIDE_HEIGHT, autosize=False)
    return figure
