"""Labels put where there is room for them, in the chart's pixels: lecture mode's focus.

In lecture mode only the event being told and its neighbours are labelled; the marks
stay where the whole deck's packing put them (core/chart/labels.py), so a step moves
the labels and nothing else. Each label goes beside its own mark, on the side with more
room, as long as the room is free of every mark, bar and ring on the chart (and of the
labels placed before it), shortened with an ellipsis to what fits, or left to hover when
not even a few characters would. The same search labels a slide when its events are too
many for every label to have a lane of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.chart.labels import LABEL_PAD_PX, label_offset_px, mark_half_px, ring_px
from core.chart.metrics import fit_text, line_height_px, text_width_px
from core.load.dates import POINT

BAR_HALF_PX = 5.5  # half the thickest bar (a period's, 9 px) and a little more
CLEAR_PX = 4  # between a bar's end and a label
GAP_PX = 8  # between a label and whatever stops it


@dataclass(frozen=True)
class Geometry:
    """Where each drawn event is on the plot, in pixels from its top left corner."""

    x: np.ndarray  # the marker's centre
    y: np.ndarray
    bar_left: np.ndarray  # the event's bar (precision, period, window, whiskers)
    bar_right: np.ndarray
    shape: np.ndarray
    width: float  # the plot's width and height
    height: float
    mark_px: float
    ringed: int | None = None  # the row with a ring round its marker


@dataclass(frozen=True)
class FocusLabel:
    row: int
    x: float  # where the label starts (side "right") or ends ("left"), in pixels
    side: str
    text: str
    weight: int


def _obstacles(geometry: Geometry) -> np.ndarray:
    """One row per obstacle: left, top, right, bottom, and the event it belongs to."""
    g = geometry
    half = mark_half_px(g.mark_px)
    rows = np.arange(len(g.x), dtype=float)
    marks = np.column_stack([g.x - half, g.y - half, g.x + half, g.y + half, rows])
    bars = np.column_stack([g.bar_left, g.y - BAR_HALF_PX, g.bar_right, g.y + BAR_HALF_PX, rows])[
        g.bar_right > g.bar_left
    ]
    parts = [marks, bars]
    if g.ringed is not None:
        r = ring_px(g.mark_px) / 2 + 1.5
        x, y = g.x[g.ringed], g.y[g.ringed]
        parts.append(np.array([[x - r, y - r, x + r, y + r, g.ringed]]))
    return np.vstack(parts)


def _room(
    obstacles: np.ndarray, start: float, top: float, bottom: float, side: str, edge: float
) -> float:
    """The free run from `start` towards `side` within the band [top, bottom]."""
    level = (obstacles[:, 1] < bottom) & (obstacles[:, 3] > top)
    left, right = obstacles[level, 0], obstacles[level, 2]
    if side == "right":
        if np.any((left <= start) & (right > start)):
            return 0.0
        ahead = left[left > start]
        stop = min(edge, float(ahead.min()) - GAP_PX) if len(ahead) else edge
        return stop - start
    if np.any((left < start) & (right >= start)):
        return 0.0
    behind = right[right < start]
    stop = max(edge, float(behind.max()) + GAP_PX) if len(behind) else edge
    return start - stop


def place_focus(
    geometry: Geometry,
    wanted: list[tuple[int, str, int, str]],
    label_px: float,
) -> list[FocusLabel]:
    """Labels for `wanted` (row, title, font weight, preferred side), placed in turn."""
    g = geometry
    obstacles = _obstacles(g)
    offset = label_offset_px(g.mark_px)
    half_line = line_height_px(label_px) / 2
    placed: list[FocusLabel] = []
    for row, title, weight, preferred in wanted:
        x, y = float(g.x[row]), float(g.y[row])
        top, bottom = y - half_line, y + half_line
        if top < 0 or bottom > g.height:
            continue
        others = obstacles[obstacles[:, 4] != row]
        right = x + offset
        if g.shape[row] != POINT:  # a point's precision bar may run under its own label
            right = max(right, float(g.bar_right[row]) + CLEAR_PX)
        starts = {"right": right, "left": min(x - offset, float(g.bar_left[row]) - CLEAR_PX)}
        best: FocusLabel | None = None
        for side in (preferred, "left" if preferred == "right" else "right"):
            edge = g.width if side == "right" else 0.0
            room = _room(others, starts[side], top, bottom, side, edge) - LABEL_PAD_PX
            text = fit_text(title, room, label_px, weight) if room > 0 else ""
            if text and (best is None or len(text) > len(best.text)):
                best = FocusLabel(row, starts[side], side, text, weight)
        if best is None:
            continue
        placed.append(best)
        width = text_width_px(best.text, label_px, weight) + LABEL_PAD_PX
        left = best.x if best.side == "right" else best.x - width
        obstacles = np.vstack([obstacles, [[left, top, left + width, bottom, -1.0]]])
    return placed
