"""The timeline figure: a pure function from events to a Plotly figure.

The x axis is in decimal years (so BCE dates work). Each event sits in a lane chosen so
that labels never overlap; its span shows how precise the date is:

- a point date is a marker over a thin bar as wide as its precision (a year-only date
  spans its year);
- a period (`1984/1989`) is a thick bar;
- a date known only to lie in a window (`[1984..1989]`) is a dotted bar;
- an approximate or uncertain date has a hollow marker and dotted whiskers.

Colour and marker shape both encode the kind (Okabe-Ito palette, colour-blind safe).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.chart.labels import (
    LABEL_FONT_PX,
    Placement,
    anchor,
    label_chars,
    place_labels,
    short_label,
)
from core.chart.overview import MAX_MARKS, add_groups
from core.chart.style import FONT, kind_style
from core.i18n import t
from core.load.dates import PERIOD, POINT, WINDOW, when_text
from core.load.model import Era, Vocabulary

ERA_FILLS = ("rgba(0,0,0,0.045)", "rgba(0,0,0,0.0)")
LANE_PX = 30
ERA_CHAR_PX = 7.0  # era labels are 14 px
HIGHLIGHT = "#111111"
MAX_LABELS = 400  # above this many events, titles show on hover only: the chart stays legible


@dataclass(frozen=True)
class FigureOptions:
    lang: str = "en"
    plot_width_px: int = 880  # the plot area at 1280x800 with the filter column beside it
    selected: str | None = None
    x_range: tuple[float, float] | None = (
        None  # shown as given; default: the events' extent, padded
    )


def _x_extent(events: pd.DataFrame, eras: list[Era]) -> tuple[float, float]:
    if events.empty:
        starts = [e.start for e in eras] or [0.0]
        ends = [e.end for e in eras] or [1.0]
        return min(starts), max(ends)
    return float(events["fuzzy_start"].min()), float(events["fuzzy_end"].max())


class Parts:
    """The figure being built, as plain dicts: plotly's `go` objects validate every value as
    it is set, which took 90% of the time of a redraw. `build_figure` validates once."""

    def __init__(self) -> None:
        self.data: list[dict] = []
        self.shapes: list[dict] = []
        self.annotations: list[dict] = []

    def add_trace(self, trace: dict) -> None:
        self.data.append(trace)

    def add_shape(self, **shape) -> None:
        self.shapes.append(shape)

    def add_annotation(self, **annotation) -> None:
        self.annotations.append(annotation)


def Scatter(**trace) -> dict:  # noqa: N802 - stands in for go.Scatter
    return {"type": "scatter", **trace}


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
) -> dict:
    """The same figure as a plain dict, fast: what the page's callback sends."""
    lang = options.lang
    if options.x_range:
        first, last = options.x_range  # what the person panned or zoomed to, exactly
    else:
        first, last = _x_extent(events, eras)
        span_years = max(last - first, 1.0)
        first, last = first - span_years * 0.02, last + span_years * 0.06
    px_per_year = options.plot_width_px / (last - first)

    fig = Parts()
    if len(events) > MAX_MARKS:
        present = set(events["kind"].unique())
        kinds = [k for k in _kinds_in_order(events, vocabulary) if k in present]
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
        lane_count = _add_events(fig, events, vocabulary, options, first, last, px_per_year)

    _add_eras(fig, eras, lang, first, last, px_per_year)
    layout = dict(
        height=max(380, 150 + lane_count * LANE_PX),
        margin={"l": 16, "r": 16, "t": 56, "b": 40},
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
            "tickfont": {"size": 15},
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
    return {"data": fig.data, "layout": layout}


def tick_count(plot_width_px: float) -> int:
    """How many ticks Plotly aims for on an x axis this wide: one per 80 px, 5 to 10."""
    return int(min(max(plot_width_px / 80, 4), 9)) + 1


def _kinds_in_order(events: pd.DataFrame, vocabulary: Vocabulary) -> list[str]:
    return list(dict.fromkeys(list(vocabulary.kinds) + list(events["kind"].unique())))


class _Drawn:
    """The columns a redraw draws, as plain arrays: a pandas subset costs about 0.2 ms, and
    a redraw made one per kind and shape (30 of them, 7 ms of a 1,000-event redraw)."""

    def __init__(self, events: pd.DataFrame, lang: str, placements: list[Placement]) -> None:
        self.id = events["id"].to_numpy(dtype=object)
        self.kind = events["kind"].to_numpy(dtype=object)
        self.shape = events["shape"].to_numpy(dtype=object)
        self.start = events["start"].to_numpy(dtype=float)
        self.end = events["end"].to_numpy(dtype=float)
        self.fuzzy_start = events["fuzzy_start"].to_numpy(dtype=float)
        self.fuzzy_end = events["fuzzy_end"].to_numpy(dtype=float)
        fuzzy = events["approximate"].to_numpy(dtype=bool) | events["uncertain"].to_numpy(
            dtype=bool
        )
        self.exact = ~(fuzzy | (self.shape == WINDOW))
        self.x = anchor(events).to_numpy(dtype=float)
        self.lane = np.array([p.lane for p in placements], dtype=int)
        self.title = events[f"title_{lang}"].tolist()
        self.date = events["date"].tolist()


def _add_events(
    fig: Parts,
    events: pd.DataFrame,
    vocabulary: Vocabulary,
    options: FigureOptions,
    first: float,
    last: float,
    px_per_year: float,
) -> int:
    """One mark per event, in lanes where labels never overlap; return the number of lanes."""
    lang = options.lang
    labelled = len(events) <= MAX_LABELS  # above that, titles show on hover only
    placements = (
        place_labels(events, lang, px_per_year, first, last, labelled=labelled)
        if not events.empty
        else []
    )
    drawn = _Drawn(events, lang, placements)
    lane_count = int(drawn.lane.max()) + 1 if len(drawn.lane) else 1

    for kind in _kinds_in_order(events, vocabulary):
        rows = np.flatnonzero(drawn.kind == kind)
        if not len(rows):
            continue
        colour, symbol = kind_style(kind, vocabulary)
        name = vocabulary.kind_label(kind, lang) if kind else "—"
        _add_spans(fig, drawn, rows, kind, colour)
        fig.add_trace(
            Scatter(
                x=drawn.x[rows].tolist(),
                y=drawn.lane[rows].tolist(),
                mode="markers",
                name=html.escape(name, quote=False),
                legendgroup=kind,
                marker={
                    "size": 15,
                    "color": colour,
                    "symbol": [symbol if e else f"{symbol}-open" for e in drawn.exact[rows]],
                    "line": {"width": 2, "color": colour if colour != "#F0E442" else "#8a7d00"},
                },
                customdata=[
                    [
                        drawn.id[i],
                        when_text(drawn.date[i], lang),
                        html.escape(drawn.title[i], quote=False),
                    ]
                    for i in rows.tolist()
                ],
                hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]}<extra></extra>",
                cliponaxis=False,
            )
        )
    if labelled:
        _add_labels(fig, drawn, placements, options.plot_width_px)

    chosen = np.flatnonzero(drawn.id == options.selected) if options.selected is not None else []
    if len(chosen):
        fig.add_trace(
            Scatter(
                x=drawn.x[chosen].tolist(),
                y=drawn.lane[chosen].tolist(),
                mode="markers",
                marker={
                    "size": 30,
                    "symbol": "circle-open",
                    "color": HIGHLIGHT,  # an open symbol is stroked with the marker colour
                    "line": {"width": 3, "color": HIGHLIGHT},
                },
                hoverinfo="skip",
                showlegend=False,
                name="selected",
                cliponaxis=False,  # like the marks: a ring at the axis's end is not cut in half
            )
        )

    return lane_count


