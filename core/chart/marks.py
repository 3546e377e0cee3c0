"""The events on the chart: a mark per event, its bar, and its label.

Each event sits in the lane core/chart/labels.py chose; its bar shows how precise its
date is, its colour and shape its kind (core/chart/style.py). Labels are either the
packing's (every event that has room) or, in lecture mode, the events in focus only,
placed where there is room in pixels (core/chart/focus.py). Traces are built as plain
dicts: the figure validates them once (core/chart/figure.py).
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from core.chart.focus import Geometry, place_focus
from core.chart.labels import Placement, anchor, place_labels, ring_px, room_for_lanes
from core.chart.options import FigureOptions, plot_height
from core.chart.style import FONT, kind_style
from core.load.dates import PERIOD, POINT, WINDOW, when_text
from core.load.model import Vocabulary

HIGHLIGHT = "#111111"
MAX_LABELS = 400  # above this many events, titles show on hover only: the chart stays legible


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


def kinds_in_order(events: pd.DataFrame, vocabulary: Vocabulary) -> list[str]:
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
        self.placements = placements

    def keep(self, rows: np.ndarray) -> None:
        """Draw only these rows (lecture's build mode), where the whole deck put them."""
        for name in ("id", "kind", "shape", "start", "end", "fuzzy_start", "fuzzy_end"):
            setattr(self, name, getattr(self, name)[rows])
        self.exact, self.x, self.lane = self.exact[rows], self.x[rows], self.lane[rows]
        self.title = [self.title[i] for i in rows.tolist()]
        self.date = [self.date[i] for i in rows.tolist()]
        self.placements = [self.placements[i] for i in rows.tolist()]


def add_events(
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
    labelled = len(events) <= MAX_LABELS and options.room_px != 0  # else: titles on hover
    if events.empty:
        placements = []
    elif options.lanes is not None and labelled:  # labels shortened to fit these lanes
        room, placements = room_for_lanes(
            events,
            lang,
            px_per_year,
            first,
            last,
            options.lanes,
            label_px=options.label_px,
            mark_px=options.mark_px,
        )
        labelled = room != 0
    else:
        placements = place_labels(
            events,
            lang,
            px_per_year,
            first,
            last,
            labelled=labelled,
            label_px=options.label_px,
            mark_px=options.mark_px,
            room_px=options.room_px,
        )
    drawn = _Drawn(events, lang, placements)
    lane_count = int(drawn.lane.max()) + 1 if len(drawn.lane) else 1
    if options.lanes is not None:  # the height asked for, lanes left empty below if need be
        lane_count = max(lane_count, options.lanes)
    if options.shown is not None:
        drawn.keep(np.flatnonzero(np.isin(drawn.id, list(options.shown))))

    for kind in kinds_in_order(events, vocabulary):
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
                    "size": options.mark_px,
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
    chosen = np.flatnonzero(drawn.id == options.selected) if options.selected is not None else []
    if options.focus is not None:
        _add_focus_labels(fig, drawn, options, first, lane_count, px_per_year, chosen)
    elif labelled:
        _add_labels(fig, drawn, drawn.placements, options.label_px)

    if len(chosen):
        fig.add_trace(
            Scatter(
                x=drawn.x[chosen].tolist(),
                y=drawn.lane[chosen].tolist(),
                mode="markers",
                marker={
                    "size": ring_px(options.mark_px),
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


def _add_focus_labels(
    fig: Parts,
    drawn: _Drawn,
    options: FigureOptions,
    first: float,
    lane_count: int,
    px_per_year: float,
    chosen: np.ndarray,
) -> None:
    """Labels for the events in focus only (lecture mode), wherever there is room."""
    height = plot_height(options, lane_count)
    rows = {event_id: row for row, event_id in enumerate(drawn.id.tolist())}
    geometry = Geometry(
        x=(drawn.x - first) * px_per_year,
        y=(drawn.lane + 0.8) / (lane_count + 0.4) * height,
        bar_left=(np.minimum(drawn.fuzzy_start, drawn.start) - first) * px_per_year,
        bar_right=(np.maximum(drawn.fuzzy_end, drawn.end) - first) * px_per_year,
        shape=drawn.shape,
        width=options.plot_width_px,
        height=height,
        mark_px=options.mark_px,
        ringed=int(chosen[0]) if len(chosen) else None,
    )
    wanted = [
        (
            rows[event_id],
            drawn.title[rows[event_id]],
            700 if event_id == options.selected else 400,
            drawn.placements[rows[event_id]].label_side,
        )
        for event_id in options.focus or ()
        if event_id in rows
    ]
    placed = place_focus(geometry, wanted, options.label_px)
    fig.add_trace(
        Scatter(
            x=[first + label.x / px_per_year for label in placed],
            y=[int(drawn.lane[label.row]) for label in placed],
            mode="text",
            text=[html.escape(label.text, quote=False) for label in placed],
            textposition=["middle " + label.side for label in placed],
            textfont={
                "size": options.label_px,
                "color": ["#000000" if label.weight == 700 else "#333333" for label in placed],
                "weight": [label.weight for label in placed],
                "family": FONT,
            },
            hoverinfo="skip",
            showlegend=False,
            name="labels",
        )
    )


def _add_labels(fig: Parts, drawn: _Drawn, placements: list[Placement], label_px: float) -> None:
    fig.add_trace(
        Scatter(
            x=[p.label_x for p in placements],
            y=drawn.lane.tolist(),
            mode="text",
            text=[html.escape(p.text, quote=False) if p.labelled else "" for p in placements],
            textposition=["middle " + p.label_side for p in placements],
            textfont={"size": label_px, "color": "#1a1a1a", "family": FONT},
            hoverinfo="skip",
            showlegend=False,
            name="labels",
        )
    )


def bars_as_fills(data: list[dict], plot_height_px: float, lane_count: int) -> list[dict]:
    """The traces of a finished chart, its solid bars (`_add_spans`: lines `width` px thick,
    a gap after each bar) drawn as filled rectangles instead, one filled shape per trace.

    Plotly draws each piece of a line as its own path, and styles each path on its own,
    twice, at every redraw: 1,164 paths at 1,000 events, about a third of a redraw's time.
    A filled trace is one path. Each bar becomes the rectangle its line covered (a line's
    ends are cut square): from its start to its end, `width` px tall, centred on its lane,
    in a plot `plot_height_px` tall whose y axis spans `lane_count` + 0.4 lanes (the
    figure's). Dotted lines stay lines: a fill has no dashes.
    """
    px_per_lane = plot_height_px / (lane_count + 0.4)
    out = []
    for trace in data:
        line = trace.get("line", {})
        if trace.get("mode") != "lines" or "dash" in line:
            out.append(trace)
            continue
        half = line["width"] / 2 / px_per_lane
        xs: list = []
        ys: list = []
        x, y = trace["x"], trace["y"]
        for i in range(0, len(x) - 1, 3):  # start, end, gap
            start, end, lane = x[i], x[i + 1], y[i]
            low, high = round(lane - half, 4), round(lane + half, 4)
            xs += (start, end, end, start, None)
            ys += (low, low, high, high, None)
        kept = {k: v for k, v in trace.items() if k not in ("x", "y", "mode", "line")}
        out.append(
            {
                **kept,
                "x": xs,
                "y": ys,
                "mode": "none",
                "fill": "toself",
                "fillcolor": line["color"],
                "hoveron": "points",
            }
        )
    return out


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
