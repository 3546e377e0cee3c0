"""The boxes a figure's labels and marks take on screen, worked out from the figure itself.

For the fast tests: the same rule as the browser's (tests/support/chart_boxes.py), with
each label as wide as the app's font makes it (core/chart/metrics.py) and as tall as
Chromium draws it, and each mark as wide as the widest marker. The browser tests check
that these sums match what is drawn.
"""

from __future__ import annotations

from core.chart.labels import mark_half_height_px, mark_half_px
from core.chart.metrics import line_height_px, text_width_px
from tests.support.chart_boxes import Box


def figure_boxes(figure: dict, plot_height_px: float) -> tuple[list[tuple[str, Box]], list[Box]]:
    """(text, box) of each label and the box of each mark, in pixels of the plot. Labels
    are text traces, or annotations named "label" (lecture mode); the ring round the
    chosen event is a marker trace named "selected", or a shape named "ring"."""
    layout = figure["layout"]
    first, last = layout["xaxis"]["range"]
    bottom, top = layout["yaxis"]["range"]
    meta = layout["meta"]
    width = meta["plot_width_px"] if isinstance(meta, dict) else meta

    def px(x: float, y: float) -> tuple[float, float]:
        return (x - first) / (last - first) * width, (y - top) / (bottom - top) * plot_height_px

    def label(text: str, x: float, y: float, size: float, weight: int, ends: bool):
        left, middle = px(x, y)
        wide = text_width_px(text, size, weight)
        if ends:  # the label ends at x, left of its mark
            left -= wide
        half = line_height_px(size) / 2
        return text, Box(left, middle - half, left + wide, middle + half)

    def ring(x: float, y: float, half: float) -> Box:
        cx, cy = px(x, y)
        return Box(cx - half, cy - half, cx + half, cy + half)

    labels, marks = [], []
    for trace in figure["data"]:
        if trace.get("mode") == "text":
            font = trace["textfont"]
            weights = font.get("weight", 400)
            for i, (x, y, text) in enumerate(
                zip(trace["x"], trace["y"], trace["text"], strict=True)
            ):
                if text:
                    weight = weights[i] if isinstance(weights, list) else weights
                    ends = trace["textposition"][i].endswith("left")
                    labels.append(label(text, x, y, font["size"], weight, ends))
        elif trace.get("mode") == "markers":
            size = trace["marker"]["size"]
            for x, y in zip(trace["x"], trace["y"], strict=True):
                if trace.get("name") == "selected":
                    marks.append(ring(x, y, size / 2 + 1.5))
                    continue
                cx, cy = px(x, y)
                across, down = mark_half_px(size), mark_half_height_px(size)
                marks.append(Box(cx - across, cy - down, cx + across, cy + down))
    for note in layout.get("annotations", ()):
        if note.get("name") == "label" and note.get("visible", True) and note["text"]:
            font = note["font"]
            ends = note["xanchor"] == "right"
            labels.append(
                label(note["text"], note["x"], note["y"], font["size"], font["weight"], ends)
            )
    for shape in layout.get("shapes", ()):
        if shape.get("name") == "ring":
            half = shape["x1"] + shape["line"]["width"] / 2
            marks.append(ring(shape["xanchor"], shape["yanchor"], half))
    return labels, marks
