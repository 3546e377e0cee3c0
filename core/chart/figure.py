"""The timeline figure: a pure function from events to a Plotly figure.

The x axis is in decimal years (so BCE dates work). Each event sits in a lane chosen so
that labels never overlap; its span shows how precise the date is:

- a point date is a marker over a thin bar as wide as its precision (a year-only date
  spans its year);
- a period (`1984/1989`) is a thick bar;
- a date known only to lie in a window (`[1984..1989]`) is a dotted bar;
- an approximate or uncertain date has a hollow marker and dotted whiskers.

Colour and marker shape both encode the kind (Okabe-Ito palette, colour-blind safe).
This module lays out the axis, the eras and the page; the events, their bars and labels
are drawn by core/chart/marks.py.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from core.chart.labels import LABEL_FONT_PX
from core.chart.marks import MAX_LABELS, Parts, add_events, bars_as_fills, kinds_in_order
from core.chart.metrics import text_width_px
from core.chart.options import LANE_PX, FigureOptions, margins, page_height, plot_height
from core.chart.overview import MAX_MARKS, add_groups
from core.chart.style import FONT
from core.chart.ticks import historical_ticks, room_for_end_labels
from core.i18n import t
from core.load.model import Era, Vocabulary

# Where they were first defined, for modules that import them from here.
__all__ = ["LANE_PX", "MAX_LABELS", "FigureOptions", "build_figure", "figure_dict", "margins"]

ERA_FILLS = ("rgba(0,0,0,0.045)", "rgba(0,0,0,0.0)")
ERA_PX = 14  # era labels, when event labels are 15 px (they scale together)


def _x_extent(events: pd.DataFrame, eras: list[Era]) -> tuple[float, float]:
    if events.empty:
        starts = [e.start for e in eras] or [0.0]
        ends = [e.end for e in eras] or [1.0]
        return min(starts), max(ends)
    return float(events["fuzzy_start"].min()), float(events["fuzzy_end"].max())


def x_bounds(
    events: pd.DataFrame, eras: list[Era], x_range: tuple[float, float] | None
) -> tuple[float, float]:
    """The axis's range: `x_range` exactly (what the person panned or zoomed to), else the
    events' extent with a little room either side."""
    if x_range:
        return x_range
    first, last = _x_extent(events, eras)
    span_years = max(last - first, 1.0)
    return first - span_years * 0.02, last + span_years * 0.06


def axis_bounds(
    events: pd.DataFrame,
    eras: list[Era],
    x_range: tuple[float, float] | None,
    plot_px: float,
    label_px: float,
    lang: str,
) -> tuple[float, float]:
    """`x_bounds`, and, for the first view of a timeline before year 1, room at either end
    for the label of the tick there (a range the person chose is kept exactly)."""
    first, last = x_bounds(events, eras, x_range)
    if x_range:
        return first, last
    side = margins(label_px)["l"]
    return room_for_end_labels(first, last, tick_count(plot_px), lang, plot_px, side, label_px)


def build_figure(
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    eras: list[Era],
    options: FigureOptions = FigureOptions(),  # noqa: B008 - frozen dataclass, safe default
) -> go.Figure:
    """The timeline of `events` (already filtered), in `options.lang`, checked by plotly."""
    return go.Figure(figure_dict(events, vocabulary, eras, options))