def _add_labels(fig: Parts, drawn: _Drawn, placements: list[Placement], plot_width_px: int) -> None:
    chars = label_chars(plot_width_px)
    fig.add_trace(
        Scatter(
            x=[p.label_x for p in placements],
            y=drawn.lane.tolist(),
            mode="text",
            text=[
                html.escape(short_label(title, chars), quote=False) if p.labelled else ""
                for title, p in zip(drawn.title, placements, strict=True)
            ],
            textposition=["middle " + p.label_side for p in placements],
            textfont={"size": LABEL_FONT_PX, "color": "#1a1a1a", "family": FONT},
            hoverinfo="skip",
            showlegend=False,
            name="labels",
        )
    )


def _segments(starts: np.ndarray, ends: np.ndarray, lanes: np.ndarray) -> tuple[list, list]:
    """Line segments for one scatter trace: x and y with a gap (None) after each."""
    xs: list = []
    ys: list = []
    for s, e, lane in zip(starts.tolist(), ends.tolist(), lanes.tolist(), strict=True):
        xs += (s, e, None)
        ys += (lane, lane, None)
    return xs, ys


def _add_spans(fig: Parts, drawn: _Drawn, rows: np.ndarray, kind: str, colour: str) -> None:
    """The bars under the markers: precision, periods, windows and fuzzy whiskers."""
    shape = drawn.shape[rows]
    styles = [
        (shape == POINT, {"width": 4}, 0.45),
        (shape == PERIOD, {"width": 9}, 0.55),
        ((shape != POINT) & (shape != PERIOD), {"width": 4, "dash": "dot"}, 0.9),
    ]
    for mask, line, opacity in styles:
        part = rows[mask]
        if not len(part):
            continue
        xs, ys = _segments(drawn.start[part], drawn.end[part], drawn.lane[part])
        fig.add_trace(
            Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": colour, **line},
                opacity=opacity,
                hoverinfo="skip",
                showlegend=False,
                legendgroup=kind,
            )
        )
    fuzzy = rows[drawn.fuzzy_start[rows] < drawn.start[rows]]
    if len(fuzzy):
        xs, ys = _segments(drawn.fuzzy_start[fuzzy], drawn.start[fuzzy], drawn.lane[fuzzy])
        xe, ye = _segments(drawn.end[fuzzy], drawn.fuzzy_end[fuzzy], drawn.lane[fuzzy])
        fig.add_trace(
            Scatter(
                x=xs + xe,
                y=ys + ye,
                mode="lines",
                line={"color": colour, "width": 2, "dash": "dot"},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=kind,
            )
        )


def _era_label(text: str, width_px: float) -> str | None:
    """The era's label, on two lines if one is too wide; None if even two lines would spill."""
    words = text.split()
    lines = [text]
    if len(text) * ERA_CHAR_PX > width_px and len(words) > 1:
        half = len(text) / 2
        cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - half))
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    if max(len(line) for line in lines) * ERA_CHAR_PX > width_px * 1.1:
        return None
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _add_eras(
    fig: Parts, eras: list[Era], lang: str, first: float, last: float, px_per_year: float
) -> None:
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
        label = _era_label(era.label(lang), (x1 - x0) * px_per_year)
        if label:
            fig.add_annotation(
                x=(x0 + x1) / 2,
                y=1.0,
                xref="x",
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                text=label,
                font={"size": 14, "color": "#444"},
            )