def figure_dict(
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    eras: list[Era],
    options: FigureOptions = FigureOptions(),  # noqa: B008 - frozen dataclass, safe default
    *,
    filled: bool = True,
) -> dict:
    """The same figure as a plain dict, fast: what the page's callback sends. Its bars are
    filled rectangles (`bars_as_fills`), unless not `filled`: a part of a bigger chart
    (core/chart/lanes.py), whose height is not its own, keeps them as lines."""
    lang = options.lang
    first, last = axis_bounds(
        events, eras, options.x_range, options.plot_width_px, options.label_px, lang
    )
    px_per_year = options.plot_width_px / (last - first)

    fig = Parts()
    if len(events) > MAX_MARKS:
        present = set(events["kind"].unique())
        kinds = [k for k in kinds_in_order(events, vocabulary) if k in present]
        lane_count = add_groups(
            fig, events, vocabulary, kinds, first, last, options.plot_width_px, lang
        )
        fig.add_annotation(
            text=html.escape(t(lang, "grouped_note", shown=f"{len(events):,}"), quote=False),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yanchor="top",
            xanchor="left",
            yshift=-24,
            showarrow=False,
            font={"size": 14, "color": "#444"},
        )
    else:
        lane_count = add_events(fig, events, vocabulary, options, first, last, px_per_year)

    _add_eras(fig, eras, lang, first, last, px_per_year, options.label_px)
    layout = dict(
        height=page_height(lane_count),
        margin=margins(options.label_px),
        font={"family": FONT, "size": 15, "color": "#1a1a1a"},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,  # the kind filter beside the chart is the legend (same colours and shapes)
        hoverlabel={"font": {"size": 15, "family": FONT}},
        dragmode="pan",
        clickmode="event",
        # Plotly keeps a pan or zoom across redraws; a new visible range (from the address,
        # Back or Forward) is a new revision, so the axis moves to it.
        uirevision=f"timeline {options.x_range}",
        meta={"plot_width_px": options.plot_width_px},  # the width labels were packed for
        xaxis={
            "range": [first, last],
            "tickformat": "d",
            # Plotly's own choice for this width, made fixed: the page's first picture
            # (core/chart/svg.py) draws the same ticks whatever width the browser has.
            "nticks": tick_count(options.plot_width_px),
            "showgrid": True,
            "gridcolor": "#e3e3e3",
            "zeroline": False,
            "ticks": "outside",
            "tickfont": {"size": options.label_px},
            "fixedrange": False,
        },
        yaxis={
            "range": [lane_count - 0.4, -0.8],
            "visible": False,
            "fixedrange": True,
        },
        shapes=fig.shapes,
        annotations=fig.annotations,
    )
    bce = historical_ticks(first, last, layout["xaxis"]["nticks"], options.lang)
    if bce is not None:  # before year 1: round years as people count them, in words
        side = layout["margin"]["l"]

        def fitted(value: float, label: str) -> str:
            """The label, or none where it would pass the chart's edge: "500 BCE" is wider
            than Plotly's "−500", and Plotly hides such a label (keeping its tick), where
            the page's first view would draw it."""
            if not first <= value <= last:
                return label  # shown by a pan, until the server draws the new range
            x, half = (value - first) * px_per_year, text_width_px(label, options.label_px) / 2
            fits = x - half >= -side and x + half <= options.plot_width_px + side
            return label if fits else ""

        layout["xaxis"].update(
            tickmode="array",
            tickvals=bce[0],
            ticktext=[fitted(v, label) for v, label in zip(*bce, strict=True)],
        )
    data = (
        bars_as_fills(fig.data, plot_height(options, lane_count), lane_count)
        if filled
        else fig.data
    )
    return {"data": data, "layout": layout}


def tick_count(plot_width_px: float) -> int:
    """How many ticks Plotly aims for on an x axis this wide: one per 80 px, 5 to 10."""
    return int(min(max(plot_width_px / 80, 4), 9)) + 1


def _era_label(text: str, width_px: float, size_px: float = ERA_PX) -> str | None:
    """The era's label, on two lines if one is too wide; None if even two lines would spill."""
    words = text.split()
    lines = [text]
    if text_width_px(text, size_px) > width_px and len(words) > 1:
        half = len(text) / 2
        cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - half))
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    if max(text_width_px(line, size_px) for line in lines) > width_px * 1.1:
        return None
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _add_eras(
    fig: Parts,
    eras: list[Era],
    lang: str,
    first: float,
    last: float,
    px_per_year: float,
    label_px: float = LABEL_FONT_PX,
) -> None:
    size = ERA_PX * label_px / LABEL_FONT_PX
    for index, era in enumerate(eras):
        if era.end <= first or era.start >= last:
            continue
        x0, x1 = max(era.start, first), min(era.end, last)
        fig.add_shape(
            type="rect",
            xref="x",
            yref="paper",
            x0=x0,
            x1=x1,
            y0=0,
            y1=1,
            fillcolor=ERA_FILLS[index % 2],
            line={"width": 0},
            layer="below",
        )
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=x0,
            x1=x0,
            y0=0,
            y1=1.0,
            line={"width": 1, "color": "#b0b0b0", "dash": "dot"},
            layer="below",
        )
        label = _era_label(era.label(lang), (x1 - x0) * px_per_year, size)
        if label:
            fig.add_annotation(
                x=(x0 + x1) / 2,
                y=1.0,
                xref="x",
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                text=label,
                font={"size": size, "color": "#444"},
            )
